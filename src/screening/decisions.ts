// A reviewer confirms or rejects a stored match. The decision, the tenant's new data
// version (traces read listings through it) and the audit event commit together.
import type { Graph } from '../graph/graph';
import { runRows } from '../graph/graph';
import { bumpTenantVersion } from '../graph/tenantVersion';
import { NotFoundError } from '../errors';
import { recordAuditInTx } from '../audit';
import * as Q from './cypher';
import { quotedId } from '../model/text/policy';

export type ReviewDecision = 'CONFIRMED' | 'REJECTED';

export async function decideMatch(
  graph: Graph,
  tenant: string,
  args: { id: string; status: ReviewDecision; note: string | null; actor: string },
): Promise<Record<string, unknown>> {
  const { id, status, note, actor } = args;
  const row = await graph.writeTransaction(async (tx) => {
    const [r] = await runRows<{ match: Record<string, unknown> }>(tx, Q.DECIDE_MATCH, {
      tenant,
      id,
      status,
      decidedBy: actor,
      decidedAt: new Date().toISOString(),
      note,
    });
    if (r) await bumpTenantVersion(tx, tenant);
    if (r) await recordAuditInTx(tx, { tenant, actor, action: 'MATCH_DECISION', target: id, detail: { status, note } });
    return r;
  });
  if (!row) throw new NotFoundError(`no screening match ${quotedId(id)}`);
  return row.match;
}
