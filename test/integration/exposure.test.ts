// Exposure through control (issue 13, point 7) on the real Neo4j: a listed parent's exposure
// lists the shipments of the firms it controls (more than 50% at every link), each with the
// route it takes; a 50% holding is not control, and ownership cycles end.
import { startHarness, Harness } from './harness';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';
import type { Bundle } from '../../src/model/bundle';

let h: Harness;

const HOSHINE = 'Hoshine Silicon Industry (Shanshan) Co., Ltd';
const PARENT = 'EXD-F3'; // the listed parent, tier 3 of its own chain

/** One bundle of several chains, so holdings can run between their firms. */
const merged = (...bs: Bundle[]): Bundle => ({
  bundleVersion: 1,
  firms: bs.flatMap((b) => b.firms),
  facilities: bs.flatMap((b) => b.facilities),
  ownership: bs.flatMap((b) => b.ownership),
  materials: bs.flatMap((b) => b.materials),
  flows: bs.flatMap((b) => b.flows),
  documents: bs.flatMap((b) => b.documents),
  shipments: bs.flatMap((b) => b.shipments),
});

beforeAll(async () => {
  h = await startHarness();
  const withTier = (n: number, name: string) => cottonTiers().map((t, i) => (i === n - 1 ? { ...t, firm: { ...t.firm, name } } : t));
  const b = merged(
    chainBundle('EXD', withTier(3, HOSHINE)), // the parent ships itself at tier 3
    chainBundle('EXS', withTier(3, 'Shanshan Polymer Trading Co'), { shipments: 2 }), // the 70%-held supplier at tier 3
    chainBundle('EXR', withTier(2, 'Ring Weaving Co')), // held 90% by the supplier: a third link
    chainBundle('EXH', withTier(2, 'Halfway Textile Co')), // held exactly 50% by the parent
  );
  b.firms.push({ id: 'EXP-sub', name: 'Sunrise Holdings Ltd', country: 'HK' });
  b.ownership.push(
    { owner: PARENT, owned: 'EXP-sub', share: 0.6 },
    { owner: 'EXP-sub', owned: 'EXS-F3', share: 0.7 },
    { owner: 'EXS-F3', owned: 'EXR-F2', share: 0.9 },
    { owner: PARENT, owned: 'EXH-F2', share: 0.5 },
    { owner: PARENT, owned: 'EXD-F2', share: 0.75 }, // a subsidiary on the parent's own chain
    // cycles: the supplier holds 20% of the parent, the ring firm 25% of the holding company
    { owner: 'EXS-F3', owned: PARENT, share: 0.2 },
    { owner: 'EXR-F2', owned: 'EXP-sub', share: 0.25 },
  );
  const r = await h.gql('mutation($b: JSON!) { importBundle(bundle: $b) { shipments } }', { b });
  expect(r.errors).toBeUndefined();
  expect(r.data.importBundle.shipments).toBe(5);
});
afterAll(async () => {
  await h?.close();
});

const Q = `query($firm: ID!, $first: Int, $after: String) {
  exposure(firmId: $firm, first: $first, after: $after) {
    total endCursor hasNextPage
    items { shipmentId tier path via { kind firmId firmName chain chainNames shares effectiveShare } }
  } }`;

async function exposureOf(firm: string, first = 50, after: string | null = null) {
  const r = await h.gql(Q, { firm, first, after });
  expect(r.errors).toBeUndefined();
  return r.data.exposure;
}

const direct = (firmId: string, firmName: string) => ({
  kind: 'DIRECT',
  firmId,
  firmName,
  chain: [firmId],
  chainNames: [firmName],
  shares: [],
  effectiveShare: 1,
});

describe('exposure through control', () => {
  it('the issue case: the supplier two majority links below the listed parent ships a LISTED_AFFILIATE shipment', async () => {
    const r = await h.gql('{ traceShipment(id: "EXS-S1") { verdict flags { kind firmId evidence } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.traceShipment.verdict).toBe('FLAGGED');
    const aff = r.data.traceShipment.flags.filter((f: { kind: string }) => f.kind === 'LISTED_AFFILIATE');
    expect(aff).toHaveLength(1);
    expect(aff[0].firmId).toBe('EXS-F3');
    expect(aff[0].evidence.join(' ')).toContain(`${PARENT} > EXP-sub > EXS-F3`);
  });

  it("the parent's exposure lists its own and its controlled firms' shipments, each with its route", async () => {
    const e = await exposureOf(PARENT);
    const viaSupplier = {
      kind: 'CONTROLLED_SUBSIDIARY',
      firmId: 'EXS-F3',
      firmName: 'Shanshan Polymer Trading Co',
      chain: [PARENT, 'EXP-sub', 'EXS-F3'],
      chainNames: [HOSHINE, 'Sunrise Holdings Ltd', 'Shanshan Polymer Trading Co'],
      shares: [0.6, 0.7],
      effectiveShare: expect.closeTo(0.42, 10),
    };
    expect(e).toEqual({
      total: 4,
      endCursor: expect.any(String),
      hasNextPage: false,
      items: [
        // through its own facility at tier 3, though its 75% subsidiary ships at tier 2 on the same chain
        { shipmentId: 'EXD-S1', tier: 3, path: ['EXD-FL1', 'EXD-FL2', 'EXD-FL3'], via: direct(PARENT, HOSHINE) },
        {
          shipmentId: 'EXR-S1',
          tier: 2,
          path: ['EXR-FL1', 'EXR-FL2'],
          via: {
            kind: 'CONTROLLED_SUBSIDIARY',
            firmId: 'EXR-F2',
            firmName: 'Ring Weaving Co',
            chain: [PARENT, 'EXP-sub', 'EXS-F3', 'EXR-F2'],
            chainNames: [HOSHINE, 'Sunrise Holdings Ltd', 'Shanshan Polymer Trading Co', 'Ring Weaving Co'],
            shares: [0.6, 0.7, 0.9],
            effectiveShare: expect.closeTo(0.378, 10),
          },
        },
        { shipmentId: 'EXS-S1', tier: 3, path: ['EXS-FL1', 'EXS-FL2', 'EXS-FL3'], via: viaSupplier },
        { shipmentId: 'EXS-S2', tier: 3, path: ['EXS-FL1', 'EXS-FL2', 'EXS-FL3'], via: viaSupplier },
      ],
    });
  });

  it('a holding of exactly 50% is not control: that firm is exposed only through itself', async () => {
    const parent = await exposureOf(PARENT);
    expect(parent.items.map((x: { shipmentId: string }) => x.shipmentId)).not.toContain('EXH-S1');
    const half = await exposureOf('EXH-F2');
    expect(half.items).toEqual([
      { shipmentId: 'EXH-S1', tier: 2, path: ['EXH-FL1', 'EXH-FL2'], via: direct('EXH-F2', 'Halfway Textile Co') },
    ]);
  });

  it('a holding company with no facility of its own is exposed through what it controls; the cycles end', async () => {
    const e = await exposureOf('EXP-sub');
    expect(e.total).toBe(3);
    expect(e.items.map((x: { shipmentId: string; via: { firmId: string; chain: string[] } }) => [x.shipmentId, x.via.chain])).toEqual([
      ['EXR-S1', ['EXP-sub', 'EXS-F3', 'EXR-F2']],
      ['EXS-S1', ['EXP-sub', 'EXS-F3']],
      ['EXS-S2', ['EXP-sub', 'EXS-F3']],
    ]);
    // the supplier holds 20% of the parent and controls the ring firm, which holds 25% of the holding company
    const supplier = await exposureOf('EXS-F3');
    expect(
      supplier.items.map((x: { shipmentId: string; via: { kind: string; firmId: string } }) => [x.shipmentId, x.via.kind, x.via.firmId]),
    ).toEqual([
      ['EXR-S1', 'CONTROLLED_SUBSIDIARY', 'EXR-F2'],
      ['EXS-S1', 'DIRECT', 'EXS-F3'],
      ['EXS-S2', 'DIRECT', 'EXS-F3'],
    ]);
  });

  it('pages through the union by shipment id, the same on every ask', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await exposureOf(PARENT, 3, after);
      const again = await exposureOf(PARENT, 3, after);
      expect(again).toEqual(page);
      expect(page.total).toBe(4);
      ids.push(...page.items.map((x: { shipmentId: string }) => x.shipmentId));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(ids).toEqual(['EXD-S1', 'EXR-S1', 'EXS-S1', 'EXS-S2']);
  });

  it('an unknown firm is NOT_FOUND, as before', async () => {
    const r = await h.gql(Q, { firm: 'NO-SUCH-FIRM', first: 5, after: null });
    expect(r.data).toBeNull();
    expect(r.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

/** A trace's flags counted by kind, as a list shows them (in the order the trace raised the kinds does not matter). */
const countsOf = (flags: { kind: string }[]) => {
  const counts = new Map<string, number>();
  for (const f of flags) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return Object.fromEntries([...counts].sort());
};
const byKind = (flagCounts: { kind: string; count: number }[]) => Object.fromEntries(flagCounts.map((c) => [c.kind, c.count]).sort());

/** Each exposed shipment's verdict and flags against its live trace's, and against the risk view's row. */
async function expectVerdictsOfLiveTraces(firm: string) {
  const r = await h.gql(
    `query($firm: ID!) { exposure(firmId: $firm, first: 50) { items { shipmentId verdict flagCounts { kind count } } } }`,
    {
      firm,
    },
  );
  expect(r.errors).toBeUndefined();
  const items = r.data.exposure.items as { shipmentId: string; verdict: string; flagCounts: { kind: string; count: number }[] }[];
  expect(items.length).toBeGreaterThan(0);
  const risks = await h.gql('{ shipmentRisks(first: 100) { items { shipmentId verdict flagCounts { kind count } } } }');
  expect(risks.errors).toBeUndefined();
  const riskOf = new Map(
    (risks.data.shipmentRisks.items as typeof items).map((i) => [i.shipmentId, { verdict: i.verdict, flags: byKind(i.flagCounts) }]),
  );
  for (const item of items) {
    const t = await h.gql('query($id: ID!) { traceShipment(id: $id) { verdict flags { kind } } }', { id: item.shipmentId });
    expect(t.errors).toBeUndefined();
    const live = { verdict: t.data.traceShipment.verdict, flags: countsOf(t.data.traceShipment.flags) };
    expect({ id: item.shipmentId, verdict: item.verdict, flags: byKind(item.flagCounts) }).toEqual({ id: item.shipmentId, ...live });
    expect(riskOf.get(item.shipmentId)).toEqual(live);
  }
  return new Map(items.map((i) => [i.shipmentId, i.verdict]));
}

describe("exposure's verdicts (issue 20: read from the stored summaries)", () => {
  it('equal the live traces after the import, after an import that moves one, and after a review decision', async () => {
    for (const firm of [PARENT, 'EXP-sub', 'EXH-F2']) await expectVerdictsOfLiveTraces(firm);
    const before = await expectVerdictsOfLiveTraces('EXH-F2');

    // the half-held supplier renamed to the listed entity: its own shipment is flagged now
    const renamed = await h.gql('mutation($b: JSON!) { importBundle(bundle: $b) { firms } }', {
      b: { bundleVersion: 1, firms: [{ id: 'EXH-F2', name: HOSHINE, country: 'CN' }] },
    });
    expect(renamed.errors).toBeUndefined();
    const afterImport = await expectVerdictsOfLiveTraces('EXH-F2');
    expect(afterImport.get('EXH-S1')).toBe('FLAGGED');
    expect(afterImport.get('EXH-S1')).not.toBe(before.get('EXH-S1'));

    // a reviewer rejects the parent's match: its own shipment and its subsidiaries' move
    const m = await h.gql('{ screeningMatches(firmId: "EXD-F3") { items { id decision status } } }');
    expect(m.errors).toBeUndefined();
    const match = (m.data.screeningMatches.items as { id: string; decision: string }[]).find((x) => x.decision === 'MATCH')!;
    const parentBefore = await expectVerdictsOfLiveTraces(PARENT);
    const rejected = await h.gql('mutation($id: ID!) { rejectMatch(id: $id, note: "another firm") { status } }', { id: match.id });
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data.rejectMatch.status).toBe('REJECTED');
    const parentAfter = await expectVerdictsOfLiveTraces(PARENT);
    expect([...parentAfter]).not.toEqual([...parentBefore]);
    await expectVerdictsOfLiveTraces('EXP-sub');
  });

  it('with an asOf, are the live traces of that day', async () => {
    const r = await h.gql('{ exposure(firmId: "EXH-F2", asOf: "2020-01-01") { items { shipmentId verdict } } }');
    expect(r.errors).toBeUndefined();
    for (const item of r.data.exposure.items as { shipmentId: string; verdict: string }[]) {
      const t = await h.gql('query($id: ID!) { traceShipment(id: $id, asOf: "2020-01-01") { verdict } }', { id: item.shipmentId });
      expect(item.verdict).toBe(t.data.traceShipment.verdict);
    }
  });
});
