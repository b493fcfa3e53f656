// The XUAR place names of seed/xuar-places.json, read once per process. Trace's place rule,
// screening's place words and the generator all read it here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_DIR } from '../entityList';

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

/** seed/xuar-places.json as read; shared, so read it and never change it. */
export function xuarPlaces(): XuarPlacesFile {
  cache ??= JSON.parse(readFileSync(join(SEED_DIR, 'xuar-places.json'), 'utf8')) as XuarPlacesFile;
  return cache;
}
