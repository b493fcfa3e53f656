// Screening a firm name against one Entity List version. The builder normalizes every
// name, alias, former name and Chinese name once and indexes their tokens; each query then
// looks up candidates by token (exact, rejoined, or fuzzy through a fuse.js index of the
// list's vocabulary) and scores them by weighted token agreement in both directions.
import Fuse from 'fuse.js';
import type { EntityListEntry, EntityListVersion } from '../model/entityList';
import { checkScreeningConfig, loadScreeningConfig, ScreeningConfig } from './config';
import { normalizeName, NameToken, TokenKind } from './normalize';
import { allowedEdits, STEM_LENGTH, tokenSimilarity } from './fuzzy';

export type MatchedNameKind = 'NAME' | 'ALIAS' | 'FORMER_NAME' | 'LOCAL_NAME';
export type MatchDecision = 'MATCH' | 'POSSIBLE';

export interface ScreeningCandidate {
  entryKey: string;
  entityName: string;
  matchedName: string;
  matchedNameKind: MatchedNameKind;
  /** 0..1, higher is closer. */
  score: number;
  decision: MatchDecision;
  /** First statutory section, e.g. "2(d)(2)(B)(v)". */
  section: string | null;
  sections: string[];
  effectiveDate: string;
  coversSubsidiaries: boolean;
  /** Canonical tokens that agreed ("silcon~silicon" for a typo). */
  agreedTokens: string[];
  reason: string;
}

export interface ScreenOptions {
  /** ISO 3166-1 alpha-2 code (or a country name) of the firm; outside CN/HK/MO lowers the score. */
  country?: string | null;
  /** Most candidates returned; default 10. */
  limit?: number;
  /** Lowest score returned; defaults to the POSSIBLE threshold (evaluation passes lower values). */
  minScore?: number;
}

export interface EntityMatcher {
  readonly listVersion: string;
  readonly config: Readonly<ScreeningConfig>;
  screen(name: string, opts?: ScreenOptions): ScreeningCandidate[];
  /** Sizes of the index, for diagnostics. */
  stats(): { entries: number; names: number; vocabulary: number; fuzzyCache: number };
}

interface IToken extends NameToken { w: number }
interface Variant {
  entry: number; name: string; kind: MatchedNameKind; tokens: IToken[]; total: number;
  /** Weight of the identifying words: name words, or places where the name has none. */
  nameWeight: number;
  placeIsName: boolean;
}
interface Pair { qi: number[]; vj: number[]; sim: number }

// Token weights: places say least about identity, then business-form words, then sector words;
// name words weigh 0.6..1 by how many entries share them.
const PLACE_WEIGHT = { region: 0.15, city: 0.3 } as const;
const KIND_WEIGHT: Record<Exclude<TokenKind, 'place' | 'name'>, number> = { form: 0.3, sector: 0.5 };
const PLACE_AS_NAME_WEIGHT = 0.6;
// Score kept when only form, sector or place words agree and the listed name has name words.
const NO_NAME_AGREEMENT_FACTOR = 0.5;
const GREATER_CHINA = new Set(['CN', 'HK', 'MO']);
const COUNTRY_NAMES: Record<string, string> = {
  CHINA: 'CN', PRC: 'CN', CHN: 'CN', 'PEOPLES REPUBLIC OF CHINA': 'CN', "PEOPLE'S REPUBLIC OF CHINA": 'CN',
  'HONG KONG': 'HK', HKG: 'HK', MACAU: 'MO', MACAO: 'MO', MAC: 'MO',
};
const FUZZY_CACHE_MAX = 100_000;

const STEM = '\u0000';
/** The word with up to k letters deleted, itself included. */
function deletionsUpTo(w: string, k: number): string[] {
  const out = new Set<string>([w]);
  let frontier = [w];
  for (let step = 0; step < k; step++) {
    const next: string[] = [];
    for (const s of frontier) for (let i = 0; i < s.length; i++) {
      const d = s.slice(0, i) + s.slice(i + 1);
      if (!out.has(d)) { out.add(d); next.push(d); }
    }
    frontier = next;
  }
  return [...out];
}

function countryCode(c: string | null | undefined): string | null {
  if (!c || !c.trim()) return null;
  const u = c.trim().toUpperCase();
  return COUNTRY_NAMES[u] ?? u;
}

function variantsOf(e: EntityListEntry): Array<{ name: string; kind: MatchedNameKind }> {
  return [
    { name: e.name, kind: 'NAME' as const },
    ...e.aliases.map((name) => ({ name, kind: 'ALIAS' as const })),
    ...e.formerNames.map((name) => ({ name, kind: 'FORMER_NAME' as const })),
    ...e.localNames.map((name) => ({ name, kind: 'LOCAL_NAME' as const })),
  ];
}

export function buildEntityMatcher(list: EntityListVersion, config?: Partial<ScreeningConfig>): EntityMatcher {
  const cfg = checkScreeningConfig({ ...loadScreeningConfig(), ...config });
  const entries = list.entries;

  // 1. Normalize every name once. A non-place parenthetical ("(XPCC)", "(VSETC)") also stands
  //    alone as an alias, and the name is indexed without it.
  const raw: Array<{ entry: number; name: string; kind: MatchedNameKind; tokens: NameToken[] }> = [];
  entries.forEach((e, entry) => {
    const seen = new Set<string>();
    const add = (name: string, kind: MatchedNameKind, tokens: NameToken[]) => {
      const key = tokens.map((t) => t.text).join(' ');
      if (!tokens.length || seen.has(key)) return;
      seen.add(key);
      raw.push({ entry, name, kind, tokens });
    };
    for (const v of variantsOf(e)) {
      const n = normalizeName(v.name);
      add(v.name, v.kind, n.tokens);
      const inParen = n.tokens.filter((t) => t.paren && t.kind !== 'place');
      if (inParen.length) {
        add(v.name, v.kind, n.tokens.filter((t) => !(t.paren && t.kind !== 'place')));
        if (inParen.some((t) => t.kind === 'name')) add(v.name, 'ALIAS', inParen);
      }
    }
  });

  // 2. Name-word weights from document frequency over entries.
  const df = new Map<string, number>();
  const perEntry = new Map<string, Set<number>>();
  for (const v of raw) for (const t of v.tokens) if (t.kind === 'name') {
    let s = perEntry.get(t.text);
    if (!s) perEntry.set(t.text, (s = new Set()));
    s.add(v.entry);
  }
  for (const [t, s] of perEntry) df.set(t, s.size);
  const logN = Math.log(Math.max(2, entries.length));
  const nameWeight = (text: string) => {
    const d = df.get(text);
    return d === undefined ? 1 : 0.6 + 0.4 * (Math.log(entries.length / d) / logN);
  };
  const weigh = (t: NameToken): number =>
    t.kind === 'place' ? PLACE_WEIGHT[t.level ?? 'city'] : t.kind === 'name' ? nameWeight(t.text) : KIND_WEIGHT[t.kind];

  // 3. Variants with weights, and postings by token, by spelling and by two spellings joined.
  const variants: Variant[] = raw.map((r) => {
    // A listed name without a name word ("Baiyin Nonferrous Group", "Shandong Gold Mining") is
    // identified by its place, so the place weighs like a name word there.
    const placeIsName = !r.tokens.some((t) => t.kind === 'name');
    const tokens = r.tokens.map((t) => ({ ...t, w: placeIsName && t.kind === 'place' ? Math.max(weigh(t), PLACE_AS_NAME_WEIGHT) : weigh(t) }));
    const identifying = tokens.filter((t) => t.kind === 'name' || (placeIsName && t.kind === 'place'));
    return {
      entry: r.entry, name: r.name, kind: r.kind, tokens, placeIsName,
      total: tokens.reduce((s, t) => s + t.w, 0),
      nameWeight: identifying.reduce((s, t) => s + t.w, 0),
    };
  });
  const byToken = new Map<string, number[]>();
  const bySpelling = new Map<string, number[]>();
  const byJoined = new Map<string, number[]>();
  const post = (m: Map<string, number[]>, k: string, id: number) => {
    if (!k) return;
    const l = m.get(k);
    if (!l) m.set(k, [id]);
    else if (l[l.length - 1] !== id) l.push(id);
  };
  variants.forEach((v, id) => {
    // Business and place words find a listed name only when it has no name word: otherwise
    // agreement on them alone scores at most NO_NAME_AGREEMENT_FACTOR.
    const generic = !v.tokens.some((t) => t.kind === 'name');
    v.tokens.forEach((t, j) => {
      if (t.kind === 'name' || generic) post(byToken, t.text, id);
      if (t.kind === 'name') post(bySpelling, t.raw, id);
      const next = v.tokens[j + 1];
      if (next && t.raw && next.raw) post(byJoined, t.raw + next.raw, id);
    });
  });

  // 4. Typo lookup: fuse.js over the list's name words (one index per query length band),
  //    results cached per query word since supplier sheets repeat words endlessly. A
  //    symmetric-deletion set tells first whether any listed word lies within the allowed
  //    edits (or shares a seven-letter stem), so fuse only runs when it can find something.
  const vocabulary = [...perEntry.keys()];
  const nearKeys = new Set<string>();
  for (const w of vocabulary) {
    if (w.length < 4) continue;
    for (const d of deletionsUpTo(w, 2)) nearKeys.add(d);
    if (w.length >= STEM_LENGTH) nearKeys.add(STEM + w.slice(0, STEM_LENGTH));
  }
  const couldBeTypo = (word: string): boolean =>
    (word.length >= STEM_LENGTH && nearKeys.has(STEM + word.slice(0, STEM_LENGTH))) || deletionsUpTo(word, allowedEdits(word.length)).some((d) => nearKeys.has(d));
  const fuseByLength = new Map<number, Fuse<string>>();
  const fuseFor = (len: number) => {
    let f = fuseByLength.get(len);
    if (!f) {
      const band = vocabulary.filter((w) => w.length >= 4 && w.length >= len - 2 && w.length <= len + 4);
      f = new Fuse(band, { includeScore: true, threshold: 0.4, ignoreLocation: true, isCaseSensitive: true });
      fuseByLength.set(len, f);
    }
    return f;
  };
  const fuzzyCache = new Map<string, Map<string, number>>();
  const similarWords = (word: string): Map<string, number> => {
    let hit = fuzzyCache.get(word);
    if (hit) return hit;
    hit = new Map();
    if (word.length >= 4 && !/^\d+$/.test(word) && !df.has(word) && couldBeTypo(word)) {
      for (const r of fuseFor(word.length).search(word)) {
        const sim = tokenSimilarity(word, r.item);
        if (sim > 0) hit.set(r.item, sim);
      }
    }
    if (fuzzyCache.size >= FUZZY_CACHE_MAX) fuzzyCache.clear();
    fuzzyCache.set(word, hit);
    return hit;
  };

  function candidatesFor(q: IToken[], fuzzy: Array<Map<string, number>>): Set<number> {
    const out = new Set<number>();
    const addAll = (l: number[] | undefined) => { if (l) for (const id of l) out.add(id); };
    q.forEach((t, i) => {
      addAll(byToken.get(t.text));
      if (t.kind === 'name') {
        addAll(byJoined.get(t.raw));
        for (const w of fuzzy[i].keys()) addAll(byToken.get(w));
      }
      const next = q[i + 1];
      if (next && t.raw && next.raw) addAll(bySpelling.get(t.raw + next.raw));
    });
    return out;
  }

  function align(q: IToken[], fuzzy: Array<Map<string, number>>, v: Variant) {
    const n = v.tokens;
    const pairs: Pair[] = [];
    for (let i = 0; i < q.length; i++) {
      for (let j = 0; j < n.length; j++) {
        if (q[i].text === n[j].text) pairs.push({ qi: [i], vj: [j], sim: 1 });
        else if (q[i].kind === 'name' && n[j].kind === 'name') {
          const s = fuzzy[i].get(n[j].text);
          if (s) pairs.push({ qi: [i], vj: [j], sim: s });
        }
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
    let mQ = 0, mN = 0, mName = 0;
    const used: Pair[] = [];
    for (const p of pairs) {
      if (p.qi.some((i) => usedQ[i]) || p.vj.some((j) => usedN[j])) continue;
      used.push(p);
      for (const i of p.qi) { usedQ[i] = true; mQ += q[i].w * p.sim; }
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
    return { score, used, usedQ, usedN, noNameAgreement };
  }

  /** Which words agreed, and which only one side has; built only for returned candidates. */
  function explain(q: IToken[], v: Variant, r: ReturnType<typeof align>) {
    const agreed = r.used.map((p) => {
      const qs = p.qi.map((i) => q[i].text).join('+');
      const ns = p.vj.map((j) => v.tokens[j].text).join('+');
      return qs === ns ? ns : `${qs}~${ns}`;
    });
    return {
      agreed,
      missing: v.tokens.filter((_, j) => !r.usedN[j]).map((t) => t.text),
      extra: q.filter((_, i) => !r.usedQ[i]).map((t) => t.text),
    };
  }

  const decide = (s: number): MatchDecision => (s >= cfg.matchThreshold ? 'MATCH' : 'POSSIBLE');
  const round = (s: number) => Math.round(s * 1000) / 1000;

  function screen(name: string, opts: ScreenOptions = {}): ScreeningCandidate[] {
    const limit = opts.limit ?? 10;
    const minScore = opts.minScore ?? cfg.possibleThreshold;
    const country = countryCode(opts.country);
    const q: IToken[] = normalizeName(name).tokens.map((t) => ({ ...t, w: weigh(t) }));
    if (!q.length || limit <= 0) return [];
    const fuzzy = q.map((t) => (t.kind === 'name' ? similarWords(t.text) : new Map<string, number>()));

    const best = new Map<number, { v: Variant; r: ReturnType<typeof align> }>();
    for (const id of candidatesFor(q, fuzzy)) {
      const v = variants[id];
      const r = align(q, fuzzy, v);
      const prev = best.get(v.entry);
      if (!prev || r.score > prev.r.score + 1e-9) best.set(v.entry, { v, r });
    }

    const out: ScreeningCandidate[] = [];
    for (const { v, r } of best.values()) {
      const e = entries[v.entry];
      let score = r.score;
      let foreign = false;
      if (country && !(GREATER_CHINA.has(country) && GREATER_CHINA.has(e.country)) && country !== e.country) {
        foreign = true;
        // Lowered, but a candidate that qualified on its name is not dropped for its country.
        const lowered = score * (1 - cfg.foreignCountryPenalty);
        score = score >= cfg.possibleThreshold ? Math.max(lowered, cfg.possibleThreshold) : lowered;
      }
      if (score < minScore) continue;
      const sections = e.sections.map((s) => s.section);
      const x = explain(q, v, r);
      const parts = [`agreed: ${x.agreed.join(', ') || 'none'}`];
      if (x.missing.length) parts.push(`listed name also has: ${x.missing.join(', ')}`);
      if (x.extra.length) parts.push(`query also has: ${x.extra.join(', ')}`);
      if (r.noNameAgreement) parts.push('only generic or place words agree');
      if (foreign) parts.push(`country ${country} is outside the entry's (${e.country})`);
      out.push({
        entryKey: e.key, entityName: e.name, matchedName: v.name, matchedNameKind: v.kind,
        score: round(score), decision: decide(round(score)),
        section: sections[0] ?? null, sections, effectiveDate: e.effectiveDate, coversSubsidiaries: e.coversSubsidiaries,
        agreedTokens: x.agreed,
        reason: `${v.kind === 'NAME' ? 'name' : v.kind.toLowerCase().replace('_', ' ')} "${v.name}" — ${parts.join('; ')}`,
      });
    }
    const kindRank: Record<MatchedNameKind, number> = { NAME: 0, ALIAS: 1, FORMER_NAME: 2, LOCAL_NAME: 3 };
    out.sort((a, b) => b.score - a.score || kindRank[a.matchedNameKind] - kindRank[b.matchedNameKind] || a.entityName.localeCompare(b.entityName));
    return out.slice(0, limit);
  }

  return {
    listVersion: list.version,
    config: Object.freeze({ ...cfg }),
    screen,
    stats: () => ({ entries: entries.length, names: variants.length, vocabulary: vocabulary.length, fuzzyCache: fuzzyCache.size }),
  };
}
