import { BundleValidationError, checkReferences, parseBundleShape, StoredRefs } from '../../../src/import/validate';

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
    expect(errs).toContain('firms[1].name: must not contain control characters');
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
