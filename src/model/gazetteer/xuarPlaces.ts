// The XUAR place names of seed/xuar-places.json, read once per process, with the older
// romanizations and names of olderNames.ts (Tihwa, Kuldja, 和阗) added to the places they name.
// Trace's place rule, screening's place words and the generator all read it here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_DIR } from '../entityList';
import { OLDER_XUAR_NAMES } from './olderNames';

/** One place as the file writes it: Chinese name, pinyin, other spellings, and whether the name is also used elsewhere. */
export interface XuarPlaceEntry {
  zh?: string;
  pinyin?: string;
  names?: string[];
  ambiguous?: boolean;
  note?: string;
}

/** A place outside the XUAR that a name in the file could be mistaken for (see the file's "about"). */
export interface LookAlikeEntry extends XuarPlaceEntry {
  where?: string;
  shares?: string[];
  context?: string[];
  country?: string;
}

export interface XuarPlacesFile {
  region: XuarPlaceEntry;
  xpcc: XuarPlaceEntry;
  prefectureLevel: XuarPlaceEntry[];
  xpccCities: XuarPlaceEntry[];
  countyLevel: XuarPlaceEntry[];
  otherPlaces?: XuarPlaceEntry[];
  lookAlikesOutsideXuar?: LookAlikeEntry[];
}

let cache: XuarPlacesFile | undefined;

/** Adds the older names of `older` (by Chinese name) to the places of the file; every one must name a place. */
export function withOlderNames(file: XuarPlacesFile, older: Readonly<Record<string, readonly string[]>>): XuarPlacesFile {
  const places = [file.region, file.xpcc, ...file.prefectureLevel, ...file.xpccCities, ...file.countyLevel, ...(file.otherPlaces ?? [])];
  const byZh = new Map(places.filter((p) => p.zh).map((p) => [p.zh!, p]));
  const unknown = Object.keys(older).filter((zh) => !byZh.has(zh));
  if (unknown.length) throw new Error(`older XUAR names for places xuar-places.json does not have: ${unknown.join(', ')}`);
  const copy = (p: XuarPlaceEntry): XuarPlaceEntry =>
    older[p.zh ?? ''] ? { ...p, names: [...new Set([...(p.names ?? []), ...older[p.zh!]])] } : p;
  return {
    ...file,
    region: copy(file.region),
    xpcc: copy(file.xpcc),
    prefectureLevel: file.prefectureLevel.map(copy),
    xpccCities: file.xpccCities.map(copy),
    countyLevel: file.countyLevel.map(copy),
    ...(file.otherPlaces ? { otherPlaces: file.otherPlaces.map(copy) } : {}),
  };
}

/** seed/xuar-places.json with the older names added; shared, so read it and never change it. */
export function xuarPlaces(): XuarPlacesFile {
  cache ??= withOlderNames(JSON.parse(readFileSync(join(SEED_DIR, 'xuar-places.json'), 'utf8')) as XuarPlacesFile, OLDER_XUAR_NAMES);
  return cache;
}
