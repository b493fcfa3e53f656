import { exposureRoutes, HoldingBelow, judgementOf, routeOf } from '../../../src/trace/exposure';
import type { RiskFlag } from '../../../src/trace/engine';
import type { StoredSummary } from '../../../src/trace/summaries';
import { FLAG_KINDS } from '../../../src/trace/rules';

const row = (owner: string, owned: string | null, share: number | null = null): HoldingBelow => ({
  owner,
  ownerName: `${owner} Co`,
  owned,
  ownedName: owned && `${owned} Co`,
  share,
});

describe('exposureRoutes', () => {
  it('the firm itself first, then every firm it controls with the chain, names and shares', () => {
    const routes = exposureRoutes('P', [row('P', 'S', 0.6), row('S', 'T', 0.7), row('P', 'H', 0.5), row('H', 'U', 1), row('T', null)]);
    expect(routes).toEqual([
      {
        kind: 'DIRECT',
        firmId: 'P',
        firmName: 'P Co',
        chain: ['P'],
        chainNames: ['P Co'],
        shares: [],
        effectiveShare: 1,
        heldIn: null,
        heldWith: [],
      },
      {
        kind: 'CONTROLLED_SUBSIDIARY',
        firmId: 'S',
        firmName: 'S Co',
        chain: ['P', 'S'],
        chainNames: ['P Co', 'S Co'],
        shares: [0.6],
        effectiveShare: 0.6,
        heldIn: null,
        heldWith: [],
      },
      {
        kind: 'CONTROLLED_SUBSIDIARY',
        firmId: 'T',
        firmName: 'T Co',
        chain: ['P', 'S', 'T'],
        chainNames: ['P Co', 'S Co', 'T Co'],
        shares: [0.6, 0.7],
        effectiveShare: expect.closeTo(0.42, 10),
        heldIn: null,
        heldWith: [],
      },
    ]);
  });

  it('a firm that holds nothing has only the direct route, still named', () => {
    expect(exposureRoutes('P', [row('P', null)])).toEqual([
      {
        kind: 'DIRECT',
        firmId: 'P',
        firmName: 'P Co',
        chain: ['P'],
        chainNames: ['P Co'],
        shares: [],
        effectiveShare: 1,
        heldIn: null,
        heldWith: [],
      },
    ]);
  });

  it('ends on an ownership cycle back to the firm', () => {
    const routes = exposureRoutes('P', [row('P', 'S', 0.9), row('S', 'P', 0.9)]);
    expect(routes.map((r) => r.firmId)).toEqual(['P', 'S']);
  });
});

describe('routeOf', () => {
  const routes = exposureRoutes('P', [row('P', 'S', 0.6), row('S', 'T', 0.7), row('P', 'R', 0.8)]);
  // P-FAC ships at tier 3, S-FAC at tier 2, T-FAC at tier 1, R-FAC at tier 2
  const party = (firmId: string, tier: number) => ({ firmId, facilityId: `${firmId}-FAC`, name: firmId, tier, role: 'SUPPLIER' });
  const hop = (firmId: string, tier: number) => ({
    flowId: `${firmId}-FL`,
    tier,
    fromFacilityId: `${firmId}-FAC`,
    toFacilityId: 'X',
    materialId: 'M',
    inputs: [],
    lotAllocated: true,
    documents: [],
  });
  const trace = (...firms: [string, number][]) => ({
    parties: firms.map(([f, t]) => party(f, t)),
    hops: firms.map(([f, t]) => hop(f, t)),
  });

  it('direct whenever the firm itself ships on the path, even deeper than a subsidiary', () => {
    const r = routeOf(trace(['T', 1], ['P', 3]), routes);
    expect([r?.via.kind, r?.via.firmId, r?.hop.tier]).toEqual(['DIRECT', 'P', 3]);
  });

  it('otherwise the controlled firm shipping nearest the importer, the nearer controlled among equals', () => {
    expect(routeOf(trace(['S', 2], ['T', 1]), routes)?.via.firmId).toBe('T');
    expect(routeOf(trace(['R', 2], ['S', 2]), routes)?.via.firmId).toBe('R'); // R and S both one link away: by id
    expect(routeOf(trace(['T', 2], ['S', 2]), routes)?.via.firmId).toBe('S'); // S one link away, T two
  });

  it('a firm on the path by a party without a facility, or on no hop, is no route', () => {
    expect(routeOf({ parties: [{ ...party('S', 2), facilityId: null }], hops: [hop('S', 2)] }, routes)).toBeNull();
    expect(routeOf(trace(['Q', 1]), routes)).toBeNull();
  });
});

describe('exposure through holdings added up', () => {
  it('a firm held 40% directly and 20% through a subsidiary held outright is a route, naming both holdings', () => {
    const routes = exposureRoutes('P', [row('P', 'S', 0.4), row('P', 'T', 1), row('T', 'S', 0.2), row('S', null)]);
    expect(routes.map((r) => [r.kind, r.firmId, r.chain])).toEqual([
      ['DIRECT', 'P', ['P']],
      ['CONTROLLED_SUBSIDIARY', 'S', ['P', 'S']],
      ['CONTROLLED_SUBSIDIARY', 'T', ['P', 'T']],
    ]);
    expect(routes[1].effectiveShare).toBeCloseTo(0.6);
    expect(routes[1].heldIn).toBe('S');
    expect(routes[1].heldWith).toEqual([
      { firmId: 'P', firmName: 'P Co', share: 0.4 },
      { firmId: 'T', firmName: 'T Co', share: 0.2 },
    ]);
    expect(routes[2].heldWith).toEqual([]);
  });
});

describe('exposure of a firm confirmed to be the same entity as another (SAME_AS)', () => {
  const same = [{ id: 'P2', name: 'P Second Record' }];

  it('both records are DIRECT, and their holdings add up as one firm', () => {
    // P holds 30% of S and its other record P2 holds 30%: together they control S
    const routes = exposureRoutes('P', [row('P', 'S', 0.3), row('P2', 'S', 0.3), row('S', null), row('P2', 'P', 1)], same);
    expect(routes.map((r) => [r.kind, r.firmId, r.chain])).toEqual([
      ['DIRECT', 'P', ['P']],
      ['DIRECT', 'P2', ['P2']],
      ['CONTROLLED_SUBSIDIARY', 'S', ['P', 'S']],
    ]);
    expect(routes[1].firmName).toBe('P Second Record');
    expect(routes[2].effectiveShare).toBeCloseTo(0.6);
  });

  it('records of one entity below the firm are one firm too: their holdings add up, and each record is a route', () => {
    // P holds 80% of B; B and its other record B2 hold 30% of S each; S2 is S's other record
    const link = (a: string, b: string): HoldingBelow => ({ ...row(a, b), sameEntity: true });
    const routes = exposureRoutes('P', [
      row('P', 'B', 0.8),
      row('B', 'S', 0.3),
      row('B2', 'S', 0.3),
      link('B', 'B2'),
      link('B2', 'B'),
      link('S', 'S2'),
    ]);
    expect(routes.map((r) => [r.kind, r.firmId, r.chain])).toEqual([
      ['DIRECT', 'P', ['P']],
      ['CONTROLLED_SUBSIDIARY', 'B', ['P', 'B']],
      ['CONTROLLED_SUBSIDIARY', 'B2', ['P', 'B2']],
      ['CONTROLLED_SUBSIDIARY', 'S', ['P', 'B', 'S']],
      ['CONTROLLED_SUBSIDIARY', 'S2', ['P', 'B', 'S2']],
    ]);
    expect(routes[3].effectiveShare).toBeCloseTo(0.48);
  });

  it('the shallowest of the direct records routes the shipment', () => {
    const routes = exposureRoutes('P', [row('P', null), row('P2', null)], same);
    const party = (firmId: string, tier: number) => ({ firmId, facilityId: `${firmId}-FAC`, name: firmId, tier, role: 'SUPPLIER' });
    const hop = (firmId: string, tier: number) => ({
      flowId: `${firmId}-FL`,
      tier,
      fromFacilityId: `${firmId}-FAC`,
      toFacilityId: 'X',
      materialId: 'M',
      inputs: [],
      lotAllocated: true,
      documents: [],
    });
    const r = routeOf({ parties: [party('P', 3), party('P2', 1)], hops: [hop('P', 3), hop('P2', 1)] }, routes);
    expect([r?.via.kind, r?.via.firmId, r?.hop.tier]).toEqual(['DIRECT', 'P2', 1]);
  });
});

describe('judgementOf', () => {
  const flag = (kind: RiskFlag['kind']): RiskFlag => ({
    kind,
    firmId: null,
    facilityId: null,
    flowId: null,
    tier: 1,
    reason: '',
    path: [],
    evidence: [],
  });
  // two kinds listed out of FLAG_KINDS order, one of them twice
  const [first, second] = FLAG_KINDS;
  const trace = { verdict: 'FLAGGED' as const, flags: [flag(second), flag(first), flag(second)] };

  it('without a current summary: the live trace’s verdict and its flags counted by kind, in FLAG_KINDS order', () => {
    expect(judgementOf(trace, undefined)).toEqual({
      verdict: 'FLAGGED',
      flagCounts: [
        { kind: first, count: 1 },
        { kind: second, count: 2 },
      ],
    });
  });

  it('with one: the stored verdict and counts (what the risk view shows)', () => {
    const stored = { shipmentId: 'S1', verdict: 'INCOMPLETE', flagKinds: [second], flagCounts: [4] } as unknown as StoredSummary;
    expect(judgementOf(trace, stored)).toEqual({ verdict: 'INCOMPLETE', flagCounts: [{ kind: second, count: 4 }] });
  });
});
