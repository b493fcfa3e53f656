// Cypher of the bulk load's online finish (finish.ts). Parameters only, as everywhere.

/** Every firm id of the tenant, by the (tenant, id) constraint's index. */
export const TENANT_FIRM_IDS = `
MATCH (f:Firm) USING INDEX f:Firm(tenant, id)
WHERE f.tenant = $tenant AND f.id IS NOT NULL
RETURN f.id AS id`;

/** How many of each record the tenant holds: the load is checked against the bundle's counts. */
export const TENANT_COUNTS = `
CALL () { MATCH (n:Firm) WHERE n.tenant = $tenant AND n.id IS NOT NULL RETURN count(n) AS firms }
CALL () { MATCH (n:Facility) WHERE n.tenant = $tenant AND n.id IS NOT NULL RETURN count(n) AS facilities }
CALL () { MATCH (n:Material) WHERE n.tenant = $tenant AND n.id IS NOT NULL RETURN count(n) AS materials }
CALL () { MATCH (n:Document) WHERE n.tenant = $tenant AND n.id IS NOT NULL RETURN count(n) AS documents }
CALL () { MATCH (n:Flow) WHERE n.tenant = $tenant AND n.id IS NOT NULL RETURN count(n) AS flows }
CALL () { MATCH (n:Shipment) WHERE n.tenant = $tenant AND n.id IS NOT NULL RETURN count(n) AS shipments }
RETURN firms, facilities, materials, documents, flows, shipments`;
