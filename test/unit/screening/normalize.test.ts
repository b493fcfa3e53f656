import { normalizeName } from '../../../src/screening/normalize';

const norm = (s: string) => normalizeName(s).normalized;
const kinds = (s: string) => normalizeName(s).tokens.map((t) => `${t.text}:${t.kind}`);

describe('normalizeName', () => {
  it('folds width, case, accents and punctuation', () => {
    expect(norm('ＸＩＮＪＩＡＮＧ　ＤＡＱＯ')).toBe('xinjiang daqo');
    expect(norm('Xīnjiāng Huáfù Fǎngzhī')).toBe('xinjiang huafu textile');
    expect(norm("Sichuan Yuan'an Pharmaceutical")).toBe(norm('Sichuan Yuan’an Pharmaceutical'));
    expect(norm('Baoding L.Y.S.Z.D. Trade')).toBe('baoding lyszd trade');
    expect(norm('Zhuhai G&G Digital')).toBe('zhuhai gg digital');
  });

  it('drops legal forms in English, pinyin and Chinese', () => {
    const want = 'hoshine silicon industry';
    expect(norm('Hoshine Silicon Industry Co., Ltd.')).toBe(want);
    expect(norm('HOSHINE SILICON INDUSTRY COMPANY LIMITED')).toBe(want);
    expect(norm('Hoshine Silicon Industry Corporation')).toBe(want);
    expect(norm('Hoshine Guiye Youxian Gongsi')).toBe(want);
    expect(norm('Hoshine Silicon Industry Group Joint Stock Co Ltd')).toBe(want);
    expect(normalizeName('新疆中泰（集团）有限责任公司').dropped).toEqual(['集团', '有限责任公司']);
    expect(norm('Xinjiang Zhongtai Gufen Youxian Gongsi')).toBe('xinjiang zhongtai');
  });

  it('maps English, pinyin and Chinese business words to one token', () => {
    expect(norm('Keji')).toBe('technology');
    expect(norm('Tech')).toBe('technology');
    expect(norm('科技')).toBe('technology');
    expect(norm('Fangzhi')).toBe(norm('Textiles'));
    expect(norm('Shiye')).toBe(norm('Industrial'));
    expect(norm('Nongye')).toBe(norm('Agricultural'));
    expect(norm('Fuzhuang')).toBe(norm('Garment'));
    expect(norm('Maoyi')).toBe(norm('Trading'));
    expect(norm('Guiye')).toBe('silicon industry');
    expect(norm('Import & Export')).toBe(norm('Jinchukou'));
    expect(kinds('Textile Technology')).toEqual(['textile:sector', 'technology:form']);
  });

  it('turns Chinese characters into pinyin words', () => {
    expect(norm('合盛硅业')).toBe('hesheng silicon industry');
    expect(norm('新疆大全新能源股份有限公司')).toBe('xinjiang daquan new energy');
    expect(norm('魏橋創業集團')).toBe(norm('魏桥创业'));
    expect(norm('新疆 Huafu Textile')).toBe(norm('Xinjiang Huafu Textile'));
  });

  it('marks places as weak tokens, one canonical form per place', () => {
    const t = normalizeName('Hoshine Silicon Industry (Shanshan) Co., Ltd').tokens;
    expect(t[t.length - 1]).toMatchObject({ text: 'shanshan', kind: 'place', paren: true });
    expect(norm('Hotan Haolin')).toBe(norm('Hetian Haolin'));
    expect(norm('和田昊琳')).toBe('hetian haolin');
    expect(norm('Kashgar Aodu')).toBe(norm('Kashi Aodu'));
    expect(kinds('Xinjiang Aksu')).toEqual(['xinjiang:place', 'akesu:place']);
    expect(normalizeName('Xinjiang').tokens[0].level).toBe('region');
    expect(kinds('Nanling County Annan')).toEqual(['nanling:place', 'annan:name']);
    expect(kinds('南陵县安南')).toEqual(['nanling:place', 'annan:name']);
  });

  it('keeps trade names as name tokens and corrects typos in business words', () => {
    expect(kinds('Camel Group')).toEqual(['camel:name']);
    expect(norm('Xinjaing Huafu Textle')).toBe('xinjiang huafu textile');
    expect(norm('Shandong Weiqiao Grup')).toBe('shandong weiqiao');
  });

  it('handles empty and punctuation-only input', () => {
    expect(normalizeName('').tokens).toEqual([]);
    expect(normalizeName(' ,.;() ').tokens).toEqual([]);
    expect(normalizeName('Co., Ltd.').tokens).toEqual([]);
  });
});
