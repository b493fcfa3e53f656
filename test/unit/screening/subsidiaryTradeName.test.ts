// An entry listed with its subsidiaries ("and subsidiaries", "and its subordinate and affiliated
// entities"): a firm carrying its distinctive trade name is shown for review wherever it is placed.
// "Hoshine Silicon (HK) Trading Ltd" found nothing: Hong Kong conflicted with the listed Shanshan.
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { unlistedFirmNames } from '../../fixtures/unlistedNames';

const list = loadSeedEntityList();
const matcher = buildEntityMatcher(list, DEFAULT_SCREENING_CONFIG);
const REASON = /the trade name of an entry listed with its subsidiaries/;

describe('the trade name of an entry listed with its subsidiaries', () => {
  it.each([
    ['Hoshine Silicon (HK) Trading Ltd', 'Hoshine Silicon Industry (Shanshan) Co., Ltd'],
    ['Hoshine Trading (Vietnam) Co', 'Hoshine Silicon Industry (Shanshan) Co., Ltd'],
    ['Bingtuan Trading (HK) Ltd', 'Xinjiang Production and Construction Corps'],
  ])('%s is POSSIBLE for %s', (q, entity) => {
    const c = matcher.screen(q)[0];
    expect(c).toMatchObject({ decision: 'POSSIBLE', entityName: entity, coversSubsidiaries: true });
    expect(c.reason).toMatch(/trade name of an entry listed with its subsidiaries|written whole/);
  });

  it('a common English word is no trade name ("Corps")', () => {
    expect(matcher.screen('Peace Corps Supplies (HK) Ltd').filter((c) => REASON.test(c.reason))).toEqual([]);
  });

  it('entries not listed with subsidiaries are not read so', () => {
    // Huafu: listed without subsidiaries; a Huafu trading firm in Hong Kong is no lead by its name alone
    const c = matcher.screen('Huafu Trading (HK) Ltd').filter((x) => REASON.test(x.reason));
    expect(c).toEqual([]);
  });

  it('finds nothing so in unlisted names', () => {
    const found = unlistedFirmNames('subsidiaryTradeName')
      .slice(0, 4000)
      .filter((n) => matcher.screen(`${n} (HK)`).some((c) => REASON.test(c.reason)));
    expect(found).toEqual([]);
  });
});
