// Misreadings of scanned and retyped documents inside a word: digits read for letters
// ("Texti1e", "Zh0ngtai", "5ilicon", "8attery") and letters read for others ("Chernical" for
// Chemical, "Westem" for Western, "Vvoollen" for Woollen, "Constructiori", "Aksii", "Zhuhal"). Only words
// that are otherwise letters are repaired, so "No.1 Factory" or "5G" stay as written.

const DIGIT_AS_LETTER: Record<string, string[]> = { '0': ['o'], '1': ['l', 'i'], '5': ['s'], '8': ['b'] };
const MAX_SPELLINGS = 8;

/**
 * The letter spellings of a word with digits read as letters, likeliest first, or [] when the
 * word is not such a misreading: at least three letters, digits only 0, 1, 5 or 8, each digit
 * inside the word or at its start (a trailing digit is usually a number: "Plant1").
 */
export function digitRepairs(word: string): string[] {
  if (!/[0158]/.test(word) || !/^[a-z0158]+$/.test(word) || word.replace(/[0158]/g, '').length < 3) return [];
  if (/[0158]$/.test(word)) return [];
  let out = [''];
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    const opts = DIGIT_AS_LETTER[c];
    if (!opts) {
      out = out.map((s) => s + c);
      continue;
    }
    // "1" before a vowel is an l (Texti1e, 1ong, Supp1y), elsewhere or after an l an i (Hosh1ne, Chem1cal, Mongol1a).
    const asI = !/[aeiouy]/.test(word[i + 1] ?? '') || word[i - 1] === 'l';
    const ordered = c === '1' && asI ? [...opts].reverse() : opts;
    out = out.flatMap((s) => ordered.map((o) => s + o)).slice(0, MAX_SPELLINGS);
  }
  return out;
}

/**
 * One spelling for all the ways a scan or a retyping may show a word: letters whose shapes run
 * together or fall apart (rn and m, vv and w, ri and n, ii and u, cl and d) and strokes that look
 * alike (l and i) each written one way. Two words with the same key differ only by such
 * misreadings, however many ("Constructiori", "Aksii", "Zhuhal", "Jurian Jirisheng", "Westem").
 * The caller indexes the words it knows by key and looks an unknown word up by its key.
 */
export function ocrKey(word: string): string {
  // each letter that may be misread written as the longer form it may be misread as, in one pass,
  // so no fold depends on its neighbours: "titaniiim" and "titanium" both become titaniiirri
  let out = '';
  for (const c of word) out += OCR_EXPANSION[c] ?? c;
  return out;
}
const OCR_EXPANSION: Readonly<Record<string, string>> = { l: 'i', d: 'ci', m: 'rri', w: 'vv', u: 'ii', n: 'ri' };

/** Known words by their OCR key; a key two known words share leads to neither. */
export function ocrKeyIndex(words: Iterable<string>, minLength = 4): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const w of words) {
    if (w.length < minLength) continue;
    const k = ocrKey(w);
    const had = out.get(k);
    out.set(k, had === undefined || had === w ? w : null);
  }
  return out;
}
