// Public surface of import: a bundle in, counts out; the tenant's new or changed firms
// are screened in the same transaction, so a firm is never stored unscreened.
import type { Services } from '../api/context';
import { importBundle as writeBundle, ImportReport, validateBundle } from './importBundle';
import { recordAuditInTx } from '../audit';
import { bumpTenantVersion } from '../graph/tenantVersion';

export type { ImportReport } from './importBundle';
export { BundleValidationError, parseBundleShape } from './validate';
export { validateBundle };

export async function importBundle(
  services: Pick<Services, 'graph' | 'screening'>, tenant: string, raw: unknown,
  opts: { actor?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportReport> {
  await services.screening.current(); // build the matcher before the transaction opens
  return writeBundle(services.graph, raw, {
    tenant,
    onProgress: opts.onProgress,
    afterWrite: async (tx, bundle) => {
      await services.screening.screenFirmsInTx(tx, tenant, bundle.firms);
      await bumpTenantVersion(tx, tenant);
      await recordAuditInTx(tx, {
        tenant, actor: opts.actor ?? 'unknown', action: 'IMPORT', target: `${bundle.flows.length} flows`,
        detail: { firms: bundle.firms.length, facilities: bundle.facilities.length, flows: bundle.flows.length, documents: bundle.documents.length, shipments: bundle.shipments.length },
      });
    },
  });
}
