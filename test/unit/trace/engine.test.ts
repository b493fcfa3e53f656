import { effectiveListing, traceFromSubgraph, walkUpstream, TraceFirm, TraceFlow, TraceInput, StoredMatch } from '../../../src/trace/engine';
import { simplePaths, addEdge, Adjacency } from '../../../src/trace/paths';
import { pathTo } from '../../../src/trace/investigate';

const flow = (id: string, fromId: string, toId: string, inputs: [string, boolean][] = [], materialId = 'M-yarn'): TraceFlow =>
  ({ id, fromId, toId, materialId, inputs: inputs.map(([i, lot]) => ({ id: i, lot })) });

const match = (over: Partial<StoredMatch> = {}): StoredMatch => ({
  matchId: 'm', entryKey: 'k', entityName: 'Listed Co., Ltd.', matchedName: 'Listed Co', score: 0.97, decision: 'MATCH',
  status: 'PENDING', effectiveDate: '2023-01-01', coversSubsidiaries: false, ...over,
});
const firm = (id: string, over: Partial<TraceFirm> = {}): TraceFirm => ({ id, name: id, holdings: [], matches: [], ...over });

describe('walkUpstream', () => {
  it('gives each flow its shallowest tier and path, terminating on cycles', () => {
    const flows = new Map([
      ['A', flow('A', 'f1', 'imp', [['B', true], ['C', true]])],
      ['B', flow('B', 'f2', 'f1', [['D', true]])],
      ['C', flow('C', 'f3', 'f1', [['D', true]])],
      ['D', flow('D', 'f4', 'f2', [['B', true]])], // D made from B again: a cycle
    ]);
    const { tierOf, pathOf, truncated } = walkUpstream('A', flows, 10);
    expect([...tierOf]).toEqual([['A', 1], ['B', 2], ['C', 2], ['D', 3]]);
    expect(pathOf.get('D')).toEqual(['A', 'B', 'D']);
    expect(truncated).toBe(false);
  });
  it('stops at maxTiers and reports truncation', () => {
    const flows = new Map([['A', flow('A', 'f1', 'imp', [['B', true]])], ['B', flow('B', 'f2', 'f1', [['C', true]])], ['C', flow('C', 'f3', 'f2')]]);
    const r = walkUpstream('A', flows, 2);
    expect([...r.tierOf.keys()]).toEqual(['A', 'B']);
    expect(r.truncated).toBe(true);
  });
});

describe('effectiveListing', () => {
  it('counts an automatic MATCH only from its effective date', () => {
    const f = firm('F', { matches: [match({ effectiveDate: '2026-08-03' })] });
    expect(effectiveListing(f, '2024-06-10')).toBeUndefined();
    expect(effectiveListing(f, '2026-08-03')?.entityName).toBe('Listed Co., Ltd.');
  });
  it('never counts a rejected match and counts a confirmed POSSIBLE', () => {
    expect(effectiveListing(firm('F', { matches: [match({ status: 'REJECTED' })] }), '2025-01-01')).toBeUndefined();
    expect(effectiveListing(firm('F', { matches: [match({ decision: 'POSSIBLE' })] }), '2025-01-01')).toBeUndefined();
    expect(effectiveListing(firm('F', { matches: [match({ decision: 'POSSIBLE', status: 'CONFIRMED' })] }), '2025-01-01')).toBeDefined();
  });
});

describe('traceFromSubgraph', () => {
  const base = (): TraceInput => ({
    shipment: { id: 'S', flowId: 'A', importerId: 'IMP', entryDate: '2024-06-10' },
    flows: [flow('A', 'fac1', 'facImp', [['B', false]], 'M-shirt'), flow('B', 'fac2', 'fac1', [], 'M-lint')],
    facilities: [
      { id: 'fac1', name: 'Sewing plant', firmId: 'F1', country: 'BD', city: 'Dhaka' },
      { id: 'fac2', name: 'Gin', firmId: 'F2', country: 'CN', city: 'Korla', province: 'Xinjiang' },
      { id: 'facImp', name: 'DC', firmId: 'IMP', country: 'US' },
    ],
    materials: [{ id: 'M-shirt', name: 'T-shirts', hsCode: '6109.10' }, { id: 'M-lint', name: 'Cotton lint', hsCode: '5201.00', raw: true }],
    firms: [firm('IMP', { name: 'Importer' }), firm('F1', { name: 'Sewing Co' }), firm('F2', { name: 'Korla Gin Co' })],
  });
  it('flags a XUAR facility with its tier, path and evidence and reports fallback hops', () => {
    const t = traceFromSubgraph(base(), { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' });
    expect(t.verdict).toBe('FLAGGED');
    expect(t.tiers).toBe(2);
    const x = t.flags.find((f) => f.kind === 'XUAR_LOCATION')!;
    expect(x).toMatchObject({ facilityId: 'fac2', firmId: 'F2', flowId: 'B', tier: 2, path: ['A', 'B'] });
    expect(x.evidence.join(' ')).toMatch(/Korla/);
    expect(t.hops.find((h) => h.flowId === 'A')!.lotAllocated).toBe(false);
    expect(t.flags.filter((f) => f.kind === 'HIGH_PRIORITY_SECTOR').map((f) => f.flowId)).toEqual(['A', 'B']);
  });
  it('flags a firm controlled by a listed parent covering subsidiaries', () => {
    const input = base();
    input.facilities[1] = { ...input.facilities[1], city: 'Hangzhou', province: 'Zhejiang' };
    input.firms.push(firm('P', { name: 'Parent', matches: [match({ coversSubsidiaries: true })] }));
    input.firms[2].holdings = [{ owner: 'P', owned: 'F2', share: 0.75 }];
    const t = traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' });
    expect(t.flags.filter((f) => f.kind !== 'HIGH_PRIORITY_SECTOR').map((f) => [f.kind, f.firmId])).toEqual([['LISTED_AFFILIATE', 'F2']]);
    expect(t.verdict).toBe('FLAGGED');
  });
  it('marks a non-raw flow with no inputs UNTRACED_INPUT and the verdict INCOMPLETE', () => {
    const input = base();
    input.facilities[1] = { ...input.facilities[1], city: 'Hangzhou', province: 'Zhejiang' };
    input.materials[1].raw = false;
    const t = traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' });
    expect(t.verdict).toBe('INCOMPLETE');
    expect(t.flags.find((f) => f.kind === 'UNTRACED_INPUT')).toMatchObject({ flowId: 'B', tier: 2 });
  });
});

describe('paths', () => {
  it('lists simple paths shortest first and skips revisits', () => {
    const adj: Adjacency = new Map();
    addEdge(adj, 'a', 'b', ['ab']); addEdge(adj, 'b', 'c', ['bc']); addEdge(adj, 'a', 'c', ['ac']); addEdge(adj, 'c', 'a', ['ca']);
    expect(simplePaths(adj, ['a'], new Set(['c']), 5, 10)).toEqual([
      { nodes: ['a', 'c'], flows: ['ac'] }, { nodes: ['a', 'b', 'c'], flows: ['ab', 'bc'] },
    ]);
    expect(simplePaths(adj, ['a'], new Set(['c']), 5, 1)).toHaveLength(1);
  });
  it('pathTo rebuilds the shortest flow path from hops', () => {
    const hops = [{ flowId: 'A', tier: 1, inputs: ['B'] }, { flowId: 'B', tier: 2, inputs: ['C'] }, { flowId: 'C', tier: 3, inputs: [] }];
    expect(pathTo(hops, 'C')).toEqual(['A', 'B', 'C']);
    expect(pathTo(hops, 'Z')).toEqual([]);
  });
});
