import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedEntityList } from '../../../../src/model/entityList';
import {
  characterName,
  describeDisguise,
  findDisguise,
  foldDisguise,
  foldDisguiseMapped,
  displayOrder,
  latinLookAlikes,
  readingsOf,
} from '../../../../src/model/text/disguise';
import { DISGUISE_CLASSES, disguiseName } from '../../../fixtures/disguise';

const ROOT = join(__dirname, '..', '..', '..', '..');
const described = (s: string) => findDisguise(s).map(describeDisguise);

describe('foldDisguise', () => {
  it('folds Cyrillic and Greek look-alikes inside Latin words', () => {
    expect(foldDisguise('Xinjiаng Zhоntai Chemicаl Cо., Ltd.')).toBe('Xinjiang Zhontai Chemical Co., Ltd.');
    expect(foldDisguise('Hοshine Siliϲon Ιndustry')).toBe('Hoshine Silicon Industry');
    // an upper-case look-alike of I stays an I (confusables.txt maps I to l)
    expect(foldDisguise('XІNJIANG ΙNDUSTRY')).toBe('XINJIANG INDUSTRY');
    // confusables.txt gives small capitals for some: inside a Latin word they are the letter
    expect(foldDisguise('Zhongтai Bаnк')).toBe('Zhongtai Bank');
  });

  it('folds a word wholly of look-alikes when every word of the name reads as Latin', () => {
    expect(foldDisguise('ХРСС Cotton Со., Ltd.')).toBe('XPCC Cotton Co., Ltd.');
    expect(foldDisguise('ВАОТОU')).toBe('BAOTOU');
  });

  it('removes invisible, format and direction-control characters', () => {
    const hidden = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u034f', '\u3164'];
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    for (const c of [...hidden, ...bidi]) expect(foldDisguise(`Xin${c}jiang`)).toBe('Xinjiang');
    expect(foldDisguise('新\u200b疆\ufe0f')).toBe('新疆');
  });

  it('folds compatibility forms (NFKC): full-width and mathematical letters', () => {
    expect(foldDisguise('Ｘｉｎｊｉａｎｇ　Ｃｏ．')).toBe('Xinjiang Co.');
    expect(foldDisguise('𝐗𝐢𝐧𝐣𝐢𝐚𝐧𝐠')).toBe('Xinjiang');
  });

  it('folds Latin letters that only look like ASCII ones', () => {
    expect(foldDisguise('Xinjiɑng Yıldız ɡroup')).toBe('Xinjiang Yildiz group');
  });

  it('leaves Chinese, pinyin with tone marks, Vietnamese and whole Cyrillic or Greek names as written', () => {
    for (const name of [
      '新疆中泰化学股份有限公司',
      '華孚時尚股份有限公司',
      'Xīnjiāng Lǜyuán Nǚzhuāng Mào Yì',
      'Công ty Cổ phần Dệt may Thành Công',
      'Синьцзян Чжунтай Кемикал',
      'ООО Синьцзян Trading',
      'Ελληνικά Πετρέλαια',
      'شىنجاڭ ئۇيغۇر ئاپتونوم رايونى',
      'Ürümqi Müller Straße',
    ]) {
      expect(foldDisguise(name)).toBe(name);
      expect(findDisguise(name)).toEqual([]);
    }
  });

  it('leaves every name the product ships as written, and finds nothing in them', () => {
    const list = loadSeedEntityList();
    const evalSet = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'screening-eval.json'), 'utf8')) as { query: string }[];
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(readFileSync(join(ROOT, 'seed', 'xuar-places.json'), 'utf8')));
    walk(JSON.parse(readFileSync(join(ROOT, 'seed', 'demo-bundle.json'), 'utf8')));
    const names = [
      ...list.entries.flatMap((e) => [e.name, ...e.aliases, ...e.formerNames, ...e.localNames]),
      ...evalSet.map((c) => c.query),
      ...strings,
    ];
    expect(names.length).toBeGreaterThan(3000);
    for (const name of names) {
      expect(foldDisguise(name)).toBe(name.normalize('NFKC'));
      expect(findDisguise(name)).toEqual([]);
    }
  });

  it('keeps ASCII text as it is (the fast path)', () => {
    const s = 'Hoshine Silicon Industry (Shanshan) Co., Ltd';
    expect(foldDisguise(s)).toBe(s);
  });
});

describe('displayOrder', () => {
  it('reverses what a right-to-left override covers, as a screen shows it, up to its closing PDF', () => {
    expect(displayOrder('\u202e.dtL ,.oC gnaijniX')).toBe('Xinjiang Co., Ltd.');
    expect(displayOrder('Xinjiang \u202eiatgnohZ\u202c Chemical')).toBe('Xinjiang Zhongtai Chemical');
    // an embedding inside the override is not overridden; a new line ends it
    expect(displayOrder('\u202eCBA\u202aXYZ\u202c')).toBe('ABCXYZ');
    expect(displayOrder('\u202eBA\nCD')).toBe('AB\nCD');
  });

  it('keeps a letter with its combining marks', () => {
    expect(displayOrder('\u202eu\u0308nu\u0301')).toBe('u\u0301nu\u0308');
  });

  it('changes nothing without a right-to-left override (isolates and embeddings do not reverse Latin letters)', () => {
    expect(displayOrder('Xinjiang Zhongtai')).toBeUndefined();
    expect(readingsOf('\u2067Xinjiang\u2069')).toEqual(['\u2067Xinjiang\u2069']);
    expect(readingsOf('\u202egnaijniX')).toEqual(['\u202egnaijniX', 'Xinjiang']);
  });
});

describe('foldDisguiseMapped', () => {
  it('shows the text as written behind a span of the folded text, without invisible characters', () => {
    const m = foldDisguiseMapped('Ürüm\u200bqі City, 乌鲁木齊');
    expect(m.text).toBe('Ürümqi City, 乌鲁木齊');
    expect(m.shown(0, 6)).toBe('Ürümqі');
    expect(m.shown(7, 11)).toBe('City');
    expect(m.shown(13, 17)).toBe('乌鲁木齊');
    const plain = foldDisguiseMapped('Urumqi City');
    expect(plain.shown(0, 6)).toBe('Urumqi');
  });
});

describe('findDisguise', () => {
  it('names each look-alike letter with its code point, name and word', () => {
    expect(described('Xinjiаng Zhоntai Chemicаl Cо., Ltd.')).toEqual([
      '"а" U+0430 CYRILLIC SMALL LETTER A in "Xinjiаng"',
      '"о" U+043E CYRILLIC SMALL LETTER O in "Zhоntai"',
      '"а" U+0430 CYRILLIC SMALL LETTER A in "Chemicаl"',
      '"о" U+043E CYRILLIC SMALL LETTER O in "Cо"',
    ]);
    expect(findDisguise('Hοshine')[0]).toMatchObject({ kind: 'look-alike', script: 'Greek', looksLike: 'o', codePoint: 'U+03BF' });
    expect(described('ХРСС Cotton')).toEqual([
      '"Х" U+0425 CYRILLIC CAPITAL LETTER HA in "ХРСС"',
      '"Р" U+0420 CYRILLIC CAPITAL LETTER ER in "ХРСС"',
      '"С" U+0421 CYRILLIC CAPITAL LETTER ES in "ХРСС"',
    ]);
  });

  it('names invisible and direction-control characters, showing where they sit in the word', () => {
    expect(described('Xin\u200bjiang Zhong\u00adtai')).toEqual([
      'U+200B ZERO WIDTH SPACE in "Xin[U+200B]jiang"',
      'U+00AD SOFT HYPHEN in "Zhong[U+00AD]tai"',
    ]);
    expect(findDisguise('\u202eXinjiang\u202c Co').map((c) => [c.kind, c.name])).toEqual([
      ['direction', 'RIGHT-TO-LEFT OVERRIDE'],
      ['direction', 'POP DIRECTIONAL FORMATTING'],
    ]);
    expect(findDisguise('Xin\u180ejiang')[0]).toMatchObject({ kind: 'invisible', name: 'MONGOLIAN VOWEL SEPARATOR' });
  });

  it('does not report what has a use: a leading byte-order mark, variation selectors, joiners in joining scripts, marks in right-to-left text', () => {
    expect(findDisguise('\ufeffXinjiang Co')).toEqual([]);
    expect(findDisguise('葛\udb40\udd00洲坝')).toEqual([]);
    expect(findDisguise('می\u200cخواهم')).toEqual([]);
    expect(findDisguise('क्\u200dष')).toEqual([]);
    expect(findDisguise('Urumqi \u200fئۈرۈمچى\u200e Co')).toEqual([]);
    // an override is never needed
    expect(findDisguise('Urumqi \u202eئۈرۈمچى\u202c Co').map((c) => c.codePoint)).toEqual(['U+202E']);
  });

  it('does not report a name wholly of look-alikes with no Latin letter (it may be Russian), though it folds for matching', () => {
    expect(findDisguise('ООО Сахар')).toEqual([]);
    expect(foldDisguise('ООО Сахар')).toBe('OOO Caxap');
  });

  it('has a name for every look-alike letter it can report', () => {
    for (const cp of latinLookAlikes().keys()) expect(characterName(cp)).not.toMatch(/^U\+/);
    expect(characterName(0xe0100)).toBe('VARIATION SELECTOR-17');
    expect(characterName(0xe0041)).toBe('TAG LATIN CAPITAL LETTER A');
  });
});

describe('disguised variants of every Entity List name', () => {
  const list = loadSeedEntityList();
  const names = list.entries.flatMap((e) => [e.name, ...e.aliases, ...e.formerNames]);

  // A name left with no Latin letter at all (every letter swapped) folds but is not reported:
  // "ООО Сахар" is written so in Russian.
  const reported = (cls: string, variant: string) =>
    cls !== 'fullwidth' && (/\p{Script=Latin}/u.test(variant) || /\p{Default_Ignorable_Code_Point}/u.test(variant));

  it.each(DISGUISE_CLASSES.map((c) => [c]))('%s: folds back to the name, and every variant but full-width is reported', (cls) => {
    let unreported = 0;
    for (const amount of ['some', 'all'] as const) {
      names.forEach((name, i) => {
        const variant = disguiseName(name, cls, i + 1, amount);
        expect(variant).not.toBe(name);
        // as stored or, under a right-to-left override, as it shows
        expect(readingsOf(variant).map(foldDisguise)).toContain(name.normalize('NFKC'));
        if (reported(cls, variant)) expect(findDisguise(variant).length).toBeGreaterThan(0);
        else if (cls !== 'fullwidth') unreported++;
      });
    }
    // only short names can lose every Latin letter
    expect(unreported).toBeLessThanOrEqual(5);
  });
});
