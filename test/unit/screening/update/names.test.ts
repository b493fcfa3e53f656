import { parseDate } from '../../../../src/screening/update/dates';
import { splitDhsName, splitNameList, classifyAlias } from '../../../../src/screening/update/names';
import { findSection } from '../../../../src/screening/update/sections';

// Cells as they appear on the DHS page (copy of 9 Jul 2026) and what they split into.
const CASES: [string, { name: string; aliases?: string[]; formerNames?: string[]; scope?: string | null }][] = [
  ['Baoding LYSZD Trade and Business Co., Ltd.', { name: 'Baoding LYSZD Trade and Business Co., Ltd.' }],
  [
    'Hetian Haolin Hair Accessories Co. Ltd. (and two aliases: Hotan Haolin Hair Accessories; and Hollin Hair Accessories)',
    { name: 'Hetian Haolin Hair Accessories Co. Ltd.', aliases: ['Hotan Haolin Hair Accessories', 'Hollin Hair Accessories'] },
  ],
  [
    'Hetian Taida Apparel Co., Ltd (and one alias: Hetian TEDA Garment)',
    { name: 'Hetian Taida Apparel Co., Ltd', aliases: ['Hetian TEDA Garment'] },
  ],
  [
    'Hoshine Silicon Industry (Shanshan) Co., Ltd (including one alias: Hesheng Silicon Industry (Shanshan) Co.) and subsidiaries',
    {
      name: 'Hoshine Silicon Industry (Shanshan) Co., Ltd',
      aliases: ['Hesheng Silicon Industry (Shanshan) Co.'],
      scope: 'and subsidiaries',
    },
  ],
  [
    'Hoshine Silicon Industry (Shanshan) Co., Ltd., and Subsidiaries',
    { name: 'Hoshine Silicon Industry (Shanshan) Co., Ltd.', scope: 'and subsidiaries' },
  ],
  [
    'Xinjiang Production and Construction Corps (including three aliases: XPCC; Xinjiang Corps; and Bingtuan) and its subordinate and affiliated entities',
    {
      name: 'Xinjiang Production and Construction Corps',
      aliases: ['XPCC', 'Xinjiang Corps', 'Bingtuan'],
      scope: 'and its subordinate and affiliated entities',
    },
  ],
  [
    'Xinjiang Production and Construction Corps (XPCC) and its subordinate and affiliated entities',
    { name: 'Xinjiang Production and Construction Corps (XPCC)', scope: 'and its subordinate and affiliated entities' },
  ],
  ['No. 4 Vocation Skills Education Training Center (VSETC)', { name: 'No. 4 Vocation Skills Education Training Center (VSETC)' }],
  ['Kashgar Construction Engineering (Group) Co., Ltd.', { name: 'Kashgar Construction Engineering (Group) Co., Ltd.' }],
  [
    'China Cotton Group Henan Logistics Park Co., Ltd., Xinye Branch',
    { name: 'China Cotton Group Henan Logistics Park Co., Ltd., Xinye Branch' },
  ],
  [
    'Anhui Xinya New Materials Co., Ltd. (formerly known as Chaohu Youngor Color Spinning Technology Co., Ltd.; and Chaohu Xinya Color Spinning Technology Co., Ltd.)',
    {
      name: 'Anhui Xinya New Materials Co., Ltd.',
      formerNames: ['Chaohu Youngor Color Spinning Technology Co., Ltd.', 'Chaohu Xinya Color Spinning Technology Co., Ltd.'],
    },
  ],
  [
    'Sichuan Jingweida Technology Group Co., Ltd. (also known as Sichuan Mianyang Jingweida Technology Co., Ltd. and JWD Technology; and formerly known as Mianyang High-tech Zone Jingweida Technology Co., Ltd.)',
    {
      name: 'Sichuan Jingweida Technology Group Co., Ltd.',
      aliases: ['Sichuan Mianyang Jingweida Technology Co., Ltd.', 'JWD Technology'],
      formerNames: ['Mianyang High-tech Zone Jingweida Technology Co., Ltd.'],
    },
  ],
  [
    'Tanyuan Technology Co. Ltd. (including five aliases: Carbon Yuan Technology; Changzhou Carbon Yuan Technology Development; Carbon Element Technology; Jiangsu Carbon Element Technology; and Tanyuan Technology Development)',
    {
      name: 'Tanyuan Technology Co. Ltd.',
      aliases: [
        'Carbon Yuan Technology',
        'Changzhou Carbon Yuan Technology Development',
        'Carbon Element Technology',
        'Jiangsu Carbon Element Technology',
        'Tanyuan Technology Development',
      ],
    },
  ],
  [
    'Changzhou Guanghui Food Ingredients Co., Ltd. (also known as GSweet; Changzhou Guanghui Food Additive Co., Ltd.; and Changzhou Guanghui Food Technology Co., Ltd.; and formerly known as Changzhou Guanghui Biotechnology Co., Ltd.)',
    {
      name: 'Changzhou Guanghui Food Ingredients Co., Ltd.',
      aliases: ['GSweet', 'Changzhou Guanghui Food Additive Co., Ltd.', 'Changzhou Guanghui Food Technology Co., Ltd.'],
      formerNames: ['Changzhou Guanghui Biotechnology Co., Ltd.'],
    },
  ],
  [
    'Hongyuan Green Energy Co., Ltd. (also known as HY Solar; and Hoyuan Green Energy Co. Ltd. and formerly known as Wuxi Shangji CNC Co., Ltd.; Wuxi Shangji Automation Co., Ltd.; and Wuxi Shangji Grinding Machine Co., Ltd.)',
    {
      name: 'Hongyuan Green Energy Co., Ltd.',
      aliases: ['HY Solar', 'Hoyuan Green Energy Co. Ltd.'],
      formerNames: ['Wuxi Shangji CNC Co., Ltd.', 'Wuxi Shangji Automation Co., Ltd.', 'Wuxi Shangji Grinding Machine Co., Ltd.'],
    },
  ],
  [
    'Jiangsu Meike Solar Technology Co., Ltd. (also known as Meike Co. and formerly known as Jiangsu Gaozhao New Energy Development Co., Ltd.)',
    {
      name: 'Jiangsu Meike Solar Technology Co., Ltd.',
      aliases: ['Meike Co.'],
      formerNames: ['Jiangsu Gaozhao New Energy Development Co., Ltd.'],
    },
  ],
  [
    'Inner Mongolia Xuanda Food Co., Ltd. (also known as Xuanda Food; and formerly known as Wuyuan County Xuanda Cereals, Oils and Foods Co., Ltd.)',
    {
      name: 'Inner Mongolia Xuanda Food Co., Ltd.',
      aliases: ['Xuanda Food'],
      formerNames: ['Wuyuan County Xuanda Cereals, Oils and Foods Co., Ltd.'],
    },
  ],
  [
    'Jiangyin Lianyun Co. Ltd. (also known as Jiangyin Intermodal Transport Co. and Jiangyin United Transport Co.)',
    { name: 'Jiangyin Lianyun Co. Ltd.', aliases: ['Jiangyin Intermodal Transport Co.', 'Jiangyin United Transport Co.'] },
  ],
  [
    'Baowu Group Xinjiang Bayi Iron and Steel Co., Ltd. (also known as Xinjiang Bayi Iron and Steel Co. Ltd.; Baosteel Group Xinjiang Bayi Iron and Steel Co., Ltd.; and Bayi Iron and Steel)',
    {
      name: 'Baowu Group Xinjiang Bayi Iron and Steel Co., Ltd.',
      aliases: ['Xinjiang Bayi Iron and Steel Co. Ltd.', 'Baosteel Group Xinjiang Bayi Iron and Steel Co., Ltd.', 'Bayi Iron and Steel'],
    },
  ],
  [
    'Heze Cotton and Linen Economic and Trade Development Corporation (also known as Heze Cotton and Linen Trading Development General Company)',
    {
      name: 'Heze Cotton and Linen Economic and Trade Development Corporation',
      aliases: ['Heze Cotton and Linen Trading Development General Company'],
    },
  ],
  [
    'The TNN Development Limited (also known as Dehui (Dalian) International Trade Co., Ltd.)',
    { name: 'The TNN Development Limited', aliases: ['Dehui (Dalian) International Trade Co., Ltd.'] },
  ],
  [
    "Huangmei Xiaochi Yinfeng Cotton (formerly known as Hubei Provincial Cotton Corporation's Xiaochi Transfer Reserve)",
    { name: 'Huangmei Xiaochi Yinfeng Cotton', formerNames: ["Hubei Provincial Cotton Corporation's Xiaochi Transfer Reserve"] },
  ],
  [
    'Nanjing Synergy Textiles Co., Ltd. (including two aliases: Nanjing Xinyi Cotton Textile Printing and Dyeing; and Nanjing Xinyi Cotton Textile)',
    {
      name: 'Nanjing Synergy Textiles Co., Ltd.',
      aliases: ['Nanjing Xinyi Cotton Textile Printing and Dyeing', 'Nanjing Xinyi Cotton Textile'],
    },
  ],
];

describe('splitDhsName: DHS name cells into name, aliases, former names and scope', () => {
  it.each(CASES)('%s', (cell, want) => {
    const got = splitDhsName(cell);
    expect(got.name).toBe(want.name);
    expect(got.aliases).toEqual(want.aliases ?? []);
    expect(got.formerNames).toEqual(want.formerNames ?? []);
    expect(got.scope).toBe(want.scope ?? null);
    expect(got.coversSubsidiaries).toBe(!!want.scope);
  });

  it('takes Chinese names out of a parenthetical into localNames', () => {
    const got = splitDhsName('Hoshine Silicon Industry (Shanshan) Co., Ltd (合盛硅业(鄯善)有限公司) and subsidiaries');
    expect(got.name).toBe('Hoshine Silicon Industry (Shanshan) Co., Ltd');
    expect(got.localNames).toEqual(['合盛硅业(鄯善)有限公司']);
    expect(got.coversSubsidiaries).toBe(true);
    const alias = splitDhsName('Xinjiang Production and Construction Corps (also known as XPCC; and 新疆生产建设兵团)');
    expect(alias.aliases).toEqual(['XPCC']);
    expect(alias.localNames).toEqual(['新疆生产建设兵团']);
  });

  it('reads alias markers written without parentheses and named subsidiaries', () => {
    expect(splitDhsName('Example Textile Co., Ltd., also known as Example Spinning Co.')).toMatchObject({
      name: 'Example Textile Co., Ltd.',
      aliases: ['Example Spinning Co.'],
    });
    const subs = splitDhsName('Example Holding Group Co., Ltd. and its subsidiary Example Cotton Co., Ltd.');
    expect(subs).toMatchObject({
      name: 'Example Holding Group Co., Ltd.',
      coversSubsidiaries: true,
      namedSubsidiaries: ['Example Cotton Co., Ltd.'],
    });
    expect(subs.scope).toBe('and its subsidiary');
  });
});

describe('name lists and alias values', () => {
  it('splits "A; B; and C" and uses the stated count to split "A and B"', () => {
    expect(splitNameList('Alpha Co.; Beta; and Gamma Ltd.')).toEqual(['Alpha Co.', 'Beta', 'Gamma Ltd.']);
    expect(splitNameList('Cotton and Linen Trading')).toEqual(['Cotton and Linen Trading']);
    expect(splitNameList('Alpha Textile and Beta Textile', 2)).toEqual(['Alpha Textile', 'Beta Textile']);
  });
  it('classifies OpenSanctions alias values that kept the DHS marker', () => {
    expect(classifyAlias('formerly known as Hefei Meiling Co. Ltd.')).toEqual({ kind: 'former', name: 'Hefei Meiling Co. Ltd.' });
    expect(classifyAlias('and also known as JWD Technology')).toEqual({ kind: 'alias', name: 'JWD Technology' });
    expect(classifyAlias('新疆大全新能源股份有限公司')).toEqual({ kind: 'local', name: '新疆大全新能源股份有限公司' });
    expect(classifyAlias('  ')).toBeNull();
  });
});

describe('dates and sections', () => {
  it.each([
    ['June 21, 2022', '2022-06-21'],
    ['Jun. 21, 2022', '2022-06-21'],
    ['September 27, 2023', '2023-09-27'],
    ['Sept 27, 2023', '2023-09-27'],
    ['21 June 2022', '2022-06-21'],
    ['2022-06-21', '2022-06-21'],
    ['2023-10-11T12:05:31', '2023-10-11'],
    ['6/21/2022', '2022-06-21'],
    ['  August\u00a09,\u00a02024 ', '2024-08-09'],
  ])('parseDate(%j) = %s', (text, iso) => expect(parseDate(text)).toBe(iso));
  it.each(['', 'soon', 'February 30, 2024', 'Juni 21, 2022', '13/01/2024'])('parseDate(%j) is null', (t) =>
    expect(parseDate(t)).toBeNull(),
  );
  it('finds the statutory section however it is spaced', () => {
    expect(findSection('… forced labor Section 2(d)(2)(B)(i)')).toBe('2(d)(2)(B)(i)');
    expect(findSection('Sec. 2 (d) (2) (B) (iv) and then Section 2(d)(2)(B)(v)')).toBe('2(d)(2)(B)(v)');
    expect(findSection('sections (i) and (ii) above')).toBeNull();
  });
});
