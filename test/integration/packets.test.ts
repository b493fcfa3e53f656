// Packets on scenario bundles against the real Neo4j: contents, gaps, kinds, fingerprints,
// the download formats served over HTTP, and the demo's packets looked at as a reviewer would.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { startHarness, Harness } from './harness';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/app';
import { startServer, RunningServer } from '../../src/api/server';
import { packetRoutes } from '../../src/api/routes';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';
import { RAW_IN_PACKET } from '../fixtures/arbitraries';
import { addSecondLots, documentedChain, dropDocument, writeExhibitFiles } from '../fixtures/packet-scenarios';
import type { Bundle } from '../../src/model/bundle';
import { DEMO_BUNDLE } from '../../src/app';

jest.setTimeout(120_000); // the first start loads the Entity List; the CLI test starts its own process

let h: Harness;
let downloads: RunningServer;

beforeAll(async () => {
  h = await startHarness();
  // a server of our own with the packet routes, over the harness's services (same tenant)
  const config = { ...loadConfig(process.env), port: 0 };
  downloads = await startServer(config, h.services, createLogger({ logLevel: 'silent' }), packetRoutes(h.services));
});
afterAll(async () => {
  await downloads?.stop();
  await h?.close();
});

const PACKET = `query($id: ID!, $asOf: Date, $statusOn: Date) {
  rebuttalPacket(shipmentId: $id, asOf: $asOf, statusOn: $statusOn) {
    shipmentId kind verdict fingerprint markdown completeness identicalShipments statusOn
    gaps { flowId missing note }
    exhibits { number documentId type title }
    downloads { markdown html pdf zip }
  } }`;

async function load(b: Bundle) {
  const res = await h.gql('mutation($b: JSON!) { importBundle(bundle: $b) { flows } }', { b });
  expect(res.errors).toBeUndefined();
}
async function packet(id: string, asOf?: string, statusOn?: string) {
  const res = await h.gql(PACKET, { id, asOf, statusOn });
  expect(res.errors).toBeUndefined();
  return res.data.rebuttalPacket;
}
async function get(path: string) {
  const res = await fetch(`${downloads.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}
const section = (md: string, n: number) =>
  md.slice(md.indexOf(`## ${n}. `), md.indexOf(`## ${n + 1}. `) > 0 ? md.indexOf(`## ${n + 1}. `) : undefined);

describe('rebuttalPacket on scenario chains (real Neo4j)', () => {
  it('a documented CLEAR chain is an applicability review with every party and its records', async () => {
    const b = documentedChain('PKA');
    await load(b);
    const p = await packet('PKA-S1');
    expect(p).toMatchObject({ shipmentId: 'PKA-S1', kind: 'APPLICABILITY_REVIEW', verdict: 'CLEAR', gaps: [], completeness: 1 });
    expect(p.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const trace = (await h.gql('query { traceShipment(id: "PKA-S1") { parties { firmId facilityId tier } } }')).data.traceShipment;
    const parties = section(p.markdown, 5);
    for (const party of trace.parties) {
      const firm = b.firms.find((f) => f.id === party.firmId)!;
      const row = parties.split('\n').find((l: string) => l.startsWith(`| ${party.tier} |`) && l.includes(firm.name));
      expect(row).toBeDefined();
      // the business records that tie the party in: the documents of the hop it ships (or, for the importer, buys)
      const flow = b.flows.find((f) => (party.tier === 0 ? f.id === 'PKA-FL1' : f.from === party.facilityId))!;
      for (const id of flow.documents!) expect(row).toContain(b.documents.find((d) => d.id === id)!.number);
    }
    expect(p.exhibits).toHaveLength(b.documents.length);
    expect(p.exhibits[0]).toMatchObject({ number: 'E1', documentId: 'PKA-D1-0', type: 'PURCHASE_ORDER' });
    const cover = section(p.markdown, 1);
    for (const s of ['PKA Importer Inc.', 'PKA-1234560-1', 'Los Angeles', '2024-06-10', '6109.10', 'USD 50,000.00'])
      expect(cover).toContain(s);
    expect(section(p.markdown, 8)).toMatch(/Entity List version \S+/);
    // the downloads carry the status date this answer used, so they say the same as its Markdown
    expect(p.downloads.pdf).toMatch(new RegExp(`/packets/PKA-S1\\.pdf\\?statusOn=${p.statusOn}$`));
    // same graph, same asOf: the same bytes
    expect((await packet('PKA-S1')).markdown).toBe(p.markdown);
  });

  it('a removed proof of payment shows up as a gap on that flow', async () => {
    await load(documentedChain('PKB'));
    expect((await packet('PKB-S1')).gaps).toEqual([]);
    await load(dropDocument(documentedChain('PKB'), 'PKB-FL2', 'PROOF_OF_PAYMENT'));
    const p = await packet('PKB-S1');
    expect(p.gaps).toEqual([expect.objectContaining({ flowId: 'PKB-FL2', missing: ['PROOF_OF_PAYMENT'] })]);
    expect(p.completeness).toBeLessThan(1);
    expect(section(p.markdown, 12)).toContain('| PKB-FL2 | PROOF_OF_PAYMENT |');
  });

  it('a payment that does not match its invoice is called out as a gap', async () => {
    const b = documentedChain('PKM');
    const pay = b.documents.find((d) => d.id === 'PKM-D3-2')!;
    Object.assign(pay, { amount: 12345, payer: 'PKM-F-imp' });
    await load(b);
    const p = await packet('PKM-S1');
    const gap = p.gaps.find((g: { flowId: string }) => g.flowId === 'PKM-FL3');
    expect(gap.note).toMatch(/Payment does not match the invoice/);
    expect(gap.note).toMatch(/paid USD 12,345.00/);
    expect(gap.note).toMatch(/paid by PKM Importer Inc\., not by the buyer Blue River Fabrics Co/);
  });

  it('a flagged shipment yields an exception request stating the flagged path', async () => {
    await load(
      documentedChain(
        'PKX',
        cottonTiers({
          firm: { name: 'Tianshan Cotton Ginning Co', localName: '新疆天山棉业有限公司', country: 'CN' },
          facility: { country: 'CN', city: 'Aksu', province: 'Xinjiang', address: 'Aksu, Xinjiang' },
        }),
      ),
    );
    const p = await packet('PKX-S1');
    expect(p).toMatchObject({ kind: 'EXCEPTION_REQUEST', verdict: 'FLAGGED' });
    const flagged = p.markdown.slice(
      p.markdown.indexOf('### Flagged paths'),
      p.markdown.indexOf('### Clear and convincing evidence still needed'),
    );
    expect(flagged).toContain('XUAR_LOCATION at tier 4');
    for (const flow of ['PKX-FL4', 'PKX-FL3', 'PKX-FL2', 'PKX-FL1']) expect(flagged).toContain(`(flow ${flow})`);
    expect(flagged).toContain('Tianshan Cotton Ginning Co');
    expect(p.markdown).toContain('### Clear and convincing evidence still needed');
    expect(section(p.markdown, 11)).toContain('**XUAR_LOCATION** at tier 4, flow PKX-FL4');
  });

  it('two shipments over the same parties with other lots share a fingerprint; a changed supplier changes it', async () => {
    const b = addSecondLots(documentedChain('PKF'), 'PKF', 'b', { id: 'PKF-S2', entryNumber: 'PKF-7654321-0', entryDate: '2024-07-01' });
    // a third shipment whose gin is another firm
    b.firms.push({ id: 'PKF-F4x', name: 'Plains Cotton Gin Co', country: 'US', city: 'Amarillo', province: 'TX' });
    b.facilities.push({ id: 'PKF-FAC4x', name: 'Plains gin', firm: 'PKF-F4x', country: 'US', city: 'Amarillo', province: 'TX' });
    const base = (id: string) => b.flows.find((f) => f.id === id)!;
    b.flows.push(
      { ...base('PKF-FL4'), id: 'PKF-FL4x', from: 'PKF-FAC4x', documents: [] },
      { ...base('PKF-FL3'), id: 'PKF-FL3x', inputs: ['PKF-FL4x'], documents: [] },
      { ...base('PKF-FL2'), id: 'PKF-FL2x', inputs: ['PKF-FL3x'], documents: [] },
      { ...base('PKF-FL1'), id: 'PKF-FL1x', inputs: ['PKF-FL2x'], documents: [] },
    );
    b.shipments.push({ ...b.shipments[0], id: 'PKF-S3', entryNumber: 'PKF-1111111-1', entryDate: '2024-08-01', flow: 'PKF-FL1x' });
    await load(b);

    const [p1, p2, p3] = [await packet('PKF-S1'), await packet('PKF-S2'), await packet('PKF-S3')];
    expect(p2.fingerprint).toBe(p1.fingerprint);
    expect(p3.fingerprint).not.toBe(p1.fingerprint);
    expect(p1.identicalShipments).toEqual(['PKF-S2']);
    expect(p2.identicalShipments).toEqual(['PKF-S1']);
    expect(p3.identicalShipments).toEqual([]);
    // S1 entered earlier and traced CLEAR: S2 gets the summary tracing report, S1 does not
    expect(p2.markdown).toContain('### Summary tracing report');
    expect(p1.markdown).not.toContain('### Summary tracing report');

    const same = await h.gql('query($f: String!) { shipmentsWithFingerprint(fingerprint: $f) }', { f: p1.fingerprint });
    expect(same.errors).toBeUndefined();
    expect(same.data.shipmentsWithFingerprint).toEqual(['PKF-S1', 'PKF-S2']);
    const bad = await h.gql('query { shipmentsWithFingerprint(fingerprint: "nope") }');
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const diff = await h.gql(`query { supplyChainDiff(shipmentId: "PKF-S3", againstShipmentId: "PKF-S1") {
      shipmentId againstShipmentId sameFingerprint partiesAdded partiesRemoved hopsAdded hopsRemoved } }`);
    expect(diff.errors).toBeUndefined();
    expect(diff.data.supplyChainDiff).toEqual({
      shipmentId: 'PKF-S3',
      againstShipmentId: 'PKF-S1',
      sameFingerprint: false,
      partiesAdded: ['PKF-F4x', 'PKF-FAC4x'],
      partiesRemoved: ['PKF-F4', 'PKF-FAC4'],
      hopsAdded: ['PKF-FAC4x (PKF-F4x) -> PKF-FAC3: PKF-M4'],
      hopsRemoved: ['PKF-FAC4 (PKF-F4) -> PKF-FAC3: PKF-M4'],
    });
  });

  it("the detention clock follows from the shipment's detention dates", async () => {
    const b = documentedChain('PKD');
    b.shipments[0].detention = { detainedOn: '2024-06-14', noticeDate: '2024-06-18' };
    await load(b);
    const res = await h.gql(`query { detentionClock(shipmentId: "PKD-S1", today: "2024-07-15") {
      shipmentId detainedOn noticeDate deadlines { name date daysLeft status basis } } }`);
    expect(res.errors).toBeUndefined();
    const c = res.data.detentionClock;
    expect(c).toMatchObject({ shipmentId: 'PKD-S1', detainedOn: '2024-06-14', noticeDate: '2024-06-18' });
    expect(c.deadlines.map((d: { date: string; status: string }) => [d.date, d.status])).toEqual([
      ['2024-07-18', 'NEAR'],
      ['2024-07-14', 'PAST'],
      ['2025-01-10', 'OPEN'],
    ]);
    const p = await packet('PKD-S1', undefined, '2024-07-15');
    expect(p.statusOn).toBe('2024-07-15');
    expect(section(p.markdown, 1)).toContain('### Detention clock (status on 2024-07-15)');
    expect(section(p.markdown, 1)).toContain('| Importer response to the detention notice | 2024-07-18 | 3 | **NEAR** |');
  });

  it('unknown shipments and bad arguments are clear errors', async () => {
    const missing = await h.gql(PACKET, { id: 'no-such-shipment' });
    expect(missing.errors[0].extensions.code).toBe('NOT_FOUND');
    const clock = await h.gql('query { detentionClock(shipmentId: "no-such-shipment") { shipmentId } }');
    expect(clock.errors[0].extensions.code).toBe('NOT_FOUND');
    const diff = await h.gql('query { supplyChainDiff(shipmentId: "PKA-S1", againstShipmentId: "nope") { sameFingerprint } }');
    expect(diff.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('packet downloads (real Neo4j)', () => {
  let b: Bundle;
  beforeAll(async () => {
    b = documentedChain('PKZ');
    await load(b);
    writeExhibitFiles(b, h.services.exhibits.tenantRoot(h.tenant)); // the tenant's own exhibit space
  });

  it('serves the Markdown byte-identical to the GraphQL field', async () => {
    const p = await packet('PKZ-S1', '2024-06-10');
    const md = await get(new URL(p.downloads.markdown).pathname + new URL(p.downloads.markdown).search);
    expect(md.status).toBe(200);
    expect(md.type).toMatch(/text\/markdown/);
    expect(md.body.toString('utf8')).toBe(p.markdown);
    const html = await get('/packets/PKZ-S1.html');
    expect(html.status).toBe(200);
    expect(html.body.toString('utf8')).toContain('<svg');
  });

  it('serves a valid PDF whose text contains the entry number', async () => {
    const pdf = await get('/packets/PKZ-S1.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    if (spawnSync('pdftotext', ['-v']).status !== 0) throw new Error('pdftotext (poppler-utils) is needed to check the PDF text');
    const file = join(mkdtempSync(join(tmpdir(), 'packet-pdf-')), 'p.pdf');
    writeFileSync(file, pdf.body);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('PKZ-1234560-1');
    expect(text).toContain('Golden Thread Spinning Co');
  });

  it('serves a ZIP with the packet, every exhibit file and a manifest whose sums match', async () => {
    const res = await get('/packets/PKZ-S1.zip');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.body);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.shipmentId).toBe('PKZ-S1');
    expect(Date.parse(manifest.generatedAt)).not.toBeNaN();
    const paths = manifest.files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['packet.md', 'packet.html', 'packet.pdf', ...b.documents.map((d) => `exhibits/${d.file}`)]),
    );
    expect(manifest.missingExhibits).toEqual([]);
    // what each file must hold, derived apart from the ZIP: the exhibit files as the fixture
    // wrote them (type and number), the packet as the GraphQL field and the HTML route give it
    const exhibitText = new Map(b.documents.filter((d) => d.file).map((d) => [`exhibits/${d.file}`, `${d.type} ${d.number ?? d.id}\n`]));
    const markdown = (await packet('PKZ-S1')).markdown;
    const html = (await get('/packets/PKZ-S1.html')).body;
    const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
    for (const f of manifest.files) {
      const data = await zip.file(f.path)!.async('nodebuffer');
      expect(sha256(data)).toBe(f.sha256);
      if (f.path.startsWith('exhibits/')) {
        expect(data.toString('utf8')).toBe(exhibitText.get(f.path));
        expect(f.sha256).toBe(sha256(Buffer.from(exhibitText.get(f.path)!)));
      } else if (f.path === 'packet.md') {
        expect(data.toString('utf8')).toBe(markdown);
      } else if (f.path === 'packet.html') {
        expect(data.toString('utf8')).toBe(html.toString('utf8'));
      } else if (f.path === 'packet.pdf') {
        expect(data.subarray(0, 5).toString()).toBe('%PDF-');
        const file = join(mkdtempSync(join(tmpdir(), 'packet-zip-pdf-')), 'p.pdf');
        writeFileSync(file, data);
        expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('PKZ-1234560-1');
      } else {
        throw new Error(`unexpected file in the packet ZIP: ${f.path}`);
      }
    }
    expect(paths.filter((p: string) => p.startsWith('exhibits/')).sort()).toEqual([...exhibitText.keys()].sort());
    expect(await zip.file('packet.md')!.async('string')).not.toMatch(/generatedAt|\d{2}:\d{2}:\d{2}/);
  });

  it('answers 404 for an unknown shipment and 400 for a bad asOf or statusOn', async () => {
    const missing = await get('/packets/no-such-shipment.pdf');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString()).errors[0].extensions.code).toBe('NOT_FOUND');
    const bad = await get('/packets/PKZ-S1.md?asOf=2024-02-30');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // the bad value is quoted as the text policy shows text: a direction override escaped
    const badStatus = await get(`/packets/PKZ-S1.pdf?statusOn=${encodeURIComponent('2024-07-1\u202e5')}`);
    expect(badStatus.status).toBe(400);
    const err = JSON.parse(badStatus.body.toString()).errors[0];
    expect(err.extensions.code).toBe('BAD_USER_INPUT');
    expect(err.message).toBe('statusOn must be a real calendar date YYYY-MM-DD, got "2024-07-1⟨U+202E⟩5"');
  });

  it('states the status date the download asked for (?statusOn=) in the ZIP manifest', async () => {
    const res = await get('/packets/PKZ-S1.zip?statusOn=2024-07-15');
    expect(res.status).toBe(200);
    const manifest = JSON.parse(await (await JSZip.loadAsync(res.body)).file('manifest.json')!.async('string'));
    expect(manifest.statusOn).toBe('2024-07-15');
  });

  it('the CLI writes the same packet', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'packet-cli-')), 'p.md');
    const expected = (await packet('PKZ-S1')).markdown;
    // async, so this process's server keeps answering while the CLI runs
    await promisify(execFile)(
      join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx'),
      ['src/cli/packet.ts', 'PKZ-S1', '--format', 'md', '--out', out, '--tenant', h.tenant],
      { cwd: join(__dirname, '..', '..'), env: { ...process.env, LOG_LEVEL: 'silent' }, timeout: 90_000 },
    );
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });
});

describe('names with invisible and direction-control characters in packets (issue 14, finding 8)', () => {
  it('every edition shows them escaped, so nothing is hidden or reordered; the name is stored as given', async () => {
    const b = chainBundle('PBD', cottonTiers());
    b.firms[2].name = 'Golden \u202eThread\u202c Spinning Co';
    b.facilities[3].name = 'Nantong \u2067mill\u2069 no.\u200b2';
    b.firms[3].aliases = ['Alias\u2066x\u2069'];
    await load(b);
    const p = await packet('PBD-S1');
    const pdfText = () => {
      if (spawnSync('pdftotext', ['-v']).status !== 0) throw new Error('pdftotext (poppler-utils) is needed to check the PDF text');
      return (body: Buffer) => {
        const file = join(mkdtempSync(join(tmpdir(), 'packet-bidi-')), 'p.pdf');
        writeFileSync(file, body);
        return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\f/g, '\n'); // its page breaks
      };
    };
    const md = (await get('/packets/PBD-S1.md')).body.toString('utf8');
    const html = (await get('/packets/PBD-S1.html')).body.toString('utf8');
    const pdf = pdfText()((await get('/packets/PBD-S1.pdf')).body);
    for (const [edition, text] of [
      ['markdown', p.markdown],
      ['md download', md],
      ['html', html],
      ['pdf', pdf],
    ] as const) {
      expect([edition, RAW_IN_PACKET.exec(text)?.[0]]).toEqual([edition, undefined]);
    }
    for (const text of [p.markdown, html]) {
      expect(text).toContain('Golden ⟨U+202E⟩Thread⟨U+202C⟩ Spinning Co');
      expect(text).toContain('Nantong ⟨U+2067⟩mill⟨U+2069⟩ no.⟨U+200B⟩2');
    }
    expect(pdf).toMatch(/Golden [<⟨‹]U\+202E[>⟩›]Thread/);
    expect(p.markdown).toContain('DISGUISED_NAME');
    const firm = await h.gql('{ firm(id: "PBD-F2") { name } }');
    expect(firm.data.firm.name).toBe('Golden \u202eThread\u202c Spinning Co');
  });
});

describe("the demo's packets, looked at (real Neo4j)", () => {
  const ARTIFACTS = join(__dirname, '..', 'artifacts', 'packets');
  const demo = JSON.parse(readFileSync(DEMO_BUNDLE, 'utf8')) as Bundle;
  beforeAll(async () => {
    await load(demo);
  });
  if (spawnSync('pdftoppm', ['-v']).status !== 0) throw new Error('pdftoppm (poppler-utils) is needed to look at the PDF');

  const strip = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
  /** "status on D" and every days-left of the detention clock, as an edition states them */
  const dates = (text: string) => ({
    statusOn: [...new Set([...text.matchAll(/status on (\d{4}-\d{2}-\d{2})/g)].map((m) => m[1]))],
    daysLeft: [...text.matchAll(/(\d{4}-\d{2}-\d{2})[\s|*]*(-?\d+)[\s|*]*(PAST|NEAR|open)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`),
  });

  // flagged (a listed entity and XUAR sites), clear, incomplete
  it.each(['S-3', 'S-1', 'S-6'])(
    '%s: every name in its script, editions that agree, contents near the front, the whole chain charted',
    async (id) => {
      const p = await packet(id);
      const zipRes = await get(new URL(p.downloads.zip).pathname + new URL(p.downloads.zip).search);
      expect(zipRes.status).toBe(200);
      const zip = await JSZip.loadAsync(zipRes.body);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
      const md = await zip.file('packet.md')!.async('string');
      const html = await zip.file('packet.html')!.async('string');
      const pdf = await zip.file('packet.pdf')!.async('nodebuffer');
      expect(md).toBe(p.markdown);

      const dir = mkdtempSync(join(tmpdir(), 'packet-demo-'));
      writeFileSync(join(dir, 'p.pdf'), pdf);
      const raw = execFileSync('pdftotext', ['-raw', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
      const layout = execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
      const pages = raw.split('\f').slice(0, -1).map(strip);
      mkdirSync(ARTIFACTS, { recursive: true });
      for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`demo-${id}-`)) rmSync(join(ARTIFACTS, f));
      execFileSync('pdftoppm', ['-r', '50', '-png', join(dir, 'p.pdf'), join(ARTIFACTS, `demo-${id}`)]);
      expect(readdirSync(ARTIFACTS).filter((f) => f.startsWith(`demo-${id}-`))).toHaveLength(pages.length);

      // every name prints in its own script: the local names of the parties on the chain
      const all = pages.join(' ');
      expect(all).not.toContain('[?]');
      expect(all).not.toContain('<U+');
      const firmIds = new Set(demo.facilities.filter((f) => p.markdown.includes(f.name)).map((f) => f.firm));
      const local = demo.firms.filter((f) => firmIds.has(f.id) && f.localName).map((f) => f.localName!);
      expect(local.length).toBeGreaterThan(0);
      // compared without spaces: pdftotext reads a gap into some Vietnamese letter pairs (ươ) that print joined
      const squeezed = all.replace(/\s+/g, '');
      for (const name of local) if (!/[\u0980-\u09ff\u0600-\u06ff]/u.test(name)) expect(squeezed).toContain(name.replace(/\s+/g, ''));
      if (id === 'S-3') expect(all).toContain('合盛硅业(鄯善)有限公司'); // the listed entity's own name

      // one as-of and one status date in every edition, the same days left
      const want = dates(md);
      const detained = demo.shipments.find((s) => s.id === id)!.detention;
      expect(want.statusOn).toEqual(detained ? [p.statusOn] : []);
      if (detained) expect(want.daysLeft.length).toBeGreaterThan(0);
      expect(manifest).toMatchObject({ statusOn: p.statusOn, asOf: md.match(/Assessed as of \| (\d{4}-\d{2}-\d{2})/)![1] });
      expect(dates(html.replace(/<[^>]+>/g, ' | '))).toEqual(want);
      expect(dates(layout.replace(/ {2,}/g, ' | '))).toEqual(want);

      // cover, then the contents with page numbers on page 2; the summary on page 3
      expect(pages[0]).toContain('1. Cover');
      expect(layout.split('\f')[1]).toMatch(/3\. Executive summary[ .]+3\n/);
      expect(pages[2]).toContain('3. Executive summary');
      if (p.verdict === 'FLAGGED') expect(pages[2]).toContain('Flagged paths');
      expect(pages[2] + pages[3]).toContain('Missing documents');

      // the chart: one page, every facility's name whole
      const chartPage = pages.findIndex((t, i) => i > 1 && t.includes('4. Supply chain flow chart'));
      const chart = pages[chartPage];
      const facilities = demo.facilities.filter((f) => p.markdown.includes(`| ${f.name}`) || p.markdown.includes(`${f.name} (`));
      for (const f of facilities) expect(chart).toContain(f.name);
      expect(chart).not.toContain('continued');
      expect(all).not.toContain('…');
    },
  );
});
