// Trade names the list writes two ways: a pinyin name abbreviated to its initials ("JA Solar"
// for 晶澳 Jingao) and a pinyin name one entry also lists under a brand ("Changji Yida
// Textile" for Changji Esquel), tested as classes over every entry of the seed list.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { isPinyinWord, pinyinInitials } from '../../../src/model/text/pinyin';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { buildNameIndex } from '../../../src/screening/matcher/nameIndex';
import { normalizeName } from '../../../src/screening/normalize';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const index = buildNameIndex(list.entries);
const latinNames = (e: (typeof list.entries)[number]) => [e.name, ...e.aliases, ...e.formerNames].filter((n) => /[a-z]/i.test(n));

describe('pinyinInitials', () => {
  it('gives the initials of each split into the fewest syllables', () => {
    expect(pinyinInitials('jingao').sort()).toEqual(['ja', 'jg']);
    expect(pinyinInitials('hongyuan')).toEqual(['hy']);
    expect(pinyinInitials('zhongtaihuaxue')).toEqual(['zthx']);
  });

  it('gives none for one syllable or a word that is not pinyin', () => {
    for (const w of ['an', 'xian', 'esquel', 'daqo', 'whsg']) expect(pinyinInitials(w)).toEqual([]);
    expect(isPinyinWord('daqo')).toBe(false); // q comes only before i or ü
  });
});

describe('a pinyin name for the listed acronym of its initials', () => {
  // one syllable for each initial, so the pinyin word's initials are the acronym
  const SYLLABLE: Record<string, string> = {
    a: 'ao',
    b: 'bao',
    c: 'cheng',
    d: 'da',
    e: 'en',
    f: 'fu',
    g: 'guo',
    h: 'hua',
    j: 'jiu',
    k: 'kang',
    l: 'long',
    m: 'ming',
    n: 'ning',
    o: 'ou',
    p: 'peng',
    q: 'qing',
    r: 'rui',
    s: 'sheng',
    t: 'tian',
    w: 'wei',
    x: 'xin',
    y: 'yuan',
    z: 'zhong',
  };
  const cases = list.entries.flatMap((e) =>
    latinNames(e).flatMap((n) =>
      [...n.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{2,4}(?![\p{L}\p{N}])/gu)]
        .filter((m) => normalizeName(n).tokens.some((t) => t.kind === 'name' && t.text === m[0].toLowerCase()))
        .filter((m) => [...m[0].toLowerCase()].every((c) => SYLLABLE[c]))
        .map((m) => {
          const word = [...m[0].toLowerCase()].map((c) => SYLLABLE[c]).join('');
          const query = n.replace(m[0], word[0].toUpperCase() + word.slice(1));
          return { entry: e.name, listed: n, query, placed: normalizeName(n).tokens.some((t) => t.kind === 'place') };
        }),
    ),
  );

  it('has such names across the list', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it('finds each as its entry: MATCH where a place agrees, at most POSSIBLE where the listed name gives none', () => {
    const wrong = cases.filter((c) => {
      const top = matcher.screen(c.query)[0];
      return !top || top.entityName !== c.entry || (!c.placed && top.decision === 'MATCH') || (c.placed && top.decision !== 'MATCH');
    });
    expect(wrong.map((c) => `${c.query} (${c.listed})`)).toEqual([]);
  });
});

describe('a pinyin trade name one entry also lists under a brand', () => {
  it('learns the pairs from the list, from the pinyin word only', () => {
    expect(index.equivalents.get('yida')).toBe('esquel');
    for (const word of index.equivalents.keys()) expect(pinyinInitials(word).length).toBeGreaterThan(0);
  });

  it('finds every listed name with the brand written as its pinyin name, in entries that did not list it', () => {
    const cases: Array<{ entry: string; query: string }> = [];
    for (const [pinyin, brand] of index.equivalents)
      for (const e of list.entries)
        for (const n of latinNames(e)) {
          const re = new RegExp(`\\b${brand}\\b`, 'i');
          if (re.test(n) && !new RegExp(`\\b${pinyin}\\b`, 'i').test(n)) cases.push({ entry: e.name, query: n.replace(re, pinyin) });
        }
    expect(cases.length).toBeGreaterThan(10);
    const missed = cases.filter((c) => matcher.screen(c.query)[0]?.entityName !== c.entry);
    expect(missed.map((c) => c.query)).toEqual([]);
  });
});

describe('a firm placed in a city of the XUAR with a listed trade name', () => {
  // each entry's longest name word, as its trade name
  const tradeNames = list.entries.flatMap((e) => {
    const words = normalizeName(e.name)
      .tokens.filter((t) => t.kind === 'name' && t.text.length >= 4 && /^[a-z]+$/.test(t.text))
      .map((t) => t.text);
    return words.length ? [words.sort((a, b) => b.length - a.length)[0]] : [];
  });
  const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

  it('is shown for review with an entry of that trade name, whatever else its name says', () => {
    expect(tradeNames.length).toBeGreaterThan(100);
    const missed: string[] = [];
    tradeNames.forEach((w, k) => {
      const city = ['Urumqi', 'Kashgar', 'Hotan', 'Korla', 'Shihezi'][k % 5];
      const q = `${city} ${cap(w)} Trading Co., Ltd.`;
      const c = matcher.screen(q)[0];
      if (!c || !normalizeName(c.matchedName).tokens.some((t) => t.text === w)) missed.push(q);
    });
    expect(missed).toEqual([]);
  });

  it('says why, and does not lift a firm placed elsewhere or in "Xinjiang" alone', () => {
    // a POSSIBLE threshold above the name's own score, so only the rule can show it
    const strict = buildEntityMatcher(list, { ...DEFAULT_SCREENING_CONFIG, possibleThreshold: 0.8 });
    const c = strict.screen('Urumqi Huafu Trading Co., Ltd.')[0];
    expect(c).toMatchObject({ decision: 'POSSIBLE', score: 0.8 });
    expect(c.reason).toContain('XUAR with a listed trade name');
    for (const q of ['Guangzhou Huafu Trading Co., Ltd.', 'Xinjiang Huafu Trading Co., Ltd.'])
      expect(strict.screen(q).some((x) => x.reason.includes('XUAR with a listed trade name'))).toBe(false);
  });
});
