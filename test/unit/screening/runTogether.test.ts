// Names with their words run together in one letter case ("XINJIANGZHONGTAICHEMICAL",
// "ktkgroup"), as domain names, file names and some customs systems write them, are screened split
// into the words the list and the lexicon know; a pinyin trade name is not split into syllables.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { unlistedFirmNames } from '../../fixtures/unlistedNames';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const runTogether = (name: string) => name.replace(/[^A-Za-z]/g, '');

describe('words run together', () => {
  it('reads a name run together in capitals or in lower case', () => {
    expect(matcher.screen('XINJIANGZHONGTAICHEMICAL')[0]).toMatchObject({
      decision: 'MATCH',
      matchedName: 'Xinjiang Zhongtai Chemical Co. Ltd.',
    });
    expect(matcher.screen('ktkgroup')[0]).toMatchObject({ decision: 'MATCH' });
    // a place in another spelling than the list's (Hotan for Hetian)
    expect(matcher.screen('hotanhaolinhairaccessories')[0]).toMatchObject({
      decision: 'MATCH',
      matchedName: 'Hetian Haolin Hair Accessories Co. Ltd.',
    });
  });

  const listed = list.entries.flatMap((e) =>
    [e.name, ...e.aliases].filter((n) => !/\p{Script=Han}/u.test(n)).map((name) => ({ key: e.key, name: name.replace(/\(.*?\)/g, ' ') })),
  );
  it(`decides MATCH for a listed name run together wherever the name written apart does (${listed.length} names, both cases)`, () => {
    let cases = 0;
    const missed: string[] = [];
    for (const { key, name } of listed) {
      if (matcher.screen(name).find((c) => c.entryKey === key)?.decision !== 'MATCH') continue;
      for (const written of [runTogether(name).toUpperCase(), runTogether(name).toLowerCase()]) {
        cases++;
        if (matcher.screen(written).find((c) => c.entryKey === key)?.decision !== 'MATCH') missed.push(written);
      }
    }
    expect(cases).toBeGreaterThan(400);
    expect(missed.length / cases).toBeLessThan(0.03);
  });

  it('finds nothing in an unlisted name run together that it does not find in the name written apart', () => {
    let names = 0;
    for (const name of unlistedFirmNames('r')) {
      const written = runTogether(name.replace(/,?\s*Co\.?,?\s*Ltd\.?$/, ''));
      if (written.length < 10) continue;
      names++;
      if (matcher.screen(written)[0]?.decision === 'MATCH') expect(matcher.screen(name)[0]?.decision).toBe('MATCH');
    }
    expect(names).toBeGreaterThan(1000);
  });

  it('splits no pinyin trade name into the syllables the list happens to use ("Yuanhang" is not Yuan Hang)', () => {
    expect(matcher.screen('Korla Yuanhang Logistics Co., Ltd.')).toEqual([]);
  });
});
