// XUAR names in a location written so that no word is the name, though every letter is there:
// letters spaced or dotted out ("U r u m q i", "K.a.s.h.g.a.r"), Hangul fillers for spaces, pinyin
// with tone numbers ("Wu1lu3mu4qi2"), digits for the letters they look like ("Xinj1ang",
// "5hache"), or a name broken by a hyphen or a space where none belongs ("Urum-qi", "Kash gar").
// Each is read as the name when what it spells is one; the place rule then decides as for any
// name. Part of the second reading of a location (xuarSpelling.ts), before typos are weighed.
import { spacingRead } from '../../model/text/disguise';
import { digitRepairs } from '../../model/text/ocrDigits';
import { withoutToneNumbers } from '../../model/text/pinyin';
import { isCommonEnglishWord } from '../../model/text/englishWords';
import { closeTogether, latinTokens, type Token } from './text';
import { placeIndex } from './xuarPlaceIndex';

/** A single-word spelling the gazetteer places in the XUAR, not shared with a place elsewhere. */
let xuarWords: Set<string> | undefined;
function isXuarWord(word: string): boolean {
  if (!xuarWords) {
    xuarWords = new Set();
    for (const [compact, phrases] of placeIndex().latin)
      if (phrases.some((p) => p.words.length === 1 && p.place && !p.place.ambiguous)) xuarWords.add(compact);
  }
  return xuarWords.has(word);
}

/** One word read as a XUAR name: without tone numbers, or with its digits read as letters. */
function readWord(t: Token, toneText: boolean): { as: string; how: string } | null {
  if (!/\d/.test(t.norm)) return null;
  const toneless = withoutToneNumbers(t.norm, toneText);
  if (toneless !== t.norm && isXuarWord(toneless)) return { as: toneless, how: 'pinyin with tone numbers' };
  const letters = digitRepairs(t.norm).find(isXuarWord);
  return letters ? { as: letters, how: 'digits read as the letters they look like' } : null;
}

/**
 * Most fields: printable ASCII with no digit inside a word, no letters written apart and no two neighbouring words that
 * join into a XUAR name; they are passed over without the token-by-token reading (every location the
 * place rule finds nothing in comes here).
 */
function plainlyNothing(value: string): boolean {
  // a digit only matters inside a word ("Xinj1ang", "wu1lu3"), not as a number ("No. 12")
  if (/[^\x20-\x7e]|[a-z]\d|\d[a-z]/i.test(value) || spacingRead(value) !== value) return false;
  const words = value.toLowerCase().split(/[^a-z]+/);
  for (let i = 1; i < words.length; i++) if (isXuarWord(words[i - 1] + words[i])) return false;
  return true;
}

/** The field's text with obscured XUAR names written plainly, a note for each; null when none was found. */
export function readObscured(field: string, value: string): { text: string; notes: string[] } | null {
  if (plainlyNothing(value)) return null;
  const notes: string[] = [];
  let text = spacingRead(value);
  const closed = text !== value && latinTokens(text).some((t) => isXuarWord(t.norm));
  if (closed) notes.push(`${field} "${value}": letters written apart read as "${text.trim()}"`);
  else text = value;
  const tokens = latinTokens(text);
  const toneText = tokens.filter((t) => /^[a-z]+[0-5]$/.test(t.norm)).length >= 2;
  // right to left, so the offsets of earlier words stay true
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    const word = readWord(t, toneText);
    if (word) {
      notes.push(`${field} "${t.text}" read as "${word.as}" (${word.how})`);
      text = text.slice(0, t.start) + word.as + text.slice(t.end);
      continue;
    }
    // a name broken in two: neither piece a XUAR name, together one
    const prev = tokens[i - 1];
    const joined = prev ? prev.norm + t.norm : '';
    if (!prev || !isXuarWord(joined) || !/^[a-z]+$/.test(joined) || isXuarWord(prev.norm) || isXuarWord(t.norm)) continue;
    if (!closeTogether(text, prev, t)) continue;
    // two English words are written apart on purpose ("Man as", "Say bag")
    if (isCommonEnglishWord(prev.norm) && isCommonEnglishWord(t.norm)) continue;
    notes.push(`${field} "${text.slice(prev.start, t.end)}" read as "${joined}" (one name written in two pieces)`);
    text = text.slice(0, prev.start) + joined + text.slice(t.end);
    i--;
  }
  return notes.length ? { text, notes } : null;
}
