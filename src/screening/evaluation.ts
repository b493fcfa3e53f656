// Precision and recall of the matcher on a labelled set (test/fixtures/screening-eval.json).
// Each case counts by its best candidate: a positive case is a true positive when that
// candidate is the expected entry and scores at or above the threshold; any other candidate
// at or above the threshold is a false positive. So a wrong entity costs both measures.
import type { EntityMatcher, ScreeningCandidate } from './matcher';

export interface EvalCase {
  query: string;
  country?: string | null;
  /** The entry's name as DHS writes it, or null when the firm is not on the list. */
  expect: string | null;
  kind: string;
  note?: string;
}
export interface EvalResult {
  case: EvalCase;
  top: ScreeningCandidate | null;
  /** Score of the expected entry among all candidates, 0 when it was not found. */
  expectedScore: number;
}
export interface Metrics {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  /** Hard negatives scoring at or above the threshold. */
  hardNegatives: number;
}

export const HARD_NEGATIVE = 'hard-negative';
const FLOOR = 0.3;

export function runEvaluation(matcher: EntityMatcher, cases: EvalCase[]): EvalResult[] {
  return cases.map((c) => {
    const found = matcher.screen(c.query, { country: c.country ?? null, limit: 50, minScore: FLOOR });
    const expected = c.expect ? found.find((f) => f.entityName === c.expect) : undefined;
    return { case: c, top: found[0] ?? null, expectedScore: expected?.score ?? 0 };
  });
}

export function metricsAt(results: EvalResult[], threshold: number): Metrics {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0,
    hardNegatives = 0;
  for (const r of results) {
    const hit = r.top && r.top.score >= threshold ? r.top : null;
    if (r.case.expect) {
      if (hit && hit.entityName === r.case.expect) tp++;
      else {
        fn++;
        if (hit) fp++;
      }
    } else if (hit) {
      fp++;
      if (r.case.kind === HARD_NEGATIVE) hardNegatives++;
    } else tn++;
  }
  return {
    threshold,
    tp,
    fp,
    fn,
    tn,
    hardNegatives,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
  };
}

/** Rows for thresholds lo..hi in steps. */
export function metricsTable(results: EvalResult[], lo = 0.5, hi = 1, step = 0.025): Metrics[] {
  const rows: Metrics[] = [];
  for (let t = lo; t <= hi + 1e-9; t += step) rows.push(metricsAt(results, Math.round(t * 1000) / 1000));
  return rows;
}
