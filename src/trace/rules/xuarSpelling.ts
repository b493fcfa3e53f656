// A second reading of a location the place rule found nothing in: XUAR names written apart, with
// tone numbers or digits for letters (xuarObscuredSpelling.ts), misspelt XUAR names
// ("Xingjiang", "Urumuqi", "Kashgher", "乌木齐": xuarHanSlips.ts), names in the Uyghur script (ئۈرۈمچى)
// and names in Cyrillic, as Russian and Kazakh papers write them (Урумчи, Синьцзян) are
// rewritten to a spelling the gazetteer knows, and the rewritten location is decided by the
// same rule, look-alikes, streets and country included. A typo is read as a XUAR name only
// when no place name elsewhere in China (nor any of the XUAR look-alikes) is as near:
// "Jinjiang" is a city in Fujian, so it is never read as "Xinjiang". Two neighbouring letters
// swapped count as one slip ("Urmuqi"). A word as near to two XUAR places ("Kulra": Kurla or
// Kulja) is still in the XUAR and reads as the region.
import { distance } from 'fastest-levenshtein';
import { editDistance } from '../../model/text/editDistance';
import { isCommonEnglishWord } from '../../model/text/englishWords';
import { chinaDivisionRows } from '../../model/gazetteer/divisionRows';
import { PROVINCES } from '../../model/gazetteer/provinces';
import { closeTogether, latinTokens, type Token } from './text';
import { memoByInput } from './memo';
import { placeIndex } from './xuarPlaceIndex';
import { UYGHUR_PLACE_NAMES } from '../../model/gazetteer/uyghurPlaceNames';
import { CYRILLIC_PLACE_NAMES, RUSSIAN_WORDS_NOT_PLACES, russianFormsSource } from '../../model/gazetteer/cyrillicPlaceNames';
import { EXONYMS, exonymPatternSource } from '../../model/gazetteer/exonyms';
import { countryCodeOf } from '../../model/gazetteer/countries';
import { respellHanPlaces } from './xuarHanSlips';
import { readObscured } from './xuarObscuredSpelling';
import { readXuarPostcode } from './xuarPostcode';
import { pinyinOfPalladius } from '../../model/text/palladius';
import { titleCase } from '../../model/text/titleCase';

export interface LocationFields {
  /** only to know whether a name shared with a place elsewhere may be read */
  country?: string | null;
  province?: string | null;
  prefecture?: string | null;
  county?: string | null;
  city?: string | null;
  address?: string | null;
}
export interface Respelling<L extends LocationFields> {
  location: L;
  /** one line per rewritten word: `city "Urumuqi" read as "Urumqi" (2 letters apart; no other place in China is as close)` */
  notes: string[];
}

const FIELDS = ['province', 'prefecture', 'county', 'city', 'address'] as const;

/** Letters a typo may change: one for a short word, two from eight letters on. */
const allowedEdits = (len: number) => (len >= 8 ? 2 : 1);
/** Words shorter than this are too easily some other word (Hami, Bole, Mori). */
const MIN_LETTERS = 5;

interface Vocabulary {
  /** single-word XUAR spellings, folded, with the place each names (its Chinese name) */
  xuar: Map<string, string>;
  /** the other single-word place names of China it competes with, and the look-alikes' spellings, folded */
  elsewhere: Set<string>;
}
/** A province field names a province: its typos compete with the other provinces only, not with every county. */
type FieldKind = 'province' | 'place';
const vocabularies = new Map<FieldKind, Vocabulary>();
const letters = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

function vocabularyOf(kind: FieldKind): Vocabulary {
  const known = vocabularies.get(kind);
  if (known) return known;
  const idx = placeIndex();
  const xuar = new Map<string, string>();
  const elsewhere = new Set<string>();
  for (const [compact, phrases] of idx.latin) {
    for (const p of phrases) {
      if (p.words.length !== 1 || compact.length < MIN_LETTERS) continue;
      if (p.place && !p.place.ambiguous && (kind === 'place' || p.place.level === 'region')) xuar.set(compact, p.place.zh);
      else if (kind === 'place') elsewhere.add(compact);
    }
  }
  for (const p of PROVINCES) for (const n of [p.pinyin, ...p.names]) elsewhere.add(letters(n));
  if (kind === 'place') {
    for (const la of idx.lookAlikes) for (const n of [la.pinyin ?? '', ...la.names]) elsewhere.add(letters(n));
    for (const { code, pinyin } of chinaDivisionRows()) if (!code.startsWith('65')) elsewhere.add(pinyin);
  }
  for (const x of xuar.keys()) elsewhere.delete(x);
  const v = { xuar, elsewhere };
  vocabularies.set(kind, v);
  return v;
}

/**
 * The XUAR spelling a misspelt word stands for, with the distance. `alsoNear` holds the spellings of other XUAR
 * places exactly as near: the word is then in the XUAR, though which place it names is not known.
 */
type Nearest = { spelling: string; edits: number; alsoNear: string[] } | null;

/** Edits apart, a swap counting one, capped at max + 1; the fast Levenshtein first (a swap is two there), since most words are far apart. */
function editsApart(a: string, b: string, max: number): number {
  return distance(a, b) > 2 * max ? max + 1 : editDistance(a, b, max);
}
// the same words (street types, district names) recur in every address: each is weighed once
const remembered = memoByInput(
  ({ word, kind }: { word: string; kind: FieldKind }) => nearestOf(word, kind),
  ({ word, kind }) => `${kind} ${word}`,
);

/** The XUAR spelling a misspelt word stands for, with the distance; null when none is strictly nearest. */
export function nearestXuarSpelling(word: string, kind: FieldKind = 'place'): Nearest {
  const w = word.toLowerCase();
  if (w.length < MIN_LETTERS || !/^[a-z]+$/.test(w)) return null;
  return remembered({ word: w, kind });
}

function nearestOf(w: string, kind: FieldKind): Nearest {
  const { xuar, elsewhere } = vocabularyOf(kind);
  // a word that is itself a place name anywhere in China ("Jinjiang", Fujian) is never a typo
  const everywhere = vocabularyOf('place');
  if (everywhere.xuar.has(w) || everywhere.elsewhere.has(w)) return null;
  // nor is a common English word ("await" is no slip for Awati)
  if (isCommonEnglishWord(w)) return null;
  const limit = allowedEdits(w.length);
  let bestEdits = limit + 1;
  // the nearest spellings, one per place (another spelling of the same place is no rival)
  let nearest = new Map<string, string>();
  for (const [x, place] of xuar) {
    if (Math.abs(x.length - w.length) > limit) continue;
    const d = editsApart(w, x, limit);
    if (d > bestEdits || d > allowedEdits(Math.min(w.length, x.length))) continue;
    if (d < bestEdits) [bestEdits, nearest] = [d, new Map()];
    if (!nearest.has(place)) nearest.set(place, x);
  }
  if (!nearest.size) return null;
  for (const e of elsewhere) {
    if (Math.abs(e.length - w.length) > bestEdits) continue;
    if (editsApart(w, e, bestEdits) <= bestEdits) return null;
  }
  const [spelling, ...alsoNear] = nearest.values();
  return { spelling, edits: bestEdits, alsoNear };
}

/** Words that, joined with the word beside them, spell a place elsewhere in China ("Dong-ning"): no piece of one is a typo. */
function piecesOfPlacesElsewhere(text: string, tokens: Token[]): Set<Token> {
  const { elsewhere } = vocabularyOf('place');
  const out = new Set<Token>();
  for (let i = 1; i < tokens.length; i++) {
    const [a, b] = [tokens[i - 1], tokens[i]];
    if (elsewhere.has(a.norm + b.norm) && closeTogether(text, a, b)) out.add(a).add(b);
  }
  return out;
}

/** Arabic-script letters written differently by different keyboards, folded to the Uyghur forms. */
const foldArabic = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[يی]/g, 'ى')
    .replace(/ک/g, 'ك')
    .replace(/\u0640/g, '');

/** Place names in a script of their own, read as their Latin names: the names' pattern, longest first. */
interface ScriptNames {
  script: RegExp;
  /** how the script's letters are folded before matching */
  fold: (s: string) => string;
  /** "the {label} name of" in a note */
  label: string;
  /** `label`: the name's own language, where the script's is not it */
  names: { written: string; latin: string; pattern: RegExp; label?: string; onlyInChina?: boolean }[];
  /** a word of the script that no name matched, read as the XUAR place it spells, if any */
  readWord?: (word: string) => string | null;
  /** its words, for `readWord` */
  word?: RegExp;
}
const longestFirst = <T extends readonly [string, string]>(names: readonly T[]) => [...names].sort((a, b) => b[0].length - a[0].length);
const EXONYM_NAMES = [...EXONYMS]
  .sort((a, b) => b.written.length - a.written.length)
  .map(({ written, latin, language, alsoNames }) => {
    const bounded = exonymPatternSource(written);
    return { written, latin, label: language, onlyInChina: !!alsoNames, source: bounded, pattern: new RegExp(bounded, 'giu') };
  });
const SCRIPT_NAMES: ScriptNames[] = [
  {
    // the names in the languages of the countries goods pass through, any script: one look for all first
    script: new RegExp(EXONYM_NAMES.map((n) => n.source).join('|'), 'iu'),
    fold: (s) => s.normalize('NFC'),
    label: '',
    names: EXONYM_NAMES,
  },
  {
    // whole words, in any letter case (a Cyrillic letter on either side ends the match)
    script: /\p{Script=Cyrillic}/u,
    fold: (s) => s,
    label: 'Russian or Kazakh',
    names: longestFirst(CYRILLIC_PLACE_NAMES).map(([written, latin]) => ({
      written,
      latin,
      pattern: new RegExp(`(?<![\\p{Script=Cyrillic}\\p{M}])${russianFormsSource(written)}(?![\\p{Script=Cyrillic}\\p{M}])`, 'giu'),
    })),
    // any other XUAR place in Palladius spelling ("Шачэ" Shache, "Пишань" Pishan)
    readWord: xuarPlaceInPalladius,
    word: /(?<![\p{L}\p{M}])\p{Script=Cyrillic}+(?![\p{L}\p{M}])/gu,
  },
  {
    script: /\p{Script=Arabic}/u,
    fold: foldArabic,
    label: 'Uyghur-script',
    names: UYGHUR_PLACE_NAMES.map(([u, latin]) => {
      const written = foldArabic(u);
      // Arabic letters, spaces and hyphens: no character special to a pattern
      return { written, latin, pattern: new RegExp(written, 'gu') };
    }),
  },
];

/** The text with each script's place names as their Latin names, a note for each name read. */
function readScriptNames(field: string, value: string, text: string, notes: string[], inChina: boolean): string {
  for (const { script, fold, label, names, readWord, word } of SCRIPT_NAMES) {
    const folded = fold(text);
    if (!script.test(folded)) continue;
    text = folded;
    for (const { written, latin, pattern, label: language, onlyInChina } of names) {
      if (onlyInChina && !inChina) continue;
      const read = text.replace(pattern, ` ${latin} `);
      if (read === text) continue;
      text = read;
      notes.push(`${field} "${value}": "${written}" is the ${language ?? label} name of ${latin}`);
    }
    if (readWord && word)
      text = text.replace(word, (written) => {
        const latin = readWord(written);
        if (!latin) return written;
        notes.push(`${field} "${value}": "${written}" is the ${label} (Palladius) spelling of ${latin}`);
        return ` ${latin} `;
      });
  }
  return text;
}

/** A Cyrillic word that spells, syllable for syllable, a XUAR place's pinyin name of two syllables or more. */
function xuarPlaceInPalladius(word: string): string | null {
  const { latin } = placeIndex();
  if (RUSSIAN_WORDS_NOT_PLACES.has(word.toLowerCase())) return null;
  for (const syllables of pinyinOfPalladius(word)) {
    if (syllables.length < 2) continue;
    const compact = syllables.join('');
    if (latin.get(compact)?.some((p) => p.words.length === 1 && p.place && !p.place.ambiguous)) return titleCase(compact);
  }
  return null;
}

export interface RespellOptions {
  /** read a word one slip from a XUAR place as that place (default true; a firm's name is read without: "Taiheng" is a trade name, not Tacheng) */
  misspellings?: boolean;
  /** read a XUAR postcode as the region where the country is China (default true; off where the country is only assumed: "Ranchi 834001" is India's) */
  postcodes?: boolean;
}

// A province field that holds the region's code rather than its name, as ERP exports do: ISO
// 3166-2 "CN-XJ" (before 2017 "CN-65"), or the GB/T 2260 division code "65" / "650000", or the
// region's one-character abbreviation 新 (as on its licence plates, 新A). Only the whole province
// field: elsewhere six digits starting 65 are as likely a Yunnan postcode, and 新 means "new".
const XUAR_PROVINCE_CODE = /^(?:(?:CN[-_ ]?)?(?:XJ|65(?:0000)?)|新)$/i;

/**
 * The location with misspelt XUAR names and names in other scripts and languages rewritten, or null when
 * nothing was rewritten. Pure; the vocabulary is built once per process.
 */
export function respellLocation<L extends LocationFields>(loc: L, opts: RespellOptions = {}): Respelling<L> | null {
  const notes: string[] = [];
  const out: L = { ...loc };
  const inChina = typeof loc.country === 'string' && countryCodeOf(loc.country) === 'CN';
  for (const field of FIELDS) {
    const value = loc[field];
    if (typeof value !== 'string' || !value.trim()) continue;
    let text = value;
    const fieldNotes: string[] = [];
    if (field === 'province' && XUAR_PROVINCE_CODE.test(value.trim())) {
      out[field] = 'Xinjiang' as L[typeof field];
      notes.push(
        value.trim() === '新'
          ? `province "新" is Xinjiang's one-character abbreviation (as on its licence plates)`
          : `province "${value.trim()}" is the code of Xinjiang (ISO 3166-2 CN-XJ, formerly CN-65; GB/T 2260 650000)`,
      );
      continue;
    }
    const obscured = readObscured(field, value);
    if (obscured) {
      text = obscured.text;
      fieldNotes.push(...obscured.notes);
    }
    text = readScriptNames(field, value, text, fieldNotes, inChina);
    // right to left, so the offsets of earlier words stay true
    const typos: string[] = [];
    const tokens = latinTokens(text);
    const pieces = piecesOfPlacesElsewhere(text, tokens);
    for (const t of opts.misspellings === false ? [] : tokens.reverse()) {
      if (pieces.has(t)) continue;
      const near = nearestXuarSpelling(t.norm, field === 'province' ? 'province' : 'place');
      if (!near) continue;
      const apart = `${near.edits} letter${near.edits > 1 ? 's' : ''} apart`;
      const noOther = `no ${field === 'province' ? "province's name" : 'place name in China'} outside the XUAR is as close`;
      // as near to two XUAR places: in the region, which place is not known, so it reads as the region
      const written = near.alsoNear.length ? 'Xinjiang' : titleCase(near.spelling);
      typos.unshift(
        near.alsoNear.length
          ? `${field} "${t.text}" read as in the XUAR: ${[near.spelling, ...near.alsoNear].map(titleCase).join(' or ')} (each ${apart}; ${noOther})`
          : `${field} "${t.text}" read as "${written}" (${apart}; ` +
              `no other ${field === 'province' ? "province's name" : 'place name in China'} is as close)`,
      );
      text = text.slice(0, t.start) + written + text.slice(t.end);
    }
    const postcode = opts.postcodes === false ? null : readXuarPostcode(field, text, inChina);
    if (postcode) {
      text = postcode.text;
      fieldNotes.push(postcode.note);
    }
    const han = respellHanPlaces(field, text);
    if (han) text = han.text;
    if (text !== value) out[field] = text as L[typeof field];
    notes.push(...fieldNotes, ...typos, ...(han?.notes ?? []));
  }
  return notes.length ? { location: out, notes } : null;
}
