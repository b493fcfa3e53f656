import { nameIndicators } from '../../../../src/trace/rules';
import { generateBundleChunks } from '../../../../src/generate/generator';

describe('nameIndicators', () => {
  it('finds each indicator term as a whole word, with the name it was found in', () => {
    expect(nameIndicators(['Guangzhou Xinjiang Jinxiu Garment Co., Ltd.'])).toEqual([
      { term: 'Xinjiang', name: 'Guangzhou Xinjiang Jinxiu Garment Co., Ltd.' },
    ]);
    expect(nameIndicators(['XPCC Cotton Trading'])).toEqual([{ term: 'XPCC', name: 'XPCC Cotton Trading' }]);
    expect(nameIndicators(['Bingtuan Agricultural Co.'])).toEqual([{ term: 'Bingtuan', name: 'Bingtuan Agricultural Co.' }]);
    expect(nameIndicators(['新疆天业股份有限公司'])).toEqual([{ term: '新疆', name: '新疆天业股份有限公司' }]);
    expect(nameIndicators(['兵团第八师棉业公司'])).toEqual([{ term: '兵团', name: '兵团第八师棉业公司' }]);
  });

  it("finds the region's name in the languages goods pass through, where it names nothing else", () => {
    for (const name of [
      'Công ty Duy Ngô Nhĩ Tân Cương',
      'Shinjang Cotton',
      'ซินเจียง Cotton',
      '신장위구르 면화',
      '신장웨이우얼자치구 방직', // the Chinese name read in Korean, its rank written on
      'Cong ty Duy Ngo Nhi Tan Cuong', // typed without diacritics
      'Weiwuer Zizhiqu Cotton Co', // the region's name in pinyin without Xinjiang
      'Sincan Uygur Özerk Bölgesi Pamuk',
    ])
      expect(nameIndicators([name])).toEqual([{ term: 'Xinjiang', name }]);
    // Tân Cương is also a commune of Thái Nguyên, Sincan a district of Ankara; a longer word is another word
    for (const name of ['Tân Cương Tea', 'Sincan Tekstil', 'Shinjangco Ltd']) expect(nameIndicators([name])).toEqual([]);
  });

  it('finds "Production and Construction Corps", also with "&", beside "Xinjiang"', () => {
    expect(nameIndicators(['Xinjiang Production & Construction Corps']).map((h) => h.term)).toEqual([
      'Xinjiang',
      'Production and Construction Corps',
    ]);
    expect(nameIndicators(['the Production and Construction Corps supply office']).map((h) => h.term)).toEqual([
      'Production and Construction Corps',
    ]);
  });

  it('is case- and accent-insensitive and folds traditional characters', () => {
    expect(nameIndicators(['XINJIANG TEXTILES', 'xpcc-owned gin', 'BingTuan Cotton', '新疆兵團棉業']).map((h) => h.term)).toEqual([
      'Xinjiang',
      'XPCC',
      'Bingtuan',
      '新疆',
      '兵团',
    ]);
  });

  it('splits CamelCase joins but not lower-case ones', () => {
    expect(nameIndicators(['XinjiangTianshan Co']).map((h) => h.term)).toEqual(['Xinjiang']);
    expect(nameIndicators(['Xinjiangxian Textiles', 'Shanxi Xinjiangxian Cotton'])).toEqual([]);
  });

  it('does not fire on look-alikes or inside other words', () => {
    expect(
      nameIndicators([
        '新绛纺织有限公司',
        'Shanxi Jiangzhou Cotton (Xinjiang County)',
        'Xinjiang Xian Weaving Mill',
        'Sinjiang Trading',
        'XPCCO Ltd',
        'Bingtuanese',
        'Production Corps',
        'Xin Jiang Hotel',
        'Xin-jiang Hotel',
      ]),
    ).toEqual([]);
  });

  it('still fires on the region beside the county look-alike', () => {
    expect(nameIndicators(['Xinjiang County Xinjiang Trading']).map((h) => h.term)).toEqual(['Xinjiang']);
  });

  it('returns one hit per term and name, in the order of the names', () => {
    expect(nameIndicators(['Xinjiang Xinjiang Co', 'Acme', '新疆新疆', 'Xinjiang Co', 'Xinjiang Co'])).toEqual([
      { term: 'Xinjiang', name: 'Xinjiang Xinjiang Co' },
      { term: '新疆', name: '新疆新疆' },
      { term: 'Xinjiang', name: 'Xinjiang Co' },
    ]);
  });

  it('ignores empty input', () => {
    expect(nameIndicators([])).toEqual([]);
    expect(nameIndicators(['', '   '])).toEqual([]);
  });
});

describe('nameIndicators written apart', () => {
  it('finds 新疆 and 兵团 with spaces between the characters', () => {
    expect(nameIndicators(['新 疆 天 业 股 份 有 限 公 司', '兵\u3000团第八师'])).toEqual([
      { term: '新疆', name: '新 疆 天 业 股 份 有 限 公 司' },
      { term: '兵团', name: '兵\u3000团第八师' },
    ]);
  });
});

describe('nameIndicators: the region by its older romanization and initials', () => {
  it('finds Sinkiang, XUAR and X.P.C.C., each under its own term', () => {
    expect(nameIndicators(['Sinkiang Trading', 'XUAR Cotton Co', 'X.P.C.C. Cotton Farm'])).toEqual([
      { term: 'Sinkiang', name: 'Sinkiang Trading' },
      { term: 'XUAR', name: 'XUAR Cotton Co' },
      { term: 'XPCC', name: 'X.P.C.C. Cotton Farm' },
    ]);
  });
});

describe("nameIndicators: the region's name misspelt", () => {
  it('finds Xinjiang written with a slip no trade name is: two letters swapped, or a letter dropped or doubled where the word is no pinyin', () => {
    const names = ['Xinjaing Textile Co', 'Xnijiang Cotton', 'Sinkaing Trading', 'Xinjiag Co', 'Xnjiang Cotton Farm', 'Xinjinag Cotton'];
    expect(nameIndicators(names)).toEqual(names.map((name) => ({ term: 'Xinjiang', name })));
  });

  it('finds the region named in Russian or Kazakh, in any case form', () => {
    const names = ['Синьцзян Чжунтай Кемикал', 'ТОО Синьцзянская Торговая Компания', 'Шыңжаң Мақта'];
    expect(nameIndicators(names)).toEqual(names.map((name) => ({ term: 'Xinjiang', name })));
    expect(nameIndicators(['Москва Текстиль', 'Казахстанская Хлопковая Компания'])).toEqual([]);
  });

  it('leaves pinyin trade names and places one letter away, English words, and 新绛 County alone', () => {
    const names = [
      'Xinliang Textile',
      'Minjiang Co',
      'Xinjing Trading',
      'Xijiang Co',
      'Jinjiang Shoes',
      'Qinjiang Co',
      'Sinking Co',
      'Xinjang County Trading',
    ];
    expect(nameIndicators(names)).toEqual([]);
  });

  // every pinyin word one letter from Xinjiang that the generator writes names with: none is read
  it('reads no generated firm name as the region misspelt', () => {
    const names: string[] = [];
    for (const c of generateBundleChunks(
      { flows: 20_000, seed: 5, tiers: 6, shipments: 20, xuarShare: 0.05, listedShare: 0.02, tenantPrefix: 'n' },
      20_000,
    ))
      names.push(...c.firms.map((f) => f.name).filter((n) => !/xinjiang/i.test(n)));
    expect(names.length).toBeGreaterThan(2000);
    expect(nameIndicators(names)).toEqual([]);
  });
});
