// The XUAR gazetteer as the place rule searches it: every spelling of every place and
// look-alike of seed/xuar-places.json, indexed by its folded words (Latin) or its first
// character (Chinese), with the other provinces' names. Built once per process.
import { PROVINCES } from '../../model/gazetteer/provinces';
import { xuarPlaces, type XuarPlaceEntry } from '../../model/gazetteer/xuarPlaces';
import { hasHan, phraseWords, toSimplified } from './text';

export type Level = 'region' | 'xpcc' | 'prefecture' | 'xpccCity' | 'county' | 'zone';

export interface Place {
  zh: string;
  pinyin: string | null;
  names: string[];
  ambiguous: boolean;
  note: string | null;
  level: Level;
  /**
   * For an entry marked ambiguous, the Latin spellings that are shared with places outside
   * the XUAR: the spellings its note names ("Khorgos is also a town on the Kazakh side"), or
   * the pinyin where the note names none. Its Uyghur names (伊吾 "Aratürük") stay decisive.
   */
  ambiguousSpellings: Set<string>;
}
export interface LookAlike {
  zh: string | null;
  pinyin: string | null;
  names: string[];
  where: string;
  note: string | null;
  /** compact folded XUAR spellings it shares */
  shares: Set<string>;
  context: string[];
  country: string | null;
  label: string;
}
export interface LatinPhrase {
  words: string[];
  compact: string;
  place?: Place;
  lookAlike?: LookAlike;
}
export interface CjkName {
  text: string;
  place?: Place;
  lookAlike?: LookAlike;
}

export interface PlaceIndex {
  latin: Map<string, LatinPhrase[]>;
  /** every prefix of every compact Latin spelling, to stop extending a run of words early */
  latinPrefixes: Set<string>;
  maxWords: number;
  cjkByFirst: Map<string, CjkName[]>;
  lookAlikes: LookAlike[];
  sharedBy: Map<string, LookAlike[]>;
  contextLatin: Map<string, LookAlike[]>;
  contextCjk: { text: string; la: LookAlike }[];
  provinceLatin: Map<string, string[][]>;
  provinceCjk: string[];
}

export const compactOf = (s: string) => phraseWords(s).join('');

let cache: PlaceIndex | undefined;

/** The place index, built from seed/xuar-places.json on first use. */
export function placeIndex(): PlaceIndex {
  if (cache) return cache;
  const raw = xuarPlaces();
  const places: Place[] = [];
  const toPlace = (e: XuarPlaceEntry, level: Level): Place => {
    const noteWords = ` ${phraseWords(e.note ?? '').join(' ')} `;
    // the spellings the note names are the shared ones ("Khorgos is also a town on the Kazakh side":
    // not the pinyin Huoerguosi); a note that names none, or no note, shares the pinyin
    const named = [e.pinyin ?? '', ...(e.names ?? [])].filter((n) => n && noteWords.includes(` ${phraseWords(n).join(' ')} `));
    const shared = e.ambiguous ? (named.length ? named : [e.pinyin ?? '']) : [];
    return {
      zh: toSimplified(e.zh ?? ''),
      pinyin: e.pinyin ?? null,
      names: e.names ?? [],
      ambiguous: !!e.ambiguous,
      note: e.note ?? null,
      level,
      ambiguousSpellings: new Set(shared.map(compactOf).filter(Boolean)),
    };
  };
  places.push(toPlace(raw.region, 'region'), toPlace(raw.xpcc, 'xpcc'));
  for (const e of raw.prefectureLevel ?? []) places.push(toPlace(e, 'prefecture'));
  for (const e of raw.xpccCities ?? []) places.push(toPlace(e, 'xpccCity'));
  for (const e of raw.countyLevel ?? []) places.push(toPlace(e, 'county'));
  for (const e of raw.otherPlaces ?? []) places.push(toPlace(e, 'zone'));

  const latin = new Map<string, LatinPhrase[]>();
  const cjk: CjkName[] = [];
  let maxWords = 6;
  const addLatin = (p: LatinPhrase) => {
    if (!p.compact) return;
    maxWords = Math.max(maxWords, p.words.length);
    const list = latin.get(p.compact) ?? [];
    list.push(p);
    latin.set(p.compact, list);
  };
  const placeCompacts = new Set<string>();
  for (const place of places) {
    const spellings = [place.zh, ...(place.pinyin ? [place.pinyin] : []), ...place.names];
    for (const sp of spellings) {
      if (!sp) continue;
      if (hasHan(sp)) {
        cjk.push({ text: toSimplified(sp), place });
        continue;
      }
      const words = phraseWords(sp);
      addLatin({ words, compact: words.join(''), place });
      placeCompacts.add(words.join(''));
    }
  }

  const lookAlikes: LookAlike[] = [];
  const sharedBy = new Map<string, LookAlike[]>();
  const contextLatin = new Map<string, LookAlike[]>();
  const contextCjk: { text: string; la: LookAlike }[] = [];
  for (const e of raw.lookAlikesOutsideXuar ?? []) {
    const zh = e.zh ? toSimplified(e.zh) : null;
    const label = `${e.pinyin ?? e.names?.[0] ?? zh}${zh ? ` (${zh})` : ''}${e.where ? `, ${e.where}` : ''}`;
    const la: LookAlike = {
      zh,
      pinyin: e.pinyin ?? null,
      names: e.names ?? [],
      where: e.where ?? '',
      note: e.note ?? null,
      shares: new Set((e.shares ?? []).map(compactOf)),
      context: e.context ?? [],
      country: e.country?.toUpperCase() ?? null,
      label,
    };
    lookAlikes.push(la);
    if (zh) cjk.push({ text: zh, lookAlike: la });
    for (const sp of [...(e.pinyin ? [e.pinyin] : []), ...(e.names ?? [])]) {
      if (hasHan(sp)) {
        cjk.push({ text: toSimplified(sp), lookAlike: la });
        continue;
      }
      const words = phraseWords(sp);
      // a spelling that is also an XUAR name (bare "Yutian") needs context; others claim their words
      if (placeCompacts.has(words.join(''))) la.shares.add(words.join(''));
      else addLatin({ words, compact: words.join(''), lookAlike: la });
    }
    for (const s of la.shares) sharedBy.set(s, [...(sharedBy.get(s) ?? []), la]);
    for (const c of la.context) {
      if (hasHan(c)) contextCjk.push({ text: toSimplified(c), la });
      else contextLatin.set(compactOf(c), [...(contextLatin.get(compactOf(c)) ?? []), la]);
    }
  }

  const cjkByFirst = new Map<string, CjkName[]>();
  for (const n of cjk) {
    if (!n.text) continue;
    const list = cjkByFirst.get(n.text[0]) ?? [];
    list.push(n);
    cjkByFirst.set(n.text[0], list);
  }
  // longest first; on equal length a look-alike first
  for (const list of cjkByFirst.values()) {
    list.sort((a, b) => b.text.length - a.text.length || Number(!!b.lookAlike) - Number(!!a.lookAlike));
  }

  const provinceLatin = new Map<string, string[][]>();
  for (const province of PROVINCES) {
    for (const en of province.names) {
      const words = phraseWords(en);
      provinceLatin.set(words.join(''), [...(provinceLatin.get(words.join('')) ?? []), words]);
    }
  }
  const latinPrefixes = new Set<string>();
  for (const compact of latin.keys()) for (let n = 1; n <= compact.length; n++) latinPrefixes.add(compact.slice(0, n));
  cache = {
    latin,
    latinPrefixes,
    maxWords,
    cjkByFirst,
    lookAlikes,
    sharedBy,
    contextLatin,
    contextCjk,
    provinceLatin,
    provinceCjk: PROVINCES.map((p) => p.zh),
  };
  return cache;
}
