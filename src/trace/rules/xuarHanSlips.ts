// XUAR place names written in Chinese with one slip: a character dropped ("乌木齐" for 乌鲁木齐),
// doubled, swapped with its neighbour, or one replaced by another of the same sound ("乌鲁木其",
// a pinyin keyboard's slip). The place rule finds Chinese names by their characters, so such an
// address read as nowhere: a CLEAR. A name of three characters or more is read only where no
// place in China is written so and no other XUAR name is as near; a dropped or added character
// only in a name of four or more (two characters left of three name too many places).
import { chinaDivisionRows } from '../../model/gazetteer/divisionRows';
import { HAN_SLIP_TEXT, slipBetween, soundComparer, type HanSlip } from '../../model/text/hanSlip';
import { toSimplified, withoutSpacesBetweenHan } from './text';
import { placeIndex } from './xuarPlaceIndex';

const MIN_NAME = 3;
const HAN_RUN = /\p{Script=Han}+/gu;

interface Names {
  /** XUAR names the rule reads alone (not shared with a place elsewhere), three characters or more, as characters */
  xuar: { name: string; chars: string[] }[];
  /** every Chinese XUAR name and look-alike: a field holding one is the place rule's as written */
  known: string[];
  /** names of China's divisions: a window written so is that place, not a slip */
  divisions: Set<string>;
  /** each character of a XUAR name: the names written with it */
  byChar: Map<string, Set<number>>;
}
let names: Names | undefined;
function namesOf(): Names {
  if (names) return names;
  const idx = placeIndex();
  const all = [...idx.cjkByFirst.values()].flat();
  const xuar = [...new Set(all.filter((c) => c.place && !c.place.ambiguous && [...c.text].length >= MIN_NAME).map((c) => c.text))];
  const divisions = new Set<string>();
  for (const r of chinaDivisionRows()) divisions.add(r.zh).add(r.zh + r.suffix);
  const byChar = new Map<string, Set<number>>();
  xuar.forEach((name, i) => {
    for (const c of name) byChar.set(c, (byChar.get(c) ?? new Set()).add(i));
  });
  names = { xuar: xuar.map((name) => ({ name, chars: [...name] })), known: all.map((c) => c.text), divisions, byChar };
  return names;
}

const same = soundComparer();

interface Found {
  start: number;
  end: number;
  name: string;
  slip: HanSlip;
}

/** Characters of another sound written in place of the name's: one slip is one character. */
const differing = (a: string[], b: string[]) => a.reduce((n, c, i) => n + (c === b[i] ? 0 : 1), 0);

/** The slips in one run of characters, leftmost first; a window as near to two XUAR names reads as neither. */
function slipsIn(run: string[], n: Names): Found[] {
  const found: Found[] = [];
  // one slip leaves at least two of a name's characters (three-character names and longer): only names sharing two are tried
  const shared = new Map<number, number>();
  for (const c of new Set(run)) for (const i of n.byChar.get(c) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  for (const [i, count] of shared) {
    if (count < 2) continue;
    const { name, chars } = n.xuar[i];
    for (let len = chars.length - 1; len <= chars.length + 1; len++)
      for (let start = 0; start + len <= run.length; start++) {
        const window = run.slice(start, start + len);
        const slip = slipBetween(window, chars, chars.length, same);
        if (!slip || (slip === 'homophone' && differing(window, chars) > 1) || n.divisions.has(window.join(''))) continue;
        found.push({ start, end: start + len, name, slip });
      }
  }
  const overlaps = (a: Found, b: Found) => a.start < b.end && b.start < a.end;
  return (
    found
      .filter((f) => !found.some((g) => g.name !== f.name && overlaps(f, g)))
      // leftmost first, and of two windows from one place the longer ("乌鲁齐木" swapped, not "乌鲁齐" short of a character)
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .filter((f, i, all) => !all.slice(0, i).some((g) => overlaps(f, g)))
  );
}

/**
 * The field's text with each XUAR name written with one slip put right, and a note for each,
 * or null when there is none (or the field already names a XUAR place or look-alike as written).
 */
export function respellHanPlaces(field: string, value: string): { text: string; notes: string[] } | null {
  if (!/\p{Script=Han}/u.test(value)) return null;
  const n = namesOf();
  const text = toSimplified(withoutSpacesBetweenHan(value));
  if (n.known.some((k) => text.includes(k))) return null;
  const notes: string[] = [];
  const out = text.replace(HAN_RUN, (run) => {
    const chars = [...run];
    const slips = slipsIn(chars, n);
    if (!slips.length) return run;
    let rewritten = '';
    let at = 0;
    for (const s of slips) {
      const written = chars.slice(s.start, s.end).join('');
      rewritten += chars.slice(at, s.start).join('') + s.name;
      at = s.end;
      notes.push(`${field} "${written}" read as "${s.name}" (${HAN_SLIP_TEXT[s.slip]}; no place in China is written so)`);
    }
    return rewritten + chars.slice(at).join('');
  });
  return notes.length ? { text: out, notes } : null;
}
