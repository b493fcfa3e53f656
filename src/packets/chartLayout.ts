// The flow chart as data: the model a packet block carries (content.ts), and the geometry
// svg.ts lays out from it, which the HTML (SVG) and the PDF draw alike. Types only.

export type ChartMark = 'FLAGGED' | 'UNTRACED' | 'NONE';

/** One facility: what its box says, before any wrapping. */
export interface ChartModelNode {
  id: string;
  tier: number;
  /** the operating firm: its facilities sit side by side */
  group: string;
  mark: ChartMark;
  facility: string;
  firm: string;
  localName: string | null;
  place: string;
  /** what it ships, or its role where it ships nothing ("importer") */
  ships: string;
  /** the flag kinds that mark it, e.g. "XUAR_LOCATION" */
  flagNote: string;
}
export interface ChartEdge {
  from: string;
  to: string;
  label: string;
  flagged: boolean;
}
export interface ChartModel {
  nodes: ChartModelNode[];
  edges: ChartEdge[];
}

/** A wrapped line of a box, baseline `y` below the box's top. */
export interface ChartText {
  text: string;
  size: number;
  bold: boolean;
  tone: 'text' | 'muted' | 'flag';
  y: number;
}
export interface ChartNode {
  id: string;
  tier: number;
  mark: ChartMark;
  lines: ChartText[];
  /** the full label, for a tooltip */
  title: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
/** One tier's band: the chart can be cut between bands to fit a page. */
export interface ChartLane {
  tier: number;
  label: string;
  top: number;
  bottom: number;
}
export interface ChartLayout {
  width: number;
  height: number;
  nodes: ChartNode[];
  edges: ChartEdge[];
  /** top to bottom: the deepest tier first, the importer last */
  lanes: ChartLane[];
  /** where the lane captions are right-aligned */
  labelRight: number;
}
