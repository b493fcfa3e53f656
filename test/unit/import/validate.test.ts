import {
  BundleValidationError,
  checkBundle,
  checkReferences,
  collectorOf,
  MAX_COUNTED_ERRORS,
  parseBundleShape,
  StoredRefs,
} from '../../../src/import/validate';

const none = (): StoredRefs => ({ firm: new Set(), facility: new Set(), material: new Map(), document: new Set(), flow: new Map() });

function minimal() {
  return {
    bundleVersion: 1,
    firms: [
      { id: 'F-1', name: 'Acme', country: 'us' },
      { id: 'F-2', name: 'Mill' },
    ],
    facilities: [
      { id: 'FAC-1', name: 'Mill plant', firm: 'F-2' },
      { id: 'FAC-2', name: 'Acme DC', firm: 'F-1' },
    ],
    materials: [{ id: 'M-1', name: 'Yarn', hsCode: '5205.12' }],
    flows: [{ id: 'FL-1', from: 'FAC-1', to: 'FAC-2', material: 'M-1', quantity: 10, unit: 'kg', date: '2024-01-02' }],
    documents: [{ id: 'D-1', type: 'COMMERCIAL_INVOICE', issuer: 'F-2' }],
    shipments: [{ id: 'S-1', importer: 'F-1', flow: 'FL-1', entryDate: '2024-02-01' }],
  };
}

function shapeErrors(raw: unknown) {
  try {
    parseBundleShape(raw);
    return [];
  } catch (e) {
    return (e as BundleValidationError).errors.map((x) => `${x.path}: ${x.message}`);
  }
}

describe('bundle shape', () => {
  it('accepts a minimal bundle and upper-cases country codes', () => {
    const b = parseBundleShape(minimal());
    expect(b.firms[0].country).toBe('US');
    expect(b.ownership).toEqual([]);
  });
  it('refuses a two-letter country code that is no country ("XJ" for Xinjiang would hide the place), naming where', () => {
    const b = minimal();
    (b.firms[0] as Record<string, unknown>).country = 'XJ';
    (b.firms[1] as Record<string, unknown>).country = 'zz';
    expect(shapeErrors(b)).toEqual([
      'firms[0].country: is not an ISO 3166-1 country code (e.g. "CN" for China, with province "Xinjiang")',
      'firms[1].country: is not an ISO 3166-1 country code (e.g. "CN" for China, with province "Xinjiang")',
    ]);
  });
  it('rejects a wrong bundleVersion and a non-object', () => {
    expect(shapeErrors({ ...minimal(), bundleVersion: 2 })).toEqual(['bundleVersion: must be 1 (this server reads bundle version 1)']);
    expect(shapeErrors([1, 2])[0]).toMatch(/^bundle: must be a JSON object/);
  });
  it('names each bad field with its place', () => {
    const b = minimal();
    (b.flows[0] as Record<string, unknown>).quantity = -5;
    (b.flows[0] as Record<string, unknown>).date = '2024-02-30';
    (b.documents[0] as Record<string, unknown>).type = 'INVOICE';
    const errs = shapeErrors(b);
    expect(errs).toContain('flows[0].quantity: must not be negative');
    expect(errs).toContain('flows[0].date: must be a real calendar date YYYY-MM-DD');
    expect(errs.some((e) => e.startsWith('documents[0].type: must be one of PURCHASE_ORDER'))).toBe(true);
  });
  it('rejects megabyte strings and control characters', () => {
    const b = minimal();
    b.firms[0].name = 'x'.repeat(2_000_000);
    b.firms[1].name = 'bad\u0000name';
    const errs = shapeErrors(b);
    expect(errs).toContain('firms[0].name: must be at most 500 characters');
    expect(errs).toContain('firms[1].name: must not contain control characters other than tab and newline (U+0000 at character 4)');
  });
});

describe('bundle references', () => {
  it('passes a consistent bundle', () => {
    expect(checkReferences(parseBundleShape(minimal()), none())).toEqual([]);
  });
  it('reports unknown references, duplicates and lineage that does not connect', () => {
    const b = minimal();
    b.flows.push({ id: 'FL-1', from: 'FAC-9', to: 'FAC-2', material: 'M-1', inputs: ['FL-0'] } as never);
    b.flows.push({ id: 'FL-3', from: 'FAC-1', to: 'FAC-2', material: 'M-1', inputs: ['FL-1'] } as never);
    const errs = checkReferences(parseBundleShape(b), none()).map((e) => `${e.path}: ${e.message}`);
    expect(errs).toEqual(
      expect.arrayContaining([
        'flows[1].id: duplicate flow id "FL-1" (first at flows[0])',
        'flows[1].from: no facility "FAC-9"',
        'flows[1].inputs[0]: no flow "FL-0"',
        'flows[2].inputs[0]: flow "FL-1" delivers to facility "FAC-2", not to this flow\'s source "FAC-1"',
      ]),
    );
  });
  it('accepts references to records already stored', () => {
    const b = minimal();
    b.flows[0].from = 'FAC-stored';
    const stored = none();
    stored.facility.add('FAC-stored');
    expect(checkReferences(parseBundleShape(b), stored)).toEqual([]);
  });
  it('rejects self-ownership and duplicate holdings', () => {
    const b = {
      ...minimal(),
      ownership: [
        { owner: 'F-1', owned: 'F-1', share: 1 },
        { owner: 'F-1', owned: 'F-2', share: 0.6 },
        { owner: 'F-1', owned: 'F-2', share: 0.7 },
      ],
    };
    const errs = checkReferences(parseBundleShape(b), none()).map((e) => `${e.path}: ${e.message}`);
    expect(errs).toEqual([
      'ownership[0]: firm "F-1" cannot own itself',
      'ownership[2]: duplicate holding of "F-1" in "F-2" (first at ownership[1])',
    ]);
  });
});

describe('strict keys', () => {
  const errorsOf = (raw: unknown) => {
    const c = checkBundle(raw);
    return c.errors.map((e) => `${e.path}: ${e.message}`);
  };
  it('names each unknown key at its place with the field it resembles', () => {
    const b = minimal() as Record<string, unknown> & ReturnType<typeof minimal>;
    (b.facilities[0] as Record<string, unknown>).Province = 'Xinjiang';
    (b.shipments[0] as Record<string, unknown>).detention = { detained_on: '2024-06-01' };
    (b.flows[0] as Record<string, unknown>)['quantity '] = 3;
    (b as Record<string, unknown>).Flows = [];
    (b as Record<string, unknown>)['a very odd key that goes on and on and on and on'] = 1;
    expect(errorsOf(b)).toEqual([
      'Flows: unknown field (did you mean "flows"?)',
      '["a very odd key that goes on and on and …" (48 characters)]: unknown field (fields here: bundleVersion, firms, facilities, ownership, materials, flows, documents, shipments)',
      'facilities[0].Province: unknown field (did you mean "province"?)',
      'flows[0]["quantity "]: unknown field (did you mean "quantity"?)',
      'shipments[0].detention.detained_on: unknown field (did you mean "detainedOn"?)',
    ]);
  });
  it('accepts every field the format names, the origin fields and osId included', () => {
    const b = minimal();
    Object.assign(b.facilities[0], { osId: 'CN2019303BQ3FZP', lat: 42.86, lon: 90.21, kind: 'GIN' });
    Object.assign(b.shipments[0], { countryOfOrigin: 'vn', preferenceProgram: 'CAFTA-DR', detention: { detainedOn: '2024-06-14' } });
    const parsed = parseBundleShape(b);
    expect(parsed.shipments[0]).toMatchObject({ countryOfOrigin: 'VN', preferenceProgram: 'CAFTA-DR' });
  });
});

describe('one pass', () => {
  it('keeps the references of records whose other fields are wrong, and leaves out those that are no ids', () => {
    const b = minimal();
    (b.facilities[0] as Record<string, unknown>).lat = 'north';
    (b.flows[0] as Record<string, unknown>).quantity = -1;
    b.flows[0].to = 'FAC-9';
    (b.shipments[0] as Record<string, unknown>).flow = 42;
    const c = checkBundle(b);
    expect(c.bundle).toBeUndefined();
    const errors = collectorOf(c);
    checkReferences(c.refs, none(), errors);
    expect(errors.listed.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'facilities[0].lat: must be a number',
      'flows[0].quantity: must not be negative',
      'shipments[0].flow: must be a string id',
      'flows[0].to: no facility "FAC-9"',
    ]);
    expect(errors.toError().message).toMatch(/^bundle rejected, nothing was written \(4 errors\): facilities\[0\]\.lat/);
  });
  it('stops counting at the stated number and says so', () => {
    const b = { bundleVersion: 1, firms: Array.from({ length: MAX_COUNTED_ERRORS }, () => ({})) };
    const c = checkBundle(b);
    expect(c.countStopped).toBe(true);
    expect(c.errors).toHaveLength(1000);
    expect(c.errorCount).toBe(MAX_COUNTED_ERRORS);
    expect(() => parseBundleShape(b)).toThrow(
      /^bundle rejected, nothing was written \(more than 100000 errors\).*; \.\.\. and more than 99950 more$/,
    );
  });
});
