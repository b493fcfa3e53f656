// One page of stored review records (screening matches, duplicate candidates) in id order:
// the page statement returns the records after the cursor and whether more follow, the count
// statement the total under the same filter.
import type { Graph } from '../graph/graph';

export type ReviewRecord = Record<string, unknown> & { id: string };
export interface ReviewPage<R extends ReviewRecord = ReviewRecord> {
  items: R[];
  total: number;
  hasNextPage: boolean;
  /** the last record's id: the cursor of the next page */
  endCursor: string | null;
}

export async function readReviewPage<R extends ReviewRecord>(
  graph: Graph,
  statements: { page: string; count: string },
  params: Record<string, unknown>,
): Promise<ReviewPage<R>> {
  const [page] = await graph.read<{ items: R[]; hasNextPage: boolean }>(statements.page, params);
  const [count] = await graph.read<{ total: number }>(statements.count, params);
  const items = page?.items ?? [];
  return {
    items,
    total: count.total,
    hasNextPage: page?.hasNextPage ?? false,
    endCursor: items.length ? String(items[items.length - 1].id) : null,
  };
}
