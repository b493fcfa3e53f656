// The XUAR place rule reads a place in every romanization the gazetteer has, older ones
// included (postal, Wade-Giles, Turkic exonyms), in traditional characters as OpenCC writes
// them, and in pinyin with tone marks; an older spelling of another province is another province.
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { OLDER_PROVINCE_NAMES, OLDER_XUAR_NAMES } from '../../../../src/model/gazetteer/olderNames';
import { xuarPlaces } from '../../../../src/model/gazetteer/xuarPlaces';
import { locateInXuar } from '../../../../src/trace/rules';

const CN = { country: 'CN' };
const inX = (loc: Parameters<typeof locateInXuar>[0]) => locateInXuar(loc).inXuar;
const file = xuarPlaces();
const places = [...file.prefectureLevel, ...file.xpccCities, ...file.countyLevel, ...(file.otherPlaces ?? [])];

describe('locateInXuar: older romanizations and names', () => {
  it('flags the address "Tihwa, Sinkiang", with or without a country', () => {
    const r = locateInXuar({ address: 'Tihwa, Sinkiang' });
    expect(r.inXuar).toBe(true);
    expect(r.evidence).toEqual(expect.arrayContaining(['address "Tihwa" is Urumqi (乌鲁木齐市), XUAR']));
    expect(inX({ ...CN, address: 'Tihwa, Sinkiang' })).toBe(true);
    expect(inX({ ...CN, address: 'Kuldja, Ili, Sinkiang Province' })).toBe(true);
  });

  it('finds every older name of every XUAR place, as city with country CN', () => {
    const missed: string[] = [];
    for (const [zh, names] of Object.entries(OLDER_XUAR_NAMES)) {
      for (const name of names) if (!inX({ ...CN, city: name })) missed.push(`${zh} ${name}`);
    }
    expect(missed).toEqual([]);
  });

  it('finds the region by its older names with no country given', () => {
    for (const name of OLDER_XUAR_NAMES['新疆维吾尔自治区'])
      expect({ name, in: inX({ address: `Kashgar, ${name}` }) }).toEqual({ name, in: true });
  });

  it('reads Wade-Giles written syllable by syllable (Wu-lu-mu-ch’i) and older Chinese names (迪化, 和阗)', () => {
    expect(inX({ ...CN, city: "Wu-lu-mu-ch'i" })).toBe(true);
    expect(inX({ ...CN, address: '新疆迪化' })).toBe(true);
    expect(inX({ ...CN, address: '和闐縣' })).toBe(true);
  });

  it('does not read Taipei’s Dihua Street (迪化街) as Urumqi', () => {
    expect(inX({ ...CN, address: '台北市大同區迪化街一段21號' })).toBe(false);
    expect(inX({ country: 'TW', address: 'No. 21, Sec. 1, Dihua St., Datong Dist., Taipei' })).toBe(false);
  });

  it('reads an older spelling of another province as that province: an ambiguous XUAR name there is not the XUAR', () => {
    for (const names of Object.values(OLDER_PROVINCE_NAMES)) {
      for (const province of names) expect({ province, in: inX({ ...CN, province, city: 'Baicheng' }) }).toEqual({ province, in: false });
    }
    expect(locateInXuar({ ...CN, province: 'Chekiang', city: 'Yiwu' }).lookAlike).toBe('Yiwu (义乌), Jinhua, Zhejiang province');
  });
});

describe('locateInXuar: traditional characters and tone marks', () => {
  it('finds every unambiguous XUAR place written in each traditional standard (OpenCC t, tw, hk), with its suffix', () => {
    const missed: string[] = [];
    for (const to of ['t', 'tw', 'hk'] as const) {
      const convert = OpenCC.Converter({ from: 'cn', to });
      for (const p of places.filter((x) => !x.ambiguous)) {
        const written = convert(`${p.zh}${p.zh!.endsWith('区') ? '' : '县'}`);
        if (!inX({ ...CN, address: written })) missed.push(written);
      }
    }
    expect(missed).toEqual([]);
  });

  it('finds every unambiguous XUAR place in pinyin with tone marks', () => {
    const missed: string[] = [];
    let tried = 0;
    for (const p of places.filter((x) => !x.ambiguous)) {
      const syllables = pinyin(p.zh!, { toneType: 'symbol', type: 'array' });
      // where pinyin-pro reads a character as the gazetteer does (it reads 什 in 喀什 as shén)
      if (pinyin(p.zh!, { toneType: 'none', type: 'array' }).join('') !== (p.pinyin ?? '').toLowerCase().replace(/ /g, '')) continue;
      tried++;
      const marked = syllables.join('');
      if (!inX({ ...CN, city: marked[0].toUpperCase() + marked.slice(1) })) missed.push(marked);
    }
    expect(tried).toBeGreaterThan(80);
    expect(missed).toEqual([]);
  });
});
