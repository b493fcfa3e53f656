// Scanning one field of a location (province, city, address...) for XUAR names: Latin
// spellings word by word, Chinese names as substrings, each hit marked as a street name or
// followed by an administrative word, plus the other provinces and look-alike contexts the
// field names. The decision over all fields is in xuarPlaceMatcher.ts. Disguise is folded
// before the scan (look-alike letters, invisible characters); what a hit quotes is the text
// as written.
import {
  closeTogether,
  fold,
  foldDisguiseMapped,
  isPinyinSyllable,
  latinTokens,
  toSimplified,
  withoutSpacesBetweenHan,
  type Token,
} from './text';
import type { LatinPhrase, LookAlike, Place, PlaceIndex } from './xuarPlaceIndex';

const ADMIN_WORDS = new Set([
  'county',
  'city',
  'prefecture',
  'district',
  'region',
  'autonomous',
  'xian',
  'shi',
  'qu',
  'diqu',
  'zhou',
  'sheng',
  'province',
  'municipality',
  'zizhiqu',
  'zizhizhou',
  'zizhixian',
  'uyghur',
  'kazakh',
  'mongol',
  'hui',
  'kyrgyz',
  'kirghiz',
  'tajik',
  'xibe',
  'division',
  'corps',
  'area',
  'prefecturelevel',
  'countylevel',
  'weiwuer',
  'uighur',
  'uygur',
  'aut',
  'auton',
  'pref',
  'reg',
  'cty',
]);
const GLUED_ADMIN = ['weiwuerzizhiqu', 'zizhiqu', 'zizhizhou', 'zizhixian', 'diqu', 'xian', 'zhou', 'zhen', 'shi', 'qu'];
const GLUED_STREET = ['zhonglu', 'beilu', 'nanlu', 'donglu', 'xilu', 'dajie', 'dadao', 'jie', 'lu'];
const GLUED = [...GLUED_ADMIN, ...GLUED_STREET];
const DIRECTIONS = new Set([
  'north',
  'south',
  'east',
  'west',
  'middle',
  'central',
  'n',
  's',
  'e',
  'w',
  'ne',
  'nw',
  'se',
  'sw',
  'zhong',
  'bei',
  'nan',
  'dong',
  'xi',
  'first',
  'second',
  'third',
  '1st',
  '2nd',
  '3rd',
  'upper',
  'lower',
]);
const ROADS = new Set([
  'road',
  'rd',
  'street',
  'st',
  'str',
  'avenue',
  'ave',
  'av',
  'boulevard',
  'blvd',
  'lane',
  'ln',
  'alley',
  'way',
  'drive',
  'dr',
  'lu',
  'jie',
  'dajie',
  'dadao',
  'hutong',
  'zhonglu',
  'beilu',
  'nanlu',
  'donglu',
  'xilu',
]);

const CJK_STREET = /^(?:[东西南北中]{1,2})?(?:[一二三四五六七八九十]+)?(?:大道|大街|街道|胡同|路|街|巷|弄|道(?!路))/;
// 市 but not 市场 (market) or 市民
const CJK_ADMIN =
  /^(?:维吾尔自治区|维吾尔|自治区|自治州|自治县|地区|市(?![场民])|县|区|州|省|盟|师|第|生产建设兵团|兵团|垦区|经济|开发区|工业园|高新区)/;
const CJK_ADMIN_SHOWN = /^(?:维吾尔自治区|自治区|自治州|自治县|地区|市(?![场民])|县|区)/;
const CJK_XUAR_SUFFIX = /^(?:市(?![场民])|县|区|自治县)/;
const FILLER_CJK = /维吾尔自治区|自治区|自治州|自治县|地区|市|县|区|州|省/g;

export interface Hit {
  field: string;
  text: string;
  script: 'latin' | 'cjk';
  start: number;
  end: number;
  place?: Place;
  lookAlike?: LookAlike;
  /** latin: the compact spelling that matched */
  compact: string;
  street: boolean;
  /** when street: the street name as written */
  streetText: string;
  adminAfter: boolean;
  /** cjk: followed by 市/县/区 */
  xuarSuffix: boolean;
  /** a clear place reference, not a word that happens to contain the name (worked out when needed) */
  strong: () => boolean;
}

export interface FieldScan {
  hits: Hit[];
  provinces: string[];
  contexts: Map<LookAlike, string>;
}

/** Every XUAR name, look-alike, other province and look-alike context named in one field of a location. */
export function scanField(field: string, value: string, idx: PlaceIndex, isProvinceField: boolean): FieldScan {
  const folded = foldDisguiseMapped(toSimplified(withoutSpacesBetweenHan(value)));
  // NFKC may turn a compatibility ideograph into a traditional character: fold again
  const src = toSimplified(folded.text);
  const written = folded.shown;
  const tokens = latinTokens(src);
  const hits: Hit[] = [...scanLatin(field, src, tokens, idx, written), ...scanCjk(field, src, idx)];
  hits.sort((a, b) => a.start - b.start);

  // strength: distinctive (long) names, names followed by an administrative word, a field
  // that holds nothing else, or names next to another XUAR name
  const places = hits.filter((h) => h.place && !h.street);
  for (const h of places) {
    let strong: boolean | undefined;
    h.strong = () =>
      (strong ??=
        (h.script === 'cjk' ? h.text.length >= 3 : h.compact.length >= 5) ||
        h.adminAfter ||
        (h.script === 'latin' && (h.place!.level === 'region' || h.place!.level === 'xpcc')) ||
        strip(src.slice(0, h.start) + ' ' + src.slice(h.end)) === '' ||
        places.some((o) => o !== h && strip(o.end <= h.start ? src.slice(o.end, h.start) : src.slice(h.end, o.start)) === ''));
  }

  // other provinces named here
  const provinces: string[] = [];
  wordRuns(src, tokens, idx.provinceLatin, (i, k) => {
    if (isProvinceField || latinStreetAfter(src, tokens, i + k) < 0) provinces.push(written(tokens[i].start, tokens[i + k - 1].end));
  });
  for (const zh of idx.provinceCjk) {
    for (let at = src.indexOf(zh); at >= 0; at = src.indexOf(zh, at + 1)) {
      const after = src.slice(at + zh.length);
      if (isProvinceField) {
        provinces.push(zh);
        continue;
      }
      if (CJK_STREET.test(after)) continue;
      const before = src.slice(0, at).trim();
      if (/^(?:省|市|自治区|壮族|回族|维吾尔|特别行政区)/.test(after) || before === '' || /[\s,，、;；(（]$/.test(before))
        provinces.push(zh);
    }
  }

  // names that point at a look-alike
  const contexts = new Map<LookAlike, string>();
  wordRuns(src, tokens, idx.contextLatin, (i, k, las) => {
    if (latinStreetAfter(src, tokens, i + k) >= 0) return;
    for (const la of las) if (!contexts.has(la)) contexts.set(la, written(tokens[i].start, tokens[i + k - 1].end));
  });
  for (const { text, la } of idx.contextCjk) {
    for (let at = src.indexOf(text); at >= 0 && !contexts.has(la); at = src.indexOf(text, at + 1)) {
      if (!CJK_STREET.test(src.slice(at + text.length))) contexts.set(la, text);
    }
  }

  return { hits, provinces, contexts };
}

/** Runs of 1 to 3 close-together words whose joined form is a key of `map` (province or context names). */
function wordRuns<T>(src: string, tokens: Token[], map: Map<string, T>, found: (i: number, k: number, value: T) => void) {
  for (let i = 0; i < tokens.length; i++) {
    let joined = '';
    for (let k = 1; k <= 3 && i + k <= tokens.length; k++) {
      if (k > 1 && !closeTogether(src, tokens[i + k - 2], tokens[i + k - 1])) break;
      joined += tokens[i + k - 1].norm;
      const value = map.get(joined);
      if (value !== undefined) found(i, k, value);
    }
  }
}

/** What is left of a stretch of text once punctuation, spaces and administrative words are removed. */
function strip(s: string): string {
  let out = '';
  for (const w of s.replace(FILLER_CJK, ' ').split(/[^\p{L}\p{N}]+/u)) {
    if (!w) continue;
    const f = fold(w);
    if (!ADMIN_WORDS.has(f)) out += f;
  }
  return out;
}

/** Index of the road word ("Road", "Lu", "St") that makes the words before `from` a street name, or -1. */
function latinStreetAfter(src: string, tokens: Token[], from: number): number {
  let j = from;
  while (j < tokens.length && DIRECTIONS.has(tokens[j].norm) && closeTogether(src, tokens[j - 1], tokens[j])) j++;
  return j < tokens.length && j > 0 && ROADS.has(tokens[j].norm) && closeTogether(src, tokens[j - 1], tokens[j]) ? j : -1;
}

/** `written`: the text as written behind a span of `src`, for what a hit quotes. */
function scanLatin(field: string, src: string, tokens: Token[], idx: PlaceIndex, written: (start: number, end: number) => string): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length;) {
    let best: { phrase: LatinPhrase; k: number; glued: string | null } | undefined;
    const better = (phrase: LatinPhrase, k: number, glued: string | null) => {
      if (!best) return true;
      if (k !== best.k) return k > best.k;
      if (!!phrase.lookAlike !== !!best.phrase.lookAlike) return !!phrase.lookAlike;
      return best.glued !== null && glued === null;
    };
    for (let k = 1; k <= Math.min(idx.maxWords, tokens.length - i); k++) {
      const seg = tokens.slice(i, i + k);
      if (k > 1 && !closeTogether(src, seg[k - 2], seg[k - 1])) break;
      const joined = seg.map((t) => t.norm).join('');
      const consider = (phrases: LatinPhrase[] | undefined, glued: string | null) => {
        for (const p of phrases ?? []) {
          if (aligned(p, seg, glued) && better(p, k, glued)) best = { phrase: p, k, glued };
        }
      };
      consider(idx.latin.get(joined), null);
      for (const suf of GLUED) {
        if (joined.length >= suf.length + 3 && joined.endsWith(suf)) consider(idx.latin.get(joined.slice(0, -suf.length)), suf);
      }
      // no spelling starts with these words: a longer run cannot match either
      if (!idx.latinPrefixes.has(joined)) break;
    }
    if (!best) {
      i++;
      continue;
    }
    const { phrase, k, glued } = best;
    const first = tokens[i];
    const last = tokens[i + k - 1];
    const next = tokens[i + k];
    const road = latinStreetAfter(src, tokens, i + k);
    const street = (glued !== null && GLUED_STREET.includes(glued)) || road >= 0;
    const streetText = written(first.start, road >= 0 ? tokens[road].end : last.end);
    const adminAfter = (glued !== null && GLUED_ADMIN.includes(glued)) || (!!next && ADMIN_WORDS.has(next.norm));
    hits.push({
      field,
      text: written(first.start, last.end),
      script: 'latin',
      start: first.start,
      end: last.end,
      place: phrase.place,
      lookAlike: phrase.lookAlike,
      compact: phrase.compact,
      street,
      streetText,
      adminAfter,
      xuarSuffix: false,
      strong: () => false,
    });
    i += k;
  }
  return hits;
}

/**
 * A run of tokens spells a phrase: as one glued word, or word by word, where a word may also
 * be written as separate pinyin syllables ("Wu Lu Mu Qi", "Xin Jiang County").
 */
function aligned(p: LatinPhrase, seg: Token[], glued: string | null): boolean {
  if (seg.length === 1) return true;
  const words = glued ? [...p.words.slice(0, -1), p.words[p.words.length - 1] + glued] : p.words;
  const fit = (w: number, t: number): boolean => {
    if (w === words.length) return t === seg.length;
    let acc = '';
    for (let e = t; e < seg.length; e++) {
      acc += seg[e].norm;
      if (!words[w].startsWith(acc)) return false;
      if (acc === words[w] && (e === t || seg.slice(t, e + 1).every((x) => isPinyinSyllable(x.norm))) && fit(w + 1, e + 1)) return true;
    }
    return false;
  };
  return fit(0, 0);
}

function scanCjk(field: string, src: string, idx: PlaceIndex): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < src.length;) {
    const found = (idx.cjkByFirst.get(src[i]) ?? []).find((n) => src.startsWith(n.text, i));
    if (!found) {
      i++;
      continue;
    }
    const end = i + found.text.length;
    const after = src.slice(end);
    const shown = CJK_ADMIN_SHOWN.exec(after)?.[0] ?? '';
    const road = CJK_STREET.exec(after)?.[0];
    hits.push({
      field,
      text: found.text + shown,
      script: 'cjk',
      start: i,
      end: end + shown.length,
      place: found.place,
      lookAlike: found.lookAlike,
      compact: '',
      street: road !== undefined,
      streetText: found.text + (road ?? ''),
      adminAfter: CJK_ADMIN.test(after),
      xuarSuffix: CJK_XUAR_SUFFIX.test(after),
      strong: () => false,
    });
    i = end;
  }
  return hits;
}
