// Names written apart or run together: Chinese names with spaces between the characters ("白 银 有
// 色"), Latin names with the words run together in capitals ("AksuHuafuTextiles", "KTKGroup") or a
// word split by a space ("Yinf eng"), and
// the region's initials for Xinjiang ("XJ Zhongtai"). Each class once let a listed firm's own
// name clear.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { normalizeName } from '../../../src/screening/normalize';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const named = (pick: (e: (typeof list.entries)[number]) => string[]) =>
  list.entries.flatMap((e) => pick(e).map((name) => ({ name, key: e.key })));
const han = /\p{Script=Han}/u;
const top = (query: string) => matcher.screen(query)[0];

describe('screening names written apart or run together', () => {
  it('decides every listed Chinese name MATCH with spaces between its characters', () => {
    const names = named((e) => [...e.localNames, ...e.aliases, ...e.formerNames].filter((n) => han.test(n)));
    expect(names.length).toBeGreaterThan(40);
    const missed = names.flatMap(({ name, key }) =>
      [' ', '\u3000'].map((gap) => [...name].join(gap)).filter((apart) => top(apart)?.entryKey !== key || top(apart)?.decision !== 'MATCH'),
    );
    expect(missed).toEqual([]);
  });

  it('reaches the entry of every listed Latin name written with its words run together in capitals', () => {
    const names = named((e) => [e.name, ...e.aliases].filter((n) => !han.test(n)));
    // names whose every word starts with a capital: "Cottonand" has nothing to split at
    const cases = names
      .filter(({ name }) => name.split(/\s+/).every((w) => !/^\p{Ll}/u.test(w)))
      .map(({ name, key }) => ({ query: name.replace(/[,.]/g, '').replace(/\s+/g, ''), key }))
      .filter(({ query }) => /\p{Ll}\p{Lu}/u.test(query));
    expect(cases.length).toBeGreaterThan(250);
    const missed = cases.filter(({ query, key }) => !matcher.screen(query).some((c) => c.entryKey === key)).map((c) => c.query);
    expect(missed).toEqual([]);
    expect(top('KTKGroup')).toMatchObject({ entityName: expect.stringMatching(/^KTK Group/) });
  });

  // a piece may be a lexicon word ("Yinf eng": eng, engineering; "Bitl and"; "Nines tar") read or dropped before scoring rejoins name words
  it('reaches the entry of every listed Latin name with a name word split by a space anywhere', () => {
    const names = named((e) => [e.name, ...e.aliases].filter((n) => !han.test(n)));
    const cases = names.flatMap(({ name, key }) =>
      normalizeName(name)
        .tokens.filter((t) => t.kind === 'name' && t.raw.length >= 6)
        .flatMap((t) => {
          const written = new RegExp(`\\b${t.raw}\\b`, 'i').exec(name)?.[0];
          if (!written) return [];
          return Array.from({ length: written.length - 3 }, (_, k) => ({
            query: name.replace(written, `${written.slice(0, k + 2)} ${written.slice(k + 2)}`),
            key,
          }));
        }),
    );
    expect(cases.length).toBeGreaterThan(800);
    const missed = cases.filter(({ query, key }) => !matcher.screen(query).some((c) => c.entryKey === key)).map((c) => c.query);
    expect(missed).toEqual([]);
    expect(top('Hubei Yinf eng Cotton Co., Ltd.')).toMatchObject({ decision: 'MATCH' });
  });

  it('keeps the reading as written where splitting would lose a misread letter ("B1oScience")', () => {
    expect(top('Qingdao Vital Nutraceutical Ingredients B1oScience Co., Ltd.')).toMatchObject({ decision: 'MATCH' });
  });

  it('reads XJ before a name as Xinjiang', () => {
    const names = named((e) => [e.name, ...e.aliases].filter((n) => /^Xinjiang /.test(n)));
    expect(names.length).toBeGreaterThan(40);
    const missed = names
      .map(({ name, key }) => ({ query: name.replace(/^Xinjiang /, 'XJ '), key }))
      .filter(({ query, key }) => top(query)?.entryKey !== key)
      .map((c) => c.query);
    expect(missed).toEqual([]);
  });
});

describe('screening the numbered plants and branches of a listed firm', () => {
  it('reaches the entry of every listed Latin name with a numbered plant, factory or branch after it', () => {
    const suffix = /,?\s*(co\.?,?\s*ltd\.?|company limited|co\.?\s*limited|limited|ltd\.?|inc\.?|corporation|corp\.?)\.?\s*$/i;
    const names = named((e) => [e.name, ...e.aliases].filter((n) => !han.test(n)));
    const cases = names.flatMap(({ name, key }) =>
      ['No. 2 Plant', 'Plant No. 3', 'Factory 4', '2nd Branch'].map((unit) => ({ query: `${name.replace(suffix, '')} ${unit}`, key })),
    );
    expect(cases.length).toBeGreaterThan(1000);
    const missed = cases.filter(({ query, key }) => !matcher.screen(query).some((c) => c.entryKey === key)).map((c) => c.query);
    expect(missed).toEqual([]);
  });

  it('keeps a number that is the name itself', () => {
    expect(top('841 Cotton Transfer Warehouse')).toMatchObject({ decision: 'MATCH', matchedName: '841 Cotton Transfer Warehouse' });
    expect(top('No. 4 Vocation Skills Education Training Center')).toMatchObject({ decision: 'MATCH' });
    expect(top('No. 5 Vocation Skills Education Training Center')?.decision).not.toBe('MATCH');
  });
});
