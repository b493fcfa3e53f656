// Place qualifiers as evidence. "Sichuan Kelun" is not "Guangxi Kelun": a place in the query that
// lies neither inside nor around any place of the listed name rules out MATCH, and a listed
// place the query leaves out ("Daqo New Energy" for "Xinjiang Daqo New Energy") caps the
// decision at POSSIBLE. Places compare by containment (divisions.ts): Xinjiang agrees with
// Shanshan, which lies in it; Urumqi and Shanshan, both in Xinjiang, conflict.
import { overlaps } from '../divisions';
import { CHINA_PLACE, placeTables } from '../places';
import type { NameToken } from '../normalize';

/** One place of a name: its canonical token and the codes of every division it may mean. */
export interface PlaceRef {
  text: string;
  codes: readonly string[];
  /** As the name writes it ("Urumqi" for wulumuqi), for the reason. */
  label: string;
}

export interface PlaceVerdict {
  /** Listed places the query agrees with, as the reason shows them: "Shanshan", "Xinjiang ⊃ Shanshan". */
  agreed: string[];
  /** Query places that lie outside every place of the entry, with the entry's places they conflict with (as written). */
  conflicts: Array<{ query: string; listed: string[] }>;
  /** Listed places the query says nothing of (as written). */
  missing: string[];
  /** Query places where neither the listed name nor its entry gives any (as written). */
  added: string[];
  /** The entry's name without a place that excuses a missing place. */
  placelessName?: string;
  /** Query places written after its name words that the listed name does not give ("Western Gold Yili"): a branch or subsidiary there. */
  branch?: string[];
}

/** Whether `a` may be the same place as `b` or one inside the other; unknown places agree only by name. */
export const placesCompatible = (a: PlaceRef, b: PlaceRef) =>
  a.text === b.text || (a.codes.length > 0 && b.codes.length > 0 && overlaps(a.codes, b.codes));
const strictlyContains = (outer: PlaceRef, inner: PlaceRef) =>
  outer.text !== inner.text && outer.codes.some((o) => inner.codes.some((i) => i.length > o.length && i.startsWith(o)));

/** A place as the reason shows it: "shanshan" as Shanshan. */
export const placeLabel = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const codesOf = (t: NameToken): readonly string[] => t.codes ?? placeTables().codesByCanonical.get(t.text) ?? [];

/** The places of a name (China itself left out, as it contains them all), each once. */
export function placesOf(tokens: readonly NameToken[]): PlaceRef[] {
  const out: PlaceRef[] = [];
  for (const t of tokens) {
    if (t.kind !== 'place' || t.text === CHINA_PLACE || out.some((p) => p.text === t.text)) continue;
    out.push({ text: t.text, codes: codesOf(t), label: placeLabel(/^[a-z]+$/.test(t.raw) ? t.raw : t.text) });
  }
  return out;
}

/** Two place tokens of different names where one lies inside the other (China itself agrees with none). */
export function placesOverlap(a: NameToken, b: NameToken): boolean {
  if (a.text === CHINA_PLACE || b.text === CHINA_PLACE) return false;
  const ca = codesOf(a);
  const cb = codesOf(b);
  return ca.length > 0 && cb.length > 0 && overlaps(ca, cb);
}

/** The most specific places: "Xinjiang Urumqi" is located by Urumqi alone. */
export function leavesOf(places: readonly PlaceRef[]): PlaceRef[] {
  return places.filter((p) => !places.some((q) => strictlyContains(p, q)));
}

export interface ListedPlaces {
  /** The places of the listed name itself. */
  all: PlaceRef[];
  leaves: PlaceRef[];
  /** The leaves of all of the entry's names together, for a listed name that gives no place. */
  entryLeaves: PlaceRef[];
  /** The entry's names that give no place ("Septwolves" for Fujian Septwolves), with their name and business words. */
  placeless: Array<{ name: string; words: string[] }>;
}

/**
 * A name of the entry without a place that says what the query says: every name and business
 * word of each is in the other (`queryOwn`: each such query word with its other spellings). The
 * list itself then names the firm without its place; a query that adds its own business
 * ("Dunhe International Trade" beside the listed "Dunhe Foods") is not excused by it.
 */
export function listedWithoutPlace(
  listed: ListedPlaces,
  queryWords: ReadonlySet<string>,
  queryOwn: ReadonlyArray<readonly string[]>,
): string | undefined {
  return listed.placeless.find(
    (p) => p.words.every((w) => queryWords.has(w)) && queryOwn.every((spellings) => spellings.some((s) => p.words.includes(s))),
  )?.name;
}

const describe = (q: PlaceRef, l: PlaceRef) => {
  const [a, b] = [q.label, l.label];
  return q.text === l.text ? a : strictlyContains(q, l) ? `${a} ⊃ ${b}` : strictlyContains(l, q) ? `${a} ⊂ ${b}` : `${a} ~ ${b}`;
};

/**
 * Compares the query's places with a listed name's. `alignedListed`: the listed name's place
 * tokens that a query word not read as a place matched (the query's trade name, or a place it
 * wrote as a plain word).
 */
export function comparePlaces(
  query: readonly PlaceRef[],
  queryLeaves: readonly PlaceRef[],
  listed: ListedPlaces,
  alignedListed: ReadonlySet<string>,
): PlaceVerdict {
  const verdict: PlaceVerdict = { agreed: [], conflicts: [], missing: [], added: [] };
  const against = listed.leaves.length ? listed.leaves : listed.entryLeaves;
  for (const q of queryLeaves) {
    if (!against.length) verdict.added.push(q.label);
    else if (!against.some((l) => placesCompatible(q, l))) verdict.conflicts.push({ query: q.label, listed: against.map((l) => l.label) });
  }
  for (const l of listed.leaves) {
    const q = query.find((p) => placesCompatible(p, l));
    if (q) verdict.agreed.push(describe(q, l));
    else if (!alignedListed.has(l.text)) verdict.missing.push(l.label);
  }
  return verdict;
}
