// Look-ups by id and the name search, each scoped to the caller's tenant.
import { FACILITY, FIRM, projection, SAME_AS_DEPTH, SHIPMENT } from '../model/records';
export const FIRM_BY_ID = `
MATCH (f:Firm {tenant: $tenant, id: $id})
RETURN ${projection('f', FIRM)} AS firm`;

export const FACILITY_BY_ID = `
MATCH (f:Facility {tenant: $tenant, id: $id})
RETURN ${projection('f', FACILITY)} AS facility`;

export const FACILITIES_OF_FIRM = `
MATCH (f:Facility {tenant: $tenant, firmId: $id})
RETURN ${projection('f', FACILITY)} AS facility ORDER BY f.id`;

export const SHIPMENT_BY_ID = `
MATCH (s:Shipment {tenant: $tenant, id: $id})
RETURN ${projection('s', SHIPMENT)} AS shipment`;

/** Firms whose search text contains the text, each with the ids of the firms confirmed to be the same entity. */
export const SEARCH_FIRMS = `
CALL {
  MATCH (f:Firm {tenant: $tenant}) WHERE f.searchText CONTAINS $text RETURN f
  UNION
  // firms whose names were cut to fit the index: the rest of their names read directly
  MATCH (f:Firm {tenant: $tenant}) WHERE f.searchText IS NOT NULL AND f.searchTextCut
    AND (toLower(f.localName) CONTAINS $text OR any(a IN f.aliases WHERE toLower(a) CONTAINS $text))
  RETURN f
}
WITH f ORDER BY size(f.name), f.id LIMIT toInteger($limit)
RETURN ${projection('f', FIRM)} AS firm, [(f)-[:SAME_AS*1..${SAME_AS_DEPTH}]-(g:Firm) WHERE g <> f | g.id] AS sameIds`;

/** The firms confirmed to be the same legal entity as this one (SAME_AS), by id. */
export const SAME_ENTITY_AS = `
MATCH (f:Firm {tenant: $tenant, id: $id})-[:SAME_AS*1..${SAME_AS_DEPTH}]-(g:Firm)
WHERE g <> f
WITH DISTINCT g ORDER BY g.id
RETURN ${projection('g', FIRM)} AS firm`;
