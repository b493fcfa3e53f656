// The dashboard view: every shipment of the tenant with verdict and flag counts. With its
// default as-of (each shipment's entry date, or today) it reads the stored summaries, which
// every writer keeps current in its own transaction (summaries/); when they are not current
// (or another as-of is asked) it judges live. Either way the verdicts are the trace's.
import type { Graph } from '../graph/graph';
import { boundedInt } from '../args';
import * as Q from './cypher';
import type { FlagKind, ShipmentSummary, TraceInput, Verdict } from './engine';
import { VERDICTS } from './rules';
import { cursorAt, offsetFromCursor, Page } from './investigate';
import { summarizeShipments } from './traceShipment';
import { ensureSummaries, readSummaryPage, RiskFilters, RiskOrder, ShownSummary } from './summaries';

export interface ShipmentRisk {
  shipmentId: string;
  entryNumber: string | null;
  importerId: string;
  verdict: Verdict;
  tiers: number;
  flagCounts: { kind: FlagKind; count: number }[];
  entryDate: string | null;
  detainedOn: string | null;
  /** suppliers whose hops raised a presumptive flag */
  flaggedFirmIds: string[];
}

export interface RiskViewArgs extends RiskFilters {
  first?: number | null;
  after?: string | null;
  asOf?: string | null;
  orderBy?: RiskOrder | null;
}

const fromStored = (s: ShownSummary): ShipmentRisk => ({
  shipmentId: s.shipmentId,
  entryNumber: s.entryNumber ?? null,
  importerId: s.importerId,
  verdict: s.verdict as Verdict,
  tiers: s.tiers,
  flagCounts: (s.flagKinds ?? []).map((kind, i) => ({ kind: kind as FlagKind, count: s.flagCounts[i] })),
  entryDate: s.entryDate ?? null,
  detainedOn: s.detainedOn ?? null,
  flaggedFirmIds: s.flaggedFirmIds ?? [],
});

function pageOf(items: ShipmentRisk[], total: number, offset: number): Page<ShipmentRisk> {
  const end = offset + items.length;
  return { items, total, endCursor: items.length ? cursorAt(end) : null, hasNextPage: end < total };
}

export async function shipmentRisks(graph: Graph, tenant: string, listVersion: string, args: RiskViewArgs): Promise<Page<ShipmentRisk>> {
  const first = boundedInt('first', args.first, 100, 10_000);
  const offset = offsetFromCursor(args.after);
  const order = args.orderBy ?? 'ID';
  const filters: RiskFilters = {
    verdict: args.verdict ?? null,
    flagKind: args.flagKind ?? null,
    importerId: args.importerId ?? null,
    enteredFrom: args.enteredFrom ?? null,
    enteredTo: args.enteredTo ?? null,
  };
  if (!args.asOf) {
    const query = { filters, order, offset, first };
    let stored = await readSummaryPage(graph, tenant, listVersion, query);
    if (!stored) {
      // not current (a store written before summaries, a new day, a write no hook saw): rebuild, then read again
      await ensureSummaries(graph, tenant);
      stored = await readSummaryPage(graph, tenant, listVersion, query);
    }
    if (stored) return pageOf(stored.items.map(fromStored), stored.total, offset);
  }
  return liveRisks(graph, tenant, listVersion, { filters, order, offset, first, asOf: args.asOf ?? null });
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The orders of summaries/cypher.ts, over rows judged live. */
function compareBy(order: RiskOrder): (a: ShipmentRisk, b: ShipmentRisk) => number {
  if (order === 'VERDICT') return (a, b) => VERDICTS.indexOf(b.verdict) - VERDICTS.indexOf(a.verdict) || byText(a.shipmentId, b.shipmentId);
  if (order === 'ENTRY_DATE')
    return (a, b) =>
      (a.entryDate === null ? 1 : 0) - (b.entryDate === null ? 1 : 0) ||
      byText(a.entryDate ?? '', b.entryDate ?? '') ||
      byText(a.shipmentId, b.shipmentId);
  return (a, b) => byText(a.shipmentId, b.shipmentId);
}

/** Judges live: only the page when no filter or order needs the verdicts, else every shipment the other filters leave. */
async function liveRisks(
  graph: Graph,
  tenant: string,
  listVersion: string,
  args: { filters: RiskFilters; order: RiskOrder; offset: number; first: number; asOf: string | null },
): Promise<Page<ShipmentRisk>> {
  const { filters: f, order, offset, first } = args;
  const rows = await graph.read<{ shipment: TraceInput['shipment']; detainedOn: string | null }>(Q.SHIPMENT_IDS, { tenant });
  const shipments = rows.filter(
    ({ shipment: s }) =>
      (!f.importerId || s.importerId === f.importerId) &&
      (!f.enteredFrom || (s.entryDate != null && s.entryDate >= f.enteredFrom)) &&
      (!f.enteredTo || (s.entryDate != null && s.entryDate <= f.enteredTo)),
  );
  const detainedOn = new Map(rows.map((r) => [r.shipment.id, r.detainedOn]));
  const judge = async (list: typeof shipments): Promise<ShipmentRisk[]> => {
    const summaries = await summarizeShipments(
      graph,
      tenant,
      list.map((r) => r.shipment),
      { asOf: args.asOf },
      listVersion,
    );
    const byId = new Map<string, ShipmentSummary>(summaries.map((t) => [t.shipmentId, t]));
    return list.flatMap(({ shipment: s }) => {
      const t = byId.get(s.id);
      if (!t) return [];
      return [
        {
          shipmentId: s.id,
          entryNumber: s.entryNumber ?? null,
          importerId: s.importerId,
          verdict: t.verdict,
          tiers: t.tiers,
          flagCounts: t.flagCounts,
          entryDate: s.entryDate ?? null,
          detainedOn: detainedOn.get(s.id) ?? null,
          flaggedFirmIds: t.flaggedFirmIds,
        },
      ];
    });
  };
  const compare = compareBy(order);
  const keyed = (r: (typeof shipments)[number]): ShipmentRisk =>
    ({
      shipmentId: r.shipment.id,
      entryDate: r.shipment.entryDate ?? null,
      verdict: 'CLEAR',
    }) as ShipmentRisk;
  if (!f.verdict && !f.flagKind && order !== 'VERDICT') {
    const sorted = [...shipments].sort((a, b) => compare(keyed(a), keyed(b)));
    return pageOf(await judge(sorted.slice(offset, offset + first)), sorted.length, offset);
  }
  const judged = (await judge(shipments))
    .filter((r) => (!f.verdict || r.verdict === f.verdict) && (!f.flagKind || r.flagCounts.some((c) => c.kind === f.flagKind)))
    .sort(compare);
  return pageOf(judged.slice(offset, offset + first), judged.length, offset);
}
