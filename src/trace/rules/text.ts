// Text helpers shared by the place and name rules: accent/case folding for Latin script,
// tokens with their position in the original text, (from the gazetteer) traditional-to-
// simplified folding with OpenCC's table, and (from the model) the fold of disguised text the
// rules read before anything else.
import { fold } from '../../model/text/fold';

export { fold };
export { toSimplified } from '../../model/gazetteer/traditional';
export { displayOrder, foldDisguise, foldDisguiseMapped, readingsOf, withoutSpacesBetweenHan } from '../../model/text/disguise';

export const HAN = /\p{Script=Han}/u;
export const hasHan = (s: string) => HAN.test(s);

export interface Token {
  /** the token as written */
  text: string;
  /** folded, apostrophes removed, common abbreviations expanded */
  norm: string;
  /** offsets in the original string */
  start: number;
  end: number;
}

/** Abbreviations and spelling variants that address data uses for the same word (a Map: "constructor" is a word, not a key). */
const WORD_VARIANTS = new Map<string, string>(
  Object.entries({
    aut: 'autonomous',
    auton: 'autonomous',
    autonom: 'autonomous',
    reg: 'region',
    rgn: 'region',
    pref: 'prefecture',
    cty: 'county',
    uighur: 'uyghur',
    uigur: 'uyghur',
    uygur: 'uyghur',
  }),
);

const TOKEN_RE = /&|(?:[\p{Script=Latin}\p{N}]|\p{M}|['’ʼ](?=[\p{Script=Latin}]))+/gu;

/** Latin-script words (and numbers) of a string, each with its place in the original text. */
export function latinTokens(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(TOKEN_RE)) {
    const text = m[0];
    const start = m.index ?? 0;
    let norm = text === '&' ? 'and' : fold(text).replace(/['’ʼ]/g, '');
    norm = WORD_VARIANTS.get(norm) ?? norm;
    if (norm) out.push({ text, norm, start, end: start + text.length });
  }
  return out;
}

/** The folded words of a phrase, e.g. "Xinjiang Uygur Aut. Region" -> ["xinjiang","uyghur","autonomous","region"]. */
export const phraseWords = (s: string): string[] => latinTokens(s).map((t) => t.norm);

/** Whether only spaces, hyphens or an abbreviation's period separate two tokens (no comma, slash, bracket...). */
export function closeTogether(src: string, a: Token, b: Token): boolean {
  return /^\.?[\s\-‐–]*$/.test(src.slice(a.end, b.start));
}

/**
 * Rough test for one pinyin syllable without tone marks, used to accept pinyin written
 * syllable by syllable ("Wu Lu Mu Qi").
 */
const PINYIN_SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)$/;
export const isPinyinSyllable = (w: string) => w.length <= 6 && PINYIN_SYLLABLE.test(w);
