// A listed name written whole inside a longer name (a branch, division, department or
// subsidiary: "Xinjiang Production and Construction Corps Seventh Agricultural Division") is
// shown for review however many words follow it; before, four or five words more found nothing.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { normalizeName } from '../../../src/screening/normalize';
import { unlistedFirmNames } from '../../fixtures/unlistedNames';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const WHOLE = /written whole within a longer name/;
const LEGAL_FORM = /,?\s*(co\.?,?\s*ltd\.?|company limited|co\.?\s*limited|limited|ltd\.?|inc\.?|corporation|corp\.?|llc|company)\.?\s*$/i;
const core = (name: string) => name.replace(LEGAL_FORM, '').replace(LEGAL_FORM, '').trim();

// what a unit of a firm adds to its name, after or before it
const UNITS: ((name: string) => string)[] = [
  (n) => `${n} Seventh Agricultural Division Cotton Ginning Plant Co., Ltd.`,
  (n) => `${n} Agricultural Division 7`,
  (n) => `${n} Import and Export Trading Department`,
  (n) => `${n} Hotan Sales Office`,
  (n) => `${n} Logistics Service Center Co., Ltd.`,
  (n) => `Trading Arm of ${n}`,
];

describe('a listed name written whole within a longer name', () => {
  it('finds the XPCC in the name of one of its divisions', () => {
    for (const q of [
      'Xinjiang Production and Construction Corps Seventh Agricultural Division',
      'Xinjiang Production and Construction Corps Agricultural Division 7',
    ]) {
      const c = matcher.screen(q)[0];
      expect(c).toMatchObject({ decision: 'POSSIBLE', entityName: 'Xinjiang Production and Construction Corps', coversSubsidiaries: true });
      expect(c.reason).toMatch(WHOLE);
    }
  });

  // a listed name of two words or more, one of them a trade name, or of three words or more
  const listed = list.entries.flatMap((e) =>
    [e.name, ...e.aliases]
      .filter((n) => !/\p{Script=Han}/u.test(n))
      .map((name) => ({ key: e.key, name: core(name) }))
      .filter(({ name }) => {
        const t = normalizeName(name).tokens;
        return t.length >= 3 || (t.length === 2 && t.some((x) => x.kind === 'name'));
      }),
  );
  it(`every such listed name (${listed.length}) is found within each of ${UNITS.length} unit names`, () => {
    const missed: string[] = [];
    for (const { key, name } of listed)
      for (const unit of UNITS) if (!matcher.screen(unit(name)).some((c) => c.entryKey === key)) missed.push(unit(name));
    expect(listed.length).toBeGreaterThan(200);
    expect(missed).toEqual([]);
  });

  it('finds a listed firm’s unit abroad (the country lowers a partial name, not a whole one)', () => {
    const c = matcher.screen('Xinjiang Zhongtai Chemical Vietnam Trading Import Export Department', { country: 'VN' })[0];
    expect(c).toMatchObject({ decision: 'POSSIBLE', entityName: 'Xinjiang Zhongtai Chemical Co. Ltd.' });
    expect(c.reason).toMatch(WHOLE);
  });

  it('a listed name with no place of its own, beside a place the entry does not give, is another firm', () => {
    // "Tian Aluminum" is an alias of the Eighth Division's Tianshan Aluminum, in the XUAR
    expect(matcher.screen('Tian Aluminum Foil Packaging Materials Trading Service Department')[0]?.reason).toMatch(WHOLE);
    expect(matcher.screen('Shandong Tian Aluminum Foil Packaging Materials Trading Company')).toEqual([]);
  });

  it('a listed name of one word is not enough (one pinyin trade name is shared by many firms), but for an entry listed with its units', () => {
    expect(matcher.screen('Meike Seventh Agricultural Division Cotton Ginning Plant Co., Ltd.')).toEqual([]);
    // the XPCC is listed "and its subordinate and affiliated entities": a unit named for it, anywhere
    for (const q of [
      'Bingtuan Seventh Division Cotton',
      'XPCC Seventh Agricultural Division Cotton Ginning Plant',
      'Bingtuan Cotton Trading (Shanghai) Logistics Department',
    ])
      expect(matcher.screen(q)[0]).toMatchObject({ decision: 'POSSIBLE', entityName: 'Xinjiang Production and Construction Corps' });
    // the lexicon reads Bingtuan as corps; the one word written must be the listed one
    for (const q of ['Peace Corps Supplies', 'Marine Corps Outfitters Supply Department']) expect(matcher.screen(q)).toEqual([]);
  });

  it('finds nothing so in unlisted names with unit words added', () => {
    const found: string[] = [];
    for (const name of unlistedFirmNames('contained'))
      for (const unit of UNITS) {
        const q = unit(core(name));
        if (matcher.screen(q).some((c) => WHOLE.test(c.reason))) found.push(q);
      }
    expect(found).toEqual([]);
  });
});
