// Cypher of tenant export and restore. Every read is one page in id order (keyset paging on
// the (tenant, id) constraints), so an export holds one page in memory, not the tenant.

/** The bundle's node labels by section (ownership is an edge, read with the firms). */
export const SECTION_LABELS = {
  firms: 'Firm',
  facilities: 'Facility',
  materials: 'Material',
  flows: 'Flow',
  documents: 'Document',
  shipments: 'Shipment',
} as const;

/** A page of one label's nodes of the tenant, after id $after. Labels come from the constants here, never from input. */
export const nodePage = (label: string) => `
MATCH (n:${label}) WHERE n.tenant = $tenant AND n.id > $after
RETURN properties(n) AS r ORDER BY n.id LIMIT toInteger($first)`;

export const OWNERSHIP_OF = `
UNWIND $ids AS id
MATCH (o:Firm {tenant: $tenant, id: id})-[s:OWNS]->(d:Firm {tenant: $tenant})
RETURN o.id AS owner, d.id AS owned, s.share AS share ORDER BY owner, owned`;

export const AUDIT_PAGE = `
MATCH (e:AuditEvent) USING INDEX e:AuditEvent(tenant, at)
WHERE e.tenant = $tenant AND e.at IS NOT NULL AND (e.at > $at OR (e.at = $at AND e.id > $id))
RETURN properties(e) AS r ORDER BY e.at, e.id LIMIT toInteger($first)`;

/** The tenant's data version (the same before and after the pages, or the export is refused). */
export const EXPORT_TENANT_VERSION = `
OPTIONAL MATCH (v:TenantState {tenant: $tenant})
RETURN v.version AS tenantVersion`;

/** The store's Entity List and model versions (one node each, not the tenant's). */
export const EXPORT_STORE_VERSIONS = `
OPTIONAL MATCH (l:EntityListVersion {current: true})
OPTIONAL MATCH (m:ModelVersion {key: 'graph'})
RETURN l.version AS entityListVersion, m.version AS modelVersion`;

/** Whether the tenant holds any record (restore refuses such a tenant unless told to merge). */
export const TENANT_HAS_DATA = `
CALL () { MATCH (n:Firm {tenant: $tenant}) WHERE n.id IS NOT NULL RETURN n LIMIT 1
  UNION MATCH (n:Material {tenant: $tenant}) WHERE n.id IS NOT NULL RETURN n LIMIT 1
  UNION MATCH (n:AuditEvent) USING INDEX n:AuditEvent(tenant, at) WHERE n.tenant = $tenant AND n.at IS NOT NULL RETURN n LIMIT 1 }
RETURN count(n) > 0 AS hasData`;

/** Screening matches back as exported: decisions, notes, disputes, linked to the firm and the listed entry. */
export const RESTORE_SCREENING_MATCHES = `
UNWIND $rows AS r
MATCH (f:Firm {tenant: $tenant, id: r.firmId})
MATCH (e:ListedEntity {key: r.entryKey})
MERGE (m:ScreeningMatch {tenant: $tenant, id: r.id})
SET m += r, m.tenant = $tenant
MERGE (f)-[:SCREENED]->(m)
MERGE (m)-[:AGAINST]->(e)
RETURN r.id AS id`;

/**
 * Candidate pairs of one kind back as exported (c the candidate, its two ids in `ids`); a
 * confirmed one links its two as one (`link`). Labels and names come from the constants here, never from input.
 */
const restorePairs = (candidate: string, node: string, ids: string, link: string) => `
UNWIND $rows AS r
MATCH (a:${node} {tenant: $tenant, id: r.${ids}[0]})
MATCH (b:${node} {tenant: $tenant, id: r.${ids}[1]})
MERGE (c:${candidate} {tenant: $tenant, id: r.id})
SET c += r, c.tenant = $tenant
MERGE (c)-[:PAIRS]->(a)
MERGE (c)-[:PAIRS]->(b)
WITH a, b, r
CALL (a, b, r) {
  WITH a, b, r WHERE r.status = 'CONFIRMED' AND NOT EXISTS { (a)-[:${link}]-(b) }
  CREATE (a)-[:${link}]->(b)
}
RETURN r.id AS id`;

/** Duplicate-firm candidates back as exported; a confirmed one links its two firms as one entity. */
export const RESTORE_DUPLICATE_CANDIDATES = restorePairs('DuplicateCandidate', 'Firm', 'firmIds', 'SAME_AS');

/** Duplicate-facility candidates back as exported; a confirmed one links its two facilities as one site. */
export const RESTORE_FACILITY_DUPLICATES = restorePairs('FacilityDuplicate', 'Facility', 'facilityIds', 'SAME_SITE');

/** Audit events back with their own ids and times; one already there (a merge) is left alone. */
export const RESTORE_AUDIT_EVENTS = `
UNWIND $rows AS r
MERGE (e:AuditEvent {tenant: $tenant, id: r.id})
ON CREATE SET e += r, e.tenant = $tenant`;
