// Which of a tenant's facilities look like one site, as pure rules over plain data. Suppliers
// list one mill under two ids (a supplier's own code and the buyer's), in two scripts. Two
// facilities pair when:
//   - they carry the same Open Supply Hub id (OS ID): strong evidence, the hub gives one id per
//     site; a differing country or address is named in the reason for the reviewer, or
//   - their names read as the same words (the screening normaliser: scripts, romanizations,
//     places) and they stand at the same address, or
//   - without two addresses to compare, their names read as the same words, carry a word of
//     their own (not a place, a form or sector word, a site word or a number: siteWords.ts),
//     the two stand in the same place (city and province agree, as screening's place
//     qualifiers compare them) with no country against it, AND they belong to one firm, to
//     two firms confirmed as one entity, or to two firms proposed as one (a pending
//     duplicate-firm candidate). Place and a shared name alone are not evidence: supplier
//     sheets often have no addresses, and "Aksu Spinning Mill" of two firms in one town, or a
//     firm's "Plant No. 2", name two sites as often as one.
// Pairs are looked for only inside blocks of facilities sharing a key (an OS ID or a name).
import { normalizeName } from '../normalize';
import { countryCode } from '../matcher/decision';
import { leavesOf, placesCompatible, placesOf, type PlaceRef } from '../matcher/placeQualifiers';
import { foldIdentifier, pairId, strongestPairsInBlocks } from './pairing';
import { isSiteWord } from './siteWords';

/** Bump when the profile or the keys change: stored profiles of another version are computed again. */
export const FACILITY_PROFILE_VERSION = 2;

/** A facility as stored. */
export interface FacilityForPairing {
  id: string;
  name: string;
  firmId: string;
  osId?: string | null;
  address?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
}

/** What the rules compare, JSON-serialisable (stored on the facility beside its keys). */
export interface FacilityProfile {
  id: string;
  name: string;
  firmId: string;
  /** the OS ID folded (upper case, letters and digits only), or null when absent or a placeholder */
  osId: string | null;
  country: string | null;
  /** the name's words (places included: a site's name that gives a place gives its own), joined; null without a word other than places */
  nameKey: string | null;
  /** the name's words that are its own: not places (nor the city's or province's words), form, sector or site words, or numbers */
  ownWords: string[];
  /** the address folded (width, case, spaces, punctuation); null when absent */
  addressKey: string | null;
  address: string | null;
  /** places of the city and province fields, and the name's */
  places: PlaceRef[];
  /** a city the gazetteer does not place, read as words and joined ("memphis") */
  cityKey: string | null;
  city: string | null;
}

/** How two firms are tied: one entity (a confirmed pair, SAME_AS) or proposed as one (a pending candidate). */
export type FirmLink = 'ONE_ENTITY' | 'CANDIDATE';
/** The ties among the facilities' firms, by pairId of the two firm ids. */
export type FirmLinks = ReadonlyMap<string, FirmLink>;
const NO_FIRM_LINKS: FirmLinks = new Map();

export type FacilityDuplicateBasis = 'OS_ID' | 'NAME_AND_PLACE';
const BASIS_RANK: Record<FacilityDuplicateBasis, number> = { OS_ID: 0, NAME_AND_PLACE: 1 };

export interface FacilityDuplicatePair {
  /** pairId of the two facility ids (the same in either order) */
  id: string;
  facilityIds: [string, string];
  basis: FacilityDuplicateBasis;
  reason: string;
}

/** An OS ID as compared: upper case, letters and digits; null for a placeholder ("N/A", "0000"). */
export const foldOsId = (raw: string | null | undefined): string | null => foldIdentifier(raw, 6);

/** An address as compared: width, case, spaces and punctuation folded ("No. 8 Weiyi Road" = "no 8, Weiyi road"). */
const addressKeyOf = (address: string | null | undefined): string | null =>
  address?.trim()
    ? address
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\s\p{P}\p{S}]/gu, '') || null
    : null;

const uniquePlaces = (ps: PlaceRef[]) => ps.filter((p, i) => ps.findIndex((q) => q.text === p.text) === i);

export function facilityProfileOf(f: FacilityForPairing): FacilityProfile {
  const name = normalizeName(f.name ?? '');
  const hasNonPlaceWord = name.tokens.some((t) => t.kind !== 'place');
  // a county alone in parentheses reads as a place ("(Yiwu)"), as a city field means it
  const city = f.city?.trim() ? normalizeName(`(${f.city})`) : null;
  const cityPlaces = city ? placesOf(city.tokens) : [];
  const province = f.province?.trim() ? normalizeName(f.province) : null;
  const provincePlaces = province ? placesOf(province.tokens) : [];
  // "Chennai" is a name word to the normaliser, and a place where the city field says so
  const placeWords = new Set([...(city?.tokens ?? []), ...(province?.tokens ?? [])].map((t) => t.text));
  return {
    id: f.id,
    name: f.name,
    firmId: f.firmId,
    osId: foldOsId(f.osId),
    country: countryCode(f.country),
    nameKey: hasNonPlaceWord ? name.tokens.map((t) => t.text).join('') : null,
    ownWords: [
      ...new Set(name.tokens.filter((t) => t.kind === 'name' && !placeWords.has(t.text) && !isSiteWord(t.text)).map((t) => t.text)),
    ],
    addressKey: addressKeyOf(f.address),
    address: f.address?.trim() || null,
    places: uniquePlaces([...placesOf(name.tokens), ...cityPlaces, ...provincePlaces]),
    cityKey: city && !cityPlaces.some((p) => p.codes.length) ? city.tokens.map((t) => t.text).join('') || null : null,
    city: f.city?.trim() || null,
  };
}

/** The blocks a facility belongs to: only facilities sharing a key are ever compared. */
export function facilityBlockingKeys(p: FacilityProfile): string[] {
  return [...(p.osId ? [`os:${p.osId}`] : []), ...(p.nameKey ? [`name:${p.nameKey}`] : [])];
}

/** Whether the two stand in one place, and what says so; or why not. */
function samePlace(a: FacilityProfile, b: FacilityProfile): { agree: string; byAddress?: true } | { differ: string } | null {
  if (a.addressKey && b.addressKey) {
    if (a.addressKey === b.addressKey) return { agree: `same address "${a.address}"`, byAddress: true };
    return { differ: `addresses differ: "${a.address}" (${a.id}), "${b.address}" (${b.id})` };
  }
  const [la, lb] = [leavesOf(a.places), leavesOf(b.places)];
  if (la.length && lb.length) {
    for (const [xs, ys, x, y] of [
      [la, lb, a, b],
      [lb, la, b, a],
    ] as const) {
      // the most specific places decide, as in screening: Changzhou and Wuxi conflict though both lie in Jiangsu
      for (const p of xs) {
        if (!ys.some((q) => placesCompatible(p, q)))
          return { differ: `places differ: ${p.label} (${x.id}) is not ${ys.map((q) => q.label).join(', ')} (${y.id})` };
      }
    }
    if (a.cityKey && b.cityKey && a.cityKey !== b.cityKey) return { differ: `cities differ: ${a.city} (${a.id}), ${b.city} (${b.id})` };
    return { agree: `same place: ${[...new Set(la.map((p) => p.label))].join(', ')}` };
  }
  if (a.cityKey && b.cityKey) {
    return a.cityKey === b.cityKey
      ? { agree: `same city ${a.city}` }
      : { differ: `cities differ: ${a.city} (${a.id}), ${b.city} (${b.id})` };
  }
  return null;
}

/** What ties the two facilities' firms (one firm, one entity, proposed as one), or null when nothing does. */
function firmTie(a: FacilityProfile, b: FacilityProfile, firms: FirmLinks): string | null {
  if (a.firmId === b.firmId) return `one firm ${a.firmId}`;
  const [fa, fb] = a.firmId < b.firmId ? [a.firmId, b.firmId] : [b.firmId, a.firmId];
  const link = firms.get(pairId(fa, fb));
  if (link === 'ONE_ENTITY') return `firms ${fa} and ${fb} confirmed as one entity`;
  if (link === 'CANDIDATE') return `firms ${fa} and ${fb} proposed as one entity (pending review)`;
  return null;
}

/**
 * Whether the two facilities look like one site, and on what evidence; null when they do not.
 * `firms`: the ties among their firms (a place and a name alone pair only within one firm or tied firms).
 */
export function facilityPairVerdict(
  x: FacilityProfile,
  y: FacilityProfile,
  firms: FirmLinks = NO_FIRM_LINKS,
): FacilityDuplicatePair | null {
  if (x.id === y.id) return null;
  // in id order, so the reason reads the same whichever way round the two came
  const [a, b] = x.id < y.id ? [x, y] : [y, x];
  const facilityIds: [string, string] = [a.id, b.id];
  const id = pairId(a.id, b.id);
  const countryConflict = a.country && b.country && a.country !== b.country ? `countries differ: ${a.country}, ${b.country}` : null;
  const place = samePlace(a, b);
  if (a.osId && a.osId === b.osId) {
    // the hub's id names one site whatever the names say; what disagrees is shown, for the reviewer
    const against = [countryConflict, place && 'differ' in place ? place.differ : null].filter(Boolean);
    const support = place && 'agree' in place ? `; ${place.agree}` : '';
    return {
      id,
      facilityIds,
      basis: 'OS_ID',
      reason: `same Open Supply Hub id ${a.osId}${against.length ? `; but ${against.join('; ')}` : support}`,
    };
  }
  if (countryConflict || !a.nameKey || a.nameKey !== b.nameKey) return null;
  // two different OS IDs are two sites the hub tells apart
  if (a.osId && b.osId) return null;
  if (!place || 'differ' in place) return null;
  const country = a.country && b.country ? `; country ${a.country}` : '';
  const names = `names read alike: "${a.name}" and "${b.name}"`;
  if (place.byAddress) return { id, facilityIds, basis: 'NAME_AND_PLACE', reason: `${names}; ${place.agree}${country}` };
  // a place is weaker than an address: the name must be the site's own and the firms one
  const own = a.ownWords.filter((w) => b.ownWords.includes(w));
  const tie = own.length ? firmTie(a, b, firms) : null;
  if (!tie) return null;
  return {
    id,
    facilityIds,
    basis: 'NAME_AND_PLACE',
    reason: `${names}, by their own word${own.length > 1 ? 's' : ''} ${own.join(', ')}; ${place.agree}${country}; ${tie}`,
  };
}

/**
 * The facility pairs within blocks (facilities sharing a key) with at least one facility in
 * `changed` (strongestPairsInBlocks); `firms`: the ties among the blocks' firms (facilityPairVerdict).
 */
export const facilityPairsInBlocks = (
  blocks: readonly (readonly FacilityProfile[])[],
  changed: ReadonlySet<string>,
  maxBlock: number,
  firms: FirmLinks = NO_FIRM_LINKS,
): FacilityDuplicatePair[] =>
  strongestPairsInBlocks(
    blocks,
    changed,
    maxBlock,
    (a, b) => facilityPairVerdict(a, b, firms),
    (basis) => BASIS_RANK[basis],
  );
