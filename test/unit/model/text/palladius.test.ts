import { palladiusOf, pinyinOfPalladius } from '../../../../src/model/text/palladius';
import { isPinyinWord } from '../../../../src/model/text/pinyin';

// the syllables of standard pinyin, as the module lists them
const SYLLABLES =
  'ba bo bi bu bai bei bao ban ben bang beng bian biao bie bin bing zhong xin jiang tai hua fu ji zi ci si qi xi zhi chi shi ri ju qu xu jue que xue juan quan xuan jun qun xun lv nv lve nve jiong qiong xiong yi ya ye yao you yan yin yang ying yong yu yue yuan yun wu wa wo wai wei wan wen wang weng e er ou ai an ang duo dou guo gui hui dui zhuo ruo'.split(
    ' ',
  );

describe('Palladius (Chinese in Cyrillic)', () => {
  it.each([
    ['zhong', 'чжун'],
    ['xin', 'синь'],
    ['jiang', 'цзян'],
    ['zi', 'цзы'],
    ['ji', 'цзи'],
    ['si', 'сы'],
    ['xi', 'си'],
    ['qi', 'ци'],
    ['shi', 'ши'],
    ['ju', 'цзюй'],
    ['xue', 'сюэ'],
    ['lv', 'люй'],
    ['guo', 'го'],
    ['dou', 'доу'],
    ['yuan', 'юань'],
    ['wei', 'вэй'],
    ['hui', 'хуэй'],
    ['e', 'э'],
  ])('writes %s as %s', (pinyin, cyrillic) => expect(palladiusOf(pinyin)).toBe(cyrillic));

  it('reads every syllable back as itself: one Cyrillic spelling per syllable', () => {
    for (const s of SYLLABLES) expect(pinyinOfPalladius(palladiusOf(s))).toContainEqual([s]);
    const spellings = SYLLABLES.map(palladiusOf);
    expect(new Set(spellings).size).toBe(spellings.length);
  });

  it.each([
    ['Синьцзян', 'xin jiang'],
    ['Чжунтай', 'zhong tai'],
    ['Шицзячжуан', 'shi jia zhuang'],
    ['Хэбэй', 'he bei'],
    ['Хебей', 'he bei'], // е for э after a consonant, as texts often write
    ['Шеньчжень', 'shen zhen'],
    ['Аньхуэй', 'an hui'],
    ['Сычуань', 'si chuan'],
    ['Цзянъинь', 'jiang yin'], // ъ ends a syllable
    ['ЧУАНЕ', 'chuang ye'], // of two equal splits, common syllables first (not chua-nie)
  ])('reads %s as %s', (word, pinyin) => expect(pinyinOfPalladius(word)[0]).toEqual(pinyin.split(' ')));

  it('gives both readings of a word Palladius writes alike (Цзянинь: jiang-yin or jia-nin), the split into the fewest syllables', () => {
    expect(pinyinOfPalladius('Цзянинь').map((s) => s.join('-'))).toEqual(expect.arrayContaining(['jiang-yin', 'jia-nin']));
    expect(pinyinOfPalladius('хуань')).toEqual([['huan']]);
  });

  it('reads no Russian word that is not a run of syllables (Москва, Промышленная, Кемикал)', () => {
    for (const w of ['Москва', 'Промышленная', 'Кемикал', 'Хошайн', 'завод', 'Xinjiang', '']) expect(pinyinOfPalladius(w)).toEqual([]);
  });

  it('property: any run of pinyin syllables written in Palladius reads back as pinyin with the same letters', () => {
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 2000; i++) {
      const syllables = Array.from({ length: 1 + (next() % 4) }, () => SYLLABLES[next() % SYLLABLES.length]);
      const readings = pinyinOfPalladius(syllables.map(palladiusOf).join(''));
      expect(readings.length).toBeGreaterThan(0);
      // a reading may split otherwise (xi-an / xian) but spells pinyin, and one of them is the written run when it is among the fewest
      for (const r of readings) expect(isPinyinWord(r.join('').replace(/v/g, 'u'))).toBe(true);
      if (readings[0].length === syllables.length) expect(readings.map((r) => r.join(''))).toContain(syllables.join(''));
    }
  });
});
