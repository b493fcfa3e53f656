// The text policy: one set of rules for every string a client sends, whatever the way in
// (bundle ids and fields, GraphQL arguments, review and dispute notes, token notes, workbook
// cells). docs/security.md "Text policy" states it for readers; this module is the only place
// it is decided.
//
// Kinds of text:
//   id    record ids (the bundle's and every ID argument): a reference must mean exactly what
//         it shows, so nothing invisible, no control character, no direction control.
//   code  codes and references written as text (country, currency, HS code, invoice and entry
//         numbers, file paths, cursors, fingerprints): the same characters as ids.
//   name  names and places (firm, facility and material names, aliases, local names, addresses,
//         search text): evidence, kept exactly as given. Tab and newline are allowed; other
//         control characters are refused; invisible and direction-control characters are KEPT
//         (screening matches the name with them removed, DISGUISED_NAME reports them, and
//         packets show them escaped, see `showInvisible`).
//   note  notes people write (review and dispute notes, token notes): tab and newline allowed
//         (CRLF and CR become LF, the one normalisation), direction overrides, embeddings and
//         isolates refused, since a note is shown beside other text it could reorder.
// Every kind refuses lone UTF-16 surrogate halves: JSON can carry "\ud800", UTF-8 (and so
// Neo4j) cannot, and would store U+FFFD instead, making two different ids one.
import { CHARACTER_NAMES } from './characterNames';

export type TextKind = 'id' | 'code' | 'name' | 'note';

/** Longest text accepted per kind where the field states no shorter cap (UTF-16 code units, as JavaScript counts). */
export const TEXT_LIMITS: Readonly<Record<TextKind, number>> = { id: 200, code: 200, name: 500, note: 2000 };

/** Characters of client text an error message quotes at most. */
export const EXCERPT_CHARS = 40;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above, less tab and newline
const CONTROL_BUT_TAB_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above, less tab, newline and carriage return (a note's CR becomes LF)
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Embeddings, overrides and isolates (and their terminators): they reorder the text around them. */
const DIRECTION_FORMATTING = /[\u202a-\u202e\u2066-\u2069]/;
/** Every direction control, the marks too (LRM, RLM, ALM). */
const DIRECTION_ANY = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Invisible characters (Default_Ignorable_Code_Point: zero-width space and joiners, soft hyphen, BOM, ...), format characters and line/paragraph separators. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u2028\u2029]/u;
const NOT_ASCII_PRINTABLE = /[^\x20-\x7e]/;

export const codePointOf = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** "U+202E RIGHT-TO-LEFT OVERRIDE", "U+0000" where the name table has none. */
function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const name = CHARACTER_NAMES[cp]?.[0];
  return name ? `${codePointOf(cp)} ${name}` : codePointOf(cp);
}

function firstMatch(s: string, re: RegExp): { ch: string; at: number } | null {
  const m = re.exec(s);
  return m ? { ch: m[0], at: m.index } : null;
}

const where = (m: { ch: string; at: number }, what: string) => `must not contain ${what} (${describeChar(m.ch)} at character ${m.at + 1})`;

/**
 * What is wrong with a text of this kind, as the second half of an error message
 * ("must not contain a control character (U+0000 at character 4)"), or null when it is
 * accepted. `max` lowers the kind's length cap for one field.
 */
export function textProblem(s: string, kind: TextKind, max = TEXT_LIMITS[kind]): string | null {
  if (s.length > max) return `must be at most ${max} characters`;
  if (kind === 'id' && !s.trim()) return 'must not be empty';
  if (!NOT_ASCII_PRINTABLE.test(s)) return null; // the common case: printable ASCII only
  if (LONE_SURROGATE.test(s)) return 'must be well-formed Unicode (it holds half of a surrogate pair, which cannot be stored)';
  const lines = kind === 'name' || kind === 'note';
  const control = firstMatch(s, kind === 'note' ? CONTROL_BUT_LINE_BREAKS : lines ? CONTROL_BUT_TAB_NEWLINE : CONTROL);
  if (control) return where(control, lines ? 'control characters other than tab and newline' : 'control characters');
  if (kind === 'id' || kind === 'code') {
    const dir = firstMatch(s, DIRECTION_ANY);
    if (dir) return where(dir, 'direction controls');
    const inv = firstMatch(s, INVISIBLE);
    if (inv) return where(inv, 'invisible characters');
  } else if (kind === 'note') {
    const dir = firstMatch(s, DIRECTION_FORMATTING);
    if (dir) return where(dir, 'direction overrides, embeddings or isolates');
  }
  return null;
}

/** The text as stored: only notes change (CRLF and CR become LF); everything else is kept as given. */
export function normalizeText(s: string, kind: TextKind): string {
  return kind === 'note' && s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

// Shown escaped wherever client text is displayed (packets, error excerpts, terminals).
// eslint-disable-next-line no-control-regex -- control characters are among those shown escaped
const SHOWN_ESCAPED = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u061c\u2028\u2029\u0000-\u0008\u000b-\u001f\u007f-\u009f\ud800-\udfff]/gu;
// Where the joiners and variation selectors are part of writing (joining and Indic scripts, emoji), they stay.
const isJoinerOrSelector = (cp: number) =>
  cp === 0x200c || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
const USES_JOINERS =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Mongolian}\p{Script=Nko}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Extended_Pictographic}]/u;

const charAt = (s: string, i: number) => (i < s.length ? String.fromCodePoint(s.codePointAt(i)!) : '');
/** The character that ends just before index i (both halves of a surrogate pair). */
function charBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const low = s.charCodeAt(i - 1);
  return i >= 2 && low >= 0xdc00 && low <= 0xdfff ? s.slice(i - 2, i) : s[i - 1];
}

/**
 * The text with every invisible, direction-control and control character (tab and newline
 * aside) written as ⟨U+202E⟩, so quoting it cannot hide anything or reorder what follows.
 * Joiners and variation selectors next to letters of the scripts (and emoji) that need them
 * stay as they are.
 */
export function showInvisible(s: string): string {
  if (!/[^\x20-\x7e\t\n]/.test(s)) return s;
  return s.replace(SHOWN_ESCAPED, (ch, at: number) => {
    const cp = ch.codePointAt(0)!;
    if (isJoinerOrSelector(cp) && (USES_JOINERS.test(charBefore(s, at)) || USES_JOINERS.test(charAt(s, at + ch.length)))) return ch;
    return `⟨${codePointOf(cp)}⟩`;
  });
}

/** An id as a message quotes it: whole (ids are at most TEXT_LIMITS.id characters), escaped, cut only past the id limit. */
export const quotedId = (id: string): string => excerpt(id, TEXT_LIMITS.id);

/**
 * Client text as an error message may quote it: in double quotes, invisible and control
 * characters escaped (see `showInvisible`), and at most EXCERPT_CHARS characters of it, with
 * the length when cut (`"xxxxxxxx…" (10485760 characters)`).
 */
export function excerpt(s: string, max = EXCERPT_CHARS): string {
  if (s.length <= max) return `"${showInvisible(s)}"`;
  let cut = s.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1); // never split a surrogate pair
  return `"${showInvisible(cut)}…" (${s.length} characters)`;
}
