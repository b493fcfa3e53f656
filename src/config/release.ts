// The release this code is: package.json's version, read once. Exports and the graph's model
// version record it so a reader knows which code wrote them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function readRelease(): string {
  try {
    return String(JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}
export const RELEASE = readRelease();
