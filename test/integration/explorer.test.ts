// What the explorer reads beyond the contract (issue 16), against the real Neo4j with the demo
// seed: a firm's network flagged by the same rules as a trace, its FLOW edges with material and
// date, a holding firm without facilities kept with its holdings, and the dashboard's fields on
// shipmentRisks (entry date, detention, the suppliers behind presumptive flags). The oracle is
// always the trace itself or the stored records, never a written-down answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, Harness } from './harness';
import { loadDemoSeed } from '../../src/app';
import type { Bundle } from '../../src/model/bundle';

let h: Harness;
const seed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'seed', 'demo-bundle.json'), 'utf8')) as Bundle;
let presumptive: Set<string>;

async function q(query: string, variables: Record<string, unknown> = {}) {
  const res = await h.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

interface Flag {
  kind: string;
  firmId: string | null;
  facilityId: string | null;
  flowId: string | null;
}
const key = (f: Flag) => `${f.kind}|${f.firmId}|${f.facilityId}`;

beforeAll(async () => {
  h = await startHarness();
  await loadDemoSeed(h.services, h.tenant);
  presumptive = new Set(
    (await q('{ flagKinds { kind presumptive } }')).flagKinds
      .filter((k: { presumptive: boolean }) => k.presumptive)
      .map((k: { kind: string }) => k.kind),
  );
});
afterAll(async () => {
  await h.close();
});

describe('a firm network is flagged by the trace rules (real Neo4j)', () => {
  test.each(seed.shipments!.map((s) => [s.id, s.importer]))(
    'shipment %s: every flag its trace raises on a party of the importer network is raised there too',
    async (shipmentId, importer) => {
      const t = (
        await q('query($id: ID!) { traceShipment(id: $id) { tiers flags { kind firmId facilityId flowId } } }', { id: shipmentId })
      ).traceShipment;
      // the importer's upstream to the trace's depth holds every hop of the trace
      const nb = (
        await q(
          'query($f: ID!, $d: Int) { neighbourhood(firmId: $f, depth: $d, direction: UPSTREAM) { edges { id kind } flags { kind firmId facilityId flowId } } }',
          {
            f: importer,
            d: Math.min(6, t.tiers),
          },
        )
      ).neighbourhood;
      if (t.tiers > 6) return;
      const network = new Set(nb.flags.map(key));
      for (const f of t.flags as Flag[]) expect(network).toContain(key(f));
      // and no presumptive flag the trace would not raise on the same party
      const traced = new Set((t.flags as Flag[]).map(key));
      const onTraceFlows = new Set((t.flags as Flag[]).map((f) => f.flowId));
      for (const f of (nb.flags as Flag[]).filter((x) => presumptive.has(x.kind) && onTraceFlows.has(x.flowId)))
        expect(traced).toContain(key(f));
    },
  );

  test('a firm drawn without its flows is judged on a flow it ships: a firm controlled by a listed owner is flagged', async () => {
    // the owned firms around every owner of the seed, whatever their names
    for (const o of seed.ownership ?? []) {
      const nb = (
        await q('query($f: ID!) { neighbourhood(firmId: $f, depth: 1) { nodes { id kind } flags { kind firmId } } }', { f: o.owner })
      ).neighbourhood;
      // the oracle: a trace through the owned firm (any shipment whose flags name it)
      const risks = (await q('{ shipmentRisks(first: 500) { items { shipmentId } } }')).shipmentRisks.items;
      for (const r of risks) {
        const t = (await q('query($id: ID!) { traceShipment(id: $id) { flags { kind firmId facilityId } } }', { id: r.shipmentId }))
          .traceShipment;
        for (const f of t.flags.filter((x: Flag) => x.firmId === o.owned && !x.facilityId && presumptive.has(x.kind)))
          expect(nb.flags.map((x: Flag) => `${x.kind}|${x.firmId}`)).toContain(`${f.kind}|${f.firmId}`);
      }
    }
  });

  test('FLOW edges carry the flow’s material and date', async () => {
    const flows = new Map(seed.flows.map((f) => [f.id, f]));
    for (const firm of ['F-hoshine', 'F-harborline']) {
      const nb = (
        await q('query($f: ID!) { neighbourhood(firmId: $f, depth: 3) { edges { id kind from to materialId date } } }', { f: firm })
      ).neighbourhood;
      const flowEdges = nb.edges.filter((e: { kind: string }) => e.kind === 'FLOW');
      expect(flowEdges.length).toBeGreaterThan(0);
      for (const e of flowEdges) {
        const f = flows.get(e.id)!;
        expect({ from: e.from, to: e.to, materialId: e.materialId, date: e.date }).toEqual({
          from: f.from,
          to: f.to,
          materialId: f.material,
          date: f.date ?? null,
        });
      }
    }
  });

  test('a holding firm without facilities is the start of its network, with its holdings', async () => {
    const withFacilities = new Set(seed.facilities.map((f) => f.firm));
    const holders = [...new Set((seed.ownership ?? []).map((o) => o.owner))].filter((o) => !withFacilities.has(o));
    expect(holders.length).toBeGreaterThan(0);
    for (const holder of holders) {
      const nb = (
        await q('query($f: ID!) { neighbourhood(firmId: $f, depth: 2) { nodes { id kind depth } edges { kind from to share } } }', {
          f: holder,
        })
      ).neighbourhood;
      expect(nb.nodes).toContainEqual({ id: holder, kind: 'FIRM', depth: 0 });
      const held = (seed.ownership ?? []).filter((o) => o.owner === holder);
      for (const o of held) expect(nb.edges).toContainEqual({ kind: 'OWNS', from: holder, to: o.owned, share: o.share });
    }
  });
});

describe('shipmentRisks carries what the dashboard shows (real Neo4j)', () => {
  test('entry date and detention from the shipment; the suppliers behind its presumptive flags from its trace', async () => {
    const items = (await q('{ shipmentRisks(first: 500) { items { shipmentId entryDate detainedOn flaggedFirmIds } } }')).shipmentRisks
      .items;
    expect(items.length).toBe(seed.shipments!.length);
    for (const r of items) {
      const d = await q(
        'query($id: ID!) { shipment(id: $id) { entryDate detention { detainedOn } } traceShipment(id: $id) { flags { kind firmId } } }',
        { id: r.shipmentId },
      );
      expect(r.entryDate).toBe(d.shipment.entryDate);
      expect(r.detainedOn).toBe(d.shipment.detention?.detainedOn ?? null);
      const firms = [...new Set(d.traceShipment.flags.filter((f: Flag) => presumptive.has(f.kind)).map((f: Flag) => f.firmId))].sort();
      expect(r.flaggedFirmIds).toEqual(firms);
    }
  });
});
