// The labelled evaluation set, run whole against the seed list at the configured thresholds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entityKey, loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { EvalCase, EvalResult, HARD_NEGATIVE, metricsAt, runEvaluation } from '../../../src/screening/evaluation';

const cases = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'screening-eval.json'), 'utf8')) as EvalCase[];
const list = loadSeedEntityList();

describe('screening evaluation set', () => {
  it('has at least 200 labelled cases and 80 hard negatives, labelled against the real list', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.filter((c) => c.kind === HARD_NEGATIVE && c.expect === null).length).toBeGreaterThanOrEqual(80);
    const names = new Set(list.entries.map((e) => e.name));
    for (const c of cases) if (c.expect) expect(names).toContain(c.expect);
    const listed = new Set(list.entries.flatMap((e) => [e.name, ...e.aliases, ...e.formerNames, ...e.localNames]).map(entityKey));
    for (const c of cases) if (!c.expect) expect(listed.has(entityKey(c.query))).toBe(false);
    const kinds = new Set(cases.map((c) => c.kind));
    for (const k of ['exact', 'legal-form', 'typo', 'pinyin', 'chinese', 'alias', 'former', 'city-prefix', 'dropped-word'])
      expect(kinds).toContain(k);
  });

  describe('at the configured thresholds', () => {
    const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
    let results: EvalResult[];
    beforeAll(() => {
      results = runEvaluation(matcher, cases);
    });

    it('reaches recall and precision of at least 0.95 for MATCH or POSSIBLE', () => {
      const m = metricsAt(results, DEFAULT_SCREENING_CONFIG.possibleThreshold);
      expect(m.recall).toBeGreaterThanOrEqual(0.95);
      expect(m.precision).toBeGreaterThanOrEqual(0.95);
    });

    it('decides no hard negative MATCH', () => {
      const matched = results.filter((r) => r.case.kind === HARD_NEGATIVE && r.top && r.top.decision === 'MATCH');
      expect(matched.map((r) => `${r.case.query} -> ${r.top!.entityName}`)).toEqual([]);
      expect(metricsAt(results, DEFAULT_SCREENING_CONFIG.matchThreshold).hardNegatives).toBe(0);
    });
  });
});

describe('metricsAt', () => {
  const c = (expect: string | null, kind = 'exact'): EvalCase => ({ query: 'q', expect, kind });
  const cand = (entityName: string, score: number) => ({ entityName, score }) as EvalResult['top'];
  it('counts a wrong entity as both a false positive and a miss', () => {
    const m = metricsAt(
      [
        { case: c('A'), top: cand('A', 0.9), expectedScore: 0.9 },
        { case: c('A'), top: cand('B', 0.9), expectedScore: 0 },
        { case: c('A'), top: cand('A', 0.5), expectedScore: 0.5 },
        { case: c(null, HARD_NEGATIVE), top: cand('A', 0.8), expectedScore: 0 },
        { case: c(null, HARD_NEGATIVE), top: null, expectedScore: 0 },
      ],
      0.75,
    );
    expect(m).toMatchObject({ tp: 1, fp: 2, fn: 2, tn: 1, hardNegatives: 1 });
    expect(m.precision).toBeCloseTo(1 / 3);
    expect(m.recall).toBeCloseTo(1 / 3);
  });
});
