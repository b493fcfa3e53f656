// Look-ups by id and the name search, each scoped to the caller's tenant.
export const FIRM_BY_ID = `
MATCH (f:Firm {tenant: $tenant, id: $id})
RETURN f { .id, .name, .aliases, .localName, .country, .registrationId, .address, .city, .province } AS firm`;

export const FACILITY_BY_ID = `
MATCH (f:Facility {tenant: $tenant, id: $id})
RETURN f { .id, .name, .firmId, .kind, .address, .city, .province, .country, .lat, .lon } AS facility`;

export const FACILITIES_OF_FIRM = `
MATCH (f:Facility {tenant: $tenant, firmId: $id})
RETURN f { .id, .name, .firmId, .kind, .address, .city, .province, .country, .lat, .lon } AS facility ORDER BY f.id`;

export const SHIPMENT_BY_ID = `
MATCH (s:Shipment {tenant: $tenant, id: $id})
RETURN s { .id, .entryNumber, .importerId, .flowId, .htsCode, .value, .currency, .entryDate, .portOfEntry,
           .detainedOn, .noticeDate } AS shipment`;

export const SEARCH_FIRMS = `
MATCH (f:Firm {tenant: $tenant})
WHERE f.searchText CONTAINS $text
RETURN f { .id, .name, .aliases, .localName, .country, .registrationId, .address, .city, .province } AS firm
ORDER BY size(f.name), f.id LIMIT toInteger($limit)`;
