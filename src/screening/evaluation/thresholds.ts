// Choosing the decision thresholds from the tune split. Every threshold on the grid is tried
// with a matcher built for it (caps such as "a parent is at most POSSIBLE" sit just under the
// MATCH threshold, so scores alone would not tell), and a stated rule picks the pair:
//   POSSIBLE: the best F1 of shown-for-review among thresholds with precision >= 0.97,
//             the highest such threshold on a tie;
//   MATCH:    the lowest threshold with the fewest false MATCHes, plus a 0.05 margin.
import type { ScreeningConfig } from '../config';
import type { EntityMatcher } from '../matcher';
import type { EvalCase } from './cases';
import { countAt, runEvaluation, type Counts } from './metrics';

export const PRECISION_TARGET = 0.97;
export const MATCH_MARGIN = 0.05;

export interface SweepRow {
  threshold: number;
  counts: Counts;
  f1: number;
}

type Thresholds = Pick<ScreeningConfig, 'matchThreshold' | 'possibleThreshold'>;
export type MatcherFor = (t: Thresholds) => EntityMatcher;

const f1 = (c: Counts) => {
  const p = c.precision ?? 0;
  const r = c.recall ?? 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
};
const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function grid(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let t = lo; t <= hi + 1e-9; t += step) out.push(round3(t));
  return out;
}

/** Shown-for-review measures for each POSSIBLE threshold (up to the MATCH threshold, which stays). */
export function sweepPossible(
  matcherFor: MatcherFor,
  cases: readonly EvalCase[],
  thresholds: number[],
  matchThreshold: number,
): SweepRow[] {
  return thresholds
    .filter((t) => t <= matchThreshold)
    .map((t) => {
      const results = runEvaluation(matcherFor({ possibleThreshold: t, matchThreshold }), cases);
      const counts = countAt(
        cases,
        results.map((r) => r.outcome),
        'FLAGGED',
      );
      return { threshold: t, counts, f1: f1(counts) };
    });
}

/** MATCH measures for each MATCH threshold (from the POSSIBLE threshold, which stays). */
export function sweepMatch(
  matcherFor: MatcherFor,
  cases: readonly EvalCase[],
  thresholds: number[],
  possibleThreshold: number,
): SweepRow[] {
  return thresholds
    .filter((t) => t >= possibleThreshold)
    .map((t) => {
      const results = runEvaluation(matcherFor({ possibleThreshold, matchThreshold: t }), cases);
      const counts = countAt(
        cases,
        results.map((r) => r.outcome),
        'MATCH',
      );
      return { threshold: t, counts, f1: f1(counts) };
    });
}

export interface Choice {
  threshold: number;
  why: string;
}

export function choosePossible(rows: readonly SweepRow[]): Choice {
  if (!rows.length) throw new Error('choosePossible: no sweep rows');
  const precise = rows.filter((r) => (r.counts.precision ?? 0) >= PRECISION_TARGET);
  const pool = precise.length ? precise : rows;
  const best = pool.reduce((a, b) => (b.f1 >= a.f1 - 1e-9 ? b : a));
  return {
    threshold: best.threshold,
    why: precise.length
      ? `best F1 (${best.f1.toFixed(3)}) among thresholds with precision >= ${PRECISION_TARGET}`
      : `no threshold reaches precision ${PRECISION_TARGET}; best F1 (${best.f1.toFixed(3)}) of all`,
  };
}

export function chooseMatch(rows: readonly SweepRow[], possibleThreshold: number): Choice {
  if (!rows.length) throw new Error('chooseMatch: no sweep rows');
  const fewest = Math.min(...rows.map((r) => r.counts.fp));
  const lowest = rows.find((r) => r.counts.fp === fewest)!;
  const threshold = Math.max(possibleThreshold, Math.min(1, round3(lowest.threshold + MATCH_MARGIN)));
  return {
    threshold,
    why: `lowest threshold with the fewest false MATCHes (${fewest}, from ${lowest.threshold}) plus a ${MATCH_MARGIN} margin`,
  };
}
