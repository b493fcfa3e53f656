// traceShipment: two reads (the upstream subgraph, then its parties' context) and the
// pure engine over them.
import type { Graph } from '../graph/graph';
import { NotFoundError, BadInputError } from '../api/errors';
import { FACILITIES_FOR_TRACE, FIRMS_FOR_TRACE, FLOWS_WITH_INPUTS, MATERIALS_FOR_TRACE, traceQuery, upstreamFlowIdsBatchQuery, TIER_CEILING } from './cypher';
import { indexParties, ShipmentTrace, TraceFacility, TraceFirm, TraceFlow, TraceInput, TraceMaterial, traceFromSubgraph, traceWithIndex } from './engine';

export const DEFAULT_MAX_TIERS = 15;
export const MAX_TIERS_CEILING = TIER_CEILING;

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function clampTiers(maxTiers: number | null | undefined): number {
  if (maxTiers === undefined || maxTiers === null) return DEFAULT_MAX_TIERS;
  if (!Number.isInteger(maxTiers) || maxTiers < 1 || maxTiers > MAX_TIERS_CEILING) {
    throw new BadInputError(`maxTiers must be an integer from 1 to ${MAX_TIERS_CEILING}, got ${maxTiers}`, 'maxTiers');
  }
  return maxTiers;
}

/** Reads the subgraph the engine needs in one query; null when the shipment does not exist in the tenant. */
export async function loadTraceInput(graph: Graph, tenant: string, shipmentId: string, maxTiers: number): Promise<TraceInput | null> {
  // tier N is the source of a flow N-1 hops above the shipment's flow
  const rows = await graph.read<TraceInput>(traceQuery(maxTiers - 1), { tenant, shipmentId });
  return rows[0] ?? null;
}

type Context = Pick<TraceInput, 'facilities' | 'materials' | 'firms'>;
async function readChunked<T>(graph: Graph, cypher: string, tenant: string, ids: string[], size: number): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks(ids, size)) out.push(...(await graph.read<{ row: T }>(cypher, { tenant, ids: part })).map((r) => r.row));
  return out;
}
async function loadContext(graph: Graph, tenant: string, flows: TraceFlow[], extraFirmIds: string[]): Promise<Context> {
  const facilityIds = new Set<string>();
  const materialIds = new Set<string>();
  for (const f of flows) { facilityIds.add(f.fromId); facilityIds.add(f.toId); materialIds.add(f.materialId); }
  const facilities = await readChunked<TraceFacility>(graph, FACILITIES_FOR_TRACE, tenant, [...facilityIds], 5000);
  const materials = await readChunked<TraceMaterial>(graph, MATERIALS_FOR_TRACE, tenant, [...materialIds], 5000);
  const firmIds = new Set([...facilities.map((f) => f.firmId), ...extraFirmIds]);
  const seen = new Set<string>();
  const firms = (await readChunked<TraceFirm>(graph, FIRMS_FOR_TRACE, tenant, [...firmIds], 2000)).filter((f) => !seen.has(f.id) && seen.add(f.id));
  return { facilities, materials, firms };
}

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * Traces many shipments at once (the dashboard view): their upstream flow ids, then the
 * union of those flows, then the union's party context, each fetched once however many
 * shipments share a supplier; the engine then runs per shipment in memory.
 */
export async function traceShipments(
  graph: Graph, tenant: string, shipmentIds: string[], opts: { maxTiers?: number | null; asOf?: string | null }, entityListVersion: string,
): Promise<ShipmentTrace[]> {
  const maxTiers = clampTiers(opts.maxTiers);
  const rows: { shipment: TraceInput['shipment']; flowIds: string[] }[] = [];
  for (const ids of chunks(shipmentIds, 1000)) {
    rows.push(...(await graph.read<{ shipment: TraceInput['shipment']; flowIds: string[] }>(upstreamFlowIdsBatchQuery(maxTiers - 1), { tenant, shipmentIds: ids })));
  }
  const byId = new Map<string, TraceFlow>();
  for (const ids of chunks([...new Set(rows.flatMap((r) => r.flowIds))], 10_000)) {
    for (const { flow } of await graph.read<{ flow: TraceFlow }>(FLOWS_WITH_INPUTS, { tenant, flowIds: ids })) byId.set(flow.id, flow);
  }
  const index = indexParties(await loadContext(graph, tenant, [...byId.values()], rows.map((r) => r.shipment.importerId)));
  // the walk from each shipment's flow only reaches its own upstream, so all share one flow map
  return rows.map((r) => traceWithIndex(r.shipment, byId, index, { asOf: opts.asOf ?? r.shipment.entryDate ?? today(), maxTiers, entityListVersion }));
}

export async function traceShipment(
  graph: Graph,
  tenant: string,
  args: { id: string; maxTiers?: number | null; asOf?: string | null },
  entityListVersion: string,
): Promise<ShipmentTrace> {
  const maxTiers = clampTiers(args.maxTiers);
  const input = await loadTraceInput(graph, tenant, args.id, maxTiers);
  if (!input) throw new NotFoundError(`no shipment "${args.id}"`);
  const asOf = args.asOf ?? input.shipment.entryDate ?? today();
  return traceFromSubgraph(input, { asOf, maxTiers, entityListVersion });
}
