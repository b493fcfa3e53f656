// traceShipment: the upstream flows in one read, their parties' context from the cache
// (or a second read), and the pure engine over them.
import type { Graph } from '../graph/graph';
import { NotFoundError } from '../errors';
import { boundedInt } from '../args';
import { traceQuery, upstreamFlowsBatchQuery, TIER_CEILING } from './cypher';
import { indexParties, ShipmentSummary, ShipmentTrace, summarizeWithIndex, TraceFlow, TraceInput, traceFromSubgraph } from './engine';
import { loadPartyContext, PartyIds } from './partyContext';
import { chunks, mapConcurrent } from './concurrency';
import { quotedId } from '../model/text/policy';
import { addTraceFlows, traceFlowOf, type TraceFlowRow } from './records';

export const DEFAULT_MAX_TIERS = 15;
export const MAX_TIERS_CEILING = TIER_CEILING;

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function clampTiers(maxTiers: number | null | undefined): number {
  return boundedInt('maxTiers', maxTiers, DEFAULT_MAX_TIERS, MAX_TIERS_CEILING);
}

type UpstreamFlows = Pick<TraceInput, 'shipment'> & { flows: TraceFlowRow[]; version: string };

export const partyIdsOf = (flows: Iterable<TraceFlow>, firmIds: string[]): PartyIds => {
  const facilityIds = new Set<string>();
  const materialIds = new Set<string>();
  for (const f of flows) {
    facilityIds.add(f.fromId);
    facilityIds.add(f.toId);
    materialIds.add(f.materialId);
  }
  return { facilityIds, materialIds, firmIds };
};

/** The subgraph the engine needs: the flows in one query, their parties from the context cache; null when the shipment does not exist in the tenant. */
export async function loadTraceInput(
  graph: Graph,
  tenant: string,
  shipmentId: string,
  maxTiers: number,
  listVersion: string,
): Promise<TraceInput | null> {
  // tier N is the source of a flow N-1 hops above the shipment's flow
  const [row] = await graph.read<UpstreamFlows>(traceQuery(maxTiers - 1), { tenant, shipmentId });
  if (!row) return null;
  const flows = row.flows.map(traceFlowOf);
  const parties = await loadPartyContext(graph, tenant, listVersion, partyIdsOf(flows, [row.shipment.importerId]), row.version);
  return { shipment: row.shipment, flows, ...parties };
}

/**
 * Judges many shipments at once (the dashboard view): the union of their upstream flows,
 * then the union's party context, each read once however many shipments share a
 * supplier; the engine then walks each shipment's own upstream over the union in memory
 * and keeps what the view shows (verdict, depth, flag counts), not the flags' text.
 */
export async function summarizeShipments(
  graph: Graph,
  tenant: string,
  shipments: TraceInput['shipment'][],
  opts: { maxTiers?: number | null; asOf?: string | null },
  entityListVersion: string,
): Promise<ShipmentSummary[]> {
  const maxTiers = clampTiers(opts.maxTiers);
  const byId = new Map<string, TraceFlow>();
  // a few chunks at once: Neo4j walks one while the driver decodes another
  await mapConcurrent(chunks([...new Set(shipments.map((s) => s.flowId))], 1000), 3, async (flowIds) => {
    addTraceFlows(await graph.read<{ flow: TraceFlowRow }>(upstreamFlowsBatchQuery(maxTiers - 1), { tenant, flowIds }), byId);
  });
  const index = indexParties(
    await loadPartyContext(
      graph,
      tenant,
      entityListVersion,
      partyIdsOf(
        byId.values(),
        shipments.map((s) => s.importerId),
      ),
    ),
  );
  // a walk from a shipment's first flow reaches only its own upstream, so all share one flow map
  return shipments.map((s) =>
    summarizeWithIndex(s, byId, index, { asOf: opts.asOf ?? s.entryDate ?? today(), maxTiers, entityListVersion }),
  );
}

export async function traceShipment(
  graph: Graph,
  tenant: string,
  args: { id: string; maxTiers?: number | null; asOf?: string | null },
  entityListVersion: string,
): Promise<ShipmentTrace> {
  const maxTiers = clampTiers(args.maxTiers);
  const input = await loadTraceInput(graph, tenant, args.id, maxTiers, entityListVersion);
  if (!input) throw new NotFoundError(`no shipment ${quotedId(args.id)}`);
  const asOf = args.asOf ?? input.shipment.entryDate ?? today();
  return traceFromSubgraph(input, { asOf, maxTiers, entityListVersion });
}
