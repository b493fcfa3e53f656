// The supply chain flow chart: facilities in lanes by tier (raw material first, the
// importer last), one arrow per hop. Laid out here so the SVG (HTML) and the
// PDF drawing share one geometry; no browser involved.
import { flagKindRule } from '../trace/rules/flagKinds';
import { cmp, firmName, Lookup, materialName, placeOf } from './lookup';
import type { ChartDirection, ChartEdge, ChartLayout, ChartNode } from './chartLayout';

export const NODE_W = 190;
export const NODE_H = 58;
const MARGIN = 16;
const LR = { gapX: 80, gapY: 18, header: 26 };
const TB = { gapX: 22, gapY: 48, label: 62 };

export function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Nodes and edges from the trace: one node per facility, one edge per (source, destination, material). */
export function chartModel(l: Lookup): { nodes: Omit<ChartNode, 'x' | 'y' | 'w' | 'h'>[]; edges: ChartEdge[] } {
  const tierOf = new Map<string, number>();
  for (const h of l.orderedHops) {
    const t = tierOf.get(h.fromFacilityId);
    if (t === undefined || h.tier < t) tierOf.set(h.fromFacilityId, h.tier);
  }
  for (const h of l.orderedHops) if (!tierOf.has(h.toFacilityId)) tierOf.set(h.toFacilityId, h.tier - 1);
  const flagged = new Set<string>();
  const untraced = new Set<string>();
  const flaggedFlows = new Set<string>();
  for (const f of l.data.trace.flags) {
    // red for the presumptive kinds, dashed for those that make the verdict INCOMPLETE (untraced inputs)
    const rule = flagKindRule(f.kind);
    if (rule?.presumptive) {
      if (f.facilityId) flagged.add(f.facilityId);
      else if (f.flowId) {
        const hop = l.hops.get(f.flowId);
        if (hop) flagged.add(hop.fromFacilityId);
      }
      f.path.forEach((id) => flaggedFlows.add(id));
    } else if (rule?.verdictEffect === 'INCOMPLETE' && f.flowId) {
      const hop = l.hops.get(f.flowId);
      if (hop) untraced.add(hop.fromFacilityId);
    }
  }
  const nodes = [...tierOf.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([id, tier]) => {
      const fac = l.facilities.get(id);
      const country = placeOf(l, id).split(', ').pop() ?? '';
      return {
        id,
        tier,
        lines: [fac?.name ?? id, firmName(l, fac?.firmId ?? id), `tier ${tier}${country ? ` | ${country}` : ''}`] as [
          string,
          string,
          string,
        ],
        mark: (flagged.has(id) ? 'FLAGGED' : untraced.has(id) ? 'UNTRACED' : 'NONE') as ChartNode['mark'],
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

/** One lane per tier; within a lane, nodes ordered by where their customers sit (fewer crossings). */
export function layoutChart(model: ReturnType<typeof chartModel>, dir: ChartDirection = 'LR'): ChartLayout {
  const tiers = [...new Set(model.nodes.map((n) => n.tier))].sort((a, b) => a - b);
  const maxTier = tiers.length ? tiers[tiers.length - 1] : 0;
  const minTier = tiers.length ? tiers[0] : 0;
  const lanesCount = maxTier - minTier + 1;
  const posOf = new Map<string, number>();
  const byTier = new Map<number, typeof model.nodes>();
  for (const t of tiers)
    byTier.set(
      t,
      model.nodes.filter((n) => n.tier === t),
    );
  for (const t of tiers) {
    const lane = byTier.get(t)!;
    const weight = (id: string) => {
      const ps = model.edges.filter((e) => e.from === id && posOf.has(e.to)).map((e) => posOf.get(e.to)!);
      return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : Number.MAX_SAFE_INTEGER;
    };
    lane.sort((a, b) => weight(a.id) - weight(b.id) || cmp(a.id, b.id));
    lane.forEach((n, i) => posOf.set(n.id, i));
  }
  const widest = Math.max(1, ...[...byTier.values()].map((c) => c.length));
  const nodes: ChartNode[] = [];
  if (dir === 'LR') {
    const laneX = (tier: number) => MARGIN + (maxTier - tier) * (NODE_W + LR.gapX);
    for (const t of tiers)
      byTier
        .get(t)!
        .forEach((n, i) => nodes.push({ ...n, x: laneX(t), y: MARGIN + LR.header + i * (NODE_H + LR.gapY), w: NODE_W, h: NODE_H }));
    return {
      dir,
      nodes,
      edges: model.edges,
      width: MARGIN * 2 + lanesCount * NODE_W + (lanesCount - 1) * LR.gapX,
      height: MARGIN * 2 + LR.header + widest * NODE_H + (widest - 1) * LR.gapY + 20,
      lanes: tiers.map((tier) => ({ tier, x: laneX(tier) + NODE_W / 2, y: MARGIN + 12, anchor: 'middle' })),
    };
  }
  const laneY = (tier: number) => MARGIN + (maxTier - tier) * (NODE_H + TB.gapY);
  for (const t of tiers)
    byTier
      .get(t)!
      .forEach((n, i) => nodes.push({ ...n, x: MARGIN + TB.label + i * (NODE_W + TB.gapX), y: laneY(t), w: NODE_W, h: NODE_H }));
  return {
    dir,
    nodes,
    edges: model.edges,
    width: MARGIN * 2 + TB.label + widest * NODE_W + (widest - 1) * TB.gapX + 40,
    height: MARGIN * 2 + lanesCount * NODE_H + (lanesCount - 1) * TB.gapY,
    lanes: tiers.map((tier) => ({ tier, x: MARGIN, y: laneY(tier) + NODE_H / 2 + 4, anchor: 'start' })),
  };
}

export interface EdgeGeometry {
  d: string;
  start: [number, number];
  end: [number, number];
  c1: [number, number];
  c2: [number, number];
  labelAt: [number, number];
  labelAnchor: 'middle' | 'start';
}

/** A cubic curve from source to destination in the flow direction; backward hops (cycles) loop around. */
export function edgeGeometry(layout: ChartLayout, e: ChartEdge): EdgeGeometry | null {
  const a = layout.nodes.find((n) => n.id === e.from);
  const b = layout.nodes.find((n) => n.id === e.to);
  if (!a || !b) return null;
  const geo = (
    start: [number, number],
    c1: [number, number],
    c2: [number, number],
    end: [number, number],
    labelAt: [number, number],
    labelAnchor: 'middle' | 'start' = 'middle',
  ): EdgeGeometry => ({
    d: `M${start[0]},${start[1]} C${c1[0]},${c1[1]} ${c2[0]},${c2[1]} ${end[0]},${end[1]}`,
    start,
    end,
    c1,
    c2,
    labelAt,
    labelAnchor,
  });
  if (layout.dir === 'LR') {
    if (a.x < b.x) {
      const start: [number, number] = [a.x + a.w, a.y + a.h / 2];
      const end: [number, number] = [b.x, b.y + b.h / 2];
      const mx = (start[0] + end[0]) / 2;
      return geo(start, [mx, start[1]], [mx, end[1]], end, [mx, (start[1] + end[1]) / 2 - 4]);
    }
    const start: [number, number] = [a.x + a.w / 2, a.y + a.h];
    const end: [number, number] = [b.x + b.w / 2, b.y + b.h];
    const low = Math.max(start[1], end[1]) + LR.gapY;
    return geo(start, [start[0], low], [end[0], low], end, [(start[0] + end[0]) / 2, low + 2]);
  }
  if (a.y < b.y) {
    const start: [number, number] = [a.x + a.w / 2, a.y + a.h];
    const end: [number, number] = [b.x + b.w / 2, b.y];
    const my = (start[1] + end[1]) / 2;
    return geo(start, [start[0], my], [end[0], my], end, [(start[0] + end[0]) / 2 + 6, my + 3], 'start');
  }
  const start: [number, number] = [a.x + a.w, a.y + a.h / 2];
  const end: [number, number] = [b.x + b.w, b.y + b.h / 2];
  const right = Math.max(start[0], end[0]) + 30;
  return geo(start, [right, start[1]], [right, end[1]], end, [right + 4, (start[1] + end[1]) / 2], 'start');
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export const COLORS = {
  FLAGGED: { stroke: '#b03a2e', fill: '#fdecea' },
  UNTRACED: { stroke: '#b9770e', fill: '#fef5e7' },
  NONE: { stroke: '#34495e', fill: '#f4f6f7' },
  edge: '#566573',
  edgeFlagged: '#b03a2e',
  text: '#1b2631',
  muted: '#5d6d7e',
};

export function renderSvg(layout: ChartLayout): string {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="Supply chain flow chart" font-family="Helvetica, Arial, sans-serif">`,
  );
  out.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
  );
  for (const c of layout.lanes) {
    out.push(
      `<text x="${c.x}" y="${c.y}" text-anchor="${c.anchor}" font-size="12" fill="${COLORS.muted}">${c.tier === 0 ? 'Importer' : `Tier ${c.tier}`}</text>`,
    );
  }
  for (const e of layout.edges) {
    const g = edgeGeometry(layout, e);
    if (!g) continue;
    const color = e.flagged ? COLORS.edgeFlagged : COLORS.edge;
    out.push(`<path d="${g.d}" fill="none" stroke="${color}" stroke-width="${e.flagged ? 2 : 1.3}" marker-end="url(#arrow)"/>`);
    out.push(
      `<text x="${g.labelAt[0]}" y="${g.labelAt[1]}" text-anchor="${g.labelAnchor}" font-size="10" fill="${color}">${xmlEscape(clip(e.label, 22))}</text>`,
    );
  }
  for (const n of layout.nodes) {
    const c = COLORS[n.mark];
    out.push(`<g><title>${xmlEscape(`${n.lines[0]} (${n.lines[1]})`)}</title>`);
    out.push(
      `<rect x="${n.x}" y="${n.y}" width="${n.w}" height="${n.h}" rx="6" fill="${c.fill}" stroke="${c.stroke}" stroke-width="${n.mark === 'NONE' ? 1 : 2}"${n.mark === 'UNTRACED' ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
    out.push(
      `<text x="${n.x + 8}" y="${n.y + 17}" font-size="11" font-weight="bold" fill="${COLORS.text}">${xmlEscape(clip(n.lines[0], 30))}</text>`,
    );
    out.push(`<text x="${n.x + 8}" y="${n.y + 33}" font-size="10" fill="${COLORS.text}">${xmlEscape(clip(n.lines[1], 32))}</text>`);
    out.push(
      `<text x="${n.x + 8}" y="${n.y + 49}" font-size="10" fill="${COLORS.muted}">${xmlEscape(clip(n.lines[2], 32))}${n.mark === 'FLAGGED' ? ' | FLAGGED' : n.mark === 'UNTRACED' ? ' | UNTRACED' : ''}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The same chart as Mermaid, for the Markdown edition. */
export function renderMermaid(layout: ChartLayout): string {
  const idOf = new Map(layout.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const label = (s: string) =>
    s
      .replace(/"/g, '#quot;')
      .replace(/</g, '#lt;')
      .replace(/>/g, '#gt;')
      .replace(/[\r\n]+/g, ' ');
  const lines = ['flowchart LR'];
  for (const n of layout.nodes) lines.push(`  ${idOf.get(n.id)}["${label(n.lines[0])}<br/>${label(n.lines[1])}<br/>${label(n.lines[2])}"]`);
  for (const e of layout.edges) {
    const a = idOf.get(e.from);
    const b = idOf.get(e.to);
    if (a && b) lines.push(`  ${a} -->|"${label(e.label)}"| ${b}`);
  }
  const flagged = layout.nodes.filter((n) => n.mark === 'FLAGGED').map((n) => idOf.get(n.id));
  const untraced = layout.nodes.filter((n) => n.mark === 'UNTRACED').map((n) => idOf.get(n.id));
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
