// A name written in Chinese characters and Latin letters at once ("新疆中泰化学股份有限公司
// (Xinjiang Zhongtai Chemical Co., Ltd.)") is screened in each script as well: whole, each half
// was extra words to the other and a listed firm scored POSSIBLE where either half is a MATCH.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { scriptParts } from '../../../src/screening/matcher/scriptParts';
import { unlistedFirmNames } from '../../fixtures/unlistedNames';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const decisionFor = (name: string, key: string) => matcher.screen(name).find((c) => c.entryKey === key)?.decision;

describe('names in two scripts', () => {
  it('splits a name into its Chinese and Latin halves, only when it has both', () => {
    expect(scriptParts('新疆中泰化学股份有限公司 (Xinjiang Zhongtai Chemical Co., Ltd.)')).toEqual([
      '新疆中泰化学股份有限公司',
      '(Xinjiang Zhongtai Chemical Co., Ltd.)',
    ]);
    expect(scriptParts('合盛硅业(鄯善)有限公司 Hoshine Silicon Industry (Shanshan) Co., Ltd')).toEqual([
      '合盛硅业(鄯善)有限公司',
      'Hoshine Silicon Industry (Shanshan) Co., Ltd',
    ]);
    expect(scriptParts('Xinjiang Zhongtai Chemical Co., Ltd.')).toBeNull();
    expect(scriptParts('新疆中泰化学股份有限公司')).toBeNull();
    expect(scriptParts('新 Zhongtai')).toBeNull();
    expect(matcher.screen('新疆中泰化学股份有限公司 (Xinjiang Zhongtai Chemical Co., Ltd.)')[0].reason).toContain('read in one script: ');
  });

  const pairs = list.entries.flatMap((e) => e.localNames.map((zh) => ({ key: e.key, zh, latin: e.name })));
  it(`decides MATCH for a listed firm's Chinese and English names written together wherever each alone does (${pairs.length} entries, both orders)`, () => {
    const missed: string[] = [];
    let cases = 0;
    for (const { key, zh, latin } of pairs) {
      if (decisionFor(zh, key) !== 'MATCH' || decisionFor(latin, key) !== 'MATCH') continue;
      for (const both of [`${zh} (${latin})`, `${latin} ${zh}`, `${latin} / ${zh}`]) {
        cases++;
        if (decisionFor(both, key) !== 'MATCH') missed.push(both);
      }
    }
    expect(cases).toBeGreaterThan(30);
    expect(missed).toEqual([]);
  });

  it('finds nothing new in unlisted names written with a Chinese name beside them', () => {
    const names = unlistedFirmNames('bilingual').slice(0, 2000);
    const found: string[] = [];
    for (const name of names) {
      const both = `上海金田贸易有限公司 (${name})`;
      const alone = new Set(matcher.screen(name).map((c) => c.entryKey));
      for (const c of matcher.screen(both)) if (!alone.has(c.entryKey)) found.push(`${both} => ${c.entityName}`);
    }
    expect(found).toEqual([]);
  });
});
