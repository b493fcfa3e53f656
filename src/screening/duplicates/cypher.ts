// Cypher for duplicate firms and facilities, named for what each asks: the profiles and
// blocking keys of the tenant's firms (facilities), the candidate pairs in a block, the stored
// candidates and their review. A FirmKey (FacilityKey) node is one blocking key of a tenant;
// firms (facilities) sharing one are compared, no others.
import { FACILITY, FIRM, projection, SAME_AS_DEPTH } from '../../model/records';

/**
 * Firms whose stored profile is missing or of another version: new and re-imported firms
 * (SET n = r clears it); every firm with $all (a list update changes which entries they MATCH).
 */
export const FIRMS_TO_PROFILE = `
MATCH (f:Firm) USING INDEX f:Firm(tenant, id)
WHERE f.tenant = $tenant AND f.id IS NOT NULL AND ($all OR coalesce(f.dupeProfileVersion, 0) <> $version)
RETURN f.id AS id, f.name AS name, f.aliases AS aliases, f.localName AS localName, f.country AS country,
  f.registrationId AS registrationId, f.city AS city, f.province AS province,
  [(f)-[:SCREENED]->(m:ScreeningMatch) WHERE m.decision = 'MATCH' AND m.status <> 'REJECTED' | m.entryKey] AS listedEntries`;

/** Stores each firm's profile and its blocking keys; keys it no longer has are unlinked, and go when no firm holds them. */
export const STORE_FIRM_PROFILES = `
UNWIND $rows AS r
MATCH (f:Firm {tenant: $tenant, id: r.id})
CALL (f, r) {
  OPTIONAL MATCH (f)-[old:KEYED_BY]->(k:FirmKey)
  WHERE NOT k.key IN r.keys
  DELETE old
  WITH DISTINCT k WHERE k IS NOT NULL AND NOT EXISTS { (k)<-[:KEYED_BY]-() }
  DELETE k
}
SET f.dupeProfile = r.profile, f.dupeProfileVersion = $version
WITH f, r
CALL (f, r) {
  UNWIND r.keys AS key
  MERGE (k:FirmKey {tenant: $tenant, key: key})
  MERGE (f)-[:KEYED_BY]->(k)
}`;

/** The firms (their stored profiles) of each key with between 2 and $maxBlock firms. */
export const BLOCKS_OF_KEYS = `
UNWIND $keys AS key
MATCH (k:FirmKey {tenant: $tenant, key: key})
WITH k, COUNT { (k)<-[:KEYED_BY]-(:Firm) } AS size
WHERE size >= 2 AND size <= $maxBlock
MATCH (k)<-[:KEYED_BY]-(f:Firm)
RETURN k.key AS key, collect(f.dupeProfile) AS profiles`;

/**
 * The candidates of the re-profiled firms, after STORE_CANDIDATES stamped those this run
 * ($run) proposed: the stamp is taken off (a re-import leaves the graph as it was), and the
 * pending ones without it, which the rules no longer propose, go. Run once for all the firms:
 * a pair reached through its second firm would otherwise have lost its stamp already.
 */
export const DROP_STALE_CANDIDATES = `
UNWIND $firmIds AS fid
MATCH (:Firm {tenant: $tenant, id: fid})<-[:PAIRS]-(c:DuplicateCandidate)
WITH DISTINCT c
WITH c, coalesce(c.run = $run, false) AS proposed
REMOVE c.run
WITH c, proposed WHERE NOT proposed AND c.status = 'PENDING'
DETACH DELETE c`;

/**
 * Stores candidate pairs. A pair decided already keeps its status (a rejected pair is never
 * proposed again); two firms already linked as one entity are not proposed.
 */
export const STORE_CANDIDATES = `
UNWIND $pairs AS p
MATCH (a:Firm {tenant: $tenant, id: p.a})
MATCH (b:Firm {tenant: $tenant, id: p.b})
OPTIONAL MATCH (stored:DuplicateCandidate {tenant: $tenant, id: p.id})
WITH a, b, p, stored
WHERE stored IS NOT NULL OR NOT EXISTS { (a)-[:SAME_AS*1..${SAME_AS_DEPTH}]-(b) }
MERGE (c:DuplicateCandidate {tenant: $tenant, id: p.id})
ON CREATE SET c.status = 'PENDING', c.createdAt = toString(datetime())
SET c.firmIds = [p.a, p.b], c.basis = p.basis, c.reason = p.reason, c.run = $run
MERGE (c)-[:PAIRS]->(a)
MERGE (c)-[:PAIRS]->(b)
RETURN count(CASE WHEN stored IS NULL THEN 1 END) AS created`;

/** A candidate as the API shows it (c the candidate, a and b its firms in id order). */
const CANDIDATE_FIELDS = `id: c.id, firmIds: c.firmIds, firms: [${projection('a', FIRM)}, ${projection('b', FIRM)}],
  basis: c.basis, reason: c.reason, status: c.status, createdAt: c.createdAt,
  decidedBy: c.decidedBy, decidedAt: c.decidedAt, note: c.note, agreedBy: c.agreedBy,
  pendingDecision: CASE WHEN c.pendingStatus IS NULL THEN null
    ELSE {status: c.pendingStatus, proposedBy: c.pendingBy, proposedAt: c.pendingAt, note: c.pendingNote} END`;

export const DUPLICATES_PAGE = `
MATCH (c:DuplicateCandidate {tenant: $tenant})
WHERE c.id > $after AND ($status IS NULL OR c.status = $status) AND ($firmId IS NULL OR $firmId IN c.firmIds)
WITH c ORDER BY c.id LIMIT toInteger($first) + 1
MATCH (a:Firm {tenant: $tenant, id: c.firmIds[0]})
MATCH (b:Firm {tenant: $tenant, id: c.firmIds[1]})
WITH c, a, b ORDER BY c.id
WITH collect({ ${CANDIDATE_FIELDS} }) AS page
RETURN page[0..$first] AS items, size(page) > $first AS hasNextPage`;

export const COUNT_DUPLICATES = `
MATCH (c:DuplicateCandidate) USING INDEX c:DuplicateCandidate(tenant, id)
WHERE c.tenant = $tenant AND c.id IS NOT NULL
  AND ($status IS NULL OR c.status = $status) AND ($firmId IS NULL OR $firmId IN c.firmIds)
RETURN count(c) AS total`;

export const DUPLICATE_BY_ID = `
MATCH (c:DuplicateCandidate {tenant: $tenant, id: $id})
MATCH (a:Firm {tenant: $tenant, id: c.firmIds[0]})
MATCH (b:Firm {tenant: $tenant, id: c.firmIds[1]})
RETURN { ${CANDIDATE_FIELDS} } AS candidate`;

/** The candidate's pending decision, write-locked (the counter) so that two reviewers agreeing at once take turns. */
export const LOCK_DUPLICATE_FOR_REVIEW = `
MATCH (c:DuplicateCandidate {tenant: $tenant, id: $id})
SET c.reviewSeq = coalesce(c.reviewSeq, 0) + 1
RETURN c.firmIds AS firmIds, CASE WHEN c.pendingStatus IS NULL THEN null
    ELSE {status: c.pendingStatus, proposedBy: c.pendingBy, proposedAt: c.pendingAt, note: c.pendingNote} END AS pending`;

/** A decision takes effect: confirmed firms are linked as one entity (SAME_AS), rejected ones unlinked. */
export const APPLY_DUPLICATE_DECISION = `
MATCH (c:DuplicateCandidate {tenant: $tenant, id: $id})
SET c.status = $status, c.decidedBy = $decidedBy, c.decidedAt = $decidedAt, c.note = $note, c.agreedBy = $agreedBy
REMOVE c.pendingStatus, c.pendingBy, c.pendingAt, c.pendingNote
WITH c
MATCH (a:Firm {tenant: $tenant, id: c.firmIds[0]})
MATCH (b:Firm {tenant: $tenant, id: c.firmIds[1]})
CALL (a, b) {
  OPTIONAL MATCH (a)-[old:SAME_AS]-(b)
  DELETE old
}
WITH a, b WHERE $status = 'CONFIRMED'
MERGE (a)-[:SAME_AS]->(b)`;

export const PROPOSE_DUPLICATE_DECISION = `
MATCH (c:DuplicateCandidate {tenant: $tenant, id: $id})
SET c.pendingStatus = $status, c.pendingBy = $proposedBy, c.pendingAt = $proposedAt, c.pendingNote = $note`;

// ---------- duplicate facilities: the same steps over Facility, FacilityKey, FacilityDuplicate ----------

/** Facilities whose stored profile is missing or of another version (new and re-imported ones: SET n = r clears it). */
export const FACILITIES_TO_PROFILE = `
MATCH (f:Facility) USING INDEX f:Facility(tenant, id)
WHERE f.tenant = $tenant AND f.id IS NOT NULL AND coalesce(f.dupeProfileVersion, 0) <> $version
RETURN f.id AS id, f.name AS name, f.firmId AS firmId, f.osId AS osId, f.address AS address,
  f.city AS city, f.province AS province, f.country AS country`;

/** Stores each facility's profile and its blocking keys; keys it no longer has are unlinked, and go when no facility holds them. */
export const STORE_FACILITY_PROFILES = `
UNWIND $rows AS r
MATCH (f:Facility {tenant: $tenant, id: r.id})
CALL (f, r) {
  OPTIONAL MATCH (f)-[old:KEYED_BY]->(k:FacilityKey)
  WHERE NOT k.key IN r.keys
  DELETE old
  WITH DISTINCT k WHERE k IS NOT NULL AND NOT EXISTS { (k)<-[:KEYED_BY]-() }
  DELETE k
}
SET f.dupeProfile = r.profile, f.dupeProfileVersion = $version
WITH f, r
CALL (f, r) {
  UNWIND r.keys AS key
  MERGE (k:FacilityKey {tenant: $tenant, key: key})
  MERGE (f)-[:KEYED_BY]->(k)
}`;

/** The facilities (their stored profiles) of each key with between 2 and $maxBlock facilities. */
export const FACILITY_BLOCKS_OF_KEYS = `
UNWIND $keys AS key
MATCH (k:FacilityKey {tenant: $tenant, key: key})
WITH k, COUNT { (k)<-[:KEYED_BY]-(:Facility) } AS size
WHERE size >= 2 AND size <= $maxBlock
MATCH (k)<-[:KEYED_BY]-(f:Facility)
RETURN k.key AS key, collect(f.dupeProfile) AS profiles`;

/** As DROP_STALE_CANDIDATES, for the re-profiled facilities' candidates. */
export const DROP_STALE_FACILITY_CANDIDATES = `
UNWIND $facilityIds AS fid
MATCH (:Facility {tenant: $tenant, id: fid})<-[:PAIRS]-(c:FacilityDuplicate)
WITH DISTINCT c
WITH c, coalesce(c.run = $run, false) AS proposed
REMOVE c.run
WITH c, proposed WHERE NOT proposed AND c.status = 'PENDING'
DETACH DELETE c`;

/** Stores facility pairs; a decided pair keeps its status (a rejected pair is never proposed again). */
export const STORE_FACILITY_CANDIDATES = `
UNWIND $pairs AS p
MATCH (a:Facility {tenant: $tenant, id: p.a})
MATCH (b:Facility {tenant: $tenant, id: p.b})
OPTIONAL MATCH (stored:FacilityDuplicate {tenant: $tenant, id: p.id})
WITH a, b, p, stored
WHERE stored IS NOT NULL OR NOT EXISTS { (a)-[:SAME_SITE]-(b) }
MERGE (c:FacilityDuplicate {tenant: $tenant, id: p.id})
ON CREATE SET c.status = 'PENDING', c.createdAt = toString(datetime())
SET c.facilityIds = [p.a, p.b], c.basis = p.basis, c.reason = p.reason, c.run = $run
MERGE (c)-[:PAIRS]->(a)
MERGE (c)-[:PAIRS]->(b)
RETURN count(CASE WHEN stored IS NULL THEN 1 END) AS created`;

/** A facility candidate as the API shows it (c the candidate, a and b its facilities in id order). */
const FACILITY_CANDIDATE_FIELDS = `id: c.id, facilityIds: c.facilityIds, facilities: [${projection('a', FACILITY)}, ${projection('b', FACILITY)}],
  basis: c.basis, reason: c.reason, status: c.status, createdAt: c.createdAt,
  decidedBy: c.decidedBy, decidedAt: c.decidedAt, note: c.note, agreedBy: c.agreedBy,
  pendingDecision: CASE WHEN c.pendingStatus IS NULL THEN null
    ELSE {status: c.pendingStatus, proposedBy: c.pendingBy, proposedAt: c.pendingAt, note: c.pendingNote} END`;

export const FACILITY_DUPLICATES_PAGE = `
MATCH (c:FacilityDuplicate {tenant: $tenant})
WHERE c.id > $after AND ($status IS NULL OR c.status = $status) AND ($facilityId IS NULL OR $facilityId IN c.facilityIds)
WITH c ORDER BY c.id LIMIT toInteger($first) + 1
MATCH (a:Facility {tenant: $tenant, id: c.facilityIds[0]})
MATCH (b:Facility {tenant: $tenant, id: c.facilityIds[1]})
WITH c, a, b ORDER BY c.id
WITH collect({ ${FACILITY_CANDIDATE_FIELDS} }) AS page
RETURN page[0..$first] AS items, size(page) > $first AS hasNextPage`;

export const COUNT_FACILITY_DUPLICATES = `
MATCH (c:FacilityDuplicate) USING INDEX c:FacilityDuplicate(tenant, id)
WHERE c.tenant = $tenant AND c.id IS NOT NULL
  AND ($status IS NULL OR c.status = $status) AND ($facilityId IS NULL OR $facilityId IN c.facilityIds)
RETURN count(c) AS total`;

export const FACILITY_DUPLICATE_BY_ID = `
MATCH (c:FacilityDuplicate {tenant: $tenant, id: $id})
MATCH (a:Facility {tenant: $tenant, id: c.facilityIds[0]})
MATCH (b:Facility {tenant: $tenant, id: c.facilityIds[1]})
RETURN { ${FACILITY_CANDIDATE_FIELDS} } AS candidate`;

export const LOCK_FACILITY_DUPLICATE_FOR_REVIEW = LOCK_DUPLICATE_FOR_REVIEW.replace('DuplicateCandidate', 'FacilityDuplicate');

/** A decision takes effect: confirmed facilities are linked as one site (SAME_SITE), rejected ones unlinked. */
export const APPLY_FACILITY_DUPLICATE_DECISION = `
MATCH (c:FacilityDuplicate {tenant: $tenant, id: $id})
SET c.status = $status, c.decidedBy = $decidedBy, c.decidedAt = $decidedAt, c.note = $note, c.agreedBy = $agreedBy
REMOVE c.pendingStatus, c.pendingBy, c.pendingAt, c.pendingNote
WITH c
MATCH (a:Facility {tenant: $tenant, id: c.facilityIds[0]})
MATCH (b:Facility {tenant: $tenant, id: c.facilityIds[1]})
CALL (a, b) {
  OPTIONAL MATCH (a)-[old:SAME_SITE]-(b)
  DELETE old
}
WITH a, b WHERE $status = 'CONFIRMED'
MERGE (a)-[:SAME_SITE]->(b)`;

export const PROPOSE_FACILITY_DUPLICATE_DECISION = PROPOSE_DUPLICATE_DECISION.replace('DuplicateCandidate', 'FacilityDuplicate');

/** Facilities a reviewer confirmed to be one site with this one. */
export const SAME_SITE_AS = `
MATCH (f:Facility {tenant: $tenant, id: $facilityId})-[:SAME_SITE]-(g:Facility)
RETURN DISTINCT ${projection('g', FACILITY)} AS facility ORDER BY facility.id`;
