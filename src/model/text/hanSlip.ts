// One slip in a run of Chinese characters against a name as written: characters of the same sound
// in place of the written ones (the slip a pinyin keyboard makes), or one character dropped, added,
// doubled or swapped with its neighbour. Shared by screening (listed firms' Chinese names) and the
// place rule (XUAR place names in addresses).
import { pinyin } from 'pinyin-pro';

export type HanSlip = 'homophone' | 'dropped' | 'added' | 'doubled' | 'swapped';

/** How a reason names each slip. */
export const HAN_SLIP_TEXT: Readonly<Record<HanSlip, string>> = {
  homophone: 'a character of the same sound',
  dropped: 'a character dropped',
  added: 'a character added',
  doubled: 'a character doubled',
  swapped: 'two characters swapped',
};

/**
 * How many characters a listed name needs before its legal form for a slip inside them to be
 * read: a character dropped or added changes a short name into another ("骆集团" is no longer
 * 骆驼集团); two swapped keep its characters (but 美华 and 华美 are both common names), and a
 * character doubled keeps them all in order.
 */
const MIN_CORE: Record<Exclude<HanSlip, 'homophone'>, number> = { dropped: 4, added: 4, swapped: 3, doubled: 2 };

/** Whether two characters may be heard alike: the same, or sharing a toneless reading (a character may have several: 色 se, shai). */
export function soundComparer() {
  const readings = new Map<string, readonly string[]>();
  const of = (c: string) => {
    let r = readings.get(c);
    if (!r) readings.set(c, (r = pinyin(c, { toneType: 'none', type: 'array', multiple: true, v: true })));
    return r;
  };
  return (x: string, y: string): boolean => x === y || of(x).some((r) => of(y).includes(r));
}

/**
 * What separates `written` from `listed`, or undefined when it is not one slip: characters of
 * the same sound in place of the listed ones, or else one character dropped, added, doubled or
 * swapped with its neighbour and the rest as listed, that inside a listed name's own words only
 * when they are long enough to survive it. Never both: "和飞镁" is not 合肥美菱 with 菱 dropped.
 */
export function slipBetween(
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
  const homophones = w === l && written.every((c, k) => same(c, listed[k]));
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
  // a swap is the nearer reading where the two characters also sound alike ("克可达拉")
  if (!slip) return homophones ? 'homophone' : undefined;
  // a slip in the legal form is read whatever the name's length: a character of it dropped, one
  // added after its first, or a swap reaching into it ("骆集驼团"); a character added between the
  // name and its form is the name's ("溢达钛集团" is not 溢达集团)
  const inForm = slip === 'dropped' ? i >= coreLength : slip === 'swapped' ? i + 1 >= coreLength : i > coreLength;
  return inForm || coreLength >= MIN_CORE[slip] ? slip : homophones ? 'homophone' : undefined;
}
