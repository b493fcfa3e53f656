// A firm's facilities' names are screened too: a plant named for a listed entity, run by a
// firm whose own names match nothing, is a lead a reviewer must see (at most POSSIBLE).
import { loadSeedEntityList } from '../../../src/model/entityList';
import { buildEntityMatcher } from '../../../src/screening/matcher';
import { DEFAULT_SCREENING_CONFIG } from '../../../src/screening/config';
import { screenFirmNames } from '../../../src/screening/service';

const matcher = buildEntityMatcher(loadSeedEntityList(), DEFAULT_SCREENING_CONFIG);
const HOSHINE = 'Hoshine Silicon Industry (Shanshan) Co., Ltd';

describe('screenFirmNames over facility names', () => {
  it('finds a listed entity named only by a facility, capped at POSSIBLE, the reason naming the facility', () => {
    const [c] = screenFirmNames(matcher, {
      id: 'F',
      name: 'Shanghai Sunrise Trading Co., Ltd.',
      country: 'CN',
      facilityNames: [`${HOSHINE} Plant 3`, 'Warehouse 2'],
    });
    expect(c).toMatchObject({ entityName: HOSHINE, decision: 'POSSIBLE' });
    expect(c.reason).toMatch(/^facility name "Hoshine Silicon Industry \(Shanshan\) Co\., Ltd Plant 3" of this firm \(at most POSSIBLE/);
  });

  it("keeps the firm's own MATCH when its own names reach the entry", () => {
    const [c] = screenFirmNames(matcher, { id: 'F', name: HOSHINE, country: 'CN', facilityNames: [`${HOSHINE} plant`] });
    expect(c).toMatchObject({ entityName: HOSHINE, decision: 'MATCH' });
    expect(c.reason).not.toMatch(/facility name/);
  });

  it('adds nothing for facilities with ordinary names', () => {
    expect(
      screenFirmNames(matcher, { id: 'F', name: 'Acme Widgets Co.', country: 'CN', facilityNames: ['Spinning mill No. 2', 'Acme plant'] }),
    ).toEqual([]);
  });
});
