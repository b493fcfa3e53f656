// Words run together with no capital or space to show where one ends ("XINJIANGZHONGTAICHEMICAL",
// "xinjiangzhongtai", as domain names, file names and some customs systems write a firm): a long
// word the list does not know is split into the fewest words it does know, the list's own words
// and the business words and places screening knows, and the name so split is screened as another reading.
import { LEXICON } from '../lexicon';
import { placeTables } from '../places';
import { isPinyinWord } from '../../model/text/pinyin';
import type { Variant } from './types';

/** Shorter than this, a word is more likely a word of its own than several run together. */
const MIN_RUN = 7;
/** A piece shorter than this ("a", "x") would split almost anything. */
const MIN_PIECE = 2;
// A pinyin trade name is syllables run together by nature ("Yuanhang" is no "yuan" and "hang"): one
// is split only when long, into words of two syllables or so ("xinjiangzhongtai").
const MIN_PINYIN_RUN = 10;
const MIN_PINYIN_PIECE = 4;
const LETTERS = /^[a-z]+$/;

/** A reader splitting run-together words into the words of the list's names and the lexicon. */
export function runTogetherReader(variants: readonly Variant[]): (name: string) => string | undefined {
  const words = new Set<string>();
  const add = (w: string) => {
    const l = w.toLowerCase();
    if (l.length >= MIN_PIECE && LETTERS.test(l)) words.add(l);
  };
  for (const v of variants) for (const t of v.tokens) for (const w of [t.raw, t.text]) add(w);
  for (const e of LEXICON) for (const w of [...(e.en ?? []), ...(e.py ?? [])]) if (!w.includes(' ')) add(w);
  // the places screening knows (a listed name's place may be written in another spelling: Hotan for Hetian)
  for (const key of placeTables().latin.keys()) if (key.length >= 4) add(key);
  const longest = Math.max(...[...words].map((w) => w.length));

  /** The fewest known words of `minPiece` letters or more spelling `w`, or null. */
  const split = (w: string, minPiece: number): string[] | null => {
    const best: (string[] | null)[] = [[]];
    for (let i = 1; i <= w.length; i++) {
      best[i] = null;
      for (let len = Math.min(longest, i); len >= minPiece; len--) {
        const before = best[i - len];
        if (before && words.has(w.slice(i - len, i)) && (!best[i] || before.length + 1 < best[i]!.length))
          best[i] = [...before, w.slice(i - len, i)];
      }
    }
    const found = best[w.length];
    return found && found.length >= 2 ? found : null;
  };

  return (name) => {
    let changed = false;
    const read = name.replace(/\p{L}+/gu, (word) => {
      const lower = word.toLowerCase();
      if (lower.length < MIN_RUN || !LETTERS.test(lower) || words.has(lower)) return word;
      const pinyin = isPinyinWord(lower);
      if (pinyin && lower.length < MIN_PINYIN_RUN) return word;
      const pieces = split(lower, pinyin ? MIN_PINYIN_PIECE : MIN_PIECE);
      if (!pieces) return word;
      changed = true;
      return pieces.join(' ');
    });
    return changed ? read : undefined;
  };
}
