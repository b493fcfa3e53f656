// Investigator queries: supplier paths, neighbourhoods, ownership chains (exposure is in
// exposure.ts), and the offset paging they share.
import type { Graph } from '../graph/graph';
import { BadInputError, NotFoundError } from '../errors';
import { boundedInt } from '../args';
import * as Q from './cypher';
import { addEdge, Adjacency, FoundPath, simplePaths } from './paths';
import { ultimateOwners } from './rules';
import { quotedId } from '../model/text/policy';

export const PATH_DEPTH_CEILING = 12;
export const PATH_LIMIT_CEILING = 100;
const NEIGHBOURHOOD_NODE_CAP = 2000;

/** The facilities of a firm (or the facility itself); NotFoundError for an id of neither. */
export async function resolveFacilities(
  graph: Graph,
  tenant: string,
  id: string,
): Promise<{ facilities: string[]; firmId: string | null }> {
  const [row] = await graph.read<{ facilityId: string | null; firmId: string | null; firmFacilities: string[] }>(Q.RESOLVE_NODE, {
    tenant,
    id,
  });
  if (row.facilityId) return { facilities: [row.facilityId], firmId: null };
  if (row.firmId) return { facilities: row.firmFacilities, firmId: row.firmId };
  throw new NotFoundError(`no firm or facility ${quotedId(id)}`);
}

/** Fills adjacency outward from `start`, one query per level, in material direction or against it. */
async function expand(graph: Graph, tenant: string, start: string[], depth: number, direction: 'DOWNSTREAM' | 'UPSTREAM', nodeCap: number) {
  const adj: Adjacency = new Map();
  const depthOf = new Map<string, number>(start.map((s) => [s, 0]));
  const counts = new Map<string, number>();
  let frontier = start;
  for (let d = 1; d <= depth && frontier.length && depthOf.size < nodeCap; d++) {
    const rows = await graph.read<{ id: string; next: string; flows: string[]; count: number }>(
      direction === 'DOWNSTREAM' ? Q.FLOWS_OUT_OF : Q.FLOWS_INTO,
      { tenant, ids: frontier, perHop: 5 },
    );
    const next: string[] = [];
    for (const r of rows) {
      if (direction === 'DOWNSTREAM') addEdge(adj, r.id, r.next, r.flows);
      else addEdge(adj, r.id, r.next, r.flows); // adjacency follows the walk; callers re-orient
      counts.set(`${r.id}|${r.next}`, r.count);
      if (!depthOf.has(r.next) && depthOf.size < nodeCap) {
        depthOf.set(r.next, d);
        next.push(r.next);
      }
    }
    frontier = next;
  }
  return { adj, depthOf, counts };
}

export async function supplierPaths(
  graph: Graph,
  tenant: string,
  args: { from: string; to: string; maxDepth?: number | null; limit?: number | null },
): Promise<FoundPath[]> {
  const maxDepth = boundedInt('maxDepth', args.maxDepth, 8, PATH_DEPTH_CEILING);
  const limit = boundedInt('limit', args.limit, 20, PATH_LIMIT_CEILING);
  const from = await resolveFacilities(graph, tenant, args.from);
  const to = await resolveFacilities(graph, tenant, args.to);
  // Material direction first (from supplies to); if none, the other way round.
  const down = await expand(graph, tenant, from.facilities, maxDepth, 'DOWNSTREAM', 20_000);
  const paths = simplePaths(down.adj, from.facilities, new Set(to.facilities), maxDepth, limit);
  if (paths.length) return paths;
  const up = await expand(graph, tenant, to.facilities, maxDepth, 'DOWNSTREAM', 20_000);
  return simplePaths(up.adj, to.facilities, new Set(from.facilities), maxDepth, limit);
}

export interface GraphNode {
  id: string;
  kind: 'FIRM' | 'FACILITY';
  name: string;
  firmId: string | null;
  depth: number;
}
export interface GraphEdge {
  id: string;
  kind: 'FLOW' | 'OPERATES' | 'OWNS';
  from: string;
  to: string;
  materialId: string | null;
  share: number | null;
  /** a flow's date (FLOW edges) */
  date?: string | null;
}

export async function neighbourhood(
  graph: Graph,
  tenant: string,
  args: { firmId: string; depth?: number | null; direction?: 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH' | null },
) {
  const depth = boundedInt('depth', args.depth, 2, 6);
  const direction = args.direction ?? 'BOTH';
  const start = await resolveFacilities(graph, tenant, args.firmId);
  const edges = new Map<string, GraphEdge>();
  const depthOf = new Map<string, number>();
  for (const dir of direction === 'BOTH' ? (['UPSTREAM', 'DOWNSTREAM'] as const) : [direction]) {
    const res = await expand(graph, tenant, start.facilities, depth, dir, NEIGHBOURHOOD_NODE_CAP);
    for (const [id, d] of res.depthOf) depthOf.set(id, Math.min(d, depthOf.get(id) ?? d));
    for (const [a, outs] of res.adj) {
      for (const [b, flows] of outs) {
        const [from, to] = dir === 'DOWNSTREAM' ? [a, b] : [b, a];
        edges.set(`FLOW:${from}>${to}`, { id: flows[0], kind: 'FLOW', from, to, materialId: null, share: null, date: null });
      }
    }
  }
  const flowEdges = [...edges.values()];
  for (const f of await graph.read<{ id: string; materialId: string | null; date: string | null }>(Q.FLOW_FACTS, {
    tenant,
    ids: flowEdges.map((e) => e.id),
  })) {
    for (const e of flowEdges) if (e.id === f.id) Object.assign(e, { materialId: f.materialId, date: f.date });
  }
  const facilities = await graph.read<{ id: string; name: string; firmId: string; firmName: string }>(Q.FACILITIES_BY_ID, {
    tenant,
    ids: [...depthOf.keys()],
  });
  const nodes = new Map<string, GraphNode>();
  for (const f of facilities) {
    const d = depthOf.get(f.id) ?? 0;
    nodes.set(`FACILITY:${f.id}`, { id: f.id, kind: 'FACILITY', name: f.name, firmId: f.firmId, depth: d });
    const firmKey = `FIRM:${f.firmId}`;
    const prev = nodes.get(firmKey);
    if (!prev || prev.depth > d) nodes.set(firmKey, { id: f.firmId, kind: 'FIRM', name: f.firmName, firmId: f.firmId, depth: d });
    edges.set(`OPERATES:${f.firmId}>${f.id}`, {
      id: `${f.firmId}>${f.id}`,
      kind: 'OPERATES',
      from: f.firmId,
      to: f.id,
      materialId: null,
      share: null,
    });
  }
  // a firm without facilities (a holding) is still the network's start, with its holdings drawn
  if (start.firmId && !nodes.has(`FIRM:${start.firmId}`)) {
    const [row] = await graph.read<{ name: string }>(Q.FIRM_NAME, { tenant, id: start.firmId });
    nodes.set(`FIRM:${start.firmId}`, { id: start.firmId, kind: 'FIRM', name: row?.name ?? start.firmId, firmId: start.firmId, depth: 0 });
  }
  const firmIds = [...nodes.values()].filter((n) => n.kind === 'FIRM').map((n) => n.id);
  const holdings = await graph.read<{ owner: string; owned: string; share: number; other: string; otherName: string }>(Q.OWNERSHIP_AROUND, {
    tenant,
    ids: firmIds,
  });
  for (const h of holdings) {
    if (!nodes.has(`FIRM:${h.other}`))
      nodes.set(`FIRM:${h.other}`, { id: h.other, kind: 'FIRM', name: h.otherName, firmId: h.other, depth: 1 });
    edges.set(`OWNS:${h.owner}>${h.owned}`, {
      id: `${h.owner}>${h.owned}`,
      kind: 'OWNS',
      from: h.owner,
      to: h.owned,
      materialId: null,
      share: h.share,
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export async function ownershipChain(graph: Graph, tenant: string, firmId: string) {
  const [exists] = await graph.read<{ n: number }>(Q.FIRM_EXISTS, { tenant, firmId });
  if (!exists.n) throw new NotFoundError(`no firm ${quotedId(firmId)}`);
  const holdings = await graph.read<{ owner: string; owned: string; share: number }>(Q.OWNERSHIP_ABOVE, { tenant, firmId });
  return ultimateOwners(firmId, holdings).map((u) => {
    const shares: number[] = [];
    for (let i = 0; i + 1 < u.chain.length; i++) {
      shares.push(holdings.find((h) => h.owner === u.chain[i] && h.owned === u.chain[i + 1])?.share ?? 0);
    }
    return { ultimateOwnerId: u.ownerId, firms: u.chain, shares };
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export function offsetFromCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const m = /^o:(\d+)$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!m) throw new BadInputError('after is not a cursor this server issued', 'after');
  return Number(m[1]);
}
export const cursorAt = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

/** Shortest flow path from the shipment's flow (tier 1) to a hop, from the trace's hops. */
export function pathTo(hops: { flowId: string; tier: number; inputs: string[] }[], flowId: string): string[] {
  const byId = new Map(hops.map((h) => [h.flowId, h]));
  const parent = new Map<string, string | null>();
  const root = hops.find((h) => h.tier === 1);
  if (!root) return [];
  parent.set(root.flowId, null);
  let frontier = [root.flowId];
  while (frontier.length && !parent.has(flowId)) {
    const next: string[] = [];
    for (const id of frontier)
      for (const i of byId.get(id)?.inputs ?? [])
        if (byId.has(i) && !parent.has(i)) {
          parent.set(i, id);
          next.push(i);
        }
    frontier = next;
  }
  const path: string[] = [];
  for (let cur: string | null | undefined = flowId; cur; cur = parent.get(cur)) path.unshift(cur);
  return parent.has(flowId) ? path : [];
}
