// Firm-name normalization for screening: one canonical token sequence for every spelling of
// a name. Width, case, accents and punctuation are folded; legal forms (English, pinyin and
// Chinese) are dropped; business words are mapped to one canonical token each (Keji, 科技 and
// Tech become "technology"); Chinese characters (traditional folded to simplified) become
// pinyin, with ü written v as the tables write it (吕梁, Lǚliáng and Lüliang are all lvliang);
// place names are kept but marked, since they say where a firm is rather than which firm it is.
import { pinyin } from 'pinyin-pro';
import { toSimplified } from '../model/gazetteer/traditional';
import { foldDisguise, withoutSpacesBetweenHan } from '../model/text/disguise';
import { isPinyinWord, umlautAsV, umlautSpellings, withoutToneNumbers } from '../model/text/pinyin';
import { LEXICON, LexClass } from './lexicon';
import { contextPlace, placeTables, PlaceInfo, PlaceLevel, type ContextPlace } from './places';
import { editDistance } from '../model/text/editDistance';
import { abbreviates, abbreviationIndex, ELEMENT_SYMBOLS, expandAbbreviations, type Abbreviation } from './abbreviations';
import { digitRepairs, ocrKey, ocrKeyIndex } from './ocrTypos';

export type TokenKind = 'name' | 'form' | 'sector' | 'place';
export interface NameToken {
  /** Canonical form: "technology" for Keji, "kashi" for Kashgar. */
  text: string;
  /** The spelling it came from (pinyin for Chinese), used to rejoin split words. */
  raw: string;
  kind: TokenKind;
  /** For places: a province or region, or a city or county. */
  level?: PlaceLevel;
  /** For places: administrative codes of every division it may mean (divisions.ts); empty for China itself. */
  codes?: readonly string[];
  /** Inside parentheses, e.g. "(Shanshan)" or "(XPCC)". */
  paren: boolean;
  /**
   * For a name word that may be misread ("Hosh1ne", "Chernical") or spells ü otherwise ("Luliang"): the spellings it may stand for.
   * For a word read as a lexicon word by typo correction: the word as written, which may be a listed trade name misread.
   */
  ocr?: string[];
  /** Another canonical form the word may stand for: "transport" for "Comm.", read first as commercial. */
  alt?: string;
}
export interface NormalizedName {
  original: string;
  /** Canonical tokens joined by spaces. */
  normalized: string;
  tokens: NameToken[];
  /** Words dropped as legal forms or filler. */
  dropped: string[];
  /** Names a group or holding company ("Group", "Jituan", "集团", "Holdings"): a parent, not the subsidiary it owns. */
  parentForm: boolean;
}

interface LexHit {
  out: string[];
  cls: LexClass[];
  raw: string;
}
interface Tables {
  latin: Map<string, LexHit>;
  zh: Map<string, LexHit>;
  zhMax: number;
  places: ReturnType<typeof placeTables>;
  /** One-deletion neighbourhood of English lexicon words and long region names, for typo correction. */
  fuzzyIndex: Map<string, string[]>;
  abbreviations: Map<string, Abbreviation[]>;
  /** Lexicon and place words (and phrases joined) by their OCR key, for words misread letter by letter. */
  ocrKnown: Map<string, string | null>;
  /** Single English lexicon words by first letter, for abbreviations no table lists. */
  fullWords: Map<string, Array<{ key: string; hit: LexHit }>>;
}

const latinKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const ADMIN_EN = new Set(['county', 'city', 'prefecture', 'district']);
const ADMIN_ZH = new Set(['省', '市', '县', '区', '州', '旗']);
const ADMIN_ZH_LONG = ['自治区', '自治州', '自治县', '地区'];
// Dropped words that name a group or holding company (their spelling as the lexicon keys it).
const PARENT_FORMS = new Set(['group', 'grp', 'holding', 'holdings', 'jituan', 'konggu', 'konggujituan']);

function deletions(s: string): string[] {
  const out = [s];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

let tables: Tables | undefined;
function getTables(): Tables {
  if (tables) return tables;
  const latin = new Map<string, LexHit>();
  const zh = new Map<string, LexHit>();
  const fuzzyIndex = new Map<string, string[]>();
  const addFuzzy = (key: string) => {
    for (const d of deletions(key)) {
      const list = fuzzyIndex.get(d);
      if (!list) fuzzyIndex.set(d, [key]);
      else if (!list.includes(key)) list.push(key);
    }
  };
  // A word keeps its own class inside a phrase: "industry" in 硅业 (silicon industry) is a form word.
  const classOf = new Map<string, LexClass>();
  for (const e of LEXICON) if (e.out.length === 1 && !classOf.has(e.out[0])) classOf.set(e.out[0], e.cls);
  const hit = (e: (typeof LEXICON)[number], raw: string): LexHit => ({
    out: e.out,
    cls: e.out.length ? e.out.map((o) => classOf.get(o) ?? e.cls) : ['drop'],
    raw,
  });
  for (const e of LEXICON) {
    for (const w of [...(e.en ?? []), ...(e.py ?? [])]) {
      const k = latinKey(w);
      if (k && !latin.has(k)) latin.set(k, hit(e, k));
    }
    for (const w of e.en ?? []) if (!w.includes(' ') && w.length >= 5) addFuzzy(latinKey(w));
    for (const w of e.zh ?? []) {
      if (!zh.has(w)) zh.set(w, hit(e, pinyin(w, { toneType: 'none', type: 'array', v: true }).join('')));
    }
  }
  const fullWords = new Map<string, Array<{ key: string; hit: LexHit }>>();
  for (const e of LEXICON)
    for (const w of e.en ?? []) {
      const k = latinKey(w);
      if (w.includes(' ') || k.length < 5 || !e.out.length) continue;
      const l = fullWords.get(k[0]) ?? [];
      if (!l.some((x) => x.key === k)) l.push({ key: k, hit: latin.get(k)! });
      fullWords.set(k[0], l);
    }
  const places = placeTables();
  // Only long province and region names get typo correction: pinyin city names sit too close to trade names.
  for (const [k, p] of places.latin) if (k.length >= 8 && p.level === 'region') addFuzzy(k);
  let zhMax = 0;
  for (const k of [...zh.keys(), ...places.zh.keys()]) zhMax = Math.max(zhMax, k.length);
  const ocrKnown = ocrKeyIndex([...latin.keys(), ...places.latin.keys()]);
  tables = { latin, zh, zhMax, places, fuzzyIndex, abbreviations: abbreviationIndex(), fullWords, ocrKnown };
  return tables;
}

/** An English lexicon word or long region name within one edit of an unknown word ("Textle", "Grup", "Xinjaing"). */
function fuzzyLookup(t: Tables, token: string): string | undefined {
  if (token.length < 4 || /\d/.test(token)) return undefined;
  let best: string | undefined;
  for (const d of deletions(token)) {
    for (const key of t.fuzzyIndex.get(d) ?? []) {
      if (key !== best && Math.abs(key.length - token.length) <= 1 && editDistance(key, token, 1) <= 1) {
        if (!best || key.length > best.length) best = key;
      }
    }
  }
  return best;
}

/**
 * The one lexicon word an unknown word abbreviates by rule ("Alum.", "Whsg", "Prtg"), if it
 * abbreviates words of one lexicon entry only. A word that reads as pinyin is taken for a
 * trade name unless written with a full stop.
 */
function abbreviatedLexiconWord(t: Tables, word: string, dotted: boolean): LexHit | undefined {
  if (!dotted && isPinyinWord(word)) return undefined;
  let found: LexHit | undefined;
  for (const { key, hit } of t.fullWords.get(word[0]) ?? []) {
    if (!abbreviates(word, key, dotted)) continue;
    if (found && found.out.join(' ') !== hit.out.join(' ')) return undefined;
    found = hit;
  }
  return found;
}

function fold(s: string): string {
  let out = s.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(out))
    out = umlautAsV(out.normalize('NFKC').toLowerCase().normalize('NFD')).replace(/\p{M}/gu, '').normalize('NFC');
  else out = umlautAsV(out);
  out = out.replace(/[’'`´‘]/g, '');
  out = out.replace(/\b(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, '') + ' '); // L.Y.S.Z.D. -> lyszd
  out = out.replace(/(?<![\p{L}\p{N}])(\p{L}{1,2})&(\p{L}{1,2})(?![\p{L}\p{N}])/gu, '$1$2'); // G&G -> gg
  return out.replace(/&/g, ' and ');
}

class Builder {
  readonly tokens: NameToken[] = [];
  readonly dropped: string[] = [];
  paren = false;
  parentForm = false;
  /** Letter spellings of words that had digits in them, for the list lookup. */
  private readonly digitSpellings = new Map<string, string[]>();
  /** Words whose misread letters were put right, as written ("yining" -> "yinlng"): the written word may be a listed name misspelt. */
  private readonly letterRepairs = new Map<string, string>();
  /** Spelled-out abbreviations with a second reading ("commercial" -> "communications"). */
  private readonly secondReadings = new Map<string, string>();
  /** The name's words so far, spelled out. */
  private readonly spelled: string[] = [];
  /** The name has pinyin with tone numbers, so a numbered syllable alone is pinyin too ("(Shan4 Shan4)"). */
  toneText = false;
  /** Words written with a full stop after them ("Alum."), which may be abbreviations no table lists. */
  private readonly dottedWords = new Set<string>();
  constructor(private readonly t: Tables) {}

  /** `raw`: the spelling kept for rejoining; an abbreviation keeps its own ("Yas heng" is Yasheng split, not yarns and heng). */
  private emitLex(hit: LexHit, surface: string, raw = hit.raw) {
    if (!hit.out.length) {
      this.dropped.push(surface);
      if (PARENT_FORMS.has(hit.raw)) this.parentForm = true;
      return;
    }
    hit.out.forEach((text, i) => {
      const c = hit.cls[i];
      const kind: TokenKind = c === 'form' || c === 'sector' ? c : 'name';
      this.tokens.push({ text, raw: i === 0 ? raw : '', kind, paren: this.paren });
    });
  }
  private emitPlace(p: PlaceInfo, raw: string) {
    this.tokens.push({ text: p.canonical, raw, kind: 'place', level: p.level, codes: p.codes, paren: this.paren });
  }
  private emitContextPlace(p: ContextPlace, raw: string) {
    this.tokens.push({ text: p.canonical, raw, kind: 'place', level: 'city', codes: p.codes, paren: this.paren });
  }
  /** The codes of the token just emitted when it is a place in the same parentheses: what a county after it must lie in. */
  private placeBefore(): readonly string[] | undefined {
    const prev = this.tokens[this.tokens.length - 1];
    return prev && prev.kind === 'place' && prev.paren === this.paren && prev.codes?.length ? prev.codes : undefined;
  }
  private emitName(raw: string) {
    const ocr = [...(this.digitSpellings.get(raw) ?? []), ...umlautSpellings(raw)];
    const element = Object.hasOwn(ELEMENT_SYMBOLS, raw) ? ELEMENT_SYMBOLS[raw] : undefined;
    this.tokens.push({
      text: raw,
      raw,
      kind: 'name',
      paren: this.paren,
      ...(ocr.length ? { ocr } : {}),
      ...(element ? { alt: element } : {}),
    });
  }

  private knows(key: string): boolean {
    return this.t.latin.has(key) || this.t.places.latin.has(key);
  }

  /** The lexicon or place word (or phrase) an unknown word is a misreading of, letter by letter ("zhuhal": zhuhai), by its OCR key. */
  private misreadKnown(key: string): string | undefined {
    return this.t.ocrKnown.get(key) ?? undefined;
  }

  /** Digits read as letters put right, then abbreviations spelled out; `dotted[i]`: words[i] ended in a full stop. */
  prepare(written: string[], dotted: boolean[]): string[] {
    // pinyin with tone numbers ("Xin1jiang1 Hua2fu2") read without them
    const words = written.map((w) => withoutToneNumbers(w, this.toneText));
    const letters = words.map((w, i) => {
      const spellings = digitRepairs(w);
      if (!spellings.length) return w;
      // the spelling the lexicon or gazetteer knows, alone or with a neighbour ("Inner Mongol1a", "Supp1y Chain")
      const known = (s: string) => this.knows(s) || this.knows((words[i - 1] ?? '') + s) || this.knows(s + (words[i + 1] ?? ''));
      const best = spellings.find(known) ?? spellings[0];
      this.digitSpellings.set(
        best,
        spellings.filter((s) => s !== best),
      );
      return best;
    });
    // misread letters put right where that makes a word the lexicon or gazetteer knows, alone or
    // with a neighbour ("Morigolia", "Xlnjiang Production and Construction Corps", "Suppiy Chain")
    letters.forEach((w, i) => {
      const prev = letters[i - 1] ?? '';
      const next = letters[i + 1] ?? '';
      if (w.length < 4 || /\d/.test(w) || this.knows(w) || (prev && this.knows(prev + w)) || (next && this.knows(w + next))) return;
      const key = ocrKey(w);
      const alone = this.misreadKnown(key);
      const afterPrev = !alone && prev ? this.misreadKnown(ocrKey(prev) + key) : undefined;
      const beforeNext = !alone && !afterPrev && next ? this.misreadKnown(key + ocrKey(next)) : undefined;
      if (alone) {
        letters[i] = alone;
        this.letterRepairs.set(alone, w);
      } else if (afterPrev?.startsWith(prev)) letters[i] = afterPrev.slice(prev.length);
      else if (beforeNext?.endsWith(next)) letters[i] = beforeNext.slice(0, beforeNext.length - next.length);
    });
    letters.forEach((w, i) => dotted[i] && this.dottedWords.add(w));
    const out = expandAbbreviations(
      letters,
      dotted,
      this.t.abbreviations,
      (w) => this.t.places.latin.has(w),
      (w, or) => this.secondReadings.set(w, or),
      this.spelled,
    );
    this.spelled.push(...out);
    return out;
  }

  /** A run of Latin words: longest lexicon or place phrase first (up to 4 words), else a name word. */
  latin(words: string[]) {
    const t = this.t;
    // "(Yiwu)": a county alone in parentheses
    const whole = words.join('');
    if (this.paren && words.length <= 3 && !t.places.latin.has(whole) && !t.latin.has(whole)) {
      const p = contextPlace(whole, 'latin');
      if (p) return this.emitContextPlace(p, whole);
    }
    let i = 0;
    while (i < words.length) {
      let done = false;
      for (let w = Math.min(4, words.length - i); w >= 1 && !done; w--) {
        const key = words.slice(i, i + w).join('');
        const lex = t.latin.get(key);
        const place = t.places.latin.get(key);
        if (lex) {
          if (ADMIN_EN.has(key)) this.markPreviousAsPlace();
          this.emitLex(lex, key);
          const or = w === 1 ? this.secondReadings.get(key) : undefined;
          const alt = or === undefined ? undefined : t.latin.get(or)?.out;
          const last = this.tokens[this.tokens.length - 1];
          if (alt?.length === 1 && lex.out.length === 1 && alt[0] !== last.text) last.alt = alt[0];
        } else if (place) this.emitPlace(place, key);
        else continue;
        // a word put right letter by letter keeps its written form, as a word put right by typo does
        const written = w === 1 ? this.letterRepairs.get(key) : undefined;
        const last = this.tokens[this.tokens.length - 1];
        if (written && last && last.raw === key && !last.ocr) last.ocr = [written];
        i += w;
        done = true;
      }
      if (done) continue;
      const word = words[i++];
      const within = this.placeBefore();
      const county = within && contextPlace(word, 'latin', { within });
      if (county) {
        this.emitContextPlace(county, word);
        continue;
      }
      const known = this.knows(word);
      // ü written otherwise ("Luliang" for Lvliang) names a place; a business word so spelled may be a trade name (Luye 绿叶)
      // (letters misread were put right in prepare)
      const misread = known ? undefined : umlautSpellings(word, true).find((s) => t.places.latin.has(s));
      const abbreviated = known || misread ? undefined : abbreviatedLexiconWord(t, word, this.dottedWords.has(word));
      const near = misread ?? fuzzyLookup(t, word);
      // a word cut across a hyphen or a space ("Non-Ferr.", "Pharma Ceut."): the two pieces together abbreviate one lexicon word
      const next = words[i];
      const joined =
        abbreviated || near || known || next === undefined || this.knows(next) || (isPinyinWord(word) && isPinyinWord(next))
          ? undefined
          : abbreviatedLexiconWord(t, word + next, this.dottedWords.has(next));
      if (joined) {
        this.emitLex(joined, word + next);
        i++;
      } else if (abbreviated) this.emitLex(abbreviated, word, word);
      else if (near) {
        const lex = t.latin.get(near);
        if (lex) {
          this.emitLex(lex, word);
          // a typo-corrected word may rather be a listed trade name misread ("Miniong" for Minlong, not mining)
          const last = this.tokens[this.tokens.length - 1];
          if (!misread && lex.out.length === 1 && last?.raw === lex.raw) last.ocr = [word];
        } else this.emitPlace(t.places.latin.get(near)!, word);
      } else this.emitName(word);
    }
  }

  /** "Nanling County", "南陵县": the word before an administrative word is a place. */
  private markPreviousAsPlace() {
    const prev = this.tokens[this.tokens.length - 1];
    if (prev && prev.kind === 'name' && prev.paren === this.paren) {
      prev.kind = 'place';
      prev.level = 'city';
      const p = contextPlace(prev.text, 'latin', { districts: true });
      if (p) prev.codes = p.codes;
    }
  }

  /** A run of Chinese characters: lexicon words and places by longest match, the rest as pinyin words. */
  han(run: string) {
    const t = this.t;
    const chars = [...toSimplified(run)];
    // "(义乌)": a county alone in parentheses
    const whole = chars.join('');
    if (this.paren && !t.places.zh.has(whole) && !t.zh.has(whole)) {
      const p = contextPlace(whole, 'zh', { districts: true });
      if (p) return this.emitContextPlace(p, p.canonical);
    }
    let buf: string[] = [];
    let i = 0;
    while (i < chars.length) {
      let done = false;
      for (let len = Math.min(t.zhMax, chars.length - i); len >= 1 && !done; len--) {
        const sub = chars.slice(i, i + len).join('');
        const place = t.places.zh.get(sub);
        const lex = place ? undefined : t.zh.get(sub);
        if (!place && !lex) continue;
        this.flushHan(buf);
        buf = [];
        if (place) {
          this.emitPlace(place, place.canonical);
          i += len;
          const rest = chars.slice(i, i + 3).join('');
          const longAdmin = ADMIN_ZH_LONG.find((a) => rest.startsWith(a));
          if (longAdmin) i += longAdmin.length;
          else if (ADMIN_ZH.has(chars[i])) i += 1;
        } else {
          this.emitLex(lex!, sub);
          i += len;
        }
        done = true;
      }
      if (done) continue;
      const within = buf.length ? undefined : this.placeBefore();
      const county = within && this.countyAt(chars, i, within);
      if (county) {
        this.emitContextPlace(county.place, county.place.canonical);
        i = county.end;
        continue;
      }
      // "市泰达服装": the place before its administrative word was cut off (a column split, a
      // copy from the middle of an address): the word alone names no firm
      if (i === 0 && ADMIN_ZH.has(chars[i]) && chars.length >= 4 && !this.tokens.some((t) => t.kind === 'name')) {
        i++;
        continue;
      }
      if (ADMIN_ZH.has(chars[i]) && buf.length >= 2 && buf.length <= 4) {
        this.flushHan(buf, true);
        buf = [];
      } else buf.push(chars[i]);
      i++;
    }
    this.flushHan(buf);
  }

  /** "浙江义乌…": a county or city of the place just read, with its administrative word if written; where it ends. */
  private countyAt(chars: string[], i: number, within: readonly string[]): { place: ContextPlace; end: number } | undefined {
    for (let len = Math.min(4, chars.length - i); len >= 2; len--) {
      const end = i + len;
      const place = contextPlace(chars.slice(i, end).join(''), 'zh', { within, districts: chars[end] === '区' });
      if (!place) continue;
      const rest = chars.slice(end, end + 3).join('');
      const longAdmin = ADMIN_ZH_LONG.find((a) => rest.startsWith(a));
      return { place, end: end + (longAdmin ? longAdmin.length : ADMIN_ZH.has(chars[end]) ? 1 : 0) };
    }
    return undefined;
  }

  /** Unmatched characters become pinyin words of two characters (three for an odd tail), the usual length of a trade name. */
  private flushHan(buf: string[], asPlace = false) {
    if (!buf.length) return;
    const syl = pinyin(buf.join(''), { toneType: 'none', type: 'array', v: true }).map((s) => s.replace(/[^a-z]/g, ''));
    if (asPlace) {
      const known = contextPlace(buf.join(''), 'zh', { districts: true });
      if (known) return this.emitContextPlace(known, known.canonical);
      const raw = syl.join('');
      this.tokens.push({ text: raw, raw, kind: 'place', level: 'city', paren: this.paren });
      return;
    }
    for (let k = 0; k < syl.length;) {
      const size = syl.length - k === 3 ? 3 : Math.min(2, syl.length - k);
      const word = syl.slice(k, k + size).join('');
      if (word) this.emitName(word);
      k += size;
    }
  }
}

const SPLIT = /(\p{Script=Han}+)|([\p{L}\p{N}]+)|([([（【])|([)\]）】])/gu;

// "No. 2 Plant", "Plant No. 2", "Factory 3", "2nd Mill": the number of one of the firm's plants or
// branches says which site, not which firm; as name words they outweighed the firm's own name. A
// number that is the name ("841 Cotton Transfer Warehouse", "No. 4 Vocation Skills …") stays.
const UNIT_WORDS = new Set(['plant', 'factory', 'mill', 'workshop', 'branch', 'warehouse', 'site', 'base', 'depot', 'office']);
const NUMBER_WORDS = new Set(['no', 'nr', 'num', 'number']);
const isNumber = (w: string) => /^\d+(?:st|nd|rd|th)?$/.test(w);
function withoutUnitNumbers(words: string[], dotted: boolean[]): { words: string[]; dotted: boolean[]; dropped: string[] } {
  const drop = new Set<number>();
  words.forEach((w, i) => {
    if (!isNumber(w)) return;
    const labelled = NUMBER_WORDS.has(words[i - 1] ?? '');
    const before = words[labelled ? i - 2 : i - 1] ?? '';
    if (!UNIT_WORDS.has(words[i + 1] ?? '') && !UNIT_WORDS.has(before)) return;
    drop.add(i);
    if (labelled) drop.add(i - 1);
  });
  if (!drop.size) return { words, dotted, dropped: [] };
  return {
    words: words.filter((_, i) => !drop.has(i)),
    dotted: dotted.filter((_, i) => !drop.has(i)),
    dropped: words.filter((_, i) => drop.has(i)),
  };
}

/** Normalizes a firm name in any script into canonical tokens; disguise (look-alike letters, invisible characters) is folded first. */
export function normalizeName(name: string): NormalizedName {
  const t = getTables();
  const b = new Builder(t);
  let words: string[] = [];
  let dotted: boolean[] = [];
  const flush = () => {
    const unit = withoutUnitNumbers(words, dotted);
    b.dropped.push(...unit.dropped);
    if (unit.words.length) b.latin(b.prepare(unit.words, unit.dotted));
    words = [];
    dotted = [];
  };
  const folded = fold(withoutSpacesBetweenHan(foldDisguise(name)));
  b.toneText = /\d/.test(folded) && [...folded.matchAll(/[a-z0-9]+/g)].some((m) => withoutToneNumbers(m[0]) !== m[0]);
  for (const m of folded.matchAll(SPLIT)) {
    if (m[1]) {
      flush();
      b.han(m[1]);
    } else if (m[2]) {
      words.push(m[2]);
      dotted.push(folded[m.index + m[2].length] === '.');
    } else if (m[3]) {
      flush();
      b.paren = true;
    } else if (m[4]) {
      flush();
      b.paren = false;
    }
  }
  flush();
  return {
    original: name,
    normalized: b.tokens.map((x) => x.text).join(' '),
    tokens: b.tokens,
    dropped: b.dropped,
    parentForm: b.parentForm,
  };
}
