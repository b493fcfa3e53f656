// The README's commands are the ones package.json runs: every `npm run NAME` the README (and the
// docs beside it) names is a script, so a renamed script cannot leave a command that fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);
const docs = [
  'README.md',
  'web/README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

describe('README commands', () => {
  it.each(docs)('%s names only npm scripts that exist', (doc) => {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    const named = [...text.matchAll(/npm run ([A-Za-z0-9:_-]+)/g)].map((m) => m[1]);
    expect(named.filter((n) => !scripts.includes(n))).toEqual([]);
  });

  it('restores a backup with `npm run restore`, and keeps the older name', () => {
    const all = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(all.restore).toBe('node scripts/backup.mjs restore');
    expect(all['restore-backup']).toBe(all.restore);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/npm run restore -- /);
  });
});
