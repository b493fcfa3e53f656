// Place and business words of listed names written with a slip of the hand ("Biayin Nonferrous",
// "Inner Mongloia Qileyuan", "Cuhangye" for Chuangye) still reach their entry, at most POSSIBLE;
// a pinyin trade name one letter from a place ("Fuyuan", Fuyun) is not read as that place.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { normalizeName } from '../../../src/screening/normalize';
import { generateBundleChunks } from '../../../src/generate/generator';
import { isPinyinWord } from '../../../src/model/text/pinyin';
import { editDistance } from '../../../src/model/text/editDistance';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const latinNames = list.entries.flatMap((e) =>
  [e.name, ...e.aliases, ...e.formerNames].filter((n) => !/\p{Script=Han}/u.test(n)).map((name) => ({ name, key: e.key })),
);

/** Each written word of five letters or more that the normalizer reads as a place or a business word, not a name word. */
function nonNameWords(name: string): string[] {
  const tokens = normalizeName(name).tokens;
  return name
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]{5,}$/.test(w))
    .filter((w) => tokens.some((t) => t.kind !== 'name' && t.raw === w.toLowerCase()));
}
const swaps = (w: string) => Array.from({ length: w.length - 2 }, (_, k) => w.slice(0, k + 1) + w[k + 2] + w[k + 1] + w.slice(k + 3));
const drops = (w: string) => Array.from({ length: w.length - 1 }, (_, k) => w.slice(0, k + 1) + w.slice(k + 2));
const doubles = (w: string) => Array.from({ length: w.length - 1 }, (_, k) => w.slice(0, k + 2) + w.slice(k + 1));

/** Every listed name with one such word replaced by each of `edits`' spellings of it. */
function misspelt(edits: (w: string) => string[], keep: (written: string, listed: string) => boolean = () => true) {
  return latinNames.flatMap(({ name, key }) =>
    nonNameWords(name).flatMap((w) =>
      edits(w)
        .filter((v) => v.toLowerCase() !== w.toLowerCase() && keep(v.toLowerCase(), w.toLowerCase()))
        .map((v) => ({ query: name.replace(w, v), key })),
    ),
  );
}

const reached = (query: string, key: string) => matcher.screen(query).find((c) => c.entryKey === key);

describe('screening misspelt place and business words', () => {
  it('reaches the entry with two neighbouring letters of a place or business word swapped, in every listed name', () => {
    const cases = misspelt(swaps);
    expect(cases.length).toBeGreaterThan(1000);
    const missed = cases.filter(({ query, key }) => !reached(query, key)).map((c) => c.query);
    expect(missed).toEqual([]);
  });

  it('reaches the entry with a letter of a place or business word written twice, pinyin or not ("Baaiyin", "Chiina")', () => {
    const cases = misspelt(doubles);
    expect(cases.length).toBeGreaterThan(1000);
    const missed = cases.filter(({ query, key }) => !reached(query, key)).map((c) => c.query);
    expect(missed).toEqual([]);
  });

  // what is left must be five letters or more: shorter words are too near too many others to read ("Chna")
  it('reaches the entry with a letter dropped from such a word where what is left is not pinyin', () => {
    const cases = misspelt(drops, (written) => written.length >= 5 && !isPinyinWord(written));
    expect(cases.length).toBeGreaterThan(300);
    const missed = cases.filter(({ query, key }) => !reached(query, key)).map((c) => c.query);
    expect(missed).toEqual([]);
  });

  it('shows such a reading at most POSSIBLE, the reason naming the misspelling and the word read', () => {
    for (const query of [
      'Biayin Nonferrous Group Co., Ltd.',
      'Inner Mongloia Qileyuan Food Co., Ltd.',
      'Kasghar Construction Engineering (Group) Co., Ltd.',
    ]) {
      const [c] = matcher.screen(query);
      expect(c).toMatchObject({ decision: 'POSSIBLE' });
      expect(c.reason).toMatch(/read as misspelt: .* → .*\(at most POSSIBLE\)/);
    }
    expect(matcher.screen('Inner Mongloia Qileyuan Food Co., Ltd.')[0].reason).toMatch(/inner mongloia → innermongolia/);
  });

  it('keeps the MATCH of a name written right', () => {
    for (const { name, key } of latinNames.slice(0, 60))
      expect(matcher.screen(name)[0]).toMatchObject({ entryKey: key, decision: 'MATCH' });
  });

  it('gives a word the normalizer put right as a business word back to a listed trade name as near ("Centry" for Century)', () => {
    const [c] = matcher.screen('Centry Sunshine Group Holdings, Ltd.');
    expect(c).toMatchObject({ entityName: 'Century Sunshine Group Holdings, Ltd.', decision: 'POSSIBLE' });
    expect(c.agreedTokens).toContain('centry~century');
  });

  it('does not read a pinyin trade name one letter from a place as that place', () => {
    // Fuyun, Minfeng and Cailiao are place and business words of the list or the XUAR; these firms are others
    for (const query of ['Wuhai Fuyuan Mining Co., Ltd.', 'Yulin Xinfeng Mining Co., Ltd.', 'Mailiao Bluewater Carbide Corp.'])
      for (const c of matcher.screen(query)) expect(c.reason).not.toMatch(/misspelt/);
  });

  it('reads no word of generated firm names as misspelt', () => {
    const names = [
      ...generateBundleChunks(
        { flows: 20_000, seed: 5, tiers: 9, shipments: 20, xuarShare: 0.05, listedShare: 0.02, tenantPrefix: 'g' },
        20_000,
      ),
    ].flatMap((c) => c.firms.map((f) => f.name));
    expect(names.length).toBeGreaterThan(2000);
    const read = names.filter((n) => matcher.screen(n).some((c) => /misspelt/.test(c.reason)));
    expect(read).toEqual([]);
  });

  it('keeps the written form of a word whose misread letters were put right, so it can still be a listed name misspelt', () => {
    const [, yining] = normalizeName('Jiangsu Yinlng Warehousing').tokens;
    expect(yining).toMatchObject({ text: 'yining', kind: 'place', ocr: ['yinlng'] });
    expect(editDistance('yinlng', 'yinlong', 1)).toBe(1);
  });
});
