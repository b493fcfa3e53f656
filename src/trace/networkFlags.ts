// The trace's rules over a firm's network (the explorer's network view): every flow of the
// neighbourhood judged as a hop, so a XUAR facility, a listed or listed-controlled firm and a
// possible listing are flagged there as they would be on a shipment's trace.
import type { Graph } from '../graph/graph';
import { A_FLOW_OF_FIRMS, upstreamFlowsBatchQuery } from './cypher';
import { indexParties, judgeFlows, RiskFlag, TraceFlow } from './engine';
import type { GraphEdge, GraphNode } from './investigate';
import { loadPartyContext } from './partyContext';
import { today } from './traceShipment';
import { addTraceFlows, type TraceFlowRow } from './records';

/** Flags of a neighbourhood's flows as of a day (today by default); each flow's tier is its source's distance from the start, at least 1. */
export async function networkFlags(
  graph: Graph,
  tenant: string,
  listVersion: string,
  net: { nodes: GraphNode[]; edges: GraphEdge[] },
  asOf: string = today(),
): Promise<RiskFlag[]> {
  const flowIds = net.edges.filter((e) => e.kind === 'FLOW').map((e) => e.id);
  // a firm drawn without its flows (an owned or owning firm) is judged on one flow it ships, so a
  // firm controlled by a listed owner is flagged too; a firm that ships nothing has no hop to judge
  const carried = new Set(net.nodes.filter((n) => n.kind === 'FACILITY' && n.firmId).map((n) => n.firmId));
  const bare = net.nodes.filter((n) => n.kind === 'FIRM' && !carried.has(n.id)).map((n) => n.id);
  const extra = bare.length ? await graph.read<{ id: string; flowId: string }>(A_FLOW_OF_FIRMS, { tenant, ids: bare }) : [];
  flowIds.push(...extra.map((r) => r.flowId));
  if (!flowIds.length) return [];
  const flows = new Map<string, TraceFlow>();
  addTraceFlows(await graph.read<{ flow: TraceFlowRow }>(upstreamFlowsBatchQuery(0), { tenant, flowIds }), flows);
  const depth = new Map(net.nodes.filter((n) => n.kind === 'FACILITY').map((n) => [n.id, n.depth]));
  const firmDepth = new Map(net.nodes.filter((n) => n.kind === 'FIRM').map((n) => [n.id, n.depth]));
  const extraDepth = new Map(extra.map((r) => [r.flowId, firmDepth.get(r.id) ?? 1]));
  const tierOf = new Map([...flows.values()].map((f) => [f.id, Math.max(1, depth.get(f.fromId) ?? extraDepth.get(f.id) ?? 1)]));
  const ctx = await loadPartyContext(graph, tenant, listVersion, {
    facilityIds: new Set([...flows.values()].flatMap((f) => [f.fromId, f.toId])),
    materialIds: new Set([...flows.values()].map((f) => f.materialId)),
    firmIds: net.nodes.filter((n) => n.kind === 'FIRM').map((n) => n.id),
  });
  return judgeFlows(tierOf, flows, indexParties(ctx), asOf);
}
