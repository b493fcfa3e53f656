// A hash of source and data files, for state stored in the graph that this code computed: a
// release whose files differ may compute it otherwise, so the store is told to compute it again
// (screening matches: src/screening/codeFingerprint.ts; shipment summaries:
// src/trace/summaries/rulesFingerprint.ts). Any change counts, comments too: computing again
// when nothing changed costs time, never a verdict.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The source root, which the hash names files relative to. */
export const SRC = join(__dirname, '..');

function filesUnder(path: string, leftOut: ReadonlySet<string>): string[] {
  if (leftOut.has(path)) return [];
  try {
    return readdirSync(path, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((d) => filesUnder(join(path, d.name), leftOut));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') return /\.(ts|js|json)$/.test(path) ? [path] : [];
    throw e;
  }
}

/** A hex SHA-256 of the files under `paths` (folders or files; but `leftOut`), each under its path relative to src/. */
export function sourceFingerprint(paths: readonly string[], leftOut: readonly string[] = []): string {
  const skip = new Set(leftOut);
  const hash = createHash('sha256');
  for (const file of paths.flatMap((p) => filesUnder(p, skip)))
    hash.update(relative(SRC, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
