// A firm's name ends at its legal form: an address, a branch, an attention line or a forwarder
// it is in care of written after it ("… Co., Ltd., No. 78 Hongshan Road, Urumqi") no longer
// dilutes a listed firm's name to POSSIBLE.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { nameUpToLegalForm } from '../../../src/screening/matcher/nameEnd';
import { unlistedFirmNames } from '../../fixtures/unlistedNames';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const decisionFor = (name: string, key: string) => matcher.screen(name).find((c) => c.entryKey === key)?.decision;

const AFTER: ((name: string) => string)[] = [
  (n) => `${n}, No. 78 Hongshan Road, Urumqi, Xinjiang 830000`,
  (n) => `${n} - Industrial Park Phase II, Building 3`,
  (n) => `${n.toUpperCase()} C/O SHANGHAI FORWARDING LTD`,
  (n) => `${n} Fukang Branch`,
  (n) => `${n}; Attn: Purchasing Department`,
];

describe('a name up to its legal form', () => {
  it('cuts after the first legal form when more follows that is no other firm', () => {
    expect(nameUpToLegalForm('Xinjiang Zhongtai Chemical Co., Ltd., No. 78 Hongshan Road, Urumqi')).toBe(
      'Xinjiang Zhongtai Chemical Co., Ltd.',
    );
    expect(nameUpToLegalForm('XINJIANG ZHONGTAI CHEMICAL CO LTD C/O SHANGHAI FORWARDING LTD')).toBe('XINJIANG ZHONGTAI CHEMICAL CO LTD');
    expect(nameUpToLegalForm('新疆中泰化学股份有限公司阜康能源分公司')).toBe('新疆中泰化学股份有限公司');
    // nothing follows, only a legal form leads, or another firm follows
    expect(nameUpToLegalForm('Xinjiang Zhongtai Chemical Co., Ltd.')).toBeNull();
    expect(nameUpToLegalForm('Limited Brands Inc')).toBeNull();
    expect(nameUpToLegalForm('Golden Field Co., Ltd. Shanghai Trading Co., Ltd.')).toBeNull();
    expect(matcher.screen('Xinjiang Zhongtai Chemical Co., Ltd., No. 78 Hongshan Road, Urumqi')[0].reason).toContain(
      'read up to its legal form: "Xinjiang Zhongtai Chemical Co., Ltd."',
    );
  });

  const withForm = list.entries.flatMap((e) =>
    [e.name, ...e.aliases, ...e.localNames].filter((n) => nameUpToLegalForm(`${n}, Urumqi`) === n).map((name) => ({ key: e.key, name })),
  );
  it(`decides MATCH for a listed name followed by an address, a branch or a forwarder wherever the name alone does (${withForm.length} names)`, () => {
    const missed: string[] = [];
    let cases = 0;
    for (const { key, name } of withForm) {
      if (decisionFor(name, key) !== 'MATCH') continue;
      for (const after of AFTER) {
        cases++;
        if (decisionFor(after(name), key) !== 'MATCH') missed.push(after(name));
      }
    }
    expect(cases).toBeGreaterThan(300);
    expect(missed).toEqual([]);
  });

  it('finds nothing new in unlisted names followed by an address', () => {
    const found: string[] = [];
    for (const name of unlistedFirmNames('nameEnd').slice(0, 3000)) {
      const alone = new Set(matcher.screen(name).map((c) => c.entryKey));
      const q = `${name}, No. 78 Hongshan Road, Urumqi, Xinjiang 830000`;
      for (const c of matcher.screen(q)) if (!alone.has(c.entryKey) && c.decision === 'MATCH') found.push(`${q} => ${c.entityName}`);
    }
    expect(found).toEqual([]);
  });
});
