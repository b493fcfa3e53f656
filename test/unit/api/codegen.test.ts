// The committed GraphQL types are what scripts/codegen.ts makes of schema.graphql today.
// The generator runs in a child process: its plugins load ESM-only packages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const check = (env: Record<string, string> = {}) => {
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'codegen.ts'), '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr };
};

describe('generated GraphQL types', () => {
  it('match schema.graphql (run `npm run codegen` after changing the schema)', () => {
    expect(check()).toEqual({ status: 0, stderr: '' });
  });

  it('are reported stale when the schema changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-'));
    try {
      const schema = join(dir, 'schema.graphql');
      writeFileSync(
        schema,
        readFileSync(join(ROOT, 'schema.graphql'), 'utf8').replace('type Facility {', 'type Facility {\n  capacity: Int'),
      );
      const r = check({ CODEGEN_SCHEMA: schema });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('stale: src/api/generated/schema-types.ts');
      expect(r.stderr).toContain('stale: web/src/generated/types.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
