// Look-ups by id and the name search, each scoped to the caller's tenant.
import { FACILITY, FIRM, projection, SAME_AS_DEPTH, SHIPMENT, fieldsOf } from '../model/records';
import { NAME_SEARCH_INDEX } from '../graph/schema';

/**
 * What a look-up answers of a firm: the fields asked for and, when asked for, its facilities'
 * fields (a GraphQL selection's names; src/api/selection.ts). Names the records do not list are
 * ignored, so the Cypher is built from the records' constants only.
 */
export interface FirmShape {
  fields: readonly string[];
  facilities?: readonly string[];
}
/** Every stored field of a firm, without its facilities. */
export const WHOLE_FIRM: FirmShape = { fields: fieldsOf(FIRM) };

/** The record's fields among the names, and its id always (the firm's other fields, screening and sameAs, are looked up by it). */
const known = <F extends string>(fields: readonly F[], names: readonly string[]): F[] =>
  fields.filter((f) => f === 'id' || names.includes(f));

/** The firm bound to `f` as the shape asks, its facilities in id order read in the same query. */
function firmProjection(shape: FirmShape): string {
  const facilities = shape.facilities && {
    facilities: `COLLECT { MATCH (fa:Facility {tenant: $tenant, firmId: f.id}) RETURN ${projection('fa', FACILITY, known(fieldsOf(FACILITY), shape.facilities))} ORDER BY fa.id }`,
  };
  return projection('f', FIRM, known(fieldsOf(FIRM), shape.fields), facilities);
}

/** A firm by id, in one query with its facilities when the shape asks for them. */
export const firmById = (shape: FirmShape) => `
MATCH (f:Firm {tenant: $tenant, id: $id})
RETURN ${firmProjection(shape)} AS firm`;

export const FACILITY_BY_ID = `
MATCH (f:Facility {tenant: $tenant, id: $id})
RETURN ${projection('f', FACILITY)} AS facility`;

export const FACILITIES_OF_FIRM = `
MATCH (f:Facility {tenant: $tenant, firmId: $id})
RETURN ${projection('f', FACILITY)} AS facility ORDER BY f.id`;

export const SHIPMENT_BY_ID = `
MATCH (s:Shipment {tenant: $tenant, id: $id})
RETURN ${projection('s', SHIPMENT)} AS shipment`;

/**
 * Firms whose names, or whose facilities' names, contain the text or its screening form
 * ($text, $norm): candidates from the full-text index ($query, searchForms.ts), kept only when
 * they are the tenant's and really contain it; shortest name first. The index answers its
 * $candidates best first: a node with fewer grams (shorter names) ranks higher, so a text in
 * tens of thousands of names ("inc.") still answers the shortest of them, in bounded time.
 * Firms confirmed to be one legal entity (SAME_AS) answer once, as the first of them found: of
 * the $ranked shortest, a firm linked to one kept before it is left out, until $limit are kept.
 * Only the firms kept are projected (projecting all $ranked cost about a millisecond at 180k firms).
 */
export const searchFirmsQuery = (shape: FirmShape) => `
CALL db.index.fulltext.queryNodes('${NAME_SEARCH_INDEX}', $query, {limit: toInteger($candidates)}) YIELD node
WHERE node.tenant = $tenant
  AND (node.searchText CONTAINS $text
    OR ($norm <> '' AND node.searchNorm CONTAINS $norm)
    // a firm whose search text was cut (records.ts): the rest of its names read directly
    OR (node.searchTextCut AND (toLower(node.localName) CONTAINS $text OR any(a IN node.aliases WHERE toLower(a) CONTAINS $text))))
// a facility answers for the firm operating it (a link walked, not an index seek per candidate)
OPTIONAL MATCH (node:Facility)-[:OPERATED_BY]->(operator:Firm)
WITH DISTINCT CASE WHEN node:Facility THEN operator ELSE node END AS f
WHERE f IS NOT NULL
WITH f ORDER BY size(f.name), f.id LIMIT toInteger($ranked)
WITH collect({firm: f, same: [(f)-[:SAME_AS*1..${SAME_AS_DEPTH}]-(g:Firm) WHERE g <> f | g.id]}) AS ranked
WITH reduce(kept = {ids: [], firms: []}, r IN ranked |
  CASE WHEN r.firm.id IN kept.ids OR size(kept.firms) >= $limit THEN kept
  ELSE {ids: kept.ids + r.firm.id + r.same, firms: kept.firms + [r.firm]} END).firms AS firms
UNWIND range(0, size(firms) - 1) AS i
WITH i, firms[i] AS f ORDER BY i
RETURN ${firmProjection(shape)} AS firm`;

// ---- the search forms of nodes written before the index (migrations.ts, step "name-search-forms") ----

/** A batch of firms or facilities without search forms (every tenant's: a migration). Labels are constants. */
export const nodesWithoutSearchForms = (label: 'Firm' | 'Facility') => `
MATCH (n:${label}) WHERE n.searchGrams IS NULL
RETURN elementId(n) AS key, n.name AS name, coalesce(n.aliases, []) AS aliases, n.localName AS localName
LIMIT toInteger($first)`;

export const SET_SEARCH_FORMS = `
UNWIND $rows AS r
MATCH (n) WHERE elementId(n) = r.key
SET n += r.props`;

/** The range index the search used before (a scan of the tenant's firms). */
export const DROP_OLD_SEARCH_INDEX = 'DROP INDEX firm_search IF EXISTS';

/** The firms confirmed to be the same legal entity as this one (SAME_AS), by id. */
export const SAME_ENTITY_AS = `
MATCH (f:Firm {tenant: $tenant, id: $id})-[:SAME_AS*1..${SAME_AS_DEPTH}]-(g:Firm)
WHERE g <> f
WITH DISTINCT g ORDER BY g.id
RETURN ${projection('g', FIRM)} AS firm`;
