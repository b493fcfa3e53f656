// The fingerprint of what decides a screening match: the screening code, the text and place
// tables it reads, the XUAR places file and the thresholds in force. Matches are stored when
// firms are imported, so a release that screens better (a disguise read, a spelling put right)
// would otherwise leave every firm imported before it judged by the old rules until the next
// list update: a firm the new rules match would stay CLEAR. Start-up compares this with the
// fingerprint the stored matches were made by and screens again when they differ (rescreen.ts).
// Any change to these files counts, comments too: screening again when nothing changed costs
// time, never a verdict.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SEED_DIR } from '../model/entityList';
import type { ScreeningConfig } from './config';

const SRC = join(__dirname, '..');
/** Folders and files whose content decides a match; the evaluation only measures it. */
const SOURCES = [join(SRC, 'screening'), join(SRC, 'model', 'text'), join(SRC, 'model', 'gazetteer'), join(SRC, 'model', 'entityList.ts')];
const LEFT_OUT = new Set([join(SRC, 'screening', 'evaluation')]);
const DATA = [join(SEED_DIR, 'xuar-places.json')];

function filesUnder(path: string): string[] {
  if (LEFT_OUT.has(path)) return [];
  try {
    return readdirSync(path, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((d) => filesUnder(join(path, d.name)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') return /\.(ts|js|json)$/.test(path) ? [path] : [];
    throw e;
  }
}

let cached: string | undefined;
/** A hash of the files, each under its path relative to src/, and of the thresholds. */
export function screeningFingerprint(config: Readonly<ScreeningConfig>): string {
  if (!cached) {
    const hash = createHash('sha256');
    for (const file of [...SOURCES.flatMap(filesUnder), ...DATA]) {
      hash.update(relative(SRC, file)).update('\0').update(readFileSync(file)).update('\0');
    }
    cached = hash.digest('hex');
  }
  return createHash('sha256').update(cached).update(JSON.stringify(config)).digest('hex').slice(0, 16);
}
