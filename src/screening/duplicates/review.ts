// A reviewer confirms or rejects a duplicate-firm (or duplicate-facility) candidate, under the same rights and the
// same four-eyes rule (REVIEW_FOUR_EYES) as screening matches (../review.ts): a confirmation
// links the two firms as one entity (SAME_AS) or the two facilities as one site (SAME_SITE),
// either of which moves traces, so every decision waits
// for a second reviewer when four-eyes review is on. A decision that takes effect, the
// tenant's new data version and the audit event commit together.
import type { Graph } from '../../graph/graph';
import { runRows } from '../../graph/graph';
import { bumpTenantVersion, lockTenant } from '../../graph/tenantVersion';
import { beginSummaryChange, finishSummaryChange, type SummarySeeds } from '../../trace/summaries';
import { ForbiddenError, NotFoundError } from '../../errors';
import { recordAuditInTx } from '../../audit';
import { quotedId } from '../../model/text/policy';
import { PendingDecision, ReviewDecision, reviewStep } from '../review';
import * as Q from './cypher';
import { readReviewPage, type ReviewPage, type ReviewRecord } from '../reviewPage';

export type DuplicateRecord = ReviewRecord;
export type DuplicatesPage = ReviewPage<DuplicateRecord>;

/** The statements of one kind of candidate (cypher.ts), and how an error names it. */
interface CandidateKind {
  what: string;
  action: 'DUPLICATE_DECISION' | 'FACILITY_DUPLICATE_DECISION';
  lock: string;
  apply: string;
  propose: string;
  byId: string;
  page: string;
  count: string;
  /** what a decision's link moves in traces: SAME_AS the firms' matches and holdings, SAME_SITE the facilities' locations */
  seedsOf: (ids: string[]) => SummarySeeds;
}
const FIRM_PAIRS: CandidateKind = {
  what: 'duplicate-firm candidate',
  action: 'DUPLICATE_DECISION',
  lock: Q.LOCK_DUPLICATE_FOR_REVIEW,
  apply: Q.APPLY_DUPLICATE_DECISION,
  propose: Q.PROPOSE_DUPLICATE_DECISION,
  byId: Q.DUPLICATE_BY_ID,
  page: Q.DUPLICATES_PAGE,
  count: Q.COUNT_DUPLICATES,
  seedsOf: (firmIds) => ({ firmIds }),
};
const FACILITY_PAIRS: CandidateKind = {
  what: 'duplicate-facility candidate',
  action: 'FACILITY_DUPLICATE_DECISION',
  lock: Q.LOCK_FACILITY_DUPLICATE_FOR_REVIEW,
  apply: Q.APPLY_FACILITY_DUPLICATE_DECISION,
  propose: Q.PROPOSE_FACILITY_DUPLICATE_DECISION,
  byId: Q.FACILITY_DUPLICATE_BY_ID,
  page: Q.FACILITY_DUPLICATES_PAGE,
  count: Q.COUNT_FACILITY_DUPLICATES,
  seedsOf: (facilityIds) => ({ facilityIds }),
};

type PageArgs = { status?: string | null; after?: string | null; first: number };

/** The tenant's duplicate-firm candidates after the cursor (a candidate id), with the total under the same filter. */
export const duplicatesPage = (graph: Graph, tenant: string, args: PageArgs & { firmId?: string | null }) =>
  candidatesPage(graph, { tenant, firmId: args.firmId ?? null }, args, FIRM_PAIRS);

/** The tenant's duplicate-facility candidates after the cursor, with the total under the same filter. */
export const facilityDuplicatesPage = (graph: Graph, tenant: string, args: PageArgs & { facilityId?: string | null }) =>
  candidatesPage(graph, { tenant, facilityId: args.facilityId ?? null }, args, FACILITY_PAIRS);

async function candidatesPage(graph: Graph, filter: Record<string, unknown>, args: PageArgs, kind: CandidateKind): Promise<DuplicatesPage> {
  const params = { ...filter, status: args.status ?? null, after: args.after ?? '', first: args.first };
  return readReviewPage(graph, kind, params);
}

/** Facilities a reviewer confirmed to be one site with this one. */
export async function sameSiteAs(graph: Graph, tenant: string, facilityId: string): Promise<Record<string, unknown>[]> {
  const rows = await graph.read<{ facility: Record<string, unknown> }>(Q.SAME_SITE_AS, { tenant, facilityId });
  return rows.map((r) => r.facility);
}

type DecideArgs = { id: string; status: ReviewDecision; note: string | null; actor: string; fourEyes?: boolean };

export const decideDuplicate = (graph: Graph, tenant: string, args: DecideArgs) => decide(graph, tenant, args, FIRM_PAIRS);
/** A confirmed pair is linked as one site (SAME_SITE); a rejected pair is never proposed again. */
export const decideFacilityDuplicate = (graph: Graph, tenant: string, args: DecideArgs) => decide(graph, tenant, args, FACILITY_PAIRS);

async function decide(graph: Graph, tenant: string, args: DecideArgs, kind: CandidateKind): Promise<DuplicateRecord> {
  const { id, status, note, actor } = args;
  const outcome = await graph.writeTransaction(async (tx) => {
    // the tenant's lock first, as imports take it: the stored summaries change with the decision
    await lockTenant(tx, tenant);
    const [locked] = await runRows<{ ids: string[]; pending: PendingDecision | null }>(tx, kind.lock, { tenant, id });
    if (!locked) return { kind: 'missing' as const };
    // every pair is a strong candidate: four-eyes review, when on, applies to each
    const state = { decision: 'MATCH', pending: locked.pending };
    const step = reviewStep(state, { status, by: actor, at: new Date().toISOString(), note }, args.fourEyes ?? false);
    if (step.kind === 'REFUSE') return { kind: 'refused' as const, reason: step.reason };
    if (step.kind === 'APPLY') {
      const { kind: _kind, ...decision } = step;
      // the link made or undone moves verdicts: the parties on both sides of it, before and after
      const summaries = await beginSummaryChange(tx, tenant, kind.seedsOf(locked.ids));
      await runRows(tx, kind.apply, { tenant, id, ...decision });
      await bumpTenantVersion(tx, tenant);
      await finishSummaryChange(tx, summaries);
      const detail = step.agreedBy
        ? { status, note, fourEyes: 'AGREED', proposedBy: step.decidedBy, proposalNote: step.note }
        : { status, note };
      await recordAuditInTx(tx, { tenant, actor, action: kind.action, target: id, detail });
    } else {
      await runRows(tx, kind.propose, { tenant, id, ...step.pending });
      await recordAuditInTx(tx, {
        tenant,
        actor,
        action: kind.action,
        target: id,
        detail: { status, note, fourEyes: 'PROPOSED' },
      });
    }
    const [row] = await runRows<{ candidate: DuplicateRecord }>(tx, kind.byId, { tenant, id });
    return { kind: 'done' as const, candidate: row.candidate };
  });
  if (outcome.kind === 'missing') throw new NotFoundError(`no ${kind.what} ${quotedId(id)}`);
  if (outcome.kind === 'refused') throw new ForbiddenError(outcome.reason);
  return outcome.candidate;
}
