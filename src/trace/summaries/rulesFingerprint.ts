// The fingerprint of what decides a stored summary's verdict: the trace code (rules, engine,
// summaries), the model and its text and place tables, and the reference data the rules read.
// A summary is stored when a shipment's upstream changes, so a release that judges better (a
// misspelt XUAR place read, a flag kind added) would otherwise leave the risk view showing the
// old release's verdicts, a CLEAR among them, until each shipment was touched. Summaries
// computed by other rules are not current (refresh.ts), and the next reader rebuilds them.
import { join } from 'node:path';
import { SRC, sourceFingerprint } from '../../config/sourceFingerprint';
import { SEED_DIR } from '../../model/entityList';

const SOURCES = [join(SRC, 'trace'), join(SRC, 'model'), join(SEED_DIR, 'xuar-places.json'), join(SEED_DIR, 'high-priority-sectors.json')];

let cached: string | undefined;
/** A short hash of the files the verdicts of this release follow from. */
export function verdictRulesFingerprint(): string {
  cached ??= sourceFingerprint(SOURCES).slice(0, 16);
  return cached;
}
