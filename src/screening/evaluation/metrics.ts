// Precision and recall of a screen on the labelled cases, per class of variant. Each case
// counts by its best candidate and the decision taken on it. A case is counted at two levels:
//   MATCH    - decided MATCH. Positives are listed names (atMost MATCH); a relative or an
//              unlisted firm decided MATCH is a false positive.
//   FLAGGED  - shown at all (MATCH or POSSIBLE). Positives are listed names and relatives;
//              an unlisted firm shown is a false positive, unless the case tolerates a review.
// A candidate for the wrong entry costs both measures: a false positive and a miss.
import type { EntityMatcher, ScreeningCandidate } from '../matcher';
import { mostAllowed, mustNotMatch, rightEntries, type Decision, type EvalCase } from './cases';

/** What a screen decided on one case: its best candidate's entry and decision (null: not shown). */
export interface Outcome {
  entity: string | null;
  decision: Decision | null;
  score: number;
}

export interface EvalResult {
  case: EvalCase;
  /** Best candidate, even below the POSSIBLE threshold (down to FLOOR). */
  top: ScreeningCandidate | null;
  /** Score of the expected entry among all candidates, 0 when it was not found. */
  expectedScore: number;
  /** The outcome at the matcher's configured thresholds. */
  outcome: Outcome;
}

export const HARD_NEGATIVE = 'hard-negative';
const FLOOR = 0.3;

export function runEvaluation(matcher: EntityMatcher, cases: readonly EvalCase[]): EvalResult[] {
  const { possibleThreshold } = matcher.config;
  return cases.map((c) => {
    const found = matcher.screen(c.query, { country: c.country ?? null, limit: 50, minScore: FLOOR });
    const top = found[0] ?? null;
    const expected = c.expect ? found.find((f) => f.entityName === c.expect) : undefined;
    const shown = top && top.score >= possibleThreshold ? top : null;
    return {
      case: c,
      top,
      expectedScore: expected?.score ?? 0,
      outcome: { entity: shown?.entityName ?? null, decision: shown?.decision ?? null, score: top?.score ?? 0 },
    };
  });
}

export type Level = 'MATCH' | 'FLAGGED';

export interface Counts {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Unlisted firms shown as POSSIBLE where the case tolerates it (no error, no hit). */
  tolerated: number;
  /** null when nothing was shown (no precision to speak of). */
  precision: number | null;
  /** null when the class has no positive at this level. */
  recall: number | null;
  /** Precision with tolerated cases counted as false positives. */
  strictPrecision: number | null;
}

const ratio = (a: number, b: number) => (b ? a / b : null);

/** Counts at one level over cases and their outcomes (same order). */
export function countAt(cases: readonly EvalCase[], outcomes: readonly Outcome[], level: Level): Counts {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0,
    tolerated = 0;
  cases.forEach((c, i) => {
    const o = outcomes[i];
    const hit = level === 'MATCH' ? o.decision === 'MATCH' : o.decision !== null;
    const right = o.entity !== null && rightEntries(c).includes(o.entity);
    const positive = c.expect !== null && (level === 'FLAGGED' || mostAllowed(c) === 'MATCH');
    if (positive) {
      if (hit && right) tp++;
      else {
        fn++;
        if (hit) fp++;
      }
    } else if (!hit) tn++;
    else if (level === 'FLAGGED' && c.expect === null && c.atMost === 'POSSIBLE' && o.decision === 'POSSIBLE') tolerated++;
    else fp++;
  });
  return {
    n: cases.length,
    tp,
    fp,
    fn,
    tn,
    tolerated,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    strictPrecision: ratio(tp, tp + fp + tolerated),
  };
}

export interface ClassMetrics {
  kind: string;
  n: number;
  /** Cases with an expected entry (listed names and relatives). */
  positives: number;
  match: Counts;
  flagged: Counts;
  /** Cases that must not be decided MATCH (unlisted firms and relatives), and how many were. */
  mustNotMatch: number;
  decidedMatch: number;
  /** Unlisted firms (look-alikes), how many were shown at all and how many decided MATCH. */
  unlisted: number;
  unlistedShown: number;
  unlistedMatched: number;
}

export function classMetrics(kind: string, cases: readonly EvalCase[], outcomes: readonly Outcome[]): ClassMetrics {
  const at = (pred: (c: EvalCase, o: Outcome) => boolean) => cases.filter((c, i) => pred(c, outcomes[i])).length;
  return {
    kind,
    n: cases.length,
    positives: at((c) => c.expect !== null),
    match: countAt(cases, outcomes, 'MATCH'),
    flagged: countAt(cases, outcomes, 'FLAGGED'),
    mustNotMatch: at((c) => mustNotMatch(c)),
    decidedMatch: at((c, o) => mustNotMatch(c) && o.decision === 'MATCH'),
    unlisted: at((c) => c.expect === null),
    unlistedShown: at((c, o) => c.expect === null && o.decision !== null),
    unlistedMatched: at((c, o) => c.expect === null && o.decision === 'MATCH'),
  };
}

/** Metrics of each class (in first-seen order, or `order` first), then of all cases as "all". */
export function metricsByClass(cases: readonly EvalCase[], outcomes: readonly Outcome[], order: readonly string[] = []): ClassMetrics[] {
  const kinds = [...new Set([...order.filter((k) => cases.some((c) => c.kind === k)), ...cases.map((c) => c.kind)])];
  const rows = kinds.map((k) => {
    const idx = cases.flatMap((c, i) => (c.kind === k ? [i] : []));
    return classMetrics(
      k,
      idx.map((i) => cases[i]),
      idx.map((i) => outcomes[i]),
    );
  });
  return [...rows, classMetrics('all', cases, outcomes)];
}

/** Outcomes of a screen that has one threshold (every candidate at or above it counts as shown). */
export function thresholdOutcomes(tops: ReadonlyArray<{ entity: string; score: number } | null>, threshold: number): Outcome[] {
  return tops.map((t) =>
    t && t.score >= threshold
      ? { entity: t.entity, decision: 'POSSIBLE', score: t.score }
      : { entity: null, decision: null, score: t?.score ?? 0 },
  );
}

// The measure as it was before cases said how far they may be decided: one threshold, every
// case with an expected entry a positive. Kept so older benchmark numbers stay comparable.
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

export function metricsAt(results: readonly EvalResult[], threshold: number): Metrics {
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
export function metricsTable(results: readonly EvalResult[], lo = 0.5, hi = 1, step = 0.025): Metrics[] {
  const rows: Metrics[] = [];
  for (let t = lo; t <= hi + 1e-9; t += step) rows.push(metricsAt(results, Math.round(t * 1000) / 1000));
  return rows;
}
