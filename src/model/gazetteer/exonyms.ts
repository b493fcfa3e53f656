// The region's and its best-known cities' names in the languages of the countries XUAR goods
// pass through on their way to the U.S. (Vietnam, Thailand, Cambodia, Bangladesh and India for
// yarn, fabric and solar; Turkey, Korea and Japan for textiles and parts; the Gulf), each with
// the Latin spelling seed/xuar-places.json knows. An intermediary's papers name its supplier's
// site in its own language ("Tân Cương, Trung Quốc"); such an address must still place the site.
// Like every name of the gazetteer, a name means the XUAR only where the country is not another;
// Tân Cương, also a commune of Thái Nguyên (Vietnam), and Sincan, a district of Ankara, are read
// only where the country is given as China. Russian, Kazakh and Uyghur-script names are in their
// own tables.
export interface Exonym {
  written: string;
  latin: string;
  /** the language, for the note: "the Vietnamese name of Xinjiang" */
  language: string;
  /** the same name's place elsewhere: read only where the country is given as China */
  alsoNames?: string;
}

const names = (language: string, list: readonly (readonly [string, string, string?])[]): Exonym[] =>
  list.map(([written, latin, alsoNames]) => ({ written, latin, language, ...(alsoNames ? { alsoNames } : {}) }));

// a space in a name may be left out where written (신장위구르자치구)
export const EXONYMS: readonly Exonym[] = [
  ...names('Vietnamese', [
    ['Khu tự trị Duy Ngô Nhĩ Tân Cương', 'Xinjiang Uyghur Autonomous Region'],
    ['Duy Ngô Nhĩ Tân Cương', 'Xinjiang Uyghur Autonomous Region'],
    ['Tân Cương', 'Xinjiang', 'a commune of Thái Nguyên, Vietnam'],
    ['Ô Lỗ Mộc Tề', 'Urumqi'],
  ]),
  ...names('Turkish', [
    ['Sincan Uygur Özerk Bölgesi', 'Xinjiang Uyghur Autonomous Region'],
    ['Doğu Türkistan', 'East Turkestan'],
    ['Sincan', 'Xinjiang', 'a district of Ankara, Turkey'],
    ['Urumçi', 'Urumqi'],
    ['Kaşgar', 'Kashgar'],
  ]),
  ...names('Korean', [
    ['신장 위구르 자치구', 'Xinjiang Uyghur Autonomous Region'],
    ['신장 위구르', 'Xinjiang Uyghur Autonomous Region'],
    // the Chinese name read in Korean (新疆维吾尔), as Chinese place names are written in Korean
    ['신장 웨이우얼', 'Xinjiang Uyghur Autonomous Region'],
    ['우루무치', 'Urumqi'],
    ['카슈가르', 'Kashgar'],
    ['투루판', 'Turpan'],
    ['아커쑤', 'Aksu'],
    ['쿠얼러', 'Korla'],
    ['커라마이', 'Karamay'],
    ['스허쯔', 'Shihezi'],
    ['허톈', 'Hotan'],
    ['호탄', 'Hotan'],
  ]),
  ...names('Japanese', [
    ['ウイグル自治区', 'Uyghur Autonomous Region'],
    ['シンジャン', 'Xinjiang'],
    ['ウルムチ', 'Urumqi'],
    ['カシュガル', 'Kashgar'],
    ['トルファン', 'Turpan'],
    ['ホータン', 'Hotan'],
    ['コルラ', 'Korla'],
    ['アクス', 'Aksu'],
    ['カラマイ', 'Karamay'],
  ]),
  ...names('Thai', [
    ['ซินเจียง', 'Xinjiang'],
    ['อุรุมชี', 'Urumqi'],
  ]),
  ...names('Arabic', [
    ['شينجيانغ', 'Xinjiang'],
    ['أورومتشي', 'Urumqi'],
  ]),
  ...names('Hindi', [['शिनजियांग', 'Xinjiang']]),
  ...names('Bengali', [['জিনজিয়াং', 'Xinjiang']]),
  ...names('Mongolian', [['Шинжаан', 'Xinjiang']]),
  ...names('Kyrgyz', [['Шинжаң', 'Xinjiang']]),
  ...names('Uzbek', [
    ['Shinjon', 'Xinjiang'],
    ['Sharqiy Turkiston', 'East Turkestan'],
  ]),
  // the region's name without Xinjiang in pinyin (维吾尔自治区), as in "Xinjiang Weiwu'er Zizhiqu"
  // cut short; Weiwuer alone is the people's name (a Uyghur restaurant in Beijing), not a place
  ...names('Chinese (pinyin)', [
    ["Weiwu'er Zizhiqu", 'Uyghur Autonomous Region'],
    ["Weiwu'er Autonomous Region", 'Uyghur Autonomous Region'],
  ]),
  // the European spellings of the older atlases and encyclopedias, still in their languages' papers
  ...names('German', [
    ['Urumtschi', 'Urumqi'],
    ['Kuldscha', 'Ghulja'],
    ['Jarkend', 'Yarkand'],
  ]),
  ...names('French', [
    ['Ouroumtsi', 'Urumqi'],
    ['Ouroumtchi', 'Urumqi'],
    ['Aksou', 'Aksu'],
  ]),
  // Uyghur in the Latin (ULY) and Cyrillic alphabets; the Arabic script is uyghurPlaceNames.ts
  ...names('Uyghur', [
    ['Shinjang Uyghur Aptonom Rayoni', 'Xinjiang Uyghur Autonomous Region'],
    // the region's name without Shinjang, as the Japanese ウイグル自治区 (and in the spelling of Chinese-made English)
    ['Uyghur Aptonom Rayoni', 'Uyghur Autonomous Region'],
    ['Uygur Aptonom Rayoni', 'Uyghur Autonomous Region'],
    ['Shinjang', 'Xinjiang'],
    ['Xoten', 'Hotan'],
    // counties under their Uyghur names where the gazetteer's is another (疏附 the old city, 疏勒 the new)
    ['Kona Sheher', 'Shufu'],
    ['Yéngisheher', 'Shule'],
    ['Yengi Sheher', 'Shule'],
    ['Merket', 'Makit'],
    ['Niye', 'Niya'],
    ['Toqsun', 'Toksun'],
    ['Шинҗаң', 'Xinjiang'],
    ['Үрүмчи', 'Urumqi'],
  ]),
];

// scripts written without spaces between words: a name there has no word boundary to keep
const UNSPACED = /[\p{Script=Thai}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Han}]/u;
const HANGUL = /\p{Script=Hangul}/u;
// Korean writes a place's rank onto its name, as Chinese does (우루무치시, Urumqi City): autonomous
// prefecture, region or county, district (地區), city, county, district (區), province
const KOREAN_RANKS = '(?:자치주|자치구|자치현|지구|시|현|구|주|성)?';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Latin letters with no decomposition to their base letter
const BASE_LETTER: Readonly<Record<string, string>> = { đ: 'd', Đ: 'D', ı: 'i', ł: 'l', Ł: 'L' };
/**
 * A Latin letter with diacritics as itself or its base letter: papers typed without them (ERP
 * exports, telex habits) write "Tan Cuong" for Tân Cương, "Dogu Turkistan" for Doğu Türkistan.
 */
function withOrWithoutMarks(name: string): string {
  return [...name]
    .map((c) => {
      if (!/\p{Script=Latin}/u.test(c)) return c;
      const base = BASE_LETTER[c] ?? c.normalize('NFD').replace(/\p{M}/gu, '');
      return base !== c && base.length === 1 ? `[${c}${base}]` : c;
    })
    .join('');
}

/** A pattern's source for a name as written: NFC, any space optional, a whole word where its script spaces words (in Korean with its rank), its Latin letters with or without their diacritics. */
export function exonymPatternSource(written: string): string {
  // any space optional, an apostrophe any apostrophe or none (Weiwu'er, Weiwu’er, Weiwuer)
  const name = withOrWithoutMarks(escapeRegExp(written.normalize('NFC')))
    .replace(/ /g, '\\s*')
    .replace(/'/g, "['’ʼ]?");
  if (UNSPACED.test(written)) return name;
  return `(?<![\\p{L}\\p{M}])${name}${HANGUL.test(written) ? KOREAN_RANKS : ''}(?![\\p{L}\\p{M}])`;
}
