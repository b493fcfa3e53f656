// The fingerprint of what decides a screening match: the screening code, the text and place
// tables it reads, the XUAR places file and the thresholds in force. Matches are stored when
// firms are imported, so a release that screens better (a disguise read, a spelling put right)
// would otherwise leave every firm imported before it judged by the old rules until the next
// list update: a firm the new rules match would stay CLEAR. Start-up compares this with the
// fingerprint the stored matches were made by and screens again when they differ (rescreen.ts).
// Any change to these files counts, comments too: screening again when nothing changed costs
// time, never a verdict.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { SRC, sourceFingerprint } from '../config/sourceFingerprint';
import { SEED_DIR } from '../model/entityList';
import type { ScreeningConfig } from './config';

/** Folders and files whose content decides a match; the evaluation only measures it. */
const SOURCES = [
  join(SRC, 'screening'),
  join(SRC, 'model', 'text'),
  join(SRC, 'model', 'gazetteer'),
  join(SRC, 'model', 'entityList.ts'),
  join(SEED_DIR, 'xuar-places.json'),
];
const LEFT_OUT = [join(SRC, 'screening', 'evaluation')];

let cached: string | undefined;
/** A hash of the files, each under its path relative to src/, and of the thresholds. */
export function screeningFingerprint(config: Readonly<ScreeningConfig>): string {
  cached ??= sourceFingerprint(SOURCES, LEFT_OUT);
  return createHash('sha256').update(cached).update(JSON.stringify(config)).digest('hex').slice(0, 16);
}
