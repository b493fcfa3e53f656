// Typo tolerance on single tokens.
import { editDistance } from '../model/text/editDistance';

/** The word with up to k letters deleted, itself included. */
export function deletionsUpTo(w: string, k: number): string[] {
  const out = new Set<string>([w]);
  let frontier = [w];
  for (let step = 0; step < k; step++) {
    const next: string[] = [];
    for (const s of frontier)
      for (let i = 0; i < s.length; i++) {
        const d = s.slice(0, i) + s.slice(i + 1);
        if (!out.has(d)) {
          out.add(d);
          next.push(d);
        }
      }
    frontier = next;
  }
  return [...out];
}

export const STEM_LENGTH = 7;

/** Edits allowed for a token of this length: none below 4 letters, one up to 7, two from 8. */
export function allowedEdits(len: number): number {
  return len < 4 ? 0 : len < 8 ? 1 : 2;
}

/** Similarity 0..1 of two tokens under the typo rule, 0 when they are too far apart. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const len = Math.max(a.length, b.length);
  const short = Math.min(a.length, b.length);
  const max = allowedEdits(short);
  if (max === 0) return 0;
  const d = editDistance(a, b, max);
  if (d <= max) return 1 - (0.8 * d) / len;
  // A long shared stem ("Septwolf" / "Septwolves") counts as a near match. Seven letters, since
  // pinyin names share six easily ("Zhonghe" / "Zhonghuan").
  let p = 0;
  while (p < short && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p >= STEM_LENGTH && p >= 0.8 * short ? 0.7 + (0.2 * p) / len : 0;
}
