// The decision on the best-scoring name of each entry: the country penalty, MATCH or
// POSSIBLE, the reason shown to the analyst, and the order of the answer.
import type { EntityListEntry } from '../../model/entityList';
import type { ScreeningConfig } from '../config';
import type { PlaceVerdict } from './placeQualifiers';
import { explain, type Alignment } from './scoring';
import type { MatchDecision, MatchedNameKind, ScreeningCandidate, Variant, WeightedToken } from './types';

const GREATER_CHINA = new Set(['CN', 'HK', 'MO']);
const COUNTRY_NAMES: Record<string, string> = {
  CHINA: 'CN',
  PRC: 'CN',
  CHN: 'CN',
  'PEOPLES REPUBLIC OF CHINA': 'CN',
  "PEOPLE'S REPUBLIC OF CHINA": 'CN',
  'HONG KONG': 'HK',
  HKG: 'HK',
  MACAU: 'MO',
  MACAO: 'MO',
  MAC: 'MO',
};
const KIND_RANK: Record<MatchedNameKind, number> = { NAME: 0, ALIAS: 1, FORMER_NAME: 2, LOCAL_NAME: 3 };

/** An ISO code from a code or a country name, or null when none is given. */
export function countryCode(c: string | null | undefined): string | null {
  if (!c || !c.trim()) return null;
  const u = c.trim().toUpperCase();
  return COUNTRY_NAMES[u] ?? u;
}

const round = (s: number) => Math.round(s * 1000) / 1000;

/** What the reason says of the places: those that agreed, conflicted, are missing or only the query gives. */
function placeParts(p: PlaceVerdict | undefined): string[] {
  if (!p) return [];
  const out: string[] = [];
  for (const c of p.conflicts) out.push(`place: ${c.query} ≠ ${c.listed.join(', ')} (rules out MATCH)`);
  if (p.agreed.length) out.push(`place agrees: ${p.agreed.join(', ')}`);
  if (p.missing.length && !p.conflicts.length) out.push(`place: query does not name ${p.missing.join(', ')} (at most POSSIBLE)`);
  if (p.placelessName) out.push(`place: none needed, the entry is also listed as "${p.placelessName}"`);
  if (p.added.length) out.push(`place: query adds ${p.added.join(', ')}; the listed names give none`);
  if (p.branch) out.push(`place: ${p.branch.join(', ')} after the name names a branch or subsidiary there (at most POSSIBLE)`);
  return out;
}

/** The best-scoring indexed name of one entry. */
export interface BestName {
  v: Variant;
  r: Alignment;
}

/** Candidates at or above minScore, best first, at most `limit`. */
export function decideCandidates(
  best: Iterable<BestName>,
  q: WeightedToken[],
  entries: EntityListEntry[],
  cfg: ScreeningConfig,
  country: string | null,
  minScore: number,
  limit: number,
): ScreeningCandidate[] {
  const decide = (s: number): MatchDecision => (s >= cfg.matchThreshold ? 'MATCH' : 'POSSIBLE');
  const out: ScreeningCandidate[] = [];
  for (const { v, r } of best) {
    const e = entries[v.entry];
    let score = r.score;
    let foreign = false;
    if (country && !(GREATER_CHINA.has(country) && GREATER_CHINA.has(e.country)) && country !== e.country) {
      foreign = true;
      // Lowered. A name strong enough for MATCH by itself is kept for review whatever the country
      // (a listed firm's own name under a wrong or foreign country must not clear); a name that is
      // only POSSIBLE by itself is one more firm sharing a word, and abroad that is weaker still
      // (but the listed name written whole is kept: a listed firm's unit abroad is still its unit).
      const lowered = score * (1 - cfg.foreignCountryPenalty);
      score = score >= cfg.matchThreshold || r.containedWhole || r.subsidiaryTradeName ? Math.max(lowered, cfg.possibleThreshold) : lowered;
    }
    if (score < minScore) continue;
    const sections = e.sections.map((s) => s.section);
    const x = explain(q, v, r);
    const parts = [`agreed: ${x.agreed.join(', ') || 'none'}`];
    if (x.missing.length) parts.push(`listed name also has: ${x.missing.join(', ')}`);
    if (x.extra.length) parts.push(`query also has: ${x.extra.join(', ')}`);
    if (r.noNameAgreement) parts.push('only generic or place words agree');
    if (r.parentOfListed) parts.push('query names a group or holding company, the listed firm is not one (at most POSSIBLE)');
    parts.push(...placeParts(r.places));
    if (r.xuarTradeName) parts.push('a firm placed in the XUAR with a listed trade name: shown for review');
    if (r.subsidiaryTradeName)
      parts.push('the trade name of an entry listed with its subsidiaries, which may be anywhere: shown for review');
    if (r.containedWhole)
      parts.push('the listed name written whole within a longer name (a branch, unit or subsidiary?): shown for review');
    if (foreign) parts.push(`country ${country} is outside the entry's (${e.country})`);
    out.push({
      entryKey: e.key,
      entityName: e.name,
      matchedName: v.name,
      matchedNameKind: v.kind,
      score: round(score),
      decision: decide(round(score)),
      section: sections[0] ?? null,
      sections,
      effectiveDate: e.effectiveDate,
      coversSubsidiaries: e.coversSubsidiaries,
      agreedTokens: x.agreed,
      reason: `${v.kind === 'NAME' ? 'name' : v.kind.toLowerCase().replace('_', ' ')} "${v.name}" — ${parts.join('; ')}`,
    });
  }
  out.sort(compareCandidates);
  return out.slice(0, limit);
}

/** Best first: by score, then the name's kind (a current name before a former one), then by entry name. */
export function compareCandidates(a: ScreeningCandidate, b: ScreeningCandidate): number {
  return b.score - a.score || KIND_RANK[a.matchedNameKind] - KIND_RANK[b.matchedNameKind] || a.entityName.localeCompare(b.entityName);
}
