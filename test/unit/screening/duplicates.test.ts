import {
  blockingKeys,
  FirmForPairing,
  FirmProfile,
  foldRegistration,
  MAX_BLOCK,
  pairId,
  pairsInBlocks,
  pairVerdict,
  profileOf,
} from '../../../src/screening/duplicates';

const firm = (id: string, name: string, more: Partial<FirmForPairing> = {}): FirmProfile => profileOf({ id, name, ...more });
const verdict = (a: FirmProfile, b: FirmProfile) => pairVerdict(a, b);

describe('duplicate firms: same registration id', () => {
  it('pairs two firms with one registration id, whatever their names, written with spaces, dashes or case', () => {
    const a = firm('A', 'Hoshine Silicon Ind. (Shanshan)', { registrationId: '91650421MA775LXC4B', country: 'CN' });
    const b = firm('B', 'Shanshan Hesheng Guiye', { registrationId: '91 6504-21ma775lxc4b', country: 'cn' });
    expect(verdict(a, b)).toMatchObject({ basis: 'REGISTRATION_ID', firmIds: ['A', 'B'] });
    expect(verdict(a, b)!.reason).toContain('same registration id 91650421MA775LXC4B');
  });

  it('does not pair on a placeholder id or across countries', () => {
    for (const placeholder of ['N/A', '0000000', '-', 'unknown', '123']) expect(foldRegistration(placeholder)).toBeNull();
    const a = firm('A', 'Alpha Trading', { registrationId: 'N/A' });
    const b = firm('B', 'Beta Cotton', { registrationId: 'n/a' });
    expect(verdict(a, b)).toBeNull();
    const cn = firm('C', 'Alpha Trading', { registrationId: 'REG-2020-001', country: 'CN' });
    const vn = firm('D', 'Beta Trading', { registrationId: 'REG-2020-001', country: 'VN' });
    expect(verdict(cn, vn)).toBeNull();
  });
});

describe('duplicate firms: names the screening normaliser reads alike', () => {
  const cases: [string, string, Partial<FirmForPairing>?, Partial<FirmForPairing>?][] = [
    // Chinese and its pinyin, legal forms dropped, business words mapped (时尚 = fashion)
    ['Huafu Fashion Co., Ltd.', '华孚时尚股份有限公司'],
    // traditional and simplified characters
    ['華孚時尚股份有限公司', '华孚时尚有限公司'],
    // abbreviations and legal forms
    ['Hoshine Silicon Ind. (Shanshan)', 'Hoshine Silicon Industry (Shanshan) Co., Ltd.'],
    // the Chinese name as one firm's local name, the other's only name; full-width parentheses
    ['Hoshine Silicon Industry (Shanshan) Co., Ltd.', '合盛硅业（鄯善）有限公司', { localName: '合盛硅业(鄯善)有限公司' }],
    // pinyin syllables written apart
    ['Xinjiang He Sheng Cotton Industry Co', '新疆合盛棉业有限公司'],
  ];
  it.each(cases)('pairs "%s" with "%s"', (x, y, mx = {}, my = {}) => {
    const v = verdict(firm('A', x, { country: 'CN', ...mx }), firm('B', y, { country: 'CN', ...my }));
    expect(v).toMatchObject({ basis: 'NAME', firmIds: ['A', 'B'] });
  });

  it('names the names that agreed and the places, in id order whichever way round', () => {
    const v = verdict(firm('B', 'Hoshine Silicon Industry (Shanshan) Co., Ltd.'), firm('A', 'Hoshine Silicon Ind. (Shanshan)'));
    expect(v!.reason).toBe(
      'names read alike: "Hoshine Silicon Ind. (Shanshan)" and "Hoshine Silicon Industry (Shanshan) Co., Ltd."; places agree: Shanshan',
    );
  });

  it('lets a place agree with the place around it, as screening does', () => {
    const a = firm('A', 'Xinjiang Hoshine Silicon Industry Co., Ltd.');
    const b = firm('B', 'Hoshine Silicon Industry (Shanshan) Co., Ltd.');
    expect(verdict(a, b)).toMatchObject({ basis: 'NAME' });
    // the city field places a firm whose name gives none
    const c = firm('C', 'Hoshine Silicon Industry Co., Ltd.', { city: 'Shanshan', province: 'Xinjiang' });
    expect(verdict(b, c)).toMatchObject({ basis: 'NAME' });
  });
});

describe('duplicate firms: what rules a pair out', () => {
  it('a conflicting place, in the name or the address fields', () => {
    const shanshan = firm('A', 'Hoshine Silicon Industry (Shanshan) Co., Ltd.');
    expect(verdict(shanshan, firm('B', 'Hoshine Silicon Industry (Luzhou) Co., Ltd.'))).toBeNull();
    // two places of Xinjiang, neither inside the other
    expect(verdict(shanshan, firm('C', 'Hoshine Silicon Industry Co., Ltd.', { city: 'Urumqi' }))).toBeNull();
    expect(verdict(firm('D', 'Guangxi Kelun Pharmaceutical'), firm('E', 'Sichuan Kelun Pharmaceutical'))).toBeNull();
    expect(verdict(firm('F', '华孚时尚', { province: 'Zhejiang' }), firm('G', 'Huafu Fashion', { province: 'Xinjiang' }))).toBeNull();
    // the most specific places decide: two cities of one province conflict
    const changzhou = firm('K', 'Changzhou Boyuan Investment Co., Ltd.', { city: 'Changzhou', province: 'Jiangsu' });
    expect(verdict(changzhou, firm('L', 'Jiangsu Boyuan Investment Co., Ltd.', { city: 'Wuxi', province: 'Jiangsu' }))).toBeNull();
    expect(verdict(changzhou, firm('M', 'Jiangsu Boyuan Investment Co., Ltd.', { province: 'Jiangsu' }))).toMatchObject({ basis: 'NAME' });
    // cities the gazetteer does not know compare as words
    const memphis = firm('H', 'Harbor Carbide Corp.', { country: 'US', city: 'Memphis' });
    expect(verdict(memphis, firm('I', 'Harbor Carbide LLC', { country: 'US', city: 'Houston' }))).toBeNull();
    expect(verdict(memphis, firm('J', 'Harbor Carbide LLC', { country: 'US', city: 'Memphis, TN' }))).toMatchObject({ basis: 'NAME' });
    const haiphong = firm('N', 'Westbrook Import & Export JSC', { country: 'VN', city: 'Hai Phong' });
    expect(verdict(haiphong, firm('O', 'Westbrook Import & Export Co., Ltd.', { country: 'VN', city: 'Ho Chi Minh City' }))).toBeNull();
  });

  it("a place one firm's name gives and the other firm lacks entirely (a subsidiary is not its parent)", () => {
    const parent = firm('A', 'Hoshine Silicon Industry Co., Ltd.');
    const sub = firm('B', 'Hoshine Silicon Industry (Shanshan) Co., Ltd.');
    expect(verdict(parent, sub)).toBeNull();
    expect(verdict(firm('C', 'Daqo New Energy Co'), firm('D', 'Xinjiang Daqo New Energy Co'))).toBeNull();
  });

  it('a different country', () => {
    expect(verdict(firm('A', 'Huafu Fashion Co', { country: 'CN' }), firm('B', '华孚时尚', { country: 'VN' }))).toBeNull();
    // an unknown country is no conflict
    expect(verdict(firm('A', 'Huafu Fashion Co', { country: 'CN' }), firm('B', '华孚时尚'))).toMatchObject({ basis: 'NAME' });
  });

  it.each([
    ['Hoshine Silicon Industry Co', 'Hosine Silicon Industry Co'],
    ['Huafu Fashion Co', 'Huafu Textile Co'],
    ['Zhongtai Chemical Co', 'Zhongtai Chemical Group Co'],
    ['Huafu Trading Co', 'Huafu Industrial Co'],
    ['Golden Cotton Co', 'Golden Cotton Ginning Co'],
    ['Xinjiang Cotton Co', 'Xinjiang Cotton Trading Co'],
  ])('look-alikes that are different firms: "%s" and "%s"', (x, y) => {
    expect(verdict(firm('A', x), firm('B', y))).toBeNull();
  });

  it('names without a trade name of their own never pair by name', () => {
    expect(profileOf({ id: 'A', name: 'Xinjiang Cotton Co., Ltd.' }).nameKeys).toEqual([]);
  });
});

describe('duplicate firms: a shared Entity List entry', () => {
  it('pairs two spellings the list itself ties together, unless places conflict', () => {
    const en = firm('A', 'Hoshine Silicon Ind. (Shanshan)', { listedEntries: ['hoshine-shanshan'] });
    const zh = firm('B', '合盛硅业（鄯善）有限公司', { listedEntries: ['hoshine-shanshan'] });
    expect(verdict(en, zh)).toMatchObject({ basis: 'LISTED_ENTRY' });
    expect(verdict(en, firm('C', 'Hesheng Guiye (Luzhou)', { listedEntries: ['hoshine-shanshan'] }))).toBeNull();
  });
});

describe('duplicate firms: pairs and blocks', () => {
  it('gives one id to a pair in either order, and no id to two different pairs', () => {
    expect(pairId('F-2', 'F-1')).toBe(pairId('F-1', 'F-2'));
    expect(pairId('a|b', 'c')).not.toBe(pairId('a', 'b|c'));
    expect(pairId('a\\', '|b')).not.toBe(pairId('a', '\\|b'));
  });

  it('compares only firms sharing a key, and finds there every pair all-pairs comparison finds', () => {
    const names = [
      'Huafu Fashion Co',
      '华孚时尚股份有限公司',
      'Huafu Textile',
      'Hoshine Silicon (Shanshan)',
      '合盛硅业(鄯善)',
      'Hosine Silicon',
    ];
    const cities = [undefined, 'Aksu', 'Shanshan', 'Luzhou'];
    const regs = [undefined, 'REG-0001', 'REG-0002'];
    const firms: FirmProfile[] = [];
    for (let i = 0; i < 60; i++) {
      firms.push(
        firm(`F${String(i).padStart(2, '0')}`, names[(i * 7) % names.length], {
          city: cities[(i * 5) % cities.length],
          registrationId: regs[(i * 11) % regs.length],
          country: i % 13 === 0 ? 'VN' : 'CN',
        }),
      );
    }
    const byKey = new Map<string, FirmProfile[]>();
    for (const f of firms) for (const k of blockingKeys(f)) byKey.set(k, [...(byKey.get(k) ?? []), f]);
    const blocks = [...byKey.values()].filter((b) => b.length <= MAX_BLOCK);
    const changed = new Set(firms.filter((_, i) => i % 2 === 0).map((f) => f.id));
    const viaBlocks = pairsInBlocks(blocks, changed).map((p) => p.id);
    const allPairs: string[] = [];
    for (let i = 0; i < firms.length; i++)
      for (let j = i + 1; j < firms.length; j++) {
        if (!changed.has(firms[i].id) && !changed.has(firms[j].id)) continue;
        const v = pairVerdict(firms[i], firms[j]);
        if (v) allPairs.push(v.id);
      }
    expect(viaBlocks.length).toBeGreaterThan(5);
    expect(viaBlocks).toEqual([...new Set(allPairs)].sort());
  });

  it('passes over a block too large to say anything (a placeholder id many firms carry)', () => {
    const many = Array.from({ length: MAX_BLOCK + 1 }, (_, i) => firm(`F${i}`, `Firm ${i} Trading`, { registrationId: 'REG-99999' }));
    expect(pairsInBlocks([many], new Set(['F0']))).toEqual([]);
  });

  it('keeps the strongest basis of a pair found in two blocks', () => {
    const a = firm('A', 'Huafu Fashion Co', { registrationId: 'REG-0001' });
    const b = firm('B', '华孚时尚', { registrationId: 'REG-0001' });
    expect(
      pairsInBlocks(
        [
          [a, b],
          [b, a],
        ],
        new Set(['A']),
      ),
    ).toEqual([expect.objectContaining({ basis: 'REGISTRATION_ID' })]);
  });
});
