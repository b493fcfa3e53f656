import { FACILITY, FIRM, FLOW, projection, SHIPMENT } from '../../../src/model/records';

describe('record projections', () => {
  it('name every stored field of a record, in the order stated', () => {
    expect(projection('f', FIRM)).toBe('f { .id, .name, .aliases, .localName, .country, .registrationId, .address, .city, .province }');
    expect(projection('fac', FACILITY)).toBe('fac { .id, .name, .firmId, .kind, .address, .city, .province, .country, .lat, .lon, .osId }');
    expect(projection('s', SHIPMENT)).toBe(
      's { .id, .entryNumber, .importerId, .flowId, .htsCode, .value, .currency, .entryDate, .portOfEntry, .detainedOn, .noticeDate, .countryOfOrigin, .preferenceProgram }',
    );
  });
  it('take a subset and computed entries after the fields', () => {
    expect(projection('u', FLOW, ['id', 'fromId'], { inputs: '[i IN inputs WHERE i.id IS NOT NULL]' })).toBe(
      'u { .id, .fromId, inputs: [i IN inputs WHERE i.id IS NOT NULL] }',
    );
  });
  it('refuse anything but plain Cypher names', () => {
    expect(() => projection('f) DETACH DELETE f //', FIRM)).toThrow('not a Cypher name');
    expect(() => projection('f', FIRM, [], { 'x: 1} //': 'f.id' })).toThrow('not a Cypher name');
  });
});
