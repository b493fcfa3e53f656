// Every firm of one tenant screened again, with what follows from new matches, in one
// transaction: a list update does it for the new list, start-up for new screening code.
import type { Graph } from '../graph/graph';
import { recordAuditInTx, type AuditEvent } from '../audit';
import { bumpTenantVersion, lockTenant } from '../graph/tenantVersion';
import { rebuildSummariesInTx } from '../trace/summaries';
import type { ScreeningService } from './service';
import * as Q from './cypher';
import { proposeDuplicatesInTx } from './duplicates';

export async function rescreenTenant(
  graph: Graph,
  screening: ScreeningService,
  tenant: string,
  listVersion: string,
  audit: Omit<AuditEvent, 'tenant'>,
): Promise<void> {
  const firms = await graph.read<{ id: string; name: string; aliases: string[] | null; localName: string | null; country: string | null }>(
    Q.TENANT_FIRMS,
    { tenant },
  );
  const names = firms.map((f) => ({
    id: f.id,
    name: f.name,
    aliases: f.aliases ?? [],
    localName: f.localName ?? undefined,
    country: f.country ?? undefined,
  }));
  await graph.writeTransaction(async (tx) => {
    await lockTenant(tx, tenant);
    await screening.screenFirmsInTx(tx, tenant, names);
    // firms that now MATCH one entry may be one entity; pairs decided already keep their decision
    await proposeDuplicatesInTx(tx, tenant, { everyFirm: true });
    await bumpTenantVersion(tx, tenant);
    // any match may have changed: every shipment of the tenant judged again
    await rebuildSummariesInTx(tx, tenant, listVersion);
    await recordAuditInTx(tx, { tenant, ...audit });
  }, 1800);
}
