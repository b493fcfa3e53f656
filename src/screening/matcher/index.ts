// Screening a firm name against one Entity List version. The builder normalizes every
// name, alias, former name and Chinese name once and indexes their tokens (nameIndex.ts);
// each query then looks up candidates by token (exact, rejoined, or fuzzy through a fuse.js
// index of the list's vocabulary: candidates.ts, typoLookup.ts), scores them by weighted
// token agreement in both directions (scoring.ts) and decides on the best name of each
// entry (decision.ts).
import type { EntityListVersion } from '../../model/entityList';
import { checkScreeningConfig, loadScreeningConfig, ScreeningConfig } from '../config';
import { normalizeName } from '../normalize';
import { candidatesFor } from './candidates';
import { countryCode, decideCandidates, type BestName } from './decision';
import { buildNameIndex } from './nameIndex';
import { align } from './scoring';
import { TypoLookup } from './typoLookup';
import type { EntityMatcher, ScreeningCandidate, ScreenOptions, WeightedToken } from './types';

export type { EntityMatcher, MatchDecision, MatchedNameKind, ScreeningCandidate, ScreenOptions } from './types';

export function buildEntityMatcher(list: EntityListVersion, config?: Partial<ScreeningConfig>): EntityMatcher {
  const cfg = checkScreeningConfig({ ...loadScreeningConfig(), ...config });
  const entries = list.entries;
  const index = buildNameIndex(entries);
  const typos = new TypoLookup(index.vocabulary, index.df);

  function screen(name: string, opts: ScreenOptions = {}): ScreeningCandidate[] {
    const limit = opts.limit ?? 10;
    const minScore = opts.minScore ?? cfg.possibleThreshold;
    const country = countryCode(opts.country);
    const q: WeightedToken[] = normalizeName(name).tokens.map((t) => ({ ...t, w: index.weigh(t) }));
    if (!q.length || limit <= 0) return [];
    const fuzzy = q.map((t) => (t.kind === 'name' ? typos.similarWords(t.text) : new Map<string, number>()));

    // the best-scoring name of each entry
    const best = new Map<number, BestName>();
    for (const id of candidatesFor(index, q, fuzzy)) {
      const v = index.variants[id];
      const r = align(q, fuzzy, v);
      const prev = best.get(v.entry);
      if (!prev || r.score > prev.r.score + 1e-9) best.set(v.entry, { v, r });
    }
    return decideCandidates(best.values(), q, entries, cfg, country, minScore, limit);
  }

  return {
    listVersion: list.version,
    config: Object.freeze({ ...cfg }),
    screen,
    stats: () => ({
      entries: entries.length,
      names: index.variants.length,
      vocabulary: index.vocabulary.length,
      fuzzyCache: typos.cacheSize,
    }),
  };
}
