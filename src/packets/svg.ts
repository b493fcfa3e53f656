// The supply chain flow chart: one box per facility, one row per tier from the raw material at
// the top down to the importer, one arrow per hop. Laid out here (rows and order from
// tierLayout.ts, as the web explorer lays out), with every label wrapped to its box in the
// fonts the PDF prints with, so the SVG (HTML) and the PDF draw one geometry and no label is
// cut. No browser involved.
import { flagKindRule } from '../trace/rules/flagKinds';
import { loadFonts, FontSet } from './fonts';
import { cmp, firmName, Lookup, materialName, placeOf } from './lookup';
import { breakLines, plainSpans } from './textLayout';
import { facilityTiers, layoutRows } from './tierLayout';
import type { ChartEdge, ChartLane, ChartLayout, ChartModel, ChartModelNode, ChartNode, ChartText } from './chartLayout';

/** the width a chart is laid out for: the PDF prints it at 83% or more of its size */
const TARGET_W = 620;
const NODE_W_MIN = 150;
const NODE_W_MAX = 300;
const PAD = 6;
const GAP_X = 16;
/** between tiers: room for the arrows */
const GAP_Y = 30;
/** between the rows of one tier too wide for one row */
const GAP_SUB = 12;
const LABEL_W = 52;
const MARGIN = 8;
/** boxes side by side at most: wider tiers wrap into more rows, so the chart prints at 80% or more */
export const MAX_COLUMNS = 3;
const LOOP_ROOM = 22;
const LINE_HEIGHT = 1.28;

export const COLORS = {
  FLAGGED: { stroke: '#b03a2e', fill: '#fdecea' },
  UNTRACED: { stroke: '#b9770e', fill: '#fef5e7' },
  NONE: { stroke: '#34495e', fill: '#f4f6f7' },
  edge: '#566573',
  edgeFlagged: '#b03a2e',
  text: '#1b2631',
  muted: '#5d6d7e',
  flag: '#922b21',
  band: '#f7f9f9',
};
export const TONE = { text: COLORS.text, muted: COLORS.muted, flag: COLORS.flag } as const;

/** A dashed box's note: "UNTRACED INPUT" where that is all, else the kinds that keep the verdict INCOMPLETE. */
const incompleteNote = (kinds: string[]) =>
  kinds.every((k) => k === 'UNTRACED_INPUT') ? 'UNTRACED INPUT' : `INCOMPLETE: ${kinds.sort().join(', ')}`;

/** Nodes and edges from the trace: one node per facility, one edge per (source, destination, material). */
export function chartModel(l: Lookup): ChartModel {
  const tierOf = facilityTiers(l.orderedHops);
  const flagged = new Map<string, Set<string>>();
  /** facilities whose flags make the verdict INCOMPLETE (an untraced input, an unreviewed possible listing), with those kinds */
  const untraced = new Map<string, Set<string>>();
  const flaggedFlows = new Set<string>();
  const mark = (id: string, kind: string) => flagged.set(id, (flagged.get(id) ?? new Set()).add(kind));
  for (const f of l.data.trace.flags) {
    // red for the presumptive kinds, dashed for those that make the verdict INCOMPLETE (untraced inputs)
    const rule = flagKindRule(f.kind);
    if (rule?.presumptive) {
      if (f.facilityId) mark(f.facilityId, f.kind);
      else if (f.flowId) {
        const hop = l.hops.get(f.flowId);
        if (hop) mark(hop.fromFacilityId, f.kind);
      }
      f.path.forEach((id) => flaggedFlows.add(id));
    } else if (rule?.verdictEffect === 'INCOMPLETE' && f.flowId) {
      const hop = l.hops.get(f.flowId);
      if (hop) untraced.set(hop.fromFacilityId, (untraced.get(hop.fromFacilityId) ?? new Set()).add(f.kind));
    }
  }
  const ships = new Map<string, string[]>();
  for (const h of l.orderedHops) {
    const names = ships.get(h.fromFacilityId) ?? [];
    const m = materialName(l, h.materialId);
    if (!names.includes(m)) names.push(m);
    ships.set(h.fromFacilityId, names);
  }
  const nodes = [...tierOf.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([id, tier]): ChartModelNode => {
      const fac = l.facilities.get(id);
      const firmId = fac?.firmId ?? id;
      const firm = l.firms.get(firmId);
      const kinds = [...(flagged.get(id) ?? [])];
      const out = ships.get(id);
      return {
        id,
        tier,
        group: firmId,
        mark: kinds.length ? 'FLAGGED' : untraced.has(id) ? 'UNTRACED' : 'NONE',
        facility: fac?.name ?? id,
        firm: firmName(l, firmId),
        localName: firm?.localName?.trim() || null,
        place: placeOf(l, id),
        ships: out ? `ships ${out.join(', ')}` : firmId === l.data.shipment.importerId ? 'importer of record' : 'receives only',
        flagNote: kinds.length ? `FLAGGED: ${kinds.join(', ')}` : untraced.has(id) ? incompleteNote([...untraced.get(id)!]) : '',
      };
    });
  const edges = new Map<string, ChartEdge>();
  for (const h of l.orderedHops) {
    const key = JSON.stringify([h.fromFacilityId, h.toFacilityId, h.materialId]);
    const prev = edges.get(key);
    const isFlagged = flaggedFlows.has(h.flowId);
    if (prev) prev.flagged ||= isFlagged;
    else edges.set(key, { from: h.fromFacilityId, to: h.toFacilityId, label: materialName(l, h.materialId), flagged: isFlagged });
  }
  return { nodes, edges: [...edges.entries()].sort(([a], [b]) => cmp(a, b)).map(([, e]) => e) };
}

/** A box's lines, each wrapped to the box: facility, firm, local name, place, what it ships, its flags. */
function boxLines(n: ChartModelNode, fonts: FontSet, boxW: number): { lines: ChartText[]; h: number } {
  const parts: { text: string; size: number; bold: boolean; tone: ChartText['tone'] }[] = [
    { text: n.facility, size: 9.5, bold: true, tone: 'text' },
    { text: n.firm, size: 8.5, bold: false, tone: 'text' },
    ...(n.localName && n.localName !== n.firm ? [{ text: n.localName, size: 8.5, bold: false, tone: 'text' as const }] : []),
    ...(n.place ? [{ text: n.place, size: 8, bold: false, tone: 'muted' as const }] : []),
    { text: n.ships, size: 8, bold: false, tone: 'muted' },
    ...(n.flagNote ? [{ text: n.flagNote, size: 8, bold: true, tone: 'flag' as const }] : []),
  ];
  const lines: ChartText[] = [];
  let y = PAD;
  for (const p of parts) {
    for (const line of breakLines(plainSpans(p.text, { bold: p.bold }), boxW - 2 * PAD, p.size, fonts)) {
      lines.push({ text: line.pieces.map((x) => x.text).join(''), size: p.size, bold: p.bold, tone: p.tone, y: y + p.size });
      y += p.size * LINE_HEIGHT;
    }
  }
  return { lines, h: Math.ceil(y + PAD - 2) };
}

const laneLabel = (tier: number) => (tier === 0 ? 'Importer' : `Tier ${tier}`);

/**
 * Rows by tier, the deepest at the top; within a row the order (and, where the chart stays
 * within MAX_COLUMNS boxes wide, the place) that tierLayout gives; a tier with more boxes
 * wraps. Boxes are as wide as the columns allow, so a narrow chain wraps its labels less.
 */
export function layoutChart(model: ChartModel, fonts: FontSet = loadFonts()): ChartLayout {
  // places in units of one box (slot 1), then boxes sized to the columns used
  const shared = layoutRows(
    model.nodes.map((n) => ({ id: n.id, row: n.tier, group: n.group })),
    model.edges.map((e) => ({ from: e.from, to: e.to })),
    { slot: 1, groupGap: 0 },
  );
  const xs = [...shared.x.values()];
  const minX = xs.length ? Math.min(...xs) : 0;
  const spanSlots = xs.length ? Math.max(...xs) - minX + 1 : 1;
  const gridded = spanSlots > MAX_COLUMNS + 1e-9;
  const columnsUsed = gridded ? Math.min(MAX_COLUMNS, Math.max(1, ...[...shared.rows.values()].map((r) => r.length))) : spanSlots;
  const left = MARGIN + LABEL_W;
  const nodeW = Math.round(
    Math.max(NODE_W_MIN, Math.min(NODE_W_MAX, (TARGET_W - left - MARGIN - (columnsUsed - 1) * GAP_X) / columnsUsed)),
  );
  const slot = nodeW + GAP_X;
  // wrapped tiers stagger their rows by half a box, so arrows from a row drop through the gaps of the next
  const staggered = gridded && [...shared.rows.values()].some((r) => r.length > MAX_COLUMNS);
  const innerW = columnsUsed * slot - GAP_X + (staggered ? slot / 2 : 0);
  const boxes = new Map(model.nodes.map((n) => [n.id, { n, ...boxLines(n, fonts, nodeW) }]));
  const backward = model.edges.some((e) => {
    const a = model.nodes.find((n) => n.id === e.from);
    const b = model.nodes.find((n) => n.id === e.to);
    return !!a && !!b && a.tier <= b.tier;
  });

  const nodes: ChartNode[] = [];
  const lanes: ChartLane[] = [];
  let top = MARGIN;
  const tiers = [...shared.rows.keys()].sort((a, b) => b - a);
  for (const tier of tiers) {
    const ids = [...shared.rows.get(tier)!].sort((a, b) => shared.x.get(a)! - shared.x.get(b)!);
    const subRows: string[][] = [];
    if (!gridded) subRows.push(ids);
    else for (let i = 0; i < ids.length; i += MAX_COLUMNS) subRows.push(ids.slice(i, i + MAX_COLUMNS));
    const laneTop = top;
    subRows.forEach((row, r) => {
      const h = Math.max(...row.map((id) => boxes.get(id)!.h));
      const rowW = row.length * slot - GAP_X;
      const rowX = subRows.length > 1 ? left + (r % 2) * (slot / 2) : left + (innerW - rowW) / 2;
      row.forEach((id, i) => {
        const b = boxes.get(id)!;
        const x = !gridded ? left + (shared.x.get(id)! - minX) * slot : rowX + i * slot;
        nodes.push({
          id,
          tier,
          mark: b.n.mark,
          lines: b.lines,
          title: [b.n.facility, b.n.firm, b.n.localName, b.n.place, b.n.ships, b.n.flagNote].filter(Boolean).join(' | '),
          x,
          y: top,
          w: nodeW,
          h,
        });
      });
      top += h + (r < subRows.length - 1 ? GAP_SUB : 0);
    });
    lanes.push({ tier, label: laneLabel(tier), top: laneTop, bottom: top });
    top += GAP_Y;
  }
  return {
    width: Math.ceil(left + innerW + MARGIN + (backward ? LOOP_ROOM : 0)),
    height: Math.ceil(top - GAP_Y + MARGIN),
    nodes,
    edges: model.edges,
    lanes,
    labelRight: MARGIN + LABEL_W - 8,
  };
}

/** start, straight down to `from`, a cubic curve (c1, c2) to `to`, straight on to `end`. */
export interface EdgeGeometry {
  start: [number, number];
  from: [number, number];
  c1: [number, number];
  c2: [number, number];
  to: [number, number];
  end: [number, number];
}

/**
 * Down from the source's foot to the destination's head: straight to the foot of the
 * source's tier (through the gaps of a wrapped tier's lower rows), a curve to the head of the
 * destination's tier, straight on to the box. Hops that go up or sideways (cycles) loop round
 * the right.
 */
export function edgeGeometry(layout: ChartLayout, e: ChartEdge): EdgeGeometry | null {
  const a = layout.nodes.find((n) => n.id === e.from);
  const b = layout.nodes.find((n) => n.id === e.to);
  if (!a || !b) return null;
  if (a.y + a.h <= b.y) {
    const laneA = layout.lanes.find((l) => l.tier === a.tier);
    const laneB = layout.lanes.find((l) => l.tier === b.tier);
    const start: [number, number] = [a.x + a.w / 2, a.y + a.h];
    const end: [number, number] = [b.x + b.w / 2, b.y];
    const from: [number, number] = [start[0], Math.max(start[1], Math.min(laneA?.bottom ?? start[1], end[1]))];
    const to: [number, number] = [end[0], Math.min(end[1], Math.max(laneB?.top ?? end[1], from[1]))];
    const my = (from[1] + to[1]) / 2;
    return { start, from, c1: [from[0], my], c2: [to[0], my], to, end };
  }
  const start: [number, number] = [a.x + a.w, a.y + a.h / 2];
  const end: [number, number] = [b.x + b.w, b.y + b.h / 2];
  const right = layout.width - MARGIN / 2;
  return { start, from: start, c1: [right, start[1]], c2: [right, end[1]], to: end, end };
}

/** The edge as an SVG path. */
export const edgePath = (g: EdgeGeometry): string =>
  `M${g.start[0]},${g.start[1]} L${g.from[0]},${g.from[1]} C${g.c1[0]},${g.c1[1]} ${g.c2[0]},${g.c2[1]} ${g.to[0]},${g.to[1]} L${g.end[0]},${g.end[1]}`;

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const FONT_STACK =
  "'Noto Sans', 'Noto Sans SC', 'Noto Sans CJK SC', 'Noto Sans TC', 'Noto Naskh Arabic', 'Noto Sans Thai', 'Noto Sans Bengali', Helvetica, Arial, sans-serif";

/** The chart as SVG; it scales to its container (viewBox) and, printed, to the page. */
export function renderSvg(layout: ChartLayout): string {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="flow-chart" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" preserveAspectRatio="xMidYMin meet" role="img" aria-label="Supply chain flow chart" font-family="${xmlEscape(FONT_STACK)}">`,
  );
  out.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
  );
  layout.lanes.forEach((lane, i) => {
    if (i % 2 === 0)
      out.push(
        `<rect x="${MARGIN / 2}" y="${lane.top - 6}" width="${layout.width - MARGIN}" height="${lane.bottom - lane.top + 12}" fill="${COLORS.band}"/>`,
      );
    out.push(
      `<text x="${layout.labelRight}" y="${(lane.top + lane.bottom) / 2 + 4}" text-anchor="end" font-size="10" font-weight="bold" fill="${COLORS.muted}">${lane.label}</text>`,
    );
  });
  for (const e of layout.edges) {
    const g = edgeGeometry(layout, e);
    if (!g) continue;
    const color = e.flagged ? COLORS.edgeFlagged : COLORS.edge;
    const d = edgePath(g);
    out.push(
      `<path d="${d}" fill="none" stroke="${color}" stroke-width="${e.flagged ? 2 : 1.2}" marker-end="url(#arrow)"><title>${xmlEscape(e.label)}</title></path>`,
    );
  }
  for (const n of layout.nodes) {
    const c = COLORS[n.mark];
    out.push(`<g><title>${xmlEscape(n.title)}</title>`);
    out.push(
      `<rect x="${n.x}" y="${n.y}" width="${n.w}" height="${n.h}" rx="5" fill="${c.fill}" stroke="${c.stroke}" stroke-width="${n.mark === 'NONE' ? 1 : 2}"${n.mark === 'UNTRACED' ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
    for (const t of n.lines)
      out.push(
        `<text x="${n.x + PAD}" y="${round(n.y + t.y)}" font-size="${t.size}"${t.bold ? ' font-weight="bold"' : ''} fill="${TONE[t.tone]}">${xmlEscape(t.text)}</text>`,
      );
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

const round = (v: number) => Math.round(v * 100) / 100;
export const BOX_PAD = PAD;

/** The same chart as Mermaid, for the Markdown edition: top down, upstream first. */
export function renderMermaid(model: ChartModel): string {
  const order = [...model.nodes].sort((a, b) => b.tier - a.tier || cmp(a.id, b.id));
  const idOf = new Map(order.map((n, i) => [n.id, `n${i + 1}`]));
  const label = (s: string) =>
    s
      .replace(/"/g, '#quot;')
      .replace(/</g, '#lt;')
      .replace(/>/g, '#gt;')
      .replace(/[\r\n]+/g, ' ');
  const lines = ['flowchart TB'];
  for (const n of order) {
    const text = [n.facility, n.firm, n.localName, `tier ${n.tier}${n.place ? ` | ${n.place}` : ''}`, n.flagNote].filter(
      Boolean,
    ) as string[];
    lines.push(`  ${idOf.get(n.id)}["${text.map(label).join('<br/>')}"]`);
  }
  for (const e of model.edges) {
    const a = idOf.get(e.from);
    const b = idOf.get(e.to);
    if (a && b) lines.push(`  ${a} -->|"${label(e.label)}"| ${b}`);
  }
  const flagged = order.filter((n) => n.mark === 'FLAGGED').map((n) => idOf.get(n.id));
  const untraced = order.filter((n) => n.mark === 'UNTRACED').map((n) => idOf.get(n.id));
  if (flagged.length)
    lines.push(
      `  classDef flagged fill:${COLORS.FLAGGED.fill},stroke:${COLORS.FLAGGED.stroke},stroke-width:2px`,
      `  class ${flagged.join(',')} flagged`,
    );
  if (untraced.length)
    lines.push(
      `  classDef untraced fill:${COLORS.UNTRACED.fill},stroke:${COLORS.UNTRACED.stroke},stroke-dasharray:5 3`,
      `  class ${untraced.join(',')} untraced`,
    );
  return lines.join('\n');
}
