// A tenant's data version: a fresh random token written in the same transaction as every
// change to what a trace reads about the tenant's parties (imports, review decisions,
// re-screening). In-process caches key their entries by it, so an instance never serves
// data another instance (or an earlier life of the database) has since changed.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from './graph';
import { BUMP_TENANT_VERSION, LOCK_TENANT, TENANT_VERSION } from './cypher';

/** Marks the tenant's data as changed; call inside the transaction that changes it. */
export async function bumpTenantVersion(tx: ManagedTransaction, tenant: string): Promise<void> {
  await runRows(tx, BUMP_TENANT_VERSION, { tenant });
}

export async function tenantVersionInTx(tx: ManagedTransaction, tenant: string): Promise<string> {
  const [row] = await runRows<{ version: string }>(tx, TENANT_VERSION, { tenant });
  return row?.version ?? 'none';
}

/**
 * Makes the rest of the transaction the tenant's only writer that also locks: another
 * transaction that calls this for the same tenant waits here until this one commits or rolls
 * back, and then reads what it wrote. Call it first, before reading what to create.
 */
export async function lockTenant(tx: ManagedTransaction, tenant: string): Promise<void> {
  await runRows(tx, LOCK_TENANT, { tenant });
}
