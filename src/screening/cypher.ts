// Cypher for the Entity List and stored screening matches, named for what each does.

export const CURRENT_VERSION = `
OPTIONAL MATCH (v:EntityListVersion {current: true}) RETURN v.version AS version`;

export const CURRENT_VERSION_DETAIL = `
MATCH (v:EntityListVersion {current: true})
RETURN v.version AS version, v.snapshotDate AS snapshotDate, v.source AS source, v.entriesJson AS entriesJson`;

export const VERSION_NAMES = `
MATCH (v:EntityListVersion) RETURN v.version AS version`;

export const ALL_VERSIONS = `
MATCH (v:EntityListVersion) RETURN v.version AS version, v.snapshotDate AS snapshotDate, v.loadedAt AS loadedAt,
  v.current AS current, v.entries AS entries ORDER BY v.loadedAt`;

/** Makes a version current: its entries become the ListedEntity nodes; entries gone from it are marked removed. */
export const STORE_LIST_VERSION = `
OPTIONAL MATCH (old:EntityListVersion {current: true})
SET old.current = false
WITH count(*) AS _
MERGE (v:EntityListVersion {version: $version})
SET v.snapshotDate = $snapshotDate, v.source = $source, v.entriesJson = $entriesJson, v.entries = size($entries),
    v.loadedAt = $loadedAt, v.current = true
WITH v
UNWIND $entries AS e
MERGE (n:ListedEntity {key: e.key})
SET n.name = e.name, n.aliases = e.aliases, n.formerNames = e.formerNames, n.localNames = e.localNames,
    n.coversSubsidiaries = e.coversSubsidiaries, n.scope = e.scope, n.sections = e.sections,
    n.effectiveDate = e.effectiveDate, n.country = e.country, n.listVersion = $version, n.removed = false
WITH count(*) AS _
MATCH (gone:ListedEntity) WHERE NOT gone.key IN $keys AND NOT coalesce(gone.removed, false)
SET gone.removed = true, gone.removedIn = $version`;

/**
 * One firm's candidates. MERGE keeps status, decidedBy and decidedAt of matches already
 * reviewed; pending ones that no longer score are deleted.
 */
export const STORE_FIRM_CANDIDATES = `
UNWIND $rows AS r
MATCH (firm:Firm {tenant: $tenant, id: r.firmId})
CALL (firm, r) {
  OPTIONAL MATCH (firm)-[:SCREENED]->(old:ScreeningMatch {status: 'PENDING'})
  WHERE NOT old.id IN [c IN r.candidates | c.id]
  DETACH DELETE old
}
CALL (firm, r) {
  UNWIND r.candidates AS c
  MATCH (e:ListedEntity {key: c.entryKey})
  MERGE (m:ScreeningMatch {tenant: $tenant, id: c.id})
  ON CREATE SET m.status = 'PENDING', m.createdAt = toString(datetime())
  SET m.firmId = firm.id, m.entryKey = c.entryKey, m.matchedName = c.matchedName, m.score = c.score,
      m.decision = c.decision, m.agreedTokens = c.agreedTokens, m.reason = c.reason, m.listVersion = $listVersion
  MERGE (firm)-[:SCREENED]->(m)
  MERGE (m)-[:AGAINST]->(e)
}`;

/** The fingerprint of the screening code the stored matches were made by (rescreen.ts). */
export const SCREENING_FINGERPRINT = `
OPTIONAL MATCH (s:ScreeningState {id: 'screening'}) RETURN s.fingerprint AS fingerprint`;
export const SET_SCREENING_FINGERPRINT = `
MERGE (s:ScreeningState {id: 'screening'}) SET s.fingerprint = $fingerprint, s.at = $at`;

/** Every tenant that has firms: a list update re-screens each of them. */
export const TENANTS_WITH_FIRMS = `
MATCH (f:Firm) RETURN DISTINCT f.tenant AS tenant`;

/** The names of the facilities each firm operates. */
export const FACILITY_NAMES_OF_FIRMS = `
UNWIND $ids AS id
MATCH (fac:Facility {tenant: $tenant, firmId: id})
RETURN id, collect(fac.name) AS names`;

/** Firms by id with the names screening reads. */
export const FIRM_NAMES_BY_ID = `
UNWIND $ids AS id
MATCH (f:Firm {tenant: $tenant, id: id})
RETURN f.id AS id, f.name AS name, coalesce(f.aliases, []) AS aliases, f.localName AS localName, f.country AS country`;

export const TENANT_FIRMS = `
MATCH (f:Firm) USING INDEX f:Firm(tenant, id)
WHERE f.tenant = $tenant AND f.id IS NOT NULL
RETURN f.id AS id, f.name AS name, f.aliases AS aliases, f.localName AS localName, f.country AS country`;

/**
 * A stored match as the API shows it (m the match, e its entry, f its firm): the review
 * status, a decision waiting for a second reviewer, and the importer's dispute notes.
 */
const MATCH_FIELDS = `id: m.id, firmId: f.id, firmName: f.name, entityName: e.name, matchedName: m.matchedName, score: m.score,
  decision: m.decision, status: m.status, decidedBy: m.decidedBy, decidedAt: m.decidedAt, note: m.note,
  listVersion: m.listVersion, agreedBy: m.agreedBy,
  pendingDecision: CASE WHEN m.pendingStatus IS NULL THEN null
    ELSE {status: m.pendingStatus, proposedBy: m.pendingBy, proposedAt: m.pendingAt, note: m.pendingNote} END,
  disputes: [i IN range(0, size(coalesce(m.disputeNotes, [])) - 1) | {by: m.disputeBy[i], at: m.disputeAt[i], note: m.disputeNotes[i]}]`;

export const MATCHES_PAGE = `
MATCH (m:ScreeningMatch {tenant: $tenant})-[:AGAINST]->(e:ListedEntity)
WHERE ($status IS NULL OR m.status = $status) AND ($firmId IS NULL OR m.firmId = $firmId) AND m.id > $after
MATCH (f:Firm {tenant: $tenant, id: m.firmId})
WITH m, e, f ORDER BY m.id
WITH collect({ ${MATCH_FIELDS} }) AS page
RETURN page[0..$first] AS items, size(page) > $first AS hasNextPage`;

export const COUNT_MATCHES = `
MATCH (m:ScreeningMatch) USING INDEX m:ScreeningMatch(tenant, id)
WHERE m.tenant = $tenant AND m.id IS NOT NULL
  AND ($status IS NULL OR m.status = $status) AND ($firmId IS NULL OR m.firmId = $firmId)
RETURN count(m) AS total`;

// ---- review: decisions (four-eyes where set) and dispute notes (src/screening/decisions.ts) ----

/** The match's review state, write-locked (the counter) so that two reviewers agreeing at once take turns. */
export const LOCK_MATCH_FOR_REVIEW = `
MATCH (m:ScreeningMatch {tenant: $tenant, id: $id})-[:AGAINST]->(:ListedEntity)
MATCH (:Firm {tenant: $tenant, id: m.firmId})
SET m.reviewSeq = coalesce(m.reviewSeq, 0) + 1
RETURN m.decision AS decision, m.firmId AS firmId, size(coalesce(m.disputeNotes, [])) AS disputes,
  CASE WHEN m.pendingStatus IS NULL THEN null
    ELSE {status: m.pendingStatus, proposedBy: m.pendingBy, proposedAt: m.pendingAt, note: m.pendingNote} END AS pending`;

export const APPLY_DECISION = `
MATCH (m:ScreeningMatch {tenant: $tenant, id: $id})
SET m.status = $status, m.decidedBy = $decidedBy, m.decidedAt = $decidedAt, m.note = $note, m.agreedBy = $agreedBy
REMOVE m.pendingStatus, m.pendingBy, m.pendingAt, m.pendingNote`;

export const PROPOSE_DECISION = `
MATCH (m:ScreeningMatch {tenant: $tenant, id: $id})
SET m.pendingStatus = $status, m.pendingBy = $proposedBy, m.pendingAt = $proposedAt, m.pendingNote = $note`;

export const ADD_DISPUTE = `
MATCH (m:ScreeningMatch {tenant: $tenant, id: $id})
SET m.disputeNotes = coalesce(m.disputeNotes, []) + $note, m.disputeBy = coalesce(m.disputeBy, []) + $by,
    m.disputeAt = coalesce(m.disputeAt, []) + $at`;

export const MATCH_BY_ID = `
MATCH (m:ScreeningMatch {tenant: $tenant, id: $id})-[:AGAINST]->(e:ListedEntity)
MATCH (f:Firm {tenant: $tenant, id: m.firmId})
RETURN { ${MATCH_FIELDS} } AS match`;

/** A renamed entry keeps its node; matches pointing at it take the new key. */
export const RENAME_LISTED_ENTITIES = `
UNWIND $renames AS r
MATCH (e:ListedEntity {key: r.from})
WHERE NOT EXISTS { MATCH (:ListedEntity {key: r.to}) }
SET e.key = r.to
WITH e, r
OPTIONAL MATCH (m:ScreeningMatch)-[:AGAINST]->(e)
SET m.entryKey = r.to, m.id = m.firmId + '|' + r.to`;

export const ALL_MATCH_KEYS = `
MATCH (m:ScreeningMatch) RETURN m.tenant AS tenant, m.firmId AS firmId, m.entryKey AS entryKey`;

export const ALL_MATCHES_WITH_NAMES = `
MATCH (f:Firm)-[:SCREENED]->(m:ScreeningMatch)-[:AGAINST]->(e:ListedEntity)
WHERE NOT coalesce(e.removed, false) AND m.status <> 'REJECTED'
RETURN m.tenant AS tenant, f.id AS firmId, f.name AS firmName, m.entryKey AS entryKey, e.name AS entityName,
       m.decision AS decision, m.score AS score
ORDER BY tenant, firmId, score DESC`;
