// A listed name written whole inside a longer name: "Xinjiang Production and Construction Corps
// Seventh Agricultural Division", "Hoshine Silicon Industry (Shanshan) Sales Office". Scoring
// weighs agreement both ways, so every word the query adds lowers the score, and a unit's name
// of four or five words more fell below POSSIBLE: the listed firm's own branch, division or
// subsidiary found nothing. Written whole, the listed name is a lead however much follows it.
import type { Alignment } from './scoring';
import type { Variant, WeightedToken } from './types';
import { fold } from '../../model/text/fold';

/** The fewest words a listed name needs to count when found whole: two, or three without a trade name among them. */
const MIN_WORDS = 2;
const MIN_WORDS_WITHOUT_TRADE_NAME = 3;

/**
 * Whether the query writes every word of the listed name `v` exactly, side by side (only business
 * words between them: "Trading", "Industry"), and adds words of its own. A listed name of one word
 * ("Meike", "KTK") does not count, one pinyin trade name being shared by many unrelated firms,
 * unless the entry is listed with its subordinate units (`withUnits`: "Bingtuan", "XPCC"), whose
 * names carry its own.
 */
export function containsListedName(q: WeightedToken[], v: Variant, r: Alignment, withUnits: boolean, written: string): boolean {
  const n = v.tokens.length;
  if (n < (withUnits ? 1 : MIN_WORDS) || v.tokens.every((t) => t.kind === 'form')) return false;
  if (n < MIN_WORDS_WITHOUT_TRADE_NAME && !v.tokens.some((t) => t.kind === 'name')) return false;
  if (r.usedQ.every(Boolean)) return false;
  const at: number[] = [];
  for (let j = 0; j < n; j++) {
    const p = r.used.find((u) => u.vj.includes(j));
    if (!p || p.sim !== 1 || p.acronym) return false;
    at.push(...p.qi);
  }
  // a name of one word, written as listed: the lexicon reads "Bingtuan" and "Corps" alike, but
  // "Peace Corps" is not the Bingtuan
  if (n === 1 && !writesWord(written, v.name)) return false;
  const first = Math.min(...at);
  const last = Math.max(...at);
  for (let i = first; i <= last; i++) if (!at.includes(i) && q[i].kind !== 'form') return false;
  return true;
}

/** Whether `text` writes `word` as a word of its own (case and accents aside). */
function writesWord(text: string, word: string): boolean {
  const w = fold(word).trim();
  const t = fold(text);
  let at = t.indexOf(w);
  for (; at >= 0; at = t.indexOf(w, at + 1)) {
    const before = t[at - 1];
    const after = t[at + w.length];
    if ((!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after))) return true;
  }
  return false;
}
