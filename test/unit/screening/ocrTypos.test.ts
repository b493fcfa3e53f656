// Misread letters inside words, tested as classes over every entry of the seed list: digits
// for letters (1/l/i, 0/o, 5/s), rn for m and m for rn, vv for w, ri for n, ii for u, cl for d, l for i and i for l.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { digitRepairs, ocrKey, ocrKeyIndex } from '../../../src/screening/ocrTypos';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);

// Each class: which letter is misread as what, at its first place inside a word (not the last letter).
const CLASSES: Record<string, { pairs: Array<[string, string]>; atLeast: number }> = {
  'digit for letter': {
    pairs: [
      ['l', '1'],
      ['i', '1'],
      ['o', '0'],
      ['s', '5'],
    ],
    atLeast: 300,
  },
  'rn for m': { pairs: [['m', 'rn']], atLeast: 20 },
  'm for rn': { pairs: [['rn', 'm']], atLeast: 2 },
  'vv for w': { pairs: [['w', 'vv']], atLeast: 10 },
  'ri for n': { pairs: [['n', 'ri']], atLeast: 300 },
  'ii for u': { pairs: [['u', 'ii']], atLeast: 200 },
  'l for i and i for l': {
    pairs: [
      ['i', 'l'],
      ['l', 'i'],
    ],
    atLeast: 300,
  },
  'cl for d': { pairs: [['d', 'cl']], atLeast: 50 },
};

/** Every listed Latin name with one word misread, once per word and misreading of the class. */
function misread(cls: Array<[string, string]>): Array<{ entry: string; query: string }> {
  const out: Array<{ entry: string; query: string }> = [];
  for (const e of list.entries)
    for (const listed of [e.name, ...e.aliases, ...e.formerNames].filter((n) => /[a-z]/i.test(n)))
      for (const m of listed.matchAll(/\p{L}{5,}/gu))
        for (const [from, to] of cls) {
          const at = m[0].toLowerCase().indexOf(from, 1);
          if (at < 0 || at + from.length >= m[0].length) continue;
          const word = m[0].slice(0, at) + to + m[0].slice(at + from.length);
          out.push({ entry: e.name, query: listed.slice(0, m.index) + word + listed.slice(m.index + m[0].length) });
        }
  return out;
}

describe('digitRepairs', () => {
  it('reads 1, 0 and 5 inside a letter word as letters, likeliest first', () => {
    expect(digitRepairs('texti1e')[0]).toBe('textile');
    expect(digitRepairs('hosh1ne')[0]).toBe('hoshine');
    expect(digitRepairs('zh0ngtai')).toEqual(['zhongtai']);
    expect(digitRepairs('5ilicon')).toEqual(['silicon']);
    expect(digitRepairs('hosh1ne')).toContain('hoshlne');
  });

  it('leaves numbers, short codes and trailing digits alone', () => {
    for (const w of ['2024', '5g', 'b2b', 'plant1', 'no1', 'h2o', 'a1']) expect(digitRepairs(w)).toEqual([]);
  });
});

describe('ocrKey', () => {
  const same = (a: string, b: string) => expect({ a, key: ocrKey(a) }).toEqual({ a, key: ocrKey(b) });
  it('gives a word misread letter for letter the key of the word', () => {
    same('chernical', 'chemical');
    same('westem', 'western');
    same('vvool', 'wool');
    same('constructiori', 'construction');
    same('aksii', 'aksu');
    same('zhuhal', 'zhuhai');
    same('blaoxin', 'biaoxin');
    same('golcl', 'gold');
    same('jirishlng', 'jinshing'); // several misreadings in one word
  });

  it('keeps words apart that differ otherwise', () => {
    expect(ocrKey('huafu')).not.toBe(ocrKey('huafa'));
    expect(ocrKey('jinsheng')).not.toBe(ocrKey('jinshan'));
  });

  it('indexes known words by key, and a key two words share leads to neither', () => {
    const index = ocrKeyIndex(['biaoxin', 'jinlin', 'jiniin', 'aksu']);
    expect(index.get(ocrKey('blaoxin'))).toBe('biaoxin');
    expect(index.get(ocrKey('jinlin'))).toBeNull();
  });
});

describe.each(Object.entries(CLASSES))('screening every entry with %s', (_, cls) => {
  const cases = misread(cls.pairs);

  it('has misread names across the list', () => {
    expect(cases.length).toBeGreaterThanOrEqual(cls.atLeast);
  });

  it('finds each misread name as MATCH of its own entry', () => {
    const missed = cases.filter((c) => {
      const top = matcher.screen(c.query)[0];
      return !(top && top.entityName === c.entry && top.decision === 'MATCH');
    });
    expect(missed.map((c) => c.query)).toEqual([]);
  });
});

describe('misread look-alikes', () => {
  // Real-looking firms one misreading away from a different word, not from a listed name.
  const LOOK_ALIKES = [
    'Xinjiang Zh0ngtian Chemical Co., Ltd.',
    'H0xin Silicon Industry Co., Ltd.',
    'Huafeng Fashi0n Co., Ltd.',
    'Modern Cotton Textile Co Ltd',
    'Western Wool Trading Co., Ltd.',
    'Jiangsu Vvanda Textile Co Ltd',
    'Shandong Rneisheng Food Co., Ltd.',
    'Aksu Hua1ong Textile Co., Ltd.',
  ];

  it('decides none of them MATCH', () => {
    const matched = LOOK_ALIKES.map((q) => ({ q, c: matcher.screen(q)[0] })).filter((x) => x.c && x.c.decision === 'MATCH');
    expect(matched.map((x) => `${x.q} -> ${x.c.entityName}`)).toEqual([]);
  });
});
