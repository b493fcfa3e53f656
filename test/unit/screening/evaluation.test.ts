// The screening evaluation: the labelled set is well-formed and split the same way every time,
// the measures count what the cases say (atMost, accepted relatives, tolerated reviews), and
// the matcher keeps its level on the classes it has long handled.
import { loadSeedEntityList, entityKey, type EntityListVersion } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import {
  assignSplits,
  chooseMatch,
  choosePossible,
  countAt,
  HARD_NEGATIVE,
  metricsAt,
  metricsByClass,
  parseEvalCases,
  runEvaluation,
  sweepMatch,
  sweepPossible,
  thresholdOutcomes,
  type EvalCase,
  type EvalResult,
  type Outcome,
  type SweepRow,
} from '../../../src/screening/evaluation';
import { EVAL_FILE, GENERATED_EVAL_FILE, loadScreeningEvalCases, readEvalFile } from '../../fixtures/screeningEval';
import { generateEvalVariants } from '../../fixtures/screeningEvalVariants';

const list = loadSeedEntityList();
const cases = loadScreeningEvalCases();

// The classes of issue 13 and those before it; each must be measured on both splits.
const CLASSES = [
  'exact',
  'legal-form',
  'case-punct',
  'typo',
  'pinyin',
  'chinese',
  'alias',
  'former',
  'city-prefix',
  'dropped-word',
  'abbreviation',
  'ocr-typo',
  'disguise',
  'old-romanization',
  'traditional',
  'tone-marks',
  'place-conflict',
  'place-missing',
  'parent',
  'sibling',
  'hard-negative',
];

describe('screening evaluation set', () => {
  it('names only real entries, and no unlisted firm by a listed name', () => {
    expect(cases.length).toBeGreaterThanOrEqual(900);
    const names = new Set(list.entries.map((e) => e.name));
    const unknown = cases.flatMap((c) => [c.expect, ...(c.accept ?? [])]).filter((n) => n !== null && !names.has(n));
    expect(unknown).toEqual([]);
    const listed = new Set(list.entries.flatMap((e) => [e.name, ...e.aliases, ...e.formerNames, ...e.localNames]).map(entityKey));
    expect(cases.filter((c) => !c.expect && listed.has(entityKey(c.query))).map((c) => c.query)).toEqual([]);
  });

  it('has each query once (with its country)', () => {
    const keys = cases.map((c) => `${c.query}\u0000${c.country ?? ''}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('has every class in both splits, with listed names and look-alikes where the class has both', () => {
    const splits = assignSplits(cases);
    for (const kind of CLASSES) {
      const idx = cases.flatMap((c, i) => (c.kind === kind ? [i] : []));
      expect({ kind, tune: idx.some((i) => splits[i] === 'tune'), report: idx.some((i) => splits[i] === 'report') }).toEqual({
        kind,
        tune: true,
        report: true,
      });
    }
    // relatives are at most POSSIBLE, look-alikes of place expect nothing
    expect(
      cases.filter((c) => ['place-missing', 'parent', 'sibling'].includes(c.kind) && c.expect && !c.atMost).map((c) => c.query),
    ).toEqual(cases.filter((c) => c.kind === 'sibling' && c.expect === 'Xinjiang Production and Construction Corps').map((c) => c.query));
    expect(cases.filter((c) => c.kind === 'place-conflict' && c.expect !== null)).toEqual([]);
  });

  it('has the generated variants as the generator writes them today', () => {
    expect(readEvalFile(GENERATED_EVAL_FILE)).toEqual(generateEvalVariants(list, readEvalFile(EVAL_FILE)));
  });

  // A floor on the classes the matcher has long handled (the newer ones are measured by `npm run bench`).
  describe('on the long-standing classes, at the configured thresholds', () => {
    const LONG_STANDING = new Set([
      'exact',
      'legal-form',
      'case-punct',
      'typo',
      'pinyin',
      'chinese',
      'alias',
      'former',
      'city-prefix',
      'dropped-word',
    ]);
    const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
    let results: EvalResult[];
    beforeAll(() => {
      results = runEvaluation(
        matcher,
        cases.filter((c) => LONG_STANDING.has(c.kind) || c.kind === HARD_NEGATIVE),
      );
    });

    it('reaches recall and precision of at least 0.95 for MATCH or POSSIBLE', () => {
      const m = metricsAt(results, DEFAULT_SCREENING_CONFIG.possibleThreshold);
      expect(m.recall).toBeGreaterThanOrEqual(0.95);
      expect(m.precision).toBeGreaterThanOrEqual(0.95);
    });

    it('decides no hard negative MATCH', () => {
      const matched = results.filter((r) => r.case.kind === HARD_NEGATIVE && r.outcome.decision === 'MATCH');
      expect(matched.map((r) => `${r.case.query} -> ${r.outcome.entity}`)).toEqual([]);
    });
  });
});

const c = (expect: string | null, more: Partial<EvalCase> = {}): EvalCase => ({ query: `q${Math.random()}`, expect, kind: 'k', ...more });
const shown = (entity: string, decision: 'MATCH' | 'POSSIBLE', score = 0.9): Outcome => ({ entity, decision, score });
const none: Outcome = { entity: null, decision: null, score: 0 };

describe('countAt', () => {
  it('counts a listed name decided MATCH at both levels, and POSSIBLE only as shown', () => {
    const cs = [c('A'), c('A')];
    const os = [shown('A', 'MATCH'), shown('A', 'POSSIBLE')];
    expect(countAt(cs, os, 'MATCH')).toMatchObject({ tp: 1, fn: 1, fp: 0 });
    expect(countAt(cs, os, 'FLAGGED')).toMatchObject({ tp: 2, fn: 0, fp: 0, recall: 1, precision: 1 });
  });

  it('wants a relative (atMost POSSIBLE) shown, and counts it decided MATCH as a false MATCH', () => {
    const cs = [c('A', { atMost: 'POSSIBLE' }), c('A', { atMost: 'POSSIBLE' }), c('A', { atMost: 'POSSIBLE' })];
    const os = [shown('A', 'POSSIBLE'), shown('A', 'MATCH'), none];
    expect(countAt(cs, os, 'MATCH')).toMatchObject({ tp: 0, fp: 1, tn: 2, fn: 0, recall: null, precision: 0 });
    expect(countAt(cs, os, 'FLAGGED')).toMatchObject({ tp: 2, fn: 1, fp: 0 });
  });

  it('takes an accepted relative as right and any other entry as wrong (a false positive and a miss)', () => {
    const cs = [c('A', { accept: ['B'], atMost: 'POSSIBLE' }), c('A')];
    const os = [shown('B', 'POSSIBLE'), shown('C', 'MATCH')];
    expect(countAt(cs, os, 'FLAGGED')).toMatchObject({ tp: 1, fp: 1, fn: 1 });
  });

  it('tolerates a review of a look-alike that allows one, never its MATCH; any candidate of a strict one is a false alarm', () => {
    const cs = [c(null, { atMost: 'POSSIBLE' }), c(null, { atMost: 'POSSIBLE' }), c(null), c(null), c('A')];
    const os = [shown('A', 'POSSIBLE'), shown('A', 'MATCH'), shown('A', 'POSSIBLE'), none, shown('A', 'POSSIBLE')];
    const flagged = countAt(cs, os, 'FLAGGED');
    expect(flagged).toMatchObject({ tp: 1, tolerated: 1, fp: 2, tn: 1 });
    expect(flagged.precision).toBeCloseTo(1 / 3);
    expect(flagged.strictPrecision).toBeCloseTo(1 / 4);
    expect(countAt(cs, os, 'MATCH')).toMatchObject({ fp: 1, tn: 3, fn: 1, tp: 0 });
  });
});

describe('metricsByClass', () => {
  it('measures each class and all cases, and counts MATCHes where a case must not be one', () => {
    const cs = [c('A', { kind: 'x' }), c(null, { kind: 'y' }), c('A', { kind: 'y', atMost: 'POSSIBLE' }), c(null, { kind: 'x' })];
    const os = [shown('A', 'MATCH'), shown('A', 'MATCH'), shown('A', 'MATCH'), none];
    const rows = metricsByClass(cs, os, ['y']);
    expect(rows.map((r) => r.kind)).toEqual(['y', 'x', 'all']);
    expect(rows[0]).toMatchObject({
      n: 2,
      positives: 1,
      mustNotMatch: 2,
      decidedMatch: 2,
      unlisted: 1,
      unlistedShown: 1,
      unlistedMatched: 1,
    });
    expect(rows[1]).toMatchObject({ n: 2, positives: 1, mustNotMatch: 1, decidedMatch: 0 });
    expect(rows[2].flagged).toMatchObject({ tp: 2, fp: 1, tn: 1 });
  });

  it('reads a one-threshold screen as shown at or above its threshold', () => {
    expect(thresholdOutcomes([{ entity: 'A', score: 0.7 }, { entity: 'B', score: 0.69 }, null], 0.7)).toEqual([
      { entity: 'A', decision: 'POSSIBLE', score: 0.7 },
      { entity: null, decision: null, score: 0.69 },
      { entity: null, decision: null, score: 0 },
    ]);
  });
});

describe('assignSplits', () => {
  const many: EvalCase[] = Array.from({ length: 41 }, (_, i) => ({
    query: `Firm ${i}`,
    expect: i % 3 ? 'A' : null,
    kind: i % 2 ? 'odd' : 'even',
  }));

  it('deals each case the same way whatever the order of the set', () => {
    const splits = assignSplits(many);
    expect(assignSplits(many)).toEqual(splits);
    const reversed = [...many].reverse();
    expect(assignSplits(reversed)).toEqual([...splits].reverse());
  });

  it('halves every class and role to within one case', () => {
    const splits = assignSplits(many);
    for (const kind of ['odd', 'even'])
      for (const listed of [true, false]) {
        const idx = many.flatMap((x, i) => (x.kind === kind && !!x.expect === listed ? [i] : []));
        const tune = idx.filter((i) => splits[i] === 'tune').length;
        expect(Math.abs(tune - (idx.length - tune))).toBeLessThanOrEqual(1);
      }
  });
});

describe('parseEvalCases', () => {
  it('names the file, the case and the field of a malformed case', () => {
    expect(() =>
      parseEvalCases(
        [
          { query: 'A', expect: 'A', kind: 'exact' },
          { query: 'B', expect: null, kind: 'x', accept: ['A'] },
        ],
        'f.json',
      ),
    ).toThrow('f.json: case 1 ("B"): accept: accept needs an expected entry');
    expect(() => parseEvalCases([{ query: 'B', expect: null, kind: 'x', atMost: 'MATCH' }], 'f.json')).toThrow(
      'atMost: an unlisted firm may at most be POSSIBLE',
    );
    expect(() => parseEvalCases([{ query: 'B', expect: 'A', kind: 'x', atMost: 'MAYBE' }], 'f.json')).toThrow('case 0 ("B"): atMost');
    expect(() => parseEvalCases([{ query: 'B', expect: 'A', kind: 'x', extra: 1 }], 'f.json')).toThrow('case 0 ("B")');
    expect(() => parseEvalCases({}, 'f.json')).toThrow('f.json: expected a JSON array of cases');
  });
});

describe('choosing thresholds on the tune split', () => {
  const row = (threshold: number, tp: number, fp: number, fn: number): SweepRow => {
    const precision = tp + fp ? tp / (tp + fp) : null;
    const recall = tp + fn ? tp / (tp + fn) : null;
    const p = precision ?? 0;
    const r = recall ?? 0;
    return {
      threshold,
      counts: { n: tp + fp + fn, tp, fp, fn, tn: 0, tolerated: 0, precision, recall, strictPrecision: precision },
      f1: p + r ? (2 * p * r) / (p + r) : 0,
    };
  };

  it('takes for POSSIBLE the best F1 among thresholds precise enough, the highest on a tie', () => {
    expect(choosePossible([row(0.6, 99, 9, 1), row(0.7, 97, 2, 3), row(0.8, 97, 2, 3), row(0.9, 80, 0, 20)]).threshold).toBe(0.8);
    expect(choosePossible([row(0.6, 99, 9, 1), row(0.7, 90, 5, 10)]).why).toMatch(/no threshold reaches precision/);
  });

  it('takes for MATCH the lowest threshold with the fewest false MATCHes plus the margin', () => {
    expect(chooseMatch([row(0.8, 90, 3, 10), row(0.85, 88, 0, 12), row(0.9, 85, 0, 15)], 0.75).threshold).toBe(0.9);
    expect(chooseMatch([row(0.975, 50, 1, 10), row(1, 40, 1, 20)], 0.75).threshold).toBe(1);
  });

  it('builds a matcher for each threshold of the sweep', () => {
    const small: EntityListVersion = {
      version: 't',
      snapshotDate: 't',
      source: 't',
      entries: ['Guangxi Kelun Pharmaceutical Co., Ltd.', 'Kuitun Jinfu Textile Co., Ltd.'].map((name) => ({
        key: entityKey(name),
        name,
        aliases: [],
        formerNames: [],
        localNames: [],
        coversSubsidiaries: false,
        scope: null,
        sections: [],
        effectiveDate: '2024-01-01',
        country: 'CN',
      })),
    };
    const seen: number[] = [];
    const matcherFor = (t: { matchThreshold: number; possibleThreshold: number }) => {
      seen.push(t.possibleThreshold, t.matchThreshold);
      return buildEntityMatcher(small, t);
    };
    const set: EvalCase[] = [
      { query: 'Guangxi Kelun Pharmaceutical Co., Ltd.', expect: 'Guangxi Kelun Pharmaceutical Co., Ltd.', kind: 'exact' },
      { query: 'Walmart Inc.', expect: null, kind: 'negative' },
    ];
    const possible = sweepPossible(matcherFor, set, [0.6, 0.8, 0.95], 0.9);
    expect(possible.map((r) => r.threshold)).toEqual([0.6, 0.8]);
    expect(possible.every((r) => r.counts.tp === 1 && r.counts.fp === 0)).toBe(true);
    const match = sweepMatch(matcherFor, set, [0.7, 0.9, 1], 0.75);
    expect(match.map((r) => r.threshold)).toEqual([0.9, 1]);
    expect(match.every((r) => r.counts.tp === 1)).toBe(true);
    expect(seen).toEqual([0.6, 0.9, 0.8, 0.9, 0.75, 0.9, 0.75, 1]);
  });
});

describe('metricsAt (the measure of earlier runs)', () => {
  const legacy = (expect: string | null, kind = 'exact'): EvalCase => ({ query: 'q', expect, kind });
  const cand = (entityName: string, score: number) => ({ entityName, score }) as EvalResult['top'];
  it('counts a wrong entity as both a false positive and a miss', () => {
    const r = (cs: EvalCase, top: EvalResult['top'], expectedScore: number): EvalResult => ({
      case: cs,
      top,
      expectedScore,
      outcome: none,
    });
    const m = metricsAt(
      [
        r(legacy('A'), cand('A', 0.9), 0.9),
        r(legacy('A'), cand('B', 0.9), 0),
        r(legacy('A'), cand('A', 0.5), 0.5),
        r(legacy(null, HARD_NEGATIVE), cand('A', 0.8), 0),
        r(legacy(null, HARD_NEGATIVE), null, 0),
      ],
      0.75,
    );
    expect(m).toMatchObject({ tp: 1, fp: 2, fn: 2, tn: 1, hardNegatives: 1 });
    expect(m.precision).toBeCloseTo(1 / 3);
    expect(m.recall).toBeCloseTo(1 / 3);
  });
});
