// Cypher of the graph layer's own bookkeeping: each tenant's data version (tenantVersion.ts).

export const TENANT_VERSION = `
OPTIONAL MATCH (v:TenantState {tenant: $tenant})
RETURN coalesce(v.version, 'none') AS version`;

export const BUMP_TENANT_VERSION = `
MERGE (v:TenantState {tenant: $tenant})
SET v.version = randomUUID()`;

/** Takes the tenant's write lock (held to commit): MERGE is safe here under the unique constraint. */
export const LOCK_TENANT = `
MERGE (v:TenantState {tenant: $tenant})
SET v.lockedAt = datetime()`;
