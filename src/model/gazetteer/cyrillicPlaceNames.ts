// The region's and its main places' names in Cyrillic, as Russian and Kazakh write them (the
// Russian and Kazakh Wikipedias, Palladius transcription for the Chinese-origin names), each with
// the Latin spelling seed/xuar-places.json knows. Goods from the XUAR cross into Kazakhstan and
// onward with papers in Russian or Kazakh; an address so written ("г. Урумчи, Синьцзян-Уйгурский
// автономный район") must still place the site. A name is read as a whole word only, so "Аксуат"
// is not Аксу; Или (Ili) and Куча (Kuqa) alone are left out, being the Russian words for "or" and
// "heap". Longest first.
export const CYRILLIC_PLACE_NAMES: readonly (readonly [cyrillic: string, latin: string])[] = [
  ['Синьцзян-Уйгурский автономный район', 'Xinjiang Uyghur Autonomous Region'],
  ['Синьцзян-Уйгурского автономного района', 'Xinjiang Uyghur Autonomous Region'],
  ['Синьцзян-Уйгурском автономном районе', 'Xinjiang Uyghur Autonomous Region'],
  ['Синьцзян-Уйгурский', 'Xinjiang Uyghur Autonomous Region'],
  ['Шыңжаң Ұйғыр автономиялық ауданы', 'Xinjiang Uyghur Autonomous Region'],
  ['Синьцзянский производственно-строительный корпус', 'Xinjiang Production and Construction Corps'],
  ['Или-Казахский автономный округ', 'Ili Kazakh Autonomous Prefecture'],
  ['Или-Казахский', 'Ili Kazakh Autonomous Prefecture'],
  ['Баян-Гол-Монгольский', 'Bayingolin'],
  ['Боро-Тала-Монгольский', 'Bortala'],
  ['Кызылсу-Киргизский', 'Kizilsu'],
  ['Синьцзяне', 'Xinjiang'],
  ['Синьцзяна', 'Xinjiang'],
  ['Синьцзян', 'Xinjiang'],
  ['Шыңжаң', 'Xinjiang'],
  ['СУАР', 'XUAR'],
  ['Бинтуань', 'Bingtuan'],
  ['Урумчи', 'Urumqi'],
  ['Үрімші', 'Urumqi'],
  ['Карамай', 'Karamay'],
  ['Қарамай', 'Karamay'],
  ['Турфан', 'Turpan'],
  ['Тұрпан', 'Turpan'],
  ['Кумул', 'Hami'],
  ['Хами', 'Hami'],
  ['Чанцзи', 'Changji'],
  ['Сангджи', 'Changji'],
  ['Бортала', 'Bortala'],
  ['Боро-Тала', 'Bortala'],
  ['Баянгол', 'Bayingolin'],
  ['Баян-Гол', 'Bayingolin'],
  ['Аксу', 'Aksu'],
  ['Ақсу', 'Aksu'],
  ['Кызылсу', 'Kizilsu'],
  ['Кашгар', 'Kashgar'],
  ['Қашқар', 'Kashgar'],
  ['Хотан', 'Hotan'],
  ['Хотане', 'Hotan'],
  ['Кульджа', 'Ghulja'],
  ['Құлжа', 'Ghulja'],
  ['Инин', 'Yining'],
  ['Тачэн', 'Tacheng'],
  ['Чугучак', 'Tacheng'],
  ['Шәуешек', 'Tacheng'],
  ['Алтай', 'Altay'],
  ['Шихэцзы', 'Shihezi'],
  ['Корла', 'Korla'],
  ['Корле', 'Korla'],
  ['Кучар', 'Kuqa'],
  ['Кашгаре', 'Kashgar'],
  ['Яркенд', 'Yarkand'],
];

/** Russian words that spell a XUAR place in Palladius syllables and are read as the words: "или" (or: Yili), "куча" (heap: Kuqa). */
export const RUSSIAN_WORDS_NOT_PLACES: ReadonlySet<string> = new Set(['или', 'куча', 'кучи', 'кучу']);

// Russian declines a place's name and makes adjectives of it ("в Турфане", "Кашгарский округ",
// "Хотанская область"): a one-word name ending in a consonant or й is read with its case endings
// and its adjective's; one ending in а or я with theirs (Кульджи, Корлой); names ending in
// another vowel (Урумчи, Аксу, Хами) do not decline. Kazakh names (with letters Russian lacks)
// are read as written.
const ADJECTIVE = 'ск(?:ий|ая|ое|ие|ого|ой|ому|ом|ую|их|им|ими)';
const KAZAKH_LETTERS = /[әғқңөұүһі]/iu;

/** A pattern's source for a Cyrillic name with the Russian forms it takes (the name itself first). */
export function russianFormsSource(written: string): string {
  const name = written.replace(/-/g, '[-\\s]?');
  if (/[\s-]/.test(written) || KAZAKH_LETTERS.test(written) || written.length < 4) return name;
  const last = written.slice(-1).toLowerCase();
  const stem = name.slice(0, -1);
  if (last === 'й') return `${stem}(?:й|я|ю|ем|е|й${ADJECTIVE})`;
  if (last === 'а' || last === 'я') return `${stem}(?:[аяыиеу]|ой|ей|ою|ин${ADJECTIVE})`;
  if (/[бвгджзклмнпрстфхцчшщ]/.test(last)) return `${name}(?:а|у|ом|е|${ADJECTIVE})?`;
  return name;
}
