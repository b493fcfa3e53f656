// The flow chart's geometry as data: what svg.ts lays out and the HTML, PDF and Markdown
// editions draw. Types only, so a packet block can carry a chart without the drawing code.

export interface ChartNode {
  id: string;
  lines: [string, string, string];
  tier: number;
  mark: 'FLAGGED' | 'UNTRACED' | 'NONE';
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface ChartEdge {
  from: string;
  to: string;
  label: string;
  flagged: boolean;
}
/** LR: tiers as columns (wide screens); TB: tiers as rows, deepest on top (portrait pages). */
export type ChartDirection = 'LR' | 'TB';
export interface ChartLayout {
  dir: ChartDirection;
  width: number;
  height: number;
  nodes: ChartNode[];
  edges: ChartEdge[];
  /** where each tier's caption goes */
  lanes: { tier: number; x: number; y: number; anchor: 'middle' | 'start' }[];
}
