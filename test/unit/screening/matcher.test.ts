import { loadSeedEntityList } from '../../../src/model/entityList';
import { listEntry, smallList } from '../../fixtures/entityListEntry';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG, loadScreeningConfig } from '../../../src/screening/config';

const HOSHINE = 'Hoshine Silicon Industry (Shanshan) Co., Ltd';

describe('buildEntityMatcher on the seed list', () => {
  const list = loadSeedEntityList();
  const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
  const top = (name: string, country?: string) => matcher.screen(name, { country })[0];

  it('indexes every entry once per list version', () => {
    const s = matcher.stats();
    expect(s.entries).toBe(187);
    expect(s.names).toBeGreaterThan(187);
    expect(matcher.listVersion).toBe(list.version);
  });

  it('returns an exact name as MATCH with the entry facts', () => {
    const c = top(HOSHINE);
    expect(c).toMatchObject({
      entityName: HOSHINE,
      matchedName: HOSHINE,
      matchedNameKind: 'NAME',
      score: 1,
      decision: 'MATCH',
      section: '2(d)(2)(B)(i)',
      sections: ['2(d)(2)(B)(i)', '2(d)(2)(B)(v)'],
      coversSubsidiaries: true,
      entryKey: 'hoshine silicon industry shanshan co ltd',
    });
    expect(c.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.agreedTokens).toEqual(expect.arrayContaining(['hoshine', 'silicon', 'industry']));
    expect(c.reason).toContain('hoshine');
  });

  it('finds the entry through legal forms, typos, pinyin, Chinese, aliases and former names', () => {
    expect(top('XINJIANG DAQO NEW ENERGY COMPANY LIMITED')).toMatchObject({
      entityName: 'Xinjiang Daqo New Energy, Co. Ltd',
      decision: 'MATCH',
    });
    expect(top('Hoshine Silcon Industry (Shanshan)').entityName).toBe(HOSHINE);
    expect(top('Xinjiang Huafu Fangzhi Youxian Gongsi').entityName).toBe('Xinjiang Huafu Textile Co., Ltd.');
    expect(top('合盛硅业(鄯善)有限公司')).toMatchObject({ entityName: HOSHINE, decision: 'MATCH' });
    // the parent's short name, without the listed firm's place: found, but at most POSSIBLE
    expect(top('合盛硅业')).toMatchObject({ entityName: HOSHINE, matchedNameKind: 'ALIAS', decision: 'POSSIBLE' });
    expect(top('合盛硅业').reason).toContain('query does not name Shanshan');
    expect(top('珠海奔图电子有限公司')).toMatchObject({ entityName: 'Zhuhai Pantum Electronics Co. Ltd.', matchedNameKind: 'LOCAL_NAME' });
    expect(top('Xinjiang Joinworld Co Ltd')).toMatchObject({ entityName: 'Xinjiang Zhonghe Co., Ltd.', matchedNameKind: 'ALIAS' });
    expect(top('Xinjiang GCL New Energy Material Technology Co., Ltd.')).toMatchObject({
      entityName: 'Xinjiang Goens Energy Technology Co., Ltd.',
      matchedNameKind: 'FORMER_NAME',
    });
    expect(top('Qiaqia Food Co., Ltd.').entityName).toBe('Chacha Food Company, Limited');
  });

  it('prefers the listed entity whose place agrees', () => {
    expect(top('Awati Huafu Textile Co').entityName).toBe('Awati Huafu Textile Co., Ltd.');
    expect(top('Ninghai Huafu Textile').entityName).toBe('Ninghai Huafu Textile Co., Ltd.');
    expect(top('Xinjiang Aksu Huafu Color Spinning').entityName).toBe('Aksu Huafu Color Spinning Co., Ltd.');
  });

  it('does not decide MATCH on firms that only share a word with a listed name', () => {
    for (const name of [
      'Guangdong Camel Apparel Co., Ltd.',
      'Daqo Group Co., Ltd.',
      'Zhongtai Securities Co., Ltd.',
      'Youngor Group Co., Ltd.',
    ]) {
      expect(matcher.screen(name).every((c) => c.decision !== 'MATCH')).toBe(true);
    }
    for (const name of [
      'Xinjiang Tianshan Cement Co., Ltd.',
      'Tongwei Co., Ltd.',
      'Texhong Textile Group Limited',
      'Xinjiang Textile Co., Ltd.',
    ]) {
      expect(matcher.screen(name)).toEqual([]);
    }
  });

  it('lowers but does not drop a candidate when the country is outside the entry’s', () => {
    const home = top(HOSHINE, 'CN');
    const abroad = top(HOSHINE, 'US');
    expect(abroad.entityName).toBe(HOSHINE);
    expect(abroad.score).toBeLessThan(home.score);
    expect(abroad.score).toBeGreaterThanOrEqual(DEFAULT_SCREENING_CONFIG.possibleThreshold);
    expect(abroad.reason).toContain('US');
    expect(top(HOSHINE, 'HK').score).toBe(home.score);
    expect(top(HOSHINE, 'China').score).toBe(home.score);
  });

  it('keeps a foreign firm at POSSIBLE only when its name alone would be decided MATCH', () => {
    const cfg = DEFAULT_SCREENING_CONFIG;
    // Over the whole list: each listed name, and the same name cut to its first distinctive word
    // ("Camel", "Apex"), screened at home and abroad.
    for (const e of list.entries.slice(0, 60)) {
      const home = matcher.screen(e.name, { country: 'CN', minScore: 0 })[0];
      const abroad = matcher.screen(e.name, { country: 'DE', minScore: 0 }).find((c) => c.entityName === home.entityName);
      if (home.score >= cfg.matchThreshold) expect(abroad?.decision).toBe('POSSIBLE');
    }
    // A name that is only POSSIBLE at home is lowered by the full penalty abroad, with no floor.
    const weak = matcher.screen('Camel Outdoor', { country: 'CN', minScore: 0 })[0];
    expect(weak.decision).toBe('POSSIBLE');
    expect(weak.score).toBeLessThan(cfg.matchThreshold);
    const weakAbroad = matcher.screen('Camel Outdoor', { country: 'DE', minScore: 0 }).find((c) => c.entityName === weak.entityName)!;
    expect(weakAbroad.score).toBeCloseTo(weak.score * (1 - cfg.foreignCountryPenalty), 3);
    expect(weakAbroad.score).toBeLessThan(cfg.possibleThreshold);
    expect(matcher.screen('Camel Outdoor', { country: 'DE' })).toEqual([]);
    expect(weakAbroad.reason).toContain('country DE is outside');
  });

  it('returns at most limit candidates, best first, all at or above the POSSIBLE threshold', () => {
    const r = matcher.screen('Huafu Textile', { limit: 3 });
    expect(r.length).toBeGreaterThan(0);
    expect(r.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < r.length; i++) expect(r[i - 1].score).toBeGreaterThanOrEqual(r[i].score);
    for (const c of r) expect(c.score).toBeGreaterThanOrEqual(DEFAULT_SCREENING_CONFIG.possibleThreshold);
    expect(matcher.screen('', {})).toEqual([]);
    expect(matcher.screen('Co., Ltd.')).toEqual([]);
  });
});

describe('buildEntityMatcher on a small list', () => {
  const list = smallList([
    listEntry('Xinjiang Example Textile Co., Ltd.', { aliases: ['Example Yarn'], localNames: ['新疆伊克森纺织有限公司'] }),
    listEntry('Qingdao Sample Food Co., Ltd.', { formerNames: ['Qingdao Specimen Trading Co., Ltd.'] }),
  ]);

  it('uses the thresholds it is given', () => {
    const strict = buildEntityMatcher(list, { matchThreshold: 1, possibleThreshold: 0.97 });
    expect(strict.screen('Xinjiang Example Textile Company Limited')[0].decision).toBe('MATCH');
    expect(strict.screen('Example Textile')).toEqual([]);
    const loose = buildEntityMatcher(list, { matchThreshold: 0.99, possibleThreshold: 0.5 });
    expect(loose.screen('Example Textile')[0]).toMatchObject({ entityName: 'Xinjiang Example Textile Co., Ltd.', decision: 'POSSIBLE' });
  });

  it('scores a rejoined or split trade name like the listed one', () => {
    const m = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
    expect(m.screen('Qingdao Sam Ple Food')[0].entityName).toBe('Qingdao Sample Food Co., Ltd.');
    expect(m.screen('Qingdao Specimen Trading')[0].matchedNameKind).toBe('FORMER_NAME');
  });
});

describe('loadScreeningConfig', () => {
  it('reads thresholds from the environment', () => {
    expect(loadScreeningConfig({})).toEqual(DEFAULT_SCREENING_CONFIG);
    expect(loadScreeningConfig({ SCREEN_MATCH_THRESHOLD: '0.95', SCREEN_POSSIBLE_THRESHOLD: '0.6' })).toMatchObject({
      matchThreshold: 0.95,
      possibleThreshold: 0.6,
    });
  });
  it('rejects values outside (0, 1] and POSSIBLE above MATCH', () => {
    expect(() => loadScreeningConfig({ SCREEN_MATCH_THRESHOLD: '1.5' })).toThrow(/SCREEN_MATCH_THRESHOLD/);
    expect(() => loadScreeningConfig({ SCREEN_POSSIBLE_THRESHOLD: 'high' })).toThrow(/SCREEN_POSSIBLE_THRESHOLD/);
    expect(() => loadScreeningConfig({ SCREEN_MATCH_THRESHOLD: '0.7', SCREEN_POSSIBLE_THRESHOLD: '0.8' })).toThrow(/must not exceed/);
  });
});
