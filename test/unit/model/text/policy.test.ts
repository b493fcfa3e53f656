// The text policy (src/model/text/policy.ts) against the rules docs/security.md states,
// written out independently in test/fixtures/arbitraries.ts (policyRefuses).
import fc from 'fast-check';
import { excerpt, normalizeText, showInvisible, TEXT_LIMITS, textProblem, type TextKind } from '../../../../src/model/text/policy';
import { nearestName } from '../../../../src/model/text/suggest';
import { hostileString, policyRefuses, RAW_IN_PACKET } from '../../../fixtures/arbitraries';

const KINDS: TextKind[] = ['id', 'code', 'name', 'note'];

describe('text policy', () => {
  it('refuses exactly what the stated rules refuse, for every kind', () => {
    fc.assert(
      fc.property(hostileString(), fc.constantFrom(...KINDS), (s, kind) => {
        expect([s, kind, textProblem(s, kind) !== null]).toEqual([s, kind, policyRefuses(s, kind)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('names the character and where it stands, never quoting the text', () => {
    expect(textProblem('ab\u0000', 'name')).toBe('must not contain control characters other than tab and newline (U+0000 at character 3)');
    expect(textProblem('S-1\u202e', 'id')).toBe('must not contain direction controls (U+202E RIGHT-TO-LEFT OVERRIDE at character 4)');
    expect(textProblem('x\u2067y', 'note')).toBe(
      'must not contain direction overrides, embeddings or isolates (U+2067 RIGHT-TO-LEFT ISOLATE at character 2)',
    );
    expect(textProblem('FAC\u00ad1', 'code')).toBe('must not contain invisible characters (U+00AD SOFT HYPHEN at character 4)');
    expect(textProblem('x'.repeat(201), 'id')).toBe('must be at most 200 characters');
    expect(textProblem('\ud800', 'note')).toMatch(/^must be well-formed Unicode/);
    expect(textProblem('   ', 'id')).toBe('must not be empty');
  });

  it('keeps names as given: invisible and direction-control characters are evidence, not errors', () => {
    for (const name of ['Golden \u202eThread\u202c', 'Xin\u200bjiang', 'line\none\ttab', 'עברית\u200f', '合盛硅业']) {
      expect(textProblem(name, 'name')).toBeNull();
      expect(normalizeText(name, 'name')).toBe(name);
    }
  });

  it('normalises only the line breaks of notes', () => {
    expect(normalizeText('a\r\nb\rc\n', 'note')).toBe('a\nb\nc\n');
    expect(normalizeText('a\r\nb', 'name')).toBe('a\r\nb');
    expect(TEXT_LIMITS).toEqual({ id: 200, code: 200, name: 500, note: 2000 });
  });

  it('shows every invisible and direction-control character escaped, and nothing else changed', () => {
    fc.assert(
      fc.property(hostileString(), (s) => {
        const shown = showInvisible(s);
        expect(RAW_IN_PACKET.test(shown.replace(/\u200d/g, ''))).toBe(false);
        // and the escapes read back give the text as it was
        expect(shown.replace(/⟨U\+([0-9A-F]{4,6})⟩/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))).toBe(s);
      }),
      { numRuns: 1000 },
    );
    expect(showInvisible('Evil\u202etxt.exe')).toBe('Evil⟨U+202E⟩txt.exe');
    expect(showInvisible('a\u0000b\tc\nd')).toBe('a⟨U+0000⟩b\tc\nd');
    expect(showInvisible('क्\u200dष 👨\u200d👩')).toBe('क्\u200dष 👨\u200d👩'); // joiners their script needs stay
    expect(showInvisible('Hoshine\u200dSilicon')).toBe('Hoshine⟨U+200D⟩Silicon');
  });

  it('quotes at most a short excerpt', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), (s) => {
        expect(excerpt(s).length).toBeLessThanOrEqual(40 * 9 + 30);
      }),
    );
    expect(excerpt('S-1')).toBe('"S-1"');
    expect(excerpt('x'.repeat(10_000_000))).toBe(`"${'x'.repeat(39)}…" (10000000 characters)`);
    expect(excerpt('\ud83e\uddf5'.repeat(30))).toMatch(/^"(🧵){19}…" \(60 characters\)$/); // never half a pair
  });
});

describe('nearestName', () => {
  const keys = ['id', 'name', 'province', 'countryOfOrigin', 'hsCode', 'quantity', 'entryDate', 'firms'];
  it.each([
    ['Province', 'province'],
    ['PROVINCE', 'province'],
    ['provnce', 'province'],
    ['porvince', 'province'],
    ['hs_code', 'hsCode'],
    ['HS-Code', 'hsCode'],
    ['Quantitiy', 'quantity'],
    ['entry_date', 'entryDate'],
    ['countryOfOrgin', 'countryOfOrigin'],
    ['Firms', 'firms'],
    ['ID', 'id'],
  ])('%s -> %s', (given, want) => expect(nearestName(given, keys)).toBe(want));
  it.each(['colour', 'x', 'declaredOrigin', ''])('%s -> none', (given) => expect(nearestName(given, keys)).toBeUndefined());
});
