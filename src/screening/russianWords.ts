// The business words of a Chinese firm's name as Russian papers write them, each with the English
// word the Entity List uses: legal forms (ООО, Ко., Лтд), the English word respelled in Cyrillic
// ("Кемикал", "Текстайл") and the Russian word itself, any ending ("Химическая", "химической").
// A name's own words (Чжунтай, Хуафу) are read as pinyin instead (model/text/palladius.ts).
// Each pattern is a word's start; the whole word is replaced.

const WORDS: readonly (readonly [english: string, starts: readonly string[]])[] = [
  // legal forms: ООО, ОАО, ЗАО, АО, ПАО (Russia), ТОО (Kazakhstan), ОсОО (Kyrgyzstan)
  ['LLC', ['ооо', 'тоо', 'осоо']],
  ['JSC', ['оао', 'зао', 'пао']],
  ['Co', ['ко', 'компани']],
  ['Ltd', ['лтд', 'лимитед', 'лимитэд']],
  ['Corporation', ['корпорейшн', 'корпорац']],
  ['Group', ['груп', 'групп', 'холдинг']],
  ['Inc', ['инк']],
  ['and', ['и', 'энд']],
  // the list's business words
  ['Chemical', ['кемикал', 'химическ', 'химия', 'химии']],
  ['Textile', ['текстиль', 'текстил', 'текстайл']],
  ['Industry', ['индастри', 'индустри', 'промышленн', 'промышленност']],
  ['Technology', ['технолоджи', 'текнолоджи', 'технологи', 'технологическ', 'тек']],
  ['Silicon', ['силикон', 'кремни']],
  ['Trade', ['трейд', 'торгов']],
  ['International', ['интернешнл', 'интернэшнл', 'интернейшнл', 'международн']],
  ['Development', ['девелопмент', 'развити']],
  ['Logistics', ['логистик', 'логистическ']],
  ['Warehousing', ['складск', 'вэрхаузинг']],
  ['New', ['нью', 'новый', 'новая', 'новое', 'новые', 'новых', 'новой', 'нового']],
  ['Import', ['импорт']],
  ['Export', ['экспорт']],
  ['Products', ['продукт', 'продукц']],
  ['Production', ['производств', 'продакшн']],
  ['Construction', ['строительн', 'констракшн']],
  ['Machinery', ['машиностроит', 'машинери']],
  ['Investment', ['инвестиц', 'инвестмент']],
  ['Cotton', ['хлопк', 'хлопок', 'хлопчатобумажн', 'коттон']],
  ['Bio', ['био']],
  ['Food', ['пищев', 'продовольств', 'фуд']],
  ['Energy', ['энерджи', 'энерги', 'энергетическ']],
  ['Pharmaceutical', ['фармацевтическ', 'фармасьютикал', 'фарм']],
  ['Aluminum', ['алюмини', 'алюминиев']],
  ['Gold', ['золот', 'голд']],
  ['Mining', ['горнодобыва', 'майнинг', 'горн']],
  ['Carbon', ['углерод', 'карбон']],
  ['Material', ['материал']],
  ['Nonferrous', ['цветн']],
  ['Iron', ['железн', 'чугун']],
  ['Steel', ['стал', 'стил']],
  ['Shoe', ['обув']],
  ['Apparel', ['одежд', 'швейн', 'гармент']],
  ['Agriculture', ['сельскохозяйствен', 'сельск', 'аграрн', 'агрикалчер']],
  ['Sugar', ['сахар', 'шугар']],
  ['Medicine', ['медицин', 'лекарств']],
  ['Solar', ['солнечн', 'солар']],
  ['Metal', ['металл', 'метал']],
  ['Fiber', ['волокн', 'файбер']],
  ['Color', ['цвет', 'колор']],
  ['Spinning', ['прядильн', 'спиннинг']],
  ['Dyeing', ['красильн']],
  ['Yarn', ['пряж']],
  ['Electronics', ['электроник', 'электронн']],
  ['Tomato', ['томат']],
  ['Polysilicon', ['поликремни', 'полисиликон']],
  ['Magnesium', ['магни']],
  ['Copper', ['медн']],
  ['Titanium', ['титан']],
  ['Lithium', ['лити']],
  ['Battery', ['аккумулятор', 'батаре']],
  ['Coal', ['угол', 'угл', 'угольн']],
  ['Power', ['пауэр']],
  ['Wool', ['шерст']],
  ['Linen', ['льнян', 'лён', 'лен']],
  ['Science', ['наук', 'научн', 'сайенс']],
];

const fold = (w: string) => w.toLowerCase().replace(/ё/g, 'е');
const BY_START = WORDS.flatMap(([english, starts]) => starts.map((s) => [fold(s), english] as const)).sort(
  (a, b) => b[0].length - a[0].length,
);
// a stem of three letters or fewer is the whole word, not its start ("ко" is Co, "кошка" is not)
const WHOLE_ONLY = 3;

/** The English business word a Russian word writes ("Химической" → "Chemical", "Ко" → "Co"), or null. */
export function englishOfRussianWord(word: string): string | null {
  const w = fold(word);
  for (const [start, english] of BY_START) {
    if (start.length <= WHOLE_ONLY ? w === start : w.startsWith(start)) return english;
  }
  return null;
}
