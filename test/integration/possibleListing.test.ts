// A supplier whose name matches a listed entry only as POSSIBLE (the listed name without its
// place, the parent's name, a sibling with another place) must never trace CLEAR before a
// reviewer has decided: POSSIBLE_LISTING keeps the verdict INCOMPLETE; a confirmation makes
// the shipment FLAGGED, a rejection clears the flag. Against the real Neo4j, through import,
// stored screening matches, review and the trace.
import { startHarness, Harness } from './harness';
import { solarSupplierChain as supplierChain } from '../fixtures/scenarios';
import type { Bundle } from '../../src/model/bundle';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

interface Flag {
  kind: string;
  firmId: string;
  tier: number;
  reason: string;
  evidence: string[];
}
async function trace(id: string): Promise<{ verdict: string; flags: Flag[] }> {
  const res = await h.gql(`query($id: ID!) { traceShipment(id: $id) { verdict flags { kind firmId tier reason evidence } } }`, { id });
  expect(res.errors).toBeUndefined();
  return res.data.traceShipment;
}
async function load(b: Bundle) {
  const res = await h.gql('mutation($b: JSON!) { importBundle(bundle: $b) { flows } }', { b });
  expect(res.errors).toBeUndefined();
}
async function matchesOf(firmId: string): Promise<{ id: string; entityName: string; decision: string; status: string }[]> {
  const res = await h.gql('query($f: ID!) { screeningMatches(firmId: $f, first: 20) { items { id entityName decision status } } }', {
    f: firmId,
  });
  expect(res.errors).toBeUndefined();
  return res.data.screeningMatches.items;
}

// One case per class of POSSIBLE the place and parent rules produce (issue 13, points 4 and 5).
const CLASSES = [
  { prefix: 'PL-PLACE', cls: 'listed name without its place', name: 'Daqo New Energy Co.', entry: /Daqo New Energy/ },
  { prefix: 'PL-PARENT', cls: "the listed firm's parent (group) form", name: '合盛硅业股份有限公司', entry: /Hoshine Silicon Industry/ },
  {
    prefix: 'PL-SIBLING',
    cls: 'a sibling named with another place',
    name: 'Hoshine Silicon Industry (Luzhou) Co., Ltd.',
    entry: /Hoshine Silicon Industry \(Shanshan\)/,
  },
];

describe('unreviewed POSSIBLE matches keep a trace from CLEAR (real Neo4j)', () => {
  it.each(CLASSES)('$cls ("$name"): INCOMPLETE with POSSIBLE_LISTING, never CLEAR', async ({ prefix, name, entry }) => {
    await load(supplierChain(prefix, name));
    const matches = await matchesOf(`${prefix}-F2`);
    expect(matches.find((m) => entry.test(m.entityName))).toMatchObject({ decision: 'POSSIBLE', status: 'PENDING' });
    expect(matches.some((m) => m.decision === 'MATCH')).toBe(false);

    const t = await trace(`${prefix}-S1`);
    expect(t.verdict).toBe('INCOMPLETE');
    expect(t.flags.some((f) => f.kind === 'UFLPA_LISTED' || f.kind === 'XUAR_LOCATION')).toBe(false);
    const flag = t.flags.find((f) => f.kind === 'POSSIBLE_LISTING');
    expect(flag).toMatchObject({ firmId: `${prefix}-F2`, tier: 2 });
    expect(flag!.reason).toMatch(entry);
    expect(flag!.reason).toContain('No reviewer has decided the match');
  });

  it('a reviewer confirming the POSSIBLE match makes the shipment FLAGGED (UFLPA_LISTED)', async () => {
    const [m] = (await matchesOf('PL-PLACE-F2')).filter((x) => /Daqo/.test(x.entityName));
    const res = await h.gql('mutation($id: ID!) { confirmMatch(id: $id, note: "same registration number") { status } }', { id: m.id });
    expect(res.errors).toBeUndefined();
    const t = await trace('PL-PLACE-S1');
    expect(t.verdict).toBe('FLAGGED');
    expect(t.flags.map((f) => f.kind)).toContain('UFLPA_LISTED');
    expect(t.flags.map((f) => f.kind)).not.toContain('POSSIBLE_LISTING');
  });

  it('a reviewer rejecting every POSSIBLE match clears the flag and the shipment traces CLEAR', async () => {
    for (const m of await matchesOf('PL-SIBLING-F2')) {
      const res = await h.gql('mutation($id: ID!) { rejectMatch(id: $id, note: "different registration, Sichuan") { status } }', {
        id: m.id,
      });
      expect(res.errors).toBeUndefined();
    }
    const t = await trace('PL-SIBLING-S1');
    expect(t.flags.map((f) => f.kind)).not.toContain('POSSIBLE_LISTING');
    expect(t.verdict).toBe('CLEAR');
  });

  it('the packet says why the verdict is INCOMPLETE and what a reviewer needs', async () => {
    const res = await h.gql('query($id: ID!) { rebuttalPacket(shipmentId: $id) { verdict markdown } }', { id: 'PL-PARENT-S1' });
    expect(res.errors).toBeUndefined();
    expect(res.data.rebuttalPacket.verdict).toBe('INCOMPLETE');
    const md: string = res.data.rebuttalPacket.markdown;
    expect(md).toContain('POSSIBLE_LISTING');
    expect(md).toMatch(/possible match.*not yet reviewed|not yet reviewed/i);
  });

  it('a trading firm running a plant named for a listed entity is not CLEAR: the facility name is screened (at most POSSIBLE)', async () => {
    const b = supplierChain('PL-FAC', 'Shanghai Sunrise Trading Co., Ltd.');
    b.facilities = b.facilities.map((f) =>
      f.id === 'PL-FAC-FAC2' ? { ...f, name: 'Hoshine Silicon Industry (Shanshan) Co., Ltd. Plant 3' } : f,
    );
    await load(b);
    const [m] = await matchesOf('PL-FAC-F2');
    expect(m).toMatchObject({ decision: 'POSSIBLE', status: 'PENDING' });
    expect(m.entityName).toMatch(/Hoshine Silicon Industry \(Shanshan\)/);
    const t = await trace('PL-FAC-S1');
    expect(t.verdict).toBe('INCOMPLETE');
    expect(t.flags.find((f) => f.kind === 'POSSIBLE_LISTING')).toMatchObject({ firmId: 'PL-FAC-F2', tier: 2 });
  });

  it("a later bundle that only renames a stored firm's facility re-screens that firm", async () => {
    await load(supplierChain('PL-REN', 'Ningbo Harbour Logistics Co., Ltd.'));
    expect(await matchesOf('PL-REN-F2')).toEqual([]);
    const full = supplierChain('PL-REN', 'Ningbo Harbour Logistics Co., Ltd.');
    const fac = full.facilities.find((f) => f.id === 'PL-REN-FAC2')!;
    await load({
      bundleVersion: 1,
      firms: [],
      facilities: [{ ...fac, name: 'Xinjiang Daqo New Energy Co., Ltd. depot' }],
      materials: [],
      flows: [],
      documents: [],
      shipments: [],
      ownership: [],
    } as unknown as Bundle);
    expect((await matchesOf('PL-REN-F2')).map((m) => m.entityName)).toEqual([expect.stringMatching(/Daqo New Energy/)]);
    expect((await trace('PL-REN-S1')).verdict).toBe('INCOMPLETE');
  });

  it('a supplier with no match at all stays CLEAR (the flag is not raised on every firm)', async () => {
    await load(supplierChain('PL-NONE', 'Zhejiang Bright Glassworks Co., Ltd.'));
    expect(await matchesOf('PL-NONE-F2')).toEqual([]);
    const t = await trace('PL-NONE-S1');
    expect(t.verdict).toBe('CLEAR');
  });
});
