// Every name of every Entity List entry, disguised in each class (look-alike letters of
// Cyrillic or Greek, full-width forms, zero-width characters, soft hyphens, direction
// controls, all of them together), is still decided MATCH for the same entry.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { normalizeName } from '../../../src/screening/normalize';
import { DISGUISE_CLASSES, disguiseName, STYLED_CLASSES, styleName } from '../../fixtures/disguise';

describe('screening disguised names', () => {
  const list = loadSeedEntityList();
  const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
  const names = list.entries.flatMap((e) => [e.name, ...e.aliases, ...e.formerNames].map((name) => ({ name, key: e.key })));

  it('starts from every listed name deciding MATCH for its own entry', () => {
    expect(names.length).toBeGreaterThan(300);
    for (const { name, key } of names) expect(matcher.screen(name)[0]).toMatchObject({ entryKey: key, decision: 'MATCH' });
  });

  it('finds the example of the issue: Xinjiаng Zhоntai Chemicаl Cо., Ltd. with Cyrillic а and о', () => {
    expect(matcher.screen('Xinjiаng Zhоntai Chemicаl Cо., Ltd.')[0]).toMatchObject({
      entityName: 'Xinjiang Zhongtai Chemical Co. Ltd.',
      decision: 'MATCH',
    });
  });

  it('finds a name stored backwards under a right-to-left override, which shows the listed name on screen', () => {
    const shown = 'Xinjiang Zhongtai Chemical Co. Ltd.';
    const stored = '\u202e' + [...shown].reverse().join('');
    expect(matcher.screen(stored)[0]).toMatchObject({ entityName: shown, decision: 'MATCH' });
    // and a listed name merely wrapped in the override (stored in order, shown reversed) is still found
    expect(matcher.screen('\u202e' + shown + '\u202c')[0]).toMatchObject({ entityName: shown, decision: 'MATCH' });
  });

  it('normalizes a disguised name to the tokens of the name, and keeps the name as written', () => {
    const disguised = 'Hοshine Sili\u200bcon Indus\u00adtry (Shаnshan) Ｃｏ., Ltd';
    const n = normalizeName(disguised);
    expect(n.normalized).toBe(normalizeName('Hoshine Silicon Industry (Shanshan) Co., Ltd').normalized);
    expect(n.original).toBe(disguised);
  });

  /** The variants (of every listed name, a few characters and all) that do not decide MATCH for their entry. */
  const missedVariants = (variantOf: (name: string, seed: number, amount: 'some' | 'all') => string) => {
    const missed: string[] = [];
    for (const amount of ['some', 'all'] as const) {
      names.forEach(({ name, key }, i) => {
        const variant = variantOf(name, i + 1, amount);
        const top = matcher.screen(variant)[0];
        if (!(top && top.entryKey === key && top.decision === 'MATCH'))
          missed.push(`${JSON.stringify(variant)} -> ${top?.entityName ?? 'nothing'}`);
      });
    }
    return missed;
  };

  it.each(DISGUISE_CLASSES.map((c) => [c]))('%s: every variant of every listed name decides MATCH for the same entry', (cls) => {
    expect(missedVariants((name, seed, amount) => disguiseName(name, cls, seed, amount))).toEqual([]);
  });

  it.each(STYLED_CLASSES.map((c) => [c]))('%s: every styled variant of every listed name decides MATCH for the same entry', (cls) => {
    expect(missedVariants((name, seed, amount) => styleName(name, cls, seed, amount))).toEqual([]);
  });

  it('leaves two or three spaced letters as initials ("J A Solar") and a flag as no letters ("Hoshine 🇨🇳")', () => {
    expect(matcher.screen('J A Solar')[0]?.decision).not.toBe('MATCH');
    expect(matcher.screen('Hoshine Silicon 🇨🇳')[0]?.score).toBeCloseTo(matcher.screen('Hoshine Silicon')[0]!.score, 5);
  });
});
