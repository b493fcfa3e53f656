// The HTML edition carries its own fonts: for each bundled face (fonts.ts) that the page's
// text needs, a subset holding just the characters it shows (hb-subset, via subset-font),
// inline as a data: URL. So the page, and its print, shows Chinese, Vietnamese, Cyrillic,
// Arabic-script, Thai and Bengali names on a machine that has none of these fonts.
import subsetFont from 'subset-font';
import { loadFonts, splitRuns, FontSet, Face } from './fonts';

export interface WebFonts {
  /** @font-face rules */
  css: string;
  /** the font-family list: the embedded faces in the order the PDF tries them, then the system's */
  family: string;
}

const SYSTEM_FALLBACK = "'Noto Sans', 'Noto Sans SC', 'Noto Sans CJK SC', 'Noto Naskh Arabic', Helvetica, Arial, sans-serif";

const familyOf = (face: Face) => `packet-${face.key}`;

/** Subsets of the faces `text` needs, regular and bold, each with the characters set in it. */
export async function webFonts(text: string, fonts: FontSet = loadFonts()): Promise<WebFonts> {
  const chars = new Map<Face, Set<string>>();
  for (const run of splitRuns(text.replace(/\s+/g, ' '), fonts.regular)) {
    const set = chars.get(run.face) ?? new Set<string>();
    for (const ch of run.text) set.add(ch);
    chars.set(run.face, set);
  }
  const used = fonts.regular.filter((f) => chars.has(f));
  const rules = await Promise.all(
    used.flatMap((face) => {
      const bold = fonts.bold[fonts.regular.indexOf(face)];
      const subsetText = [...chars.get(face)!, ' '].join('');
      return [face, bold].map(async (f) => {
        const data = await subsetFont(f.data, subsetText, { targetFormat: 'sfnt' });
        const mime = data.subarray(0, 4).toString('latin1') === 'OTTO' ? 'font/otf' : 'font/ttf';
        return `@font-face { font-family: '${familyOf(face)}'; font-weight: ${f.weight === 'bold' ? 700 : 400}; src: url(data:${mime};base64,${data.toString('base64')}); }`;
      });
    }),
  );
  return { css: rules.join('\n'), family: [...used.map((f) => `'${familyOf(f)}'`), SYSTEM_FALLBACK].join(', ') };
}
