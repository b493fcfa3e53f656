// The online half of a bulk load, run once the store that neo4j-admin wrote has started and the
// migrations (constraints, indexes, model version) and the Entity List are in place: every firm
// is screened, duplicate candidates proposed, the tenant's data version set, the import
// audited and the shipments' summaries stored, by the same functions the online import calls in its transaction (../index.ts).
// Screening goes in transactions of FIRM_BATCH firms (a first load has hundreds of thousands);
// each is idempotent, so a finish cut short is simply run again.
import type { ImportServices } from '../index';
import type { ImportReport } from '../importBundle';
import { bumpTenantVersion, lockTenant } from '../../graph/tenantVersion';
import { proposeDuplicatesInTx, proposeFacilityDuplicatesInTx } from '../../screening/duplicates';
import { recordAuditInTx } from '../../audit';
import { ensureSummaries } from '../../trace/summaries';
import { TENANT_FIRM_IDS } from './cypher';

const FIRM_BATCH = 20_000;

export async function finishBulkLoad(
  services: ImportServices,
  tenant: string,
  counts: ImportReport,
  opts: { actor?: string; log?: (msg: string) => void } = {},
): Promise<{ screened: number; candidates: number; duplicatePairs: number }> {
  await services.screening.current();
  const ids = (await services.graph.read<{ id: string }>(TENANT_FIRM_IDS, { tenant })).map((r) => r.id);
  let candidates = 0;
  for (let i = 0; i < ids.length; i += FIRM_BATCH) {
    const batch = ids.slice(i, i + FIRM_BATCH);
    candidates += await services.graph.writeTransaction(async (tx) => {
      const firms = await services.screening.firmNamesInTx(tx, tenant, batch);
      return services.screening.screenFirmsInTx(tx, tenant, firms);
    }, 3600);
    opts.log?.(`screened ${Math.min(i + FIRM_BATCH, ids.length).toLocaleString()} of ${ids.length.toLocaleString()} firms`);
  }
  const duplicatePairs = await services.graph.writeTransaction(async (tx) => {
    await lockTenant(tx, tenant);
    const { pairs, created } = await proposeDuplicatesInTx(tx, tenant);
    const facilityPairs = await proposeFacilityDuplicatesInTx(tx, tenant);
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
        duplicateFirmCandidates: created,
        duplicateFacilityCandidates: facilityPairs.created,
        bulk: true,
      },
    });
    return pairs;
  }, 3600);
  // the shipments' stored verdicts, as the online import leaves them (trace/summaries)
  await ensureSummaries(services.graph, tenant);
  return { screened: ids.length, candidates, duplicatePairs };
}
