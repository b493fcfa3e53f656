// Blocks to PDF with pdfkit: a cover page, a table of contents with page numbers and
// bookmarks, paragraphs, lists and tables that break across pages (headers repeated, no
// heading or header left alone at a page foot), and the flow chart drawn as vectors from the
// layout the SVG uses, scaled to the page width and cut between tiers where it is taller
// than a page. Every string is set through one place (`show` and `drawLine`): cut into runs by
// the fonts that have its characters (fonts.ts) and laid out by textLayout.ts, so Chinese,
// Vietnamese, Cyrillic, Arabic-script, Thai and Bengali names print as themselves; the PDF
// embeds only the glyphs it uses.
import PDFDocument from 'pdfkit';
import { loadFonts, Face, FontSet } from './fonts';
import { BOX_PAD, COLORS, edgeGeometry, layoutChart, TONE } from './svg';
import { breakLines, Line, Span, Style } from './textLayout';
import type { ChartLayout, ChartNode } from './chartLayout';
import type { Block, Text } from './types';

type Doc = PDFKit.PDFDocument;

export interface PdfOptions {
  title: string;
  /** the document's Subject: kind, entry number, verdict */
  subject: string;
  keywords: string;
  /** running footer text, e.g. the entry number */
  footer: string;
  /** a font the text falls back to for scripts the bundled ones lack */
  extraFont?: string | null;
}

const INK = '#1b2631';
const LINK = '#1a5276';
const RULE = '#566573';
const GRID = '#aab7b8';
const SIZE = { body: 9.5, h1: 18, h2: 13.5, h3: 11, table: 8, tableWide: 7.2, toc: 10.5, footer: 7.5 };
const LEADING = 1.3;
const CELL_PAD = { x: 4, y: 3 };
/** a chart is shrunk to fit a page down to this scale (8 pt labels at 5.6 pt); a taller one is cut between tiers */
const MIN_CHART_SCALE = 0.7;

/** Every string goes through here before it is set: one line, no control characters that would move the pen. */
export function show(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ');
}

const spansOf = (t: Text, base: Style = {}): Span[] =>
  (typeof t === 'string' ? [t] : t).map((s) =>
    typeof s === 'string'
      ? { text: show(s), style: base }
      : 'b' in s
        ? { text: show(s.b), style: { ...base, bold: true } }
        : 'code' in s
          ? { text: show(s.code), style: { ...base, mono: true } }
          : { text: show(s.a), style: { ...base, color: LINK, link: s.href.startsWith('#') ? s.href.slice(1) : undefined } },
  );

/**
 * pdfkit opens a registered font anew in every document (fontkit.create on its bytes) and so
 * parses its layout tables again each time, a second or more for the Chinese faces. The
 * document's embedded font is handed the font object parsed once (fonts.ts) instead, with a
 * fresh subset: a parsed font is read-only, and every PDF still embeds only its own glyphs.
 */
function adoptParsedFont(doc: Doc, face: Face): void {
  doc.font(face.name);
  const embedded = (doc as unknown as { _font: { font: unknown; subset: unknown; name: string } })._font;
  if (embedded?.name !== face.font.postscriptName) return; // not the pdfkit this was written for: leave it be
  embedded.font = face.font;
  embedded.subset = face.font.createSubset();
}

class Writer {
  readonly left: number;
  readonly width: number;
  /** page index of each named destination (heading id) */
  readonly pageOf = new Map<string, number>();
  private outlineH2: PDFKit.PDFOutline | null = null;
  private toc: { page: number; rows: { id: string; y: number }[] } | null = null;

  constructor(
    readonly doc: Doc,
    readonly fonts: FontSet,
  ) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    for (const face of [...fonts.regular, ...fonts.bold]) {
      doc.registerFont(face.name, face.data);
      adoptParsedFont(doc, face);
    }
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  get top(): number {
    return this.doc.page.margins.top;
  }
  get page(): number {
    const r = this.doc.bufferedPageRange();
    return r.start + r.count - 1;
  }
  atPageTop(): boolean {
    return this.doc.y <= this.top + 1;
  }
  newPage(): void {
    this.doc.addPage();
    this.doc.y = this.top;
  }
  /** a new page unless `needed` points fit below */
  ensure(needed: number): void {
    if (this.doc.y + needed > this.bottom && !this.atPageTop()) this.newPage();
  }

  lines(t: Text, width: number, size: number, base: Style = {}): Line[] {
    return breakLines(spansOf(t, base), width, size, this.fonts);
  }

  /** One laid-out line with its baseline at y; `align` within `width`. */
  drawLine(
    line: Line,
    x: number,
    baseline: number,
    size: number,
    color = INK,
    align: 'left' | 'center' | 'right' = 'left',
    width = 0,
  ): void {
    const dx = align === 'left' ? 0 : align === 'center' ? (width - line.width) / 2 : width - line.width;
    // pdfkit moves its cursor as it sets text; the writer keeps its own
    const { x: cx, y: cy } = this.doc;
    for (const p of line.pieces) {
      this.doc
        .font(p.face ? p.face.name : 'Courier')
        .fontSize(size)
        .fillColor(p.style.color ?? color)
        .text(p.text, x + dx + p.x, baseline, { lineBreak: false, baseline: 'alphabetic', ...(p.face?.rtl ? { features: [] } : {}) });
      if (p.style.link) this.doc.goTo(x + dx + p.x, baseline - size, p.width, size * LEADING, p.style.link);
    }
    this.doc.x = cx;
    this.doc.y = cy;
  }

  /** Lines from the current y, breaking pages between lines; never a lone first line at a page foot. */
  flow(lines: Line[], x: number, size: number, color = INK): void {
    const lh = size * LEADING;
    if (lines.length > 1 && this.doc.y + 2 * lh > this.bottom) this.newPage();
    for (const line of lines) {
      if (this.doc.y + lh > this.bottom) this.newPage();
      this.drawLine(line, x, this.doc.y + size, size, color);
      this.doc.y += lh;
    }
  }

  // ---------- blocks ----------

  heading(b: Extract<Block, { kind: 'h' }>, keep: number): void {
    const size = b.level === 1 ? SIZE.h1 : b.level === 2 ? SIZE.h2 : SIZE.h3;
    if (b.newPage && !this.atPageTop()) this.newPage();
    const lines = this.lines(b.text, this.width, size, { bold: true });
    const own = lines.length * size * LEADING + (b.level === 1 ? 14 : b.level === 2 ? 14 : 8);
    this.ensure(own + keep);
    if (!this.atPageTop()) this.doc.y += b.level === 2 ? 8 : 5;
    if (b.id) {
      this.doc.addNamedDestination(b.id, 'XYZ', this.left, this.doc.page.height - this.doc.y, null);
      this.pageOf.set(b.id, this.page);
    }
    if (b.level === 2) this.outlineH2 = this.doc.outline.addItem(b.text);
    else if (b.level === 3) (this.outlineH2 ?? this.doc.outline).addItem(b.text);
    this.flow(lines, this.left, size);
    if (b.level <= 2) {
      const y = this.doc.y + 1;
      this.doc
        .save()
        .lineWidth(b.level === 1 ? 1.5 : 0.6)
        .strokeColor(RULE)
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .stroke()
        .restore();
      this.doc.y = y + 6;
    } else this.doc.y += 2;
  }

  paragraph(t: Text): void {
    this.flow(this.lines(t, this.width, SIZE.body), this.left, SIZE.body);
    this.doc.y += SIZE.body * 0.6;
  }

  list(kind: 'ul' | 'ol', items: Text[]): void {
    const indent = 16;
    items.forEach((item, i) => {
      const lines = this.lines(item, this.width - indent, SIZE.body);
      const lh = SIZE.body * LEADING;
      this.ensure(Math.min(2, lines.length) * lh);
      const marker = this.lines(kind === 'ol' ? `${i + 1}.` : '•', indent, SIZE.body)[0];
      this.drawLine(marker, this.left, this.doc.y + SIZE.body, SIZE.body);
      this.flow(lines, this.left + indent, SIZE.body);
      this.doc.y += 2.5;
    });
    this.doc.y += SIZE.body * 0.4;
  }

  tocBlock(entries: { title: string; id: string }[]): void {
    const size = SIZE.toc;
    const lh = size * 1.9;
    this.ensure(lh * Math.min(3, entries.length));
    this.toc = { page: this.page, rows: [] };
    entries.forEach((e, i) => {
      this.ensure(lh);
      const line = this.lines([{ a: `${i + 1}.  ${e.title}`, href: `#${e.id}` }], this.width - 40, size)[0];
      this.drawLine(line, this.left, this.doc.y + size, size);
      this.toc!.rows.push({ id: e.id, y: this.doc.y + size });
      this.doc.y += lh;
    });
    this.doc.y += 6;
  }

  /** The page numbers of the contents, once every heading has its page. */
  finishToc(): void {
    if (!this.toc) return;
    const range = this.doc.bufferedPageRange();
    this.doc.switchToPage(this.toc.page);
    const size = SIZE.toc;
    for (const row of this.toc.rows) {
      const page = this.pageOf.get(row.id);
      if (page === undefined) continue;
      const num = this.lines(String(page - range.start + 1), 40, size)[0];
      const x = this.left + this.width - num.width;
      const dots = this.lines('. '.repeat(60), this.width, size * 0.8, { color: GRID })[0];
      // the leader runs from a little after the title to the number
      this.doc
        .save()
        .rect(this.left + this.width * 0.55, row.y - size, this.width * 0.45 - num.width - 6, size * 1.4)
        .clip();
      this.drawLine(dots, this.left + this.width * 0.55, row.y, size * 0.8, GRID);
      this.doc.restore();
      this.drawLine(num, x, row.y, size, INK);
      this.doc.goTo(x, row.y - size, num.width, size * LEADING, row.id);
    }
  }

  private tableLines(b: Extract<Block, { kind: 'table' }>, rowCount = b.rows.length) {
    const size = b.head.length >= 6 ? SIZE.tableWide : SIZE.table;
    const widths = columnWidths(b, this.width);
    const lh = size * LEADING;
    const cellLines = (cells: Text[], header: boolean) =>
      widths.map((w, c) => this.lines(cells[c] ?? '', w - 2 * CELL_PAD.x, size, header ? { bold: true } : {}));
    const head = cellLines(b.head, true);
    const headH = Math.max(...head.map((l) => l.length)) * lh + 2 * CELL_PAD.y;
    const rows = b.rows.slice(0, rowCount).map((r) => cellLines(r, false));
    return { size, widths, lh, head, headH, rows };
  }

  /** The header and the first row: what must stand together (a row taller than a page: its first lines). */
  tableLead(b: Extract<Block, { kind: 'table' }>): number {
    const { lh, headH, rows } = this.tableLines(b, 1);
    if (!rows[0]) return headH;
    const first = Math.max(1, ...rows[0].map((l) => l.length));
    return headH + Math.min(first, this.fullPageLines(lh, headH)) * lh + 2 * CELL_PAD.y;
  }

  table(b: Extract<Block, { kind: 'table' }>): void {
    const { size, widths, lh, head, headH, rows } = this.tableLines(b);
    this.ensure(this.tableLead(b));
    const drawRow = (r: Line[][], from: number, count: number, header: boolean) => {
      const h = count * lh + 2 * CELL_PAD.y;
      let x = this.left;
      const y = this.doc.y;
      widths.forEach((w, c) => {
        this.doc.save().lineWidth(0.5).strokeColor(GRID);
        if (header) this.doc.rect(x, y, w, h).fillAndStroke('#eaeded', GRID);
        else this.doc.rect(x, y, w, h).stroke();
        this.doc.restore();
        r[c].slice(from, from + count).forEach((line, i) => this.drawLine(line, x + CELL_PAD.x, y + CELL_PAD.y + i * lh + size, size));
        x += w;
      });
      this.doc.y = y + h;
    };
    const header = () => drawRow(head, 0, Math.max(...head.map((l) => l.length)), true);
    header();
    for (const r of rows) {
      const total = Math.max(1, ...r.map((l) => l.length));
      let done = 0;
      while (done < total) {
        const room = Math.floor((this.bottom - this.doc.y - 2 * CELL_PAD.y) / lh);
        // a row moves to the next page whole where it can; one taller than a page is cut between lines
        if (room < Math.min(total - done, 2) || (room < total - done && total - done <= this.fullPageLines(lh, headH))) {
          this.newPage();
          header();
          continue;
        }
        const count = Math.max(1, Math.min(room, total - done));
        drawRow(r, done, count, false);
        done += count;
      }
    }
    this.doc.y += 8;
  }

  private fullPageLines(lh: number, headH: number): number {
    return Math.floor((this.bottom - this.top - headH - 2 * CELL_PAD.y) / lh);
  }

  /** The chart at the page width (never enlarged), cut between tiers into parts that each fit a page. */
  chart(layout: ChartLayout): void {
    const pageRoom = this.bottom - this.top - 2 * SIZE.body * LEADING;
    // the first part in what is left of this page where a tier fits there, so a heading and caption are never left alone
    const left = this.bottom - this.doc.y - SIZE.body * LEADING;
    let scale = Math.min(1, this.width / layout.width);
    // the whole chain on this page where that keeps the text at least MIN_CHART_SCALE of its size
    if (layout.height * scale > left && left / layout.height >= MIN_CHART_SCALE) scale = left / layout.height;
    const parts = chartParts(layout, scale, pageRoom, left);
    parts.forEach((part, i) => {
      const h = (part.bottom - part.top) * scale;
      if (i > 0 || this.doc.y + h > this.bottom) {
        this.newPage();
        if (i > 0) {
          const note = this.lines(
            `Supply chain flow chart, continued: ${laneRange(layout, part)} (arrows from the part above enter at the top).`,
            this.width,
            SIZE.body,
            { color: COLORS.muted },
          );
          this.flow(note, this.left, SIZE.body, COLORS.muted);
          this.doc.y += 4;
        }
      }
      this.drawChartPart(layout, part, scale);
      if (i < parts.length - 1) {
        const note = this.lines(`Continued on the next page: ${laneRange(layout, parts[i + 1])}.`, this.width, SIZE.body, {
          color: COLORS.muted,
        });
        this.flow(note, this.left, SIZE.body, COLORS.muted);
      }
    });
    this.doc.y += 8;
  }

  private drawChartPart(layout: ChartLayout, part: ChartPart, scale: number): void {
    const doc = this.doc;
    const x0 = this.left + (this.width - layout.width * scale) / 2;
    const y0 = doc.y;
    const X = (x: number) => x0 + x * scale;
    const Y = (y: number) => y0 + (y - part.top) * scale;
    const inPart = new Set(layout.nodes.filter((n) => n.y >= part.top && n.y < part.bottom).map((n) => n.id));
    part.lanes.forEach((lane) => {
      if (layout.lanes.indexOf(lane) % 2 === 0)
        doc
          .save()
          .rect(X(4), Y(lane.top - 6), (layout.width - 8) * scale, (lane.bottom - lane.top + 12) * scale)
          .fill(COLORS.band)
          .restore();
      const label = this.lines(lane.label, 60, 10 * scale, { bold: true })[0];
      this.drawLine(label, X(layout.labelRight) - label.width, Y((lane.top + lane.bottom) / 2) + 3.5 * scale, 10 * scale, COLORS.muted);
    });
    const arrow = (ex: number, ey: number, ang: number, color: string) =>
      doc
        .save()
        .fillColor(color)
        .polygon(
          [ex, ey],
          [ex - 7 * scale * Math.cos(ang - 0.4), ey - 7 * scale * Math.sin(ang - 0.4)],
          [ex - 7 * scale * Math.cos(ang + 0.4), ey - 7 * scale * Math.sin(ang + 0.4)],
        )
        .fill()
        .restore();
    for (const e of layout.edges) {
      const g = edgeGeometry(layout, e);
      if (!g) continue;
      const a = inPart.has(e.from);
      const b = inPart.has(e.to);
      if (!a && !b) continue;
      const color = e.flagged ? COLORS.edgeFlagged : COLORS.edge;
      const line = (e.flagged ? 2 : 1.2) * scale;
      if (a && b) {
        doc
          .save()
          .lineWidth(line)
          .strokeColor(color)
          .moveTo(X(g.start[0]), Y(g.start[1]))
          .lineTo(X(g.from[0]), Y(g.from[1]))
          .bezierCurveTo(X(g.c1[0]), Y(g.c1[1]), X(g.c2[0]), Y(g.c2[1]), X(g.to[0]), Y(g.to[1]))
          .lineTo(X(g.end[0]), Y(g.end[1]))
          .stroke()
          .restore();
        const [px, py] = g.to[0] === g.end[0] && g.to[1] === g.end[1] ? g.c2 : g.to;
        arrow(X(g.end[0]), Y(g.end[1]), Math.atan2(g.end[1] - py, g.end[0] - px), color);
      } else if (a && g.end[1] > g.start[1]) {
        // down to the next part: a stub to the cut
        const sx = X(g.start[0]);
        doc
          .save()
          .lineWidth(line)
          .strokeColor(color)
          .dash(3 * scale, { space: 2 * scale })
          .moveTo(sx, Y(g.start[1]))
          .lineTo(sx, Y(part.bottom) - 2)
          .stroke()
          .restore();
        arrow(sx, Y(part.bottom) - 2, Math.PI / 2, color);
      } else if (b && g.end[1] > g.start[1]) {
        // in from the part above: a stub from the cut
        const ex = X(g.end[0]);
        doc
          .save()
          .lineWidth(line)
          .strokeColor(color)
          .dash(3 * scale, { space: 2 * scale })
          .moveTo(ex, Y(part.top))
          .lineTo(ex, Y(g.end[1]))
          .stroke()
          .restore();
        arrow(ex, Y(g.end[1]), Math.PI / 2, color);
      }
    }
    for (const n of layout.nodes.filter((x) => inPart.has(x.id))) this.drawNode(n, X, Y, scale);
    doc.fillColor(INK);
    doc.x = this.left;
    doc.y = y0 + (part.bottom - part.top) * scale + 4;
  }

  private drawNode(n: ChartNode, X: (x: number) => number, Y: (y: number) => number, scale: number): void {
    const c = COLORS[n.mark];
    this.doc.save().lineWidth((n.mark === 'NONE' ? 1 : 2) * scale);
    if (n.mark === 'UNTRACED') this.doc.dash(5 * scale, { space: 3 * scale });
    this.doc
      .roundedRect(X(n.x), Y(n.y), n.w * scale, n.h * scale, 5 * scale)
      .fillAndStroke(c.fill, c.stroke)
      .restore();
    for (const t of n.lines) {
      // the line was wrapped to the box in these fonts (svg.ts): it is set whole, never cut
      const line = this.lines(t.text, Number.POSITIVE_INFINITY, t.size, { bold: t.bold })[0];
      const s = t.size * scale;
      const scaled: Line = {
        width: line.width * scale,
        pieces: line.pieces.map((p) => ({ ...p, x: p.x * scale, width: p.width * scale })),
      };
      this.drawLine(scaled, X(n.x + BOX_PAD), Y(n.y + t.y), s, TONE[t.tone]);
    }
  }

  footer(text: string): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0; // writing in the margin must not open a new page
      const line = this.lines(`${text} | page ${i + 1 - range.start} of ${range.count}`, this.width, SIZE.footer)[0];
      this.drawLine(line, this.left, this.doc.page.height - 30, SIZE.footer, '#5d6d7e', 'center', this.width);
      this.doc.page.margins.bottom = bottom;
    }
  }
}

interface ChartPart {
  lanes: ChartLayout['lanes'];
  top: number;
  bottom: number;
}

/**
 * Consecutive tiers whose height at `scale` fits `room` (the first part `firstRoom`, where at
 * least one tier fits it); a tier taller than a page stands alone.
 */
export function chartParts(layout: ChartLayout, scale: number, room: number, firstRoom = room): ChartPart[] {
  const parts: ChartPart[] = [];
  let cur: ChartLayout['lanes'] = [];
  const top = (lanes: ChartLayout['lanes']) => (lanes === layout.lanes || lanes[0] === layout.lanes[0] ? 0 : lanes[0].top - 12);
  const bottom = (lanes: ChartLayout['lanes']) =>
    lanes[lanes.length - 1] === layout.lanes[layout.lanes.length - 1] ? layout.height : lanes[lanes.length - 1].bottom + 12;
  for (const lane of layout.lanes) {
    const next = [...cur, lane];
    const fits = (lanes: ChartLayout['lanes']) => (bottom(lanes) - top(lanes)) * scale <= (parts.length ? room : firstRoom);
    if (!cur.length && !parts.length && !fits(next) && firstRoom < room) {
      // not even the first tier fits what is left of the page: start on a fresh one
      firstRoom = room;
    }
    if (cur.length && !fits(next)) {
      parts.push({ lanes: cur, top: top(cur), bottom: bottom(cur) });
      cur = [lane];
    } else cur = next;
  }
  if (cur.length) parts.push({ lanes: cur, top: top(cur), bottom: bottom(cur) });
  return parts;
}

const laneRange = (layout: ChartLayout, part: ChartPart) =>
  part.lanes.length === 1 ? part.lanes[0].label : `${part.lanes[0].label} to ${part.lanes[part.lanes.length - 1].label}`;

const plain = (t: Text): string =>
  typeof t === 'string' ? t : t.map((s) => (typeof s === 'string' ? s : 'b' in s ? s.b : 'code' in s ? s.code : s.a)).join('');

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

/**
 * Height the blocks after a heading need on its page, so the heading is never alone at a page
 * foot: the first lines of what follows, and where that is a short lead-in (a caption or a
 * subheading), the start of what comes after it too.
 */
function leadOf(w: Writer, b: Block | undefined, next: Block | undefined): number {
  if (!b) return 0;
  const lh = SIZE.body * LEADING;
  switch (b.kind) {
    case 'h':
      return 40 + leadOf(w, next, undefined);
    case 'p': {
      const lines = w.lines(b.text, w.width, SIZE.body).length;
      const captions = next && (next.kind === 'table' || next.kind === 'chart' || next.kind === 'ol' || next.kind === 'ul');
      return lines <= 4 && captions ? (lines + 0.6) * lh + leadOf(w, next, undefined) : Math.min(2, lines) * lh;
    }
    case 'ul':
    case 'ol':
      return b.items.length ? Math.min(2, w.lines(b.items[0], w.width - 16, SIZE.body).length) * lh : 0;
    case 'table':
      return w.tableLead(b);
    case 'toc':
      return 3 * SIZE.toc * 1.9;
    case 'chart':
      return 0; // the chart fits its first part into what is left of the page
  }
}

export function renderPdf(blocks: Block[], opts: PdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 54, bottom: 54, left: 50, right: 50 },
    bufferPages: true,
    autoFirstPage: true,
    lang: 'en-US',
    displayTitle: true,
    info: { Title: opts.title, Author: 'uflpa-trace', Subject: opts.subject, Keywords: opts.keywords, Creator: 'uflpa-trace' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new Writer(doc, loadFonts(opts.extraFont));
  doc.y = w.top;
  blocks.forEach((b, i) => {
    switch (b.kind) {
      case 'h':
        w.heading(b, leadOf(w, blocks[i + 1], blocks[i + 2]));
        break;
      case 'p':
        w.paragraph(b.text);
        break;
      case 'ul':
      case 'ol':
        w.list(b.kind, b.items);
        break;
      case 'table':
        w.table(b);
        break;
      case 'toc':
        w.tocBlock(b.entries);
        break;
      case 'chart':
        w.chart(layoutChart(b.model, w.fonts));
        break;
    }
  });
  w.finishToc();
  w.footer(show(opts.footer));
  doc.end(); // embeds the font subsets, synchronously
  // The subsetter looked up component glyphs (the ơ inside ờ) without their characters, and a
  // font caches a glyph as first looked up: forget them, or the next PDF maps ơ to no text.
  for (const face of [...w.fonts.regular, ...w.fonts.bold]) (face.font as unknown as { _glyphs: object })._glyphs = {};
  return done;
}
