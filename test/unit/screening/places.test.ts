// Place words and where they lie: every spelling the gazetteer lists reads as one place with
// the administrative codes of its division, and county-level names read as places only where
// the name makes them one.
import { PROVINCES } from '../../../src/model/gazetteer/provinces';
import { xuarPlaces } from '../../../src/model/gazetteer/xuarPlaces';
import { containsAny, divisions, overlaps } from '../../../src/screening/divisions';
import { normalizeName } from '../../../src/screening/normalize';

const placeTokens = (s: string) => normalizeName(s).tokens.filter((t) => t.kind === 'place');
const onlyPlace = (s: string) => {
  const t = normalizeName(`${s} Huaxin Textile`).tokens;
  return t.length === 3 && t[0].kind === 'place' ? t[0] : undefined;
};
const kinds = (s: string) => normalizeName(s).tokens.map((t) => `${t.text}:${t.kind}`);

describe('the division table', () => {
  const d = divisions();

  it('holds every province, prefecture and county-level division, each inside its parents', () => {
    expect(d.all.filter((x) => x.level === 'province').length).toBe(34);
    expect(d.all.filter((x) => x.level === 'prefecture').length).toBeGreaterThan(320);
    expect(d.all.filter((x) => x.level !== 'province' && x.level !== 'prefecture').length).toBeGreaterThan(2800);
    for (const x of d.all) if (x.code.length > 2) expect(d.all.some((p) => p.level === 'province' && x.code.startsWith(p.code))).toBe(true);
  });

  it('finds a division by its Chinese name with or without its suffix, and by pinyin', () => {
    expect(d.byZh.get('鄯善')!.map((x) => x.code)).toEqual(['650421']);
    expect(d.byZh.get('鄯善县')!.map((x) => x.code)).toEqual(['650421']);
    expect(d.byZh.get('昌吉')!.map((x) => x.code)).toEqual(['6523', '652301']);
    expect(d.byLatin.get('yiwu')!.map((x) => x.zh)).toEqual(expect.arrayContaining(['义乌', '伊吾']));
    expect(d.byLatin.get('luliang')).toEqual(expect.arrayContaining(d.byLatin.get('lvliang')!)); // 吕梁, and 陆良 too
  });

  it('tells containment by code', () => {
    expect(containsAny(['65'], ['650421'])).toBe(true);
    expect(containsAny(['650421'], ['65'])).toBe(false);
    expect(overlaps(['6504'], ['65'])).toBe(true);
    expect(overlaps(['6501'], ['650421'])).toBe(false);
  });
});

describe('every spelling the gazetteer lists', () => {
  it('reads each province, in every Latin spelling and in Chinese, as that province', () => {
    for (const p of PROVINCES) {
      const code = divisions().all.find((x) => x.level === 'province' && x.zh === p.zh)!.code;
      for (const spelling of [p.pinyin, ...p.names, p.zh]) {
        const t = onlyPlace(spelling);
        expect({ spelling, text: t?.text, codes: t?.codes }).toEqual({ spelling, text: p.pinyin, codes: [code] });
      }
    }
  });

  it('reads each XUAR place not marked ambiguous, in every spelling, as a place inside Xinjiang', () => {
    const x = xuarPlaces();
    const outside: string[] = [];
    for (const p of [...x.prefectureLevel, ...x.xpccCities, ...x.countyLevel].filter((p) => !p.ambiguous))
      for (const spelling of [p.pinyin!, ...(p.names ?? []), p.zh!]) {
        const t = placeTokens(spelling);
        if (t.length !== 1 || !t[0].codes?.length || !t[0].codes.every((c) => c.startsWith('65'))) outside.push(spelling);
      }
    expect(outside).toEqual([]);
    for (const spelling of x.region.names ?? []) expect(placeTokens(spelling).map((t) => t.codes)).toContainEqual(['65']);
  });

  it('gives one canonical place however it is spelled', () => {
    const same = (a: string, b: string) => expect(placeTokens(a).map((t) => t.text)).toEqual(placeTokens(b).map((t) => t.text));
    same('Kashgar', '喀什');
    same('Urumqi', '乌鲁木齐');
    same('Turfan', 'Turpan');
    same('Inner Mongolia', '内蒙古');
  });
});

describe('county-level names as places where the name makes them one', () => {
  it('after a province or prefecture that contains them', () => {
    expect(placeTokens('Zhejiang Yiwu Huaxin Textile').map((t) => [t.text, t.codes])).toEqual([
      ['zhejiang', ['33']],
      ['yiwu', ['330782']],
    ]);
    expect(placeTokens('Xinjiang Yiwu Huaxin Textile')[1].codes).toEqual(['650522']);
    expect(placeTokens('浙江义乌华欣纺织').map((t) => t.codes)).toEqual([['33'], ['330782']]);
  });

  it('before an administrative word, and alone in parentheses', () => {
    expect(placeTokens('Yiwu City Huaxin Textile')[0].codes).toEqual(expect.arrayContaining(['330782', '650522']));
    expect(placeTokens('义乌市华欣纺织')[0].codes).toEqual(['330782']);
    expect(placeTokens('Huaxin Textile (Yiwu) Co., Ltd.')[0].text).toBe('yiwu');
    expect(placeTokens('华欣纺织(义乌)有限公司')[0].codes).toEqual(['330782']);
  });

  it('not elsewhere, nor a district after its province, nor a county of another province', () => {
    expect(kinds('Yiwu Huaxin Textile')[0]).toBe('yiwu:name');
    expect(kinds('Xinjiang Tianshan Wool Textile')[1]).toBe('tianshan:name');
    expect(kinds('新疆天山毛纺织')[1]).toBe('tianshan:name');
    expect(kinds('Henan Tongzhou Cotton Industry')[1]).toBe('tongzhou:name');
    expect(kinds('Zijin Mining Group')[0]).toBe('zijin:name');
  });

  it('leaves every listed name as it was read before (no trade name of the list turns into a place)', () => {
    // the list's trade names that follow a province: none is a county of that province
    for (const n of [
      'Xinjiang Zhongtai Chemical',
      'Hubei Jingtian Cotton',
      'Sichuan Jingweida Technology',
      'Jiangsu Yinhai Nongjiale Storage',
    ])
      expect(normalizeName(n).tokens[1].kind).toBe('name');
  });
});
