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

// ---- the model version the graph was written with (migrations.ts) ----

export const MODEL_VERSION_CONSTRAINT = `
CREATE CONSTRAINT model_version_key IF NOT EXISTS FOR (n:ModelVersion) REQUIRE n.key IS UNIQUE`;

export const READ_MODEL_VERSION = `
OPTIONAL MATCH (v:ModelVersion {key: $key})
RETURN v.version AS version, coalesce(v.steps, []) AS steps, v.release AS release`;

/** Records one applied step: the version only ever goes up. */
export const RECORD_MIGRATION_STEP = `
MERGE (v:ModelVersion {key: $key})
SET v.version = CASE WHEN coalesce(v.version, 0) > $version THEN v.version ELSE $version END,
    v.steps = CASE WHEN $name IN coalesce(v.steps, []) THEN v.steps ELSE coalesce(v.steps, []) + $name END,
    v.release = $release, v.updatedAt = toString(datetime())`;
