// A reviewer confirms or rejects a stored match; an importer disputes one. A decision that
// takes effect, the tenant's new data version (traces read listings through it) and the audit
// event commit together; a decision that waits for a second reviewer (four-eyes review)
// changes no status, so traces do not move until it takes effect.
import type { Graph } from '../graph/graph';
import { runRows } from '../graph/graph';
import { bumpTenantVersion, lockTenant } from '../graph/tenantVersion';
import { beginSummaryChange, finishSummaryChange } from '../trace/summaries';
import { ForbiddenError, LimitError, NotFoundError } from '../errors';
import { recordAuditInTx } from '../audit';
import * as Q from './cypher';
import { quotedId } from '../model/text/policy';
import { PendingDecision, ReviewDecision, reviewStep } from './review';

export type { ReviewDecision } from './review';

/** Dispute notes kept per match; beyond this the reviewers have enough to read. */
export const MAX_DISPUTES_PER_MATCH = 50;

interface LockedMatch {
  decision: string;
  firmId: string;
  disputes: number;
  pending: PendingDecision | null;
}

const notFound = (id: string) => new NotFoundError(`no screening match ${quotedId(id)}`);

export async function decideMatch(
  graph: Graph,
  tenant: string,
  args: { id: string; status: ReviewDecision; note: string | null; actor: string; fourEyes?: boolean },
): Promise<Record<string, unknown>> {
  const { id, status, note, actor } = args;
  const outcome = await graph.writeTransaction(async (tx) => {
    // the tenant's lock first, as imports take it: the stored summaries change with the decision
    await lockTenant(tx, tenant);
    const [locked] = await runRows<LockedMatch>(tx, Q.LOCK_MATCH_FOR_REVIEW, { tenant, id });
    if (!locked) return { kind: 'missing' as const };
    const step = reviewStep(locked, { status, by: actor, at: new Date().toISOString(), note }, args.fourEyes ?? false);
    if (step.kind === 'REFUSE') return { kind: 'refused' as const, reason: step.reason };
    if (step.kind === 'APPLY') {
      const { kind: _kind, ...decision } = step;
      const summaries = await beginSummaryChange(tx, tenant, { firmIds: [locked.firmId] });
      await runRows(tx, Q.APPLY_DECISION, { tenant, id, ...decision });
      await bumpTenantVersion(tx, tenant);
      await finishSummaryChange(tx, summaries);
      const detail = step.agreedBy
        ? { status, note, fourEyes: 'AGREED', proposedBy: step.decidedBy, proposalNote: step.note }
        : { status, note };
      await recordAuditInTx(tx, { tenant, actor, action: 'MATCH_DECISION', target: id, detail });
    } else {
      await runRows(tx, Q.PROPOSE_DECISION, { tenant, id, ...step.pending });
      await recordAuditInTx(tx, { tenant, actor, action: 'MATCH_DECISION', target: id, detail: { status, note, fourEyes: 'PROPOSED' } });
    }
    const [row] = await runRows<{ match: Record<string, unknown> }>(tx, Q.MATCH_BY_ID, { tenant, id });
    return { kind: 'done' as const, match: row.match };
  });
  if (outcome.kind === 'missing') throw notFound(id);
  if (outcome.kind === 'refused') throw new ForbiddenError(outcome.reason);
  return outcome.match;
}

/** Adds an importer's dispute note to a match; its status stays as it is. */
export async function disputeMatch(
  graph: Graph,
  tenant: string,
  args: { id: string; note: string; actor: string },
): Promise<Record<string, unknown>> {
  const { id, note, actor } = args;
  const outcome = await graph.writeTransaction(async (tx) => {
    const [locked] = await runRows<LockedMatch>(tx, Q.LOCK_MATCH_FOR_REVIEW, { tenant, id });
    if (!locked) return { kind: 'missing' as const };
    if (locked.disputes >= MAX_DISPUTES_PER_MATCH) return { kind: 'full' as const };
    await runRows(tx, Q.ADD_DISPUTE, { tenant, id, note, by: actor, at: new Date().toISOString() });
    await recordAuditInTx(tx, { tenant, actor, action: 'MATCH_DISPUTE', target: id, detail: { note } });
    const [row] = await runRows<{ match: Record<string, unknown> }>(tx, Q.MATCH_BY_ID, { tenant, id });
    return { kind: 'done' as const, match: row.match };
  });
  if (outcome.kind === 'missing') throw notFound(id);
  if (outcome.kind === 'full')
    throw new LimitError(`screening match "${id}" already holds ${MAX_DISPUTES_PER_MATCH} dispute notes, the most kept`);
  return outcome.match;
}
