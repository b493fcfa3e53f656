// Which of a tenant's firms look like one legal entity, as pure rules over plain data.
// Suppliers name one company differently in different files ("Hoshine Silicon Ind. (Shanshan)",
// "合盛硅业（鄯善）有限公司"); the screening normaliser reads both scripts and romanizations
// alike, so two firms pair when:
//   - they carry the same registration id (and no other country), or
//   - some name of each reads as the same words (normalizeName, places set aside), or
//   - both MATCH the same Entity List entry, whose own names tie the spellings together;
// and, for the last two, their countries and places agree: places compare by containment as
// screening's place qualifiers do (Xinjiang agrees with Shanshan, Shanshan conflicts with
// Luzhou), and a place one firm's name gives must be among the other's places (a subsidiary
// "(Shanshan)" is not its placeless parent). Pairs are looked for only inside blocks of firms
// that share a key, never across all pairs.
import { normalizeName, type NormalizedName } from '../normalize';
import { countryCode } from '../matcher/decision';
import { leavesOf, placesCompatible, placesOf, type PlaceRef } from '../matcher/placeQualifiers';

/** Bump when the profile or the keys change: stored profiles of another version are computed again. */
export const PROFILE_VERSION = 1;
/** A block of more firms than this says nothing about any two of them (a placeholder id, a generic name). */
export const MAX_BLOCK = 50;

/** A firm as stored, with the Entity List entries its stored screening matches MATCH (not rejected). */
export interface FirmForPairing {
  id: string;
  name: string;
  aliases?: readonly string[] | null;
  localName?: string | null;
  country?: string | null;
  registrationId?: string | null;
  city?: string | null;
  province?: string | null;
  listedEntries?: readonly string[] | null;
}

/** What the rules compare, JSON-serialisable (stored on the firm beside its keys). */
export interface FirmProfile {
  id: string;
  name: string;
  country: string | null;
  /** The registration id folded (upper case, no spaces or punctuation), or null when absent or not an id. */
  registration: string | null;
  /** Each name's words without its places, joined: one key per distinct reading. */
  nameKeys: string[];
  /** The name each key was read from, in nameKeys' order (for the reason). */
  keyNames: string[];
  listedEntries: string[];
  /** Places its names give. */
  namePlaces: PlaceRef[];
  /** Places of its names and of its city and province fields. */
  places: PlaceRef[];
  /** A city field China's divisions do not place ("Memphis"), read as words (Chinese as pinyin) and joined; null otherwise. */
  cityKey: string | null;
  city: string | null;
}

export type DuplicateBasis = 'REGISTRATION_ID' | 'NAME' | 'LISTED_ENTRY';
const BASIS_RANK: Record<DuplicateBasis, number> = { REGISTRATION_ID: 0, NAME: 1, LISTED_ENTRY: 2 };

export interface DuplicatePair {
  /** pairId(firmIds[0], firmIds[1]); firmIds in code-unit order, so either order of the two gives it. */
  id: string;
  firmIds: [string, string];
  basis: DuplicateBasis;
  reason: string;
}

/**
 * An identifier as compared: upper case, letters and digits only; null for a placeholder
 * ("N/A", "0000"): shorter than `minLength`, without a digit, or one character repeated.
 */
export function foldIdentifier(raw: string | null | undefined, minLength: number): string | null {
  if (!raw) return null;
  const folded = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  if (folded.length < minLength || !/\p{N}/u.test(folded) || /^(.)\1*$/u.test(folded)) return null;
  return folded;
}

/** A registration id as compared: upper case without spaces and punctuation; null for a placeholder. */
export const foldRegistration = (raw: string | null | undefined): string | null => foldIdentifier(raw, 5);

/** The key of one name: its name, sector and form words in order, joined; null when it has no name word of its own. */
export function nameKey(name: string): string | null {
  return keyOf(normalizeName(name));
}
function keyOf(n: NormalizedName): string | null {
  const words = n.tokens.filter((t) => t.kind !== 'place');
  if (!words.some((t) => t.kind === 'name')) return null;
  // a group or holding company is another legal entity than the firm it owns
  return (n.parentForm ? 'group:' : '') + words.map((t) => t.text).join('');
}

const uniquePlaces = (ps: PlaceRef[]) => ps.filter((p, i) => ps.findIndex((q) => q.text === p.text) === i);

export function profileOf(f: FirmForPairing): FirmProfile {
  const names = [f.name, ...(f.aliases ?? []), ...(f.localName ? [f.localName] : [])].filter((n) => n && n.trim());
  const nameKeys: string[] = [];
  const keyNames: string[] = [];
  const namePlaces: PlaceRef[] = [];
  for (const name of names) {
    const normalized = normalizeName(name);
    const key = keyOf(normalized);
    if (key && !nameKeys.includes(key)) {
      nameKeys.push(key);
      keyNames.push(name);
    }
    namePlaces.push(...placesOf(normalized.tokens));
  }
  // a county alone in parentheses reads as a place ("(Yiwu)"), as a city field means it
  const city = f.city?.trim() ? normalizeName(`(${f.city})`) : null;
  const cityPlaces = city ? placesOf(city.tokens) : [];
  const fieldPlaces = [...cityPlaces, ...(f.province ? placesOf(normalizeName(f.province).tokens) : [])];
  // a city the divisions do not place ("Hai Phong", "Ho Chi Minh City") compares as its words
  const cityKey = city && !cityPlaces.some((p) => p.codes.length) ? city.tokens.map((t) => t.text).join('') || null : null;
  return {
    id: f.id,
    name: f.name,
    country: countryCode(f.country),
    registration: foldRegistration(f.registrationId),
    nameKeys,
    keyNames,
    listedEntries: [...new Set(f.listedEntries ?? [])],
    namePlaces: uniquePlaces(namePlaces),
    places: uniquePlaces([...namePlaces, ...fieldPlaces]),
    cityKey,
    city: f.city ?? null,
  };
}

/** The blocks a firm belongs to: only firms sharing a key are ever compared. */
export function blockingKeys(p: FirmProfile): string[] {
  return [
    ...(p.registration ? [`reg:${p.registration}`] : []),
    ...p.nameKeys.map((k) => `name:${k}`),
    ...p.listedEntries.map((e) => `listed:${e}`),
  ];
}

/** Why the two firms' places rule the pair out, or null when they agree. */
export function placeConflict(a: FirmProfile, b: FirmProfile): string | null {
  if (a.places.length && b.places.length) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      // the most specific places decide, as in screening: Changzhou and Wuxi conflict though both lie in Jiangsu
      const theirs = leavesOf(y.places);
      for (const leaf of leavesOf(x.places)) {
        if (!theirs.some((p) => placesCompatible(leaf, p)))
          return `places conflict: ${leaf.label} (${x.id}) is not ${theirs.map((p) => p.label).join(', ')} (${y.id})`;
      }
    }
  }
  for (const [x, y] of [
    [a, b],
    [b, a],
  ]) {
    if (x.namePlaces.length && !y.places.length)
      return `only ${x.id} gives a place (${x.namePlaces.map((p) => p.label).join(', ')}): its name may be a branch or subsidiary of ${y.id}`;
  }
  // cities outside the gazetteer compare as words, one inside the other agreeing ("Memphis", "Memphis TN")
  const [ca, cb] = [a.cityKey, b.cityKey];
  if (ca && cb && !ca.includes(cb) && !cb.includes(ca)) return `cities differ: ${a.city} (${a.id}), ${b.city} (${b.id})`;
  return null;
}

const agreedPlaces = (a: FirmProfile, b: FirmProfile) =>
  leavesOf(a.places)
    .filter((p) => leavesOf(b.places).some((q) => placesCompatible(p, q)))
    .map((p) => p.label);

export function pairId(x: string, y: string): string {
  const [a, b] = x < y ? [x, y] : [y, x];
  // "|" and "\" escaped, so no two pairs of ids give one id
  const esc = (s: string) => s.replace(/[\\|]/g, (c) => `\\${c}`);
  return `${esc(a)}|${esc(b)}`;
}

/** Whether the two firms look like one legal entity, and on what basis; null when they do not. */
export function pairVerdict(x: FirmProfile, y: FirmProfile): DuplicatePair | null {
  if (x.id === y.id) return null;
  // in id order, so the reason reads the same whichever way round the two came
  const [a, b] = x.id < y.id ? [x, y] : [y, x];
  if (a.country && b.country && a.country !== b.country) return null;
  const firmIds = (a.id < b.id ? [a.id, b.id] : [b.id, a.id]) as [string, string];
  const id = pairId(a.id, b.id);
  const conflict = placeConflict(a, b);
  const places = agreedPlaces(a, b);
  const placeNote = places.length ? `; places agree: ${[...new Set(places)].join(', ')}` : '';
  const countryNote = a.country && b.country ? `; country ${a.country}` : '';
  if (a.registration && a.registration === b.registration) {
    // one registration is one legal entity whatever the names say; a place conflict is shown, for the reviewer
    const note = conflict ? `; but ${conflict}` : placeNote;
    return { id, firmIds, basis: 'REGISTRATION_ID', reason: `same registration id ${a.registration}${countryNote}${note}` };
  }
  if (conflict) return null;
  const shared = a.nameKeys.findIndex((k) => b.nameKeys.includes(k));
  if (shared >= 0) {
    const other = b.keyNames[b.nameKeys.indexOf(a.nameKeys[shared])];
    return {
      id,
      firmIds,
      basis: 'NAME',
      reason: `names read alike: "${a.keyNames[shared]}" and "${other}"${countryNote}${placeNote}`,
    };
  }
  const entry = a.listedEntries.find((e) => b.listedEntries.includes(e));
  if (entry !== undefined) {
    return {
      id,
      firmIds,
      basis: 'LISTED_ENTRY',
      reason: `both match Entity List entry ${entry}, whose names include both spellings${countryNote}${placeNote}`,
    };
  }
  return null;
}

/**
 * The pairs within blocks (records sharing a key) with at least one record in `changed`, in
 * id order, each pair once on its strongest basis (the lowest rank). A block larger than
 * maxBlock is passed over.
 */
export function strongestPairsInBlocks<P extends { id: string }, Pair extends { id: string; basis: string }>(
  blocks: readonly (readonly P[])[],
  changed: ReadonlySet<string>,
  maxBlock: number,
  verdict: (a: P, b: P) => Pair | null,
  rank: (basis: Pair['basis']) => number,
): Pair[] {
  const found = new Map<string, Pair>();
  for (const block of blocks) {
    if (block.length < 2 || block.length > maxBlock) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        if (!changed.has(block[i].id) && !changed.has(block[j].id)) continue;
        const pair = verdict(block[i], block[j]);
        if (!pair) continue;
        const prev = found.get(pair.id);
        if (!prev || rank(pair.basis) < rank(prev.basis)) found.set(pair.id, pair);
      }
    }
  }
  return [...found.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** The firm pairs within blocks (firms sharing a key) with at least one firm in `changed` (strongestPairsInBlocks). */
export const pairsInBlocks = (blocks: readonly (readonly FirmProfile[])[], changed: ReadonlySet<string>): DuplicatePair[] =>
  strongestPairsInBlocks(blocks, changed, MAX_BLOCK, pairVerdict, (basis) => BASIS_RANK[basis]);
