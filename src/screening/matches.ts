// Stored screening matches as reviewers page through them, in match id order.
import type { Graph } from '../graph/graph';
import * as Q from './cypher';

export type MatchRecord = Record<string, unknown> & { id: string };
export interface MatchesPage {
  items: MatchRecord[];
  total: number;
  hasNextPage: boolean;
  endCursor: string | null;
}
export interface MatchFilter {
  status?: string | null;
  firmId?: string | null;
}

/** The tenant's matches after the cursor (a match id), with the total under the same filter. */
export async function matchesPage(
  graph: Graph,
  tenant: string,
  args: MatchFilter & { after?: string | null; first: number },
): Promise<MatchesPage> {
  const params = { tenant, status: args.status ?? null, firmId: args.firmId ?? null, after: args.after ?? '', first: args.first };
  const [page] = await graph.read<{ items: MatchRecord[]; hasNextPage: boolean }>(Q.MATCHES_PAGE, params);
  const [count] = await graph.read<{ total: number }>(Q.COUNT_MATCHES, params);
  const items = page?.items ?? [];
  return {
    items,
    total: count.total,
    hasNextPage: page?.hasNextPage ?? false,
    endCursor: items.length ? String(items[items.length - 1].id) : null,
  };
}

/** A firm's matches (the first 100), whatever their status. */
export async function matchesOfFirm(graph: Graph, tenant: string, firmId: string): Promise<MatchRecord[]> {
  const [page] = await graph.read<{ items: MatchRecord[] }>(Q.MATCHES_PAGE, { tenant, status: null, firmId, after: '', first: 100 });
  return page?.items ?? [];
}
