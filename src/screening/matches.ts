// Stored screening matches as reviewers page through them, in match id order.
import type { Graph } from '../graph/graph';
import * as Q from './cypher';
import { readReviewPage, type ReviewPage, type ReviewRecord } from './reviewPage';

export type MatchRecord = ReviewRecord;
export type MatchesPage = ReviewPage<MatchRecord>;
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
  return readReviewPage(graph, { page: Q.MATCHES_PAGE, count: Q.COUNT_MATCHES }, params);
}

/** A firm's matches (the first 100), whatever their status. */
export async function matchesOfFirm(graph: Graph, tenant: string, firmId: string): Promise<MatchRecord[]> {
  const [page] = await graph.read<{ items: MatchRecord[] }>(Q.MATCHES_PAGE, { tenant, status: null, firmId, after: '', first: 100 });
  return page?.items ?? [];
}
