// Every Cypher statement the import runs, named for what it does. Rows arrive as
// parameters ($rows, $tenant); nothing from a bundle is ever spliced into query text.
// A statement writes only the bundle's own records: its firms, facilities and materials, and
// holdings into the firms it names (screening then writes matches of its firms and its facilities'
// operators). The summary refresh reads every other party as committed, and the trace cache
// keeps them over the import's commit (altersOnlySeedParties in src/trace/summaries/refresh.ts):
// a statement that changed another party would break both.

export const FIND_STORED_REFS = `
CALL { UNWIND $firm AS id MATCH (n:Firm {tenant: $tenant, id: id}) RETURN collect(n.id) AS firms }
CALL { UNWIND $facility AS id MATCH (n:Facility {tenant: $tenant, id: id}) RETURN collect(n.id) AS facilities }
CALL { UNWIND $material AS id MATCH (n:Material {tenant: $tenant, id: id}) RETURN collect({id: n.id, raw: coalesce(n.raw, false)}) AS materials }
CALL { UNWIND $flow AS id MATCH (n:Flow {tenant: $tenant, id: id}) RETURN collect({id: n.id, to: n.toId}) AS flows }
CALL { UNWIND $document AS id MATCH (n:Document {tenant: $tenant, id: id}) RETURN collect(n.id) AS documents }
RETURN firms, facilities, materials, flows, documents`;

/** Which of the bundle's ids are stored already: those take the update path, the rest are created. */
export const EXISTING_IDS = `
CALL { UNWIND $firms AS id MATCH (n:Firm {tenant: $tenant, id: id}) RETURN collect(id) AS firms }
CALL { UNWIND $facilities AS id MATCH (n:Facility {tenant: $tenant, id: id}) RETURN collect(id) AS facilities }
CALL { UNWIND $materials AS id MATCH (n:Material {tenant: $tenant, id: id}) RETURN collect(id) AS materials }
CALL { UNWIND $documents AS id MATCH (n:Document {tenant: $tenant, id: id}) RETURN collect(id) AS documents }
CALL { UNWIND $flows AS id MATCH (n:Flow {tenant: $tenant, id: id}) RETURN collect(id) AS flows }
CALL { UNWIND $shipments AS id MATCH (n:Shipment {tenant: $tenant, id: id}) RETURN collect(id) AS shipments }
RETURN firms, facilities, materials, documents, flows, shipments`;

// New records: plain CREATE, nothing to replace (the constraint still guards uniqueness).
export const CREATE_FIRMS = `UNWIND $rows AS r CREATE (n:Firm) SET n = r, n.tenant = $tenant`;
export const CREATE_MATERIALS = `UNWIND $rows AS r CREATE (n:Material) SET n = r, n.tenant = $tenant`;
export const CREATE_FACILITIES = `
UNWIND $rows AS r
MATCH (firm:Firm {tenant: $tenant, id: r.firmId})
CREATE (n:Facility)-[:OPERATED_BY]->(firm)
SET n = r, n.tenant = $tenant`;
export const CREATE_DOCUMENTS = `
UNWIND $rows AS r
CREATE (n:Document)
SET n = r, n.tenant = $tenant
WITH n, r WHERE r.issuerId IS NOT NULL
MATCH (issuer:Firm {tenant: $tenant, id: r.issuerId})
CREATE (n)-[:ISSUED_BY]->(issuer)`;
export const CREATE_FLOWS = `
UNWIND $rows AS r
MATCH (src:Facility {tenant: $tenant, id: r.fromId}), (dst:Facility {tenant: $tenant, id: r.toId}),
      (m:Material {tenant: $tenant, id: r.materialId})
CREATE (n:Flow)-[:FROM]->(src), (n)-[:TO]->(dst), (n)-[:OF]->(m)
SET n = r, n.tenant = $tenant`;
export const CREATE_FLOW_DOCUMENTS = `
UNWIND $rows AS r
MATCH (f:Flow {tenant: $tenant, id: r.flow}), (d:Document {tenant: $tenant, id: r.document})
CREATE (f)-[:DOCUMENTED_BY]->(d)`;
export const CREATE_LOT_INPUTS = `
UNWIND $rows AS r
MATCH (f:Flow {tenant: $tenant, id: r.flow}), (i:Flow {tenant: $tenant, id: r.input})
CREATE (f)-[:INPUT {lot: true}]->(i)`;
export const CREATE_SHIPMENTS = `
UNWIND $rows AS r
MATCH (importer:Firm {tenant: $tenant, id: r.importerId}), (f:Flow {tenant: $tenant, id: r.flowId})
CREATE (n:Shipment)-[:IMPORTED_BY]->(importer), (n)-[:CARRIED_BY]->(f)
SET n = r, n.tenant = $tenant`;

// SET n = props replaces every stored value: a record imported again with new values
// carries exactly those values afterwards.
export const UPSERT_FIRMS = `
UNWIND $rows AS r
MERGE (n:Firm {tenant: $tenant, id: r.id})
SET n = r, n.tenant = $tenant`;

export const UPSERT_FACILITIES = `
UNWIND $rows AS r
MERGE (n:Facility {tenant: $tenant, id: r.id})
SET n = r, n.tenant = $tenant
WITH n, r
OPTIONAL MATCH (n)-[old:OPERATED_BY]->()
DELETE old
WITH DISTINCT n, r
MATCH (firm:Firm {tenant: $tenant, id: r.firmId})
MERGE (n)-[:OPERATED_BY]->(firm)`;

export const UPSERT_OWNERSHIP = `
UNWIND $rows AS r
MATCH (owner:Firm {tenant: $tenant, id: r.owner}), (owned:Firm {tenant: $tenant, id: r.owned})
MERGE (owner)-[o:OWNS]->(owned)
SET o.share = r.share`;

export const UPSERT_MATERIALS = `
UNWIND $rows AS r
MERGE (n:Material {tenant: $tenant, id: r.id})
SET n = r, n.tenant = $tenant`;

export const UPSERT_DOCUMENTS = `
UNWIND $rows AS r
MERGE (n:Document {tenant: $tenant, id: r.id})
SET n = r, n.tenant = $tenant
WITH n, r
OPTIONAL MATCH (n)-[old:ISSUED_BY]->()
DELETE old
WITH DISTINCT n, r WHERE r.issuerId IS NOT NULL
MATCH (issuer:Firm {tenant: $tenant, id: r.issuerId})
MERGE (n)-[:ISSUED_BY]->(issuer)`;

/**
 * Flows and their own edges. Old outgoing edges go first so a re-import replaces them. Only this
 * flow's edges are deleted: the summaries' single walk per import relies on it (relinksOwnRecordsOnly).
 */
export const UPSERT_FLOWS = `
UNWIND $rows AS r
MERGE (n:Flow {tenant: $tenant, id: r.id})
SET n = r, n.tenant = $tenant
WITH n, r
CALL (n) { OPTIONAL MATCH (n)-[old:FROM|TO|OF|INPUT|DOCUMENTED_BY]->() DELETE old }
CALL (n) { OPTIONAL MATCH ()-[stale:INPUT {lot: false}]->(n) DELETE stale }
WITH n, r
MATCH (src:Facility {tenant: $tenant, id: r.fromId}), (dst:Facility {tenant: $tenant, id: r.toId}),
      (m:Material {tenant: $tenant, id: r.materialId})
CREATE (n)-[:FROM]->(src), (n)-[:TO]->(dst), (n)-[:OF]->(m)`;

export const LINK_FLOW_DOCUMENTS = `
UNWIND $rows AS r
MATCH (f:Flow {tenant: $tenant, id: r.flow}), (d:Document {tenant: $tenant, id: r.document})
MERGE (f)-[:DOCUMENTED_BY]->(d)`;

/** Lot lineage: the flow was made from exactly these input lots. */
export const LINK_LOT_INPUTS = `
UNWIND $rows AS r
MATCH (f:Flow {tenant: $tenant, id: r.flow}), (i:Flow {tenant: $tenant, id: r.input})
MERGE (f)-[e:INPUT]->(i)
SET e.lot = true`;

/**
 * Facility-level fallback for the bundle's flows without inputs (non-raw material):
 * traced through every flow into the source facility dated on or before the flow.
 * Materialised as INPUT {lot: false} so tracing is one traversal, not a per-hop search.
 */
export const LINK_FALLBACK_INPUTS = `
UNWIND $ids AS fid
MATCH (f:Flow {tenant: $tenant, id: fid})
MATCH (g:Flow {tenant: $tenant, toId: f.fromId})
WHERE g <> f AND (f.date IS NULL OR g.date IS NULL OR g.date <= f.date)
MERGE (f)-[e:INPUT]->(g)
SET e.lot = false`;

/** The reverse: stored fallback flows out of a facility that a newly imported flow now feeds. */
export const LINK_NEW_FLOWS_INTO_FALLBACKS = `
UNWIND $ids AS gid
MATCH (g:Flow {tenant: $tenant, id: gid})
MATCH (f:Flow {tenant: $tenant, fromId: g.toId})
WHERE f.fallback = true AND f <> g AND (f.date IS NULL OR g.date IS NULL OR g.date <= f.date)
MERGE (f)-[e:INPUT]->(g)
SET e.lot = false`;

export const UPSERT_SHIPMENTS = `
UNWIND $rows AS r
MERGE (n:Shipment {tenant: $tenant, id: r.id})
SET n = r, n.tenant = $tenant
WITH n, r
CALL (n) { OPTIONAL MATCH (n)-[old:IMPORTED_BY|CARRIED_BY]->() DELETE old }
WITH n, r
MATCH (importer:Firm {tenant: $tenant, id: r.importerId}), (f:Flow {tenant: $tenant, id: r.flowId})
CREATE (n)-[:IMPORTED_BY]->(importer), (n)-[:CARRIED_BY]->(f)`;
