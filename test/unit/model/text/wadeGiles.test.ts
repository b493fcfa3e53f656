import { isCommonEnglishWord } from '../../../../src/model/text/englishWords';
import { isPinyinWord } from '../../../../src/model/text/pinyin';
import {
  isWadeGilesSyllable,
  MAX_RUN_READINGS,
  toWadeGiles,
  wadeGilesReadings,
  wadeGilesSyllable,
} from '../../../../src/model/text/wadeGiles';
import { PINYIN_WADE_GILES_PAIRS } from '../../../../src/model/text/wadeGilesTable';

const PINYIN_SYLLABLES = [
  ...new Set(
    PINYIN_WADE_GILES_PAIRS.trim()
      .split(/\s+/)
      .map((p) => p.split('=')[0].replace(/ü/g, 'v')),
  ),
];
const bare = (wg: string) => wg.normalize('NFD').replace(/\p{M}/gu, '').replace(/['`]/g, '');

describe('Wade-Giles syllable table', () => {
  it('reads unambiguous syllables as their pinyin', () => {
    expect(wadeGilesSyllable('hsin')).toEqual(['xin']);
    expect(wadeGilesSyllable('jen')).toEqual(['ren']);
    expect(wadeGilesSyllable('shih')).toEqual(['shi']);
    expect(wadeGilesSyllable('tzu')).toEqual(['zi', 'ci']);
    expect(wadeGilesSyllable('ssu')).toEqual(['si']);
    expect(wadeGilesSyllable('erh')).toEqual(['er']);
    expect(wadeGilesSyllable('hua')).toEqual(['hua']);
  });

  it('gives every reading of a syllable written without its apostrophe', () => {
    expect(wadeGilesSyllable('chang')).toEqual(['zhang', 'chang']);
    expect(wadeGilesSyllable('tien')).toEqual(['dian', 'tian']);
    expect(wadeGilesSyllable('kuo')).toEqual(['guo', 'kuo']);
    expect(wadeGilesSyllable('chung')).toEqual(['zhong', 'chong']);
    // ch before ü is j or q; the umlaut dropped, chu is also zhu or chu
    expect(wadeGilesSyllable('chu').sort()).toEqual(['chu', 'ju', 'qu', 'zhu']);
  });

  it('reads the apostrophe as aspiration, in any of its typed forms, and ignores case and umlauts', () => {
    expect(wadeGilesSyllable("Ch'ang")).toEqual(['chang']);
    expect(wadeGilesSyllable('CH’ANG')).toEqual(['chang']);
    expect(wadeGilesSyllable("T'ien")).toEqual(['tian']);
    expect(wadeGilesSyllable("k'uo")).toEqual(['kuo']);
    expect(wadeGilesSyllable('Hsüeh')).toEqual(['xue']);
    expect(wadeGilesSyllable('hsueh')).toEqual(['xue']);
    // pinyin ü as the project writes it; the umlaut is read like the texts that drop it
    expect(wadeGilesSyllable('lü')).toEqual(['lu', 'lv']);
  });

  it('is not a syllable: English or pinyin-only spellings, parts of syllables', () => {
    for (const w of ['xin', 'zhong', 'qing', 'textile', 'tianshan', 'hs', "ch'", '']) expect(isWadeGilesSyllable(w)).toBe(false);
  });

  it('reads every pinyin syllable of the table back from its Wade-Giles spelling, with or without marks', () => {
    for (const py of PINYIN_SYLLABLES) {
      const wg = toWadeGiles(py)!;
      expect(wadeGilesSyllable(wg)).toContain(py);
      expect(wadeGilesSyllable(bare(wg))).toContain(py);
    }
    expect(PINYIN_SYLLABLES.length).toBeGreaterThan(400);
  });

  it('gives syllables that are pinyin', () => {
    for (const py of PINYIN_SYLLABLES.filter((s) => s !== 'ê')) expect(isPinyinWord(py)).toBe(true);
  });
});

describe('Wade-Giles runs', () => {
  it('joins a run written with spaces or hyphens, one reading per combination', () => {
    expect(wadeGilesReadings('Tien Shan')).toEqual(['dianshan', 'tianshan']);
    expect(wadeGilesReadings("T'ien-shan")).toEqual(['tianshan']);
    expect(wadeGilesReadings('Hsin-chiang')).toEqual(['xinjiang', 'xinqiang']);
    expect(wadeGilesReadings(['hsin', 'jen'])).toEqual(['xinren']);
    expect(wadeGilesReadings('Chung Tai')).toEqual(['zhongdai', 'zhongtai', 'chongdai', 'chongtai']);
  });

  it('reads nothing when a word is not a syllable', () => {
    expect(wadeGilesReadings('Tien Textile')).toEqual([]);
    expect(wadeGilesReadings('')).toEqual([]);
  });

  it(`gives up on a run of more than ${MAX_RUN_READINGS} readings`, () => {
    expect(wadeGilesReadings('chu chun')).toHaveLength(16);
    expect(wadeGilesReadings('chu chun chang')).toEqual([]);
  });
});

describe('common English words', () => {
  it('knows the common words among the syllables and not the rest', () => {
    for (const w of ['sun', 'chin', 'pan', 'fan', 'Men', 'tang']) expect(isCommonEnglishWord(w)).toBe(true);
    for (const w of ['hsin', 'tien', 'chung', 'kuo', 'jen']) expect(isCommonEnglishWord(w)).toBe(false);
  });
});
