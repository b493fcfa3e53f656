// "Did you mean": the known name an unknown one most resembles, for errors about misspelt
// keys (bundle fields, workbook headers). Names compare with case, spaces, "_" and "-"
// ignored ("Province", "entry_date", "HS-Code"), then by edit distance.
import { distance } from 'fastest-levenshtein';

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** Edits allowed between a misspelling and the name it stands for: none below 3 characters, then about one in four. */
const allowed = (len: number) => (len < 3 ? 0 : Math.max(1, Math.floor(len / 4)));

/** The known name `given` most resembles, or undefined when none is close. */
export function nearestName(given: string, known: readonly string[]): string | undefined {
  const g = squash(given);
  if (!g || g.length > 100) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const n = squash(name);
    if (n === g) return name;
    const d = distance(g, n);
    if (d <= allowed(Math.min(g.length, n.length)) && d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}
