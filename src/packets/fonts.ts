// The fonts packets print with, and the measuring of text in them. Noto faces from pinned npm
// packages (installed with the project, so a fresh clone prints every script): Noto Sans for
// Latin, Vietnamese, Greek and Cyrillic; Noto Sans Hans and Hant for Simplified and
// Traditional Chinese; Noto Sans KR for Hangul (a Korean address's evidence); Noto Naskh Arabic
// for Arabic script (Uyghur); Noto Sans Thai and Bengali. Each character is set in the first face that has it; PACKET_PDF_FONT (a TTF/OTF/WOFF)
// adds a last face for scripts beyond these. The PDF embeds only the glyphs used (subsets).
import * as fontkit from 'fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Weight = 'regular' | 'bold';

export interface FaceSpec {
  key: string;
  /** npm package and the files inside it; or absolute paths (package null) */
  pkg: string | null;
  files: Record<Weight, string>;
  /** right-to-left script: laid out as one run so the words come in reading order */
  rtl?: boolean;
}

export const FACE_SPECS: FaceSpec[] = [
  {
    key: 'latin',
    pkg: '@embedpdf/fonts-latin',
    files: { regular: 'fonts/NotoSans-Regular.ttf', bold: 'fonts/NotoSans-Bold.ttf' },
  },
  {
    key: 'hans',
    pkg: '@embedpdf/fonts-sc',
    files: { regular: 'fonts/NotoSansHans-Regular.otf', bold: 'fonts/NotoSansHans-Bold.otf' },
  },
  {
    key: 'hant',
    pkg: '@embedpdf/fonts-tc',
    files: { regular: 'fonts/NotoSansHant-Regular.otf', bold: 'fonts/NotoSansHant-Bold.otf' },
  },
  {
    key: 'korean',
    pkg: '@embedpdf/fonts-kr',
    files: { regular: 'fonts/NotoSansKR-Regular.otf', bold: 'fonts/NotoSansKR-Bold.otf' },
  },
  {
    key: 'arabic',
    pkg: '@embedpdf/fonts-arabic',
    files: { regular: 'fonts/NotoNaskhArabic-Regular.ttf', bold: 'fonts/NotoNaskhArabic-Bold.ttf' },
    rtl: true,
  },
  // WOFF (zlib tables), not WOFF2: fontkit cannot subset WOFF2's transformed glyph tables
  {
    key: 'thai',
    pkg: '@fontsource/noto-sans-thai',
    files: { regular: 'files/noto-sans-thai-thai-400-normal.woff', bold: 'files/noto-sans-thai-thai-700-normal.woff' },
  },
  {
    key: 'bengali',
    pkg: '@fontsource/noto-sans-bengali',
    files: { regular: 'files/noto-sans-bengali-bengali-400-normal.woff', bold: 'files/noto-sans-bengali-bengali-700-normal.woff' },
  },
];

export interface Face {
  key: string;
  rtl: boolean;
  weight: Weight;
  /** the name a PDF document registers it under */
  name: string;
  path: string;
  data: Buffer;
  font: fontkit.Font;
}

/** The package's folder, found from its resolved entry point (the packages' exports hide package.json). */
function packageDir(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === pkg) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of the font package ${pkg}`);
    dir = up;
  }
}

/** The file of a face by its key ("hans") and weight: the web page serves the same faces the packets print with. */
export function faceFile(key: string, weight: Weight = 'regular'): string {
  const spec = FACE_SPECS.find((s) => s.key === key);
  if (!spec) throw new Error(`no font face ${key}`);
  return spec.pkg ? join(packageDir(spec.pkg), spec.files[weight]) : spec.files[weight];
}

function openFace(spec: FaceSpec, weight: Weight): Face {
  const path = faceFile(spec.key, weight);
  const data = readFileSync(path);
  const font = fontkit.create(data);
  if (!('layout' in font)) throw new Error(`${path} is a font collection; name one font of it`);
  return { key: spec.key, rtl: !!spec.rtl, weight, name: `${spec.key}-${weight}`, path, data, font };
}

export interface FontSet {
  regular: Face[];
  bold: Face[];
}

const cache = new Map<string, FontSet>();

/** The faces in the order they are tried, with PACKET_PDF_FONT (or `extra`) last; opened once per process. */
export function loadFonts(extra: string | null | undefined = process.env.PACKET_PDF_FONT): FontSet {
  const key = extra ?? '';
  let set = cache.get(key);
  if (!set) {
    const specs = [...FACE_SPECS];
    if (extra) {
      if (!existsSync(extra)) throw new Error(`PACKET_PDF_FONT names ${extra}, which does not exist`);
      specs.push({ key: 'extra', pkg: null, files: { regular: extra, bold: extra } });
    }
    set = { regular: specs.map((s) => openFace(s, 'regular')), bold: specs.map((s) => openFace(s, 'bold')) };
    cache.set(key, set);
  }
  return set;
}

// Characters no face has, shown by a look-alike that one has.
const LOOKALIKE: Record<string, string> = { '⟨': '‹', '⟩': '›', '✓': '√', '✗': '×' };

export interface Run {
  /** null: the text is a stand-in for characters no face has (set in the first face) */
  face: Face;
  text: string;
}

const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
const MARK = /^[\p{M}\u200c\u200d]$/u;

/**
 * The text cut into runs, each set in one face: a character goes to the first face that has
 * it, except that spaces, punctuation, digits and combining marks stay in the run they are in
 * when its face has them (so "合盛(鄯善)" stays one run). A character that no face has is
 * printed as its code point, <U+XXXX>, never as a box or "[?]".
 */
export function splitRuns(text: string, faces: Face[]): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null;
  const push = (face: Face, s: string) => {
    if (cur && cur.face === face) cur.text += s;
    else {
      cur = { face, text: s };
      runs.push(cur);
    }
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const cur0 = cur as Run | null;
    if (cur0 && (MARK.test(ch) || NEUTRAL.test(ch)) && cur0.face.font.hasGlyphForCodePoint(cp)) {
      push(cur0.face, ch);
      continue;
    }
    if (cur0 && MARK.test(ch)) {
      // a mark its base's face lacks: keep it with the base rather than split the cluster
      push(cur0.face, ch);
      continue;
    }
    const face = faces.find((f) => f.font.hasGlyphForCodePoint(cp));
    if (face) push(face, ch);
    else if (LOOKALIKE[ch]) push(faces[0], LOOKALIKE[ch]);
    else push(faces[0], `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`);
  }
  return preferTraditional(neutralsOutOfRtl(runs, faces[0]), faces);
}

/**
 * Spaces and punctuation at either end of a right-to-left run go to the surrounding
 * left-to-right text, as the Unicode bidi rules place them in a left-to-right line: so
 * "Firm (شىنجاڭ)" keeps its brackets outside the Arabic, facing the right way.
 */
function neutralsOutOfRtl(runs: Run[], ltr: Face): Run[] {
  const out: Run[] = [];
  const push = (face: Face, text: string) => {
    if (!text) return;
    const prev = out[out.length - 1];
    if (prev && prev.face === face) prev.text += text;
    else out.push({ face, text });
  };
  for (const r of runs) {
    if (!r.face.rtl) {
      push(r.face, r.text);
      continue;
    }
    const lead = /^[\p{Script=Common}]+/u.exec(r.text)?.[0] ?? '';
    const rest = r.text.slice(lead.length);
    const trail = /[\p{Script=Common}]+$/u.exec(rest)?.[0] ?? '';
    const core = rest.slice(0, rest.length - trail.length);
    const outside = (t: string) => push([...t].every((c) => ltr.font.hasGlyphForCodePoint(c.codePointAt(0)!)) ? ltr : r.face, t);
    outside(lead);
    if (core) out.push({ face: r.face, text: core });
    outside(trail);
  }
  return out;
}

/** The Han characters of GB 2312, the Simplified set: a name with others is most likely Traditional. */
let gb2312: Set<string> | null = null;
const HAN = /\p{Script=Han}/u;
function simplifiedSet(): Set<string> {
  if (!gb2312) {
    const bytes: number[] = [];
    for (let hi = 0xa1; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) bytes.push(hi, lo);
    gb2312 = new Set([...new TextDecoder('gb2312').decode(new Uint8Array(bytes))].filter((c) => HAN.test(c)));
  }
  return gb2312;
}

/**
 * A run of Chinese is set in the Traditional face (Taiwan and Hong Kong glyph forms) where it
 * holds characters beyond the Simplified set and that face has them all; neighbouring
 * Simplified and Traditional runs are joined, so one name is drawn in one design.
 */
function preferTraditional(runs: Run[], faces: Face[]): Run[] {
  const hant = faces.find((f) => f.key === 'hant');
  const han = (r: Run) => r.face.key === 'hans' || r.face.key === 'hant';
  const out: Run[] = [];
  for (let i = 0; i < runs.length; i++) {
    if (!han(runs[i])) {
      out.push(runs[i]);
      continue;
    }
    let j = i;
    while (j + 1 < runs.length && han(runs[j + 1])) j++;
    const group = runs.slice(i, j + 1);
    const text = group.map((r) => r.text).join('');
    const traditional = [...text].some((c) => HAN.test(c) && !simplifiedSet().has(c));
    if (hant && traditional && [...text].every((c) => hant.font.hasGlyphForCodePoint(c.codePointAt(0)!))) out.push({ face: hant, text });
    else out.push(...group);
    i = j;
  }
  return out;
}

const widthCache = new Map<string, number>();
const WIDTH_CACHE_MAX = 50_000;

/** Advance width of a run at 1 pt: one layout for right-to-left runs, word by word otherwise (as pdfkit sets them). */
export function runWidth(face: Face, text: string): number {
  const key = `${face.name}\u0000${text}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    w = face.font.layout(text).advanceWidth / face.font.unitsPerEm;
    if (widthCache.size >= WIDTH_CACHE_MAX) widthCache.clear();
    widthCache.set(key, w);
  }
  return w;
}

/** Width of the text in points at the size, across the faces it needs. */
export function textWidth(text: string, size: number, faces: Face[]): number {
  return splitRuns(text, faces).reduce((sum, r) => sum + runWidth(r.face, r.text) * size, 0);
}
