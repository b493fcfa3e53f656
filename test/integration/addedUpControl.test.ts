// Control added up, on the real Neo4j: a listed entity whose listing covers subsidiaries holds 40%
// of a supplier directly and 20% more through a holding company it owns outright. No chain of
// majority holdings reaches the supplier, but 60% of its votes are the listed entity's: the
// supplier's shipment is FLAGGED (LISTED_AFFILIATE, the evidence naming both holdings), the
// listed entity's exposure lists it, and the risk view's stored summary agrees with the trace.
// Through a firm held only 50%, the same holdings are no control.
import { startHarness, Harness } from './harness';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';

let h: Harness;

const HOSHINE = 'Hoshine Silicon Industry (Shanshan) Co., Ltd';

beforeAll(async () => {
  h = await startHarness();
  const joint = chainBundle('JC', cottonTiers()); // JC-F2 Blue River Fabrics, Zhejiang: CLEAR on its own
  const half = chainBundle('HC', cottonTiers()); // HC-F2: the same holdings through a firm held 50%
  const b = {
    ...joint,
    firms: [
      ...joint.firms,
      ...half.firms,
      { id: 'LP', name: HOSHINE, country: 'CN' },
      { id: 'LP-hold', name: 'Sunrise Holdings Ltd', country: 'HK' },
      { id: 'LP-half', name: 'Halfway Investment Ltd', country: 'HK' },
    ],
    facilities: [...joint.facilities, ...half.facilities],
    materials: [...joint.materials, ...half.materials],
    flows: [...joint.flows, ...half.flows],
    documents: [...joint.documents, ...half.documents],
    shipments: [...joint.shipments, ...half.shipments],
    ownership: [
      { owner: 'LP', owned: 'JC-F2', share: 0.4 },
      { owner: 'LP', owned: 'LP-hold', share: 1 },
      { owner: 'LP-hold', owned: 'JC-F2', share: 0.2 },
      { owner: 'LP', owned: 'HC-F2', share: 0.4 },
      { owner: 'LP', owned: 'LP-half', share: 0.5 },
      { owner: 'LP-half', owned: 'HC-F2', share: 0.2 },
    ],
  };
  const r = await h.gql('mutation($b: JSON!) { importBundle(bundle: $b) { shipments ownership } }', { b });
  expect(r.errors).toBeUndefined();
  expect(r.data.importBundle).toEqual({ shipments: 2, ownership: 6 });
});
afterAll(async () => {
  await h?.close();
});

const TRACE = 'query($id: ID!) { traceShipment(id: $id) { verdict flags { kind firmId reason evidence } } }';

describe('control added up', () => {
  it('40% directly and 20% through a subsidiary held outright: the supplier is a listed affiliate, both holdings named', async () => {
    const r = await h.gql(TRACE, { id: 'JC-S1' });
    expect(r.errors).toBeUndefined();
    expect(r.data.traceShipment.verdict).toBe('FLAGGED');
    const aff = r.data.traceShipment.flags.filter((f: { kind: string }) => f.kind === 'LISTED_AFFILIATE');
    expect(aff).toHaveLength(1);
    expect(aff[0].firmId).toBe('JC-F2');
    expect(aff[0].reason).toContain(`holdings added up in Blue River Fabrics Co: ${HOSHINE} 40% + Sunrise Holdings Ltd 20% = 60%`);
    expect(aff[0].evidence.join(' | ')).toContain('each held by');
  });

  it('through a firm held only 50%, the same holdings are no control: CLEAR', async () => {
    const r = await h.gql(TRACE, { id: 'HC-S1' });
    expect(r.errors).toBeUndefined();
    expect(r.data.traceShipment.verdict).toBe('CLEAR');
    expect(r.data.traceShipment.flags.map((f: { kind: string }) => f.kind)).not.toContain('LISTED_AFFILIATE');
  });

  it("the listed entity's exposure lists the supplier's shipment, with the holdings that count", async () => {
    const r = await h.gql(
      `{ exposure(firmId: "LP", first: 20) { total items { shipmentId verdict via { kind firmId chain effectiveShare heldIn heldWith { firmId firmName share } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.exposure).toEqual({
      total: 1,
      items: [
        {
          shipmentId: 'JC-S1',
          verdict: 'FLAGGED',
          via: {
            kind: 'CONTROLLED_SUBSIDIARY',
            firmId: 'JC-F2',
            chain: ['LP', 'JC-F2'],
            effectiveShare: expect.closeTo(0.6, 10),
            heldIn: 'JC-F2',
            heldWith: [
              { firmId: 'LP', firmName: HOSHINE, share: 0.4 },
              { firmId: 'LP-hold', firmName: 'Sunrise Holdings Ltd', share: 0.2 },
            ],
          },
        },
      ],
    });
  });

  it('the risk view reads the same verdicts as the traces', async () => {
    const r = await h.gql('{ shipmentRisks(first: 10) { items { shipmentId verdict } } }');
    expect(r.errors).toBeUndefined();
    expect(
      Object.fromEntries(r.data.shipmentRisks.items.map((i: { shipmentId: string; verdict: string }) => [i.shipmentId, i.verdict])),
    ).toEqual({
      'JC-S1': 'FLAGGED',
      'HC-S1': 'CLEAR',
    });
  });

  it('a later import that sells the subsidiary down to 50% ends control, and the stored summary follows', async () => {
    const r = await h.gql('mutation($b: JSON!) { importBundle(bundle: $b) { ownership } }', {
      b: {
        bundleVersion: 1,
        firms: [],
        facilities: [],
        materials: [],
        flows: [],
        documents: [],
        shipments: [],
        ownership: [{ owner: 'LP', owned: 'LP-hold', share: 0.5 }],
      },
    });
    expect(r.errors).toBeUndefined();
    const t = await h.gql(TRACE, { id: 'JC-S1' });
    expect(t.data.traceShipment.verdict).toBe('CLEAR');
    const risks = await h.gql('{ shipmentRisks(first: 10) { items { shipmentId verdict } } }');
    expect(risks.data.shipmentRisks.items.find((i: { shipmentId: string }) => i.shipmentId === 'JC-S1').verdict).toBe('CLEAR');
  });
});
