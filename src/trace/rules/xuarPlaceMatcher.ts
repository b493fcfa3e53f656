// Does a location lie in the Xinjiang Uyghur Autonomous Region (XUAR)? Decided from the
// country plus province, prefecture, county, city and address text in any spelling the
// reference data knows (English, pinyin, Uyghur-derived, older romanizations, Chinese
// characters), with the look-alikes outside the region kept out. A pure function over
// seed/xuar-places.json, which is read once per process.
//
// How a location is decided (the README of this folder has the reasoning):
// - Country. CN (or China, PRC, 中国...) is required. A country naming the region itself
//   ("Xinjiang", "XUAR", "East Turkestan") counts as CN. Any other country: never XUAR, the
//   names become look-alikes (Aksu, Kazakhstan). No country: only Chinese characters or a
//   region-level name (Xinjiang, XUAR, XPCC, Bingtuan...) decide, since they imply China.
// - Latin text is matched word by word (accent- and case-insensitive; "Urumqi City",
//   "Kashgar Prefecture", "Wulumuqishi", "Wu Lu Mu Qi" all match Urumqi). Chinese
//   characters are matched as substrings (traditional characters folded to simplified).
// - A look-alike spelled out ("Xinjiang County", 新绛县, 沙湾区) claims its words, so the
//   XUAR name inside it does not match.
// - A name used both in and outside the XUAR (marked ambiguous in the data; or shared with a
//   look-alike, e.g. "Xinjiang" with 新绛县; or short and not clearly a place, e.g. 和硕 in
//   和硕联合科技) gives way to another province named in the location. Ambiguous names decide
//   only in Chinese characters with their XUAR suffix (伊吾县) or together with another XUAR
//   name that decides.
// - A name used as a street name ("Urumqi Middle Road", 新疆路, 乌鲁木齐中路) is not a
//   location.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeTogether, fold, hasHan, isPinyinSyllable, latinTokens, phraseWords, toSimplified, type Token } from './text';
import { XUAR_ADMIN } from './xuarAdmin';

export interface LocationInput {
  country?: string | null;
  province?: string | null;
  city?: string | null;
  address?: string | null;
  prefecture?: string | null;
  county?: string | null;
}

export interface XuarLocation {
  inXuar: boolean;
  /** when inXuar: what matched, one line per name; otherwise why names that looked XUAR did not count */
  evidence: string[];
  confidence: 'definite' | 'none';
  /** when not inXuar and a name was set aside as a look-alike, which one and where it is */
  lookAlike?: string;
}

type Level = 'region' | 'xpcc' | 'prefecture' | 'xpccCity' | 'county' | 'zone';

interface Place {
  zh: string; pinyin: string | null; names: string[]; ambiguous: boolean; note: string | null; level: Level;
  /**
   * For an entry marked ambiguous, the Latin spellings that are shared with places outside
   * the XUAR: the pinyin, and any other spelling its note names ("Khorgos is also a town on
   * the Kazakh side"). Its Uyghur names (伊吾 "Aratürük") stay decisive.
   */
  ambiguousSpellings: Set<string>;
}
interface LookAlike {
  zh: string | null; pinyin: string | null; names: string[]; where: string; note: string | null;
  /** compact folded XUAR spellings it shares */
  shares: Set<string>; context: string[]; country: string | null; label: string;
}
interface LatinPhrase { words: string[]; compact: string; place?: Place; lookAlike?: LookAlike }
interface CjkName { text: string; place?: Place; lookAlike?: LookAlike }

interface PlaceIndex {
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

// ---------------------------------------------------------------- reference data

interface RawEntry { zh?: string; pinyin?: string; names?: string[]; ambiguous?: boolean; note?: string }
interface RawLookAlike extends RawEntry { where?: string; shares?: string[]; context?: string[]; country?: string }
interface RawPlaces {
  region: RawEntry; xpcc: RawEntry; prefectureLevel: RawEntry[]; xpccCities: RawEntry[]; countyLevel: RawEntry[];
  otherPlaces?: RawEntry[]; lookAlikesOutsideXuar?: RawLookAlike[];
}

/** Province-level divisions of China other than the XUAR, for "this location names another province". */
const OTHER_PROVINCES: [string[], string][] = [
  [['Beijing', 'Peking'], '北京'], [['Tianjin'], '天津'], [['Hebei'], '河北'], [['Shanxi'], '山西'],
  [['Inner Mongolia', 'Nei Mongol', 'Neimenggu', 'Nei Menggu'], '内蒙古'], [['Liaoning'], '辽宁'], [['Jilin'], '吉林'],
  [['Heilongjiang'], '黑龙江'], [['Shanghai'], '上海'], [['Jiangsu'], '江苏'], [['Zhejiang'], '浙江'], [['Anhui'], '安徽'],
  [['Fujian'], '福建'], [['Jiangxi'], '江西'], [['Shandong'], '山东'], [['Henan'], '河南'], [['Hubei'], '湖北'],
  [['Hunan'], '湖南'], [['Guangdong'], '广东'], [['Guangxi'], '广西'], [['Hainan'], '海南'], [['Chongqing'], '重庆'],
  [['Sichuan'], '四川'], [['Guizhou'], '贵州'], [['Yunnan'], '云南'], [['Tibet', 'Xizang'], '西藏'], [['Shaanxi'], '陕西'],
  [['Gansu'], '甘肃'], [['Qinghai'], '青海'], [['Ningxia'], '宁夏'], [['Hong Kong', 'Hongkong'], '香港'],
  [['Macau', 'Macao'], '澳门'], [['Taiwan'], '台湾'],
];

const compactOf = (s: string) => phraseWords(s).join('');

let cache: PlaceIndex | undefined;

function loadIndex(): PlaceIndex {
  if (cache) return cache;
  const raw = JSON.parse(readFileSync(join(__dirname, '../../../seed/xuar-places.json'), 'utf8')) as RawPlaces;
  const places: Place[] = [];
  const toPlace = (e: RawEntry, level: Level): Place => {
    const noteWords = ` ${phraseWords(e.note ?? '').join(' ')} `;
    const shared = e.ambiguous
      ? [e.pinyin ?? '', ...(e.names ?? []).filter((n) => noteWords.includes(` ${phraseWords(n).join(' ')} `))]
      : [];
    return {
      zh: toSimplified(e.zh ?? ''), pinyin: e.pinyin ?? null, names: e.names ?? [], ambiguous: !!e.ambiguous,
      note: e.note ?? null, level, ambiguousSpellings: new Set(shared.map(compactOf).filter(Boolean)),
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
      if (hasHan(sp)) { cjk.push({ text: toSimplified(sp), place }); continue; }
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
      zh, pinyin: e.pinyin ?? null, names: e.names ?? [], where: e.where ?? '', note: e.note ?? null,
      shares: new Set((e.shares ?? []).map(compactOf)), context: e.context ?? [], country: e.country?.toUpperCase() ?? null, label,
    };
    lookAlikes.push(la);
    if (zh) cjk.push({ text: zh, lookAlike: la });
    for (const sp of [...(e.pinyin ? [e.pinyin] : []), ...(e.names ?? [])]) {
      if (hasHan(sp)) { cjk.push({ text: toSimplified(sp), lookAlike: la }); continue; }
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
  for (const [ens] of OTHER_PROVINCES) {
    for (const en of ens) {
      const words = phraseWords(en);
      provinceLatin.set(words.join(''), [...(provinceLatin.get(words.join('')) ?? []), words]);
    }
  }
  const latinPrefixes = new Set<string>();
  for (const compact of latin.keys()) for (let n = 1; n <= compact.length; n++) latinPrefixes.add(compact.slice(0, n));
  cache = {
    latin, latinPrefixes, maxWords, cjkByFirst, lookAlikes, sharedBy, contextLatin, contextCjk, provinceLatin,
    provinceCjk: OTHER_PROVINCES.map(([, zh]) => zh),
  };
  return cache;
}

// ---------------------------------------------------------------- scanning one field

const ADMIN_WORDS = new Set([
  'county', 'city', 'prefecture', 'district', 'region', 'autonomous', 'xian', 'shi', 'qu', 'diqu', 'zhou', 'sheng',
  'province', 'municipality', 'zizhiqu', 'zizhizhou', 'zizhixian', 'uyghur', 'kazakh', 'mongol', 'hui', 'kyrgyz',
  'kirghiz', 'tajik', 'xibe', 'division', 'corps', 'area', 'prefecturelevel', 'countylevel', 'weiwuer',
  'uighur', 'uygur', 'aut', 'auton', 'pref', 'reg', 'cty',
]);
const GLUED_ADMIN = ['weiwuerzizhiqu', 'zizhiqu', 'zizhizhou', 'zizhixian', 'diqu', 'xian', 'zhou', 'zhen', 'shi', 'qu'];
const GLUED_STREET = ['zhonglu', 'beilu', 'nanlu', 'donglu', 'xilu', 'dajie', 'dadao', 'jie', 'lu'];
const GLUED = [...GLUED_ADMIN, ...GLUED_STREET];
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'middle', 'central', 'n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw',
  'zhong', 'bei', 'nan', 'dong', 'xi', 'first', 'second', 'third', '1st', '2nd', '3rd', 'upper', 'lower']);
const ROADS = new Set(['road', 'rd', 'street', 'st', 'str', 'avenue', 'ave', 'av', 'boulevard', 'blvd', 'lane', 'ln',
  'alley', 'way', 'drive', 'dr', 'lu', 'jie', 'dajie', 'dadao', 'hutong', 'zhonglu', 'beilu', 'nanlu', 'donglu', 'xilu']);

const CJK_STREET = /^(?:[东西南北中]{1,2})?(?:[一二三四五六七八九十]+)?(?:大道|大街|街道|胡同|路|街|巷|弄|道(?!路))/;
// 市 but not 市场 (market) or 市民
const CJK_ADMIN = /^(?:维吾尔自治区|维吾尔|自治区|自治州|自治县|地区|市(?![场民])|县|区|州|省|盟|师|第|生产建设兵团|兵团|垦区|经济|开发区|工业园|高新区)/;
const CJK_ADMIN_SHOWN = /^(?:维吾尔自治区|自治区|自治州|自治县|地区|市(?![场民])|县|区)/;
const CJK_XUAR_SUFFIX = /^(?:市(?![场民])|县|区|自治县)/;
const FILLER_CJK = /维吾尔自治区|自治区|自治州|自治县|地区|市|县|区|州|省/g;

interface Hit {
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

interface FieldScan { hits: Hit[]; provinces: string[]; contexts: Map<LookAlike, string> }

function scanField(field: string, value: string, idx: PlaceIndex, isProvinceField: boolean): FieldScan {
  const src = toSimplified(value);
  const tokens = latinTokens(src);
  const hits: Hit[] = [...scanLatin(field, src, tokens, idx), ...scanCjk(field, src, idx)];
  hits.sort((a, b) => a.start - b.start);

  // strength: distinctive (long) names, names followed by an administrative word, a field
  // that holds nothing else, or names next to another XUAR name
  const places = hits.filter((h) => h.place && !h.street);
  for (const h of places) {
    let strong: boolean | undefined;
    h.strong = () => strong ??= (h.script === 'cjk' ? h.text.length >= 3 : h.compact.length >= 5)
      || h.adminAfter
      || (h.script === 'latin' && (h.place!.level === 'region' || h.place!.level === 'xpcc'))
      || strip(src.slice(0, h.start) + ' ' + src.slice(h.end)) === ''
      || places.some((o) => o !== h && strip(o.end <= h.start ? src.slice(o.end, h.start) : src.slice(h.end, o.start)) === '');
  }

  // other provinces named here
  const provinces: string[] = [];
  wordRuns(src, tokens, idx.provinceLatin, (i, k) => {
    if (isProvinceField || latinStreetAfter(src, tokens, i + k) < 0) provinces.push(src.slice(tokens[i].start, tokens[i + k - 1].end));
  });
  for (const zh of idx.provinceCjk) {
    for (let at = src.indexOf(zh); at >= 0; at = src.indexOf(zh, at + 1)) {
      const after = src.slice(at + zh.length);
      if (isProvinceField) { provinces.push(zh); continue; }
      if (CJK_STREET.test(after)) continue;
      const before = src.slice(0, at).trim();
      if (/^(?:省|市|自治区|壮族|回族|维吾尔|特别行政区)/.test(after) || before === '' || /[\s,，、;；(（]$/.test(before)) provinces.push(zh);
    }
  }

  // names that point at a look-alike
  const contexts = new Map<LookAlike, string>();
  wordRuns(src, tokens, idx.contextLatin, (i, k, las) => {
    if (latinStreetAfter(src, tokens, i + k) >= 0) return;
    for (const la of las) if (!contexts.has(la)) contexts.set(la, src.slice(tokens[i].start, tokens[i + k - 1].end));
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

function scanLatin(field: string, src: string, tokens: Token[], idx: PlaceIndex): Hit[] {
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
    if (!best) { i++; continue; }
    const { phrase, k, glued } = best;
    const first = tokens[i];
    const last = tokens[i + k - 1];
    const next = tokens[i + k];
    const road = latinStreetAfter(src, tokens, i + k);
    const street = (glued !== null && GLUED_STREET.includes(glued)) || road >= 0;
    const streetText = road >= 0 ? src.slice(first.start, tokens[road].end) : src.slice(first.start, last.end);
    const adminAfter = (glued !== null && GLUED_ADMIN.includes(glued)) || (!!next && ADMIN_WORDS.has(next.norm));
    hits.push({
      field, text: src.slice(first.start, last.end), script: 'latin', start: first.start, end: last.end,
      place: phrase.place, lookAlike: phrase.lookAlike, compact: phrase.compact, street, streetText, adminAfter, xuarSuffix: false, strong: () => false,
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
    if (!found) { i++; continue; }
    const end = i + found.text.length;
    const after = src.slice(end);
    const shown = CJK_ADMIN_SHOWN.exec(after)?.[0] ?? '';
    const road = CJK_STREET.exec(after)?.[0];
    hits.push({
      field, text: found.text + shown, script: 'cjk', start: i, end: end + shown.length,
      place: found.place, lookAlike: found.lookAlike, compact: '', street: road !== undefined,
      streetText: found.text + (road ?? ''),
      adminAfter: CJK_ADMIN.test(after), xuarSuffix: CJK_XUAR_SUFFIX.test(after), strong: () => false,
    });
    i = end;
  }
  return hits;
}

// ---------------------------------------------------------------- country

const CN_FORMS = new Set([
  'cn', 'chn', '156', 'china', 'prc', 'prchina', 'peoplesrepublicofchina', 'peoplesrepofchina', 'thepeoplesrepublicofchina',
  'mainlandchina', 'chinamainland', '中国', '中华人民共和国', '中国大陆',
]);

function countryForm(country: string): string {
  return fold(toSimplified(country)).replace(/[\s.,'’()\-_]/g, '');
}

// ---------------------------------------------------------------- the decision

function describe(place: Place): string {
  if (place.level === 'region') return 'the Xinjiang Uyghur Autonomous Region (新疆维吾尔自治区)';
  if (place.level === 'xpcc') return 'the Xinjiang Production and Construction Corps (新疆生产建设兵团), XUAR';
  const a = XUAR_ADMIN.get(place.zh);
  if (a) return `${a.en} (${a.zhFull})${a.parent ? `, ${a.parent}` : ''}, XUAR`;
  return `${place.pinyin ?? place.names[0] ?? place.zh} (${place.zh}), XUAR`;
}

/** Chinese characters of an ambiguous entry, or one of its shared Latin spellings. */
const isAmbiguous = (h: Hit) => !!h.place?.ambiguous && (h.script === 'cjk' || h.place.ambiguousSpellings.has(h.compact));

const quote = (h: Hit) => `${h.field} "${h.text}"`;

/**
 * Whether a location lies in the XUAR, with the evidence. Pure; the reference data is read
 * once per process.
 */
export function locateInXuar(loc: LocationInput): XuarLocation {
  const idx = loadIndex();
  const rawCountry = (loc.country ?? '').trim();
  const fields: [string, string][] = [];
  for (const f of ['province', 'prefecture', 'county', 'city', 'address'] as const) {
    const v = loc[f];
    if (typeof v === 'string' && v.trim()) fields.push([f, v.trim()]);
  }

  let countryState: 'CN' | 'missing' | 'other';
  if (!rawCountry) countryState = 'missing';
  else if (CN_FORMS.has(countryForm(rawCountry))) countryState = 'CN';
  else {
    // a country that names the region itself ("Xinjiang", "XUAR", "East Turkestan")
    const scan = scanField('country', rawCountry, idx, false);
    countryState = scan.hits.some((h) => h.place?.level === 'region' && !h.street) ? 'CN' : 'other';
    if (countryState === 'CN') fields.unshift(['country', rawCountry]);
  }

  const hits: Hit[] = [];
  const provinceField: string[] = [];
  const provinceAnywhere: string[] = [];
  const contexts = new Map<LookAlike, string>();
  for (const [field, value] of fields) {
    const scan = scanField(field, value, idx, field === 'province');
    hits.push(...scan.hits);
    if (field === 'province') provinceField.push(...scan.provinces);
    provinceAnywhere.push(...scan.provinces);
    for (const [la, text] of scan.contexts) if (!contexts.has(la)) contexts.set(la, text);
  }

  const decisive: Hit[] = [];
  const agreeing: Hit[] = [];
  const notes: string[] = [];
  const lookAlikes: { rank: number; text: string }[] = [];
  const reject = (note: string, rank: number, lookAlike?: string) => {
    notes.push(note);
    if (lookAlike) lookAlikes.push({ rank, text: lookAlike });
  };

  // look-alikes written out claim their words
  for (const h of hits) {
    if (!h.lookAlike || h.street) continue;
    reject(`${quote(h)} is ${h.lookAlike.label}, not the XUAR`, 0, h.lookAlike.label);
  }

  const otherProvince = provinceField[0] ?? provinceAnywhere[0];
  for (const h of hits) {
    const place = h.place;
    if (!place) continue;
    if (h.street) {
      reject(`${h.field} "${h.streetText}" is a street name, not a location in the XUAR`, 4, `street name "${h.streetText}"`);
      continue;
    }
    if (countryState === 'other') {
      const la = idx.lookAlikes.find((l) => l.country === rawCountry.toUpperCase() && (l.shares.has(h.compact) || l.names.some((n) => compactOf(n) === h.compact)));
      reject(`${quote(h)} would be ${describe(place)}, but the country is "${rawCountry}", not China`, 3,
        la ? la.label : `"${h.text}" outside China (country ${rawCountry})`);
      continue;
    }
    // a look-alike that this location points at
    const related = h.script === 'latin'
      ? idx.sharedBy.get(h.compact) ?? []
      : idx.lookAlikes.filter((l) => l.zh && l.zh !== place.zh && l.zh.startsWith(place.zh));
    const pointed = related.find((l) => contexts.has(l));
    if (pointed) {
      reject(`${quote(h)} is read as ${pointed.label}: "${contexts.get(pointed)}" points there`, 1, pointed.label);
      continue;
    }
    const ambiguous = isAmbiguous(h);
    const elsewhere = ambiguous || related.length > 0 || (!!otherProvince && !h.strong());
    if (elsewhere && otherProvince) {
      const why = ambiguous || related.length ? 'the name is also used outside the XUAR' : 'it is not clearly a place name here';
      reject(`${quote(h)} is not taken as the XUAR: ${why} and the location names another province, "${otherProvince}"`, 2,
        related[0]?.label ?? `"${h.text}" in a location in ${otherProvince}`);
      continue;
    }
    if (ambiguous && !(h.script === 'cjk' && h.xuarSuffix)) { agreeing.push(h); continue; }
    if (countryState === 'missing' && h.script === 'latin' && place.level !== 'region' && place.level !== 'xpcc') {
      agreeing.push(h);
      continue;
    }
    decisive.push(h);
  }

  if (decisive.length) {
    // one line per place, from the first field that names it (province, prefecture, county, city, address)
    const evidence: string[] = [];
    const described = new Set<Place>();
    const add = (s: string) => { if (!evidence.includes(s)) evidence.push(s); };
    for (const h of decisive) {
      if (described.has(h.place!)) continue;
      described.add(h.place!);
      add(`${quote(h)} is ${describe(h.place!)}`);
    }
    for (const h of agreeing) {
      if (described.has(h.place!)) continue;
      described.add(h.place!);
      add(`${quote(h)} is ${describe(h.place!)}${isAmbiguous(h) ? ' (a name also used elsewhere, here confirmed by the other XUAR names)' : ''}`);
    }
    if (countryState === 'missing') add('country not given: the Chinese characters or region name place it in China');
    if (provinceField.length && decisive.every((h) => h.field !== 'province')) {
      add(`note: province "${provinceField[0]}" names another province, but the names above are found only in the XUAR`);
    }
    return { inXuar: true, evidence, confidence: 'definite' };
  }

  for (const h of agreeing) {
    if (countryState === 'missing' && !isAmbiguous(h)) {
      reject(`${quote(h)} would be ${describe(h.place!)}, but no country is given and a romanized name alone does not show China`, 5);
    } else {
      const la = (idx.sharedBy.get(h.compact) ?? [])[0];
      reject(`${quote(h)} is ambiguous${h.place!.note ? ` (${h.place!.note})` : ''}; nothing else here places it in the XUAR`, 6,
        la?.label ?? (h.place!.note ? `"${h.text}": ${h.place!.note}` : `"${h.text}" is also a place name outside the XUAR`));
    }
  }
  const result: XuarLocation = { inXuar: false, evidence: [...new Set(notes)], confidence: 'none' };
  const la = lookAlikes.sort((a, b) => a.rank - b.rank)[0];
  if (la) result.lookAlike = la.text;
  return result;
}
