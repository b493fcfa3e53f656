// A page of the risk view from the stored summaries, filtered and sorted in Cypher, or null
// when the summaries are not all current (checked in the same read transaction as the page,
// so a page is never built from summaries a commit has since made stale).
import type { Graph } from '../../graph/graph';
import { runRows } from '../../graph/graph';
import type { FlagKind, Verdict } from '../engine';
import { today } from '../traceShipment';
import * as Q from './cypher';
import type { StoredSummary } from './compute';
import { summariesCurrent, summaryStateInTx } from './refresh';

export interface RiskFilters {
  verdict?: Verdict | null;
  flagKind?: FlagKind | null;
  importerId?: string | null;
  enteredFrom?: string | null;
  enteredTo?: string | null;
}
export type RiskOrder = Q.SummaryOrder;
/** A summary as a page of the risk view carries it. */
export type ShownSummary = Pick<StoredSummary, (typeof Q.SHOWN_SUMMARY_FIELDS)[number]>;

/** The index a page seeks first: the most selective filter given. */
export function driverOf(f: RiskFilters): Q.SummaryDriver {
  if (f.flagKind) return 'kind';
  if (f.importerId) return 'importer';
  if (f.verdict) return 'verdict';
  if (f.enteredFrom || f.enteredTo) return 'entry';
  return 'all';
}

export async function readSummaryPage(
  graph: Graph,
  tenant: string,
  listVersion: string,
  args: { filters: RiskFilters; order: RiskOrder; offset: number; first: number },
): Promise<{ items: ShownSummary[]; total: number } | null> {
  return graph.readTransaction(async (tx) => {
    if (!summariesCurrent(await summaryStateInTx(tx, tenant), listVersion)) return null;
    const f = args.filters;
    const [row] = await runRows<{ total: number; items: ShownSummary[] }>(tx, Q.summaryPageQuery(driverOf(f), args.order), {
      tenant,
      verdict: f.verdict ?? null,
      flagKind: f.flagKind ?? null,
      importerId: f.importerId ?? null,
      enteredFrom: f.enteredFrom ?? null,
      enteredTo: f.enteredTo ?? null,
      entryLow: f.enteredFrom ?? '0000-01-01',
      entryHigh: f.enteredTo ?? '9999-12-31',
      offset: args.offset,
      first: args.first,
      today: today(),
    });
    return { items: row?.items ?? [], total: row?.total ?? 0 };
  });
}

/**
 * The stored summaries of the named shipments by id, or null when the tenant's summaries are not
 * all current (checked in the same read transaction, as for a page): the caller then judges live.
 */
export async function readCurrentSummaries(
  graph: Graph,
  tenant: string,
  listVersion: string,
  ids: readonly string[],
): Promise<Map<string, StoredSummary> | null> {
  return graph.readTransaction(async (tx) => {
    if (!summariesCurrent(await summaryStateInTx(tx, tenant), listVersion)) return null;
    const rows = ids.length ? await runRows<{ summary: StoredSummary }>(tx, Q.SUMMARIES_OF, { tenant, ids: [...new Set(ids)] }) : [];
    return new Map(rows.map((r) => [r.summary.shipmentId, r.summary]));
  });
}
