// Cypher for duplicate firms and facilities, named for what each asks: the profiles and
// blocking keys of the tenant's firms (facilities), the candidate pairs in a block, the stored
// candidates and their review. A FirmKey (FacilityKey) node is one blocking key of a tenant;
// firms (facilities) sharing one are compared, no others. The two kinds take the same steps:
// each step is written once, over a PairKind, and exported once per kind.
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
  [(f)-[:SCREENED]->(m:ScreeningMatch) WHERE m.decision = 'MATCH' AND m.status <> 'REJECTED' | m.entryKey] AS listedEntries
LIMIT toInteger($first)`;

/** Facilities whose stored profile is missing or of another version (new and re-imported ones: SET n = r clears it). */
export const FACILITIES_TO_PROFILE = `
MATCH (f:Facility) USING INDEX f:Facility(tenant, id)
WHERE f.tenant = $tenant AND f.id IS NOT NULL AND coalesce(f.dupeProfileVersion, 0) <> $version
RETURN f.id AS id, f.name AS name, f.firmId AS firmId, f.osId AS osId, f.address AS address,
  f.city AS city, f.province AS province, f.country AS country
LIMIT toInteger($first)`;

/**
 * What tells the two kinds of pair apart in their Cypher: labels, the candidate's id list, the
 * link a confirmed pair makes. Fixed values of this module, never input: the values a
 * statement works on still reach it only as parameters.
 */
interface PairKind {
  /** the label of what is paired */
  node: 'Firm' | 'Facility';
  /** the label of its blocking keys */
  key: 'FirmKey' | 'FacilityKey';
  /** the label of a candidate pair */
  candidate: 'DuplicateCandidate' | 'FacilityDuplicate';
  /** the candidate's property holding the two ids, in id order */
  ids: 'firmIds' | 'facilityIds';
  /** the parameter that filters candidates by one of their two */
  member: 'firmId' | 'facilityId';
  /** the property the API shows the two records under, and their projection */
  records: 'firms' | 'facilities';
  projection: typeof FIRM | typeof FACILITY;
  /** the link a confirmed pair makes, and the path by which two already count as one */
  link: 'SAME_AS' | 'SAME_SITE';
  linked: string;
}

const FIRM_PAIRS: PairKind = {
  node: 'Firm',
  key: 'FirmKey',
  candidate: 'DuplicateCandidate',
  ids: 'firmIds',
  member: 'firmId',
  records: 'firms',
  projection: FIRM,
  link: 'SAME_AS',
  // one entity is a chain of confirmed pairs
  linked: `[:SAME_AS*1..${SAME_AS_DEPTH}]`,
};

const FACILITY_PAIRS: PairKind = {
  node: 'Facility',
  key: 'FacilityKey',
  candidate: 'FacilityDuplicate',
  ids: 'facilityIds',
  member: 'facilityId',
  records: 'facilities',
  projection: FACILITY,
  link: 'SAME_SITE',
  linked: '[:SAME_SITE]',
};

/** Stores each profile and its blocking keys; keys it no longer has are unlinked, and go when nothing holds them. */
const storeProfiles = (k: PairKind) => `
UNWIND $rows AS r
MATCH (f:${k.node} {tenant: $tenant, id: r.id})
CALL (f, r) {
  OPTIONAL MATCH (f)-[old:KEYED_BY]->(k:${k.key})
  WHERE NOT k.key IN r.keys
  DELETE old
  WITH DISTINCT k WHERE k IS NOT NULL AND NOT EXISTS { (k)<-[:KEYED_BY]-() }
  DELETE k
}
SET f.dupeProfile = r.profile, f.dupeProfileVersion = $version
WITH f, r
CALL (f, r) {
  UNWIND r.keys AS key
  MERGE (k:${k.key} {tenant: $tenant, key: key})
  MERGE (f)-[:KEYED_BY]->(k)
}`;

/** The stored profiles of each key with between 2 and $maxBlock holders. */
const blocksOfKeys = (k: PairKind) => `
UNWIND $keys AS key
MATCH (k:${k.key} {tenant: $tenant, key: key})
WITH k, COUNT { (k)<-[:KEYED_BY]-(:${k.node}) } AS size
WHERE size >= 2 AND size <= $maxBlock
MATCH (k)<-[:KEYED_BY]-(f:${k.node})
RETURN k.key AS key, collect(f.dupeProfile) AS profiles`;

/**
 * The candidates of the re-profiled records ($ids), after storeCandidates stamped those this
 * run ($run) proposed: the stamp is taken off (a re-import leaves the graph as it was), and
 * the pending ones without it, which the rules no longer propose, go. Run once for all the
 * records: a pair reached through its second record would otherwise have lost its stamp already.
 */
const dropStaleCandidates = (k: PairKind) => `
UNWIND $ids AS fid
MATCH (:${k.node} {tenant: $tenant, id: fid})<-[:PAIRS]-(c:${k.candidate})
WITH DISTINCT c
WITH c, coalesce(c.run = $run, false) AS proposed
REMOVE c.run
WITH c, proposed WHERE NOT proposed AND c.status = 'PENDING'
DETACH DELETE c`;

/**
 * Stores candidate pairs. A pair decided already keeps its status (a rejected pair is never
 * proposed again); two already linked as one are not proposed.
 */
const storeCandidates = (k: PairKind) => `
UNWIND $pairs AS p
MATCH (a:${k.node} {tenant: $tenant, id: p.a})
MATCH (b:${k.node} {tenant: $tenant, id: p.b})
OPTIONAL MATCH (stored:${k.candidate} {tenant: $tenant, id: p.id})
WITH a, b, p, stored
WHERE stored IS NOT NULL OR NOT EXISTS { (a)-${k.linked}-(b) }
MERGE (c:${k.candidate} {tenant: $tenant, id: p.id})
ON CREATE SET c.status = 'PENDING', c.createdAt = toString(datetime())
SET c.${k.ids} = [p.a, p.b], c.basis = p.basis, c.reason = p.reason, c.run = $run
MERGE (c)-[:PAIRS]->(a)
MERGE (c)-[:PAIRS]->(b)
RETURN count(CASE WHEN stored IS NULL THEN 1 END) AS created`;

/** A candidate as the API shows it (c the candidate, a and b its two in id order). */
const candidateFields = (
  k: PairKind,
) => `id: c.id, ${k.ids}: c.${k.ids}, ${k.records}: [${projection('a', k.projection)}, ${projection('b', k.projection)}],
  basis: c.basis, reason: c.reason, status: c.status, createdAt: c.createdAt,
  decidedBy: c.decidedBy, decidedAt: c.decidedAt, note: c.note, agreedBy: c.agreedBy,
  pendingDecision: CASE WHEN c.pendingStatus IS NULL THEN null
    ELSE {status: c.pendingStatus, proposedBy: c.pendingBy, proposedAt: c.pendingAt, note: c.pendingNote} END`;

/** The two records of candidate c, in id order. */
const pairOf = (k: PairKind) => `
MATCH (a:${k.node} {tenant: $tenant, id: c.${k.ids}[0]})
MATCH (b:${k.node} {tenant: $tenant, id: c.${k.ids}[1]})`;

const candidatesPage = (k: PairKind) => `
MATCH (c:${k.candidate} {tenant: $tenant})
WHERE c.id > $after AND ($status IS NULL OR c.status = $status) AND ($${k.member} IS NULL OR $${k.member} IN c.${k.ids})
WITH c ORDER BY c.id LIMIT toInteger($first) + 1${pairOf(k)}
WITH c, a, b ORDER BY c.id
WITH collect({ ${candidateFields(k)} }) AS page
RETURN page[0..$first] AS items, size(page) > $first AS hasNextPage`;

const countCandidates = (k: PairKind) => `
MATCH (c:${k.candidate}) USING INDEX c:${k.candidate}(tenant, id)
WHERE c.tenant = $tenant AND c.id IS NOT NULL
  AND ($status IS NULL OR c.status = $status) AND ($${k.member} IS NULL OR $${k.member} IN c.${k.ids})
RETURN count(c) AS total`;

const candidateById = (k: PairKind) => `
MATCH (c:${k.candidate} {tenant: $tenant, id: $id})${pairOf(k)}
RETURN { ${candidateFields(k)} } AS candidate`;

/** The candidate's pending decision, write-locked (the counter) so that two reviewers agreeing at once take turns. */
const lockForReview = (k: PairKind) => `
MATCH (c:${k.candidate} {tenant: $tenant, id: $id})
SET c.reviewSeq = coalesce(c.reviewSeq, 0) + 1
RETURN c.${k.ids} AS ids, CASE WHEN c.pendingStatus IS NULL THEN null
    ELSE {status: c.pendingStatus, proposedBy: c.pendingBy, proposedAt: c.pendingAt, note: c.pendingNote} END AS pending`;

/** A decision takes effect: a confirmed pair is linked as one, a rejected one unlinked. */
const applyDecision = (k: PairKind) => `
MATCH (c:${k.candidate} {tenant: $tenant, id: $id})
SET c.status = $status, c.decidedBy = $decidedBy, c.decidedAt = $decidedAt, c.note = $note, c.agreedBy = $agreedBy
REMOVE c.pendingStatus, c.pendingBy, c.pendingAt, c.pendingNote
WITH c${pairOf(k)}
CALL (a, b) {
  OPTIONAL MATCH (a)-[old:${k.link}]-(b)
  DELETE old
}
WITH a, b WHERE $status = 'CONFIRMED'
MERGE (a)-[:${k.link}]->(b)`;

const proposeDecision = (k: PairKind) => `
MATCH (c:${k.candidate} {tenant: $tenant, id: $id})
SET c.pendingStatus = $status, c.pendingBy = $proposedBy, c.pendingAt = $proposedAt, c.pendingNote = $note`;

// ---------- duplicate firms: FirmKey, DuplicateCandidate, confirmed pairs linked by SAME_AS ----------

export const STORE_FIRM_PROFILES = storeProfiles(FIRM_PAIRS);
export const BLOCKS_OF_KEYS = blocksOfKeys(FIRM_PAIRS);
export const DROP_STALE_CANDIDATES = dropStaleCandidates(FIRM_PAIRS);
export const STORE_CANDIDATES = storeCandidates(FIRM_PAIRS);
export const DUPLICATES_PAGE = candidatesPage(FIRM_PAIRS);
export const COUNT_DUPLICATES = countCandidates(FIRM_PAIRS);
export const DUPLICATE_BY_ID = candidateById(FIRM_PAIRS);
export const LOCK_DUPLICATE_FOR_REVIEW = lockForReview(FIRM_PAIRS);
export const APPLY_DUPLICATE_DECISION = applyDecision(FIRM_PAIRS);
export const PROPOSE_DUPLICATE_DECISION = proposeDecision(FIRM_PAIRS);

// ---------- duplicate facilities: FacilityKey, FacilityDuplicate, confirmed pairs linked by SAME_SITE ----------

export const STORE_FACILITY_PROFILES = storeProfiles(FACILITY_PAIRS);
export const FACILITY_BLOCKS_OF_KEYS = blocksOfKeys(FACILITY_PAIRS);
export const DROP_STALE_FACILITY_CANDIDATES = dropStaleCandidates(FACILITY_PAIRS);
export const STORE_FACILITY_CANDIDATES = storeCandidates(FACILITY_PAIRS);
export const FACILITY_DUPLICATES_PAGE = candidatesPage(FACILITY_PAIRS);
export const COUNT_FACILITY_DUPLICATES = countCandidates(FACILITY_PAIRS);
export const FACILITY_DUPLICATE_BY_ID = candidateById(FACILITY_PAIRS);
export const LOCK_FACILITY_DUPLICATE_FOR_REVIEW = lockForReview(FACILITY_PAIRS);
export const APPLY_FACILITY_DUPLICATE_DECISION = applyDecision(FACILITY_PAIRS);
export const PROPOSE_FACILITY_DUPLICATE_DECISION = proposeDecision(FACILITY_PAIRS);

/**
 * The ties of the given firms (FirmLinks of facilityPairing.ts): another firm confirmed as one
 * entity with it (a chain of SAME_AS), or proposed as one by a pending candidate.
 */
export const FIRM_LINKS_OF = `
UNWIND $firmIds AS fid
MATCH (f:Firm {tenant: $tenant, id: fid})
CALL (f) {
  MATCH (f)-${FIRM_PAIRS.linked}-(g:Firm)
  RETURN g.id AS other, 'ONE_ENTITY' AS link
  UNION
  MATCH (f)<-[:PAIRS]-(c:DuplicateCandidate {status: 'PENDING'})-[:PAIRS]->(g:Firm)
  WHERE g <> f
  RETURN g.id AS other, 'CANDIDATE' AS link
}
RETURN f.id AS firm, other, link`;

/** Facilities a reviewer confirmed to be one site with this one. */
export const SAME_SITE_AS = `
MATCH (f:Facility {tenant: $tenant, id: $facilityId})-[:SAME_SITE]-(g:Facility)
RETURN DISTINCT ${projection('g', FACILITY)} AS facility ORDER BY facility.id`;
