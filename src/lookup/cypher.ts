// Look-ups by id and the name search, each scoped to the caller's tenant.
import { FACILITY, FIRM, projection, SHIPMENT } from '../model/records';
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

export const SEARCH_FIRMS = `
MATCH (f:Firm {tenant: $tenant})
WHERE f.searchText CONTAINS $text
   OR (f.searchTextCut AND (toLower(f.localName) CONTAINS $text OR any(a IN f.aliases WHERE toLower(a) CONTAINS $text)))
RETURN ${projection('f', FIRM)} AS firm
ORDER BY size(f.name), f.id LIMIT toInteger($limit)`;
