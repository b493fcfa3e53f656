// One fold of Latin text for comparing what two writers wrote: case, accents and other marks,
// full-width letters and the letters NFKD leaves whole (ı, ø, ß …) made plain.
import { umlautAsV } from './pinyin';

const SPECIAL: Record<string, string> = { ı: 'i', ø: 'o', đ: 'd', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', ð: 'd', þ: 'th' };

/** Lower case, accents and other marks removed, full-width letters made plain: "Ürümqi" -> "urumqi"; pinyin's lü and nü as lv, nv. */
export function fold(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return s.toLowerCase();
  return umlautAsV(s.normalize('NFKD'))
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıøđłßæœðþ]/g, (c) => SPECIAL[c] ?? c);
}
