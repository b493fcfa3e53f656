// Tenant export and restore against the real Neo4j: the demo seed (with exhibits and review
// decisions of every kind) and a generated tenant go out as one ZIP (GET /export and the
// library call the CLI uses) and back into a new tenant; every trace (verdict, flags), every
// decision, every shipment's packet (markdown, on fixed dates) and every exhibit's bytes are then
// the same. A tenant with data is refused unless merging;
// a damaged ZIP is refused before anything is written.
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { finished } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { startHarness, Harness, uniqueTenant } from './harness';
import { loadDemoSeed } from '../../src/app';
import { importBundle, validateBundle } from '../../src/import';
import { generateBundle } from '../../src/generate/generator';
import { exportTenant, restoreTenant, type ExportManifest } from '../../src/portability';
import { duplicateDecisions, exhibitReader, exhibits, packets, PACKET_DATES, type ApiClient } from './upgrade/snapshot';

jest.setTimeout(300_000);

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'uflpa-export-'));

beforeAll(async () => {
  h = await startHarness();
  // requests act for the tenant an X-Test-Tenant header names (ADMIN), so one server serves every tenant here
  h.services.authenticate = async (req) => ({
    tokenId: 'reviewer-1',
    tenant: String(req.headers['x-test-tenant'] ?? h.tenant),
    role: 'ADMIN',
  });
});
afterAll(() => h?.close());

const as = (tenant: string) => ({ 'x-test-tenant': tenant });
const api = (): ApiClient => ({ url: h.server.url, headers: as });

async function shipmentIds(tenant: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r = await h.gql(
      'query($after: String) { shipmentRisks(first: 200, after: $after) { items { shipmentId } hasNextPage endCursor } }',
      { after },
      as(tenant),
    );
    expect(r.errors).toBeUndefined();
    ids.push(...r.data.shipmentRisks.items.map((i: { shipmentId: string }) => i.shipmentId));
    if (!r.data.shipmentRisks.hasNextPage) return ids.sort();
    after = r.data.shipmentRisks.endCursor;
  }
}

/** Every shipment's trace as the API gives it: verdict, tiers and each flag. */
async function traces(tenant: string) {
  const out: Record<string, unknown> = {};
  for (const id of await shipmentIds(tenant)) {
    const r = await h.gql(
      'query($id: ID!) { traceShipment(id: $id) { verdict tiers flags { kind tier reason path } } }',
      { id },
      as(tenant),
    );
    expect(r.errors).toBeUndefined();
    const t = r.data.traceShipment as {
      verdict: string;
      tiers: number;
      flags: { kind: string; tier: number; reason: string; path: string[] }[];
    };
    // Where several paths of the same length reach one flagged party, the trace shows the first
    // it meets, which follows storage order (a restore stores in id order): the flag, its tier
    // and both ends of its path are what must match.
    out[id] = {
      verdict: t.verdict,
      tiers: t.tiers,
      flags: t.flags.map((f) => ({
        kind: f.kind,
        tier: f.tier,
        reason: f.reason,
        hops: f.path.length,
        from: f.path[0],
        to: f.path.at(-1),
      })),
    };
  }
  return out;
}

/** Every stored screening match with its review state. */
async function decisions(tenant: string) {
  const r = await h.gql(
    `{ screeningMatches(first: 500) { items { id firmId entityName status decidedBy decidedAt note agreedBy
        pendingDecision { status proposedBy note } disputes { by at note } } } }`,
    {},
    as(tenant),
  );
  expect(r.errors).toBeUndefined();
  return r.data.screeningMatches.items;
}

/** Confirms, rejects and disputes some of the tenant's matches, so every kind of decision is there to carry over. */
async function review(tenant: string) {
  const items = await decisions(tenant);
  expect(items.length).toBeGreaterThan(0);
  for (const [i, m] of items.entries()) {
    if (i % 3 === 0)
      await h.gql('mutation($id: ID!) { confirmMatch(id: $id, note: "same firm, checked register") { status } }', { id: m.id }, as(tenant));
    else if (i % 3 === 1)
      await h.gql('mutation($id: ID!) { rejectMatch(id: $id, note: "different city") { status } }', { id: m.id }, as(tenant));
    else
      await h.gql(
        'mutation($id: ID!) { disputeMatch(id: $id, note: "our supplier is not this entity") { status } }',
        { id: m.id },
        as(tenant),
      );
  }
  const after = await decisions(tenant);
  expect(after.some((m: { status: string }) => m.status !== 'PENDING')).toBe(true);
}

async function exportOverHttp(tenant: string, file: string): Promise<void> {
  const res = await fetch(`${h.server.url}/export`, { headers: as(tenant) });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
}

async function manifestOf(file: string): Promise<{ manifest: ExportManifest; zip: JSZip }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return { manifest: JSON.parse(await zip.file('manifest.json')!.async('string')), zip };
}

/** Every shipment's packet in markdown, on fixed dates (PACKET_DATES), so both are made as of one day. */
async function expectSamePackets(from: string, to: string) {
  const [a, b] = [await packets(api(), from), await packets(api(), to)];
  expect(Object.keys(b)).toEqual(Object.keys(a));
  expect(Object.keys(a).length).toBeGreaterThan(0);
  for (const id of Object.keys(a)) {
    expect(a[id]).toContain(PACKET_DATES.asOf);
    expect({ id, packet: b[id] }).toEqual({ id, packet: a[id] });
  }
}

async function expectSameTenant(from: string, to: string) {
  expect(await traces(to)).toEqual(await traces(from));
  expect(await decisions(to)).toEqual(await decisions(from));
  expect(await duplicateDecisions(api(), to)).toEqual(await duplicateDecisions(api(), from));
  await expectSamePackets(from, to);
}

describe('tenant export and restore', () => {
  it('round-trips the demo seed with its decisions, exhibits and audit log', async () => {
    const source = uniqueTenant('demo-src');
    await loadDemoSeed(h.services, source);
    await review(source);
    const file = join(dir, 'demo.zip');
    await exportOverHttp(source, file);

    const { manifest, zip } = await manifestOf(file);
    expect(manifest).toMatchObject({ format: 'uflpa-trace-tenant-export', formatVersion: 1, tenant: source });
    expect(manifest.release).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.entityListVersion).toBeTruthy();
    for (const f of manifest.files) {
      const data = await zip.file(f.path)!.async('nodebuffer');
      expect({ path: f.path, sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length }).toEqual({
        path: f.path,
        sha256: f.sha256,
        bytes: f.bytes,
      });
    }
    expect(manifest.files.filter((f) => f.path.startsWith('exhibits/')).length).toBeGreaterThan(0);
    // the bundle passes the project's own strict validation, as any import does
    const bundle = JSON.parse(await zip.file('bundle.json')!.async('string'));
    await expect(validateBundle(h.services.graph, uniqueTenant('empty'), bundle)).resolves.toBeTruthy();
    const seed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'seed', 'demo-bundle.json'), 'utf8'));
    for (const s of ['firms', 'facilities', 'ownership', 'materials', 'flows', 'documents', 'shipments'])
      expect([s, bundle[s].length]).toEqual([s, (seed[s] ?? []).length]);
    const audit = (await zip.file('audit.jsonl')!.async('string'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['IMPORT', 'EXHIBIT_UPLOAD', 'MATCH_DECISION']));

    const target = uniqueTenant('demo-dst');
    const report = await restoreTenant(h.services, target, file, { actor: 'test' });
    expect(report.decisions.screeningMatches.skipped).toEqual([]);
    expect(report.exhibits).toBe(manifest.counts.exhibits);
    await expectSameTenant(source, target);
    // every exhibit the source holds, byte for byte (SHA-256 and size) in the target's space
    const files = bundle.documents.flatMap((d: { file?: string }) => (d.file ? [d.file] : []));
    const read = exhibitReader(h.services.exhibits);
    const [sourceExhibits, targetExhibits] = [await exhibits(source, read, files), await exhibits(target, read, files)];
    expect(Object.values(sourceExhibits).filter(Boolean).length).toBe(manifest.counts.exhibits);
    expect(targetExhibits).toEqual(sourceExhibits);
    // the audit log came along, and says it was restored
    const restoredLog = await h.gql('{ auditLog(first: 200) { id action } }', {}, as(target));
    const actions = restoredLog.data.auditLog.map((e: { action: string }) => e.action);
    expect(actions).toContain('TENANT_RESTORE');
    for (const e of audit) expect(restoredLog.data.auditLog.map((x: { id: string }) => x.id)).toContain(e.id);

    // a tenant with data is refused unless merging; merging the same export changes nothing a trace reads
    await expect(restoreTenant(h.services, target, file, { actor: 'test' })).rejects.toThrow(/already holds data.*--merge/);
    await restoreTenant(h.services, target, file, { actor: 'test', merge: true });
    await expectSameTenant(source, target);
  });

  it('round-trips a generated tenant exported page by page', async () => {
    const source = uniqueTenant('gen-src');
    await importBundle(h.services, source, generateBundle({ flows: 600, seed: 21, listedShare: 0.5, xuarShare: 0.1, shipments: 12 }));
    await review(source);
    const file = join(dir, 'gen.zip');
    // small pages, so the paging itself is what is tested
    const out = createWriteStream(file);
    await exportTenant(h.services, source, out, { actor: 'test', pageSize: 37 });
    await finished(out);
    const { manifest } = await manifestOf(file);
    expect(manifest.counts.flows).toBe(600);
    const target = uniqueTenant('gen-dst');
    await restoreTenant(h.services, target, file, { actor: 'test' });
    await expectSameTenant(source, target);
  });

  it('round-trips duplicate-facility decisions and the one-site links they make', async () => {
    const source = uniqueTenant('site-src');
    const site = (id: string, osId: string, city: string) => ({ id, name: `Mill ${id}`, firm: 'F-1', country: 'CN', city, osId });
    await importBundle(h.services, source, {
      bundleVersion: 1,
      firms: [
        { id: 'F-1', name: 'Example Spinning Co', country: 'CN' },
        { id: 'US', name: 'Example Importer Inc', country: 'US' },
      ],
      facilities: [
        site('A1', 'CN2019303BQ3FZP', 'Suzhou'),
        site('A2', 'cn2019303bq3fzp', 'Suzhou'),
        site('B1', 'CN2020111XY7ABC', 'Wuxi'),
        site('B2', 'CN2020111-XY7ABC', 'Wuxi'),
        { id: 'DC', name: 'Example DC', firm: 'US', country: 'US' },
      ],
      materials: [{ id: 'M', name: 'Cotton yarn', hsCode: '5205.11', raw: true }],
      flows: [{ id: 'FL', from: 'A1', to: 'DC', material: 'M', quantity: 10, unit: 'kg', date: '2026-05-01' }],
      shipments: [{ id: 'S', importer: 'US', flow: 'FL', entryDate: '2026-06-01' }],
    });
    const pairsOf = async (tenant: string) =>
      (
        await h.gql(
          '{ duplicateFacilities(first: 50) { items { id facilityIds basis status decidedBy note facilities { id sameSiteAs { id } } } } }',
          {},
          as(tenant),
        )
      ).data.duplicateFacilities.items as { id: string; facilityIds: string[]; status: string }[];
    const pairs = await pairsOf(source);
    const a = pairs.find((p) => p.facilityIds.join() === 'A1,A2')!;
    const b = pairs.find((p) => p.facilityIds.join() === 'B1,B2')!;
    expect(a && b).toBeTruthy();
    await h.gql('mutation($id: ID!) { confirmFacilityDuplicate(id: $id, note: "one OS Hub id") { status } }', { id: a.id }, as(source));
    await h.gql('mutation($id: ID!) { rejectFacilityDuplicate(id: $id, note: "two buildings") { status } }', { id: b.id }, as(source));
    const before = await pairsOf(source);
    expect(before.map((p) => p.status).sort()).toEqual(['CONFIRMED', 'REJECTED']);

    const file = join(dir, 'sites.zip');
    await exportOverHttp(source, file);
    const target = uniqueTenant('site-dst');
    const report = await restoreTenant(h.services, target, file, { actor: 'test' });
    expect(report.decisions.facilityDuplicates).toEqual({ restored: 2, skipped: [] });
    // every decision with who, when and note, and A1 and A2 one site again
    expect(await pairsOf(target)).toEqual(before);
  });

  it('POST /imports takes an export ZIP and restores it (ADMIN), refusing a tenant with data unless ?merge=true', async () => {
    const file = join(dir, 'gen.zip'); // written by the test above
    const body = readFileSync(file);
    const target = uniqueTenant('http-dst');
    const post = (tenant: string, query = '') =>
      fetch(`${h.server.url}/imports${query}`, { method: 'POST', headers: { ...as(tenant), 'content-type': 'application/zip' }, body });
    const res = await post(target);
    expect(res.status).toBe(200);
    const { restored } = (await res.json()) as { restored: { imported: { flows: number }; from: { tenant: string } } };
    expect(restored.imported.flows).toBe(600);
    await expectSameTenant(restored.from.tenant, target);
    const again = await post(target);
    expect(again.status).toBe(400);
    expect(JSON.stringify(await again.json())).toMatch(/already holds data/);
    expect((await post(target, '?merge=true')).status).toBe(200);
  });

  it('refuses a damaged export before writing anything', async () => {
    const source = uniqueTenant('dmg-src');
    await loadDemoSeed(h.services, source);
    const file = join(dir, 'dmg.zip');
    await exportOverHttp(source, file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const bundle = JSON.parse(await zip.file('bundle.json')!.async('string'));
    bundle.firms[0].name = 'Someone Else Ltd';
    zip.file('bundle.json', JSON.stringify(bundle));
    const damaged = join(dir, 'damaged.zip');
    writeFileSync(damaged, await zip.generateAsync({ type: 'nodebuffer' }));
    const target = uniqueTenant('dmg-dst');
    await expect(restoreTenant(h.services, target, damaged, { actor: 'test' })).rejects.toThrow(
      /bundle\.json.*SHA-256.*changed or damaged/,
    );
    expect(await shipmentIds(target)).toEqual([]);
  });

  it('GET /export is for ADMIN only', async () => {
    h.services.authenticate = async () => ({ tokenId: 'imp', tenant: h.tenant, role: 'IMPORTER' });
    try {
      const res = await fetch(`${h.server.url}/export`);
      expect(res.status).toBe(403);
    } finally {
      h.services.authenticate = async (req) => ({
        tokenId: 'reviewer-1',
        tenant: String(req.headers['x-test-tenant'] ?? h.tenant),
        role: 'ADMIN',
      });
    }
  });
});
