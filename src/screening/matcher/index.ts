// Screening a firm name against one Entity List version. The builder normalizes every
// name, alias, former name and Chinese name once and indexes their tokens (nameIndex.ts);
// each query then looks up candidates by token (exact, rejoined, or fuzzy through a fuse.js
// index of the list's vocabulary: candidates.ts, typoLookup.ts), scores them by weighted
// token agreement in both directions (scoring.ts) and decides on the best name of each
// entry (decision.ts).
import type { EntityListVersion } from '../../model/entityList';
import { checkScreeningConfig, loadScreeningConfig, ScreeningConfig } from '../config';
import { pinyinInitials } from '../../model/text/pinyin';
import { normalizeName, type NameToken } from '../normalize';
import { ocrKey, ocrKeyIndex } from '../ocrTypos';
import { candidatesFor } from './candidates';
import { readingsOf } from '../../model/text/disguise';
import { compareCandidates, countryCode, decideCandidates, type BestName } from './decision';
import { acronymsOf, buildNameIndex } from './nameIndex';
import { misspeltWordReader } from './misspeltWords';
import { miswrittenHanReader } from './miswrittenHan';
import { HAN_SLIP_TEXT } from '../../model/text/hanSlip';
import { XUAR_CODE } from '../places';
import { isCommonEnglishWord } from '../../model/text/englishWords';
import { wadeGilesReading } from './olderRomanization';
import { cyrillicReading } from './cyrillicNames';
import { runTogetherReader } from './runTogether';
import { scriptParts } from './scriptParts';
import { nameUpToLegalForm } from './nameEnd';
import { akaNames } from './akaNames';
import {
  comparePlaces,
  leavesOf,
  listedWithoutPlace,
  placesCompatible,
  placesOf,
  type PlaceRef,
  type PlaceVerdict,
} from './placeQualifiers';
import { align, type Alignment } from './scoring';
import { containsListedName } from './containedName';
import { TypoLookup } from './typoLookup';
import type { EntityMatcher, ScreeningCandidate, ScreenOptions, Variant, WeightedToken } from './types';

export type { EntityMatcher, MatchDecision, MatchedNameKind, ScreeningCandidate, ScreenOptions } from './types';

/**
 * A word the list does not know, read as the listed name word it is a misreading of: digits
 * for letters ("hosh1ne" as hoshine), letters for letters ("blaoxin" as biaoxin, "miniong" as
 * minlong), ü spelled otherwise. `byOcrKey`: the list's name words by OCR key (ocrTypos.ts).
 */
function misreadAsListed(t: NameToken, listed: ReadonlyMap<string, number>, byOcrKey: ReadonlyMap<string, string | null>): NameToken {
  if (listed.has(t.text) || (t.kind !== 'name' && !t.ocr)) return t;
  const spellings = t.kind === 'name' ? [t.text, ...(t.ocr ?? [])] : (t.ocr ?? []);
  const word =
    spellings.find((s) => listed.has(s)) ??
    spellings.map((s) => (s.length >= 4 ? byOcrKey.get(ocrKey(s)) : undefined)).find((w): w is string => !!w);
  // a typo-corrected lexicon word that is a listed trade name misread becomes that name word
  return word ? { ...t, text: word, raw: word, kind: 'name' } : t;
}

const HOLD_SLOPE = 0.1;
/** A lower-case letter before a capital, or a capital before a capitalized word: where words run together. */
const RUN_TOGETHER = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu;
const INITIALS_CACHE_MAX = 100_000;
const NO_CAPITALS: ReadonlySet<string> = new Set();
/** Two written words that together spell a listed name word this long are read joined. */
const REJOINED_MIN_LENGTH = 5;
const SPACE_BETWEEN_WORDS = /(?<=\p{L})\s+(?=\p{L})/gu;

/**
 * The name with each pair of neighbouring words that together spell a listed name word written as
 * one ("Yinf eng" as Yinfeng, "Nines tar" as Ninestar), or undefined when there is none. Scoring
 * rejoins two name words itself, but a piece that is a lexicon word ("eng", "and", "tar") was
 * read as one, or dropped, before it could.
 */
function rejoined(name: string, listedWords: ReadonlyMap<string, unknown>): string | undefined {
  let changed = false;
  const out = name.replace(SPACE_BETWEEN_WORDS, (gap, at: number) => {
    const before = /\p{L}+$/u.exec(name.slice(0, at))![0];
    const after = /^\p{L}+/u.exec(name.slice(at + gap.length))![0];
    const word = (before + after).toLowerCase();
    if (word.length < REJOINED_MIN_LENGTH || !listedWords.has(word)) return gap;
    changed = true;
    return '';
  });
  return changed ? out : undefined;
}
const TRADE_NAME_MIN_LENGTH = 4;

/**
 * A listed name word of four letters or more that a query name word spells exactly (not a typo, not
 * initials); `distinctive`: and no common English word ("Hoshine", "Bingtuan"; not "Corps").
 */
function sharesTradeName(q: WeightedToken[], v: Variant, r: Alignment, distinctive = false): boolean {
  return r.used.some((p) => {
    const listed = v.tokens[p.vj[0]];
    return (
      p.sim === 1 &&
      p.vj.length === 1 &&
      listed.kind === 'name' &&
      listed.text.length >= TRADE_NAME_MIN_LENGTH &&
      !(distinctive && isCommonEnglishWord(listed.text)) &&
      p.qi.every((i) => q[i].kind === 'name')
    );
  });
}

/** A place or name word of the listed name agreed other than through the query's initials. */
function agreesBesideInitials(v: Variant, r: Alignment): boolean {
  return r.used.some((p) => !p.queryInitials && p.vj.some((j) => v.tokens[j].kind === 'name' || v.tokens[j].kind === 'place'));
}

/**
 * Place words one name reads as a place and the other as a trade name, matched word for word:
 * "Xinyi" after "Jiangsu" reads as Xinyi city, in "Nanjing Xinyi Cotton" it is the trade name.
 * `listed`: the listed name's place tokens so matched; `query`: the query's.
 */
function placesReadAsNames(q: WeightedToken[], v: Variant, r: Alignment): { listed: Set<string>; query: Set<string> } {
  const listed = new Set<string>();
  const query = new Set<string>();
  for (const p of r.used) {
    if (p.qi.length !== 1 || p.vj.length !== 1) continue;
    const [a, b] = [q[p.qi[0]], v.tokens[p.vj[0]]];
    if (b.kind === 'place' && a.kind !== 'place') listed.add(b.text);
    if (a.kind === 'place' && b.kind !== 'place') query.add(a.text);
  }
  return { listed, query };
}

export function buildEntityMatcher(list: EntityListVersion, config?: Partial<ScreeningConfig>): EntityMatcher {
  const cfg = checkScreeningConfig({ ...loadScreeningConfig(), ...config });
  const entries = list.entries;
  const index = buildNameIndex(entries);
  const typos = new TypoLookup(index.vocabulary, index.df);
  const byOcrKey = ocrKeyIndex(index.vocabulary);
  const readMisspelt = misspeltWordReader(
    index.variants.flatMap((v) => v.tokens),
    index.df,
    (word) => typos.similarWords(word).size > 0,
  );
  const readMiswrittenHan = miswrittenHanReader(entries);
  const splitRunTogether = runTogetherReader(index.variants);
  // a pinyin word's initials, cached since supplier sheets repeat their words
  const initialsCache = new Map<string, string[]>();
  const initialsOf = (word: string) => {
    let hit = initialsCache.get(word);
    if (!hit) {
      if (initialsCache.size >= INITIALS_CACHE_MAX) initialsCache.clear();
      initialsCache.set(word, (hit = pinyinInitials(word)));
    }
    return hit;
  };
  // a word the list's names use, or a place or business word the normalizer knows ("jiangyin", "chuangye")
  const knownWord = (word: string) => normalizeName(word).tokens.some((t) => t.kind !== 'name' || index.df.has(t.text));
  const parentCap = Math.max(cfg.possibleThreshold, cfg.matchThreshold - 0.01);
  // A conflicting place is evidence of another firm, not only of a missing word: held lower, midway into POSSIBLE.
  const conflictCap = (cfg.possibleThreshold + parentCap) / 2;
  // Held below `cap`, but in the order of the score it had: of two held candidates the closer
  // stays first. Never below POSSIBLE for a score that was at least POSSIBLE.
  const hold = (score: number, cap: number) => Math.min(score, Math.max(cfg.possibleThreshold, cap - HOLD_SLOPE * (1 - score)));

  // A name under a direction override reads one way as stored and another as shown: either
  // may be the listed name, so both are screened and each entry keeps its better reading.
  // Words run together in capitals ("AksuHuafuTextiles", "KTKGroup") are screened as written
  // and apart: apart, a name written right may split where it should not ("BioScience"), which
  // scoring joins again but misread letters in a short piece would not survive. Words written
  // apart that spell a listed name word are screened joined as well, and a name written in Chinese
  // and Latin letters at once is screened in each (scriptParts.ts); a name followed by an address,
  // a branch or an attention line, up to its legal form as well (nameEnd.ts), and each of the
  // names a field gives ("… formerly …", "… d/b/a …": akaNames.ts).
  function screen(name: string, opts: ScreenOptions = {}): ScreeningCandidate[] {
    const readings = readingsOf(name).flatMap((r) => {
      const apart = r.replace(RUN_TOGETHER, ' ');
      const joined = rejoined(r, index.df);
      const split = splitRunTogether(apart);
      // "新疆中泰化学 (Xinjiang Zhongtai Chemical)": each script's half on its own too
      const halves = scriptParts(r) ?? [];
      // "… Co., Ltd., No. 78 Hongshan Road, Urumqi": the name up to its legal form too
      const named = nameUpToLegalForm(r);
      // "… (formerly Xinjiang Zhongtai Chemical Co., Ltd.)": each name the field gives
      const aka = akaNames(r) ?? [];
      const read = (note: string) => (text: string) => ({ text, note: `${note}: "${text}"` });
      return [
        { text: r, note: '' },
        ...[apart === r ? [] : [apart], joined ? [joined] : [], split ? [split] : []].flat().map((text) => ({ text, note: '' })),
        ...halves.map(read('read in one script')),
        ...(named ? [named] : []).map(read('read up to its legal form')),
        ...aka.map(read('read as one of the names the field gives')),
      ];
    });
    if (readings.length === 1) return screenForm(name, opts);
    // each entry keeps its best reading; the reason names the reading where it is one of the name's parts
    const best = new Map<string, ScreeningCandidate>();
    for (const { text, note } of readings)
      for (const c of screenForm(text, opts))
        if ((best.get(c.entryKey)?.score ?? -1) < c.score) best.set(c.entryKey, note ? { ...c, reason: `${c.reason}; ${note}` } : c);
    return [...best.values()].sort(compareCandidates).slice(0, opts.limit ?? 10);
  }

  // A trade name that may be written in Wade-Giles ("Tien Shan") is screened as written and as
  // the pinyin the list agrees with; each entry keeps its better reading, the written one on a tie.
  // A listed place or business word written with letters wrong ("Biayin", "Inner Mongloia") is
  // screened as written and as the word read (misspeltWords.ts), that reading at most POSSIBLE;
  // each entry keeps its better.
  function screenForm(name: string, opts: ScreenOptions, readCyrillic = true): ScreeningCandidate[] {
    const normalized = normalizeName(name);
    // words written in capitals ("ZT"): they may abbreviate a listed pinyin name
    const capitals = acronymsOf(name);
    const asWritten = screenTokens(normalized.tokens, normalized.parentForm, opts, false, capitals, name);
    const older = opts.olderRomanizations === false ? undefined : wadeGilesReading(normalized.tokens, index);
    const misspelt = readMisspelt(normalized.tokens);
    const miswritten = readMiswrittenHan(name);
    const cyrillic = readCyrillic ? cyrillicReading(name, knownWord) : null;
    if (!older && !misspelt && !miswritten.length && !cyrillic) return asWritten;
    const best = new Map(asWritten.map((c) => [c.entryKey, c]));
    const keepBetter = (found: ScreeningCandidate[], note: string) => {
      for (const c of found)
        if ((best.get(c.entryKey)?.score ?? -1) < c.score) best.set(c.entryKey, { ...c, reason: `${c.reason}; ${note}` });
    };
    if (older)
      keepBetter(
        screenTokens(older.tokens, normalized.parentForm, opts, false, NO_CAPITALS, name),
        `syllables read as pinyin (Wade-Giles): ${older.read.map((r) => `${r.written} → ${r.pinyin}`).join(', ')}`,
      );
    if (misspelt)
      keepBetter(
        screenTokens(misspelt.tokens, normalized.parentForm, opts, true, NO_CAPITALS, name),
        `read as misspelt: ${misspelt.read.map((r) => `${r.written} → ${r.as}`).join(', ')} (at most POSSIBLE)`,
      );
    for (const r of miswritten) {
      const read = normalizeName(r.text);
      keepBetter(
        screenTokens(read.tokens, read.parentForm, opts, true, NO_CAPITALS, r.text),
        `Chinese characters read as miswritten (${HAN_SLIP_TEXT[r.slip]}): ${r.written} → ${r.as} (at most POSSIBLE)`,
      );
    }
    // a name written in Cyrillic is screened in the Latin letters the list uses, as if so written
    if (cyrillic)
      keepBetter(
        screenForm(cyrillic.text, opts, false),
        `read from Cyrillic: ${cyrillic.read.map((r) => `${r.written} → ${r.as}`).join(', ')}`,
      );
    return [...best.values()].sort(compareCandidates).slice(0, opts.limit ?? 10);
  }

  /** `misspelt`: the tokens read a misspelling as a listed word, so no candidate is more than POSSIBLE. */
  function screenTokens(
    tokens: NameToken[],
    parentForm: boolean,
    opts: ScreenOptions,
    misspelt = false,
    capitals: ReadonlySet<string> = NO_CAPITALS,
    /** the query as written, for what its tokens no longer say (containedName.ts) */
    written = '',
  ): ScreeningCandidate[] {
    const limit = opts.limit ?? 10;
    const minScore = opts.minScore ?? cfg.possibleThreshold;
    const country = countryCode(opts.country);
    const q: WeightedToken[] = tokens.map((t) => {
      const read = misreadAsListed(t, index.df, byOcrKey);
      const w = index.weigh(read);
      if (read.kind !== 'name') return { ...read, w };
      // a trade name the list also writes otherwise ("Yida" for Esquel), and a pinyin name's initials ("Jingao": JA)
      const alt = read.alt ?? index.equivalents.get(read.text);
      const initials = index.byAcronym.size ? initialsOf(read.text) : [];
      const written = capitals.has(read.text) && read.text.length <= 4 ? { written: 'capitals' as const } : {};
      return { ...read, w, ...(alt ? { alt } : {}), ...(initials.length ? { initials } : {}), ...written };
    });
    if (!q.length || limit <= 0) return [];
    const fuzzy = q.map((t) => (t.kind === 'name' ? typos.similarWords(t.text) : new Map<string, number>()));
    // The query's places, read on first need: most candidates score too low for places to matter.
    let query: { places: PlaceRef[]; leaves: PlaceRef[]; words: Set<string>; own: string[][]; afterName: Set<string> } | undefined;
    const placeVerdict = (v: Variant, r: Alignment): PlaceVerdict => {
      if (!query) {
        const places = placesOf(q);
        const spellings = (t: WeightedToken) => (t.alt ? [t.text, t.alt] : [t.text]);
        const firstName = q.findIndex((t) => t.kind === 'name');
        query = {
          places,
          leaves: leavesOf(places),
          words: new Set(q.flatMap(spellings)),
          own: q.filter((t) => t.kind === 'name' || t.kind === 'sector').map(spellings),
          // places written after the name, outside parentheses: "Western Gold Yili", not "Ninestar (Zhuhai)" or "Zhuhai Ninestar"
          afterName: new Set(firstName < 0 ? [] : q.filter((t, i) => i > firstName && t.kind === 'place' && !t.paren).map((t) => t.text)),
        };
      }
      const asNames = placesReadAsNames(q, v, r);
      const qp = asNames.query.size ? query.places.filter((p) => !asNames.query.has(p.text)) : query.places;
      const verdict = comparePlaces(qp, asNames.query.size ? leavesOf(qp) : query.leaves, v.places, asNames.listed);
      if (v.placeIsName) verdict.missing = []; // the place is the name there, and the score weighs it as one
      if (verdict.missing.length) {
        // The list itself names the firm without its place ("Septwolves", "中泰化学"): leaving it out is no evidence.
        verdict.placelessName = listedWithoutPlace(v.places, query.words, query.own);
        if (verdict.placelessName) verdict.missing = [];
      }
      if (!v.placeIsName && !verdict.conflicts.length) {
        // a place the entry's names give, or one inside or around it, is the firm's own ("Chenguang ... Group Yanqi")
        const own = [...v.places.all, ...v.places.entryLeaves];
        const branch = qp.filter((p) => query!.afterName.has(p.text) && !own.some((l) => placesCompatible(p, l)));
        if (branch.length) verdict.branch = branch.map((p) => p.label);
      }
      return verdict;
    };

    let inXuar: boolean | undefined;
    // a city, prefecture or county of the XUAR, not "Xinjiang" alone, which half the region's firms put before their names
    const queryInXuar = () =>
      (inXuar ??= placesOf(q).some((p) => p.codes.some((c) => c.startsWith(XUAR_CODE) && c.length > XUAR_CODE.length)));

    // the best-scoring name of each entry
    const best = new Map<number, BestName>();
    for (const id of candidatesFor(index, q, fuzzy)) {
      const v = index.variants[id];
      const r = align(q, fuzzy, v);
      const raw = r.score;
      if (misspelt) r.score = Math.min(r.score, hold(raw, parentCap));
      if (hold(raw, conflictCap) < raw) {
        // "Shandong Gold Group" for the listed "Shandong Gold": the group above a listed firm is
        // not that firm, so at most POSSIBLE however well the rest agrees.
        if (parentForm && !v.entryIsParent && hold(raw, parentCap) < raw) {
          r.score = hold(raw, parentCap);
          r.parentOfListed = true;
        }
        // "Sichuan Kelun" for the listed "Guangxi Kelun" is a sibling, "Daqo New Energy" for
        // "Xinjiang Daqo New Energy" may be its parent: at most POSSIBLE, never below it.
        r.places = placeVerdict(v, r);
        if (r.places.conflicts.length) r.score = Math.min(r.score, hold(raw, conflictCap));
        else if (r.places.missing.length || r.places.branch) r.score = Math.min(r.score, hold(raw, parentCap));
        // Initials are weak evidence (many pinyin names share them): without a place that agrees, at most POSSIBLE.
        else if (r.viaAcronym && !r.places.agreed.length) r.score = Math.min(r.score, hold(raw, parentCap));
      }
      // A query's capitals for a listed pinyin name ("Xinjiang ZT Chemical"): any name of those initials
      // would do, so at most POSSIBLE, and only beside a place or another name word that agrees ("AH
      // Group" is no lead to Aihua Group).
      if (r.viaQueryInitials) r.score = agreesBesideInitials(v, r) ? Math.min(r.score, hold(raw, parentCap)) : 0;
      // "Urumqi Huafu": a firm placed in a city of the XUAR that carries a listed firm's trade name is shown for review however little else agrees.
      if (r.score < cfg.possibleThreshold && sharesTradeName(q, v, r) && queryInXuar()) {
        r.score = cfg.possibleThreshold;
        r.xuarTradeName = true;
      }
      // "Hoshine Silicon (HK) Trading": the trade name of an entry listed with its subsidiaries, in a
      // place the entry does not give, is a lead however little else agrees (a subsidiary may be anywhere)
      if (r.score < cfg.possibleThreshold && entries[v.entry].coversSubsidiaries && sharesTradeName(q, v, r, true)) {
        r.score = cfg.possibleThreshold;
        r.subsidiaryTradeName = true;
      }
      // "Xinjiang Production and Construction Corps Seventh Agricultural Division": the listed name
      // written whole, then a unit of it; shown for review. Where the listed name gives a place, the
      // query writes it too, and another place is the unit's ("… Hotan Sales Office"); where it gives
      // none, a place the entry does not give says it is another firm, unless the entry is listed
      // with its units, which may be anywhere.
      const withUnits = entries[v.entry].coversSubsidiaries;
      if (r.score < cfg.possibleThreshold && containsListedName(q, v, r, withUnits, written)) {
        const placed = withUnits || v.tokens.some((t) => t.kind === 'place');
        if (!placed) r.places ??= placeVerdict(v, r);
        if (placed || !r.places!.conflicts.length) {
          r.score = cfg.possibleThreshold;
          r.containedWhole = true;
        }
      }
      const prev = best.get(v.entry);
      if (!prev || r.score > prev.r.score + 1e-9) best.set(v.entry, { v, r });
    }
    // the reason names the places of every candidate returned
    for (const { v, r } of best.values()) if (!r.places && r.score >= minScore) r.places = placeVerdict(v, r);
    return decideCandidates(best.values(), q, entries, cfg, country, minScore, limit);
  }

  return {
    listVersion: list.version,
    config: Object.freeze({ ...cfg }),
    screen,
    stats: () => ({
      entries: entries.length,
      names: index.variants.length,
      vocabulary: index.vocabulary.length,
      fuzzyCache: typos.cacheSize,
    }),
  };
}
