import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateInXuar } from '../../../../src/trace/rules';
import { XUAR_ADMIN } from '../../../../src/trace/rules/xuarAdmin';

const CN = { country: 'CN' };
const inX = (loc: Parameters<typeof locateInXuar>[0]) => locateInXuar(loc).inXuar;

describe('locateInXuar: spellings that place a site in the XUAR', () => {
  it('matches an English city name and says what matched, with county, prefecture and region', () => {
    const r = locateInXuar({ ...CN, city: 'Shanshan' });
    expect(r).toEqual({
      inXuar: true,
      confidence: 'definite',
      evidence: ['city "Shanshan" is Shanshan County (鄯善县), Turpan, XUAR'],
    });
    expect(r.lookAlike).toBeUndefined();
  });

  it.each([
    ['Urumqi City', 'Urumqi (乌鲁木齐市)'],
    ['Ürümqi', 'Urumqi (乌鲁木齐市)'],
    ['URUMQI', 'Urumqi (乌鲁木齐市)'],
    ['Urumchi', 'Urumqi (乌鲁木齐市)'],
    ['Kashgar Prefecture', 'Kashgar Prefecture (喀什地区)'],
    ['Kaxgar', 'Kashgar Prefecture (喀什地区)'],
    ['Shanshan County', 'Shanshan County (鄯善县)'],
    ['Korla', 'Korla City (库尔勒市)'],
    ['Turfan', 'Turpan (吐鲁番市)'],
    ['Khotan', 'Hotan Prefecture (和田地区)'],
    ['Hotan County', 'Hotan County (和田县)'],
    ['Kuqa', 'Kuqa City (库车市)'],
  ])('English or older romanization: %s', (city, expected) => {
    const r = locateInXuar({ ...CN, city });
    expect(r.inXuar).toBe(true);
    expect(r.evidence[0]).toContain(expected);
    expect(r.evidence[0]).toMatch(/XUAR$/);
  });

  it.each([
    ['Wulumuqi', 'Urumqi (乌鲁木齐市)'],
    ['Wulumuqishi', 'Urumqi (乌鲁木齐市)'],
    ['Wu Lu Mu Qi', 'Urumqi (乌鲁木齐市)'],
    ['Kashi', 'Kashgar Prefecture'],
    ['Tulufan', 'Turpan'],
    ['Akesu', 'Aksu Prefecture'],
    ['Hetian Xian', 'Hotan County (和田县)'],
    ['Shanshanxian', 'Shanshan County (鄯善县)'],
    ['Kuerle', 'Korla City'],
  ])('pinyin: %s', (city, expected) => {
    const r = locateInXuar({ ...CN, city });
    expect(r.inXuar).toBe(true);
    expect(r.evidence[0]).toContain(expected);
  });

  it.each([
    ['Qeshqer', 'Kashgar Prefecture'],
    ['Kumul', 'Hami'],
    ['Ghulja', 'Yining'],
    ['Piqan', 'Shanshan County'],
    ['Karakax', 'Karakax County (墨玉县)'],
    ['Yarkand', 'Yarkant County (莎车县)'],
    ['Maralbexi', 'Maralbexi County'],
    ['Aratürük', 'Yiwu County (伊吾县)'],
    ['Chöchek', '塔城'],
    ['Shixenza', '石河子'],
    ['Yeken', 'Yarkant County (莎车县)'],
    ['Qarasheher', '焉耆'],
    ['Chaqiliq', '若羌'],
    ['Shixo', '乌苏'],
    ["Kökto'qay", '富蕴'],
    ['Tumshuq', '图木舒克'],
    ['Keriye', '于田'],
  ])('Uyghur-derived: %s', (city, expected) => {
    const r = locateInXuar({ ...CN, city });
    expect(r.inXuar).toBe(true);
    expect(r.evidence[0]).toContain(expected);
  });

  it.each([
    ['Shihezi', 'Shihezi City (石河子市), XPCC 8th Division, XUAR'],
    ['Alar', 'Alar City (阿拉尔市), XPCC 1st Division, XUAR'],
    ['Aral', 'Alar City (阿拉尔市), XPCC 1st Division, XUAR'],
    ['Alaer', 'Alar City (阿拉尔市), XPCC 1st Division, XUAR'],
    ['Tumxuk', 'Tumxuk City (图木舒克市), XPCC 3rd Division, XUAR'],
    ['Tumushuke', 'Tumxuk City (图木舒克市), XPCC 3rd Division, XUAR'],
    ['Wujiaqu', 'Wujiaqu City (五家渠市), XPCC 6th Division, XUAR'],
    ['Kokdala', 'Kokdala City (可克达拉市), XPCC 4th Division, XUAR'],
  ])('XPCC division city: %s', (city, expected) => {
    expect(locateInXuar({ ...CN, city }).evidence).toEqual([`city "${city}" is ${expected}`]);
  });

  it.each([
    'Xinjiang',
    'Xinjiang Uygur Aut. Region',
    'Xinjiang Uyghur Autonomous Region',
    'Xinjiang Uighur Autonomous Region',
    'XUAR',
    'Sinkiang',
    'Xinjiang Weiwuer Zizhiqu',
    'Xin Jiang Uygur Autonomous Region',
    'Uyghur Region',
    'Uighur Region',
  ])('the region itself as province: %s', (province) => {
    const r = locateInXuar({ ...CN, province });
    expect(r.inXuar).toBe(true);
    expect(r.evidence).toEqual([`province "${province}" is the Xinjiang Uyghur Autonomous Region (新疆维吾尔自治区)`]);
  });

  it('matches the XPCC by any of its names', () => {
    for (const address of [
      'XPCC 8th Division',
      'Bingtuan Building, Room 5',
      'Xinjiang Production and Construction Corps',
      'Xinjiang Production & Construction Corps',
    ]) {
      const r = locateInXuar({ ...CN, address });
      expect(r.inXuar).toBe(true);
      expect(r.evidence[0]).toContain('Xinjiang Production and Construction Corps (新疆生产建设兵团)');
    }
  });

  it('matches Chinese characters in the address only', () => {
    const r = locateInXuar({ ...CN, address: '新疆维吾尔自治区吐鲁番市鄯善县火车站镇' });
    expect(r.inXuar).toBe(true);
    expect(r.evidence).toEqual([
      'address "新疆维吾尔自治区" is the Xinjiang Uyghur Autonomous Region (新疆维吾尔自治区)',
      'address "吐鲁番市" is Turpan (吐鲁番市), XUAR',
      'address "鄯善县" is Shanshan County (鄯善县), Turpan, XUAR',
    ]);
  });

  it('matches a county in characters without any prefix, and XPCC divisions in characters', () => {
    expect(locateInXuar({ ...CN, address: '鄯善县工业园区' }).evidence).toEqual([
      'address "鄯善县" is Shanshan County (鄯善县), Turpan, XUAR',
    ]);
    expect(inX({ ...CN, address: '新疆生产建设兵团第八师石河子市北泉镇' })).toBe(true);
    expect(inX({ ...CN, address: '兵团第三师图木舒克市' })).toBe(true);
    expect(inX({ ...CN, address: '阿拉尔市' })).toBe(true);
  });

  it('folds traditional characters', () => {
    expect(locateInXuar({ ...CN, address: '烏魯木齊市' }).evidence).toEqual(['address "乌鲁木齐市" is Urumqi (乌鲁木齐市), XUAR']);
    expect(inX({ ...CN, address: '新疆維吾爾自治區和闐' })).toBe(true);
  });

  it('reads the prefecture and county fields as well', () => {
    const r = locateInXuar({ ...CN, prefecture: 'Hotan', county: 'Keriya' });
    expect(r.inXuar).toBe(true);
    expect(r.evidence[0]).toBe('prefecture "Hotan" is Hotan Prefecture (和田地区), XUAR');
    expect(r.evidence[1]).toContain('county "Keriya" is Keriya County (于田县), Hotan, XUAR');
  });

  it('gives one evidence line per place, from the first field that names it', () => {
    const r = locateInXuar({
      country: 'CN',
      province: 'Xinjiang',
      city: 'Aksu',
      address: '新疆阿克苏地区阿克苏市团结路18号 (No. 18 Tuanjie Road, Aksu City, Xinjiang)',
    });
    expect(r.inXuar).toBe(true);
    expect(r.evidence).toEqual([
      'province "Xinjiang" is the Xinjiang Uyghur Autonomous Region (新疆维吾尔自治区)',
      'city "Aksu" is Aksu Prefecture (阿克苏地区), XUAR',
    ]);
  });

  it('accepts other spellings of China as the country', () => {
    for (const country of ['cn', 'China', "People's Republic of China", 'P.R. China', 'PRC', 'CHN', '中国']) {
      expect(inX({ country, city: 'Korla' })).toBe(true);
    }
  });

  it('finds development zones known for polysilicon and aluminium', () => {
    expect(locateInXuar({ ...CN, address: 'Zhundong Economic-Technological Development Zone' }).evidence[0]).toContain(
      'Zhundong Economic-Technological Development Zone (准东经济技术开发区), Changji, XUAR',
    );
    expect(inX({ ...CN, address: 'Ganquanbao Industrial Park' })).toBe(true);
  });
});

describe('locateInXuar: look-alikes stay out', () => {
  it('Xinjiang County (新绛县) in Shanxi, written in English', () => {
    const r = locateInXuar({ ...CN, city: 'Xinjiang County, Yuncheng, Shanxi' });
    expect(r.inXuar).toBe(false);
    expect(r.confidence).toBe('none');
    expect(r.lookAlike).toBe('Xinjiang County (新绛县), Yuncheng, Shanxi province');
    expect(r.evidence[0]).toContain('not the XUAR');
  });

  it('Xinjiang County in every form the demo supplier uses', () => {
    const r = locateInXuar({
      country: 'CN',
      province: 'Shanxi',
      city: 'Xinjiang County',
      address: 'No. 66 Longxing Road, Xinjiang County, Yuncheng, Shanxi 043100',
    });
    expect(r.inXuar).toBe(false);
    expect(r.lookAlike).toContain('新绛县');
    expect(inX({ country: 'CN', province: 'Shanxi', city: 'Xinjiang County', address: '山西省运城市新绛县龙兴路66号' })).toBe(false);
    expect(inX({ ...CN, address: '山西省运城市新绛县' })).toBe(false);
    expect(inX({ ...CN, city: 'Xinjiangxian' })).toBe(false);
    expect(inX({ ...CN, city: 'Xinjiang Xian' })).toBe(false);
    expect(inX({ ...CN, city: 'Xin Jiang County' })).toBe(false);
  });

  it('bare "Xinjiang" with Shanxi or Yuncheng is the county, not the region', () => {
    const r = locateInXuar({ ...CN, province: 'Shanxi', city: 'Xinjiang' });
    expect(r.inXuar).toBe(false);
    expect(r.lookAlike).toContain('新绛县');
    expect(inX({ ...CN, city: 'Xinjiang', address: 'Yuncheng' })).toBe(false);
    expect(inX({ ...CN, city: 'Xinjiang', address: '运城市' })).toBe(false);
  });

  it('Aksu in Kazakhstan (country KZ)', () => {
    const r = locateInXuar({ country: 'KZ', city: 'Aksu', province: 'Pavlodar Region' });
    expect(r.inXuar).toBe(false);
    expect(r.confidence).toBe('none');
    expect(r.lookAlike).toBe('Aksu, Kazakhstan (Pavlodar and Akmola regions)');
    expect(r.evidence[0]).toContain('not China');
  });

  it('Aksu with a Kazakh place beside it, even if the country says CN', () => {
    expect(inX({ country: 'CN', city: 'Aksu', address: 'Pavlodar, Kazakhstan' })).toBe(false);
  });

  it('any XUAR name with a country other than China', () => {
    for (const country of ['US', 'KZ', 'TW', 'HK', 'IN']) {
      const r = locateInXuar({ country, city: 'Urumqi', address: '新疆乌鲁木齐市' });
      expect(r.inXuar).toBe(false);
      expect(r.lookAlike).toBeDefined();
    }
    expect(locateInXuar({ country: 'KZ', city: 'Khorgos' }).lookAlike).toContain('Kazakhstan');
    expect(locateInXuar({ country: 'KZ', city: 'Aral' }).lookAlike).toContain('Kyzylorda');
  });

  it.each([
    [{ province: 'Zhejiang', city: 'Yiwu' }, '义乌'],
    [{ province: 'Hebei', city: 'Qinghe' }, '清河县'],
    [{ province: 'Hebei', city: 'Xinhe' }, '新河县'],
    [{ province: 'Hebei', city: 'Yutian' }, '玉田县'],
    [{ city: 'Yutian County, Tangshan' }, '玉田县'],
    [{ province: 'Guangdong', city: 'Xinxing County' }, '新兴县'],
    [{ province: 'Guangdong', city: 'Xinxing' }, '新兴县'],
    [{ province: 'Sichuan', city: 'Shawan' }, '沙湾区'],
    [{ address: '四川省乐山市沙湾区' }, '沙湾区'],
    [{ province: 'Jilin', city: 'Baicheng' }, '白城'],
    [{ province: 'Guangxi', city: 'Yizhou' }, '宜州'],
    [{ address: '黑龙江省乌苏里镇' }, '乌苏里'],
  ])('same name in another province: %j', (loc, zh) => {
    const r = locateInXuar({ ...CN, ...loc });
    expect(r.inXuar).toBe(false);
    expect(r.lookAlike).toContain(zh);
  });

  it('another province overrides names that also exist elsewhere', () => {
    expect(inX({ ...CN, province: 'Guangdong', city: 'Xinjiang' })).toBe(false);
    expect(inX({ ...CN, province: 'Hebei', city: 'Yutian' })).toBe(false);
    expect(inX({ ...CN, province: 'Chongqing', address: '重庆市双河镇' })).toBe(false);
    expect(inX({ ...CN, address: '北京市朝阳区新疆大厦' })).toBe(false);
    expect(inX({ ...CN, address: '上海市闵行区和硕联合科技' })).toBe(false);
    expect(inX({ ...CN, address: 'Mori Tower, Pudong, Shanghai' })).toBe(false);
  });

  it('a name shared only with places abroad is, in China, found only in the XUAR: kept against another province, with a note', () => {
    // Aksu and Aral are also Kazakh towns; a Chinese site so named with its investor's province is the XUAR one
    for (const city of ['Aksu', 'Aral', 'Khorgos']) {
      const r = locateInXuar({ ...CN, province: 'Guangdong', city });
      expect(r.inXuar).toBe(true);
      expect(r.evidence.join(' ')).toContain('note: province "Guangdong" names another province');
    }
  });

  it('an ambiguous name alone does not decide', () => {
    for (const city of ['Yiwu', 'Beitun', 'Shuanghe', 'Xinxing', 'Baiyang', 'Wenquan', 'Baicheng', 'Qinghe']) {
      const r = locateInXuar({ ...CN, city });
      expect(r.inXuar).toBe(false);
      expect(r.lookAlike).toBeDefined();
    }
    expect(inX({ ...CN, address: '温泉镇' })).toBe(false);
    expect(inX({ ...CN, address: '新星市场' })).toBe(false);
    expect(inX({ ...CN, address: '白杨村' })).toBe(false);
  });

  it('an ambiguous name counts with an XUAR province or prefecture that agrees, or in characters with its suffix', () => {
    const r = locateInXuar({ ...CN, province: 'Xinjiang', city: 'Yiwu' });
    expect(r.inXuar).toBe(true);
    expect(r.evidence[1]).toContain('Yiwu County (伊吾县), Hami, XUAR');
    expect(inX({ ...CN, prefecture: 'Tacheng', city: 'Shawan' })).toBe(true);
    expect(inX({ ...CN, prefecture: 'Altay', city: 'Beitun' })).toBe(true);
    expect(inX({ ...CN, address: '伊吾县' })).toBe(true);
    expect(inX({ ...CN, address: '新星市' })).toBe(true);
    expect(inX({ ...CN, address: '哈密市伊吾县' })).toBe(true);
  });

  it('street names after XUAR places elsewhere in China are not locations', () => {
    const r = locateInXuar({ ...CN, address: '上海市徐汇区乌鲁木齐中路100号' });
    expect(r.inXuar).toBe(false);
    expect(r.lookAlike).toBe('street name "乌鲁木齐中路"');
    expect(inX({ ...CN, address: 'No. 12 Xinjiang Road, Shibei District, Qingdao' })).toBe(false);
    expect(inX({ ...CN, address: '山东省青岛市市北区新疆路8号' })).toBe(false);
    expect(inX({ ...CN, address: "Urumqi Middle Road, Jing'an, Shanghai" })).toBe(false);
    expect(inX({ ...CN, address: 'Wulumuqi Zhonglu, Shanghai' })).toBe(false);
    expect(inX({ ...CN, address: '上海市长宁区伊犁路' })).toBe(false);
    expect(inX({ ...CN, address: '深圳市宝安区福海街道' })).toBe(false);
  });

  it('but a street named after a province does not hide an XUAR city', () => {
    expect(inX({ ...CN, address: 'No. 5 Hubei Road, Urumqi' })).toBe(true);
    expect(inX({ ...CN, address: 'No. 5 Shanxi Road, Xinjiang' })).toBe(true);
    expect(inX({ ...CN, address: 'Xinjiang Road 8, Urumqi' })).toBe(true);
    expect(inX({ ...CN, address: 'Guangdong Industrial Park, Shufu County, Kashgar' })).toBe(true);
    expect(inX({ ...CN, address: '喀什地区疏附县广东工业园' })).toBe(true);
    expect(inX({ ...CN, address: '伊犁河南岸' })).toBe(true);
  });

  it('a name found only in the XUAR wins over a conflicting province, with a note', () => {
    const r = locateInXuar({ ...CN, province: 'Guangdong', city: 'Urumqi' });
    expect(r.inXuar).toBe(true);
    expect(r.evidence).toContain('note: province "Guangdong" names another province, but the names above are found only in the XUAR');
  });

  it('does not match inside longer words', () => {
    for (const city of ['Hamilton', 'Kashima', 'Bolero', 'Aksuat', 'Lopez', 'Ilion', 'Yixing', 'Tianning', 'Shanshui']) {
      expect(inX({ ...CN, city })).toBe(false);
    }
  });

  it('finds nothing in ordinary Chinese addresses elsewhere', () => {
    for (const loc of [
      { province: 'Jiangsu', city: 'Nantong', address: 'No. 9 Yuanfeng Road, Haimen Port New Area, Nantong, Jiangsu' },
      { province: 'Zhejiang', city: 'Shaoxing', address: 'No. 388 Binhai Industrial Zone Road, Keqiao District, Shaoxing, Zhejiang' },
      { province: 'Sichuan', city: 'Leshan', address: 'No. 6 Jinshan Road, Wutongqiao District, Leshan, Sichuan' },
      { province: 'Guangdong', city: 'Guangzhou', address: 'No. 23 Dongjiang Avenue, Huangpu District, Guangzhou, Guangdong' },
      { province: 'Jiangsu', city: 'Changzhou', address: 'No. 15 Qingyang North Road, Tianning District, Changzhou, Jiangsu' },
      { address: '江苏省南通市海门区' },
    ]) {
      expect(locateInXuar({ ...CN, ...loc })).toEqual({ inXuar: false, evidence: [], confidence: 'none' });
    }
  });
});

describe('locateInXuar: a location without a country', () => {
  it('is in the XUAR when Chinese characters name it', () => {
    const r = locateInXuar({ address: '新疆乌鲁木齐市' });
    expect(r.inXuar).toBe(true);
    expect(r.evidence).toContain('country not given: the Chinese characters or region name place it in China');
  });

  it('is in the XUAR when a region-level name appears', () => {
    expect(inX({ province: 'Xinjiang', city: 'Urumqi' })).toBe(true);
    expect(inX({ country: null, address: 'XPCC 1st Division, Alar' })).toBe(true);
  });

  it('is not decided by a romanized city name alone', () => {
    const r = locateInXuar({ city: 'Urumqi' });
    expect(r.inXuar).toBe(false);
    expect(r.evidence[0]).toContain('no country is given');
    expect(inX({ country: '', city: 'Aksu' })).toBe(false);
  });

  it('a country field naming the region itself counts as China', () => {
    expect(inX({ country: 'Xinjiang', city: 'Kashgar' })).toBe(true);
  });

  it('an empty location is not in the XUAR', () => {
    expect(locateInXuar({})).toEqual({ inXuar: false, evidence: [], confidence: 'none' });
    expect(locateInXuar({ country: 'CN', city: null, address: '  ' })).toEqual({ inXuar: false, evidence: [], confidence: 'none' });
  });
});

describe('locateInXuar: the reference data', () => {
  const data = JSON.parse(readFileSync(join(__dirname, '../../../../seed/xuar-places.json'), 'utf8'));
  const places: { zh: string; pinyin?: string; names: string[]; ambiguous?: boolean; note?: string }[] = [
    ...data.prefectureLevel,
    ...data.xpccCities,
    ...data.countyLevel,
    ...(data.otherPlaces ?? []),
  ];

  interface LookAlikeEntry {
    pinyin?: string;
    names?: string[];
    shares?: string[];
    country?: string;
    where: string;
  }
  const fold = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  // the Latin spellings an ambiguous entry's note names, or its pinyin where the note names none
  const sharedSpellings = (p: { pinyin?: string; names: string[]; note?: string }) => {
    const note = ` ${(p.note ?? '').toLowerCase().replace(/[^a-z]+/g, ' ')} `;
    const named = [p.pinyin, ...p.names].filter((n): n is string => !!n && /^[a-z ]+$/i.test(n) && note.includes(` ${n.toLowerCase()} `));
    return named.length ? named : [p.pinyin!];
  };
  const namesakes = (name: string): LookAlikeEntry[] =>
    data.lookAlikesOutsideXuar.filter((la: LookAlikeEntry) =>
      [la.pinyin, ...(la.names ?? []), ...(la.shares ?? [])].some((n) => n && fold(n) === fold(name)),
    );

  it('every place has a display name for evidence', () => {
    expect(places.filter((p) => !XUAR_ADMIN.has(p.zh)).map((p) => p.zh)).toEqual([]);
  });

  it('every unambiguous place is found by each of its spellings, as city with country CN', () => {
    const missed: string[] = [];
    for (const p of places.filter((x) => !x.ambiguous)) {
      for (const name of [p.zh, p.pinyin, ...p.names].filter((n): n is string => !!n)) {
        if (!inX({ country: 'CN', city: name })) missed.push(name);
      }
    }
    expect(missed).toEqual([]);
  });

  it('every ambiguous place decides in characters with its suffix or with "Xinjiang", never alone by a spelling another place in China may share', () => {
    for (const p of places.filter((x) => x.ambiguous)) {
      expect(inX({ country: 'CN', province: 'Xinjiang', city: p.pinyin })).toBe(true);
      expect(inX({ country: 'CN', address: `${p.zh}${p.zh.endsWith('区') ? '' : '县'}` })).toBe(true);
      for (const name of sharedSpellings(p)) {
        const abroadOnly = namesakes(name).length > 0 && namesakes(name).every((la) => la.country && la.country !== 'CN');
        // a namesake abroad (the Kazakh Khorgos) is ruled out by the country, as Aksu is
        expect([name, inX({ country: 'CN', city: name })]).toEqual([name, abroadOnly]);
        expect(inX({ city: name })).toBe(false);
        for (const la of namesakes(name)) if (la.country) expect(inX({ country: la.country, city: name })).toBe(false);
      }
    }
  });

  it('a look-alike abroad claims nothing where the country is China; in its own country it is itself', () => {
    for (const la of data.lookAlikesOutsideXuar.filter((x: LookAlikeEntry) => x.country && x.country !== 'CN')) {
      for (const name of [la.pinyin, ...(la.names ?? [])].filter(Boolean)) {
        const r = locateInXuar({ country: la.country, city: name });
        expect([name, r.inXuar]).toEqual([name, false]);
        expect(r.lookAlike).toContain(la.where);
        expect(locateInXuar({ country: 'CN', city: name }).lookAlike ?? '').not.toContain(la.where);
      }
    }
  });

  it('no look-alike spelled out is taken for the XUAR', () => {
    for (const la of data.lookAlikesOutsideXuar) {
      if (la.zh) expect(inX({ country: 'CN', address: la.zh })).toBe(false);
      for (const c of la.context ?? []) {
        for (const name of [la.pinyin, ...(la.names ?? [])]) {
          expect(inX({ country: la.country ?? 'CN', city: name, address: c })).toBe(false);
        }
      }
    }
  });
});
