// The dashboard view: every shipment of the tenant with verdict and flag counts.
import type { Graph } from '../graph/graph';
import { boundedInt } from '../args';
import * as Q from './cypher';
import type { FlagKind, TraceInput, Verdict } from './engine';
import { cursorAt, offsetFromCursor, Page } from './investigate';
import { summarizeShipments } from './traceShipment';

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

export async function shipmentRisks(
  graph: Graph,
  tenant: string,
  listVersion: string,
  args: { first?: number | null; after?: string | null; asOf?: string | null },
): Promise<Page<ShipmentRisk>> {
  const first = boundedInt('first', args.first, 100, 10_000);
  const offset = offsetFromCursor(args.after);
  const rows = await graph.read<{ shipment: TraceInput['shipment']; detainedOn: string | null }>(Q.SHIPMENT_IDS, { tenant });
  const all = rows.map((r) => r.shipment);
  const detainedOn = new Map(rows.map((r) => [r.shipment.id, r.detainedOn]));
  const page = all.slice(offset, offset + first);
  const summaries = await summarizeShipments(graph, tenant, page, { asOf: args.asOf }, listVersion);
  const byId = new Map(summaries.map((t) => [t.shipmentId, t]));
  const items = page.flatMap((s) => {
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
  const end = offset + page.length;
  return { items, total: all.length, endCursor: page.length ? cursorAt(end) : null, hasNextPage: end < all.length };
}
