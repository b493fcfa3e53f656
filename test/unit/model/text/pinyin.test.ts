import { isPinyinWord, umlautAsV, umlautSpellings, withoutToneNumbers } from '../../../../src/model/text/pinyin';

const fold = (s: string) => umlautAsV(s.normalize('NFD')).replace(/\p{M}/gu, '').normalize('NFC');

describe('umlautAsV', () => {
  it('writes ü after l and n as v, in every tone and in upper case', () => {
    for (const s of ['Lüliang', 'Lǖliang', 'Lǘliang', 'Lǚliáng', 'Lǜliang', 'Lu\u0308liang', 'Lu:liang']) expect(fold(s)).toBe('Lvliang');
    expect(fold('LÜLIANG')).toBe('LVLIANG');
    expect(fold('Nǚwā')).toBe('Nvwa');
    expect(fold('nüe')).toBe('nve');
  });

  it('leaves ü elsewhere to the mark fold: Uyghur, German and pinyin after j, q, x, y', () => {
    expect(fold('Ürümqi')).toBe('Urumqi');
    expect(fold('Aratürük')).toBe('Araturuk');
    expect(fold('Müller')).toBe('Muller');
    expect(fold('Jüxiàn')).toBe('Juxian');
  });

  it('changes nothing without ü or u:', () => {
    expect(umlautAsV('Luliang')).toBe('Luliang');
    expect(umlautAsV('Note: Lu Co')).toBe('Note: Lu Co');
  });
});

describe('umlautSpellings', () => {
  it('gives the other spellings of lü and nü syllables', () => {
    expect(umlautSpellings('luliang')).toEqual(['lvliang']);
    expect(umlautSpellings('lvye')).toEqual(['luye']);
    expect(umlautSpellings('lyuliang').sort()).toEqual(['luliang', 'lvliang']);
    expect(umlautSpellings('nuwa')).toEqual(['nvwa']);
    expect(umlautSpellings('nvwa')).toEqual(['nuwa']);
    expect(umlautSpellings('anlv')).toEqual(['anlu']);
  });

  it('toV: only the spellings that write ü as v', () => {
    expect(umlautSpellings('luliang', true)).toEqual(['lvliang']);
    expect(umlautSpellings('lvzhou', true)).toEqual([]);
    expect(umlautSpellings('lyuliang', true)).toEqual(['lvliang']);
  });

  it('leaves syllables that cannot be ü alone: luo, lun, lian', () => {
    expect(umlautSpellings('luoyang')).toEqual([]);
    expect(umlautSpellings('lunan')).toEqual([]);
    expect(umlautSpellings('nuan')).toEqual([]);
    expect(umlautSpellings('lianyungang')).toEqual([]);
    expect(umlautSpellings('textile')).toEqual([]);
  });
});

describe('isPinyinWord', () => {
  it('reads runs of pinyin syllables as pinyin and consonant skeletons as not', () => {
    for (const w of ['huafu', 'xinjiang', 'zhongtai', 'lvye', 'guangxi']) expect(isPinyinWord(w)).toBe(true);
    for (const w of ['whsg', 'prtg', 'warehsg', 'alum', 'esquel', 'septwolves']) expect(isPinyinWord(w)).toBe(false);
  });
});

describe('withoutToneNumbers', () => {
  it('drops the tone number of every syllable, the neutral tone written 5 or 0 too', () => {
    expect(withoutToneNumbers('xin1jiang1')).toBe('xinjiang');
    expect(withoutToneNumbers('lv4se4')).toBe('lvse');
    expect(withoutToneNumbers('de5zi0')).toBe('dezi');
  });

  it('reads one numbered syllable only in a text that has numbered pinyin', () => {
    expect(withoutToneNumbers('shan4')).toBe('shan4');
    expect(withoutToneNumbers('shan4', true)).toBe('shan');
  });

  it('leaves digits misread for letters and numbers after words', () => {
    for (const w of ['ake5u', 'ba1yin', 'texti1e', 'hosh1ne', 'no1', 'plant1', '5g']) expect(withoutToneNumbers(w)).toBe(w);
  });
});
