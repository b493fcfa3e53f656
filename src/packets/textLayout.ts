// Styled text broken into lines of a given width, measured in the faces it will be printed
// in (fonts.ts): the PDF sets every paragraph, table cell and chart label from these lines, and
// the SVG chart wraps its labels with them, so a label is wrapped, never cut. Breaks fall where
// Unicode's line-breaking rules allow (UAX #14: between words, between Chinese characters); a
// word wider than the line is broken between characters.
import LineBreaker from 'linebreak';
import { FontSet, Face, runWidth, splitRuns } from './fonts';

export interface Style {
  bold?: boolean;
  /** fixed-width (checksums): Courier where the text is ASCII */
  mono?: boolean;
  color?: string;
  /** a named destination in the same PDF */
  link?: string;
}
export interface Span {
  text: string;
  style: Style;
}
export interface Piece {
  text: string;
  /** null: the standard Courier (mono ASCII) */
  face: Face | null;
  style: Style;
  x: number;
  width: number;
}
export interface Line {
  pieces: Piece[];
  width: number;
}

/** Courier's advance, in ems, for every character. */
export const COURIER_ADVANCE = 0.6;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

interface Atom {
  text: string;
  face: Face | null;
  style: Style;
}

function atomsOf(spans: Span[], fonts: FontSet): Atom[] {
  const atoms: Atom[] = [];
  for (const s of spans) {
    if (!s.text) continue;
    if (s.style.mono && PRINTABLE_ASCII.test(s.text)) atoms.push({ text: s.text, face: null, style: s.style });
    else
      for (const r of splitRuns(s.text, s.style.bold ? fonts.bold : fonts.regular))
        atoms.push({ text: r.text, face: r.face, style: s.style });
  }
  return atoms;
}

const widthOf = (a: Atom, text: string, size: number) => (a.face ? runWidth(a.face, text) : COURIER_ADVANCE * [...text].length) * size;

interface Slice {
  atom: Atom;
  text: string;
  width: number;
}
interface Chunk {
  slices: Slice[];
  width: number;
  /** width without the trailing spaces, which never count at a line's end */
  inkWidth: number;
  required: boolean;
}

function chunkOf(slices: Slice[], size: number, required = false): Chunk {
  const width = slices.reduce((s, x) => s + x.width, 0);
  let inkWidth = width;
  const last = slices[slices.length - 1];
  if (last) {
    const trimmed = last.text.replace(/\s+$/u, '');
    if (trimmed !== last.text) inkWidth = width - last.width + (trimmed ? widthOf(last.atom, trimmed, size) : 0);
  }
  return { slices, width, inkWidth, required };
}

/** The text between break opportunities, each cut where its atoms change. */
function chunks(atoms: Atom[], size: number): Chunk[] {
  const text = atoms.map((a) => a.text).join('');
  const starts: number[] = [];
  let at = 0;
  for (const a of atoms) {
    starts.push(at);
    at += a.text.length;
  }
  const out: Chunk[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const slices: Slice[] = [];
    atoms.forEach((a, i) => {
      const from = Math.max(last, starts[i]);
      const to = Math.min(bk.position, starts[i] + a.text.length);
      if (from < to) {
        const t = text.slice(from, to);
        slices.push({ atom: a, text: t, width: widthOf(a, t, size) });
      }
    });
    if (slices.length) out.push(chunkOf(slices, size, bk.required));
    last = bk.position;
  }
  return out;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A chunk wider than the line, cut between characters into pieces that fit. */
function splitWide(c: Chunk, max: number, size: number): Chunk[] {
  const out: Chunk[] = [];
  let cur: Slice[] = [];
  let w = 0;
  for (const s of c.slices) {
    for (const { segment } of graphemes.segment(s.text)) {
      const gw = widthOf(s.atom, segment, size);
      if (w + gw > max && w > 0) {
        out.push(chunkOf(cur, size));
        cur = [];
        w = 0;
      }
      const prev = cur[cur.length - 1];
      if (prev && prev.atom === s.atom) {
        prev.text += segment;
        prev.width += gw;
      } else cur.push({ atom: s.atom, text: segment, width: gw });
      w += gw;
    }
  }
  if (cur.length) out.push(chunkOf(cur, size, c.required));
  return out;
}

function lineOf(slices: Slice[], size: number): Line {
  // the line's trailing spaces are dropped, so centred and right-aligned text sits right
  const last = slices[slices.length - 1];
  if (last) {
    const trimmed = last.text.replace(/\s+$/u, '');
    if (trimmed !== last.text) {
      if (trimmed) slices = [...slices.slice(0, -1), { ...last, text: trimmed, width: widthOf(last.atom, trimmed, size) }];
      else slices = slices.slice(0, -1);
    }
  }
  const pieces: Piece[] = [];
  let x = 0;
  for (const s of slices) {
    const prev = pieces[pieces.length - 1];
    if (prev && prev.face === s.atom.face && prev.style === s.atom.style) {
      prev.text += s.text;
      prev.width += s.width;
    } else pieces.push({ text: s.text, face: s.atom.face, style: s.atom.style, x, width: s.width });
    x += s.width;
  }
  // right-to-left runs are measured as one run where they are drawn as one
  x = 0;
  for (const p of pieces) {
    if (p.face?.rtl) p.width = runWidth(p.face, p.text) * size;
    p.x = x;
    x += p.width;
  }
  return { pieces, width: x };
}

/** Greedy lines of at most `width` points at font size `size`. */
export function breakLines(spans: Span[], width: number, size: number, fonts: FontSet): Line[] {
  const lines: Line[] = [];
  let cur: Slice[] = [];
  let w = 0;
  const flush = () => {
    lines.push(lineOf(cur, size));
    cur = [];
    w = 0;
  };
  for (const c0 of chunks(atomsOf(spans, fonts), size)) {
    for (const c of c0.inkWidth > width ? splitWide(c0, width, size) : [c0]) {
      if (cur.length && w + c.inkWidth > width) flush();
      cur.push(...c.slices.map((s) => ({ ...s })));
      w += c.width;
      if (c.required) flush();
    }
  }
  if (cur.length || !lines.length) flush();
  return lines;
}

/** Plain text in one style. */
export const plainSpans = (text: string, style: Style = {}): Span[] => [{ text, style }];
