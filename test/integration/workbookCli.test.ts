// The workbook's command-line ways in, as an operator runs them: `npm run cli -- template`,
// `npm run import` of a CSV folder and of a ZIP with mistakes (every error placed, exit 1),
// and `npm run import` beside a running server: scripts/run.mjs finds the Neo4j already
// running for the data folder (this test run's own) and uses it instead of failing on its lock.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { uniqueTenant } from './harness';
import { loadConfig } from '../../src/config';
import { createGraph, Graph } from '../../src/graph/graph';
import { readWorkbookPath, sheetsToBundle } from '../../src/import/workbook';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
jest.setTimeout(240_000);

interface Run {
  code: number | null;
  out: string;
  err: string;
}
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')}: no exit within 200 s:\n${out}\n${err}`));
    }, 200_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

const files = (p: string) => ({
  'firms.csv': `\ufeffid,name,country,province\n${p}F-us,"Importer, Inc.",US,\n${p}F-gin,Gin Co,CN,Xinjiang\n`,
  'facilities.csv': `id,name,firm,country\n${p}FAC-us,DC,${p}F-us,US\n${p}FAC-gin,Gin,${p}F-gin,CN\n`,
  'materials.csv': `id,name,raw\n${p}M-lint,Lint,TRUE\n`,
  'flows.csv': `id,from,to,material,date\n${p}FL-1,${p}FAC-gin,${p}FAC-us,${p}M-lint,2024-03-01\n`,
  'shipments.csv': `id,importer,flow\n${p}S-1,${p}F-us,${p}FL-1\n`,
});

let dir: string;
let graph: Graph;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'uflpa-workbook-cli-'));
  graph = createGraph(loadConfig());
});
afterAll(async () => {
  await graph?.close();
});

async function shipments(tenant: string): Promise<string[]> {
  const rows = await graph.read<{ id: string }>('MATCH (s:Shipment {tenant: $tenant}) RETURN s.id AS id ORDER BY id', { tenant });
  return rows.map((r) => r.id);
}

test('npm run cli -- template writes the template and the demo workbook', async () => {
  const empty = join(dir, 'template.xlsx');
  const demo = join(dir, 'demo.xlsx');
  const a = await run(TSX, ['src/cli/main.ts', 'template', empty]);
  expect(a.code).toBe(0);
  expect(a.out).toContain(`wrote ${empty}`);
  const b = await run(TSX, ['src/cli/main.ts', 'template', demo, '--demo']);
  expect(b.code).toBe(0);
  const read = await readWorkbookPath(demo);
  const seed = JSON.parse(readFileSync(join(ROOT, 'seed', 'demo-bundle.json'), 'utf8'));
  expect(sheetsToBundle(read.sheets).raw.flows).toHaveLength(seed.flows.length);
  expect((await readWorkbookPath(empty)).sheets.map((s) => s.name)).toContain('flows');
  expect((await run(TSX, ['src/cli/main.ts', 'template'])).code).toBe(1);
});

test('npm run import of a CSV folder imports it; a ZIP with mistakes lists every error by cell and writes nothing', async () => {
  const tenant = uniqueTenant('cli-wb');
  const folder = join(dir, 'csv');
  mkdirSync(folder);
  for (const [name, text] of Object.entries(files('c-'))) writeFileSync(join(folder, name), text);
  const ok = await run(TSX, ['src/cli/import.ts', folder, '--tenant', tenant]);
  expect(ok.code).toBe(0);
  expect(ok.out).toMatch(/imported into tenant "[^"]+" in [\d.]+ s: \{"firms":2,"facilities":2,"flows":1,/);
  expect(await shipments(tenant)).toEqual(['c-S-1']);

  const bad = { ...files('z-'), 'flows.csv': 'id,from,to,material,Dat\nz-FL-1,z-FAC-9,z-FAC-us,z-M-lint,2024-03-01\n' };
  const zip = join(dir, 'bad.zip');
  writeFileSync(zip, zipSync(Object.fromEntries(Object.entries(bad).map(([k, v]) => [k, strToU8(v)]))));
  const no = await run(TSX, ['src/cli/import.ts', zip, '--tenant', tenant]);
  expect(no.code).toBe(1);
  expect(no.err).toContain('rejected, nothing was written. 2 error(s):');
  expect(no.err).toContain('  flows!E1: unknown column "Dat" (did you mean "date"?)');
  expect(no.err).toContain('  flows!B2 (from): no facility "z-FAC-9"');
  expect(await shipments(tenant)).toEqual(['c-S-1']);
});

/** This run's Neo4j home: the one whose launcher listens on NEO4J_URI's port (scripts/run.mjs started it). */
function runningHome(): string {
  const port = new URL(process.env.NEO4J_URI ?? '').port;
  const base = join(ROOT, '.neo4j');
  const homes = [process.env.NEO4J_HOME_DIR, ...readdirSync(base).map((d) => join(base, d))].filter((d): d is string => !!d);
  for (const home of homes) {
    const pidFile = join(home, 'neo4j.pid');
    if (!existsSync(pidFile)) continue;
    const pid = readFileSync(pidFile, 'utf8').trim();
    const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
    if (cmdline.includes(`--port=${port}\0`)) return home;
  }
  throw new Error(`no running launcher for port ${port} under ${base}`);
}

test('npm run import beside a running Neo4j uses it instead of failing on its store lock', async () => {
  const tenant = uniqueTenant('cli-running');
  const folder = join(dir, 'beside');
  mkdirSync(folder);
  for (const [name, text] of Object.entries(files('r-'))) writeFileSync(join(folder, name), text);
  const { NEO4J_URI: _uri, ...env } = process.env;
  const r = await run(process.execPath, ['scripts/run.mjs', 'import', folder, '--tenant', tenant], {
    ...env,
    NEO4J_HOME_DIR: runningHome(),
  });
  expect(r.err).not.toMatch(/already running .*stop it first/);
  expect(r.code).toBe(0);
  expect(r.out).toContain('using the Neo4j already running for');
  expect(await shipments(tenant)).toEqual(['r-S-1']);
});
