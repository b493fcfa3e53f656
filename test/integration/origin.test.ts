// origin-checks.md against the real Neo4j: scenario bundles imported through GraphQL, traced,
// and each rule of the page checked on the answer; the verdict is that of the same bundle
// with no declared origin and no preference claim.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, Harness } from './harness';
import { originBundle, type FlowSpec, type ShipmentSpec } from '../fixtures/originGraph';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const TRACE = `query($id: ID!) { traceShipment(id: $id) {
  verdict
  flags { kind firmId facilityId flowId tier reason path evidence }
  origin { declared preferenceProgram known countries unknownReason
    decidedAt { flowId country tier path } passThrough { flowId country heading tier path } }
} }`;

interface Flag {
  kind: string;
  flowId: string;
  tier: number;
  path: string[];
  reason: string;
  evidence: string[];
}

/** Imports the scenario twice (with the claim, and a twin without it) and traces both. */
async function scenario(prefix: string, flows: FlowSpec[], claim: ShipmentSpec) {
  for (const [pre, c] of [
    [prefix, claim],
    [`${prefix}0`, {}],
  ] as const) {
    const res = await h.gql('mutation($b: JSON!) { importBundle(bundle: $b) { flows } }', { b: originBundle(pre, flows, c) });
    expect(res.errors).toBeUndefined();
  }
  const [t, twin] = await Promise.all(
    [prefix, `${prefix}0`].map(async (pre) => {
      const res = await h.gql(TRACE, { id: `${pre}-S1` });
      expect(res.errors).toBeUndefined();
      return res.data.traceShipment;
    }),
  );
  // the signals never change the verdict
  expect(t.verdict).toBe(twin.verdict);
  const of = (kind: string) =>
    (t.flags as Flag[])
      .filter((f) => f.kind === kind)
      .map((f) => [f.flowId.slice(prefix.length + 1), f.tier, f.path.map((x) => x.slice(prefix.length + 1))]);
  const id = (x: string) => `${prefix}-${x}`;
  return { t, twin, of, id };
}

describe('origin and transshipment signals (real Neo4j)', () => {
  it('repacked apparel declared with the repacker’s country: ORIGIN_MISMATCH where it was made, TRANSSHIPMENT at the repacker', async () => {
    const { t, of, id } = await scenario(
      'ORP',
      [
        { id: 'A', country: 'VN', hs: '6205.20', inputs: ['B'] },
        { id: 'B', country: 'CN', hs: '6205.20', inputs: ['C'] },
        { id: 'C', country: 'CN', hs: '5208.32', inputs: ['D'] },
        { id: 'D', country: 'US', hs: '5201.00', raw: true },
      ],
      { countryOfOrigin: 'VN' },
    );
    expect(t.verdict).toBe('CLEAR');
    expect(t.origin).toMatchObject({ declared: 'VN', known: true, countries: ['CN'], unknownReason: null });
    expect(t.origin.decidedAt).toEqual([{ flowId: id('B'), country: 'CN', tier: 2, path: [id('A'), id('B')] }]);
    expect(t.origin.passThrough).toEqual([{ flowId: id('A'), country: 'VN', heading: '6205', tier: 1, path: [id('A')] }]);
    expect(of('ORIGIN_MISMATCH')).toEqual([['B', 2, ['A', 'B']]]);
    expect(of('TRANSSHIPMENT')).toEqual([['A', 1, ['A', 'B']]]);
    const mismatch = (t.flags as Flag[]).find((f) => f.kind === 'ORIGIN_MISMATCH')!;
    expect(mismatch.reason).toMatch(/declares origin VN.*transformed in CN/);
  });

  it('cell-to-module assembly in a third country passes through; the origin is where the cells were made', async () => {
    const { t, of } = await scenario(
      'OPV',
      [
        { id: 'A', country: 'MY', hs: '8541.43', inputs: ['B'] },
        { id: 'B', country: 'CN', hs: '8541.42', inputs: ['C'] },
        { id: 'C', country: 'CN', hs: '3818.00', inputs: ['D'] },
        { id: 'D', country: 'CN', hs: '2804.61', raw: true },
      ],
      { countryOfOrigin: 'MY', htsCode: '8541.43' },
    );
    expect(t.origin).toMatchObject({ known: true, countries: ['CN'] });
    expect(of('ORIGIN_MISMATCH')).toEqual([['B', 2, ['A', 'B']]]);
    expect(of('TRANSSHIPMENT')).toEqual([['A', 1, ['A', 'B']]]);
    expect((t.flags as Flag[]).find((f) => f.kind === 'TRANSSHIPMENT')!.reason).toMatch(/in MY .*heading 8541.* from CN/);
  });

  it('a CAFTA-DR claim with yarn from outside the parties: YARN_FORWARD_FAIL on the yarn flow', async () => {
    const { t, of } = await scenario(
      'OCA',
      [
        { id: 'A', country: 'HN', hs: '6205.20', inputs: ['B'] },
        { id: 'B', country: 'HN', hs: '5208.32', inputs: ['C'] },
        { id: 'C', country: 'CN', hs: '5205.12', inputs: ['D'] },
        { id: 'D', country: 'US', hs: '5201.00', raw: true },
      ],
      { preferenceProgram: 'CAFTA-DR', countryOfOrigin: 'HN' },
    );
    expect(t.origin).toMatchObject({ known: true, countries: ['HN'], preferenceProgram: 'CAFTA-DR' });
    expect(of('YARN_FORWARD_FAIL')).toEqual([['C', 3, ['A', 'B', 'C']]]);
    expect(of('ORIGIN_MISMATCH')).toEqual([]);
    expect(of('TRANSSHIPMENT')).toEqual([]);
  });

  it('a USMCA claim with fabric from outside: YARN_FORWARD_FAIL on the fabric flow only', async () => {
    const { of } = await scenario(
      'OUS',
      [
        { id: 'A', country: 'MX', hs: '6109.10', inputs: ['B'] },
        { id: 'B', country: 'CN', hs: '6006.22', inputs: ['C'] },
        { id: 'C', country: 'MX', hs: '5205.12', raw: true },
      ],
      { preferenceProgram: 'USMCA', htsCode: '6109.10.0012' },
    );
    expect(of('YARN_FORWARD_FAIL')).toEqual([['B', 2, ['A', 'B']]]);
  });

  it('a non-textile shipment claiming a program raises no YARN_FORWARD_FAIL, even over fabric from outside', async () => {
    const { of } = await scenario(
      'ONT',
      [
        { id: 'A', country: 'MX', hs: '9404.90', inputs: ['B'] },
        { id: 'B', country: 'CN', hs: '5208.32', raw: true },
      ],
      { preferenceProgram: 'USMCA', htsCode: '9404.90' },
    );
    expect(of('YARN_FORWARD_FAIL')).toEqual([]);
  });

  it('pass-through inside one country: no TRANSSHIPMENT, and the declared country matches', async () => {
    const { t, of } = await scenario(
      'OIN',
      [
        { id: 'A', country: 'VN', hs: '6205.20', inputs: ['B'] },
        { id: 'B', country: 'VN', hs: '6205.20', inputs: ['C'] },
        { id: 'C', country: 'VN', hs: '5208.32', raw: true },
      ],
      { countryOfOrigin: 'VN' },
    );
    expect(t.origin).toMatchObject({ known: true, countries: ['VN'] });
    expect(of('TRANSSHIPMENT')).toEqual([]);
    expect(of('ORIGIN_MISMATCH')).toEqual([]);
  });

  it('a repacker with no input lots is traced through the facility-level fallback: both makers count', async () => {
    const { t, of } = await scenario(
      'OFB',
      [
        { id: 'A', country: 'VN', hs: '6205.20', inputs: ['~B', '~C'] },
        { id: 'B', country: 'CN', hs: '6205.20', inputs: ['F'] },
        { id: 'C', country: 'BD', hs: '6205.20', inputs: ['G'] },
        { id: 'F', country: 'CN', hs: '5208.32', raw: true },
        { id: 'G', country: 'BD', hs: '5208.32', raw: true },
      ],
      { countryOfOrigin: 'VN' },
    );
    expect(t.origin).toMatchObject({ known: true, countries: ['BD', 'CN'] });
    expect(
      of('ORIGIN_MISMATCH')
        .map((f) => f[0])
        .sort(),
    ).toEqual(['B', 'C']);
    expect(of('TRANSSHIPMENT').map((f) => f[2])).toEqual([
      ['A', 'B'],
      ['A', 'C'],
    ]);
    expect((t.flags as Flag[]).find((f) => f.kind === 'TRANSSHIPMENT')!.evidence).toContain(
      'input by the facility-level fallback (not lot-allocated)',
    );
  });

  it('an unknown heading leaves the origin unknown and raises no ORIGIN_MISMATCH', async () => {
    const { t, of } = await scenario(
      'OUK',
      [
        { id: 'A', country: 'VN', hs: '6205.20', inputs: ['B'] },
        { id: 'B', country: 'CN', hs: null, raw: false, inputs: ['C'] },
        { id: 'C', country: 'CN', hs: '5208.32', raw: true },
      ],
      { countryOfOrigin: 'VN' },
    );
    expect(t.origin).toMatchObject({ known: false, countries: [], unknownReason: expect.stringMatching(/heading of input .*B/) });
    expect(of('ORIGIN_MISMATCH')).toEqual([]);
  });

  it('the shipment answers its declared origin and claim', async () => {
    const res = await h.gql('query($id: ID!) { shipment(id: $id) { countryOfOrigin preferenceProgram } }', { id: 'OCA-S1' });
    expect(res.data.shipment).toEqual({ countryOfOrigin: 'HN', preferenceProgram: 'CAFTA-DR' });
  });

  it('origin concentration: quantity by country of the transforming facility, pass-throughs not counted twice', async () => {
    // a tenant of its own: the concentration is over the whole tenant
    const own = await startHarness();
    try {
      const flows: FlowSpec[] = [
        { id: 'A', country: 'VN', hs: '6205.20', inputs: ['B'] },
        { id: 'B', country: 'CN', hs: '6205.20', inputs: ['C'] },
        { id: 'C', country: 'CN', hs: '5208.32', raw: true },
      ];
      for (const [pre, country] of [
        ['OC1', 'CN'],
        ['OC2', 'CN'],
        ['OC3', 'BD'],
      ] as const) {
        const b = originBundle(
          pre,
          flows.map((f) => (f.id === 'B' ? { ...f, country } : f)),
        );
        const res = await own.gql('mutation($b: JSON!) { importBundle(bundle: $b) { flows } }', { b });
        expect(res.errors).toBeUndefined();
      }
      const q = `query($h: String!) { originConcentration(heading: $h) { heading materialIds transformingFlows passThroughFlows unresolvedFlows
        units { unit total largestCountry largestShare herfindahl countries { country quantity share flows } } } }`;
      const res = await own.gql(q, { h: '6205.20.2003' });
      expect(res.errors).toBeUndefined();
      const c = res.data.originConcentration;
      expect(c).toMatchObject({ heading: '6205', transformingFlows: 3, passThroughFlows: 3, unresolvedFlows: 0 });
      expect(c.materialIds).toHaveLength(6);
      expect(c.units).toHaveLength(1);
      expect(c.units[0]).toMatchObject({ unit: 'kg', total: 3000, largestCountry: 'CN' });
      expect(c.units[0].largestShare).toBeCloseTo(2 / 3, 5);
      expect(c.units[0].herfindahl).toBeCloseTo(4 / 9 + 1 / 9, 5);
      expect(c.units[0].countries.map((x: { country: string; flows: number }) => [x.country, x.flows])).toEqual([
        ['CN', 2],
        ['BD', 1],
      ]);
      const bad = await own.gql(q, { h: '62' });
      expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(bad.errors[0].message).toMatch(/fewer than four digits/);
    } finally {
      await own.close();
    }
  });

  it("the README's transshipment worked example answers as the README says", async () => {
    // a tenant of its own: the README's ids are fixed
    const own = await startHarness();
    try {
      const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
      const example = readme.slice(readme.indexOf('### Worked example: transshipment'));
      const bodies = [...example.matchAll(/-d '(\{[\s\S]*?\})'\n/g)].slice(0, 2).map((m) => JSON.parse(m[1]));
      expect(bodies).toHaveLength(2);
      const imported = await own.gql(bodies[0].query, bodies[0].variables);
      expect(imported.errors).toBeUndefined();
      const res = await own.gql(bodies[1].query);
      expect(res.errors).toBeUndefined();
      const t = res.data.traceShipment;
      expect(t.verdict).toBe('CLEAR');
      expect(t.origin).toEqual({
        declared: 'VN',
        countries: ['CN'],
        decidedAt: [{ flowId: 'FL-cn', country: 'CN', tier: 2 }],
        passThrough: [{ flowId: 'FL-vn', country: 'VN', heading: '6205' }],
      });
      const signals = (t.flags as Flag[]).filter((f) => ['TRANSSHIPMENT', 'ORIGIN_MISMATCH'].includes(f.kind));
      expect(signals.map((f) => [f.kind, f.tier, f.path])).toEqual([
        ['TRANSSHIPMENT', 1, ['FL-vn', 'FL-cn']],
        ['ORIGIN_MISMATCH', 2, ['FL-vn', 'FL-cn']],
      ]);
      expect(signals[0].reason).toMatch(
        /^Hai Phong warehouse of Red River Logistics JSC in VN \(tier 1\) shipped Cotton shirts \(heading 6205\) as received from CN \(flow FL-cn\), without a change of heading/,
      );
      expect(signals[1].reason).toMatch(
        /^The entry declares origin VN, but Cotton shirts was last transformed in CN by Ningbo sewing plant/,
      );
    } finally {
      await own.close();
    }
  });
});
