// Misreadings of scanned and retyped documents inside a word: digits read for letters
// ("Texti1e", "Zh0ngtai", "5ilicon", "8attery") and letters read for others ("Chernical" for
// Chemical, "Westem" for Western, "Vvoollen" for Woollen, "Constructiori", "Aksii", "Zhuhal"). Only words
// that are otherwise letters are repaired, so "No.1 Factory" or "5G" stay as written.
export { digitRepairs } from '../model/text/ocrDigits';

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
