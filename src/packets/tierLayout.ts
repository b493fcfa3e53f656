// Where each facility of a supply chain sits: one row per tier, upstream at the top and the
// importer at the bottom; within a row each facility under the mean of the neighbours already
// placed (fewer crossings), a firm's facilities side by side. Pure and free of imports: the
// packets' flow chart (svg.ts) and the web explorer (web/src/graph.ts) both lay out with it,
// so the PDF, the HTML and the explorer draw a chain the same way.

export interface TierHop {
  fromFacilityId: string;
  toFacilityId: string;
  tier: number;
}

/**
 * A facility's tier: the deepest tier it ships at, so every arrow out of it points down;
 * a facility that only receives (the importer's) sits one above the lowest hop into it.
 */
export function facilityTiers(hops: TierHop[]): Map<string, number> {
  const tier = new Map<string, number>();
  for (const h of hops) tier.set(h.fromFacilityId, Math.max(tier.get(h.fromFacilityId) ?? 0, h.tier));
  const into = new Map<string, number>();
  for (const h of hops) if (!tier.has(h.toFacilityId)) into.set(h.toFacilityId, Math.min(into.get(h.toFacilityId) ?? h.tier, h.tier));
  for (const [id, t] of into) tier.set(id, t - 1);
  return tier;
}

export interface RowItem {
  id: string;
  /** the tier: rows are filled from the one nearest 0 outward */
  row: number;
  /** items of one group (a firm) stay side by side */
  group?: string | null;
}
export interface RowLink {
  from: string;
  to: string;
}
export interface RowLayout {
  /** each row's ids, left to right */
  rows: Map<number, string[]>;
  /** the centre of each item, in units of `slot` plus group gaps */
  x: Map<string, number>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Rows from the one nearest 0 outward; in each, groups sorted by the mean position of their
 * items' placed neighbours, the row centred on them. `slot` is an item's width with its
 * margin, `groupGap` the space added around each group.
 */
export function layoutRows(items: RowItem[], links: RowLink[], opts: { slot: number; groupGap: number }): RowLayout {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const l of links) {
    link(l.from, l.to);
    link(l.to, l.from);
  }
  const byRow = new Map<number, RowItem[]>();
  for (const it of [...items].sort((a, b) => byText(a.id, b.id))) byRow.set(it.row, [...(byRow.get(it.row) ?? []), it]);
  const order = [...byRow.keys()].sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
  const x = new Map<string, number>();
  const rows = new Map<number, string[]>();
  for (const r of order) {
    const groups = new Map<string, { ids: string[]; want: number }>();
    for (const it of byRow.get(r)!) {
      const placed = (neighbours.get(it.id) ?? []).filter((n) => n !== it.id && x.has(n));
      const want = placed.length ? placed.reduce((s, n) => s + x.get(n)!, 0) / placed.length : 0;
      const key = it.group ?? `\u0000${it.id}`;
      const g = groups.get(key) ?? { ids: [], want: 0 };
      g.want = (g.want * g.ids.length + want) / (g.ids.length + 1);
      g.ids.push(it.id);
      groups.set(key, g);
    }
    const sorted = [...groups.entries()].sort(([ka, a], [kb, b]) => a.want - b.want || byText(ka, kb)).map(([, g]) => g);
    const count = sorted.reduce((s, g) => s + g.ids.length, 0);
    const width = count * opts.slot + sorted.length * opts.groupGap;
    const mean = sorted.reduce((s, g) => s + g.want * g.ids.length, 0) / Math.max(1, count);
    let cur = mean - width / 2;
    const ids: string[] = [];
    for (const g of sorted) {
      cur += opts.groupGap / 2;
      for (const id of g.ids) {
        x.set(id, cur + opts.slot / 2);
        ids.push(id);
        cur += opts.slot;
      }
      cur += opts.groupGap / 2;
    }
    rows.set(r, ids);
  }
  return { rows, x };
}
