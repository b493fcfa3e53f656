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
