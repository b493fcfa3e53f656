// Backups of the local store against a real Neo4j this file starts on its own home and port:
// `npm run backup` refuses while that Neo4j runs, dumps it once stopped (with the exhibit store
// beside the dump), and `npm run restore` brings both back over later changes. The commands run
// as the README gives them (npm run, package.json's scripts); `restore-backup` is the older name.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';

const ROOT = join(__dirname, '..', '..');
const PASSWORD = 'backup-test-password';
jest.setTimeout(1_500_000);

const work = mkdtempSync(join(tmpdir(), 'uflpa-backup-'));
const home = join(work, 'neo4j-home');
const exhibits = join(work, 'exhibits');
const env = { ...process.env, NEO4J_HOME_DIR: home, EXHIBIT_ROOT: exhibits, NEO4J_URI: '' };
let port = 0;
let neo: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** `node scripts/neo4j.mjs start` on the test's home; resolves once it says it runs. */
async function startNeo4j(): Promise<void> {
  const child = spawn(process.execPath, ['scripts/neo4j.mjs', 'start'], {
    cwd: ROOT,
    env: {
      ...env,
      NEO4J_BOLT_PORT: String(port),
      NEO4J_PASSWORD: PASSWORD,
      NEO4J_HEAP: '768m',
      NEO4J_PAGECACHE: '64m',
      NEO4J_START_TIMEOUT_SECONDS: '400',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  neo = child;
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Neo4j did not start in 420 s:\n${out.slice(-2000)}`)), 420_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/Neo4j running at /.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited (${code}):\n${out.slice(-2000)}`));
    });
  });
}
async function stopNeo4j(): Promise<void> {
  const child = neo;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM'); // the wrapper stops its JVM cleanly, and exits
  await exited;
  neo = undefined;
}
async function cypher<T = Record<string, unknown>>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', PASSWORD), { disableLosslessIntegers: true });
  try {
    const res = await driver.executeQuery(query, params);
    return res.records.map((r) => r.toObject() as T);
  } finally {
    await driver.close();
  }
}
const npm = (script: 'backup' | 'restore' | 'restore-backup', ...args: string[]) => {
  const r = spawnSync('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

beforeAll(async () => {
  port = await freePort();
});
afterAll(async () => {
  await stopNeo4j();
  // the test's own Neo4j home and its dumps: about 500 MB a run
  rmSync(work, { recursive: true, force: true });
});

it('dumps the stopped store with its exhibits, and loads them back over later changes', async () => {
  await startNeo4j();
  await cypher('UNWIND range(1, 100) AS i CREATE (:BackupProbe {n: i})');
  mkdirSync(join(exhibits, 'tenants', 't-1'), { recursive: true });
  writeFileSync(join(exhibits, 'tenants', 't-1', 'invoice.pdf'), 'the exhibit as backed up');

  const whileRunning = npm('backup', '--to', join(work, 'refused'));
  expect(whileRunning.code).toBe(1);
  expect(whileRunning.out).toMatch(/Neo4j is running on .*stop it first/i);
  expect(existsSync(join(work, 'refused', 'neo4j.dump'))).toBe(false);

  await stopNeo4j();
  const backupDir = join(work, 'backup-1');
  const made = npm('backup', '--to', backupDir);
  expect(made).toMatchObject({ code: 0 });
  expect(JSON.parse(readFileSync(join(backupDir, 'backup.json'), 'utf8'))).toMatchObject({
    database: 'neo4j',
    dumpSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
  });

  // later changes, which the restore must undo
  await startNeo4j();
  await cypher('MATCH (n:BackupProbe) WHERE n.n > 50 DELETE n');
  await cypher('CREATE (:AfterBackup)');
  writeFileSync(join(exhibits, 'tenants', 't-1', 'invoice.pdf'), 'changed after the backup');
  expect(npm('restore', backupDir).code).toBe(1); // still running: refused
  await stopNeo4j();

  const restored = npm('restore', backupDir);
  expect(restored).toMatchObject({ code: 0 });
  expect(readFileSync(join(exhibits, 'tenants', 't-1', 'invoice.pdf'), 'utf8')).toBe('the exhibit as backed up');
  await startNeo4j();
  expect(await cypher('MATCH (n:BackupProbe) RETURN count(n) AS n, sum(n.n) AS total')).toEqual([{ n: 100, total: 5050 }]);
  expect(await cypher('MATCH (n:AfterBackup) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
  await stopNeo4j();

  // a damaged dump is refused before anything is replaced
  writeFileSync(join(backupDir, 'neo4j.dump'), Buffer.concat([readFileSync(join(backupDir, 'neo4j.dump')), Buffer.from('x')]));
  const damaged = npm('restore-backup', backupDir);
  expect(damaged.code).toBe(1);
  expect(damaged.out).toMatch(/changed or damaged/);
});
