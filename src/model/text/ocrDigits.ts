// Digits a scan or a typist put for the letters they look like ("Hosh1ne", "Xinj1ang", "5hache"):
// shared by the name screening and the place rule, which both read such a word as letters.
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
