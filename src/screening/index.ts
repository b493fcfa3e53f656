// Screening: firm names against the UFLPA Entity List. service.ts wires it to the graph.
export { normalizeName } from './normalize';
export type { NormalizedName, NameToken, TokenKind } from './normalize';
export { buildEntityMatcher } from './matcher';
export type { EntityMatcher, ScreeningCandidate, ScreenOptions, MatchedNameKind, MatchDecision } from './matcher';
export { DEFAULT_SCREENING_CONFIG, loadScreeningConfig, checkScreeningConfig } from './config';
export type { ScreeningConfig } from './config';
export { runEvaluation, metricsAt, metricsTable, HARD_NEGATIVE } from './evaluation';
export type { EvalCase, EvalResult, Metrics } from './evaluation';
