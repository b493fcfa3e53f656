// Listed Chinese names written with one slip (a character of the same sound, one dropped, doubled
// or swapped with its neighbour) still reach their entry, at most POSSIBLE; a character of another
// sound, two slips at once, or a dropped character of a two-character name are not read.
import { pinyin } from 'pinyin-pro';
import { loadSeedEntityList } from '../../../src/model/entityList';
import { toSimplified } from '../../../src/model/gazetteer/traditional';
import { chinaDivisionRows } from '../../../src/model/gazetteer/divisionRows';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { miswrittenHanReader } from '../../../src/screening/matcher/miswrittenHan';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const read = miswrittenHanReader(list.entries);
const hanNames = list.entries.flatMap((e) =>
  [e.name, ...e.aliases, ...e.formerNames, ...e.localNames]
    .filter((n) => /^\p{Script=Han}{4,}$/u.test(n))
    .map((name) => ({ name: toSimplified(name), key: e.key })),
);
const reached = (query: string, key: string) => matcher.screen(query).find((c) => c.entryKey === key);
const readings = (c: string) => pinyin(c, { toneType: 'none', type: 'array', multiple: true, v: true });
const soundAlike = (x: string, y: string) => readings(x).some((r) => readings(y).includes(r));

// characters to write names with: the list's own and common ones of trade names
const POOL = [
  ...new Set([
    ...hanNames.flatMap((n) => [...n.name]),
    ...'华美达兴盛泰丰源鑫隆昌宏恒信德利通海天新金长永福建中东方安康明光正祥瑞和成嘉鸿佳宝凯锦富荣晟博远科创伟亿联合众汇豪龙凤吉春峰腾飞扬帆又涩四工才了心',
  ]),
];
const FORM = /(股份有限公司|有限责任公司|有限公司|集团|股份|公司|控股)+$/;
/** Characters before the legal form. */
const coreLength = (name: string) => [...name.replace(FORM, '')].length;

function variants(edit: (chars: string[], k: number) => string | undefined) {
  return hanNames.flatMap(({ name, key }) => {
    const chars = [...name];
    return chars.flatMap((_, k) => {
      const v = edit(chars, k);
      return v && v !== name ? [{ query: v, key, k, core: coreLength(name) }] : [];
    });
  });
}
const missed = (cases: { query: string; key: string }[]) => cases.filter(({ query, key }) => !reached(query, key)).map((c) => c.query);

describe('screening Chinese names miswritten', () => {
  it('reaches the entry with any character replaced by another of the same sound, in every listed Chinese name', () => {
    const cases = variants((chars, k) => {
      const other = POOL.find((c) => c !== chars[k] && soundAlike(c, chars[k]));
      return other && [...chars.slice(0, k), other, ...chars.slice(k + 1)].join('');
    });
    expect(cases.length).toBeGreaterThan(300);
    expect(missed(cases)).toEqual([]);
  });

  it('reaches the entry with a character dropped from a name of four characters or more before its legal form, or from the form', () => {
    const cases = variants((chars, k) => [...chars.slice(0, k), ...chars.slice(k + 1)].join('')).filter(
      (c) => c.core >= 4 || c.k >= c.core,
    );
    expect(cases.length).toBeGreaterThan(400);
    expect(missed(cases)).toEqual([]);
  });

  it('reaches the entry with any character doubled, or two neighbours swapped in a name of three characters or more', () => {
    const doubled = variants((chars, k) => [...chars.slice(0, k + 1), ...chars.slice(k)].join(''));
    const swapped = variants((chars, k) =>
      k + 1 < chars.length ? [...chars.slice(0, k), chars[k + 1], chars[k], ...chars.slice(k + 2)].join('') : undefined,
    ).filter((c) => c.core >= 3 || c.k + 1 >= c.core);
    expect(doubled.length).toBeGreaterThan(500);
    expect(swapped.length).toBeGreaterThan(400);
    expect(missed([...doubled, ...swapped])).toEqual([]);
  });

  it('shows such a reading at most POSSIBLE, the reason naming the slip and the listed name read', () => {
    for (const [query, slip] of [
      ['白银色集团股份有限公司', 'a character dropped'],
      ['白银有涩集团股份有限公司', 'a character of the same sound'],
      ['白有银色集团股份有限公司', 'two characters swapped'],
      ['白銀有色集集團股份有限公司', 'a character doubled'],
    ]) {
      const hit = reached(query, list.entries.find((e) => e.localNames.includes('白银有色集团股份有限公司'))!.key);
      expect(hit).toMatchObject({ decision: 'POSSIBLE' });
      expect(hit!.reason).toContain(slip);
      expect(hit!.reason).toContain('→ 白银有色集团股份有限公司');
    }
  });

  it('reads a slip inside a run of a mixed name and a name with another legal form', () => {
    const key = list.entries.find((e) => e.localNames.includes('白银有色集团股份有限公司'))!.key;
    expect(reached('Baiyin 白银色集团有限公司', key)).toMatchObject({ decision: 'POSSIBLE' });
    expect(read('白银色集团有限公司').map((r) => r.as)).toContain('白银有色集团股份有限公司');
  });

  it('does not read a character of another sound, two slips at once, or a short name with a character dropped', () => {
    const other = variants((chars, k) => {
      const c = POOL.find((x) => !chars.includes(x) && !soundAlike(x, chars[k]));
      return c && [...chars.slice(0, k), c, ...chars.slice(k + 1)].join('');
    });
    expect(other.length).toBeGreaterThan(300);
    // read as some listed name, that name must be one slip from it (never the name it was made from)
    expect(other.filter(({ query, key }) => read(query).length && reached(query, key)?.reason.includes('miswritten'))).toEqual([]);
    // characters of the same sound and a character dropped: "和飞镁" for 合肥美菱
    expect(read('和飞镁股份有限公司')).toEqual([]);
    // 骆驼 less one character names no firm
    expect(read('骆集团股份有限公司')).toEqual([]);
    // a character added between a short name and its form is another name ("溢达钛", not 溢达)
    expect(read('溢达钛集团')).toEqual([]);
  });

  it('puts up no made-up name of a place, common characters and a business word for review through a reading', () => {
    const places = [...new Set(chinaDivisionRows().map((r) => r.zh))].filter((p) => p.length >= 2).slice(0, 400);
    const brands = Array.from({ length: 40 }, (_, k) => POOL[(k * 7) % POOL.length] + POOL[(k * 13 + 5) % POOL.length]);
    const newly: string[] = [];
    for (const [p, place] of places.entries()) {
      const name = `${place}${brands[p % brands.length]}${['纺织', '科技', '', '化工'][p % 4]}有限公司`;
      if (matcher.screen(name).some((h) => h.reason.includes('miswritten'))) newly.push(name);
    }
    expect(newly).toEqual([]);
  });
});
