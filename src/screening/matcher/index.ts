// Screening a firm name against one Entity List version. The builder normalizes every
// name, alias, former name and Chinese name once and indexes their tokens (nameIndex.ts);
// each query then looks up candidates by token (exact, rejoined, or fuzzy through a fuse.js
// index of the list's vocabulary: candidates.ts, typoLookup.ts), scores them by weighted
// token agreement in both directions (scoring.ts) and decides on the best name of each
// entry (decision.ts).
import type { EntityListVersion } from '../../model/entityList';
import { checkScreeningConfig, loadScreeningConfig, ScreeningConfig } from '../config';
import { normalizeName, type NameToken } from '../normalize';
import { candidatesFor } from './candidates';
import { countryCode, decideCandidates, type BestName } from './decision';
import { buildNameIndex } from './nameIndex';
import { align } from './scoring';
import { TypoLookup } from './typoLookup';
import type { EntityMatcher, ScreeningCandidate, ScreenOptions, WeightedToken } from './types';

export type { EntityMatcher, MatchDecision, MatchedNameKind, ScreeningCandidate, ScreenOptions } from './types';

/** A name word the list does not know, read as the listed word it is a misreading of ("hosh1ne" as hoshine). */
function misreadAsListed(t: NameToken, listed: ReadonlyMap<string, number>): NameToken {
  if (t.kind !== 'name' || !t.ocr || listed.has(t.text)) return t;
  const word = t.ocr.find((s) => listed.has(s));
  return word ? { ...t, text: word, raw: word } : t;
}

export function buildEntityMatcher(list: EntityListVersion, config?: Partial<ScreeningConfig>): EntityMatcher {
  const cfg = checkScreeningConfig({ ...loadScreeningConfig(), ...config });
  const entries = list.entries;
  const index = buildNameIndex(entries);
  const typos = new TypoLookup(index.vocabulary, index.df);
  const parentCap = Math.max(cfg.possibleThreshold, cfg.matchThreshold - 0.01);

  function screen(name: string, opts: ScreenOptions = {}): ScreeningCandidate[] {
    const limit = opts.limit ?? 10;
    const minScore = opts.minScore ?? cfg.possibleThreshold;
    const country = countryCode(opts.country);
    const normalized = normalizeName(name);
    const q: WeightedToken[] = normalized.tokens.map((t) => {
      const read = misreadAsListed(t, index.df);
      return { ...read, w: index.weigh(read) };
    });
    if (!q.length || limit <= 0) return [];
    const fuzzy = q.map((t) => (t.kind === 'name' ? typos.similarWords(t.text) : new Map<string, number>()));

    // the best-scoring name of each entry
    const best = new Map<number, BestName>();
    for (const id of candidatesFor(index, q, fuzzy)) {
      const v = index.variants[id];
      const r = align(q, fuzzy, v);
      // "Shandong Gold Group" for the listed "Shandong Gold": the group above a listed firm is
      // not that firm, so at most POSSIBLE however well the rest agrees.
      if (normalized.parentForm && !v.entryIsParent && r.score >= parentCap) {
        r.score = parentCap;
        r.parentOfListed = true;
      }
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
