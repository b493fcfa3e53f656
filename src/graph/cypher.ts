// Cypher of the graph layer's own bookkeeping: each tenant's data version (tenantVersion.ts).

export const TENANT_VERSION = `
OPTIONAL MATCH (v:TenantState {tenant: $tenant})
RETURN coalesce(v.version, 'none') AS version`;

export const BUMP_TENANT_VERSION = `
MERGE (v:TenantState {tenant: $tenant})
SET v.version = randomUUID()`;
