// Text helpers shared by the place and name rules: accent/case folding for Latin script,
// tokens with their position in the original text, and traditional-to-simplified folding
// for the Chinese characters the rules look for.

/** Traditional characters that occur in XUAR, province and look-alike names, mapped to simplified. */
const TRAD = '烏魯齊瑪蘇庫車爾圖團產設維區縣闐寧納薩臺壘遜樂溫靜碩輪澤葉麥蓋嶽師豐鞏額裡賽蘊獨鐵關雙達崑楊東灣準頭溝鹼灘廣陝遼龍內貴雲門慶肅絳運鄉鎮義興華邢與號黃為龜兹國';
const SIMP = '乌鲁齐玛苏库车尔图团产设维区县田宁纳萨台垒逊乐温静硕轮泽叶麦盖岳师丰巩额里赛蕴独铁关双达昆杨东湾准头沟碱滩广陕辽龙内贵云门庆肃绛运乡镇义兴华邢与号黄为龟兹国';
const TRAD_TO_SIMP = new Map<string, string>();
for (let i = 0; i < TRAD.length; i++) TRAD_TO_SIMP.set(TRAD[i], SIMP[i]);

export const HAN = /\p{Script=Han}/u;
export const hasHan = (s: string) => HAN.test(s);

/** Folds the traditional characters the rules know to simplified; other characters are kept. */
export function toSimplified(s: string): string {
  if (!HAN.test(s)) return s;
  let out = '';
  for (const ch of s) out += TRAD_TO_SIMP.get(ch) ?? ch;
  return out;
}


const SPECIAL: Record<string, string> = { ı: 'i', ø: 'o', đ: 'd', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', ð: 'd', þ: 'th' };

/** Lower case, accents and other marks removed, full-width letters made plain: "Ürümqi" -> "urumqi". */
export function fold(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıøđłßæœðþ]/g, (c) => SPECIAL[c] ?? c);
}

export interface Token {
  /** the token as written */
  text: string;
  /** folded, apostrophes removed, common abbreviations expanded */
  norm: string;
  /** offsets in the original string */
  start: number;
  end: number;
}

/** Abbreviations and spelling variants that address data uses for the same word. */
const WORD_VARIANTS: Record<string, string> = {
  aut: 'autonomous', auton: 'autonomous', autonom: 'autonomous', reg: 'region', rgn: 'region',
  pref: 'prefecture', cty: 'county', uighur: 'uyghur', uigur: 'uyghur', uygur: 'uyghur',
};

const TOKEN_RE = /&|(?:[\p{Script=Latin}\p{N}]|\p{M}|['’ʼ](?=[\p{Script=Latin}]))+/gu;

/** Latin-script words (and numbers) of a string, each with its place in the original text. */
export function latinTokens(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(TOKEN_RE)) {
    const text = m[0];
    const start = m.index ?? 0;
    let norm = text === '&' ? 'and' : fold(text).replace(/['’ʼ]/g, '');
    norm = WORD_VARIANTS[norm] ?? norm;
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
const PINYIN_SYLLABLE = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)$/;
export const isPinyinSyllable = (w: string) => w.length <= 6 && PINYIN_SYLLABLE.test(w);
