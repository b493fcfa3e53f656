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
//
// This file decides; xuarPlaceIndex.ts builds the index of names, xuarFieldScan.ts finds
// them in one field.
import { displayOrder, fold, foldDisguise, toSimplified } from './text';
import { XUAR_ADMIN } from './xuarAdmin';
import { scanField, type Hit } from './xuarFieldScan';
import { compactOf, placeIndex, type LookAlike, type Place } from './xuarPlaceIndex';
import { respellLocation, type RespellOptions } from './xuarSpelling';
import { decodedText } from '../../model/text/encodedText';
import { countryCodeOf } from '../../model/gazetteer/countries';

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
  /**
   * when not inXuar: XUAR names that are also places elsewhere in China (or, with no country,
   * anywhere) and that nothing here either confirmed or ruled out, one line each; the location
   * leaves open whether the site is in the XUAR (UNDECIDED_XUAR_PLACE)
   */
  undecided?: string[];
}

// ---------------------------------------------------------------- country

const CN_FORMS = new Set([
  'cn',
  'chn',
  '156',
  'china',
  'prc',
  'prchina',
  'peoplesrepublicofchina',
  'peoplesrepofchina',
  'thepeoplesrepublicofchina',
  'mainlandchina',
  'chinamainland',
  '中国',
  '中华人民共和国',
  '中国大陆',
]);

function countryForm(country: string): string {
  return fold(toSimplified(foldDisguise(country))).replace(/[\s.,'’()\-_]/g, '');
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
 * once per process. A location that does not as written is read once more with misspelt
 * and Uyghur-script XUAR names respelled (xuarSpelling.ts), under the same rule.
 */
export function locateInXuar(loc: LocationInput, opts: RespellOptions = {}): XuarLocation {
  const stored = locateOneReading(loc, opts);
  if (stored.inXuar) return stored;
  // a field a web system encoded ("Urumqi%20City", "&#26032;&#30086;") reads decoded
  const decoded = readFields(loc, decodedText);
  const asDecoded = decoded ? locateOneReading(decoded, opts) : stored;
  if (asDecoded.inXuar) {
    const note = 'read with its HTML entities or percent-encoding decoded';
    return { ...asDecoded, evidence: [note, ...asDecoded.evidence] };
  }
  // a field under a direction override shows otherwise than it is stored: the XUAR in either reading counts
  const shown = readFields(decoded ?? loc, displayOrder);
  if (!shown) return stored;
  const reread = locateOneReading(shown, opts);
  if (!reread.inXuar) return stored;
  const note = 'read as the location shows on screen: a right-to-left override (U+202E) reverses what it stores';
  return { ...reread, evidence: [note, ...reread.evidence] };
}

/** The location with each field read another way (`read` gives undefined where it reads the same); undefined when none changes. */
function readFields(loc: LocationInput, read: (s: string) => string | undefined): LocationInput | undefined {
  let changed = false;
  const out: LocationInput = { ...loc };
  for (const f of ['country', 'province', 'prefecture', 'county', 'city', 'address'] as const) {
    const v = loc[f];
    const other = typeof v === 'string' ? read(v) : undefined;
    if (other !== undefined) {
      out[f] = other;
      changed = true;
    }
  }
  return changed ? out : undefined;
}

function locateOneReading(loc: LocationInput, opts: RespellOptions): XuarLocation {
  const asWritten = locateAsWritten(loc);
  if (asWritten.inXuar) return asWritten;
  const respelled = respellLocation(loc, opts);
  if (!respelled) return asWritten;
  const reread = locateAsWritten(respelled.location);
  return reread.inXuar ? { ...reread, evidence: [...respelled.notes, ...reread.evidence] } : asWritten;
}

function locateAsWritten(loc: LocationInput): XuarLocation {
  const idx = placeIndex();
  const rawCountry = (loc.country ?? '').trim();
  const fields: [string, string][] = [];
  for (const f of ['province', 'prefecture', 'county', 'city', 'address'] as const) {
    const v = loc[f];
    if (typeof v === 'string' && v.trim()) fields.push([f, v.trim()]);
  }

  let countryState: 'CN' | 'missing' | 'other';
  let unreadCountry = false;
  if (!rawCountry) countryState = 'missing';
  else if (CN_FORMS.has(countryForm(rawCountry))) countryState = 'CN';
  else {
    // a country that names the region itself ("Xinjiang", "XUAR", "East Turkestan")
    const scan = scanField('country', rawCountry, idx, false);
    if (scan.hits.some((h) => h.place?.level === 'region' && !h.street)) {
      countryState = 'CN';
      fields.unshift(['country', rawCountry]);
    } else {
      // only a real other country rules a XUAR name out; one we cannot read ("ZZ", "Chine") counts as not given
      const code = countryCodeOf(rawCountry);
      countryState = code && code !== 'CN' ? 'other' : 'missing';
      unreadCountry = !code;
    }
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

  // a namesake abroad is no namesake where the country is China (the Kazakh Khorgos, Aksu, Aral):
  // the reference data's rule for Aksu, applied to every look-alike the data places abroad
  const possible = (l: LookAlike) => countryState !== 'CN' || !l.country || l.country === 'CN';

  // look-alikes written out claim their words
  for (const h of hits) {
    if (!h.lookAlike || h.street || !possible(h.lookAlike)) continue;
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
      const la = idx.lookAlikes.find(
        (l) => l.country === rawCountry.toUpperCase() && (l.shares.has(h.compact) || l.names.some((n) => compactOf(n) === h.compact)),
      );
      reject(
        `${quote(h)} would be ${describe(place)}, but the country is "${rawCountry}", not China`,
        3,
        la ? la.label : `"${h.text}" outside China (country ${rawCountry})`,
      );
      continue;
    }
    // a look-alike that this location points at
    const namesakes =
      h.script === 'latin'
        ? (idx.sharedBy.get(h.compact) ?? [])
        : idx.lookAlikes.filter((l) => l.zh && l.zh !== place.zh && l.zh.startsWith(place.zh));
    const pointed = namesakes.find((l) => contexts.has(l));
    if (pointed) {
      reject(`${quote(h)} is read as ${pointed.label}: "${contexts.get(pointed)}" points there`, 1, pointed.label);
      continue;
    }
    const related = namesakes.filter(possible);
    // a spelling shared only with places abroad is ambiguous only where the country may be abroad
    const ambiguous = isAmbiguous(h) && (related.length > 0 || namesakes.length === 0);
    const elsewhere = ambiguous || related.length > 0 || (!!otherProvince && !h.strong());
    if (elsewhere && otherProvince) {
      const why = ambiguous || related.length ? 'the name is also used outside the XUAR' : 'it is not clearly a place name here';
      reject(
        `${quote(h)} is not taken as the XUAR: ${why} and the location names another province, "${otherProvince}"`,
        2,
        related[0]?.label ?? `"${h.text}" in a location in ${otherProvince}`,
      );
      continue;
    }
    if (ambiguous && !(h.script === 'cjk' && h.xuarSuffix)) {
      agreeing.push(h);
      continue;
    }
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
    const add = (s: string) => {
      if (!evidence.includes(s)) evidence.push(s);
    };
    for (const h of decisive) {
      if (described.has(h.place!)) continue;
      described.add(h.place!);
      add(`${quote(h)} is ${describe(h.place!)}`);
    }
    for (const h of agreeing) {
      if (described.has(h.place!)) continue;
      described.add(h.place!);
      add(
        `${quote(h)} is ${describe(h.place!)}${isAmbiguous(h) ? ' (a name also used elsewhere, here confirmed by the other XUAR names)' : ''}`,
      );
    }
    if (countryState === 'missing')
      add(
        unreadCountry
          ? `country "${rawCountry}" is not a country code or name: the Chinese characters or region name place it in China`
          : 'country not given: the Chinese characters or region name place it in China',
      );
    if (provinceField.length && decisive.every((h) => h.field !== 'province')) {
      add(`note: province "${provinceField[0]}" names another province, but the names above are found only in the XUAR`);
    }
    return { inXuar: true, evidence, confidence: 'definite' };
  }

  const undecided: string[] = [];
  for (const h of agreeing) {
    if (countryState === 'missing' && !isAmbiguous(h)) {
      reject(`${quote(h)} would be ${describe(h.place!)}, but no country is given and a romanized name alone does not show China`, 5);
    } else {
      undecided.push(`${quote(h)} may be ${describe(h.place!)}, but ${h.place!.note ?? 'the name is also used elsewhere'}`);
      const la = (idx.sharedBy.get(h.compact) ?? [])[0];
      reject(
        `${quote(h)} is ambiguous${h.place!.note ? ` (${h.place!.note})` : ''}; nothing else here places it in the XUAR`,
        6,
        la?.label ?? (h.place!.note ? `"${h.text}": ${h.place!.note}` : `"${h.text}" is also a place name outside the XUAR`),
      );
    }
  }
  const result: XuarLocation = { inXuar: false, evidence: [...new Set(notes)], confidence: 'none' };
  if (undecided.length) result.undecided = [...new Set(undecided)];
  const la = lookAlikes.sort((a, b) => a.rank - b.rank)[0];
  if (la) result.lookAlike = la.text;
  return result;
}
