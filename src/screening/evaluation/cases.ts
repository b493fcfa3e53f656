// The labelled cases the matcher is measured on (test/fixtures/screening-eval*.json): what a
// case says, read with a clear error for a malformed one, and the split each case belongs to.
// Thresholds are chosen on the "tune" split and reported on the "report" split, so the
// numbers reported are not the ones the thresholds were fitted to.
import { createHash } from 'node:crypto';
import { z } from 'zod';

export type Decision = 'MATCH' | 'POSSIBLE';

const evalCaseSchema = z
  .object({
    query: z.string().min(1),
    country: z.string().min(2).nullable().optional(),
    /** The entry's name as DHS writes it, or null when the firm is not on the list. */
    expect: z.string().min(1).nullable(),
    /** Other entries as right as `expect`: a sibling may be shown against any listed relative. */
    accept: z.array(z.string().min(1)).min(1).optional(),
    /**
     * The highest decision that is not an error. For a listed name, MATCH (the default); for a
     * parent, a sibling or a name without its place, POSSIBLE: it must be shown for review and
     * never decided MATCH. For an unlisted firm, POSSIBLE tolerates a review (a firm of the
     * same name elsewhere may be related) while MATCH stays an error; without it any
     * candidate is a false alarm.
     */
    atMost: z.enum(['MATCH', 'POSSIBLE']).optional(),
    /** The class of variant or look-alike, reported on its own. */
    kind: z.string().min(1),
    note: z.string().optional(),
  })
  .strict()
  .refine((c) => !(c.expect === null && c.accept), { message: 'accept needs an expected entry', path: ['accept'] })
  .refine((c) => !(c.expect === null && c.atMost === 'MATCH'), {
    message: 'an unlisted firm may at most be POSSIBLE',
    path: ['atMost'],
  });

export type EvalCase = z.infer<typeof evalCaseSchema>;

/** Reads a JSON array of cases, naming the file, case and field of the first problem. */
export function parseEvalCases(json: unknown, source: string): EvalCase[] {
  if (!Array.isArray(json)) throw new Error(`${source}: expected a JSON array of cases`);
  return json.map((raw, i) => {
    const r = evalCaseSchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0];
      const query = (raw as { query?: unknown })?.query;
      throw new Error(
        `${source}: case ${i}${typeof query === 'string' ? ` ("${query}")` : ''}: ${issue.path.join('.') || 'case'}: ${issue.message}`,
      );
    }
    return r.data;
  });
}

/** The highest decision that is right for a listed name, or not an error for an unlisted one. */
export const mostAllowed = (c: EvalCase): Decision | null => c.atMost ?? (c.expect ? 'MATCH' : null);

/** Deciding this case MATCH is an error: an unlisted firm, or a relative of a listed one. */
export const mustNotMatch = (c: EvalCase): boolean => mostAllowed(c) !== 'MATCH';

/** Entries whose candidate is right for this case. */
export const rightEntries = (c: EvalCase): string[] => (c.expect ? [c.expect, ...(c.accept ?? [])] : []);

/** Which of the four roles a case plays: a listed name, a relative, a tolerated look-alike, or an unlisted firm. */
export function role(c: EvalCase): 'listed' | 'relative' | 'tolerated' | 'unlisted' {
  if (c.expect) return mostAllowed(c) === 'MATCH' ? 'listed' : 'relative';
  return c.atMost ? 'tolerated' : 'unlisted';
}

export type Split = 'tune' | 'report';

const hashOf = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The split of each case. Stratified: within each class and role the cases are ordered by a
 * hash of their query (and country) and dealt alternately to tune and report, so every class
 * is in both halves in the same proportions, and the deal depends on the cases alone.
 */
export function assignSplits(cases: readonly EvalCase[]): Split[] {
  const strata = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const key = `${c.kind}\u0000${role(c)}`;
    strata.set(key, [...(strata.get(key) ?? []), i]);
  });
  const out: Split[] = new Array<Split>(cases.length);
  for (const [key, idx] of strata) {
    const keyed = idx.map((i) => ({ i, h: hashOf(`${cases[i].query}\u0000${cases[i].country ?? ''}`) }));
    keyed.sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : a.i - b.i));
    // which half a stratum's odd case goes to also follows a hash, so neither half gets them all
    const first = parseInt(hashOf(key).slice(0, 2), 16) % 2;
    keyed.forEach(({ i }, rank) => (out[i] = (rank + first) % 2 === 0 ? 'tune' : 'report'));
  }
  return out;
}
