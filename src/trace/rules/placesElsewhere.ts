// Provinces and prefecture-level cities of China outside the XUAR, as a name or address may
// name them ("Xinyuan Tianjin Extrusion", "Xinxing, Yunfu"): a place named there says where a
// site is, where a XUAR name beside it is one a trade name borrows or one shared with elsewhere.
import { chinaDivisionRows } from '../../model/gazetteer/divisionRows';
import { PROVINCES } from '../../model/gazetteer/provinces';
import { placeIndex } from './xuarPlaceIndex';

const XUAR_DIVISION = '65';
const MIN_LETTERS = 4;
const letters = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
let elsewhere: { latin: Set<string>; han: string[] } | undefined;

/** Provinces and prefecture-level cities of China outside the XUAR, in pinyin and characters. */
function placesElsewhere() {
  if (elsewhere) return elsewhere;
  const xuar = placeIndex().latin;
  const latin = new Set<string>();
  const han: string[] = [];
  for (const r of chinaDivisionRows()) {
    if (r.code.length > 4 || r.code.startsWith(XUAR_DIVISION)) continue;
    if (r.pinyin.length >= MIN_LETTERS && !xuar.get(r.pinyin)?.some((p) => p.place)) latin.add(r.pinyin);
    if (r.zh.length >= 2) han.push(r.zh);
  }
  for (const p of PROVINCES) for (const n of [p.pinyin, ...p.names]) if (!/\p{Script=Han}/u.test(n)) latin.add(letters(n));
  return (elsewhere = { latin, han });
}

/** Whether a name names a province or prefecture-level city elsewhere in China ("Xinyuan Tianjin Extrusion"): the place it gives. */
export function namesPlaceElsewhere(name: string): boolean {
  const { latin, han } = placesElsewhere();
  const words = name.toLowerCase().match(/[a-z]+/g) ?? [];
  for (let i = 0; i < words.length; i++) if (latin.has(words[i]) || latin.has(words[i] + (words[i + 1] ?? ''))) return true;
  return han.some((zh) => name.includes(zh));
}
