import { controlledFirms, controllingOwners, shareIn, ultimateOwners } from '../../../../src/trace/rules';

const h = (owner: string, owned: string, share: number) => ({ owner, owned, share });

describe('controllingOwners', () => {
  it('a direct holding of more than 50% controls', () => {
    expect(controllingOwners('S', [h('P', 'S', 0.51)])).toEqual([{ ownerId: 'P', chain: ['P', 'S'], effectiveShare: 0.51 }]);
  });

  it('exactly 50% does not control', () => {
    expect(controllingOwners('S', [h('P', 'S', 0.5)])).toEqual([]);
    expect(controllingOwners('S', [h('P', 'S', 0.5), h('Q', 'S', 0.5)])).toEqual([]);
  });

  it('51% then 60% controls through the chain, owner first', () => {
    // G holds 60% of P, P holds 51% of S
    const out = controllingOwners('S', [h('P', 'S', 0.51), h('G', 'P', 0.6)]);
    expect(out.map((o) => o.ownerId)).toEqual(['P', 'G']);
    expect(out[1].chain).toEqual(['G', 'P', 'S']);
    expect(out[1].effectiveShare).toBeCloseTo(0.306, 10);
  });

  it('60% then 40% does not control, whichever link is the weak one', () => {
    expect(controllingOwners('S', [h('P', 'S', 0.6), h('G', 'P', 0.4)]).map((o) => o.ownerId)).toEqual(['P']);
    expect(controllingOwners('S', [h('P', 'S', 0.4), h('G', 'P', 0.6)])).toEqual([]);
  });

  it('50% at any link breaks the chain', () => {
    expect(controllingOwners('S', [h('A', 'S', 0.9), h('B', 'A', 0.5), h('C', 'B', 1)]).map((o) => o.ownerId)).toEqual(['A']);
  });

  it('follows long chains and branches, nearest controller first', () => {
    const out = controllingOwners('S', [h('A', 'S', 1), h('B', 'A', 0.8), h('C', 'B', 0.55), h('X', 'S', 0.2), h('Y', 'X', 1)]);
    expect(out.map((o) => [o.ownerId, o.chain.join('>')])).toEqual([
      ['A', 'A>S'],
      ['B', 'B>A>S'],
      ['C', 'C>B>A>S'],
    ]);
    expect(out[2].effectiveShare).toBeCloseTo(0.44, 10);
  });

  it('terminates on cycles and never lists the firm itself', () => {
    expect(controllingOwners('A', [h('B', 'A', 0.6), h('A', 'B', 0.6)])).toEqual([
      { ownerId: 'B', chain: ['B', 'A'], effectiveShare: 0.6 },
    ]);
    const ring = [h('B', 'A', 0.9), h('C', 'B', 0.9), h('A', 'C', 0.9)];
    expect(controllingOwners('A', ring).map((o) => o.chain)).toEqual([
      ['B', 'A'],
      ['C', 'B', 'A'],
    ]);
  });

  it('lists each controller once, through its shortest chain', () => {
    const out = controllingOwners('S', [h('A', 'S', 0.6), h('B', 'A', 0.7), h('B', 'S', 0.3), h('B', 'X', 1), h('X', 'S', 0.1)]);
    expect(out.map((o) => o.ownerId)).toEqual(['A', 'B']);
    // B's direct 30% is not control; B controls through A
    expect(out[1].chain).toEqual(['B', 'A', 'S']);
  });

  it('adds up several holdings of the same owner in the same firm', () => {
    expect(controllingOwners('S', [h('P', 'S', 0.3), h('P', 'S', 0.25)]).map((o) => o.ownerId)).toEqual(['P']);
  });

  it('reads shares above 1 as percentages', () => {
    expect(controllingOwners('S', [h('P', 'S', 51), h('G', 'P', 60)]).map((o) => o.ownerId)).toEqual(['P', 'G']);
    expect(controllingOwners('S', [h('P', 'S', 50)])).toEqual([]);
  });

  it('ignores holdings that do not reach the firm, and self-holdings', () => {
    expect(controllingOwners('S', [h('P', 'Q', 1), h('S', 'S', 1)])).toEqual([]);
    expect(controllingOwners('S', [])).toEqual([]);
  });

  it('matches the demo bundle: Hoshine holds 60% of Jiaxing Hexin', () => {
    const own = [h('F-hoshine', 'F-jiaxing-hexin', 0.6), h('F-jiaxing-invest', 'F-jiaxing-hexin', 0.4)];
    expect(controllingOwners('F-jiaxing-hexin', own)).toEqual([
      { ownerId: 'F-hoshine', chain: ['F-hoshine', 'F-jiaxing-hexin'], effectiveShare: 0.6 },
    ]);
  });
});

describe('ultimateOwners', () => {
  it('returns the top of every chain upward at any share, with the chain from top to firm', () => {
    const out = ultimateOwners('S', [h('A', 'S', 0.6), h('B', 'S', 0.1), h('C', 'A', 0.3), h('D', 'A', 0.7)]);
    expect(out.map((o) => [o.ownerId, o.chain])).toEqual([
      ['D', ['D', 'A', 'S']],
      ['C', ['C', 'A', 'S']],
      ['B', ['B', 'S']],
    ]);
    expect(out[0].effectiveShare).toBeCloseTo(0.42, 10);
  });

  it('a firm nobody owns has no chains', () => {
    expect(ultimateOwners('S', [h('S', 'X', 1)])).toEqual([]);
  });

  it('one entry per chain when two chains reach the same top', () => {
    const out = ultimateOwners('S', [h('A', 'S', 0.5), h('B', 'S', 0.5), h('T', 'A', 1), h('T', 'B', 1)]);
    expect(out.map((o) => o.chain.join('>'))).toEqual(['T>A>S', 'T>B>S']);
  });

  it('terminates on cycles: the top is the last firm before the chain would loop', () => {
    expect(ultimateOwners('A', [h('B', 'A', 0.6), h('A', 'B', 0.6)])).toEqual([{ ownerId: 'B', chain: ['B', 'A'], effectiveShare: 0.6 }]);
    const out = ultimateOwners('A', [h('B', 'A', 1), h('C', 'B', 1), h('B', 'C', 1), h('T', 'C', 0.2)]);
    expect(out.map((o) => o.chain.join('>'))).toEqual(['T>C>B>A']);
  });

  it('stays bounded on dense graphs', () => {
    const own = [];
    for (let layer = 0; layer < 12; layer++) {
      for (const a of ['x', 'y']) for (const b of ['x', 'y']) own.push(h(`${a}${layer + 1}`, `${b}${layer}`, 0.5));
    }
    own.push(h('x0', 'S', 1));
    const out = ultimateOwners('S', own);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out.length).toBeGreaterThan(0);
  });
});

describe('controllingOwners: holdings added up', () => {
  it('40% directly and 20% through a subsidiary held outright is control, naming the holdings that count', () => {
    const out = controllingOwners('F', [h('X', 'F', 0.4), h('X', 'S', 1), h('S', 'F', 0.2)]);
    expect(out.map((o) => o.ownerId)).toEqual(['X']);
    expect(out[0]).toEqual({
      ownerId: 'X',
      chain: ['X', 'F'],
      effectiveShare: expect.closeTo(0.6, 10),
      heldIn: 'F',
      heldWith: [
        { ownerId: 'X', share: 0.4 },
        { ownerId: 'S', share: 0.2 },
      ],
    });
    // S alone holds 20%: no control of its own
    expect(controllingOwners('S', [h('X', 'F', 0.4), h('X', 'S', 1), h('S', 'F', 0.2)]).map((o) => o.ownerId)).toEqual(['X']);
  });

  it('30% + 30% through a 60% subsidiary is control; the look-through share is what the controller owns', () => {
    const out = controllingOwners('F', [h('X', 'F', 0.3), h('X', 'S', 0.6), h('S', 'F', 0.3)]);
    expect(out.map((o) => [o.ownerId, o.effectiveShare])).toEqual([['X', expect.closeTo(0.48, 10)]]);
  });

  it('only firms the controller controls add up: not a 50% holding, not a stranger', () => {
    expect(controllingOwners('F', [h('X', 'F', 0.4), h('X', 'S', 0.5), h('S', 'F', 0.2)])).toEqual([]);
    expect(controllingOwners('F', [h('X', 'F', 0.3), h('Y', 'F', 0.3)])).toEqual([]);
    expect(controllingOwners('F', [h('X', 'F', 0.3), h('X', 'S', 1), h('S', 'F', 0.2)])).toEqual([]);
  });

  it('control added up at one level carries down a chain, and across several levels', () => {
    // X controls S by adding up (40% + 20% through T), S holds 70% of F
    const own = [h('X', 'S', 0.4), h('X', 'T', 1), h('T', 'S', 0.2), h('S', 'F', 0.7)];
    expect(controllingOwners('F', own).map((o) => [o.ownerId, o.chain.join('>')])).toEqual([
      ['S', 'S>F'],
      ['X', 'X>S>F'],
    ]);
    // the holdings added up are S's, where the chain's link is no majority: X 40% + T 20%
    const x = controllingOwners('F', own)[1];
    expect([x.heldIn, x.heldWith]).toEqual([
      'S',
      [
        { ownerId: 'X', share: 0.4 },
        { ownerId: 'T', share: 0.2 },
      ],
    ]);
    // three holders of a quarter each under one parent
    const quarters = [h('P', 'A', 1), h('P', 'B', 0.8), h('A', 'F', 0.25), h('B', 'F', 0.25), h('P', 'F', 0.05)];
    expect(controllingOwners('F', quarters).map((o) => o.ownerId)).toEqual(['P']);
    expect(controllingOwners('F', quarters)[0].heldWith?.map((x) => x.ownerId)).toEqual(['A', 'B', 'P']);
  });

  it('ends on cycles of holdings', () => {
    const own = [h('X', 'F', 0.4), h('X', 'S', 1), h('S', 'F', 0.2), h('F', 'X', 0.3), h('S', 'X', 0.1)];
    expect(controllingOwners('F', own).map((o) => o.ownerId)).toEqual(['X']);
    expect(controllingOwners('X', own)).toEqual([]);
  });

  it('controlledFirms reads added-up control the other way', () => {
    expect(controlledFirms('X', [h('X', 'F', 0.4), h('X', 'S', 1), h('S', 'F', 0.2)])).toEqual([
      { firmId: 'F', chain: ['X', 'F'], shares: [0.4], effectiveShare: expect.closeTo(0.6, 10), heldIn: 'F', heldWith: expect.any(Array) },
      { firmId: 'S', chain: ['X', 'S'], shares: [1], effectiveShare: 1 },
    ]);
  });
});

describe('controlledFirms', () => {
  const ids = (xs: { firmId: string }[]) => xs.map((x) => x.firmId);

  it("the issue 13 case: 60% then 70% controls, with the chain and each link's share", () => {
    expect(controlledFirms('P', [h('P', 'S', 0.6), h('S', 'T', 0.7)])).toEqual([
      { firmId: 'S', chain: ['P', 'S'], shares: [0.6], effectiveShare: 0.6 },
      { firmId: 'T', chain: ['P', 'S', 'T'], shares: [0.6, 0.7], effectiveShare: expect.closeTo(0.42, 10) },
    ]);
  });

  it('50% or less at any link is not control', () => {
    expect(controlledFirms('P', [h('P', 'S', 0.5)])).toEqual([]);
    expect(ids(controlledFirms('P', [h('P', 'S', 0.6), h('S', 'T', 0.5), h('T', 'U', 1)]))).toEqual(['S']);
    expect(ids(controlledFirms('P', [h('P', 'S', 0.2), h('S', 'T', 1)]))).toEqual([]);
  });

  it('is controllingOwners read the other way, on every firm of a tangled graph', () => {
    const own = [
      h('P', 'A', 0.6),
      h('A', 'B', 0.7),
      h('P', 'C', 0.5),
      h('C', 'D', 0.9),
      h('B', 'E', 0.51),
      h('P', 'E', 0.3),
      h('X', 'P', 0.8),
      h('E', 'P', 0.6), // a cycle back to the top
      h('D', 'A', 0.2),
    ];
    for (const owner of ['P', 'A', 'B', 'C', 'D', 'E', 'X']) {
      const down = controlledFirms(owner, own);
      for (const firm of ['P', 'A', 'B', 'C', 'D', 'E', 'X']) {
        const up = controllingOwners(firm, own).find((c) => c.ownerId === owner);
        const found = down.find((d) => d.firmId === firm);
        expect([owner, firm, found?.chain ?? null]).toEqual([owner, firm, up?.chain ?? null]);
      }
    }
  });

  it('terminates on cycles and never lists the controller itself', () => {
    expect(ids(controlledFirms('A', [h('A', 'B', 0.6), h('B', 'A', 0.6)]))).toEqual(['B']);
    const ring = [h('A', 'B', 0.9), h('B', 'C', 0.9), h('C', 'A', 0.9)];
    expect(controlledFirms('A', ring).map((c) => c.chain)).toEqual([
      ['A', 'B'],
      ['A', 'B', 'C'],
    ]);
  });

  it('nearest first, then by id; summed holdings and percentages as control reads them', () => {
    const out = controlledFirms('P', [h('P', 'Z', 0.3), h('P', 'Z', 0.3), h('P', 'B', 60), h('B', 'A', 1), h('P', 'C', 1)]);
    expect(out.map((c) => [c.firmId, c.shares])).toEqual([
      ['B', [0.6]],
      ['C', [1]],
      ['Z', [0.6]],
      ['A', [0.6, 1]],
    ]);
  });

  it('shareIn gives the summed share of one holding as a fraction', () => {
    expect(shareIn('P', 'S', [h('P', 'S', 30), h('P', 'S', 0.2)])).toBeCloseTo(0.5, 10);
    expect(shareIn('S', 'P', [h('P', 'S', 0.6)])).toBe(0);
  });
});
