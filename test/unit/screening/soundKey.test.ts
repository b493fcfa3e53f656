// Brand names spelled by ear, tested as a class over the whole seed list: every listed name
// word that is not pinyin, respelled by the inverse of one sound rule ("Apex" as "Apecs",
// "Camel" as "Kamel", "Photech" as "Fotech"), still finds its entry at the top.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { isPinyinWord } from '../../../src/model/text/pinyin';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { normalizeName } from '../../../src/screening/normalize';
import { soundKey } from '../../../src/screening/soundKey';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);

// One respelling per word: the first of these that changes it.
const RESPELL: Array<[RegExp, string]> = [
  [/x/, 'cs'],
  [/ph/, 'f'],
  [/c(?=[aou])/, 'k'],
  [/ck/, 'k'],
  [/(?<=.)i(?=[^aeiou]|$)/, 'y'],
];
const respell = (w: string) => {
  for (const [re, to] of RESPELL) if (re.test(w)) return w.replace(re, to);
  return null;
};

describe('soundKey', () => {
  it('keys spellings that sound alike the same, and short or non-letter words not at all', () => {
    expect(soundKey('apecs')).toBe(soundKey('apex'));
    expect(soundKey('kamel')).toBe(soundKey('camel'));
    expect(soundKey('fotech')).toBe(soundKey('photech'));
    expect(soundKey('synear')).toBe(soundKey('sinear'));
    expect(soundKey('apex')).not.toBe(soundKey('apple'));
    expect(soundKey('tex')).toBeNull();
    expect(soundKey('g2g4')).toBeNull();
  });
});

describe('a listed brand word respelled by ear', () => {
  const cases: Array<{ entry: string; query: string }> = [];
  for (const e of list.entries)
    for (const name of [e.name, ...e.aliases]) {
      const words = name.split(/\s+/);
      words.forEach((raw, i) => {
        const w = raw.toLowerCase().replace(/[^a-z]/g, '');
        if (w.length < 4 || isPinyinWord(w)) return;
        // a name word of the index, not a business or place word the lexicon reads
        if (!normalizeName(raw).tokens.some((t) => t.kind === 'name' && t.text === w)) return;
        const r = respell(w);
        if (!r || r === w) return;
        cases.push({ entry: e.name, query: [...words.slice(0, i), r, ...words.slice(i + 1)].join(' ') });
      });
    }

  it('finds its entry at the top, MATCH or POSSIBLE', () => {
    expect(cases.length).toBeGreaterThan(10);
    const missed = cases.filter((c) => matcher.screen(c.query)[0]?.entityName !== c.entry).map((c) => `${c.query} (${c.entry})`);
    expect(missed).toEqual([]);
  });
});
