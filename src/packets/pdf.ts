// Blocks to PDF with pdfkit: text, tables, and the flow chart drawn as vectors from the
// same layout as the SVG. The standard PDF fonts cover Latin-1 only; set PACKET_PDF_FONT
// (and PACKET_PDF_BOLD_FONT) to a TTF/OTF that covers Chinese or Uyghur script to
// print local names, otherwise such text shows as [?] and the PDF says so.
import PDFDocument from 'pdfkit';
import { existsSync } from 'node:fs';
import { clip, COLORS, edgeGeometry, NODE_W } from './svg';
import type { ChartLayout } from './chartLayout';
import type { Block, Seg, Text } from './types';

type Doc = PDFKit.PDFDocument;

export interface PdfOptions {
  title: string;
  /** running footer text, e.g. the entry number */
  footer: string;
  fontPath?: string | null;
  boldFontPath?: string | null;
}

const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const UNSUPPORTED = new RegExp(`[^\\x20-\\x7e\\xa0-\\xff${WIN_ANSI_EXTRA}]+`, 'gu');
const UNSUPPORTED_ONE = new RegExp(`[^\\x20-\\x7e\\xa0-\\xff${WIN_ANSI_EXTRA}]`, 'u');

/** Text the standard fonts can encode; runs of anything else become [?]. */
export function toWinAnsi(s: string): string {
  // the escapes of invisible characters (⟨U+202E⟩, see display.ts) keep their meaning in ASCII brackets
  return s.replace(/⟨(U\+[0-9A-F]{4,6})⟩/g, '<$1>').replace(UNSUPPORTED, (m) => (m.trim() ? '[?]' : ' '));
}

interface Fonts {
  body: string;
  bold: string;
  mono: string;
  clean: (s: string) => string;
}

function setupFonts(doc: Doc, opts: PdfOptions): Fonts {
  if (opts.fontPath && existsSync(opts.fontPath)) {
    doc.registerFont('packet-body', opts.fontPath);
    doc.registerFont('packet-bold', opts.boldFontPath && existsSync(opts.boldFontPath) ? opts.boldFontPath : opts.fontPath);
    return { body: 'packet-body', bold: 'packet-bold', mono: 'packet-body', clean: (s) => s.replace(/[\r\n\t]+/g, ' ') };
  }
  return { body: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier', clean: (s) => toWinAnsi(s.replace(/[\r\n\t]+/g, ' ')) };
}

const plain = (t: Text): string =>
  typeof t === 'string' ? t : t.map((s) => (typeof s === 'string' ? s : 'b' in s ? s.b : 'code' in s ? s.code : s.a)).join('');
const hasBold = (t: Text): boolean => typeof t !== 'string' && t.some((s) => typeof s !== 'string' && 'b' in s);

const SIZE = { body: 9.5, h1: 17, h2: 13.5, h3: 11, table: 8, tableWide: 7 };

function ensureSpace(doc: Doc, needed: number) {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function writeText(doc: Doc, f: Fonts, t: Text, x: number, width: number, size = SIZE.body, y?: number) {
  const segs: Seg[] = typeof t === 'string' ? [t] : t;
  if (!segs.length) return;
  segs.forEach((s, i) => {
    const continued = i < segs.length - 1;
    const str = f.clean(typeof s === 'string' ? s : 'b' in s ? s.b : 'code' in s ? s.code : s.a);
    const font = typeof s === 'string' ? f.body : 'b' in s ? f.bold : 'code' in s ? f.mono : f.body;
    doc
      .font(font)
      .fontSize(size)
      .fillColor(typeof s !== 'string' && 'a' in s ? '#1a5276' : '#1b2631');
    const options: PDFKit.Mixins.TextOptions = { continued, width, lineGap: 1.5 };
    if (typeof s !== 'string' && 'a' in s && s.href.startsWith('#')) options.goTo = s.href.slice(1);
    if (i === 0) doc.text(str, x, y ?? doc.y, options);
    else doc.text(str, options);
  });
  doc.fillColor('#1b2631');
}

function columnWidths(b: Extract<Block, { kind: 'table' }>, total: number): number[] {
  const n = b.head.length;
  const weight = b.head.map((h, c) => {
    const lens = b.rows.map((r) => Math.min(80, plain(r[c] ?? '').length));
    const avg = lens.length ? lens.reduce((a, x) => a + x, 0) / lens.length : 0;
    return Math.max(5, Math.min(...[14, h.length]), Math.sqrt(Math.max(avg, h.length)) * 4);
  });
  const sum = weight.reduce((a, x) => a + x, 0);
  const min = Math.min(42, total / n);
  const raw = weight.map((w) => Math.max(min, (w / sum) * total));
  const scale = total / raw.reduce((a, x) => a + x, 0);
  return raw.map((w) => w * scale);
}

function drawTable(doc: Doc, f: Fonts, b: Extract<Block, { kind: 'table' }>) {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const size = b.head.length >= 6 ? SIZE.tableWide : SIZE.table;
  ensureSpace(doc, 40);
  const widths = columnWidths(b, width);
  const cell = (t: Text, header: boolean): PDFKit.Mixins.CellOptions => ({
    text: f.clean(plain(t)),
    font: { src: header || hasBold(t) ? f.bold : f.body, size },
    padding: [3, 4, 3, 4],
    border: 0.5,
    borderColor: '#aab7b8',
    ...(header ? { backgroundColor: '#eaeded' } : {}),
  });
  doc.font(f.body).fontSize(size);
  doc.table({
    position: { x: left, y: doc.y },
    columnStyles: widths,
    data: [b.head.map((h) => cell(h, true)), ...b.rows.map((r) => b.head.map((_, c) => cell(r[c] ?? '', false)))],
  });
  doc.x = left;
  doc.moveDown(0.6);
}

/** Whichever orientation prints larger on a portrait page, and its scale. */
function chartFit(doc: Doc, layouts: ChartLayout[]): { layout: ChartLayout; scale: number } {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const pageH = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - 10;
  const fit = (l: ChartLayout) => Math.min(1, width / l.width, pageH / l.height);
  const layout = layouts.reduce((best, l) => (fit(l) > fit(best) + 0.01 ? l : best));
  return { layout, scale: fit(layout) };
}

function drawChart(doc: Doc, f: Fonts, layouts: ChartLayout[]) {
  const left = doc.page.margins.left;
  const { layout, scale } = chartFit(doc, layouts);
  ensureSpace(doc, layout.height * scale + 8);
  const x0 = left;
  const y0 = doc.y;
  const X = (x: number) => x0 + x * scale;
  const Y = (y: number) => y0 + y * scale;
  const text = (
    s: string,
    x: number,
    y: number,
    size: number,
    font: string,
    color: string,
    w: number,
    align: 'left' | 'center' = 'left',
  ) => {
    doc
      .font(font)
      .fontSize(size * scale)
      .fillColor(color)
      .text(f.clean(s), X(x), Y(y) - size * scale * 0.8, { width: w * scale, lineBreak: false, align });
  };
  for (const c of layout.lanes) {
    const label = c.tier === 0 ? 'Importer' : `Tier ${c.tier}`;
    if (c.anchor === 'middle') text(label, c.x - NODE_W / 2, c.y, 11, f.body, COLORS.muted, NODE_W, 'center');
    else text(label, c.x, c.y, 11, f.body, COLORS.muted, 60);
  }
  for (const e of layout.edges) {
    const g = edgeGeometry(layout, e);
    if (!g) continue;
    const color = e.flagged ? COLORS.edgeFlagged : COLORS.edge;
    doc
      .save()
      .lineWidth((e.flagged ? 2 : 1.2) * scale)
      .strokeColor(color)
      .moveTo(X(g.start[0]), Y(g.start[1]))
      .bezierCurveTo(X(g.c1[0]), Y(g.c1[1]), X(g.c2[0]), Y(g.c2[1]), X(g.end[0]), Y(g.end[1]))
      .stroke()
      .restore();
    const ang = Math.atan2(g.end[1] - g.c2[1], g.end[0] - g.c2[0]);
    const a = 7 * scale;
    const ex = X(g.end[0]);
    const ey = Y(g.end[1]);
    doc
      .save()
      .fillColor(color)
      .polygon(
        [ex, ey],
        [ex - a * Math.cos(ang - 0.4), ey - a * Math.sin(ang - 0.4)],
        [ex - a * Math.cos(ang + 0.4), ey - a * Math.sin(ang + 0.4)],
      )
      .fill()
      .restore();
    if (g.labelAnchor === 'middle') text(clip(e.label, 22), g.labelAt[0] - 60, g.labelAt[1], 9, f.body, color, 120, 'center');
    else text(clip(e.label, 26), g.labelAt[0], g.labelAt[1], 9, f.body, color, 140);
  }
  for (const n of layout.nodes) {
    const c = COLORS[n.mark];
    doc.save().lineWidth((n.mark === 'NONE' ? 1 : 2) * scale);
    if (n.mark === 'UNTRACED') doc.dash(5 * scale, { space: 3 * scale });
    doc
      .roundedRect(X(n.x), Y(n.y), n.w * scale, n.h * scale, 6 * scale)
      .fillAndStroke(c.fill, c.stroke)
      .restore();
    text(clip(n.lines[0], 30), n.x + 8, n.y + 17, 10.5, f.bold, COLORS.text, n.w - 12);
    text(clip(n.lines[1], 32), n.x + 8, n.y + 33, 9.5, f.body, COLORS.text, n.w - 12);
    text(`${clip(n.lines[2], 32)}${n.mark === 'NONE' ? '' : ` | ${n.mark}`}`, n.x + 8, n.y + 49, 9.5, f.body, COLORS.muted, n.w - 12);
  }
  doc.fillColor('#1b2631');
  doc.x = left;
  doc.y = y0 + layout.height * scale + 10;
}

function sectionChart(blocks: Block[], at: number): Extract<Block, { kind: 'chart' }> | null {
  for (let j = at + 1; j < blocks.length; j++) {
    const b = blocks[j];
    if (b.kind === 'chart') return b;
    if (b.kind === 'h' && b.level <= 2) return null;
  }
  return null;
}

export function renderPdf(blocks: Block[], opts: PdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 54, bottom: 54, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: opts.title, Author: 'uflpa-trace', Subject: 'UFLPA supply chain tracing packet' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const f = setupFonts(doc, opts);
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const customFont = !!opts.fontPath && existsSync(opts.fontPath);
  const lossy = !customFont && blocks.some((b) => UNSUPPORTED_ONE.test(JSON.stringify(b)));

  blocks.forEach((b, i) => {
    switch (b.kind) {
      case 'h': {
        const size = b.level === 1 ? SIZE.h1 : b.level === 2 ? SIZE.h2 : SIZE.h3;
        const chart = b.level === 2 ? sectionChart(blocks, i) : null;
        // keep a chart's heading and caption on the chart's page
        const fit = chart ? chartFit(doc, [chart.layout, chart.portrait]) : null;
        if (fit) ensureSpace(doc, 110 + fit.layout.height * fit.scale);
        else ensureSpace(doc, b.level === 2 ? 90 : 40);
        doc.moveDown(b.level === 1 ? 0 : 0.5);
        if (b.id) doc.addNamedDestination(b.id);
        doc.font(f.bold).fontSize(size).fillColor('#1b2631').text(f.clean(b.text), left, doc.y, { width });
        if (b.level <= 2) {
          const y = doc.y + 2;
          doc
            .save()
            .lineWidth(b.level === 1 ? 1.5 : 0.6)
            .strokeColor('#566573')
            .moveTo(left, y)
            .lineTo(left + width, y)
            .stroke()
            .restore();
          doc.y = y + 4;
        }
        if (b.level === 1 && lossy) {
          writeText(
            doc,
            f,
            'Text in scripts the PDF font does not cover (e.g. Chinese local names) is shown as [?]; the Markdown and HTML editions carry it in full.',
            left,
            width,
            8,
          );
          doc.moveDown(0.4);
        }
        doc.moveDown(0.3);
        break;
      }
      case 'p':
        ensureSpace(doc, 24);
        writeText(doc, f, b.text, left, width);
        doc.moveDown(0.5);
        break;
      case 'ul':
      case 'ol':
        b.items.forEach((item, i) => {
          ensureSpace(doc, 24);
          const y = doc.y;
          const prefix = b.kind === 'ol' ? `${i + 1}.` : '•';
          doc.font(f.body).fontSize(SIZE.body).text(prefix, left, y, { width: 18 });
          writeText(doc, f, item, left + 18, width - 18, SIZE.body, y);
          doc.moveDown(0.25);
        });
        doc.moveDown(0.3);
        break;
      case 'table':
        drawTable(doc, f, b);
        break;
      case 'chart':
        drawChart(doc, f, [b.layout, b.portrait]);
        break;
    }
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not open a new page
    doc
      .font(f.body)
      .fontSize(7.5)
      .fillColor('#5d6d7e')
      .text(f.clean(`${opts.footer} | page ${i + 1 - range.start} of ${range.count}`), left, doc.page.height - 34, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
