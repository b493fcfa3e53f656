// Chinese names written with a slip: a character dropped ("白银色集团" for 白银有色集团), doubled,
// two swapped, or replaced by another of the same sound ("白银有涩", the slip a pinyin keyboard
// makes, and a cheap disguise). The normalizer reads Chinese through its lexicon and pinyin in
// two-character words, so one slip moved every word after it and a listed firm's Chinese name
// scored nothing: a CLEAR. Here a query's run of Chinese characters is compared, character by
// character, with the runs of the list's own names, whole and without their legal form
// (股份有限公司...); the matcher screens the listed run in its place beside the name as written,
// at most POSSIBLE (a name one character from a listed one may be another firm's).
import type { EntityListEntry } from '../../model/entityList';
import { foldDisguise, withoutSpacesBetweenHan } from '../../model/text/disguise';
import { toSimplified } from '../../model/gazetteer/traditional';
import { LEXICON } from '../lexicon';
import { slipBetween, soundComparer, type HanSlip } from '../../model/text/hanSlip';

/** A run shorter than this is too close to too many names to read as miswritten. */
const MIN_RUN = 3;
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
