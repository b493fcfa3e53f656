import { concentrationOf, type ConcentrationFlow } from '../../../src/trace/originConcentration';

const flow = (flowId: string, over: Partial<ConcentrationFlow>): ConcentrationFlow => ({
  flowId,
  quantity: 100,
  unit: 'kg',
  raw: false,
  hsCode: '5205.12',
  country: 'CN',
  inputCodes: ['5201.00'],
  ...over,
});

describe('origin concentration', () => {
  it('counts each transforming flow in its country, with the largest share and the Herfindahl index', () => {
    const c = concentrationOf(
      '5205',
      ['M'],
      [
        flow('a', { quantity: 600, country: 'CN' }),
        flow('b', { quantity: 300, country: 'IN' }),
        flow('c', { quantity: 100, country: 'pk' }),
      ],
    );
    expect(c.units).toHaveLength(1);
    const u = c.units[0];
    expect(u).toMatchObject({ unit: 'kg', total: 1000, largestCountry: 'CN', largestShare: 0.6 });
    expect(u.countries.map((x) => [x.country, x.share])).toEqual([
      ['CN', 0.6],
      ['IN', 0.3],
      ['PK', 0.1],
    ]);
    expect(u.herfindahl).toBeCloseTo(0.36 + 0.09 + 0.01, 6);
    expect(c.transformingFlows).toBe(3);
  });

  it('leaves out pass-throughs (the same goods again) and reports flows it cannot tell', () => {
    const c = concentrationOf(
      '5205',
      ['M'],
      [
        flow('made', { quantity: 500, country: 'CN' }),
        flow('repacked', { quantity: 500, country: 'VN', inputCodes: ['5205.12'] }),
        flow('no-inputs', { inputCodes: [] }),
        flow('unknown-input', { inputCodes: ['5201.00', ''] }),
        flow('no-country', { country: null }),
        flow('raw', { raw: true, inputCodes: [], quantity: 500, country: 'US' }),
      ],
    );
    expect(c).toMatchObject({ transformingFlows: 2, passThroughFlows: 1, unresolvedFlows: 3 });
    expect(c.units[0]).toMatchObject({ total: 1000, largestShare: 0.5, herfindahl: 0.5 });
  });

  it('adds quantities up within a unit only; one country alone has index 1', () => {
    const c = concentrationOf(
      '6205',
      ['M'],
      [
        flow('a', { unit: 'pcs', quantity: 10, country: 'BD' }),
        flow('b', { unit: 'kg', quantity: 5, country: 'CN' }),
        flow('c', { unit: ' KG ', quantity: 5, country: 'CN' }),
      ],
    );
    expect(c.units.map((u) => [u.unit, u.total, u.herfindahl, u.largestShare])).toEqual([
      ['kg', 10, 1, 1],
      ['pcs', 10, 1, 1],
    ]);
  });

  it('with nothing under the heading gives no units', () => {
    expect(concentrationOf('8541', [], [])).toEqual({
      heading: '8541',
      materialIds: [],
      units: [],
      transformingFlows: 0,
      passThroughFlows: 0,
      unresolvedFlows: 0,
    });
  });
});
