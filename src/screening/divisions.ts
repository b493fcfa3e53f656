// China's administrative divisions (src/model/gazetteer/chinaDivisions.ts) read into look-ups by
// Chinese name and by pinyin, and which place contains which. A division's code is its place in
// the tree: 65 Xinjiang, 6504 Turpan, 650421 Shanshan county; a code that begins with another
// lies inside it.
import { chinaDivisionRows } from '../model/gazetteer/divisionRows';

export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'district';
export interface Division {
  code: string;
  /** Chinese name without its administrative suffix: 鄯善, 昌吉, 新疆. */
  zh: string;
  /** The administrative suffix as written, '' for none: 县, 回族自治州, 维吾尔自治区. */
  suffix: string;
  pinyin: string;
  level: DivisionLevel;
}
export interface Divisions {
  all: Division[];
  /** Chinese name, without and with its suffix -> divisions. */
  byZh: Map<string, Division[]>;
  /** pinyin, lowercased in one word (ü written both v and u) -> divisions. */
  byLatin: Map<string, Division[]>;
}

const levelOf = (code: string, suffix: string): DivisionLevel =>
  code.length === 2 ? 'province' : code.length === 4 ? 'prefecture' : suffix === '区' || suffix === '新区' ? 'district' : 'county';

let cached: Divisions | undefined;

export function divisions(): Divisions {
  if (cached) return cached;
  const all: Division[] = [];
  const byZh = new Map<string, Division[]>();
  const byLatin = new Map<string, Division[]>();
  const post = (m: Map<string, Division[]>, k: string, d: Division) => {
    const l = m.get(k);
    if (!l) m.set(k, [d]);
    else if (!l.includes(d)) l.push(d);
  };
  for (const { code, zh, suffix, pinyin } of chinaDivisionRows()) {
    const d: Division = { code, zh, suffix, pinyin, level: levelOf(code, suffix) };
    all.push(d);
    post(byZh, zh, d);
    if (suffix) post(byZh, zh + suffix, d);
    post(byLatin, pinyin, d);
    if (pinyin.includes('v')) post(byLatin, pinyin.replace(/v/g, 'u'), d);
  }
  cached = { all, byZh, byLatin };
  return cached;
}

/** Whether some code of `outer` is `inner`'s or contains it. */
export function containsAny(outer: readonly string[], inner: readonly string[]): boolean {
  for (const o of outer) for (const i of inner) if (i.startsWith(o)) return true;
  return false;
}

/** Whether the two places can be the same or one inside the other. */
export function overlaps(a: readonly string[], b: readonly string[]): boolean {
  return containsAny(a, b) || containsAny(b, a);
}
