// What screening returns, and the indexed names it compares a query with.
import type { ScreeningConfig } from '../config';
import type { NameToken } from '../normalize';
import type { ListedPlaces } from './placeQualifiers';

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
  /** Also read trade-name words written in Wade-Giles as pinyin (default true; false for comparison in evaluation). */
  olderRomanizations?: boolean;
}

export interface EntityMatcher {
  readonly listVersion: string;
  readonly config: Readonly<ScreeningConfig>;
  screen(name: string, opts?: ScreenOptions): ScreeningCandidate[];
  /** Sizes of the index, for diagnostics. */
  stats(): { entries: number; names: number; vocabulary: number; fuzzyCache: number };
}

/** A name token with its weight. */
export interface WeightedToken extends NameToken {
  w: number;
  /** A listed word written in capitals of two to four letters ("JA", "HY"): it may be the initials of a pinyin name. */
  acronym?: boolean;
  /** A pinyin name word's syllables' initials ("jingao": ja, jg): a query's, to meet a listed acronym; a listed one's, to meet a query's. */
  initials?: string[];
  /** A query word written in two to four capitals ("ZT"): it may abbreviate a listed pinyin name. */
  written?: 'capitals';
}

/** One indexed spelling of an entry: its name, an alias, a former or a Chinese name. */
export interface Variant {
  entry: number;
  name: string;
  kind: MatchedNameKind;
  tokens: WeightedToken[];
  total: number;
  /** Weight of the identifying words: name words, or places where the name has none. */
  nameWeight: number;
  placeIsName: boolean;
  /** Some name of the entry says it is a group or holding company ("... Group Co., Ltd.", "集团"). */
  entryIsParent: boolean;
  /** The places this name and its entry give, for place qualifiers (placeQualifiers.ts). */
  places: ListedPlaces;
}

/** For each query token, the listed name words it may be a typo of, with their similarity. */
export type TypoMatches = Array<Map<string, number>>;
