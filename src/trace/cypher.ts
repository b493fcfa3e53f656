// Every Cypher statement tracing and the investigator queries run, named for what they ask.
// Variable-length bounds cannot be parameters in Cypher, so each depth has its own
// statement text built here from an integer the caller has already clamped.

import { MATERIAL, projection, SAME_AS_DEPTH, SHIPMENT } from '../model/records';
import { TRACE_SHIPMENT_FIELDS, TRACED_FACILITY, TRACED_FIRM, UPSTREAM_FLOW } from './records';

export const TIER_CEILING = 30;

// The records as the engine reads them (records.ts), built once at load.
const TRACED_SHIPMENT = projection('s', SHIPMENT, TRACE_SHIPMENT_FIELDS);

/**
 * A statement builder per depth: clamps the depth to 0..TIER_CEILING (the only value ever
 * spliced into text) and builds each depth's text once.
 */
function perDepth(build: (d: number) => string): (depth: number) => string {
  const cache = new Map<number, string>();
  return (depth) => {
    const d = Math.max(0, Math.min(TIER_CEILING, Math.trunc(depth)));
    let q = cache.get(d);
    if (q === undefined) cache.set(d, (q = build(d)));
    return q;
  };
}

/** Shipments by id, as the engine reads them. */
/**
 * The union of the traced upstreams of many shipments (the dashboard view), given their
 * first flows: each flow once, with its input edges. The engine walks each shipment's
 * own upstream over the union in memory.
 */
export const upstreamFlowsBatchQuery = perDepth(
  (d) => `
UNWIND $flowIds AS fid
MATCH (f0:Flow {tenant: $tenant, id: fid})
MATCH (f0)-[:INPUT*0..${d}]->(u:Flow)
WITH DISTINCT u
RETURN ${UPSTREAM_FLOW.cypher} AS flow`,
);

/** The raw traversal alone, for the benchmark's floor: the same walk with no rules. */
export const rawUpstreamQuery = perDepth(
  (d) => `
MATCH (s:Shipment {tenant: $tenant, id: $shipmentId})-[:CARRIED_BY]->(f0:Flow)
MATCH (f0)-[:INPUT*0..${d}]->(u:Flow)
WITH DISTINCT u
MATCH (u)-[:FROM]->(fac:Facility)-[:OPERATED_BY]->(firm:Firm)
RETURN count(*) AS hops, collect(DISTINCT firm.id) AS firms`,
);

/**
 * How far the ownership walks go, in holdings: the owners a trace reads above a firm (for
 * LISTED_AFFILIATE) and the firms exposure reads below one, so both see the same chains.
 */
const OWNERSHIP_DEPTH = 12;

/**
 * From the firms in `base`: every firm above them through holdings (DISTINCT lets Neo4j
 * prune the walk instead of enumerating paths), then each firm's holdings and screening
 * matches (with those of the firms confirmed to be the same entity, SAME_AS), one row per
 * firm as `f`, `holdings`, `matches`. Shared by the single trace and the batch view.
 */
const FIRMS_WITH_OWNERS_AND_MATCHES = `
CALL (base) {
  UNWIND base AS b
  MATCH (b)<-[:OWNS*1..${OWNERSHIP_DEPTH}]-(owner:Firm)
  WITH DISTINCT owner
  RETURN collect(owner) AS owners
}
UNWIND base + owners AS f
WITH DISTINCT f
CALL (f) {
  OPTIONAL MATCH (f)<-[o:OWNS]-(up:Firm)
  RETURN [h IN collect({owner: up.id, owned: f.id, share: o.share}) WHERE h.owner IS NOT NULL] AS holdings
}
CALL (f) {
  OPTIONAL MATCH (f)-[:SAME_AS*0..${SAME_AS_DEPTH}]-(:Firm)-[:SCREENED]->(m:ScreeningMatch)-[:AGAINST]->(e:ListedEntity)
  WHERE NOT coalesce(e.removed, false)
  WITH DISTINCT m, e
  // firms confirmed to be one entity share their matches. Per entry a confirmed match stands for
  // the rest; a rejection speaks only for the record it was made on, so another record's
  // automatic MATCH or pending POSSIBLE still counts until a reviewer decides it too.
  WITH e, collect(m) AS ms
  UNWIND CASE WHEN any(x IN ms WHERE x.status = 'CONFIRMED') THEN [x IN ms WHERE x.status = 'CONFIRMED'] ELSE ms END AS m
  RETURN [x IN collect({
    matchId: m.id, entryKey: e.key, entityName: e.name, matchedName: m.matchedName, score: m.score,
    decision: m.decision, status: m.status, effectiveDate: e.effectiveDate, sections: e.sections,
    coversSubsidiaries: e.coversSubsidiaries }) WHERE x.matchId IS NOT NULL] AS matches
}`;

// The parties' context in three plain queries, one row per record (see partyContext.ts).
export const FACILITIES_FOR_TRACE = `
UNWIND $ids AS fid
MATCH (fac:Facility {tenant: $tenant, id: fid})
RETURN ${TRACED_FACILITY.cypher} AS row`;
export const MATERIALS_FOR_TRACE = `
UNWIND $ids AS mid
MATCH (m:Material {tenant: $tenant, id: mid})
RETURN ${projection('m', MATERIAL)} AS row`;
export const FIRMS_FOR_TRACE = `
UNWIND $ids AS fid
MATCH (firm:Firm {tenant: $tenant, id: fid})
WITH collect(firm) AS base
${FIRMS_WITH_OWNERS_AND_MATCHES}
RETURN ${TRACED_FIRM.cypher} AS row`;

/**
 * One shipment's upstream flows with their input edges, and the tenant's data version
 * (the key under which the parties' context is cached), in one round trip.
 */
export const traceQuery = perDepth(
  (d) => `
MATCH (s:Shipment {tenant: $tenant, id: $shipmentId})-[:CARRIED_BY]->(f0:Flow)
MATCH (f0)-[:INPUT*0..${d}]->(u:Flow)
WITH DISTINCT s, u
WITH s, collect(${UPSTREAM_FLOW.cypher}) AS flows
OPTIONAL MATCH (v:TenantState {tenant: $tenant})
RETURN ${TRACED_SHIPMENT} AS shipment, flows, coalesce(v.version, 'none') AS version`,
);

/** Facility ids of a firm (or the facility itself), for path finding and neighbourhoods. */
export const RESOLVE_NODE = `
OPTIONAL MATCH (fac:Facility {tenant: $tenant, id: $id})
OPTIONAL MATCH (firm:Firm {tenant: $tenant, id: $id})
OPTIONAL MATCH (firm)<-[:OPERATED_BY]-(ff:Facility)
RETURN fac.id AS facilityId, firm.id AS firmId, collect(ff.id) AS firmFacilities`;

/** One breadth-first step over material flows out of (DOWNSTREAM) or into (UPSTREAM) facilities. */
export const FLOWS_OUT_OF = `
UNWIND $ids AS id
MATCH (f:Flow {tenant: $tenant, fromId: id})
WITH id, f.toId AS next, collect(f.id) AS flows
RETURN id, next, flows[0..$perHop] AS flows, size(flows) AS count`;
export const FLOWS_INTO = `
UNWIND $ids AS id
MATCH (f:Flow {tenant: $tenant, toId: id})
WITH id, f.fromId AS next, collect(f.id) AS flows
RETURN id, next, flows[0..$perHop] AS flows, size(flows) AS count`;

export const FACILITIES_BY_ID = `
UNWIND $ids AS id
MATCH (fac:Facility {tenant: $tenant, id: id})-[:OPERATED_BY]->(firm:Firm)
RETURN fac.id AS id, fac.name AS name, firm.id AS firmId, firm.name AS firmName`;

/** What a network edge says of its flow: the material and the date. */
export const FLOW_FACTS = `
UNWIND $ids AS id
MATCH (f:Flow {tenant: $tenant, id: id})
RETURN f.id AS id, f.materialId AS materialId, f.date AS date`;

/** One flow shipped from each firm's facilities (the first by id), for firms a network shows without their flows. */
export const A_FLOW_OF_FIRMS = `
UNWIND $ids AS id
MATCH (:Firm {tenant: $tenant, id: id})<-[:OPERATED_BY]-(:Facility)<-[:FROM]-(fl:Flow)
WITH id, fl ORDER BY fl.id
RETURN id, collect(fl.id)[0] AS flowId`;

/** A firm's name, for the start of a network. */
export const FIRM_NAME = `
MATCH (f:Firm {tenant: $tenant, id: $id}) RETURN f.name AS name`;

/** Ownership edges around a set of firms, both directions, up to the depth. */
export const OWNERSHIP_AROUND = `
UNWIND $ids AS id
MATCH (f:Firm {tenant: $tenant, id: id})-[o:OWNS]-(other:Firm)
RETURN DISTINCT startNode(o).id AS owner, endNode(o).id AS owned, o.share AS share, other.id AS other, other.name AS otherName`;

export const FIRM_EXISTS = `
MATCH (f:Firm {tenant: $tenant, id: $firmId}) RETURN count(f) AS n`;

/** Every firm above this one through holdings (any share), with the holdings among them. */
export const OWNERSHIP_ABOVE = `
MATCH (f:Firm {tenant: $tenant, id: $firmId})
OPTIONAL MATCH (f)<-[:OWNS*1..20]-(up:Firm)
WITH f, collect(DISTINCT up) AS ups
UNWIND [f] + ups AS x
MATCH (x)<-[o:OWNS]-(owner:Firm)
RETURN owner.id AS owner, x.id AS owned, o.share AS share`;

/**
 * Every firm below this one through holdings (any share, as deep as a trace reads owners) and
 * records confirmed to be the same entity (SAME_AS, at any level: "L owns B, B' is B, B' owns S"),
 * with the holdings out of each and the names of both ends (a row with owned null for a firm that
 * holds nothing, so the firm asked about is named even then), and each same-entity link as a
 * row of its own (\`sameEntity\` true; exposure.ts reads the records as one firm). Each holding
 * once: control adds up repeated holdings, and a cycle brings the firm back among \`subs\`.
 */
export const OWNERSHIP_BELOW = `
MATCH (f:Firm {tenant: $tenant, id: $firmId})
OPTIONAL MATCH (f)((a:Firm)-[r:OWNS|SAME_AS]-(b:Firm) WHERE type(r) = 'SAME_AS' OR startNode(r) = a){1,${OWNERSHIP_DEPTH + SAME_AS_DEPTH}}(sub:Firm)
WITH f, collect(DISTINCT sub) AS subs
UNWIND [f] + subs AS x
WITH DISTINCT x
CALL (x) {
  OPTIONAL MATCH (x)-[o:OWNS]->(owned:Firm)
  RETURN owned, o.share AS share, false AS sameEntity
  UNION
  MATCH (x)-[:SAME_AS]-(owned:Firm)
  RETURN owned, null AS share, true AS sameEntity
}
RETURN x.id AS owner, x.name AS ownerName, owned.id AS owned, owned.name AS ownedName, share, sameEntity`;

/** The firms confirmed to be the same legal entity as this one (SAME_AS, over any number of such links up to the depth). */
export const SAME_ENTITY_FIRMS = `
MATCH (f:Firm {tenant: $tenant, id: $firmId})-[:SAME_AS*1..${SAME_AS_DEPTH}]-(same:Firm)
WHERE same <> f
RETURN DISTINCT same.id AS id, same.name AS name ORDER BY id`;

/**
 * Shipments downstream of any flow out of the facilities of the firms in $firmIds, by id,
 * each with the firms of those it passes through.
 */
export const exposureQuery = perDepth(
  (d) => `
UNWIND $firmIds AS fid
MATCH (firm:Firm {tenant: $tenant, id: fid})<-[:OPERATED_BY]-(:Facility)<-[:FROM]-(hit:Flow)
MATCH (down:Flow)-[:INPUT*0..${d}]->(hit)
WITH DISTINCT firm.id AS firmId, down
MATCH (s:Shipment {tenant: $tenant})-[:CARRIED_BY]->(down)
RETURN s.id AS shipmentId, collect(DISTINCT firmId) AS firmIds ORDER BY shipmentId`,
);

export const SHIPMENT_IDS = `
MATCH (s:Shipment) USING INDEX s:Shipment(tenant, id)
WHERE s.tenant = $tenant AND s.id IS NOT NULL
RETURN ${TRACED_SHIPMENT} AS shipment, s.detainedOn AS detainedOn ORDER BY s.id`;

/** The tenant's materials with their codes: origin concentration picks those of one heading (rules/origin.ts headingOf). */
export const TENANT_MATERIAL_CODES = `
MATCH (m:Material) WHERE m.tenant = $tenant AND m.id IS NOT NULL // seeks the (tenant, id) constraint's index
RETURN m.id AS id, m.hsCode AS hsCode, coalesce(m.raw, false) AS raw`;

/**
 * The flows of the materials in $materialIds, each with its quantity and unit, the country
 * of its source facility (or of the facility's firm), and its inputs' HS codes (an input of
 * a material with no code gives '', so a flow with no inputs has an empty list).
 */
export const FLOWS_OF_MATERIALS = `
UNWIND $materialIds AS mid
MATCH (m:Material {tenant: $tenant, id: mid})<-[:OF]-(u:Flow)
OPTIONAL MATCH (u)-[:FROM]->(fac:Facility)
OPTIONAL MATCH (fac)-[:OPERATED_BY]->(firm:Firm)
OPTIONAL MATCH (u)-[:INPUT]->(v:Flow)-[:OF]->(vm:Material)
WITH u, m, fac, firm, collect(CASE WHEN v IS NULL THEN null ELSE coalesce(vm.hsCode, '') END) AS inputCodes
RETURN u.id AS flowId, u.quantity AS quantity, u.unit AS unit, coalesce(m.raw, false) AS raw, m.hsCode AS hsCode,
       coalesce(fac.country, firm.country) AS country, inputCodes
ORDER BY flowId`;
