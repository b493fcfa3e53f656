// Index building: every name, alias, former name and Chinese name of the list normalized
// once, its tokens weighed, and postings by token, by spelling and by two spellings joined.
import type { EntityListEntry } from '../../model/entityList';
import { pinyinInitials } from '../../model/text/pinyin';
import { normalizeName, NameToken, TokenKind } from '../normalize';
import { leavesOf, placesOf, type ListedPlaces, type PlaceRef } from './placeQualifiers';
import type { MatchedNameKind, Variant } from './types';

// Token weights: places say least about identity, then business-form words, then sector words;
// name words weigh 0.6..1 by how many entries share them.
const PLACE_WEIGHT = { region: 0.15, city: 0.3 } as const;
const KIND_WEIGHT: Record<Exclude<TokenKind, 'place' | 'name'>, number> = { form: 0.3, sector: 0.5 };
const PLACE_AS_NAME_WEIGHT = 0.6;

export interface NameIndex {
  variants: Variant[];
  /** token text -> variants; business and place words only for names without a name word */
  byToken: Map<string, number[]>;
  /** a listed acronym ("ja") -> variants, for pinyin names abbreviated to their initials */
  byAcronym: Map<string, number[]>;
  /** a listed pinyin name word's initials ("zt" for zhongtai) -> variants, for a query that abbreviates it */
  byInitials: Map<string, number[]>;
  /** name words one entry's names use for each other ("yida" <-> "esquel"), learned from the list */
  equivalents: Map<string, string>;
  /** name word's spelling -> variants */
  bySpelling: Map<string, number[]>;
  /** two adjacent spellings joined -> variants */
  byJoined: Map<string, number[]>;
  /** name word -> how many entries have it */
  df: Map<string, number>;
  /** the list's name words */
  vocabulary: string[];
  /** weight of a query or listed token */
  weigh: (t: NameToken) => number;
}

interface NormalizedVariant {
  entry: number;
  name: string;
  kind: MatchedNameKind;
  tokens: NameToken[];
  /** Some name of the entry, kept or not, names a group or holding company. */
  entryIsParent: boolean;
}

function variantsOf(e: EntityListEntry): Array<{ name: string; kind: MatchedNameKind }> {
  return [
    { name: e.name, kind: 'NAME' as const },
    ...e.aliases.map((name) => ({ name, kind: 'ALIAS' as const })),
    ...e.formerNames.map((name) => ({ name, kind: 'FORMER_NAME' as const })),
    ...e.localNames.map((name) => ({ name, kind: 'LOCAL_NAME' as const })),
  ];
}

/**
 * 1. Every name normalized once. A non-place parenthetical ("(XPCC)", "(VSETC)") also stands
 *    alone as an alias, and the name is indexed without it.
 */
function normalizeVariants(entries: EntityListEntry[]): NormalizedVariant[] {
  const raw: NormalizedVariant[] = [];
  entries.forEach((e, entry) => {
    const seen = new Set<string>();
    const first = raw.length;
    let entryIsParent = false;
    const add = (name: string, kind: MatchedNameKind, tokens: NameToken[]) => {
      const key = tokens.map((t) => t.text).join(' ');
      if (!tokens.length || seen.has(key)) return;
      seen.add(key);
      raw.push({ entry, name, kind, tokens, entryIsParent: false });
    };
    for (const v of variantsOf(e)) {
      const n = normalizeName(v.name);
      entryIsParent ||= n.parentForm;
      add(v.name, v.kind, n.tokens);
      const inParen = n.tokens.filter((t) => t.paren && t.kind !== 'place');
      if (inParen.length) {
        add(
          v.name,
          v.kind,
          n.tokens.filter((t) => !(t.paren && t.kind !== 'place')),
        );
        if (inParen.some((t) => t.kind === 'name')) add(v.name, 'ALIAS', inParen);
      }
    }
    for (let k = first; k < raw.length; k++) raw[k].entryIsParent = entryIsParent;
  });
  return raw;
}

/** 2. Entries per name word (document frequency), in first-seen order of the words. */
function entriesPerNameWord(raw: NormalizedVariant[]): Map<string, Set<number>> {
  const perEntry = new Map<string, Set<number>>();
  for (const v of raw)
    for (const t of v.tokens)
      if (t.kind === 'name') {
        let s = perEntry.get(t.text);
        if (!s) perEntry.set(t.text, (s = new Set()));
        s.add(v.entry);
      }
  return perEntry;
}

function tokenWeigher(df: Map<string, number>, entryCount: number): (t: NameToken) => number {
  const logN = Math.log(Math.max(2, entryCount));
  const nameWeight = (text: string) => {
    const d = df.get(text);
    return d === undefined ? 1 : 0.6 + 0.4 * (Math.log(entryCount / d) / logN);
  };
  return (t) => (t.kind === 'place' ? PLACE_WEIGHT[t.level ?? 'city'] : t.kind === 'name' ? nameWeight(t.text) : KIND_WEIGHT[t.kind]);
}

interface EntryPlaces {
  leaves: PlaceRef[];
  placeless: ListedPlaces['placeless'];
}

/**
 * 2b. Per entry, the places of all its names, most specific only (where a listed name without a
 * place places the firm), and its names that give no place.
 */
function entryPlaces(raw: NormalizedVariant[]): Map<number, EntryPlaces> {
  const all = new Map<number, { places: PlaceRef[]; placeless: EntryPlaces['placeless'] }>();
  for (const v of raw) {
    let e = all.get(v.entry);
    if (!e) all.set(v.entry, (e = { places: [], placeless: [] }));
    const own = placesOf(v.tokens);
    for (const p of own) if (!e.places.some((k) => k.text === p.text)) e.places.push(p);
    // its own words: name and line of business ("Dunhe Foods" names a food firm, not any Dunhe)
    const words = v.tokens.filter((t) => t.kind === 'name' || t.kind === 'sector').map((t) => t.text);
    if (!own.length && v.tokens.some((t) => t.kind === 'name')) e.placeless.push({ name: v.name, words });
  }
  return new Map([...all].map(([entry, e]) => [entry, { leaves: leavesOf(e.places), placeless: e.placeless }]));
}

const isTradeName = (word: string) => pinyinInitials(word).length > 0;

/**
 * 2c. Two names of one entry that differ in one name word only ("Changji Esquel Textile",
 * alias "Changji Yida Textile") use those words for each other: the list itself says 溢达 Yida
 * is Esquel, wherever either is written (Guangdong Esquel has no such alias). Mapped from the
 * pinyin word to the other.
 */
function learnedEquivalents(raw: NormalizedVariant[]): Map<string, string> {
  const out = new Map<string, string>();
  const byEntry = new Map<number, NormalizedVariant[]>();
  for (const v of raw) byEntry.set(v.entry, [...(byEntry.get(v.entry) ?? []), v]);
  for (const vs of byEntry.values())
    for (let a = 0; a < vs.length; a++)
      for (let b = a + 1; b < vs.length; b++) {
        const [x, y] = [vs[a].tokens, vs[b].tokens];
        if (x.length !== y.length) continue;
        const differ = x.map((_, k) => k).filter((k) => x[k].text !== y[k].text);
        if (differ.length !== 1) continue;
        const [s, t] = [x[differ[0]], y[differ[0]]];
        if (s.kind !== 'name' || t.kind !== 'name') continue;
        // only a pinyin trade name of two syllables or more leads to the other: "Yida" may be
        // Esquel, but a common word ("Union", "Great") or one syllable ("Yuan") is no sign of the firm
        if (!out.has(s.text) && isTradeName(s.text)) out.set(s.text, t.text);
        if (!out.has(t.text) && isTradeName(t.text)) out.set(t.text, s.text);
      }
  return out;
}

// A word of two to four capitals in a name ("JA Solar", "HY Solar", "Xinjiang ZT Chemical").
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,4}(?![\p{L}\p{N}])/gu;
/** The words of a name written as two to four capitals, lower-cased. */
export const acronymsOf = (name: string): Set<string> => new Set([...name.matchAll(ACRONYM)].map((m) => m[0].toLowerCase()));

/** A listed pinyin name word's initials, as a query may abbreviate it ("ZT" for Zhongtai). */
function initialsOf(word: string): { initials?: string[] } {
  const initials = pinyinInitials(word).filter((i) => i.length <= 4);
  return initials.length ? { initials } : {};
}

/** 3a. Variants with weights. */
function weighVariant(r: NormalizedVariant, weigh: (t: NameToken) => number, entry: EntryPlaces): Variant {
  const acronyms = acronymsOf(r.name);
  // A listed name without a name word ("Baiyin Nonferrous Group", "Shandong Gold Mining") is
  // identified by its place, so the place weighs like a name word there.
  const placeIsName = !r.tokens.some((t) => t.kind === 'name');
  const tokens = r.tokens.map((t) => ({
    ...t,
    w: placeIsName && t.kind === 'place' ? Math.max(weigh(t), PLACE_AS_NAME_WEIGHT) : weigh(t),
    ...(t.kind === 'name' && acronyms.has(t.text) ? { acronym: true } : {}),
    ...(t.kind === 'name' && !acronyms.has(t.text) ? initialsOf(t.text) : {}),
  }));
  const identifying = tokens.filter((t) => t.kind === 'name' || (placeIsName && t.kind === 'place'));
  const places = placesOf(r.tokens);
  return {
    entry: r.entry,
    name: r.name,
    kind: r.kind,
    tokens,
    placeIsName,
    entryIsParent: r.entryIsParent,
    places: { all: places, leaves: leavesOf(places), entryLeaves: entry.leaves, placeless: entry.placeless },
    total: tokens.reduce((s, t) => s + t.w, 0),
    nameWeight: identifying.reduce((s, t) => s + t.w, 0),
  };
}

/** 3b. Postings by token, by spelling and by two spellings joined. */
function postings(variants: Variant[]): Pick<NameIndex, 'byToken' | 'bySpelling' | 'byJoined' | 'byAcronym' | 'byInitials'> {
  const byToken = new Map<string, number[]>();
  const byAcronym = new Map<string, number[]>();
  const byInitials = new Map<string, number[]>();
  const bySpelling = new Map<string, number[]>();
  const byJoined = new Map<string, number[]>();
  const post = (m: Map<string, number[]>, k: string, id: number) => {
    if (!k) return;
    const l = m.get(k);
    if (!l) m.set(k, [id]);
    else if (l[l.length - 1] !== id) l.push(id);
  };
  variants.forEach((v, id) => {
    // Business and place words find a listed name only when it has no name word: otherwise
    // agreement on them alone scores at most NO_NAME_AGREEMENT_FACTOR (scoring.ts).
    const generic = !v.tokens.some((t) => t.kind === 'name');
    v.tokens.forEach((t, j) => {
      if (t.kind === 'name' || generic) post(byToken, t.text, id);
      if (t.kind === 'name') post(bySpelling, t.raw, id);
      if (t.acronym) post(byAcronym, t.text, id);
      for (const i of t.initials ?? []) post(byInitials, i, id);
      const next = v.tokens[j + 1];
      if (next && t.raw && next.raw) post(byJoined, t.raw + next.raw, id);
    });
  });
  return { byToken, bySpelling, byJoined, byAcronym, byInitials };
}

export function buildNameIndex(entries: EntityListEntry[]): NameIndex {
  const raw = normalizeVariants(entries);
  const perEntry = entriesPerNameWord(raw);
  const df = new Map<string, number>();
  for (const [t, s] of perEntry) df.set(t, s.size);
  const weigh = tokenWeigher(df, entries.length);
  const leaves = entryPlaces(raw);
  const variants = raw.map((r) => weighVariant(r, weigh, leaves.get(r.entry)!));
  return { variants, ...postings(variants), equivalents: learnedEquivalents(raw), df, vocabulary: [...perEntry.keys()], weigh };
}
