// A name field that gives the firm's other names ("Golden Sun Trading Co., Ltd. (formerly Xinjiang
// Zhongtai Chemical Co., Ltd.)", "… f/k/a …", "… d/b/a …", "(now …)", "原名…") is screened name by
// name as well: a listed firm renamed, or trading under another name, is still the listed firm.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { akaNames } from '../../../src/screening/matcher/akaNames';
import { unlistedFirmNames } from '../../fixtures/unlistedNames';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const decisionFor = (name: string, key: string) => matcher.screen(name).find((c) => c.entryKey === key)?.decision;

const OTHER = 'Golden Sun Trading Co., Ltd.';
const WAYS: ((listed: string) => string)[] = [
  (n) => `${OTHER} (formerly ${n})`,
  (n) => `${OTHER} f/k/a ${n}`,
  (n) => `${OTHER} d/b/a ${n}`,
  (n) => `${n} (now ${OTHER})`,
  (n) => `${OTHER}, formerly known as ${n}`,
  // two firms in one field, a joint shipper or either of two
  (n) => `${OTHER} / ${n}`,
  (n) => `${OTHER} & ${n}`,
];

describe("a name field that gives the firm's other names", () => {
  it('splits at formerly, f/k/a, d/b/a, aka, (now …) and 原名 ("now" only in brackets), and between two names with legal forms', () => {
    expect(akaNames(`${OTHER} (formerly Xinjiang Zhongtai Chemical Co., Ltd.)`)).toEqual([OTHER, 'Xinjiang Zhongtai Chemical Co., Ltd.']);
    expect(akaNames('金太阳贸易有限公司（原名：新疆中泰化学股份有限公司）')).toEqual(['金太阳贸易有限公司', '新疆中泰化学股份有限公司']);
    expect(akaNames(`${OTHER}; Xinjiang Zhongtai Chemical Co., Ltd.`)).toEqual([OTHER, 'Xinjiang Zhongtai Chemical Co., Ltd.']);
    for (const one of [
      'Right Now Trading',
      'Nowak Trading',
      'Akame Co',
      'Snow Tech',
      'Tata Motors',
      'Smith & Wesson Ltd',
      'Imp/Exp Co., Ltd.',
    ])
      expect(akaNames(one)).toBeNull();
  });

  const listed = list.entries.flatMap((e) =>
    [e.name, ...e.aliases].filter((n) => !/\p{Script=Han}/u.test(n)).map((name) => ({ key: e.key, name })),
  );
  it(`decides MATCH for a listed name given as the firm's former, trade or new name wherever it does alone (${listed.length} names)`, () => {
    const missed: string[] = [];
    let cases = 0;
    for (const { key, name } of listed) {
      if (decisionFor(name, key) !== 'MATCH') continue;
      for (const way of WAYS) {
        cases++;
        if (decisionFor(way(name), key) !== 'MATCH') missed.push(way(name));
      }
    }
    expect(cases).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
    // in Chinese
    const zh = matcher.screen('金太阳贸易有限公司（原名：新疆中泰化学股份有限公司）')[0];
    expect(zh).toMatchObject({ decision: 'MATCH', entityName: 'Xinjiang Zhongtai Chemical Co. Ltd.' });
    // the reason names the reading
    expect(zh.reason).toContain('read as one of the names the field gives: "新疆中泰化学股份有限公司"');
  });

  it('finds nothing new in unlisted names given with another unlisted name', () => {
    const names = unlistedFirmNames('aka').slice(0, 2000);
    const found: string[] = [];
    for (let i = 0; i + 1 < names.length; i += 2) {
      const q = `${names[i]} (formerly ${names[i + 1]})`;
      const alone = new Set([...matcher.screen(names[i]), ...matcher.screen(names[i + 1])].map((c) => c.entryKey));
      for (const c of matcher.screen(q)) if (!alone.has(c.entryKey)) found.push(`${q} => ${c.entityName}`);
    }
    expect(found).toEqual([]);
  });
});
