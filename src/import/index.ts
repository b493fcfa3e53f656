// Public surface of import: a bundle in, counts out; the tenant's new or changed firms
// are screened in the same transaction, so a firm is never stored unscreened, and compared
// with the tenant's other firms (facilities with its other facilities) for duplicates
// (src/screening/duplicates/).
import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../graph/graph';
import type { Bundle } from '../model/bundle';
import type { ScreeningService } from '../screening/service';
import { importBundle as writeBundle, type ImportReport as WriteReport, timed, validateBundle } from './importBundle';
import { recordAuditInTx } from '../audit';
import { bumpTenantVersion } from '../graph/tenantVersion';
import type { BundleCheck } from './validate';
import { proposeDuplicatesInTx, proposeFacilityDuplicatesInTx } from '../screening/duplicates';
import { beginSummaryChange, finishSummaryChange, summaryChangeCommitted, SummaryChange, SummarySeeds } from '../trace/summaries';

/** The records an import writes, whose shipments' verdicts it may move (firms it re-screens among them). */
function summarySeedsOf(bundle: Bundle): SummarySeeds {
  return {
    firmIds: [
      ...bundle.firms.map((f) => f.id),
      ...bundle.facilities.map((f) => f.firm),
      ...bundle.ownership.flatMap((o) => [o.owner, o.owned]),
    ],
    facilityIds: bundle.facilities.map((f) => f.id),
    materialIds: bundle.materials.map((m) => m.id),
    flowIds: bundle.flows.map((f) => f.id),
    shipmentIds: bundle.shipments.map((s) => s.id),
  };
}

export type { ImportReport as WriteReport } from './importBundle';

/** The records written, and the duplicate candidates the import proposed for the first time. */
export interface ImportReport extends WriteReport {
  duplicateFirmCandidates: number;
  duplicateFacilityCandidates: number;
}
export { BundleValidationError, checkBundle, parseBundleShape, MAX_LISTED_ERRORS, MAX_COUNTED_ERRORS } from './validate';
export type { BundleCheck, BundleError } from './validate';
export { validateBundle };

/** What an import needs: the graph, and the screening that runs in its transaction. */
export interface ImportServices {
  graph: Graph;
  screening: Pick<ScreeningService, 'current' | 'screenFirmsInTx' | 'firmNamesInTx'>;
}

export async function importBundle(
  services: ImportServices,
  tenant: string,
  raw: unknown,
  opts: {
    actor?: string;
    onProgress?: (done: number, total: number) => void;
    checked?: BundleCheck;
    /** More work in the same transaction, after screening (a restore re-applies decisions here). */
    afterWrite?: (tx: ManagedTransaction, bundle: Bundle) => Promise<void>;
    /** milliseconds per step of the transaction, for the bench's profile */
    timings?: Map<string, number>;
  } = {},
): Promise<ImportReport> {
  await services.screening.current(); // build the matcher before the transaction opens
  const proposed = { duplicateFirmCandidates: 0, duplicateFacilityCandidates: 0 };
  let summaries: SummaryChange | undefined;
  const written = await writeBundle(services.graph, raw, {
    tenant,
    onProgress: opts.onProgress,
    checked: opts.checked,
    timings: opts.timings,
    // what the bundle's flows are fed by before it is written (an upsert can cut a flow out of an upstream)
    beforeWrite: async (tx, bundle) => {
      summaries = await beginSummaryChange(tx, tenant, summarySeedsOf(bundle), {
        relinksOwnRecordsOnly: true,
        // what a caller adds to the transaction (a restore's decisions) may change any party
        altersOnlySeedParties: opts.afterWrite ? undefined : { graph: services.graph },
      });
    },
    afterWrite: async (tx, bundle) => {
      const t = <T>(name: string, work: () => Promise<T>) => timed(opts.timings, name, work);
      // the bundle's firms, and the stored firms whose facilities it adds or renames
      const inBundle = new Set(bundle.firms.map((f) => f.id));
      const operators = [...new Set(bundle.facilities.map((f) => f.firm))].filter((id) => !inBundle.has(id));
      const stored = await t('screening', () => services.screening.firmNamesInTx(tx, tenant, operators));
      await t('screening', () => services.screening.screenFirmsInTx(tx, tenant, [...bundle.firms, ...stored]));
      // after screening: firms that both MATCH one listed entry pair through it
      proposed.duplicateFirmCandidates = (await t('duplicates', () => proposeDuplicatesInTx(tx, tenant))).created;
      proposed.duplicateFacilityCandidates = (await t('duplicates', () => proposeFacilityDuplicatesInTx(tx, tenant))).created;
      await bumpTenantVersion(tx, tenant);
      await recordAuditInTx(tx, {
        tenant,
        actor: opts.actor ?? 'unknown',
        action: 'IMPORT',
        target: `${bundle.flows.length} flows`,
        detail: {
          firms: bundle.firms.length,
          facilities: bundle.facilities.length,
          flows: bundle.flows.length,
          documents: bundle.documents.length,
          shipments: bundle.shipments.length,
          ...proposed,
        },
      });
      if (opts.afterWrite) await opts.afterWrite(tx, bundle);
      // last: after screening, and after whatever the caller re-applied (a restore's decisions)
      if (summaries) await timed(opts.timings, 'summaries', () => finishSummaryChange(tx, summaries!));
    },
  });
  summaryChangeCommitted(summaries);
  return { ...written, ...proposed };
}
