// Candidate generation: the indexed names that share a token (or its second reading), a
// spelling, two spellings joined, a typo-close word or an acronym of a pinyin word with the query.
import type { NameIndex } from './nameIndex';
import type { TypoMatches, WeightedToken } from './types';

export function candidatesFor(index: NameIndex, q: WeightedToken[], fuzzy: TypoMatches): Set<number> {
  const { byToken, byJoined, bySpelling, byAcronym, byInitials } = index;
  const out = new Set<number>();
  const addAll = (l: number[] | undefined) => {
    if (l) for (const id of l) out.add(id);
  };
  q.forEach((t, i) => {
    addAll(byToken.get(t.text));
    if (t.alt) addAll(byToken.get(t.alt));
    for (const a of t.initials ?? []) addAll(byAcronym.get(a));
    if (t.written === 'capitals') addAll(byInitials.get(t.text));
    if (t.kind === 'name') {
      addAll(byJoined.get(t.raw));
      for (const w of fuzzy[i].keys()) addAll(byToken.get(w));
    }
    const next = q[i + 1];
    if (next && t.raw && next.raw) addAll(bySpelling.get(t.raw + next.raw));
  });
  return out;
}
