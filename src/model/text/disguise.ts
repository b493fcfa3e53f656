// Disguised names folded back before anything matches them: invisible and format characters
// removed (zero-width space and joiners, soft hyphen, BOM, word joiner, Mongolian vowel
// separator, bidi controls: every Default_Ignorable_Code_Point), compatibility forms folded
// (NFKC: full-width, mathematical and circled letters), and letters of another script that
// look like Latin ones (Cyrillic а, Greek ο) folded to the Latin letter where they stand in a
// Latin word. The look-alikes are Unicode's confusables.txt (UTS #39), as the unhomoglyph
// package ships it.
//
// Skeletons are not applied wholesale: Chinese characters, pinyin with tone marks, Vietnamese
// and whole words of another script are left as written. A letter of another script is folded
// only inside a word that also has Latin letters (and no more letters of other scripts than
// Latin ones), or when its whole word is look-alikes in a name whose every word reads as
// Latin ("ХРСС Cotton"); a word with a letter that looks like no Latin one (Синьцзян) keeps
// its name as written. Latin letters that only look like ASCII ones (ɑ, ı, ɡ) become the
// ASCII letter.
//
// Matching reads the folded text; display keeps the original (see `foldDisguiseMapped`), and
// `findDisguise` names what was hidden, for the DISGUISED_NAME signal.
import confusablesData from 'unhomoglyph/data.json';
import { CHARACTER_NAMES } from './characterNames';
import { decodedText } from './encodedText';

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const MARK = /\p{M}/u;
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const UPPER = /\p{Lu}/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
// Scripts written without spaces between words: each character stands apart from Latin words.
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
// Scripts written right to left, where direction marks have a legitimate use.
const RTL = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
// Scripts that use the zero-width joiners inside words (joining and Indic scripts).
const JOINERS_USED =
  /[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Han}\p{Script=Common}\p{Script=Inherited}]/u;
const NOT_ASCII = /[\u0080-\u{10ffff}]/u;

const ZWNJ = 0x200c;
const ZWJ = 0x200d;
const BIDI_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const BIDI_OVERRIDES = new Set([0x202d, 0x202e]);
const isVariationSelector = (cp: number) =>
  (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0x180b && cp <= 0x180d) || cp === 0x180f;

// confusables.txt maps some letters to a Latin small capital (Cyrillic в, н, т, к; Greek κ, τ):
// inside a Latin word they pass for the lower-case letter
const SMALL_CAPITALS: Record<string, string> = { ʙ: 'b', ʜ: 'h', ᴛ: 't', ĸ: 'k', ᴋ: 'k', ɴ: 'n', ʀ: 'r', ᴍ: 'm' };

// Letters styled by "fancy text" generators that NFKC leaves alone or turns into something else:
// small capitals (ᴢʜᴏɴɢᴛᴀɪ), parenthesized letters (⒳, which NFKC makes "(x)") and negative circled
// and squared letters (🅧, 🆇). Each reads as its letter. Regional indicators are left alone: in
// pairs they are flags (🇨🇳), no part of a name.
const SMALL_CAPITAL_LETTERS = 'ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡʏᴢ';
function styledLetters(): [number, string][] {
  const out: [number, string][] = [];
  const alphabet = (first: number, upper: boolean) => {
    for (let i = 0; i < 26; i++) out.push([first + i, String.fromCharCode((upper ? 65 : 97) + i)]);
  };
  const smallCaps = [...SMALL_CAPITAL_LETTERS];
  smallCaps.forEach((c, i) => out.push([c.codePointAt(0)!, 'abcdefghijklmnopqrstuvwyz'[i]]));
  out.push([0x01eb, 'q']); // ǫ, the q of the generators' small capitals (Unicode has no common one)
  alphabet(0x249c, false); // ⒜ PARENTHESIZED LATIN SMALL LETTER A
  alphabet(0x1f150, true); // 🅐 NEGATIVE CIRCLED LATIN CAPITAL LETTER A
  alphabet(0x1f170, true); // 🅰 NEGATIVE SQUARED LATIN CAPITAL LETTER A
  return out;
}

interface LookAlikes {
  /** letters of other scripts -> the ASCII letters they look like */
  foreign: Map<number, string>;
  /** Latin letters outside ASCII that only look like ASCII ones (ɑ, ı, ɡ) */
  latin: Map<number, string>;
  /** look-alikes that NFKC would turn into a letter that is none (Greek lunate sigma ϲ into ς): kept for the look-alike fold */
  beforeNfkc: Set<number>;
  /** a character that asks for more than NFKC: an ignorable, a letter of a script other than Latin and Han, a Latin look-alike */
  suspect: RegExp;
}

let tables: LookAlikes | undefined;
/** The confusables whose prototype is plain ASCII letters, by the script of the letter. */
function lookAlikes(): LookAlikes {
  if (tables) return tables;
  const foreign = new Map<number, string>();
  const latin = new Map<number, string>();
  const unstable: [string, string][] = [];
  const data = confusablesData as Record<string, string>;
  for (const [from, to] of Object.entries(data)) {
    const cp = from.codePointAt(0)!;
    if (cp < 0x80 || !LETTER.test(from)) continue;
    const target = [...to.normalize('NFKC')].map((c) => SMALL_CAPITALS[c] ?? c).join('');
    if (!/^[A-Za-z]+$/.test(target)) continue;
    // confusables.txt maps I to l; an upper-case look-alike of I stays an I
    const ascii = UPPER.test(from) ? target.replace(/l/g, 'I') : target;
    // a letter that NFKC changes is folded by NFKC first (𝐚 is a, 𝚨 is Α), unless that loses the look-alike
    if (from.normalize('NFKC') !== from) unstable.push([from, ascii]);
    else (LATIN.test(from) ? latin : foreign).set(cp, ascii);
  }
  const beforeNfkc = new Set<number>();
  // styled letters read as Latin ones wherever they stand, and before NFKC where it would spoil them
  for (const [cp, ascii] of styledLetters()) {
    latin.set(cp, ascii);
    if (String.fromCodePoint(cp).normalize('NFKC') !== String.fromCodePoint(cp)) beforeNfkc.add(cp);
  }
  for (const [from, ascii] of unstable) {
    const n = from.normalize('NFKC');
    const nCp = n.codePointAt(0)!;
    if (/^[A-Za-z]+$/.test(n) || foreign.has(nCp) || latin.has(nCp) || !LETTER.test(n)) continue;
    const cp = from.codePointAt(0)!;
    (LATIN.test(from) ? latin : foreign).set(cp, ascii);
    beforeNfkc.add(cp);
  }
  const latinClass = [...latin.keys(), ...beforeNfkc].map((cp) => `\\u{${cp.toString(16)}}`).join('');
  const suspect = new RegExp(
    `[^\\p{Script=Han}\\p{Script=Latin}\\p{Script=Common}\\p{Script=Inherited}]|\\p{Default_Ignorable_Code_Point}|[${latinClass}]`,
    'u',
  );
  tables = { foreign, latin, beforeNfkc, suspect };
  return tables;
}

/** The NFKC form of a text that needs nothing else (no ignorables, no letters of other scripts, no Latin look-alikes), or undefined. */
function onlyNfkc(s: string): string | undefined {
  const n = s.normalize('NFKC');
  const { suspect } = lookAlikes();
  // tested as written too: a styled letter NFKC spoils (⒳ into "(x)") is suspect only before it
  return suspect.test(n) || suspect.test(s) ? undefined : n;
}

/** The letters of other scripts that fold to Latin ones, with the ASCII letters they look like. */
export function latinLookAlikes(): ReadonlyMap<number, string> {
  return lookAlikes().foreign;
}

/** One character of the folded text (or one removed), with where it came from in the original. */
interface Unit {
  cp: number;
  text: string;
  /** the original range it came from */
  from: number;
  to: number;
}

export type DisguiseKind = 'look-alike' | 'invisible' | 'direction';

/** A character that disguises a name: a look-alike letter, or an invisible or direction-control character. */
export interface DisguisedCharacter {
  kind: DisguiseKind;
  /** the character as written */
  char: string;
  /** "U+0430" */
  codePoint: string;
  /** its Unicode name, "CYRILLIC SMALL LETTER A" */
  name: string;
  /** its script, for look-alikes ("Cyrillic") */
  script?: string;
  /** for look-alikes: the Latin letter(s) it passes for */
  looksLike?: string;
  /** the word it stands in, as written, with invisible characters shown as [U+200B] */
  word: string;
}

interface Analysis {
  units: Unit[];
  removed: Unit[];
  found: { unit: Unit; kind: DisguiseKind; looksLike?: string; wordFrom: number; wordTo: number }[];
}

const codePointOf = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** NFKC per character with its combining marks, each result unit tagged with the original range. */
function normalizedUnits(s: string, removed: Unit[]): Unit[] {
  const { beforeNfkc } = lookAlikes();
  const units: Unit[] = [];
  let seg = '';
  let segFrom = 0;
  let segTo = 0;
  const flush = () => {
    if (!seg) return;
    const n = (seg.length === 1 && seg.charCodeAt(0) < 0x80) || beforeNfkc.has(seg.codePointAt(0)!) ? seg : seg.normalize('NFKC');
    for (const ch of n) units.push({ cp: ch.codePointAt(0)!, text: ch, from: segFrom, to: segTo });
    seg = '';
  };
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (IGNORABLE.test(ch)) removed.push({ cp, text: ch, from: i, to: next });
    else if (seg && MARK.test(ch)) {
      seg += ch;
      segTo = next;
    } else {
      flush();
      seg = ch;
      segFrom = i;
      segTo = next;
    }
    i = next;
  }
  flush();
  return units;
}

interface Word {
  start: number;
  end: number;
  latin: number;
  lookAlike: number;
  other: number;
}

/** Words of the normalized text (runs of letters, marks and digits outside ideographic scripts). */
function wordsOf(units: Unit[], foreign: Map<number, string>): Word[] {
  const words: Word[] = [];
  let w: Word | undefined;
  units.forEach((u, i) => {
    if (!WORD_CHAR.test(u.text) || IDEOGRAPHIC.test(u.text)) {
      w = undefined;
      return;
    }
    if (!w) words.push((w = { start: i, end: i + 1, latin: 0, lookAlike: 0, other: 0 }));
    w.end = i + 1;
    if (!LETTER.test(u.text)) return;
    if (LATIN.test(u.text)) w.latin++;
    else if (foreign.has(u.cp)) w.lookAlike++;
    else w.other++;
  });
  return words;
}

const RLO = 0x202e;
const PDF = 0x202c;
const OPENS_EMBEDDING = new Set([0x202a, 0x202b, 0x202d, RLO]);
const ENDS_PARAGRAPH = new Set([0x0a, 0x0d, 0x2029]);

/**
 * The text in the order a reader sees it, or undefined when no right-to-left override (U+202E)
 * changes it: characters under an override show reversed, so U+202E before "dtL gnaijniX"
 * shows "Xinjiang Ltd". Stored order and shown order are both readings of a disguised name,
 * and a rule must not let either one pass (see `readingsOf`). A letter keeps its marks.
 */
export function displayOrder(s: string): string | undefined {
  if (!s.includes('\u202e')) return undefined;
  const stack: number[] = [];
  let out = '';
  let run: string[] = [];
  const flush = () => {
    out += run.reverse().join('');
    run = [];
  };
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (OPENS_EMBEDDING.has(cp) || cp === PDF || ENDS_PARAGRAPH.has(cp)) {
      flush();
      if (OPENS_EMBEDDING.has(cp)) stack.push(cp);
      else if (cp === PDF) stack.pop();
      else stack.length = 0;
      if (!OPENS_EMBEDDING.has(cp) && cp !== PDF) out += ch;
      continue;
    }
    if (stack[stack.length - 1] !== RLO) {
      flush();
      out += ch;
    } else if (run.length && MARK.test(ch)) run[run.length - 1] += ch;
    else run.push(ch);
  }
  flush();
  return out;
}

// "X i n j i a n g  Z h o n g t a i", "U.r.u.m.q.i.": letters spaced or dotted out, four or more, read
// as the word they spell (two or three are as likely initials: "J A Solar", "J.A. Solar")
const SPACED_LETTERS =
  /(?<![\p{L}\p{M}\p{N}])[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}](?:(?:[ \u00a0]|\.[ \u00a0]?)[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]){3,}\.?(?![\p{L}\p{M}\p{N}])/gu;
const closedUp = (s: string) => s.replace(SPACED_LETTERS, (run) => run.replace(/[ \u00a0.]/g, ''));
// a Hangul filler is invisible but shows as a blank: put for a space, it is one ("Xinjiang\u3164Zhongtai")
const HANGUL_FILLERS = /[\u115f\u1160\u3164\uffa0]/g;
const filledAsSpaces = (s: string) => s.replace(HANGUL_FILLERS, ' ');
/** The text with Hangul fillers as the spaces they show and spaced-out letters closed up ("X i n j i a n g" is Xinjiang). */
export const spacingRead = (s: string): string => closedUp(filledAsSpaces(s));

/** The ways a name reads: as stored, decoded where a web system encoded it, as shown where a direction override reorders it, and with Hangul fillers as the spaces they show and spaced-out letters closed up. */
export function readingsOf(s: string): string[] {
  // HTML entities and percent-encoding decoded ("Xinjiang%20Zhongtai"): a reading of its own
  const decoded = decodedText(s);
  const readings = decoded === undefined ? [s] : [s, decoded];
  for (const r of [...readings]) {
    const shown = displayOrder(r);
    if (shown !== undefined) readings.push(shown);
  }
  for (const r of [...readings]) {
    const read = spacingRead(r);
    if (read !== r) readings.push(read);
  }
  return readings;
}

function analyze(s: string): Analysis {
  const { foreign, latin } = lookAlikes();
  const removed: Unit[] = [];
  const units = normalizedUnits(s, removed);
  const found: Analysis['found'] = [];
  const words = wordsOf(units, foreign);
  // a word wholly of look-alikes is read as Latin only where no word of the name needs another script
  const readsLatin = words.every((w) => w.other === 0);
  // and it counts as a disguise only beside real Latin letters ("ХРСС Cotton"; "ООО Сахар" may be Russian)
  const hasLatin = words.some((w) => w.latin > 0);
  for (const w of words) {
    const mixed = w.latin > 0 && w.lookAlike > 0 && w.latin > w.other;
    const whole = w.latin === 0 && w.lookAlike > 0 && w.other === 0 && readsLatin;
    if (!mixed && !whole) continue;
    const reported = mixed || hasLatin;
    const wordFrom = units[w.start].from;
    const wordTo = units[w.end - 1].to;
    for (let i = w.start; i < w.end; i++) {
      const u = units[i];
      const ascii = foreign.get(u.cp);
      if (ascii === undefined) continue;
      if (reported) found.push({ unit: { ...u }, kind: 'look-alike', looksLike: ascii, wordFrom, wordTo });
      u.text = ascii;
    }
  }
  for (const u of units) {
    const ascii = u.cp >= 0x80 ? latin.get(u.cp) : undefined;
    if (ascii !== undefined) u.text = ascii;
  }
  for (const r of removed) {
    const kind = hiddenKind(s, r);
    if (!kind) continue;
    const [wordFrom, wordTo] = wordAround(s, r.from, r.to);
    found.push({ unit: r, kind, wordFrom, wordTo });
  }
  found.sort((a, b) => a.unit.from - b.unit.from);
  return { units, removed, found };
}

/** Whether a removed character is worth reporting: variation selectors are not, nor joiners in scripts that use them, nor direction marks in right-to-left text. */
function hiddenKind(s: string, r: Unit): DisguiseKind | null {
  // a byte-order mark before the text is a file's, not a disguise
  if (isVariationSelector(r.cp) || (r.cp === 0xfeff && r.from === 0)) return null;
  if (BIDI_CONTROLS.has(r.cp)) return BIDI_OVERRIDES.has(r.cp) || !RTL.test(s) ? 'direction' : null;
  if (r.cp === ZWJ || r.cp === ZWNJ) {
    const before = [...s.slice(0, r.from)].pop() ?? '';
    const after = [...s.slice(r.to)][0] ?? '';
    if (JOINERS_USED.test(before) || JOINERS_USED.test(after)) return null;
  }
  return 'invisible';
}

/** The original range of the word around a removed character (letters, digits, marks and ignorables; a run of Chinese characters is one word here). */
function wordAround(s: string, from: number, to: number): [number, number] {
  const inWord = (ch: string) => WORD_CHAR.test(ch) || IGNORABLE.test(ch);
  let a = from;
  while (a > 0) {
    const low = s.charCodeAt(a - 1);
    const size = low >= 0xdc00 && low <= 0xdfff && a >= 2 ? 2 : 1;
    if (!inWord(s.slice(a - size, a))) break;
    a -= size;
  }
  let b = to;
  while (b < s.length) {
    const ch = String.fromCodePoint(s.codePointAt(b)!);
    if (!inWord(ch)) break;
    b += ch.length;
  }
  return [a, b];
}

// "新 疆 乌 鲁 木 齐": a space between Chinese characters means nothing in Chinese (a column layout, a
// PDF's text, or a disguise), and every reader takes the run whole
const SPACED_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;
export const withoutSpacesBetweenHan = (s: string): string => s.replace(SPACED_HAN, '');

/** Removes invisible and format characters and folds compatibility forms and Latin look-alikes (see the header). */
export function foldDisguise(s: string): string {
  if (!NOT_ASCII.test(s)) return s;
  const plain = onlyNfkc(s);
  if (plain !== undefined) return plain;
  let out = '';
  for (const u of analyze(s).units) out += u.text;
  return out;
}

/** The folded text, with the original text of any span of it (invisible characters left out) for display. */
export interface MappedFold {
  text: string;
  /** the original text behind text.slice(start, end), without invisible or format characters */
  shown(start: number, end: number): string;
}

export function foldDisguiseMapped(s: string): MappedFold {
  if (!NOT_ASCII.test(s) || onlyNfkc(s) === s) return { text: s, shown: (a, b) => s.slice(a, b) };
  const { units } = analyze(s);
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const u of units) {
    for (let k = 0; k < u.text.length; k++) {
      from.push(u.from);
      to.push(u.to);
    }
    text += u.text;
  }
  const shown = (a: number, b: number) => {
    if (b <= a || a >= text.length) return '';
    // under a right-to-left override the folded text runs backwards through the original
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = a; k < Math.min(b, text.length); k++) {
      lo = Math.min(lo, from[k]);
      hi = Math.max(hi, to[k]);
    }
    return stripIgnorable(s.slice(lo, hi));
  };
  return { text, shown };
}

const IGNORABLE_ALL = /\p{Default_Ignorable_Code_Point}/gu;
const stripIgnorable = (s: string) => s.replace(IGNORABLE_ALL, '');

/** The Unicode name of a character, or its code point when the table has none. */
export function characterName(cp: number): string {
  if (cp >= 0xe0100 && cp <= 0xe01ef) return `VARIATION SELECTOR-${cp - 0xe0100 + 17}`;
  if (cp >= 0xe0020 && cp <= 0xe007e) return `TAG ${CHARACTER_NAMES[cp - 0xe0000]?.[0] ?? codePointOf(cp - 0xe0000)}`;
  return CHARACTER_NAMES[cp]?.[0] ?? codePointOf(cp);
}

/** The script of a look-alike letter, "Cyrillic". */
const scriptOf = (cp: number) => CHARACTER_NAMES[cp]?.[1] ?? 'another script';

/** Text as written, with invisible and direction-control characters shown as [U+200B], so quoting it cannot hide or reorder anything. */
export function visibleText(s: string): string {
  return s.replace(IGNORABLE_ALL, (c) => `[${codePointOf(c.codePointAt(0)!)}]`);
}

/**
 * The characters that disguise a text: letters of another script folded as Latin look-alikes
 * inside Latin words, invisible characters (zero-width space and joiners, soft hyphen, BOM,
 * word joiner, ...) and direction controls. One entry per character and word.
 */
export function findDisguise(s: string): DisguisedCharacter[] {
  if (!NOT_ASCII.test(s) || onlyNfkc(s) !== undefined) return [];
  const out: DisguisedCharacter[] = [];
  const seen = new Set<string>();
  for (const f of analyze(s).found) {
    const word = visibleText(s.slice(f.wordFrom, f.wordTo));
    const key = `${f.unit.cp}\u0000${word}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ch = s.slice(f.unit.from, f.unit.to);
    const c: DisguisedCharacter = { kind: f.kind, char: ch, codePoint: codePointOf(f.unit.cp), name: characterName(f.unit.cp), word };
    if (f.kind === 'look-alike') {
      c.script = scriptOf(f.unit.cp);
      c.looksLike = f.looksLike;
    }
    out.push(c);
  }
  return out;
}

/** `"а" U+0430 CYRILLIC SMALL LETTER A in "Xinjiаng"`, `U+200B ZERO WIDTH SPACE in "Xin[U+200B]jiang"`. */
export function describeDisguise(c: DisguisedCharacter): string {
  const name = c.name === c.codePoint ? c.codePoint : `${c.codePoint} ${c.name}`;
  return c.kind === 'look-alike' ? `"${c.char}" ${name} in "${c.word}"` : `${name} in "${c.word}"`;
}
