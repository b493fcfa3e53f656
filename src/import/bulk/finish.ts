// The online half of a bulk load, run once the store that neo4j-admin wrote has started and the
// migrations (constraints, indexes, model version) and the Entity List are in place: every firm
// is screened, duplicate candidates proposed, the tenant's data version set, the import
// audited and the shipments' summaries stored, by the same functions the online import calls in its transaction (../index.ts).
// Screening and duplicates go in transactions of 20,000 records (a first load has hundreds of
// thousands); each is idempotent, so a finish cut short is simply run again.
import type { ManagedTransaction } from 'neo4j-driver';
import type { ImportServices } from '../index';
import type { ImportReport } from '../importBundle';
import { bumpTenantVersion, lockTenant } from '../../graph/tenantVersion';
import { proposeDuplicatesInTx, proposeFacilityDuplicatesInTx } from '../../screening/duplicates';
import { recordScreeningFingerprint } from '../../screening/rescreen';
import { recordAuditInTx } from '../../audit';
import { ensureSummaries } from '../../trace/summaries';
import { TENANT_FIRM_IDS } from './cypher';

/** Records per transaction of the finish (screening, duplicates). */
export const FINISH_BATCH = 20_000;

export async function finishBulkLoad(
  services: ImportServices,
  tenant: string,
  counts: ImportReport,
  opts: { actor?: string; log?: (msg: string) => void; batch?: number } = {},
): Promise<{ screened: number; candidates: number; duplicatePairs: number }> {
  const batch = opts.batch ?? FINISH_BATCH;
  await services.screening.current();
  const ids = (await services.graph.read<{ id: string }>(TENANT_FIRM_IDS, { tenant })).map((r) => r.id);
  let candidates = 0;
  for (let i = 0; i < ids.length; i += batch) {
    const part = ids.slice(i, i + batch);
    candidates += await services.graph.writeTransaction(async (tx) => {
      const firms = await services.screening.firmNamesInTx(tx, tenant, part);
      return services.screening.screenFirmsInTx(tx, tenant, firms);
    }, 3600);
    opts.log?.(`screened ${Math.min(i + batch, ids.length).toLocaleString()} of ${ids.length.toLocaleString()} firms`);
  }
  // Duplicates in transactions of `batch` records, each profiled against every record
  // profiled before it (so the pairs are those of one pass): one transaction for every firm and
  // facility of a first load ran out of Neo4j's transaction memory at 1M flows (178k firms, 4g heap).
  let duplicatePairs = 0;
  const created = { firms: 0, facilities: 0 };
  for (const [kind, propose] of [
    ['firms', (tx: ManagedTransaction) => proposeDuplicatesInTx(tx, tenant, { first: batch })],
    ['facilities', (tx: ManagedTransaction) => proposeFacilityDuplicatesInTx(tx, tenant, { first: batch })],
  ] as const) {
    for (let done = 0; ;) {
      const report = await services.graph.writeTransaction(async (tx) => {
        await lockTenant(tx, tenant);
        return propose(tx);
      }, 3600);
      done += report.profiled;
      created[kind] += report.created;
      if (kind === 'firms') duplicatePairs += report.pairs;
      if (report.profiled) opts.log?.(`compared ${done.toLocaleString()} ${kind} for duplicates`);
      if (report.profiled < batch) break;
    }
  }
  await services.graph.writeTransaction(async (tx) => {
    await lockTenant(tx, tenant);
    await bumpTenantVersion(tx, tenant);
    await recordAuditInTx(tx, {
      tenant,
      actor: opts.actor ?? 'unknown',
      action: 'IMPORT',
      target: `${counts.flows} flows`,
      detail: {
        firms: counts.firms,
        facilities: counts.facilities,
        flows: counts.flows,
        documents: counts.documents,
        shipments: counts.shipments,
        duplicateFirmCandidates: created.firms,
        duplicateFacilityCandidates: created.facilities,
        bulk: true,
      },
    });
  }, 3600);
  opts.log?.('data version set and import audited');
  // the shipments' stored verdicts, as the online import leaves them (trace/summaries)
  await ensureSummaries(services.graph, tenant);
  opts.log?.("shipments' summaries stored");
  // a bulk load fills a store of its own: every firm in it was just screened by this release
  await recordScreeningFingerprint(services.graph);
  return { screened: ids.length, candidates, duplicatePairs };
}
