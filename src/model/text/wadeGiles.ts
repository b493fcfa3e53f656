// Wade-Giles read as pinyin. Supplier records, old bills of lading and Hong Kong or Taiwan
// traders write Chinese trade names in Wade-Giles, mostly without its apostrophes, hyphens and
// umlauts: "Tien Shan" for Tianshan, "Hsin Jen" for Xinren, "Chung Tai" for Zhongtai. Without
// the apostrophe (which marks aspiration) a syllable is ambiguous: "chang" is zhang or chang,
// "tien" dian or tian, "kuo" guo or kuo; every pinyin syllable it may be is given, and the
// caller keeps the one a listed name agrees with. The syllables are those of
// wadeGilesTable.ts (from pypinyin), ü written v as the project's tables write it.
import { PINYIN_WADE_GILES_PAIRS } from './wadeGilesTable';

/**
 * Most pinyin readings of one run of syllables: a run with more (four syllables of four
 * readings each would give 256) contributes none, since so many guesses would match by chance.
 */
export const MAX_RUN_READINGS = 16;

interface Tables {
  /** A Wade-Giles syllable as written, apostrophe kept ("ch'ang"), umlaut folded: its pinyin. */
  exact: Map<string, string[]>;
  /** The same without apostrophes ("chang"): every pinyin syllable it may be. */
  bare: Map<string, string[]>;
  /** A pinyin syllable (ü as v) -> its Wade-Giles spelling, apostrophe and ü kept. */
  inverse: Map<string, string>;
}

const APOSTROPHES = /['’‘ʼʻ`´]/g;

/** Lower case, marks gone (ü -> u, ê -> e), apostrophes kept as ASCII ones. */
function foldMarks(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(APOSTROPHES, "'");
}

const add = (m: Map<string, string[]>, k: string, v: string) => {
  const l = m.get(k);
  if (!l) m.set(k, [v]);
  else if (!l.includes(v)) l.push(v);
};

let tables: Tables | undefined;
function getTables(): Tables {
  if (tables) return tables;
  const exact = new Map<string, string[]>();
  const bare = new Map<string, string[]>();
  const inverse = new Map<string, string>();
  for (const pair of PINYIN_WADE_GILES_PAIRS.trim().split(/\s+/)) {
    const [py, wg] = pair.split('=');
    // the project spells pinyin ü as v (lv, nve); the table writes both lü and lv for some
    const pinyin = py.replace(/ü/g, 'v');
    const folded = foldMarks(wg);
    add(exact, folded, pinyin);
    add(bare, folded.replace(/'/g, ''), pinyin);
    if (!inverse.has(pinyin)) inverse.set(pinyin, wg);
  }
  tables = { exact, bare, inverse };
  return tables;
}

/**
 * The pinyin syllables one Wade-Giles syllable may stand for, in the table's order, or none if
 * the word is not a whole syllable. With its apostrophe ("Ch'ang") only the aspirated reading;
 * without ("Chang") both. Case, umlauts and tone marks do not matter.
 */
export function wadeGilesSyllable(word: string): string[] {
  const t = getTables();
  // most words come already folded by the screening normalizer
  // (which writes pinyin ü as v after l and n: Wade-Giles has no v, so it is the ü of lü, nüeh)
  if (/^[a-z]+$/.test(word)) return t.bare.get(word.replace(/v/g, 'u')) ?? [];
  const folded = foldMarks(word.trim());
  if (folded.includes("'")) return t.exact.get(folded) ?? [];
  return t.bare.get(folded) ?? [];
}

/** Whether a word is one whole Wade-Giles syllable, written with or without its marks. */
export function isWadeGilesSyllable(word: string): boolean {
  return wadeGilesSyllable(word).length > 0;
}

/**
 * The pinyin words a run of Wade-Giles syllables may stand for, joined ("Tien Shan",
 * "Hsin-chiang", "T'ien-shan" -> "tianshan"...), each syllable's readings in the table's
 * order. None when a part is not a syllable or the run has more than MAX_RUN_READINGS readings.
 */
export function wadeGilesReadings(run: string | readonly string[]): string[] {
  const parts = typeof run === 'string' ? run.split(/[\s-]+/).filter(Boolean) : run;
  if (!parts.length) return [];
  let out = [''];
  for (const p of parts) {
    const syllables = wadeGilesSyllable(p);
    if (!syllables.length || out.length * syllables.length > MAX_RUN_READINGS) return [];
    out = out.flatMap((o) => syllables.map((s) => o + s));
  }
  return out;
}

/** The Wade-Giles spelling of one pinyin syllable (ü written v or ü), with apostrophe and ü; undefined for a non-syllable. */
export function toWadeGiles(pinyinSyllable: string): string | undefined {
  return getTables().inverse.get(pinyinSyllable.toLowerCase().replace(/ü/g, 'v'));
}
