import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { assemblePacket } from '../../../src/packets/packet';
import { renderPacketHtml, renderPacketPdf, renderPacketZip, downloadUrls, safeFileName } from '../../../src/packets/render';
import { sha256 } from '../../../src/packets/zip';
import { ExhibitStore, NO_SUCH_EXHIBIT } from '../../../src/exhibits';
import { chartModel, layoutChart, renderSvg } from '../../../src/packets/svg';
import { buildLookup } from '../../../src/packets/lookup';
import { toWinAnsi } from '../../../src/packets/pdf';
import { parseCliArgs } from '../../../src/cli/packetArgs';
import { cottonPacketData, flagGin } from '../../fixtures/packet-data';

describe('HTML edition', () => {
  it('is one page with the chart as inline SVG and names escaped', () => {
    const d = flagGin(cottonPacketData());
    d.firms.find((f) => f.id === 'F2')!.name = 'Blue <River> & "Sons"';
    const html = renderPacketHtml(assemblePacket(d), { today: '2024-06-20' });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('Blue &lt;River&gt; &amp; &quot;Sons&quot;');
    expect(html).not.toContain('<River>');
    expect(html).toContain('<h2 id="4-supply-chain-flow-chart">');
    expect(html).toContain('<a href="#12-exhibits">Exhibits</a>');
  });
});

describe('flow chart', () => {
  it('lays out one box per facility, tier columns from raw material to importer', () => {
    const layout = layoutChart(chartModel(buildLookup(flagGin(cottonPacketData()))), 'LR');
    const x = new Map(layout.nodes.map((n) => [n.id, n.x]));
    expect(layout.nodes).toHaveLength(5);
    expect(x.get('FAC4')!).toBeLessThan(x.get('FAC3')!);
    expect(x.get('FAC1')!).toBeLessThan(x.get('FAC-imp')!);
    expect(layout.nodes.find((n) => n.id === 'FAC4')!.mark).toBe('FLAGGED');
    expect(layout.edges.every((e) => e.flagged)).toBe(true);
    const tb = layoutChart(chartModel(buildLookup(cottonPacketData())), 'TB');
    expect(tb.nodes.find((n) => n.id === 'FAC4')!.y).toBeLessThan(tb.nodes.find((n) => n.id === 'FAC-imp')!.y);
    const svg = renderSvg(layout);
    expect(svg.match(/<rect /g)).toHaveLength(5);
    expect(svg.match(/marker-end=/g)).toHaveLength(4);
  });
});

describe('PDF edition', () => {
  it('is a valid PDF whose text holds the entry number and the parties', async () => {
    const d = cottonPacketData();
    d.firms.find((f) => f.id === 'F3')!.localName = '金线纺织有限公司';
    const pdf = await renderPacketPdf(assemblePacket(d), { today: '2024-06-20', pdfFont: null });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
    // poppler-utils is part of the test setup (scripts/run.mjs test installs it): missing, this fails
    if (spawnSync('pdftotext', ['-v']).status !== 0)
      throw new Error('pdftotext (poppler-utils) is needed to check the PDF text; apt-get install poppler-utils');
    const dir = mkdtempSync(join(tmpdir(), 'packet-pdf-'));
    writeFileSync(join(dir, 'p.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('ABC-1234567-8');
    for (const name of ['Evergreen Garments Ltd', 'Golden Thread Spinning Co', 'Lubbock Cotton Gin LLC', 'Acme Apparel Inc.'])
      expect(text).toContain(name);
    expect(text).toContain('[?]'); // the local name, beyond the standard font
  });

  it('keeps Latin-1 and marks what the standard fonts cannot print', () => {
    expect(toWinAnsi('Café “Ürümqi” — 新疆 Co')).toBe('Café “Ürümqi” — [?] Co');
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
    const packet = assemblePacket(d);
    const buf = await renderPacketZip(packet, 'acme', {
      exhibits: store,
      today: '2024-06-20',
      now: new Date('2024-06-20T10:00:00Z'),
      pdfFont: null,
    });
    const zip = await JSZip.loadAsync(buf);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({
      shipmentId: 'S1',
      entryNumber: 'ABC-1234567-8',
      generatedAt: '2024-06-20T10:00:00.000Z',
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
    expect(downloadUrls('http://h:4000/', 'S 1/2', '2024-06-10')).toEqual({
      markdown: 'http://h:4000/packets/S%201%2F2.md?asOf=2024-06-10',
      html: 'http://h:4000/packets/S%201%2F2.html?asOf=2024-06-10',
      pdf: 'http://h:4000/packets/S%201%2F2.pdf?asOf=2024-06-10',
      zip: 'http://h:4000/packets/S%201%2F2.zip?asOf=2024-06-10',
    });
    expect(downloadUrls('http://h', 'S1').pdf).toBe('http://h/packets/S1.pdf');
    expect(safeFileName('../a b')).toBe('.._a_b');
  });

  it('parses the CLI', () => {
    expect(parseCliArgs(['S1', '--format', 'zip', '--out', 'x.zip', '--tenant', 'acme', '--asOf', '2024-06-10'], {})).toEqual({
      shipmentId: 'S1',
      format: 'zip',
      out: 'x.zip',
      tenant: 'acme',
      asOf: '2024-06-10',
      exhibitRoot: null,
    });
    expect(parseCliArgs(['S1'], { TENANT: 't2' })).toMatchObject({ format: 'pdf', tenant: 't2', out: null });
    expect(() => parseCliArgs(['S1', '--format', 'docx'], {})).toThrow(/--format must be one of/);
    expect(() => parseCliArgs([], {})).toThrow(/exactly one shipment/);
  });
});
