// Stored shipment summaries (issue 20, point 1) against the real Neo4j: every writer that moves a
// verdict (imports, list updates, match and duplicate decisions) keeps them equal to live traces
// in its own transaction; the risk view reads them (filters and orders in Cypher) and judges live
// whenever they are not current, so a stored CLEAR never stands for a state it was not judged on.
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startHarness, Harness, uniqueTenant } from './harness';
import { importBundle } from '../../src/import';
import { exposure, shipmentRisks, summarizeShipments, traceShipment } from '../../src/trace';
import { ensureSummaries } from '../../src/trace/summaries';
import { MIGRATIONS } from '../../src/graph/migrations';
import { ensureAllSummaries } from '../../src/trace/summaries';
import { decideMatch } from '../../src/screening/decisions';
import { decideDuplicate, decideFacilityDuplicate } from '../../src/screening/duplicates';
import { applyVersion } from '../../src/screening/updateList';
import { currentEntityList } from '../../src/screening/listStore';
import { diffEntityLists } from '../../src/screening/update';
import { entityKey, EntityListVersion } from '../../src/model/entityList';
import type { TraceShipment } from '../../src/trace/records';
import { runRows, type Graph } from '../../src/graph/graph';
import { tenantVersionInTx } from '../../src/graph/tenantVersion';
import { summarizeInTx, type ShipmentToSummarize } from '../../src/trace/summaries/compute';
import { SHIPMENTS_TO_SUMMARIZE } from '../../src/trace/summaries/cypher';
import { CommittedPartyReader } from '../../src/trace/committedParties';
import { verdictRulesFingerprint } from '../../src/trace/summaries/rulesFingerprint';

jest.setTimeout(240_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const listVersion = async () => (await h.services.screening.current()).list.version;

/**
 * Every shipment of the tenant as the live view judges it (default as-of), by id: through the
 * service's graph, whose trace cache writers carry over their commits, and through a copy of it
 * with a cache of its own, empty, which must agree.
 */
async function liveVerdicts(tenant: string) {
  const rows = await h.services.graph.read<{ s: TraceShipment }>(
    'MATCH (s:Shipment {tenant: $tenant}) RETURN s {.id, .flowId, .importerId, .entryDate, .entryNumber} AS s ORDER BY s.id',
    { tenant },
  );
  const judge = async (graph: Graph) =>
    (
      await summarizeShipments(
        graph,
        tenant,
        rows.map((r) => r.s),
        {},
        await listVersion(),
      )
    ).map((s) => ({
      shipmentId: s.shipmentId,
      verdict: s.verdict,
      tiers: s.tiers,
      flagCounts: s.flagCounts,
      flaggedFirmIds: s.flaggedFirmIds,
    }));
  const cold = await judge({ ...h.services.graph });
  expect(await judge(h.services.graph)).toEqual(cold);
  return cold;
}

/** The stored summaries, read as they are (no refresh), and whether the tenant marks them current. */
async function storedVerdicts(tenant: string) {
  const rows = (
    await h.services.graph.read<{
      r: { shipmentId: string; verdict: string; tiers: number; flagKinds?: string[]; flagCounts?: number[]; flaggedFirmIds?: string[] };
    }>('MATCH (r:ShipmentSummary {tenant: $tenant}) RETURN r {.*} AS r ORDER BY r.shipmentId', { tenant })
  ).map((x) => x.r);
  const [state] = await h.services.graph.read<{ current: boolean }>(
    `OPTIONAL MATCH (v:TenantState {tenant: $tenant})
     OPTIONAL MATCH (l:EntityListVersion {current: true})
     RETURN v.summariesAt = v.version AND v.summariesList = l.version AND v.summariesRules = $rules AS current`,
    { tenant, rules: verdictRulesFingerprint() },
  );
  return {
    current: state?.current === true,
    summaries: rows.map((r) => ({
      shipmentId: r.shipmentId,
      verdict: r.verdict,
      tiers: r.tiers,
      flagCounts: (r.flagKinds ?? []).map((kind, i) => ({ kind, count: r.flagCounts![i] })),
      flaggedFirmIds: r.flaggedFirmIds ?? [],
    })),
  };
}

/** A shipment's stored verdict, once the tenant's summaries are checked current and equal to live traces. */
async function storedVerdictOf(tenant: string, shipmentId: string) {
  const stored = await storedVerdicts(tenant);
  expect(stored.current).toBe(true);
  expect(stored.summaries).toEqual(await liveVerdicts(tenant));
  return stored.summaries.find((s) => s.shipmentId === shipmentId)?.verdict;
}

const firm = (id: string, name: string, more: Record<string, unknown> = {}) => ({ id, name, country: 'CN', province: 'Jiangsu', ...more });

/** Importer <- S1 <- S2 <- S3: S3 Hoshine (listed), one shipment per tier-1 flow, one with no entry date. */
function chain(prefix: string) {
  const p = (s: string) => `${prefix}-${s}`;
  return {
    bundleVersion: 1,
    firms: [
      { id: p('US'), name: 'Example Importer Inc', country: 'US' },
      firm(p('S1'), 'Acme Modules Assembly Co'),
      firm(p('S2'), 'Jiangsu Cell Works Co'),
      firm(p('S3'), 'Hoshine Silicon Ind. (Shanshan)'),
      firm(p('S4'), 'Clean Wafer Company'),
    ],
    facilities: [
      { id: p('FAC-US'), name: 'DC', firm: p('US'), country: 'US' },
      ...['S1', 'S2', 'S3', 'S4'].map((s) => ({ id: p(`FAC-${s}`), name: `Plant ${s}`, firm: p(s), country: 'CN', province: 'Jiangsu' })),
    ],
    materials: [
      { id: p('M-si'), name: 'Polysilicon', hsCode: '2804.61', raw: true },
      { id: p('M-mod'), name: 'Modules', hsCode: '8541.43' },
    ],
    flows: [
      { id: p('FL-3'), from: p('FAC-S3'), to: p('FAC-S2'), material: p('M-si'), quantity: 1, unit: 'kg', date: '2026-01-01' },
      { id: p('FL-4'), from: p('FAC-S4'), to: p('FAC-S2'), material: p('M-si'), quantity: 1, unit: 'kg', date: '2026-01-01' },
      {
        id: p('FL-2'),
        from: p('FAC-S2'),
        to: p('FAC-S1'),
        material: p('M-mod'),
        quantity: 1,
        unit: 'kg',
        date: '2026-02-01',
        inputs: [p('FL-3')],
      },
      {
        id: p('FL-2b'),
        from: p('FAC-S2'),
        to: p('FAC-S1'),
        material: p('M-mod'),
        quantity: 1,
        unit: 'kg',
        date: '2026-02-01',
        inputs: [p('FL-4')],
      },
      {
        id: p('FL-1'),
        from: p('FAC-S1'),
        to: p('FAC-US'),
        material: p('M-mod'),
        quantity: 1,
        unit: 'kg',
        date: '2026-03-01',
        inputs: [p('FL-2')],
      },
      {
        id: p('FL-1b'),
        from: p('FAC-S1'),
        to: p('FAC-US'),
        material: p('M-mod'),
        quantity: 1,
        unit: 'kg',
        date: '2026-03-01',
        inputs: [p('FL-2b')],
      },
    ],
    shipments: [
      { id: p('SH-A'), importer: p('US'), flow: p('FL-1'), entryDate: '2026-06-01' },
      { id: p('SH-B'), importer: p('US'), flow: p('FL-1b'), entryDate: '2026-06-02' },
      { id: p('SH-C'), importer: p('US'), flow: p('FL-1b') },
    ],
  };
}

describe('stored shipment summaries', () => {
  it('an import keeps them equal to live traces, and the view reads them with filters and orders', async () => {
    const tenant = uniqueTenant('sum');
    await importBundle(h.services, tenant, chain('C'));
    expect(await storedVerdictOf(tenant, 'C-SH-A')).toBe('FLAGGED');
    // nothing left to judge: the import's own transaction judged its shipments
    expect(await ensureSummaries(h.services.graph, tenant)).toBe(0);

    const version = await listVersion();
    const stored1 = await shipmentRisks(h.services.graph, tenant, version, { orderBy: 'VERDICT' });
    const live1 = await shipmentRisks(h.services.graph, tenant, version, { orderBy: 'VERDICT', asOf: '2026-06-01' });
    expect(stored1.items.map((i) => i.shipmentId)[0]).toBe('C-SH-A');
    expect(stored1.total).toBe(3);
    expect(live1.total).toBe(3);
    const flagged = await shipmentRisks(h.services.graph, tenant, version, { verdict: 'FLAGGED' });
    expect(flagged.items.map((i) => i.shipmentId)).toEqual(['C-SH-A']);
    const listed = await shipmentRisks(h.services.graph, tenant, version, { flagKind: 'UFLPA_LISTED' });
    expect(listed.items.map((i) => i.shipmentId)).toEqual(['C-SH-A']);
    const entered = await shipmentRisks(h.services.graph, tenant, version, { enteredFrom: '2026-06-02', orderBy: 'ENTRY_DATE' });
    expect(entered.items.map((i) => i.shipmentId)).toEqual(['C-SH-B']);
    const byImporter = await shipmentRisks(h.services.graph, tenant, version, { importerId: 'C-US', orderBy: 'ENTRY_DATE', first: 2 });
    expect(byImporter.items.map((i) => i.shipmentId)).toEqual(['C-SH-A', 'C-SH-B']);
    expect(byImporter.hasNextPage).toBe(true);
    // the same filters judged live agree row for row
    for (const args of [{ verdict: 'FLAGGED' as const }, { flagKind: 'UFLPA_LISTED' as const }, { orderBy: 'ENTRY_DATE' as const }]) {
      const fromStore = await shipmentRisks(h.services.graph, tenant, version, args);
      const judged = await shipmentRisks(h.services.graph, tenant, version, { ...args, asOf: new Date().toISOString().slice(0, 10) });
      expect(fromStore.items.map((i) => i.shipmentId)).toEqual(judged.items.map((i) => i.shipmentId));
    }
  });

  it('re-pointing a flow out of an upstream clears the shipments it left (the walk before the write)', async () => {
    const tenant = uniqueTenant('sum');
    await importBundle(h.services, tenant, chain('R'));
    expect((await storedVerdicts(tenant)).summaries.find((s) => s.shipmentId === 'R-SH-A')?.verdict).toBe('FLAGGED');
    // FL-2 now takes the clean wafer flow: SH-A's upstream loses the listed supplier
    await importBundle(h.services, tenant, {
      bundleVersion: 1,
      flows: [
        {
          id: 'R-FL-2',
          from: 'R-FAC-S2',
          to: 'R-FAC-S1',
          material: 'R-M-mod',
          quantity: 1,
          unit: 'kg',
          date: '2026-02-01',
          inputs: ['R-FL-4'],
        },
      ],
    });
    expect(await storedVerdictOf(tenant, 'R-SH-A')).not.toBe('FLAGGED');
  });

  it('a flow moved to another destination clears the shipments whose fallback inputs it left (its lost feeders)', async () => {
    const tenant = uniqueTenant('sum');
    // FL-2 names no input lots: it is traced through every flow into S2's plant, Hoshine's FL-3 among them
    const start = chain('L');
    start.flows = start.flows.map((f) => (f.id === 'L-FL-2' ? { ...f, inputs: undefined } : f));
    await importBundle(h.services, tenant, start);
    expect((await storedVerdicts(tenant)).summaries.find((s) => s.shipmentId === 'L-SH-A')?.verdict).toBe('FLAGGED');
    // Hoshine now delivers to another plant: FL-2 loses FL-3, and nothing downstream of FL-3 reaches SH-A any more,
    // so only the flows that fed FL-3 before the write lead to SH-A
    const moved = start.flows.find((f) => f.id === 'L-FL-3')!;
    await importBundle(h.services, tenant, { bundleVersion: 1, flows: [{ ...moved, to: 'L-FAC-S4' }] });
    expect(await storedVerdictOf(tenant, 'L-SH-A')).not.toBe('FLAGGED');
  });

  // An import's refresh reads the parties it did not write from the committed store (or the trace
  // cache): these are the parties whose records it changes without naming them.
  it('a firm renamed onto the list flags the shipments of the firm confirmed to be the same entity', async () => {
    const tenant = uniqueTenant('sum');
    const start = chain('D');
    // S5 supplies nothing; a shared registration number proposes it as S4's duplicate
    start.firms = start.firms.map((f) => (f.id === 'D-S4' ? { ...f, registrationId: '91650000-SAME01' } : f));
    start.firms.push(firm('D-S5', 'Clean Wafer Trading', { registrationId: '91650000-SAME01' }));
    await importBundle(h.services, tenant, start);
    const [candidate] = await h.services.graph.read<{ id: string }>('MATCH (c:DuplicateCandidate {tenant: $tenant}) RETURN c.id AS id', {
      tenant,
    });
    await decideDuplicate(h.services.graph, tenant, { id: candidate.id, status: 'CONFIRMED', note: null, actor: 'test' });
    // warm the trace cache under this version with S4's record as it is
    expect((await liveVerdicts(tenant)).find((s) => s.shipmentId === 'D-SH-B')?.verdict).not.toBe('FLAGGED');
    await importBundle(h.services, tenant, { bundleVersion: 1, firms: [firm('D-S5', 'Hoshine Silicon Industry (Shanshan) Co')] });
    expect(await storedVerdictOf(tenant, 'D-SH-B')).toBe('FLAGGED');
  });

  it('a holding added above an owner flags the shipments of the firms below it', async () => {
    const tenant = uniqueTenant('sum');
    const start = chain('O');
    // S4 (supplies SH-B) is owned by S6, which nobody owns yet; S7 is listed and supplies nothing
    start.firms.push(firm('O-S6', 'Wafer Holdings Co'), firm('O-S7', 'Xinjiang Production and Construction Corps'));
    (start as Record<string, unknown>).ownership = [{ owner: 'O-S6', owned: 'O-S4', share: 0.9 }];
    await importBundle(h.services, tenant, start);
    expect((await liveVerdicts(tenant)).find((s) => s.shipmentId === 'O-SH-B')?.verdict).not.toBe('FLAGGED');
    await importBundle(h.services, tenant, { bundleVersion: 1, ownership: [{ owner: 'O-S7', owned: 'O-S6', share: 0.8 }] });
    expect(await storedVerdictOf(tenant, 'O-SH-B')).toBe('FLAGGED');
  });

  it('reads every party in the transaction once the committed store has moved past the writer (never the old cache)', async () => {
    const tenant = uniqueTenant('sum');
    await importBundle(h.services, tenant, chain('V'));
    const { graph } = h.services;
    const versionOf = (tx: Parameters<typeof tenantVersionInTx>[0]) => tenantVersionInTx(tx, tenant);
    // the trace cache holds S4 as it is under this version
    expect((await liveVerdicts(tenant)).find((s) => s.shipmentId === 'V-SH-B')?.verdict).not.toBe('FLAGGED');
    const before = await graph.readTransaction(versionOf);
    // another writer renames S4 onto the list and commits (with work of its own in the transaction,
    // so it leaves the cache as it was instead of carrying it over)
    await importBundle(
      h.services,
      tenant,
      { bundleVersion: 1, firms: [firm('V-S4', 'Hoshine Silicon Industry (Shanshan) Co')] },
      { afterWrite: async () => {} },
    );
    const list = await listVersion();
    const [summary] = await graph.writeTransaction(async (tx) => {
      const targets = await runRows<ShipmentToSummarize>(tx, SHIPMENTS_TO_SUMMARIZE, { tenant, ids: ['V-SH-B'] });
      // a writer that began before that commit and says it changed nothing
      return summarizeInTx(
        tx,
        tenant,
        targets,
        { listVersion: list, tenantVersion: await versionOf(tx) },
        new CommittedPartyReader(
          {
            graph,
            versionBefore: before,
            listVersion: list,
            unmoved: async (rtx) => (await versionOf(rtx)) === before,
            changed: { facilityIds: new Set(), materialIds: new Set(), firmIds: new Set() },
          },
          tenant,
        ),
      );
    });
    expect(summary.verdict).toBe('FLAGGED');
  });

  it('a flow feeding the deepest tier moves the shipments 15 hops below it (TIER_LIMIT)', async () => {
    const tenant = uniqueTenant('sum');
    const n = 15;
    const sites = Array.from({ length: n + 1 }, (_, i) => `P${i}`);
    await importBundle(h.services, tenant, {
      bundleVersion: 1,
      firms: [{ id: 'US', name: 'Example Importer Inc', country: 'US' }, ...sites.map((s) => firm(`F-${s}`, `Works ${s} Co`))],
      facilities: [
        { id: 'FAC-US', name: 'DC', firm: 'US', country: 'US' },
        ...sites.map((s) => ({ id: s, name: `Plant ${s}`, firm: `F-${s}`, country: 'CN', province: 'Jiangsu' })),
      ],
      materials: [
        { id: 'M-raw', name: 'Cotton', hsCode: '5201.00', raw: true },
        { id: 'M-part', name: 'Yarn', hsCode: '5205.11' },
      ],
      // FL-1 into the importer from P1, FL-k from Pk to Pk-1; FL-15 has no inputs (facility-level fallback)
      flows: Array.from({ length: n }, (_, i) => ({
        id: `FL-${i + 1}`,
        from: sites[i + 1],
        to: i === 0 ? 'FAC-US' : sites[i],
        material: 'M-part',
        quantity: 1,
        unit: 'kg',
        date: '2026-01-01',
        ...(i + 1 < n ? { inputs: [`FL-${i + 2}`] } : {}),
      })),
      shipments: [{ id: 'SH', importer: 'US', flow: 'FL-1', entryDate: '2026-06-01' }],
    });
    const before = (await storedVerdicts(tenant)).summaries;
    // a new flow into P15: FL-15 (tier 15) now has an input past the limit
    await importBundle(h.services, tenant, {
      bundleVersion: 1,
      flows: [{ id: 'FL-new', from: 'P0', to: sites[n], material: 'M-raw', quantity: 1, unit: 'kg', date: '2026-01-01' }],
    });
    const after = await storedVerdicts(tenant);
    expect(after.current).toBe(true);
    expect(after.summaries).toEqual(await liveVerdicts(tenant));
    expect(after.summaries).not.toEqual(before);
  });

  it('never serves a stored CLEAR after a write no hook saw: the view judges again', async () => {
    const tenant = uniqueTenant('sum');
    await importBundle(h.services, tenant, chain('X'));
    // a writer outside the hooks: the summary forged to CLEAR and the data version moved
    await h.services.graph.write(
      `MATCH (r:ShipmentSummary {tenant: $tenant, shipmentId: 'X-SH-A'}) SET r.verdict = 'CLEAR', r.verdictRank = 0, r.flagKinds = [], r.flagCounts = []
       WITH 1 AS one MATCH (v:TenantState {tenant: $tenant}) SET v.version = randomUUID()`,
      { tenant },
    );
    const page = await shipmentRisks(h.services.graph, tenant, await listVersion(), {});
    expect(page.items.find((i) => i.shipmentId === 'X-SH-A')?.verdict).toBe('FLAGGED');
    expect((await storedVerdicts(tenant)).summaries).toEqual(await liveVerdicts(tenant));
  });

  // "L owns B, B' is B, B' owns S": the ownership of one record is the entity's, at any level
  it("a firm held by a record confirmed to be the same entity as a listed firm's subsidiary is controlled by the listed firm", async () => {
    const tenant = uniqueTenant('sum');
    const start = chain('Q');
    start.firms.push(
      firm('Q-HOLD', 'Sunrise Holdings Ltd', { registrationId: '91650000-HOLD77' }),
      firm('Q-HOLD2', 'Sunrise Investment Holding Co', { registrationId: '91650000-HOLD77' }),
    );
    Object.assign(start, {
      ownership: [
        { owner: 'Q-S3', owned: 'Q-HOLD', share: 0.8 },
        { owner: 'Q-HOLD2', owned: 'Q-S4', share: 0.9 },
      ],
    });
    await importBundle(h.services, tenant, start);
    const affiliated = async () =>
      (await traceShipment(h.services.graph, tenant, { id: 'Q-SH-B' }, await listVersion())).flags.filter(
        (f) => f.kind === 'LISTED_AFFILIATE',
      );
    expect(await affiliated()).toEqual([]);
    const [candidate] = await h.services.graph.read<{ id: string }>('MATCH (c:DuplicateCandidate {tenant: $tenant}) RETURN c.id AS id', {
      tenant,
    });
    await decideDuplicate(h.services.graph, tenant, { id: candidate.id, status: 'CONFIRMED', note: null, actor: 'test' });
    // the decision's own refresh flags it, and the stored summary says so
    expect(await storedVerdictOf(tenant, 'Q-SH-B')).toBe('FLAGGED');
    const [flag] = await affiliated();
    expect(flag.firmId).toBe('Q-S4');
    expect(flag.reason).toContain('chain Q-S3 > Q-HOLD > Q-S4');
    expect(flag.evidence).toContain(
      'Sunrise Holdings Ltd is one legal entity with Sunrise Investment Holding Co (confirmed duplicate records)',
    );
    // and the listed firm's exposure names the shipment, through both records
    const exposed = await exposure(h.services.graph, tenant, await listVersion(), { firmId: 'Q-S3' });
    const viaS4 = exposed.items.find((i) => i.shipmentId === 'Q-SH-B');
    expect(viaS4?.via).toMatchObject({
      kind: 'CONTROLLED_SUBSIDIARY',
      firmId: 'Q-S4',
      chain: ['Q-S3', 'Q-HOLD', 'Q-S4'],
      shares: [0.8, 0.9],
    });
  });

  // one mill under two records: the buyer's with no address, the supplier's in Korla
  it('a facility confirmed to be the same site as a XUAR record is in the XUAR, and stops being when that record moves', async () => {
    const tenant = uniqueTenant('sum');
    const start = chain('W');
    start.facilities = start.facilities.map((f) =>
      f.id === 'W-FAC-S4' ? { id: f.id, name: 'Clean Wafer Plant', firm: 'W-S4', country: 'CN', osId: 'CN2020303AB12CD' } : f,
    );
    start.facilities.push({
      id: 'W-FAC-S4X',
      name: 'Clean Wafer Korla Plant',
      firm: 'W-S4',
      country: 'CN',
      city: 'Korla',
      osId: 'CN2020303AB12CD',
    } as never);
    await importBundle(h.services, tenant, start);
    expect(await storedVerdictOf(tenant, 'W-SH-B')).not.toBe('FLAGGED');
    const [candidate] = await h.services.graph.read<{ id: string }>('MATCH (c:FacilityDuplicate {tenant: $tenant}) RETURN c.id AS id', {
      tenant,
    });
    await decideFacilityDuplicate(h.services.graph, tenant, { id: candidate.id, status: 'CONFIRMED', note: null, actor: 'test' });
    // the decision's own refresh flags it
    expect(await storedVerdictOf(tenant, 'W-SH-B')).toBe('FLAGGED');
    const trace = await traceShipment(h.services.graph, tenant, { id: 'W-SH-B' }, await listVersion());
    const flag = trace.flags.find((f) => f.kind === 'XUAR_LOCATION')!;
    expect(flag.facilityId).toBe('W-FAC-S4');
    expect(flag.evidence[0]).toBe('confirmed to be the same site as facility W-FAC-S4X (duplicate records), which lies here:');
    // the other record corrected to Suzhou: an import of that record alone clears the shipment it does not carry
    await importBundle(h.services, tenant, {
      bundleVersion: 1,
      facilities: [
        {
          id: 'W-FAC-S4X',
          name: 'Clean Wafer Korla Plant',
          firm: 'W-S4',
          country: 'CN',
          city: 'Suzhou',
          province: 'Jiangsu',
          osId: 'CN2020303AB12CD',
        },
      ],
    });
    expect(await storedVerdictOf(tenant, 'W-SH-B')).not.toBe('FLAGGED');
  });

  it("summaries judged by another release's verdict rules are judged again by the next reader", async () => {
    const tenant = uniqueTenant('sum');
    await importBundle(h.services, tenant, chain('R'));
    expect((await storedVerdicts(tenant)).current).toBe(true);
    // as an earlier release that missed the flag would have left it: CLEAR, stored by other rules, the data unchanged
    await h.services.graph.write(
      `MATCH (r:ShipmentSummary {tenant: $tenant, shipmentId: 'R-SH-A'}) SET r.verdict = 'CLEAR', r.verdictRank = 0, r.flagKinds = [], r.flagCounts = []
       WITH 1 AS one MATCH (v:TenantState {tenant: $tenant}) SET v.summariesRules = 'an-earlier-release'`,
      { tenant },
    );
    expect((await storedVerdicts(tenant)).current).toBe(false);
    const page = await shipmentRisks(h.services.graph, tenant, await listVersion(), {});
    expect(page.items.find((i) => i.shipmentId === 'R-SH-A')?.verdict).toBe('FLAGGED');
    const stored = await storedVerdicts(tenant);
    expect(stored.current).toBe(true);
    expect(stored.summaries).toEqual(await liveVerdicts(tenant));
  });

  it('a rebuild cut into batches, its party reader replaced past its limit, stores what live traces judge', async () => {
    // judging every shipment of a 5M-flow tenant with one reader held each of its parties at once
    const tenant = uniqueTenant('sum');
    await importBundle(h.services, tenant, chain('L'));
    await h.services.graph.write(
      `MATCH (r:ShipmentSummary {tenant: $tenant, shipmentId: 'L-SH-A'}) SET r.verdict = 'CLEAR', r.verdictRank = 0, r.flagKinds = [], r.flagCounts = []
       WITH 1 AS one MATCH (v:TenantState {tenant: $tenant}) SET v.summariesRules = 'an-earlier-release'`,
      { tenant },
    );
    // one shipment a batch, and a reader holding more than one party replaced before the next batch
    expect(await ensureSummaries(h.services.graph, tenant, { batch: 1, readerMaxParties: 1 })).toBe(3);
    const stored = await storedVerdicts(tenant);
    expect(stored.current).toBe(true);
    expect(stored.summaries).toEqual(await liveVerdicts(tenant));
    expect(stored.summaries).toEqual(expect.arrayContaining([expect.objectContaining({ shipmentId: 'L-SH-A', verdict: 'FLAGGED' })]));
  });

  it('rows a transaction has read are freed before it ends (a rebuild holds one batch, not every row it read)', async () => {
    // the driver keeps each result a transaction ran until it ends; an awaited result kept its records
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const lists = await h.services.graph.writeTransaction(async (tx) => {
      const read = async () => {
        const rows = await runRows<{ xs: number[] }>(tx, 'UNWIND range(1, 50) AS i RETURN [i, i * 2] AS xs');
        expect(rows[49].xs).toEqual([50, 100]);
        return rows.map((r) => new WeakRef(r.xs));
      };
      const refs = await read();
      // still in the transaction: a statement after the read, then a full collection
      await runRows(tx, 'RETURN 1 AS one');
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setImmediate(r));
        gc();
      }
      return refs.filter((ref) => ref.deref() !== undefined).length;
    });
    expect(lists).toBe(0);
  });

  it('the migration step builds summaries for a store written before them', async () => {
    const tenant = uniqueTenant('sum');
    await importBundle(h.services, tenant, chain('M'));
    await h.services.graph.write(
      `MATCH (r:ShipmentSummary {tenant: $tenant}) OPTIONAL MATCH (r)-[:HAS_FLAG]->(k) DETACH DELETE r, k
       WITH 1 AS one MATCH (v:TenantState {tenant: $tenant}) REMOVE v.summariesAt, v.summariesList`,
      { tenant },
    );
    expect((await storedVerdicts(tenant)).summaries).toEqual([]);
    const step = MIGRATIONS.find((m) => m.name === 'shipment-summaries')!;
    await step.run(h.services.graph, { backfillSearchForms: async () => undefined, ensureShipmentSummaries: (g) => ensureAllSummaries(g) });
    const stored = await storedVerdicts(tenant);
    expect(stored.current).toBe(true);
    expect(stored.summaries).toEqual(await liveVerdicts(tenant));
    // idempotent: run again, nothing to judge
    expect(await ensureSummaries(h.services.graph, tenant)).toBe(0);
  });
});

// ---- the property: any sequence of writes keeps the stored summaries equal to live traces ----

const NAMES = [
  'Hoshine Silicon Ind. (Shanshan)',
  'Daqo New Energy Co., Ltd.',
  'Anhui Xinya New Materials Co., Ltd.',
  'Golden Thread Spinning Company',
  'Jiangsu Jintaiyang Textile Co., Ltd.',
  'Acme Widgets Ltd',
];
const PROVINCES = ['Jiangsu', 'Jiangsu', 'Xinjiang'];
const REGISTRATIONS = ['91320000-AAA1', '91320000-BBB2', undefined, undefined];
/** Suppliers by tier: tier 1 ships to the importer, tier k+1 to tier k. */
const TIERS = [
  ['S0', 'S1'],
  ['S2', 'S3'],
  ['S4', 'S5'],
];
const ENTRY_DATES = ['2019-01-01', '2026-06-01', undefined];

type Action =
  | { t: 'import'; r: number[] }
  | { t: 'list'; r: number }
  | { t: 'review'; r: number; confirm: boolean }
  | { t: 'dup'; r: number; confirm: boolean };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('import' as const), r: fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('list' as const), r: fc.nat(1000) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('review' as const), r: fc.nat(1000), confirm: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('dup' as const), r: fc.nat(1000), confirm: fc.boolean() }) },
);

interface World {
  flows: Map<string, { from: string; to: string; inputs: string[] }>;
  next: number;
}

const pick = <T>(xs: readonly T[], r: number): T => xs[r % xs.length];
const tierOf = (s: string) => TIERS.findIndex((t) => t.includes(s));
const facilityOf = (s: string) => `FAC-${s}`;

function firstBundle(r: number[]) {
  const suppliers = TIERS.flat();
  return {
    bundleVersion: 1,
    firms: [
      { id: 'US', name: 'Example Importer Inc', country: 'US' },
      ...suppliers.map((s, i) => ({
        id: s,
        name: pick(NAMES, r[i % r.length] + i),
        country: 'CN',
        province: pick(PROVINCES, r[(i + 1) % r.length]),
        ...(pick(REGISTRATIONS, r[(i + 2) % r.length] + i) ? { registrationId: pick(REGISTRATIONS, r[(i + 2) % r.length] + i) } : {}),
      })),
    ],
    facilities: [
      { id: 'FAC-US', name: 'DC', firm: 'US', country: 'US' },
      ...suppliers.map((s) => ({ id: facilityOf(s), name: `Plant ${s}`, firm: s, country: 'CN', province: 'Jiangsu' })),
    ],
    materials: [
      { id: 'M-raw', name: 'Cotton', hsCode: '5201.00', raw: true },
      { id: 'M-part', name: 'Yarn', hsCode: '5205.11' },
    ],
  };
}

/** A change to the supplier map: a firm renamed or moved, flows added or re-pointed, a shipment, a holding. */
function nextBundle(world: World, r: number[]) {
  const suppliers = TIERS.flat();
  const renamed = pick(suppliers, r[0]);
  const flows: Record<string, unknown>[] = [];
  for (let k = 0; k < 1 + (r[1] % 3); k++) {
    const from = pick(suppliers, r[2] + k * 7);
    const tier = tierOf(from);
    const to = tier === 0 ? 'FAC-US' : facilityOf(pick(TIERS[tier - 1], r[3] + k));
    // an existing flow re-pointed (same destination, new source), or a new one
    const existing = [...world.flows.entries()].filter(([, f]) => f.to === to);
    const reused = r[4] % 3 === 0 && existing.length ? pick(existing, r[5] + k)[0] : null;
    const id = reused && !flows.some((x) => x.id === reused) ? reused : `FL-${world.next++}`;
    const into = [...world.flows.entries()].filter(([fid, f]) => f.to === facilityOf(from) && fid !== id).map(([fid]) => fid);
    const inputs = into.length && r[6] % 2 === 0 ? [pick(into, r[7] + k)] : [];
    const raw = tier === TIERS.length - 1 && !inputs.length;
    world.flows.set(id, { from: facilityOf(from), to, inputs });
    flows.push({
      id,
      from: facilityOf(from),
      to,
      material: raw ? 'M-raw' : 'M-part',
      quantity: 1,
      unit: 'kg',
      date: '2026-01-01',
      ...(inputs.length ? { inputs } : {}),
    });
  }
  // flows whose inputs no longer deliver to their source are re-sent without them
  for (const [id, f] of world.flows) {
    const bad = f.inputs.filter((i) => world.flows.get(i)?.to !== f.from);
    if (!bad.length) continue;
    f.inputs = f.inputs.filter((i) => !bad.includes(i));
    if (flows.some((x) => x.id === id)) continue;
    flows.push({
      id,
      from: f.from,
      to: f.to,
      material: 'M-part',
      quantity: 1,
      unit: 'kg',
      date: '2026-01-01',
      ...(f.inputs.length ? { inputs: f.inputs } : {}),
    });
  }
  const toImporter = [...world.flows.entries()].filter(([, f]) => f.to === 'FAC-US').map(([id]) => id);
  const entryDate = pick(ENTRY_DATES, r[6] + r[7]);
  const shipments = toImporter.length
    ? [{ id: `SH-${world.next++}`, importer: 'US', flow: pick(toImporter, r[1]), ...(entryDate ? { entryDate } : {}) }]
    : [];
  const owner = pick(suppliers, r[4] + 1);
  const owned = pick(suppliers, r[5] + 2);
  return {
    bundleVersion: 1,
    firms: [
      {
        id: renamed,
        name: pick(NAMES, r[3] + r[0]),
        country: 'CN',
        province: pick(PROVINCES, r[2]),
        ...(pick(REGISTRATIONS, r[1] + r[4]) ? { registrationId: pick(REGISTRATIONS, r[1] + r[4]) } : {}),
      },
    ],
    flows,
    shipments,
    ownership: owner !== owned && r[7] % 2 === 0 ? [{ owner, owned, share: 0.5 + (r[6] % 50) / 100 }] : [],
  };
}

/** Adds the pool's fourth name to the list, or takes it off when it is on. */
async function listUpdate(r: number) {
  const current = await currentEntityList(h.services.graph);
  const name = pick(NAMES.slice(3, 5), r);
  const key = entityKey(name);
  const on = current.entries.some((e) => e.key === key);
  const entry = {
    ...current.entries[0],
    key,
    name,
    aliases: [],
    formerNames: [],
    localNames: [],
    effectiveDate: r % 2 ? '2020-06-01' : '2026-11-01',
    sections: [{ section: '2(d)(2)(B)(v)', effectiveDate: r % 2 ? '2020-06-01' : '2026-11-01' }],
  };
  const entries = on ? current.entries.filter((e) => e.key !== key) : [...current.entries, entry];
  const next: EntityListVersion = { ...current, version: `prop-${Date.now()}-${r}`, entries };
  await applyVersion(h.services.graph, h.services.screening, current, next, diffEntityLists(current, next), 'test', 'test');
}

async function run(tenant: string, action: Action, world: World) {
  const { graph } = h.services;
  const actor = 'prop-test';
  if (action.t === 'import') await importBundle(h.services, tenant, nextBundle(world, action.r));
  else if (action.t === 'list') await listUpdate(action.r);
  else if (action.t === 'review') {
    const ids = (
      await graph.read<{ id: string }>('MATCH (m:ScreeningMatch {tenant: $tenant}) RETURN m.id AS id ORDER BY id', { tenant })
    ).map((x) => x.id);
    if (ids.length)
      await decideMatch(graph, tenant, { id: pick(ids, action.r), status: action.confirm ? 'CONFIRMED' : 'REJECTED', note: null, actor });
  } else {
    const ids = (
      await graph.read<{ id: string }>('MATCH (c:DuplicateCandidate {tenant: $tenant}) RETURN c.id AS id ORDER BY id', { tenant })
    ).map((x) => x.id);
    if (ids.length)
      await decideDuplicate(graph, tenant, {
        id: pick(ids, action.r),
        status: action.confirm ? 'CONFIRMED' : 'REJECTED',
        note: null,
        actor,
      });
  }
}

describe('stored shipment summaries, property', () => {
  it('random imports, list updates and review and duplicate decisions keep them equal to live traces', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }),
        fc.array(actionArb, { minLength: 2, maxLength: 5 }),
        async (first, actions) => {
          const tenant = uniqueTenant('prop');
          const world: World = { flows: new Map(), next: 0 };
          await importBundle(h.services, tenant, firstBundle(first));
          for (const action of [{ t: 'import', r: first } as Action, { t: 'import', r: first.map((x) => x + 1) } as Action, ...actions]) {
            await run(tenant, action, world);
            const stored = await storedVerdicts(tenant);
            expect(stored.current).toBe(true);
            expect(stored.summaries).toEqual(await liveVerdicts(tenant));
          }
          // and the view serves exactly those
          const view = await shipmentRisks(h.services.graph, tenant, await listVersion(), { first: 10_000 });
          expect(
            view.items.map((i) => ({
              shipmentId: i.shipmentId,
              verdict: i.verdict,
              tiers: i.tiers,
              flagCounts: i.flagCounts,
              flaggedFirmIds: i.flaggedFirmIds,
            })),
          ).toEqual(await liveVerdicts(tenant));
        },
      ),
      { numRuns: 6, seed: 20, endOnFailure: true },
    );
  });
});
