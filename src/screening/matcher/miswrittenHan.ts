// Chinese names written with a slip: a character dropped ("白银色集团" for 白银有色集团), doubled,
// two swapped, or replaced by another of the same sound ("白银有涩", the slip a pinyin keyboard
// makes, and a cheap disguise). The normalizer reads Chinese through its lexicon and pinyin in
// two-character words, so one slip moved every word after it and a listed firm's Chinese name
// scored nothing: a CLEAR. Here a query's run of Chinese characters is compared, character by
// character, with the runs of the list's own names, whole and without their legal form
// (股份有限公司...); the matcher screens the listed run in its place beside the name as written,
// at most POSSIBLE (a name one character from a listed one may be another firm's).
import { pinyin } from 'pinyin-pro';
import type { EntityListEntry } from '../../model/entityList';
import { foldDisguise, withoutSpacesBetweenHan } from '../../model/text/disguise';
import { toSimplified } from '../../model/gazetteer/traditional';
import { LEXICON } from '../lexicon';

/** A run shorter than this is too close to too many names to read as miswritten. */
const MIN_RUN = 3;
/**
 * How many characters a listed name needs before its legal form for a slip inside them to be
 * read: a character dropped or added changes a short name into another ("骆集团" is no longer
 * 骆驼集团); two swapped keep its characters (but 美华 and 华美 are both common names), and a
 * character doubled keeps them all in order.
 */
const MIN_CORE: Record<Exclude<HanSlip, 'homophone'>, number> = { dropped: 4, added: 4, swapped: 3, doubled: 2 };
/** Readings kept per run: one slip may lie as near to more than one listed name. */
const MAX_READINGS = 3;
const CACHE_MAX = 10_000;

const HAN_RUN = /\p{Script=Han}+/gu;

// The legal forms and filler the lexicon drops (有限公司, 集团...), longest first, read off the end of a name.
const LEGAL_FORMS = LEXICON.filter((e) => e.cls === 'drop')
  .flatMap((e) => e.zh ?? [])
  .sort((a, b) => b.length - a.length);

/** The run without the legal forms at its end. */
function coreOf(run: string): string {
  let core = run;
  for (let cut = true; cut;) {
    cut = false;
    for (const f of LEGAL_FORMS)
      if (core.length > f.length && core.endsWith(f)) {
        core = core.slice(0, -f.length);
        cut = true;
        break;
      }
  }
  return core;
}

/** Whether two characters may be heard alike: the same, or sharing a toneless reading (a character may have several: 色 se, shai). */
function soundComparer() {
  const readings = new Map<string, readonly string[]>();
  const of = (c: string) => {
    let r = readings.get(c);
    if (!r) readings.set(c, (r = pinyin(c, { toneType: 'none', type: 'array', multiple: true, v: true })));
    return r;
  };
  return (x: string, y: string): boolean => x === y || of(x).some((r) => of(y).includes(r));
}

export type HanSlip = 'homophone' | 'dropped' | 'added' | 'doubled' | 'swapped';

export interface HanReading {
  /** The query with the miswritten run replaced by the listed one. */
  text: string;
  written: string;
  as: string;
  slip: HanSlip;
}

interface ListedRun {
  run: string;
  chars: string[];
  /** How many characters come before the legal form (股份有限公司...). */
  coreLength: number;
}

/**
 * What separates `written` from `listed`, or undefined when it is not one slip: characters of
 * the same sound in place of the listed ones, or else one character dropped, added, doubled or
 * swapped with its neighbour and the rest as listed, that inside a listed name's own words only
 * when they are long enough to survive it. Never both: "和飞镁" is not 合肥美菱 with 菱 dropped.
 */
function slipBetween(
  written: readonly string[],
  listed: readonly string[],
  coreLength: number,
  same: (x: string, y: string) => boolean,
): HanSlip | undefined {
  const [w, l] = [written.length, listed.length];
  if (Math.abs(w - l) > 1) return undefined;
  let i = 0;
  while (i < w && i < l && written[i] === listed[i]) i++;
  if (w === l && i === w) return undefined;
  if (w === l && written.every((c, k) => same(c, listed[k]))) return 'homophone';
  // the rest, after the slip at i, as listed
  const restAgrees = (wi: number, li: number) => {
    if (w - wi !== l - li) return false;
    for (; wi < w; wi++, li++) if (written[wi] !== listed[li]) return false;
    return true;
  };
  let slip: Exclude<HanSlip, 'homophone'> | undefined;
  if (w < l) slip = restAgrees(i, i + 1) ? 'dropped' : undefined;
  else if (w > l)
    slip = !restAgrees(i + 1, i) ? undefined : written[i] === written[i - 1] || written[i] === written[i + 1] ? 'doubled' : 'added';
  else if (i + 1 < w && written[i] === listed[i + 1] && written[i + 1] === listed[i] && restAgrees(i + 2, i + 2)) slip = 'swapped';
  if (!slip) return undefined;
  // a slip in the legal form is read whatever the name's length: a character of it dropped, one
  // added after its first, or a swap reaching into it ("骆集驼团"); a character added between the
  // name and its form is the name's ("溢达钛集团" is not 溢达集团)
  const inForm = slip === 'dropped' ? i >= coreLength : slip === 'swapped' ? i + 1 >= coreLength : i > coreLength;
  return inForm || coreLength >= MIN_CORE[slip] ? slip : undefined;
}

/** A reader for one list's names: the readings of a query's Chinese runs as listed runs one slip away. */
export function miswrittenHanReader(entries: readonly EntityListEntry[]) {
  const same = soundComparer();
  const listed = new Map<string, ListedRun>();
  for (const e of entries)
    for (const name of [e.name, ...e.aliases, ...e.formerNames, ...e.localNames])
      for (const m of toSimplified(withoutSpacesBetweenHan(foldDisguise(name))).matchAll(HAN_RUN)) {
        const run = m[0];
        if (listed.has(run)) continue;
        const chars = [...run];
        if (chars.length >= MIN_RUN) listed.set(run, { run, chars, coreLength: [...coreOf(run)].length });
      }
  const runs = [...listed.values()];
  const cache = new Map<string, { as: string; slip: HanSlip }[]>();

  const readRun = (run: string) => {
    let hit = cache.get(run);
    if (hit) return hit;
    hit = [];
    const chars = [...run];
    if (chars.length >= MIN_RUN && !listed.has(run)) {
      const core = [...coreOf(run)];
      for (const l of runs) {
        // whole, and without the legal forms, which may differ ("有限公司" for "股份有限公司")
        const slip =
          slipBetween(chars, l.chars, l.coreLength, same) ??
          (core.length >= 2 && l.coreLength >= 2 && (core.length < chars.length || l.coreLength < l.chars.length)
            ? slipBetween(core, l.chars.slice(0, l.coreLength), l.coreLength, same)
            : undefined);
        if (slip) hit.push({ as: l.run, slip });
        if (hit.length >= MAX_READINGS) break;
      }
    }
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(run, hit);
    return hit;
  };

  /** The query read with one Chinese run as each listed run it may be a slip of. */
  return (name: string): HanReading[] => {
    if (!/\p{Script=Han}/u.test(name)) return [];
    const text = toSimplified(withoutSpacesBetweenHan(foldDisguise(name)));
    const out: HanReading[] = [];
    for (const m of text.matchAll(HAN_RUN))
      for (const r of readRun(m[0]))
        out.push({ text: text.slice(0, m.index) + r.as + text.slice(m.index + m[0].length), written: m[0], as: r.as, slip: r.slip });
    return out;
  };
}
