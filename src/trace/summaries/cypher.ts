// Cypher of the stored shipment summaries (the risk view's verdicts kept current): which
// shipments a change reaches, the summaries' writes, their validity and their pages.
import { SAME_AS_DEPTH, SHIPMENT, projection } from '../../model/records';
import { TRACE_SHIPMENT_FIELDS } from '../records';

/** How far the ownership walk reaches below a changed firm: as far as a trace reads owners above one (trace/cypher.ts). */
const OWNERSHIP_DEPTH = 12;

/**
 * The firms whose traced context a change to $firmIds may move: each firm, and every firm below
 * it through holdings and records confirmed to be the same entity, at any level (they share
 * matches, and a trace reads its owners' listings and shares through either).
 */
export const AFFECTED_FIRMS = `
UNWIND $firmIds AS fid
MATCH (f:Firm {tenant: $tenant, id: fid})((a:Firm)-[r:OWNS|SAME_AS]-(b:Firm) WHERE type(r) = 'SAME_AS' OR startNode(r) = a){0,${OWNERSHIP_DEPTH + SAME_AS_DEPTH}}(x:Firm)
RETURN DISTINCT x.id AS id`;

/** Each facility and the facilities confirmed to be the same site (a trace reads their locations as its own). */
export const SAME_SITE_FACILITIES = `
UNWIND $facilityIds AS fid
MATCH (f:Facility {tenant: $tenant, id: fid})-[:SAME_SITE*0..${SAME_AS_DEPTH}]-(g:Facility)
RETURN DISTINCT g.id AS id`;

/** Each firm and the firms confirmed to be the same entity (they share screening matches). */
export const SAME_ENTITY_FIRMS = `
UNWIND $firmIds AS fid
MATCH (f:Firm {tenant: $tenant, id: fid})-[:SAME_AS*0..${SAME_AS_DEPTH}]-(g:Firm)
RETURN DISTINCT g.id AS id`;

/**
 * The flows a change touches directly: the flows out of or into the facilities (of the firms),
 * of the materials, and the flows themselves; by element id, for the walk downstream.
 */
export const HIT_FLOWS = `
CALL () {
  UNWIND $firmIds AS id
  MATCH (:Firm {tenant: $tenant, id: id})<-[:OPERATED_BY]-(:Facility)<-[:FROM|TO]-(hit:Flow)
  RETURN hit
  UNION
  UNWIND $facilityIds AS id
  MATCH (:Facility {tenant: $tenant, id: id})<-[:FROM|TO]-(hit:Flow)
  RETURN hit
  UNION
  UNWIND $materialIds AS id
  MATCH (:Material {tenant: $tenant, id: id})<-[:OF]-(hit:Flow)
  RETURN hit
  UNION
  UNWIND $flowIds AS id
  MATCH (hit:Flow {tenant: $tenant, id: id})
  RETURN hit
}
RETURN DISTINCT elementId(hit) AS key`;

/**
 * One step of the walk downstream (refresh.ts): the shipments these flows carry and, unless it is
 * the last step, the flows that take any of them as an input. The walk goes one level at a time
 * with the flows already reached left out, so its cost follows the flows reached, not the paths
 * to them (a variable-length match enumerates every path, which grows with the graph's fan-in).
 */
export const WALK_STEP = `
UNWIND $keys AS key
MATCH (f:Flow) WHERE elementId(f) = key
CALL (f) {
  OPTIONAL MATCH (s:Shipment)-[:CARRIED_BY]->(f)
  RETURN collect(s.id) AS carried
}
CALL (f) {
  OPTIONAL MATCH (down:Flow)-[:INPUT]->(f) WHERE $further
  RETURN collect(elementId(down)) AS fed
}
WITH carried, fed WHERE size(carried) > 0 OR size(fed) > 0
RETURN carried AS shipmentIds, fed AS fedKeys`;

/** Each stored flow among the ids with the flows that take it as an input (by element id). */
export const FEEDERS_OF = `
UNWIND $ids AS id
MATCH (x:Flow {tenant: $tenant, id: id})
RETURN id, [(z:Flow)-[:INPUT]->(x) | elementId(z)] AS feeders`;

/** The shipments imported by the firms, or named. */
export const SHIPMENTS_OF_IMPORTERS_OR_NAMED = `
UNWIND $firmIds AS fid
MATCH (:Firm {tenant: $tenant, id: fid})<-[:IMPORTED_BY]-(s:Shipment)
RETURN s.id AS id
UNION
UNWIND $shipmentIds AS sid
MATCH (s:Shipment {tenant: $tenant, id: sid})
RETURN s.id AS id`;

const TRACED_SHIPMENT = projection('s', SHIPMENT, TRACE_SHIPMENT_FIELDS);

/** The named shipments as the engine reads them, with what the view shows beside the verdict. */
export const SHIPMENTS_TO_SUMMARIZE = `
UNWIND $ids AS sid
MATCH (s:Shipment {tenant: $tenant, id: sid})
RETURN ${TRACED_SHIPMENT} AS shipment, s.detainedOn AS detainedOn`;

/** Every shipment of the tenant, for a full rebuild. */
export const ALL_SHIPMENTS_TO_SUMMARIZE = `
MATCH (s:Shipment) USING INDEX s:Shipment(tenant, id)
WHERE s.tenant = $tenant AND s.id IS NOT NULL
RETURN ${TRACED_SHIPMENT} AS shipment, s.detainedOn AS detainedOn`;

/** Writes summaries (one row per shipment) with their flag rows, replacing what was stored. */
export const WRITE_SUMMARIES = `
UNWIND $rows AS row
MERGE (r:ShipmentSummary {tenant: $tenant, shipmentId: row.shipmentId})
SET r = row, r.tenant = $tenant
WITH r, row
CALL (r) {
  MATCH (r)-[:HAS_FLAG]->(old:SummaryFlag)
  DETACH DELETE old
}
WITH r, row
UNWIND range(0, size(row.flagKinds) - 1) AS i
CREATE (r)-[:HAS_FLAG]->(:SummaryFlag {tenant: $tenant, kind: row.flagKinds[i], count: row.flagCounts[i]})`;

/** The stored summaries of the named shipments (a list that shows some of them, e.g. exposure). */
export const SUMMARIES_OF = `
UNWIND $ids AS sid
MATCH (r:ShipmentSummary {tenant: $tenant, shipmentId: sid})
RETURN r AS summary`;

/** Drops the summaries of the named shipments that no longer exist. */
export const DROP_SUMMARIES_OF_GONE = `
UNWIND $ids AS sid
MATCH (r:ShipmentSummary {tenant: $tenant, shipmentId: sid})
WHERE NOT EXISTS { MATCH (:Shipment {tenant: $tenant, id: sid}) }
OPTIONAL MATCH (r)-[:HAS_FLAG]->(k:SummaryFlag)
DETACH DELETE r, k`;

/** The tenant's stored summary ids, for a full rebuild to drop those of shipments gone. */
export const SUMMARY_IDS = `
MATCH (r:ShipmentSummary) WHERE r.tenant = $tenant AND r.shipmentId IS NOT NULL
RETURN r.shipmentId AS id`;

/** What says whether the stored summaries are all current: the tenant's versions and the counts. */
export const SUMMARY_STATE = `
OPTIONAL MATCH (v:TenantState {tenant: $tenant})
CALL () {
  MATCH (s:Shipment) WHERE s.tenant = $tenant AND s.id IS NOT NULL
  RETURN count(s) AS shipments
}
CALL () {
  MATCH (r:ShipmentSummary) WHERE r.tenant = $tenant AND r.shipmentId IS NOT NULL
  RETURN count(r) AS summaries
}
CALL () {
  MATCH (r:ShipmentSummary) WHERE r.tenant = $tenant AND r.dayBound IS NOT NULL AND r.dayBound <> $today
  RETURN count(r) AS outdated
}
RETURN v.version AS version, v.summariesAt AS summariesAt, v.summariesList AS summariesList, v.summariesRules AS summariesRules,
       shipments, summaries, outdated`;

/** The tenant's summaries judged on a day other than today (shipments with no entry date are judged as of today). */
export const OUTDATED_SUMMARY_IDS = `
MATCH (r:ShipmentSummary) WHERE r.tenant = $tenant AND r.dayBound IS NOT NULL AND r.dayBound <> $today
RETURN r.shipmentId AS id`;

/** Marks every stored summary of the tenant current as of its data version, this list version and these verdict rules. */
export const MARK_SUMMARIES_CURRENT = `
MERGE (v:TenantState {tenant: $tenant})
SET v.summariesAt = v.version, v.summariesList = $listVersion, v.summariesRules = $rules`;

/** Tenants holding shipments, for the migration's rebuild. */
export const TENANTS_WITH_SHIPMENTS = `
MATCH (v:TenantState) WHERE v.tenant IS NOT NULL
RETURN v.tenant AS tenant ORDER BY tenant`;

/**
 * The first index a page's query seeks on: the most selective filter given. The rest are
 * plain predicates on the rows found.
 */
export type SummaryDriver = 'kind' | 'importer' | 'verdict' | 'entry' | 'all';
export type SummaryOrder = 'ID' | 'VERDICT' | 'ENTRY_DATE';

const DRIVERS: Record<SummaryDriver, string> = {
  kind: `MATCH (k:SummaryFlag) WHERE k.tenant = $tenant AND k.kind = $flagKind
MATCH (r:ShipmentSummary)-[:HAS_FLAG]->(k)`,
  importer: `MATCH (r:ShipmentSummary) WHERE r.tenant = $tenant AND r.importerId = $importerId`,
  verdict: `MATCH (r:ShipmentSummary) WHERE r.tenant = $tenant AND r.verdict = $verdict`,
  entry: `MATCH (r:ShipmentSummary) WHERE r.tenant = $tenant AND r.entryDate >= $entryLow AND r.entryDate <= $entryHigh`,
  all: `MATCH (r:ShipmentSummary) WHERE r.tenant = $tenant AND r.shipmentId IS NOT NULL`,
};
/** Shipments with no entry date sort after those with one, by id among themselves. */
const ORDERS: Record<SummaryOrder, string> = {
  ID: 'r.shipmentId',
  VERDICT: 'r.verdictRank DESC, r.shipmentId',
  ENTRY_DATE: 'r.entryDate IS NULL, r.entryDate, r.shipmentId',
};
const FILTERS = `
WITH r WHERE ($verdict IS NULL OR r.verdict = $verdict)
  AND ($flagKind IS NULL OR $flagKind IN r.flagKinds)
  AND ($importerId IS NULL OR r.importerId = $importerId)
  AND ($enteredFrom IS NULL OR r.entryDate >= $enteredFrom)
  AND ($enteredTo IS NULL OR r.entryDate <= $enteredTo)`;

/**
 * What a row of the risk view shows of a summary. Only these are sent: a whole node (its
 * versions and times too) costs the driver about twice as much to decode on a page of 10,000.
 */
export const SHOWN_SUMMARY_FIELDS = [
  'shipmentId',
  'entryNumber',
  'importerId',
  'verdict',
  'tiers',
  'flagKinds',
  'flagCounts',
  'entryDate',
  'detainedOn',
  'flaggedFirmIds',
] as const;

/** A page of summaries under the filters, in the order asked, with the total under the same filters. */
export const summaryPageQuery = (driver: SummaryDriver, order: SummaryOrder): string => `
${DRIVERS[driver] ?? DRIVERS.all}
${FILTERS}
WITH r ORDER BY ${ORDERS[order] ?? ORDERS.ID}
WITH collect(r) AS rows
RETURN size(rows) AS total, [x IN rows[$offset..$offset + $first] | x {${SHOWN_SUMMARY_FIELDS.map((f) => `.${f}`).join(', ')}}] AS items`;

/** The Entity List version current in the store. */
export const CURRENT_LIST_VERSION = `
OPTIONAL MATCH (v:EntityListVersion {current: true}) RETURN v.version AS version`;
