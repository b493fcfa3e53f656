// Property-based tests of bundle validation (no database): whatever arrives, the answer is
// the typed bundle or a BundleValidationError listing places and messages, never another
// exception, and never a hang.
import fc from 'fast-check';
import { BundleValidationError, checkReferences, parseBundleShape, StoredRefs } from '../../../src/import/validate';
import { chainBundle, cottonTiers } from '../../fixtures/scenarios';
import { BUNDLE_KEYS, hostileString, hostileValue, isWellFormed, misspeltKey, policyRefuses } from '../../fixtures/arbitraries';

const none = (): StoredRefs => ({ firm: new Set(), facility: new Set(), material: new Map(), document: new Set(), flow: new Map() });

/** Runs both validation stages; returns 'ok' or the list of errors. Anything else thrown fails the property. */
function validateAll(raw: unknown): 'ok' | { path: string; message: string }[] {
  try {
    const b = parseBundleShape(raw);
    const errs = checkReferences(b, none());
    return errs.length ? errs : 'ok';
  } catch (e) {
    if (!(e instanceof BundleValidationError)) throw e;
    expect(e.errors.length).toBeGreaterThan(0);
    expect(e.message).toMatch(/^bundle rejected, nothing was written/);
    for (const x of e.errors) {
      expect(typeof x.path).toBe('string');
      expect(typeof x.message).toBe('string');
    }
    return e.errors;
  }
}

const base = () => structuredClone(chainBundle('FZ', cottonTiers()));
type Json = Record<string, unknown> | unknown[];

/** Sets a value at a random place in the bundle (an existing key, a new key, or a whole section). */
const mutation = fc.record({
  section: fc.constantFrom(
    'firms',
    'facilities',
    'materials',
    'flows',
    'documents',
    'shipments',
    'ownership',
    'bundleVersion',
    '__proto__',
    'extra',
  ),
  index: fc.nat({ max: 5 }),
  key: fc.constantFrom(
    'id',
    'name',
    'firm',
    'from',
    'to',
    'material',
    'inputs',
    'documents',
    'importer',
    'flow',
    'country',
    'quantity',
    'date',
    'share',
    'owner',
    'owned',
    'aliases',
    'type',
    'constructor',
    'lat',
  ),
  value: hostileValue(),
  whole: fc.boolean(),
});

describe('bundle validation under hostile input', () => {
  it('names a misspelt key at its place, with a field of that place it resembles, and nothing else', () => {
    const sections = ['firms', 'facilities', 'materials', 'flows', 'documents', 'shipments'] as const;
    const place = fc
      .constantFrom(...sections)
      .chain((section) => fc.tuple(fc.constant(section), fc.nat({ max: 3 }), misspeltKey(BUNDLE_KEYS[section]), hostileValue()));
    let suggested = 0;
    fc.assert(
      fc.property(place, ([section, n, key, value]) => {
        const b = base() as unknown as Record<string, Record<string, unknown>[]>;
        const i = n % b[section].length;
        b[section][i][key] = value;
        const result = validateAll(b);
        expect(result).not.toBe('ok');
        const errors = result as { path: string; message: string }[];
        const path = /^[A-Za-z_$][\w$]{0,39}$/.test(key)
          ? `${section}[${i}].${key}`
          : expect.stringMatching(new RegExp(`^${section}\\[${i}\\]\\["`));
        expect(errors).toEqual([{ path, message: expect.stringMatching(/^unknown field \((did you mean "(\w+)"\?|fields here: .*)\)$/) }]);
        const guess = /did you mean "(\w+)"/.exec(errors[0].message)?.[1];
        if (guess) {
          suggested += 1;
          expect(BUNDLE_KEYS[section]).toContain(guess);
        }
      }),
      { numRuns: 500 },
    );
    expect(suggested).toBeGreaterThan(400); // one edit or a change of case is nearly always recognised
  });

  it('never throws anything but BundleValidationError on arbitrary JSON', () => {
    fc.assert(
      fc.property(hostileValue(), (raw) => {
        validateAll(raw);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects or accepts mutated bundles with errors that name their place', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
        const b = base() as unknown as Record<string, Json>;
        for (const m of muts) {
          const section = b[m.section];
          if (m.whole || !Array.isArray(section)) {
            b[m.section] = m.value as Json;
            continue;
          }
          const item = section[m.index % Math.max(section.length, 1)];
          if (item && typeof item === 'object') (item as Record<string, unknown>)[m.key] = m.value;
        }
        const result = validateAll(b);
        if (result !== 'ok') for (const e of result) expect(e.path).toMatch(/^(bundle|[a-zA-Z_]+)(\[\d+\])?/);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts any printable name, Cypher-looking or not, unchanged', () => {
    // printable: whatever the text policy accepts in a name (C0 and C1 controls but tab and newline refused)
    const printable = hostileString().filter((s) => s.trim().length > 0 && !policyRefuses(s, 'name') && isWellFormed(s));
    fc.assert(
      fc.property(printable, printable, (name, alias) => {
        const b = base();
        b.firms[1].name = name;
        b.firms[1].aliases = [alias];
        const parsed = parseBundleShape(b);
        expect(parsed.firms[1].name).toBe(name);
        expect(parsed.firms[1].aliases).toEqual([alias]);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects control characters and overlong ids everywhere ids appear', () => {
    const badId = fc.oneof(
      fc.string({ minLength: 1, maxLength: 10 }).map((s) => `${s}\u0000`),
      fc.constantFrom('a\nb', '\u0007', '\u007f', ''),
      fc.integer({ min: 201, max: 1000 }).map((n) => 'i'.repeat(n)),
    );
    const where = fc.constantFrom<[string, string]>(
      ['firms', 'id'],
      ['facilities', 'firm'],
      ['flows', 'from'],
      ['flows', 'material'],
      ['shipments', 'flow'],
      ['documents', 'id'],
    );
    fc.assert(
      fc.property(badId, where, (id, [section, key]) => {
        const b = base() as unknown as Record<string, Record<string, unknown>[]>;
        b[section][0][key] = id;
        const result = validateAll(b);
        expect(result).not.toBe('ok');
        expect((result as { path: string }[]).some((e) => e.path.startsWith(`${section}[0].${key}`))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects lone surrogate halves, which Neo4j would store as U+FFFD (src/import/validate.ts)', () => {
    const b = base();
    b.firms[1].name = 'Evergreen \ud800 Garments';
    b.firms[2].aliases = ['ok', 'x\udc00'];
    b.firms[3].id = 'FZ-F3\udbff';
    const result = validateAll(b);
    expect(result).not.toBe('ok');
    const places = (result as { path: string }[]).map((e) => e.path);
    expect(places).toEqual(expect.arrayContaining(['firms[1].name', 'firms[2].aliases[1]', 'firms[3].id']));
    const fine = base();
    fine.firms[1].name = 'Thread 🧵 新疆 \ud83e\uddf5'; // proper pairs are fine
    expect(validateAll(fine)).toBe('ok');
  });

  it('accepts lot-lineage and ownership cycles (the trace must cope) but never self-reference', () => {
    const b = base();
    // FL3 (FAC3 -> FAC2) is made from FLX (FAC2 -> FAC3), which is made from FL3: a lot loop
    b.flows.push({ id: 'FZ-FLX', from: 'FZ-FAC2', to: 'FZ-FAC3', material: 'FZ-M3', inputs: ['FZ-FL3'] });
    b.flows[2].inputs = ['FZ-FL4', 'FZ-FLX'];
    b.ownership = [
      { owner: 'FZ-F1', owned: 'FZ-F2', share: 0.6 },
      { owner: 'FZ-F2', owned: 'FZ-F1', share: 0.6 },
    ];
    expect(validateAll(b)).toBe('ok');
    b.flows[0].inputs = ['FZ-FL1'];
    expect(validateAll(b)).toEqual(
      expect.arrayContaining([{ path: 'flows[0].inputs[0]', message: 'flow "FZ-FL1" cannot be made from itself' }]),
    );
  });
});
