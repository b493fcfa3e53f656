// Misreadings of scanned and retyped documents inside a word: digits read for letters
// ("Texti1e", "Zh0ngtai", "5ilicon") and letter pairs read as one letter or the other way
// round ("Chernical" for Chemical, "Westem" for Western, "Vvoollen" for Woollen). Only words
// that are otherwise letters are repaired, so "No.1 Factory" or "5G" stay as written.

const DIGIT_AS_LETTER: Record<string, string[]> = { '0': ['o'], '1': ['l', 'i'], '5': ['s'] };
const LETTER_PAIRS: Array<[string, string]> = [
  ['rn', 'm'],
  ['m', 'rn'],
  ['vv', 'w'],
  ['w', 'vv'],
];
const MAX_SPELLINGS = 8;

/**
 * The letter spellings of a word with digits read as letters, likeliest first, or [] when the
 * word is not such a misreading: at least three letters, digits only 0, 1 or 5, each digit
 * inside the word or at its start (a trailing digit is usually a number: "Plant1").
 */
export function digitRepairs(word: string): string[] {
  if (!/[015]/.test(word) || !/^[a-z015]+$/.test(word) || word.replace(/[015]/g, '').length < 3) return [];
  if (/[015]$/.test(word)) return [];
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

/** Spellings of a letter word with one misread letter pair put right, for words the list or lexicon does not know as written. */
export function letterPairRepairs(word: string): string[] {
  const out: string[] = [];
  for (const [from, to] of LETTER_PAIRS) {
    let at = word.indexOf(from);
    while (at >= 0 && out.length < MAX_SPELLINGS) {
      out.push(word.slice(0, at) + to + word.slice(at + from.length));
      at = word.indexOf(from, at + 1);
    }
  }
  // every rn and vv put right at once, for a word misread twice ("Vvestern Chernical")
  let all = word;
  for (const [from, to] of LETTER_PAIRS.filter((_, k) => k % 2 === 0)) all = all.split(from).join(to);
  if (all !== word && !out.includes(all)) out.push(all);
  return out;
}
