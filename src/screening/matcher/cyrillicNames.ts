// A Chinese firm's name written in Cyrillic, as Russian, Kazakh and Kyrgyz papers write it
// ("ООО «Синьцзян Чжунтай Кемикал»", "Синьцзянская химическая компания Чжунтай"), read in the
// Latin letters the Entity List uses: the name's own words as pinyin (Palladius), business words
// and legal forms as their English words, the region's places by their gazetteer names, and any
// other word letter by letter. Without it such a name shares no word with the list and clears.
import { pinyinOfPalladius } from '../../model/text/palladius';
import { CYRILLIC_PLACE_NAMES } from '../../model/gazetteer/cyrillicPlaceNames';
import { englishOfRussianWord } from '../russianWords';
import { titleCase } from '../../model/text/titleCase';

export interface CyrillicReading {
  /** the name with each Cyrillic word in Latin letters */
  text: string;
  /** each word read, as written and as read */
  read: { written: string; as: string }[];
}

// a word wholly in Cyrillic: a Latin word with a Cyrillic look-alike inside is a disguise, read elsewhere
const CYRILLIC_WORD = /(?<![\p{L}\p{M}])\p{Script=Cyrillic}+(?:['’-]\p{Script=Cyrillic}+)*(?![\p{L}\p{M}])/gu;
// Russian adjectives made of a place's name: Синьцзянская, Шаньдунской, Цзянсуский
const PLACE_ADJECTIVE = /(?:ск|ньск)(?:ий|ая|ое|ие|ого|ой|ому|ом|их|им|ими|ую)$/;
const PLACES = new Map(CYRILLIC_PLACE_NAMES.map(([cyrillic, latin]) => [cyrillic.toLowerCase(), latin]));
// China's places whose Russian names are not Palladius spellings, any ending
const RUSSIAN_PLACE_NAMES: readonly (readonly [RegExp, string])[] = [
  [/внутрен\p{L}*\s+монгол\p{L}*/giu, 'Inner Mongolia'],
  [/(?<!\p{L})пекин\p{L}*/giu, 'Beijing'],
  [/(?<!\p{L})нанкин\p{L}*/giu, 'Nanjing'],
  [/(?<!\p{L})гонконг\p{L}*/giu, 'Hong Kong'],
  [/(?<!\p{L})тибет\p{L}*/giu, 'Tibet'],
  [/(?<!\p{L})харбин\p{L}*/giu, 'Harbin'],
  [/(?<!\p{L})аньхой\p{L}*/giu, 'Anhui'],
  [/(?<!\p{L})гуанси-чжуан\p{L}*/giu, 'Guangxi'],
  [/(?<!\p{L})нинся-хуэй\p{L}*/giu, 'Ningxia'],
];

// Letter by letter, for a word neither pinyin nor a known business word (a trade name respelled,
// "Хошайн"): х as h, as Chinese and English names under it are spelled (not the kh of Russian
// names). Kazakh letters as their nearest Latin.
const LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '',
  ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ә: 'a', ғ: 'g', қ: 'k', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
}; // prettier-ignore
// a letter of no table (Ukrainian ї, Serbian ј) is left out: a Latin look-alike among them is the disguise rule's
const letterByLetter = (w: string) => [...w.toLowerCase()].map((c) => LETTERS[c] ?? '').join('');

/** One Cyrillic word in Latin letters; of two pinyin readings, the one the list knows. */
function readWord(word: string, known: (latinWord: string) => boolean): string {
  const lower = word.toLowerCase();
  const place = PLACES.get(lower);
  if (place) return place;
  const english = englishOfRussianWord(lower);
  if (english) return english;
  const splits = pinyinOfPalladius(lower);
  const readings = (splits.length ? splits : pinyinOfPalladius(lower.replace(PLACE_ADJECTIVE, ''))).map((s) => s.join(''));
  if (readings.length) return titleCase(readings.find(known) ?? readings[0]);
  return titleCase(letterByLetter(lower));
}

/** The name read in Latin letters, or null when it has no word wholly in Cyrillic. */
export function cyrillicReading(name: string, known: (latinWord: string) => boolean = () => false): CyrillicReading | null {
  if (!/\p{Script=Cyrillic}/u.test(name)) return null;
  const read: CyrillicReading['read'] = [];
  let named = name;
  for (const [pattern, latin] of RUSSIAN_PLACE_NAMES)
    named = named.replace(pattern, (written) => {
      read.push({ written, as: latin });
      return latin;
    });
  const text = named.replace(CYRILLIC_WORD, (written) => {
    const as =
      PLACES.get(written.toLowerCase()) ??
      written
        .split('-')
        .map((part) => readWord(part, known))
        .join(' ');
    read.push({ written, as });
    return as;
  });
  if (!read.length) return null;
  return {
    text: text
      .replace(/[«»„“”]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    read,
  };
}
