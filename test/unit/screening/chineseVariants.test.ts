// Chinese names in any script and romanization reach the same listed entry: traditional and
// Hong Kong / Taiwan forms (OpenCC's conversions of the listed names), pinyin with tone marks,
// pinyin's ü written ü, v, u:, yu or u, and older romanizations of place words.
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { entityKey, loadSeedEntityList, type EntityListEntry } from '../../../src/model/entityList';
import { OLDER_PROVINCE_NAMES, OLDER_XUAR_NAMES } from '../../../src/model/gazetteer/olderNames';
import { PROVINCES } from '../../../src/model/gazetteer/provinces';
import { xuarPlaces } from '../../../src/model/gazetteer/xuarPlaces';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { normalizeName } from '../../../src/screening/normalize';
import { LEXICON } from '../../../src/screening/lexicon';
import { withoutToneNumbers } from '../../../src/model/text/pinyin';

const HAN = /\p{Script=Han}/u;
const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const top = (name: string) => matcher.screen(name)[0];
const listedChinese = list.entries.flatMap((e) =>
  [e.name, ...e.aliases, ...e.formerNames, ...e.localNames].filter((n) => HAN.test(n)).map((zh) => ({ e, zh })),
);
const places = (s: string) =>
  normalizeName(s)
    .tokens.filter((t) => t.kind === 'place')
    .map((t) => t.text);

describe('traditional Chinese', () => {
  it('finds 华孚时尚 (Huafu Fashion) written 華孚時尚', () => {
    expect(top('華孚時尚')).toMatchObject({ entityName: 'Huafu Fashion Co., Ltd.', decision: 'MATCH' });
    expect(top('華孚時尚股份有限公司')).toMatchObject({ entityName: 'Huafu Fashion Co., Ltd.', decision: 'MATCH' });
  });

  it('finds every Chinese name of the list written in each traditional standard (OpenCC t, tw, twp, hk)', () => {
    expect(listedChinese.length).toBeGreaterThan(10);
    const missed: string[] = [];
    for (const to of ['t', 'tw', 'twp', 'hk'] as const) {
      const convert = OpenCC.Converter({ from: 'cn', to });
      for (const { e, zh } of listedChinese) {
        const c = top(convert(zh));
        if (c?.entityName !== e.name || c.decision !== 'MATCH') missed.push(`${to} ${convert(zh)}`);
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('pinyin with tone marks and ü', () => {
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
  it('reads tone-marked pinyin of every listed Chinese name as the same pinyin without marks', () => {
    for (const { zh } of listedChinese) {
      const marked = pinyin(zh, { type: 'array', toneType: 'symbol' }).map(cap);
      const plain = pinyin(zh, { type: 'array', toneType: 'none', v: true }).map(cap);
      expect(normalizeName(marked.join(' ')).normalized).toBe(normalizeName(plain.join(' ')).normalized);
      const byTwo = (a: string[]) => a.map((s, i) => (i % 2 ? s.toLowerCase() : ` ${s}`)).join('');
      expect(top(byTwo(marked))?.entityName).toBe(top(byTwo(plain))?.entityName);
    }
  });

  it('finds a listed name with ü however ü is written (天山铝业: Lǚyè, Lüye, Lvye, Lu:ye)', () => {
    for (const q of ['Tiānshān Lǚyè', 'Tianshan Lüye', 'Tianshan Lvye', 'Tianshan Lu:ye', 'TIANSHAN LÜYE']) {
      expect({ q, found: top(q)?.entityName }).toEqual({ q, found: 'Tianshan Aluminum Group Co., Ltd.' });
    }
  });

  // listed names spelling ü as u, v and ü, each found from every spelling and from Chinese
  const entry = (name: string, localNames: string[]): EntityListEntry => ({
    key: entityKey(name),
    name,
    aliases: [],
    formerNames: [],
    localNames,
    coversSubsidiaries: false,
    scope: null,
    sections: [{ section: '2(d)(2)(B)(v)', effectiveDate: '2024-01-01' }],
    effectiveDate: '2024-01-01',
    country: 'CN',
  });
  const umlauts = buildEntityMatcher(
    {
      version: 't',
      snapshotDate: 't',
      source: 'test',
      entries: [
        entry('Nuwa Textile Co., Ltd.', ['女娲纺织有限公司']),
        entry('Lvfeng Cotton Co., Ltd.', ['绿丰棉业有限公司']),
        entry('Xinjiang Lüzhou Agriculture Co., Ltd.', []),
      ],
    },
    DEFAULT_SCREENING_CONFIG,
  );
  it.each([
    ['Nuwa Textile Co., Ltd.', ['Nuwa', 'Nvwa', 'Nüwa', 'Nǚwā', 'Nu:wa', 'Nyuwa', '女娲', '女媧']],
    ['Lvfeng Cotton Co., Ltd.', ['Lufeng', 'Lvfeng', 'Lüfeng', 'Lǜfēng', 'Lyufeng', '绿丰', '綠豐']],
  ])('%s from every spelling of ü', (name, trade) => {
    const sector = name.includes('Textile') ? 'Textile' : 'Cotton';
    for (const t of trade) {
      const q = HAN.test(t) ? `${t}${sector === 'Textile' ? '纺织' : '棉业'}` : `${t} ${sector}`;
      expect({ q, found: umlauts.screen(q)[0]?.entityName }).toEqual({ q, found: name });
    }
  });
  it('keeps an explicit ü apart from lu: Lvzhou (绿洲) is not Luzhou (泸州)', () => {
    expect(umlauts.screen('Xinjiang Lvzhou Agriculture')[0]?.entityName).toBe('Xinjiang Lüzhou Agriculture Co., Ltd.');
    expect(umlauts.screen('新疆绿洲农业')[0]?.entityName).toBe('Xinjiang Lüzhou Agriculture Co., Ltd.');
    expect(places('Lvzhou Agriculture')).toEqual([]);
  });
});

describe('place words in every romanization', () => {
  it('reads lü place names however ü is written: Lǚliáng, Lüliang, Lu:liang, Lvliang, Lyuliang, Luliang, 吕梁', () => {
    for (const q of ['Lǚliáng', 'Lüliang', 'Lu:liang', 'Lvliang', 'Lyuliang', 'Luliang', '吕梁', '呂梁']) {
      expect({ q, places: places(`${q} Huafu Textile`) }).toEqual({ q, places: ['lvliang'] });
    }
    // the disguise fold (here a Cyrillic Т) keeps the ü for this rule
    expect(places('Lüliang Huafu Тextile')).toEqual(['lvliang']);
    expect(normalizeName('Lüliang Huafu Тextile').normalized).toBe('lvliang huafu textile');
  });

  it('reads every older province spelling as its province', () => {
    for (const [zh, names] of Object.entries(OLDER_PROVINCE_NAMES)) {
      const pinyinName = PROVINCES.find((p) => p.zh === zh)!.pinyin;
      for (const n of names) expect({ n, places: places(`${n} Huafu Textile`) }).toEqual({ n, places: [pinyinName] });
    }
  });

  it('reads every older romanization of an XUAR prefecture, city or county as that place', () => {
    const file = xuarPlaces();
    const canonical = (p: { pinyin?: string }) =>
      (p.pinyin ?? '')
        .toLowerCase()
        .replace(/\s+(xian|county|city)$/, '')
        .replace(/[^a-z]/g, '');
    for (const p of [...file.prefectureLevel, ...file.xpccCities, ...file.countyLevel].filter((x) => OLDER_XUAR_NAMES[x.zh!])) {
      // (older Chinese names, 迪化 and 和阗, reach screening once places.ts reads the Chinese names of `names`)
      for (const n of OLDER_XUAR_NAMES[p.zh!].filter((x) => !HAN.test(x))) {
        expect({ n, places: places(`${n} Huafu Textile`) }).toEqual({ n, places: [canonical(p)] });
      }
    }
    expect(places('Tihwa Huafu')).toEqual(['wulumuqi']);
    expect(places('Kuldja Huafu')).toEqual(['yining']);
  });
});

describe('pinyin with tone numbers and business words in pinyin', () => {
  it('reads pinyin with tone numbers of every listed Chinese name as the same pinyin without them', () => {
    // two syllables a word, as names are usually romanized ("Bai2yin2 You3se4 ...")
    const byTwo = (a: string[]) => a.map((s, i) => (i % 2 ? s : ` ${s[0].toUpperCase()}${s.slice(1)}`)).join('');
    let found = 0;
    for (const { e, zh } of listedChinese) {
      const numbered = byTwo(pinyin(zh, { type: 'array', toneType: 'num', v: true }));
      const plain = byTwo(pinyin(zh, { type: 'array', toneType: 'none', v: true }));
      expect(normalizeName(numbered).normalized).toBe(normalizeName(plain).normalized);
      expect({ numbered, found: top(numbered)?.entityName }).toEqual({ numbered, found: top(plain)?.entityName });
      if (top(numbered)?.entityName === e.name) found++;
    }
    expect(found).toBeGreaterThan(listedChinese.length / 2);
  });

  it('leaves a digit misread for a letter inside a word to the misreading rules', () => {
    expect(withoutToneNumbers('hua2fu2')).toBe('huafu');
    for (const w of ['ake5u', 'ba1yin', 'texti1e', 'no1', 'a1', 'gong1si']) expect(withoutToneNumbers(w)).toBe(w);
  });

  it('finds every listed name with its business words written in pinyin as the lexicon spells them', () => {
    const pinyinOf = new Map<string, string>();
    for (const x of LEXICON) if (x.out.length && x.py?.length) for (const w of x.en ?? []) if (!pinyinOf.has(w)) pinyinOf.set(w, x.py[0]);
    const made: string[] = [];
    const missed: string[] = [];
    for (const e of list.entries) {
      const words = e.name.split(/\s+/);
      let changed = false;
      const q = words
        .map((w) => {
          const py = pinyinOf.get(w.toLowerCase().replace(/[^a-z]/g, ''));
          if (!py) return w;
          changed = true;
          return py[0].toUpperCase() + py.slice(1) + (w.match(/[^A-Za-z]+$/)?.[0] ?? '');
        })
        .join(' ');
      if (!changed) continue;
      made.push(q);
      if (top(q)?.entityName !== e.name) missed.push(q);
    }
    expect(made.length).toBeGreaterThan(100);
    expect(missed).toEqual([]);
  });
});

describe('a Chinese name whose place was cut off before its administrative word', () => {
  it('still finds the entry when only 市, 县, 区 or 州 is left of the place ("市泰达服装有限公司")', () => {
    const cut: Array<{ e: EntityListEntry; q: string }> = [];
    for (const { e, zh } of listedChinese) {
      const m = /^(\p{Script=Han}{2,4}?)([市县区州])(\p{Script=Han}{2,})/u.exec(zh);
      if (m && places(m[1] + m[2]).length) cut.push({ e, q: m[2] + m[3] });
    }
    // and every other listed Chinese name with 市 put before it
    for (const { e, zh } of listedChinese) if (!places(zh).length) cut.push({ e, q: `市${zh}` });
    expect(cut.length).toBeGreaterThan(3);
    const missed = cut.filter(({ e, q }) => top(q)?.entityName !== e.name).map(({ q }) => q);
    expect(missed).toEqual([]);
  });
});
