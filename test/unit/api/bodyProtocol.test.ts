import fc from 'fast-check';
import { countObjects } from '../../../src/api/bodyProtocol';

/** Objects in a JSON value, counted on the value. */
const objectsIn = (v: unknown): number =>
  Array.isArray(v)
    ? v.reduce((n: number, x) => n + objectsIn(x), 0)
    : v !== null && typeof v === 'object'
      ? 1 + Object.values(v).reduce((n: number, x) => n + objectsIn(x), 0)
      : 0;

describe('countObjects (bytes of a body, before parsing)', () => {
  it('counts exactly the objects of any JSON text, braces inside strings and escapes left out', () => {
    const tricky = fc.constantFrom('{', '}', '"', '\\', '\\"{', '{"a":1}', '\u00e9{', '\ud83d\ude00');
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 3 }),
        fc.array(tie('v')),
        fc.dictionary(fc.oneof(fc.string(), tricky), tie('v')),
        fc.oneof(fc.string(), tricky, fc.stringMatching(/^[{}"\\]{0,8}$/)),
      ),
    })).v;
    fc.assert(
      fc.property(value, fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : undefined) ?? 'null';
        expect(countObjects(new TextEncoder().encode(text))).toBe(objectsIn(JSON.parse(text)));
      }),
      { numRuns: 500 },
    );
  });
});
