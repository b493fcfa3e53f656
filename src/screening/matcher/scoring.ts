// Scoring one indexed name against the query: weighted token agreement in both directions
// (word for word, rejoined words, typos), and which words agreed.
import { placesOverlap, type PlaceVerdict } from './placeQualifiers';
import type { TypoMatches, Variant, WeightedToken } from './types';

// Score kept when only form, sector or place words agree and the listed name has name words.
const NO_NAME_AGREEMENT_FACTOR = 0.5;
// Two places one inside the other ("Xinjiang" for "(Shanshan)") agree, a little less than the same place.
const CONTAINED_PLACE_SIM = 0.8;
// A pinyin name against the listed acronym of its initials ("Jingao" for JA): likely, not certain.
const ACRONYM_SIM = 0.9;

export interface Pair {
  qi: number[];
  vj: number[];
  sim: number;
  /** A pinyin word against the listed acronym of its initials, or a query's capitals against a listed pinyin word's initials. */
  acronym?: boolean;
  /** The query's capitals against a listed pinyin word's initials ("ZT" for Zhongtai). */
  queryInitials?: boolean;
}

export interface Alignment {
  score: number;
  used: Pair[];
  usedQ: boolean[];
  usedN: boolean[];
  noNameAgreement: boolean;
  /** A name word agreed only as a pinyin word with the listed acronym of its initials. */
  viaAcronym: boolean;
  /** A listed pinyin name agreed only as the initials the query wrote for it. */
  viaQueryInitials: boolean;
  /** The query names a group or holding company and the entry is not one: its parent, at most POSSIBLE. */
  parentOfListed?: boolean;
  /** Shown only because the query is placed in the XUAR and carries the listed trade name. */
  xuarTradeName?: boolean;
  /** Shown only because the query carries the trade name of an entry listed with its subsidiaries. */
  subsidiaryTradeName?: boolean;
  /** Shown only because the query writes the listed name whole among more words (containedName.ts). */
  containedWhole?: boolean;
  /** How the query's places compare with the listed name's (placeQualifiers.ts). */
  places?: PlaceVerdict;
}

export function align(q: WeightedToken[], fuzzy: TypoMatches, v: Variant): Alignment {
  const n = v.tokens;
  const pairs: Pair[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < n.length; j++) {
      if (q[i].text === n[j].text || q[i].alt === n[j].text) pairs.push({ qi: [i], vj: [j], sim: 1 });
      else if (q[i].kind === 'name' && n[j].kind === 'name') {
        if (n[j].acronym && q[i].initials?.includes(n[j].text)) pairs.push({ qi: [i], vj: [j], sim: ACRONYM_SIM, acronym: true });
        else if (q[i].written === 'capitals' && n[j].initials?.includes(q[i].text))
          pairs.push({ qi: [i], vj: [j], sim: ACRONYM_SIM, acronym: true, queryInitials: true });
        else {
          const s = fuzzy[i].get(n[j].text);
          if (s) pairs.push({ qi: [i], vj: [j], sim: s });
        }
      } else if (q[i].kind === 'place' && n[j].kind === 'place' && !v.placeIsName && placesOverlap(q[i], n[j]))
        pairs.push({ qi: [i], vj: [j], sim: CONTAINED_PLACE_SIM });
    }
    const next = q[i + 1];
    if (next && q[i].raw && next.raw) {
      const joined = q[i].raw + next.raw;
      for (let j = 0; j < n.length; j++) if (n[j].raw === joined || n[j].text === joined) pairs.push({ qi: [i, i + 1], vj: [j], sim: 1 });
    }
  }
  for (let j = 0; j + 1 < n.length; j++) {
    if (!n[j].raw || !n[j + 1].raw) continue;
    const joined = n[j].raw + n[j + 1].raw;
    for (let i = 0; i < q.length; i++) if (q[i].raw === joined) pairs.push({ qi: [i], vj: [j, j + 1], sim: 1 });
  }
  // Best similarity first; on a tie, word-for-word pairs before rejoined ones.
  pairs.sort((a, b) => b.sim - a.sim || a.qi.length + a.vj.length - (b.qi.length + b.vj.length));
  const usedQ = new Array<boolean>(q.length).fill(false);
  const usedN = new Array<boolean>(n.length).fill(false);
  let mQ = 0,
    mN = 0,
    mName = 0;
  const used: Pair[] = [];
  for (const p of pairs) {
    if (p.qi.some((i) => usedQ[i]) || p.vj.some((j) => usedN[j])) continue;
    used.push(p);
    for (const i of p.qi) {
      usedQ[i] = true;
      mQ += q[i].w * p.sim;
    }
    for (const j of p.vj) {
      usedN[j] = true;
      mN += n[j].w * p.sim;
      if (n[j].kind === 'name' || (v.placeIsName && n[j].kind === 'place')) mName += n[j].w;
    }
  }
  const totalQ = q.reduce((s, t) => s + t.w, 0);
  const covN = v.total ? mN / v.total : 0;
  const covQ = totalQ ? mQ / totalQ : 0;
  let score = Math.sqrt(covN * covQ);
  const noNameAgreement = v.nameWeight > 0 && mName === 0;
  if (noNameAgreement) score *= NO_NAME_AGREEMENT_FACTOR;
  return {
    score,
    used,
    usedQ,
    usedN,
    noNameAgreement,
    viaAcronym: used.some((p) => p.acronym === true),
    viaQueryInitials: used.some((p) => p.queryInitials === true),
  };
}

/** Which words agreed, and which only one side has; built only for returned candidates. */
export function explain(q: WeightedToken[], v: Variant, r: Alignment) {
  const agreed = r.used.map((p) => {
    const ns = p.vj.map((j) => v.tokens[j].text).join('+');
    const qs = p.qi.map((i) => (q[i].alt === ns ? ns : q[i].text)).join('+');
    return qs === ns ? ns : `${qs}~${ns}`;
  });
  return {
    agreed,
    missing: v.tokens.filter((_, j) => !r.usedN[j]).map((t) => t.text),
    extra: q.filter((_, i) => !r.usedQ[i]).map((t) => t.text),
  };
}
