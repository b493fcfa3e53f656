// Stored shipment summaries: the risk view's verdicts kept current by every writer that moves them.
export {
  beginSummaryChange,
  finishSummaryChange,
  summaryChangeCommitted,
  rebuildSummariesInTx,
  ensureSummaries,
  ensureAllSummaries,
} from './refresh';
export type { SummaryChange, SummarySeeds } from './refresh';
export { readSummaryPage, readCurrentSummaries } from './page';
export type { RiskFilters, RiskOrder, ShownSummary } from './page';
export type { StoredSummary } from './compute';
