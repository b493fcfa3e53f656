// A listed pinyin trade name abbreviated to its initials in capitals ("Xinjiang ZT Chemical" for
// Xinjiang Zhongtai Chemical): read as that name where a place or another name word agrees, and then
// at most POSSIBLE (any name of those initials would do); initials beside business words alone are no lead.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { pinyinInitials } from '../../../src/model/text/pinyin';
import { normalizeName } from '../../../src/screening/normalize';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);

describe('a listed pinyin name written as its initials', () => {
  it('reads "Xinjiang ZT Chemical" as Xinjiang Zhongtai Chemical, at most POSSIBLE, the reason naming the initials', () => {
    const [top] = matcher.screen('Xinjiang ZT Chemical');
    expect(top).toMatchObject({ decision: 'POSSIBLE', matchedName: 'Xinjiang Zhongtai Chemical Co. Ltd.' });
    expect(top.reason).toContain('zt~zhongtai');
  });

  // every listed Latin name with a place word and a pinyin name word of two syllables or more, that word written as its initials
  const cases = list.entries.flatMap((e) =>
    [e.name, ...e.aliases]
      .filter((n) => !/\p{Script=Han}/u.test(n))
      .flatMap((name) => {
        const tokens = normalizeName(name).tokens;
        if (!tokens.some((t) => t.kind === 'place')) return [];
        const word = tokens.find((t) => t.kind === 'name' && pinyinInitials(t.text).length === 1 && name.toLowerCase().includes(t.raw));
        if (!word) return [];
        const initials = pinyinInitials(word.text)[0].toUpperCase();
        return [{ key: e.key, query: name.replace(new RegExp(word.raw, 'i'), initials) }];
      }),
  );
  it(`reaches the entry of every listed name so abbreviated beside its place (${cases.length} names), never as MATCH`, () => {
    expect(cases.length).toBeGreaterThan(50);
    const missed = cases.filter(({ key, query }) => !matcher.screen(query).some((c) => c.entryKey === key));
    expect(missed.length / cases.length).toBeLessThan(0.05);
    // MATCH only where the list itself writes those capitals ("JWD Technology" for Sichuan Jingweida)
    for (const { key, query } of cases) {
      const found = matcher.screen(query).find((c) => c.entryKey === key);
      if (found?.decision === 'MATCH') expect(found.reason).not.toMatch(/\b[a-z]{2,4}~/);
    }
  });

  it('finds nothing new for two capitals beside a business word alone ("AH Group" is no lead to Aihua Group)', () => {
    const letters = 'ABCDEFGHJKLMNPQRSTWXYZ';
    for (const a of letters)
      for (const b of letters)
        for (const word of ['Chemical', 'Textile', 'Group', 'Trading', 'Cotton'])
          expect(matcher.screen(`${a}${b} ${word}`).filter((c) => c.reason.includes(`${(a + b).toLowerCase()}~`))).toEqual([]);
  });
});
