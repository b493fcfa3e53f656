// Start-up screens every tenant's firms again when the store's matches were made by other
// screening code (src/screening/rescreen.ts): a firm an earlier release did not match, and that
// this release does, must not stay CLEAR until the next list update. Against the real Neo4j:
// the store is put in the state an earlier release leaves (the firm's match missing, the
// shipment's stored verdict CLEAR, another fingerprint), then services start on it.
import { startHarness, Harness } from './harness';
import { solarSupplierChain } from '../fixtures/scenarios';
import { createLogger, createServices } from '../../src/app';
import { bumpTenantVersion, lockTenant } from '../../src/graph/tenantVersion';
import { rebuildSummariesInTx } from '../../src/trace/summaries';
import { screeningFingerprint } from '../../src/screening/codeFingerprint';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

// entered after the Entity List update of 3 Aug 2026 that listed Baiyin Nonferrous
const supplierChain = (prefix: string, supplierName: string) => solarSupplierChain(prefix, supplierName, { entryDate: '2026-10-01' });

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const res = await h.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}
const verdictOf = async (id: string) => (await gql('query($id: ID!) { traceShipment(id: $id) { verdict } }', { id })).traceShipment.verdict;
const riskVerdictOf = async (id: string) =>
  (await gql('{ shipmentRisks(first: 100) { items { shipmentId verdict } } }')).shipmentRisks.items.find(
    (r: { shipmentId: string }) => r.shipmentId === id,
  )?.verdict;
const matchesOf = async (firmId: string) =>
  (await gql('query($f: ID!) { screeningMatches(firmId: $f, first: 20) { items { id entityName decision status } } }', { f: firmId }))
    .screeningMatches.items as { id: string; entityName: string; decision: string; status: string }[];
const rescreenEvents = async () =>
  ((await gql('{ auditLog(first: 1000) { action actor target detail } }')).auditLog as { action: string }[]).filter(
    (e) => e.action === 'RESCREEN',
  );
const storedFingerprint = async () =>
  (await h.services.graph.read<{ f: string | null }>("OPTIONAL MATCH (s:ScreeningState {id: 'screening'}) RETURN s.fingerprint AS f"))[0]
    ?.f;

async function startAgain(): Promise<void> {
  const services = await createServices(h.services.config, createLogger({ logLevel: 'silent' }));
  await services.graph.close();
}

describe('screening again at start-up when the screening changed (real Neo4j)', () => {
  it("screens a store's firms again under new screening: a firm the earlier screening missed keeps its shipment from CLEAR, decisions kept", async () => {
    const fingerprint = await storedFingerprint();
    expect(fingerprint).toBe(screeningFingerprint((await h.services.screening.current()).matcher.config));

    // a misspelt place the earlier screening did not read, and a listed firm whose match a reviewer confirmed
    await gql('mutation($b: JSON!) { importBundle(bundle: $b) { flows } }', {
      b: supplierChain('RS-MISS', 'Biayin Nonferrous Group Co., Ltd.'),
    });
    await gql('mutation($b: JSON!) { importBundle(bundle: $b) { flows } }', {
      b: supplierChain('RS-KEEP', 'Hoshine Silicon Industry (Shanshan) Co., Ltd'),
    });
    expect(await verdictOf('RS-MISS-S1')).toBe('INCOMPLETE'); // POSSIBLE_LISTING under this release
    const [kept] = await matchesOf('RS-KEEP-F2');
    await gql('mutation($id: ID!) { confirmMatch(id: $id, note: "same registration") { status } }', { id: kept.id });

    // the store as the earlier release left it: no match for the misspelt supplier, its shipment CLEAR everywhere
    const { list } = await h.services.screening.current();
    await h.services.graph.writeTransaction(async (tx) => {
      await lockTenant(tx, h.tenant);
      await tx.run("MATCH (:Firm {tenant: $t, id: 'RS-MISS-F2'})-[:SCREENED]->(m:ScreeningMatch) DETACH DELETE m", { t: h.tenant });
      await bumpTenantVersion(tx, h.tenant);
      await rebuildSummariesInTx(tx, h.tenant, list.version);
    });
    await h.services.graph.write("MATCH (s:ScreeningState {id: 'screening'}) SET s.fingerprint = 'an-earlier-release'");
    expect(await verdictOf('RS-MISS-S1')).toBe('CLEAR');
    expect(await riskVerdictOf('RS-MISS-S1')).toBe('CLEAR');

    await startAgain();

    const found = await matchesOf('RS-MISS-F2');
    expect(found.find((m) => m.entityName === 'Baiyin Nonferrous Group Co., Ltd.')).toMatchObject({
      decision: 'POSSIBLE',
      status: 'PENDING',
    });
    expect(await verdictOf('RS-MISS-S1')).toBe('INCOMPLETE');
    expect(await riskVerdictOf('RS-MISS-S1')).toBe('INCOMPLETE');
    expect((await matchesOf('RS-KEEP-F2')).find((m) => m.id === kept.id)).toMatchObject({ status: 'CONFIRMED' });
    expect(await verdictOf('RS-KEEP-S1')).toBe('FLAGGED');
    const events = await rescreenEvents();
    expect(events).toEqual([
      expect.objectContaining({
        action: 'RESCREEN',
        actor: 'system',
        target: fingerprint,
        detail: expect.objectContaining({ previous: 'an-earlier-release' }),
      }),
    ]);
    expect(await storedFingerprint()).toBe(fingerprint);

    // the same screening again: nothing screened again
    await startAgain();
    expect(await rescreenEvents()).toHaveLength(1);
  });
});
