// Exhibits owned by tenants (issue 14, finding 3), against a real token-mode server and the
// real Neo4j: a remote importer uploads its files (PUT /documents/{id}/file, and the exhibit
// CLI) and downloads a packet ZIP holding exactly its own files; another tenant naming those
// files (by the same path, through "..", by absolute path, or any hostile text) gets none of
// them, and its "missing" reasons do not depend on what exists on disk.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { startHarness, Harness, uniqueTenant } from './harness';
import { documentedChain } from '../fixtures/packet-scenarios';
import { hostileString } from '../fixtures/arbitraries';
import { hashToken } from '../../src/api/auth';
import { exhibitPath, NO_SUCH_EXHIBIT } from '../../src/exhibits';
import { runExhibitCli } from '../../src/cli/exhibit';
import { loadDemoSeed } from '../../src/app';
import { renderPacketFile } from '../../src/packets';
import type { Bundle } from '../../src/model/bundle';

jest.setTimeout(180_000);

const A = uniqueTenant('exh-a');
const B = uniqueTenant('exh-b');
const T = { importerA: 'tok-exh-importer-a', adminA: 'tok-exh-admin-a', importerB: 'tok-exh-importer-b', investigator: 'tok-exh-inv' };
const MAX_BYTES = 4096;

let dir: string;
let h: Harness;
let exhibitRoot: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uflpa-exhibits-test-'));
  exhibitRoot = join(dir, 'exhibits');
  const tokensFile = join(dir, 'tokens.json');
  const tokens = [
    { id: 'importer-a', tenant: A, role: 'IMPORTER', sha256: hashToken(T.importerA) },
    { id: 'admin-a', tenant: A, role: 'ADMIN', sha256: hashToken(T.adminA) },
    { id: 'importer-b', tenant: B, role: 'IMPORTER', sha256: hashToken(T.importerB) },
    { id: 'investigator', tenant: A, role: 'INVESTIGATOR', sha256: hashToken(T.investigator) },
  ];
  writeFileSync(tokensFile, JSON.stringify({ tokens }));
  h = await startHarness({
    env: { API_TOKENS_FILE: tokensFile, RATE_LIMIT_PER_MINUTE: '100000', EXHIBIT_ROOT: exhibitRoot, EXHIBIT_MAX_BYTES: String(MAX_BYTES) },
  });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const IMPORT = 'mutation($b: JSON!) { importBundle(bundle: $b) { documents } }';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const gql = async (token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> => {
  const res = await fetch(`${h.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
};
async function put(token: string | null, documentId: string, body: string | Buffer, method = 'PUT') {
  const res = await fetch(`${h.server.url}/documents/${encodeURIComponent(documentId)}/file`, {
    method,
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: method === 'GET' ? undefined : body,
  });
  return { status: res.status, body: JSON.parse(await res.text()) };
}
async function zipOf(token: string, shipmentId: string) {
  const res = await fetch(`${h.server.url}/packets/${encodeURIComponent(shipmentId)}.zip`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  const exhibits = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith('exhibits/'))) {
    exhibits.set(name.slice('exhibits/'.length), await zip.file(name)!.async('string'));
  }
  return { manifest, exhibits, all: Object.keys(zip.files) };
}
const contentFor = (tenant: string, documentId: string) => `${tenant === A ? 'A' : 'B'} exhibit of ${documentId}\n`;

describe("a remote importer's own exhibits", () => {
  let bundleA: Bundle;
  beforeAll(async () => {
    bundleA = documentedChain('EXA');
    // every document declares the SHA-256 of the file the importer will send
    for (const d of bundleA.documents) d.sha256 = sha256(contentFor(A, d.id));
    expect((await gql(T.importerA, IMPORT, { b: bundleA })).errors).toBeUndefined();
  });

  it('uploads over HTTP into its tenant (201, then 200 on a replacement), checked against the sha256, and audited', async () => {
    const d = bundleA.documents[0];
    const first = await put(T.importerA, d.id, contentFor(A, d.id));
    expect(first).toEqual({
      status: 201,
      body: { documentId: d.id, file: d.file, bytes: contentFor(A, d.id).length, sha256: d.sha256, sha256Verified: true, replaced: false },
    });
    expect(readFileSync(join(h.services.exhibits.tenantRoot(A), d.file!), 'utf8')).toBe(contentFor(A, d.id));
    expect((await put(T.adminA, d.id, contentFor(A, d.id))).status).toBe(200);
    const log = await gql(T.adminA, '{ auditLog(action: EXHIBIT_UPLOAD) { actor target detail } }');
    expect(log.data.auditLog.slice(0, 2)).toEqual([
      { actor: 'admin-a', target: d.id, detail: { file: d.file, bytes: contentFor(A, d.id).length, sha256: d.sha256, replaced: true } },
      { actor: 'importer-a', target: d.id, detail: { file: d.file, bytes: contentFor(A, d.id).length, sha256: d.sha256, replaced: false } },
    ]);
  });

  it('refuses a file whose SHA-256 is not the declared one, and keeps the stored one', async () => {
    const d = bundleA.documents[0];
    const r = await put(T.importerA, d.id, 'a forged invoice\n');
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toMatchObject({
      code: 'SHA256_MISMATCH',
      declaredSha256: d.sha256,
      receivedSha256: sha256('a forged invoice\n'),
    });
    expect(readFileSync(join(h.services.exhibits.tenantRoot(A), d.file!), 'utf8')).toBe(contentFor(A, d.id));
  });

  it('refuses a file over EXHIBIT_MAX_BYTES with 413 LIMIT_EXCEEDED', async () => {
    const noSha = structuredClone(bundleA.documents[1]);
    delete noSha.sha256;
    noSha.id = 'EXA-big';
    noSha.file = 'docs/big.bin';
    expect((await gql(T.importerA, IMPORT, { b: { bundleVersion: 1, documents: [noSha] } })).errors).toBeUndefined();
    const r = await put(T.importerA, 'EXA-big', Buffer.alloc(MAX_BYTES + 1, 120));
    expect(r.status).toBe(413);
    expect(r.body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    expect(r.body.errors[0].message).toMatch(/EXHIBIT_MAX_BYTES/);
    const ok = await put(T.importerA, 'EXA-big', Buffer.alloc(MAX_BYTES, 120));
    expect(ok).toMatchObject({ status: 201, body: { bytes: MAX_BYTES, sha256Verified: null } });
  });

  it('answers clearly: a document naming no file or a path out of the tenant (400), GET (405), no token (401), INVESTIGATOR (403)', async () => {
    const docs = [
      { id: 'EXA-nofile', type: 'OTHER' },
      { id: 'EXA-out', type: 'OTHER', file: '../elsewhere/x.txt' },
    ];
    expect((await gql(T.importerA, IMPORT, { b: { bundleVersion: 1, documents: docs } })).errors).toBeUndefined();
    const none = await put(T.importerA, 'EXA-nofile', 'x');
    expect(none.status).toBe(400);
    expect(none.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/names no file/) });
    const out = await put(T.importerA, 'EXA-out', 'x');
    expect(out.status).toBe(400);
    expect(out.body.errors[0].message).toMatch(/"\.\." part/);
    expect((await put(T.importerA, 'EXA-out', '', 'GET')).status).toBe(405);
    expect((await put(null, bundleA.documents[0].id, 'x')).status).toBe(401);
    const inv = await put(T.investigator, bundleA.documents[0].id, contentFor(A, bundleA.documents[0].id));
    expect(inv.status).toBe(403);
    expect(inv.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it("cannot upload to another tenant's document: 404, the same answer as for a document nobody has", async () => {
    const id = bundleA.documents[2].id;
    const theirs = await put(T.importerB, id, contentFor(A, id));
    const nobody = await put(T.importerB, 'EXA-no-such-doc', contentFor(A, id));
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(theirs).split(id).join('<ID>')).toBe(JSON.stringify(nobody).split('EXA-no-such-doc').join('<ID>'));
  });

  it('attaches every file with the exhibit CLI and downloads a packet ZIP that holds exactly them', async () => {
    // the importer's own machine: the files beside its bundle, as the bundle names them
    const local = mkdtempSync(join(tmpdir(), 'importer-files-'));
    for (const d of bundleA.documents) {
      mkdirSync(dirname(join(local, d.file!)), { recursive: true });
      writeFileSync(join(local, d.file!), contentFor(A, d.id));
    }
    writeFileSync(join(local, 'bundle.json'), JSON.stringify(bundleA));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runExhibitCli(['put-all', join(local, 'bundle.json'), '--server', h.server.url], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: { UFLPA_TOKEN: T.importerA },
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toHaveLength(bundleA.documents.length);
    expect(out[0]).toMatch(/stored as docs\/.+ \(\d+ bytes, sha256 verified\)/);

    const { manifest, exhibits } = await zipOf(T.importerA, 'EXA-S1');
    expect(manifest.missingExhibits).toEqual([]);
    const expected = new Map(bundleA.documents.map((d) => [d.file!, contentFor(A, d.id)]));
    expect(new Map(exhibits)).toEqual(expected);
    for (const f of manifest.files.filter((x: { path: string }) => x.path.startsWith('exhibits/'))) expect(f.declaredMatches).toBe(true);
  });

  it('the CLI refuses to read a file a bundle names outside its folder, and says why', async () => {
    const local = mkdtempSync(join(tmpdir(), 'importer-files-'));
    writeFileSync(join(local, 'b.json'), JSON.stringify({ documents: [{ id: 'EXA-out', file: '../../../etc/passwd' }] }));
    const err: string[] = [];
    const code = await runExhibitCli(['put-all', join(local, 'b.json'), '--server', h.server.url], {
      out: () => undefined,
      err: (l) => err.push(l),
      env: { UFLPA_TOKEN: T.importerA },
    });
    expect(code).toBe(1);
    expect(err[0]).toMatch(/^EXA-out: not sent: .*"\.\." part/);
  });
});

describe("another tenant naming A's files", () => {
  const ownPath = 'docs/own.txt';
  let aFiles: { rel: string; abs: string }[];
  let aContents: string[];

  beforeAll(async () => {
    // A holds files (the suite above uploaded them); B imports a chain and uploads one file of its own
    const a = documentedChain('EXA');
    aFiles = a.documents.map((d) => ({ rel: d.file!, abs: join(h.services.exhibits.tenantRoot(A), d.file!) }));
    aContents = a.documents.map((d) => contentFor(A, d.id));
    const b = documentedChain('EXB');
    b.documents[0].file = ownPath;
    expect((await gql(T.importerB, IMPORT, { b })).errors).toBeUndefined();
    expect((await put(T.importerB, b.documents[0].id, contentFor(B, b.documents[0].id))).status).toBe(201);
  });

  /** B's chain with its documents naming these paths (the first keeps B's own file). */
  async function bPacketNaming(paths: string[]) {
    const b = documentedChain('EXB');
    b.documents[0].file = ownPath;
    b.documents.slice(1).forEach((d, i) => (d.file = paths[i % paths.length]));
    let imported = await gql(T.importerB, IMPORT, { b });
    if (imported.errors) {
      // the bundle rules may refuse a hostile path outright (that leaks nothing either): those
      // documents name a plain missing file instead, and the rest of the paths are still tried
      expect(imported.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      const refused = (imported.errors[0].extensions.errors as { path: string }[]).map((e) => /^documents\[(\d+)\]/.exec(e.path));
      expect(refused.every((m) => m && Number(m[1]) > 0)).toBe(true);
      for (const m of refused) b.documents[Number(m![1])].file = `docs/refused-${m![1]}.txt`;
      imported = await gql(T.importerB, IMPORT, { b });
      expect(imported.errors).toBeUndefined();
    }
    return { b, ...(await zipOf(T.importerB, 'EXB-S1')) };
  }

  /** The packet holds B's own file and nothing else; each other document is missing for a reason the path alone decides. */
  function expectOnlyOwn(r: Awaited<ReturnType<typeof bPacketNaming>>) {
    expect([...r.exhibits.keys()]).toEqual([ownPath]);
    expect(r.exhibits.get(ownPath)).toBe(contentFor(B, r.b.documents[0].id));
    const everything = JSON.stringify(r.manifest) + [...r.exhibits.values()].join('');
    for (const c of aContents) expect(everything).not.toContain(c.trim());
    for (const m of r.manifest.missingExhibits as { documentId: string; file: string | null; reason: string }[]) {
      const checked = exhibitPath(m.file);
      expect(m.reason).toBe(!m.file ? 'the document record names no file' : 'reason' in checked ? checked.reason : NO_SUCH_EXHIBIT);
    }
    expect(r.manifest.missingExhibits).toHaveLength(r.b.documents.length - 1);
  }

  it('gets none of them by the same path, "..", absolute path or another folder, and the same reason as for files nobody has', async () => {
    const aFolder = h.services.exhibits.tenantRoot(A).split('/').pop()!;
    const r = await bPacketNaming([
      aFiles[0].rel, // the very path A uses
      `../${aFolder}/${aFiles[1].rel}`,
      `../../tenants/${aFolder}/${aFiles[2].rel}`,
      aFiles[3].abs,
      'acme-private/contract.txt',
      'docs/nobody-has-this.txt',
    ]);
    expectOnlyOwn(r);
    const reasons = new Map((r.manifest.missingExhibits as { file: string; reason: string }[]).map((m) => [m.file, m.reason]));
    expect(reasons.get(aFiles[0].rel)).toBe(reasons.get('docs/nobody-has-this.txt'));
  });

  it('gets none of them whatever path text it sends (property-based)', async () => {
    const aFolder = h.services.exhibits.tenantRoot(A).split('/').pop()!;
    const aimed = fc.constantFrom(
      ...aFiles.flatMap((f) => [
        f.rel,
        `./${f.rel}`,
        `../${aFolder}/${f.rel}`,
        f.abs,
        `tenants/${aFolder}/${f.rel}`,
        `${f.rel}/`,
        `docs//${f.rel.slice(5)}`,
      ]),
      `../../${aFolder}`,
      '../',
      '.',
    );
    const path = fc.oneof(
      aimed,
      hostileString(),
      fc.array(fc.constantFrom('..', '.', aFolder, 'tenants', 'docs', ''), { maxLength: 6 }).map((p) => p.join('/')),
    );
    const tried = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(path, { minLength: 1, maxLength: 8 }), async (paths) => {
        const r = await bPacketNaming(paths);
        expectOnlyOwn(r);
        r.b.documents.slice(1).forEach((d) => tried.add(d.file!));
      }),
      { numRuns: 12 },
    );
    expect(tried.size).toBeGreaterThan(20); // paths that reached the packet, not refused at import
  });
});

describe('the demo', () => {
  it("loads the seed's exhibit files into the demo tenant's space, so its packets carry them (twice: nothing written again)", async () => {
    const tenant = uniqueTenant('exh-demo');
    const first = await loadDemoSeed(h.services, tenant);
    expect(first.exhibits).toEqual({ attached: 10, unchanged: 0, failed: 0 });
    expect((await loadDemoSeed(h.services, tenant)).exhibits).toEqual({ attached: 0, unchanged: 10, failed: 0 });
    const file = await renderPacketFile(h.services, tenant, 'S-1', 'zip', {}, { exhibits: h.services.exhibits, pdfFont: null });
    const zip = await JSZip.loadAsync(file.body);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    const exhibits = manifest.files.filter((f: { path: string }) => f.path.startsWith('exhibits/'));
    expect(exhibits.map((f: { path: string }) => f.path).sort()).toEqual([
      'exhibits/docs/S1-caprock-bill-of-lading.txt',
      'exhibits/docs/S1-caprock-commercial-invoice-CCG-25A-0917.txt',
      'exhibits/docs/S1-caprock-gin-bale-report.txt',
      'exhibits/docs/S1-isotopic-origin-test-ISO-ORIGIN-25A-5521.txt',
    ]);
    for (const f of exhibits) expect(f.declaredMatches).toBe(true);
    expect(readFileSync(join(h.services.exhibits.tenantRoot(tenant), 'docs', 'S1-caprock-bill-of-lading.txt'), 'utf8')).toBe(
      readFileSync(join(__dirname, '..', '..', 'seed', 'docs', 'S1-caprock-bill-of-lading.txt'), 'utf8'),
    );
  });
});
