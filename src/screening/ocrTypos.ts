// Misreadings of scanned and retyped documents inside a word: digits read for letters
// ("Texti1e", "Zh0ngtai", "5ilicon", "8attery") and letter pairs read as one letter or the other way
// round ("Chernical" for Chemical, "Westem" for Western, "Vvoollen" for Woollen). Only words
// that are otherwise letters are repaired, so "No.1 Factory" or "5G" stay as written.

const DIGIT_AS_LETTER: Record<string, string[]> = { '0': ['o'], '1': ['l', 'i'], '5': ['s'], '8': ['b'] };
// Each pair: what a scan or retyping shows, and the letters it stands for. Shapes that run
// together or fall apart (rn/m, vv/w, ri/n, ii/u, cl/d) and strokes that look alike (l/i).
const LETTER_PAIRS: Array<[string, string]> = [
  ['rn', 'm'],
  ['m', 'rn'],
  ['vv', 'w'],
  ['w', 'vv'],
  ['ri', 'n'],
  ['ii', 'u'],
  ['cl', 'd'],
  ['l', 'i'],
  ['i', 'l'],
];
// Pairs that a word misread throughout repeats ("Vvestern Chernical"): put right everywhere at once.
const REPEATED_PAIRS: Array<[string, string]> = [
  ['rn', 'm'],
  ['vv', 'w'],
  ['ri', 'n'],
  ['ii', 'u'],
];
const MAX_PAIR_SPELLINGS = 48;
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

/** The word with one misread pair put right, at each place it occurs. */
function oneRepair(word: string): string[] {
  const out: string[] = [];
  for (const [from, to] of LETTER_PAIRS) {
    let at = word.indexOf(from);
    while (at >= 0) {
      out.push(word.slice(0, at) + to + word.slice(at + from.length));
      at = word.indexOf(from, at + 1);
    }
  }
  return out;
}

/**
 * Spellings of a letter word with one or two misread letter pairs put right (one first), for
 * words the list or lexicon does not know as written: "Constructiori", "Aksii", "Zhuhal",
 * "Jurian Jirisheng". The caller keeps only a spelling it knows.
 */
export function letterPairRepairs(word: string): string[] {
  const out = new Set<string>(oneRepair(word));
  // every repeated pair put right at once, for a word misread throughout
  let all = word;
  for (const [from, to] of REPEATED_PAIRS) all = all.split(from).join(to);
  if (all !== word) out.add(all);
  for (const once of [...out]) {
    if (out.size >= MAX_PAIR_SPELLINGS) break;
    for (const twice of oneRepair(once)) if (twice !== word && out.size < MAX_PAIR_SPELLINGS) out.add(twice);
  }
  return [...out];
}
