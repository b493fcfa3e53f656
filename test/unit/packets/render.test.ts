// The HTML, PDF and ZIP editions rendered from fixture data, and looked at: the PDF's text
// (pdftotext) and its pages as images (pdftoppm, saved under test/artifacts/packets/).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { assemblePacket, blocksOf } from '../../../src/packets/packet';
import { RAW_IN_PACKET } from '../../fixtures/arbitraries';
import { renderPacketHtml, renderPacketPdf, renderPacketZip, downloadUrls, safeFileName } from '../../../src/packets/render';
import { sha256 } from '../../../src/packets/zip';
import { ExhibitStore, NO_SUCH_EXHIBIT } from '../../../src/exhibits';
import { chartModel, edgeGeometry, layoutChart, MAX_COLUMNS, renderSvg } from '../../../src/packets/svg';
import { buildLookup } from '../../../src/packets/lookup';
import { loadFonts, textWidth } from '../../../src/packets/fonts';
import { parseCliArgs } from '../../../src/cli/packetArgs';
import type { ChartModel } from '../../../src/packets/chartLayout';
import { cottonPacketData, flagGin } from '../../fixtures/packet-data';
import type { PacketData } from '../../../src/packets/types';
import type { RiskFlag } from '../../../src/trace/engine';

jest.setTimeout(60_000); // the first PDF parses the fonts' layout tables

const DATES = { statusOn: '2024-06-20' };
const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'packets');

/** Names in every script the packets must print: Simplified and Traditional Chinese, Vietnamese, Cyrillic, Uyghur, Bengali, Korean. */
const SCRIPTS = {
  simplified: '合盛硅业(鄯善)有限公司',
  traditional: '藍河紡織股份有限公司',
  vietnamese: 'Công ty TNHH Năng lượng Mặt trời Bắc Giang',
  cyrillic: 'ООО «Сибирский Хлопок»',
  uyghur: 'شىنجاڭ پاختا شىركىتى',
  bengali: 'এভারগ্রিন গার্মেন্টস',
  korean: '신장 면화 무역',
};

function multiScript(d: PacketData): PacketData {
  const firm = (id: string) => d.firms.find((f) => f.id === id)!;
  firm('F3').localName = SCRIPTS.simplified;
  firm('F2').localName = SCRIPTS.traditional;
  firm('F2').aliases = [SCRIPTS.cyrillic];
  firm('F4').localName = SCRIPTS.uyghur;
  firm('F1').localName = SCRIPTS.bengali;
  firm('F1').aliases = [SCRIPTS.korean];
  firm('F-imp').localName = SCRIPTS.vietnamese;
  return d;
}

function need(tool: string) {
  // poppler-utils is part of the test setup (scripts/run.mjs test installs it): missing, this fails
  if (spawnSync(tool, ['-v']).status !== 0)
    throw new Error(`${tool} (poppler-utils) is needed to check the PDF; apt-get install poppler-utils`);
}
const strip = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');

/** The PDF's text page by page (drawing order, so a wrapped label reads on), and its pages as PNGs under test/artifacts/packets/. */
function lookAt(pdf: Buffer, name: string): { pages: string[]; layout: string[]; images: string[]; info: string } {
  need('pdftotext');
  need('pdftoppm');
  const dir = mkdtempSync(join(tmpdir(), 'packet-pdf-'));
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`${name}-`)) rmSync(join(ARTIFACTS, f));
  execFileSync('pdftoppm', ['-r', '50', '-png', file, join(ARTIFACTS, name)]);
  const images = readdirSync(ARTIFACTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(ARTIFACTS, f));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = (t: string) => t.split('\f').slice(0, -1).map(strip);
  return { pages: pages(text), layout: pages(layout), images, info };
}

describe('HTML edition', () => {
  it('is one page with the chart as inline SVG, names escaped, and the fonts its scripts need', async () => {
    const d = multiScript(flagGin(cottonPacketData()));
    d.firms.find((f) => f.id === 'F2')!.name = 'Blue <River> & "Sons"';
    const html = await renderPacketHtml(assemblePacket(d, DATES));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg" class="flow-chart" viewBox=/);
    expect(html).toContain('Blue &lt;River&gt; &amp; &quot;Sons&quot;');
    expect(html).not.toContain('<River>');
    expect(html).toContain('<h2 id="4-supply-chain-flow-chart" class="new-page">');
    expect(html).toContain('<a href="#13-exhibit-index">Exhibit index</a>');
    for (const name of Object.values(SCRIPTS)) expect(html).toContain(name);
    // subsets of the bundled faces, inline: the page shows every script without the reader's fonts
    for (const face of ['latin', 'hans', 'arabic', 'bengali'])
      expect(html).toMatch(new RegExp(`@font-face \\{ font-family: 'packet-${face}'`));
    expect(html).not.toContain("'packet-thai'"); // no Thai text, no Thai font
    // the chart scales to its container and, printed, to the page
    expect(html).toMatch(/figure\.chart svg \{[^}]*width: 100%; height: auto/);
    expect(html).toMatch(/@media print \{[\s\S]*figure\.chart svg \{ max-height: 8in; \}/);
  });
});

describe('flow chart', () => {
  it('runs top down, upstream first, and wraps every label inside its box', () => {
    const layout = layoutChart(chartModel(buildLookup(multiScript(flagGin(cottonPacketData())))));
    const y = new Map(layout.nodes.map((n) => [n.id, n.y]));
    expect(layout.nodes).toHaveLength(5);
    for (const [up, down] of [
      ['FAC4', 'FAC3'],
      ['FAC3', 'FAC2'],
      ['FAC1', 'FAC-imp'],
    ])
      expect(y.get(up)!).toBeLessThan(y.get(down)!);
    expect(layout.lanes.map((l) => l.label)).toEqual(['Tier 4', 'Tier 3', 'Tier 2', 'Tier 1', 'Importer']);
    expect(layout.nodes.find((n) => n.id === 'FAC4')!.mark).toBe('FLAGGED');
    const fonts = loadFonts();
    for (const n of layout.nodes) {
      const text = n.lines.map((l) => l.text).join(' ');
      expect(text).not.toContain('…');
      for (const l of n.lines) {
        expect(textWidth(l.text, l.size, l.bold ? fonts.bold : fonts.regular)).toBeLessThanOrEqual(n.w - 12 + 0.01);
        expect(l.y).toBeLessThan(n.h);
      }
    }
    const gin = layout.nodes.find((n) => n.id === 'FAC4')!.lines.map((l) => l.text);
    expect(gin).toContain(SCRIPTS.uyghur);
    expect(gin.join(' ')).toContain('FLAGGED: XUAR_LOCATION');
    const svg = renderSvg(layout);
    expect(svg.match(/<rect x="\d[^"]*" y="[^"]*" width="\d+" height="\d+" rx="5"/g)).toHaveLength(5);
    expect(svg.match(/marker-end=/g)).toHaveLength(4);
  });

  it('dashes the boxes whose flags keep the verdict INCOMPLETE and names those kinds', () => {
    const d = cottonPacketData();
    const flag = (kind: RiskFlag['kind'], firmId: string, flowId: string, tier: number): RiskFlag => ({
      kind,
      firmId,
      facilityId: null,
      flowId,
      tier,
      path: [],
      evidence: [],
      reason: `${kind} at tier ${tier}`,
    });
    d.trace.flags = [flag('UNTRACED_INPUT', 'F4', 'FL4', 4), flag('POSSIBLE_LISTING', 'F2', 'FL2', 2)];
    d.trace.verdict = 'INCOMPLETE';
    const nodes = new Map(chartModel(buildLookup(d)).nodes.map((n) => [n.id, n]));
    expect(nodes.get('FAC4')).toMatchObject({ mark: 'UNTRACED', flagNote: 'UNTRACED INPUT' });
    expect(nodes.get('FAC2')).toMatchObject({ mark: 'UNTRACED', flagNote: 'INCOMPLETE: POSSIBLE_LISTING' });
    expect(nodes.get('FAC3')).toMatchObject({ mark: 'NONE', flagNote: '' });
  });

  it('wraps a tier wider than MAX_COLUMNS boxes into more rows and never overlaps boxes', () => {
    const nodes: ChartModel['nodes'] = [];
    const edges: ChartModel['edges'] = [];
    const node = (id: string, tier: number, facility: string) =>
      nodes.push({
        id,
        tier,
        group: id,
        mark: 'NONE',
        facility,
        firm: `${facility} Co., Ltd.`,
        localName: null,
        place: 'Aksu, Xinjiang, CN',
        ships: 'ships lint',
        flagNote: '',
      });
    node('imp', 0, 'Importer DC');
    node('mill', 1, 'Spinning mill');
    edges.push({ from: 'mill', to: 'imp', label: 'yarn', flagged: false });
    for (let i = 0; i < 8; i++) {
      node(`gin${i}`, 2, `Gin number ${i} with a name long enough to wrap over two lines of its box`);
      edges.push({ from: `gin${i}`, to: 'mill', label: 'lint', flagged: false });
    }
    const layout = layoutChart({ nodes, edges });
    const gins = layout.nodes.filter((n) => n.tier === 2);
    const rows = new Map<number, number>();
    for (const g of gins) rows.set(g.y, (rows.get(g.y) ?? 0) + 1);
    expect(rows.size).toBe(Math.ceil(8 / MAX_COLUMNS));
    expect(Math.max(...rows.values())).toBeLessThanOrEqual(MAX_COLUMNS);
    for (const a of layout.nodes)
      for (const b of layout.nodes)
        if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    for (const n of layout.nodes) expect(n.x + n.w).toBeLessThanOrEqual(layout.width);
    // rows of a wrapped tier are staggered: an arrow drops from a box through the gap of the row below
    const ys = [...rows.keys()].sort((p, q) => p - q);
    for (const g of gins.filter((n) => n.y === ys[0])) {
      const x = edgeGeometry(
        layout,
        edges.find((e) => e.from === g.id)!,
      )!.from[0];
      for (const below of gins.filter((n) => n.y === ys[1])) expect(x < below.x || x > below.x + below.w).toBe(true);
    }
  });
});

describe('names with direction-control and invisible characters in the chart', () => {
  // names are stored as given (they are evidence); every edition, the chart included, shows
  // such characters escaped, so a right-to-left override cannot reorder a label
  const hostile = () => {
    const d = flagGin(cottonPacketData());
    d.firms.find((f) => f.id === 'F2')!.name = 'Blue \u202eRiver\u202c Knits';
    d.facilities.find((f) => f.firmId === 'F3')!.name = 'Nantong \u2067mill\u2069 no.\u200b2';
    return assemblePacket(d, DATES);
  };

  it('wraps the escaped label, not the raw one, in the chart the HTML and PDF draw', async () => {
    const packet = hostile();
    const block = blocksOf(packet).find((b) => b.kind === 'chart');
    if (block?.kind !== 'chart') throw new Error('the packet has no chart');
    const layout = layoutChart(block.model);
    const boxes = layout.nodes.map((n) => n.lines.map((l) => l.text).join(' '));
    for (const box of boxes) expect(RAW_IN_PACKET.exec(box)?.[0]).toBeUndefined();
    // ⟨ ⟩ are set as their look-alikes ‹ › where no bundled face has them
    const shown = boxes.join(' | ').replace(/\s+/g, ' ');
    expect(shown).toMatch(/Blue [⟨‹]U\+202E[⟩›]River[⟨‹]U\+202C[⟩›] Knits/);
    expect(shown).toMatch(/Nantong [⟨‹]U\+2067[⟩›]mill[⟨‹]U\+2069[⟩›] no\.[⟨‹]U\+200B[⟩›]2/);
    const html = await renderPacketHtml(packet);
    const svg = /<svg [^>]*class="flow-chart"[\s\S]*?<\/svg>/.exec(html)![0];
    expect(RAW_IN_PACKET.exec(html)?.[0]).toBeUndefined();
    expect(svg).toMatch(/[⟨‹]U\+202E[⟩›]/);
    expect(svg).toMatch(/[⟨‹]U\+2067[⟩›]/);
  });

  it('prints them escaped on the PDF chart page', async () => {
    need('pdftotext');
    const pdf = await renderPacketPdf(hostile());
    const file = join(mkdtempSync(join(tmpdir(), 'packet-bidi-')), 'p.pdf');
    writeFileSync(file, pdf);
    const pages = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).split('\f');
    const all = pages.join(' ').replace(/\s+/g, ' ');
    expect(RAW_IN_PACKET.exec(all)?.[0]).toBeUndefined();
    // nowhere a name with its controls dropped or applied: the chart's boxes included
    expect(all).not.toMatch(/Blue River Knits|Nantong mill/);
    const chart = pages.find((p) => p.includes('4. Supply chain flow chart') && /Tier \d/.test(p))!.replace(/\s+/g, ' ');
    expect(chart).toMatch(/Blue [⟨‹]U\+202E[⟩›]River/);
    expect(chart).toMatch(/Nantong [⟨‹]U\+2067[⟩›]mill/);
  });
});

describe('PDF edition', () => {
  it('prints every script, has contents with page numbers, bookmarks and metadata, and a chart whose labels are whole', async () => {
    const d = multiScript(flagGin(cottonPacketData()));
    Object.assign(d.shipment, { detainedOn: '2024-06-14', noticeDate: '2024-06-18' });
    const packet = assemblePacket(d, { statusOn: '2024-07-16' });
    const pdf = await renderPacketPdf(packet);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
    const { pages, layout, images, info } = lookAt(pdf, 'fixture-flagged');
    const all = pages.join(' ');
    expect(all).toContain('ABC-1234567-8');
    for (const name of ['Evergreen Garments Ltd', 'Golden Thread Spinning Co', 'Lubbock Cotton Gin LLC', 'Acme Apparel Inc.'])
      expect(all).toContain(name);
    for (const [script, name] of Object.entries(SCRIPTS)) {
      // pdftotext gives Bengali vowel signs in visual order, and right-to-left words in visual order: probe a part of each
      const probe = script === 'bengali' ? 'এভার' : script === 'uyghur' ? 'پاختا' : name;
      expect({ script, found: all.includes(probe) }).toEqual({ script, found: true });
    }
    expect(all).not.toContain('[?]');
    expect(all).not.toContain('<U+');
    // cover first, contents with the page of every section right after it
    expect(pages[0]).toContain('1. Cover');
    expect(pages[1]).toContain('2. Table of contents');
    const sectionPage = (title: string) => pages.findIndex((p, i) => i > 1 && p.includes(title)) + 1;
    for (const [title, n] of [
      ['Executive summary', 3],
      ['Supply chain flow chart', 4],
      ['Exhibit index', 13],
    ] as const) {
      const page = sectionPage(`${n}. ${title}`);
      expect(page).toBeGreaterThan(2);
      expect(layout[1]).toMatch(new RegExp(`${n}\\. ${title}[ .]*${page}\\b`));
    }
    expect(sectionPage('3. Executive summary')).toBe(3);
    // one status date, as the Markdown states it
    expect(packet.markdown).toContain('### Detention clock (status on 2024-07-16)');
    expect(pages[0]).toContain('Detention clock (status on 2024-07-16)');
    // the chart: every box's facility name whole (wrapped, never cut)
    const chartPage = pages[sectionPage('4. Supply chain flow chart') - 1];
    for (const f of d.facilities) expect(chartPage).toContain(f.name);
    expect(all).not.toContain('…');
    // metadata and bookmarks
    expect(info).toMatch(/Title: +UFLPA exception request packet: entry ABC-1234567-8/);
    expect(info).toMatch(/Subject: +Exception request for U.S. entry ABC-1234567-8/);
    expect(info).toMatch(/Keywords: +UFLPA; entry ABC-1234567-8/);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/PageMode /UseOutlines');
    expect(raw).toContain('/Title (3. Executive summary)');
    // fonts embedded as subsets: small enough to mail
    expect(raw.match(/\/BaseFont \/[A-Z]{6}\+/g)!.length).toBeGreaterThanOrEqual(4);
    expect(pdf.length).toBeLessThan(400_000);
    expect(images.length).toBe(pages.length);
    for (const img of images) expect(statSync(img).size).toBeGreaterThan(2_000);
  });
});

describe('ZIP edition', () => {
  const store = new ExhibitStore(mkdtempSync(join(tmpdir(), 'packet-exhibits-')), { maxBytes: 1 << 20, tenantMaxBytes: 1 << 30 });
  const root = store.tenantRoot('acme');
  mkdirSync(join(root, 'docs'), { recursive: true });
  const outside = mkdtempSync(join(tmpdir(), 'packet-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'not an exhibit');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'docs', 'link.pdf'));
  // another tenant's file, and names for it that a bundle could try
  const globex = store.tenantRoot('globex');
  mkdirSync(join(globex, 'docs'), { recursive: true });
  writeFileSync(join(globex, 'docs', 'contract.txt'), 'globex only');

  it('holds the packet, the exhibit files and a manifest whose sums match', async () => {
    const d = cottonPacketData();
    for (const doc of d.documents.filter((x) => x.id.startsWith('D1-'))) writeFileSync(join(root, doc.file!), `content of ${doc.id}`);
    d.documents.find((x) => x.id === 'D1-inv')!.sha256 = sha256('content of D1-inv');
    d.documents.find((x) => x.id === 'D1-po')!.sha256 = 'f'.repeat(64);
    d.documents.find((x) => x.id === 'D2-po')!.file = '../../etc/passwd';
    d.documents.find((x) => x.id === 'D2-inv')!.file = 'docs/link.pdf';
    d.documents.find((x) => x.id === 'D2-bl')!.file = null;
    d.documents.find((x) => x.id === 'D2-pay')!.file = `../${globex.split('/').pop()}/docs/contract.txt`;
    d.documents.find((x) => x.id === 'D2-prod')!.file = 'docs/contract.txt'; // globex has one, acme has not
    const packet = assemblePacket(d, DATES);
    const buf = await renderPacketZip(packet, 'acme', { exhibits: store, now: new Date('2024-06-20T10:00:00Z') });
    const zip = await JSZip.loadAsync(buf);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({
      shipmentId: 'S1',
      entryNumber: 'ABC-1234567-8',
      generatedAt: '2024-06-20T10:00:00.000Z',
      statusOn: '2024-06-20',
      fingerprint: packet.fingerprint,
    });
    const paths = manifest.files.map((f: { path: string }) => f.path);
    expect(paths.slice(0, 3)).toEqual(['packet.md', 'packet.html', 'packet.pdf']);
    expect(paths).toContain('exhibits/docs/D1-inv.pdf');
    for (const f of manifest.files) {
      const data = await zip.file(f.path)!.async('nodebuffer');
      expect(sha256(data)).toBe(f.sha256);
      expect(data.length).toBe(f.bytes);
    }
    expect(Object.keys(zip.files).sort()).toEqual([...paths, 'manifest.json'].sort());
    expect(await zip.file('packet.md')!.async('string')).toBe(packet.markdown);
    const inv = manifest.files.find((f: { path: string }) => f.path === 'exhibits/docs/D1-inv.pdf');
    expect(inv).toMatchObject({ documentIds: ['D1-inv'], exhibits: ['E2'], declaredMatches: true });
    expect(manifest.files.find((f: { path: string }) => f.path === 'exhibits/docs/D1-po.pdf').declaredMatches).toBe(false);
    const missing = new Map(manifest.missingExhibits.map((m: { documentId: string; reason: string }) => [m.documentId, m.reason]));
    expect(missing.get('D2-po')).toMatch(/"\.\." part/);
    expect(missing.get('D2-pay')).toMatch(/"\.\." part/);
    expect(missing.get('D2-inv')).toBe(NO_SUCH_EXHIBIT); // a link out reads as no file at all
    expect(missing.get('D2-prod')).toBe(NO_SUCH_EXHIBIT); // another tenant's file: the same
    expect(missing.get('D2-bl')).toMatch(/names no file/);
    expect(missing.get('D3-inv')).toBe(NO_SUCH_EXHIBIT);
    expect(paths.some((p: string) => /passwd|link|contract/.test(p))).toBe(false);
  });

  it('refuses absolute paths', async () => {
    expect(await store.find('acme', '/etc/passwd')).toEqual({ reason: expect.stringMatching(/absolute/) });
  });
});

describe('download URLs and CLI arguments', () => {
  it('builds stable URLs', () => {
    expect(downloadUrls('http://h:4000/', 'S 1/2', '2024-06-10', '2024-07-01')).toEqual({
      markdown: 'http://h:4000/packets/S%201%2F2.md?asOf=2024-06-10&statusOn=2024-07-01',
      html: 'http://h:4000/packets/S%201%2F2.html?asOf=2024-06-10&statusOn=2024-07-01',
      pdf: 'http://h:4000/packets/S%201%2F2.pdf?asOf=2024-06-10&statusOn=2024-07-01',
      zip: 'http://h:4000/packets/S%201%2F2.zip?asOf=2024-06-10&statusOn=2024-07-01',
    });
    expect(downloadUrls('http://h', 'S1').pdf).toBe('http://h/packets/S1.pdf');
    expect(downloadUrls('http://h', 'S1', null, '2024-07-01').pdf).toBe('http://h/packets/S1.pdf?statusOn=2024-07-01');
    expect(safeFileName('../a b')).toBe('.._a_b');
  });

  it('parses the CLI', () => {
    expect(
      parseCliArgs(
        ['S1', '--format', 'zip', '--out', 'x.zip', '--tenant', 'acme', '--asOf', '2024-06-10', '--status-on', '2024-07-01'],
        {},
      ),
    ).toEqual({
      shipmentId: 'S1',
      format: 'zip',
      out: 'x.zip',
      tenant: 'acme',
      asOf: '2024-06-10',
      statusOn: '2024-07-01',
      exhibitRoot: null,
    });
    expect(parseCliArgs(['S1'], { TENANT: 't2' })).toMatchObject({ format: 'pdf', tenant: 't2', out: null });
    expect(() => parseCliArgs(['S1', '--format', 'docx'], {})).toThrow(/--format must be one of/);
    expect(() => parseCliArgs([], {})).toThrow(/exactly one shipment/);
  });
});
