// The bulk load (npm run bulk-load) against the real Neo4j: the same chunks go into a store of
// this file's own through neo4j-admin (scripts/bulkLoad.mjs) and into the test run's Neo4j
// through the online import. Both stores must hold the same graph (every node's properties and
// edges, screening matches and duplicate candidates included) and trace every shipment to the
// same verdict, flags and paths; a bundle of changes imported online on top of each keeps them
// equal. A rejected bundle loads nothing.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createServices } from '../../src/app';
import { loadConfig } from '../../src/config';
import { importBundle } from '../../src/import';
import { generateBundleChunks } from '../../src/generate/generator';
import type { Bundle } from '../../src/model/bundle';
import type { Services } from '../../src/services';
import { traceShipment } from '../../src/trace';
import { uniqueTenant } from './harness';
import { TENANT_LABELS } from '../../src/graph/schema';
import { FINISH_MILESTONES, finishSteps } from '../../bench/bulkBench';

const ROOT = join(__dirname, '..', '..');
const PASSWORD = 'bulk-test-password';
jest.setTimeout(1_800_000);

const work = mkdtempSync(join(tmpdir(), 'uflpa-bulk-'));
const home = join(work, 'neo4j-home');
const chunksDir = join(work, 'chunks');
const tenant = uniqueTenant('bulk');
let port = 0;
let neo: ChildProcess | undefined;
let bulk: Services | undefined;
let online: Services | undefined;
const baseEnv = {
  ...process.env,
  NEO4J_HOME_DIR: home,
  NEO4J_URI: '',
  NEO4J_PASSWORD: PASSWORD,
  NEO4J_HEAP: '768m',
  NEO4J_PAGECACHE: '128m',
};

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

async function startBulkNeo4j(): Promise<void> {
  const child = spawn(process.execPath, ['scripts/neo4j.mjs', 'start'], {
    cwd: ROOT,
    env: { ...baseEnv, NEO4J_BOLT_PORT: String(port), NEO4J_START_TIMEOUT_SECONDS: '400' },
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
async function stopBulkNeo4j(): Promise<void> {
  await bulk?.graph.close();
  bulk = undefined;
  const child = neo;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  neo = undefined;
}

const bulkLoad = (input: string, ...args: string[]) => {
  // started from a folder of its own, so a file the load leaves behind there would show
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bulkLoad.mjs'), input, '--tenant', tenant, ...args], {
    cwd: work,
    // a finish batch of 7 records: screening and duplicates cross transactions as in a first load of millions
    env: { ...baseEnv, NEO4J_BOLT_PORT: String(port), BULK_IMPORT_HEAP: '512m', BULK_FINISH_BATCH: '7' },
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

const VOLATILE = new Set(['createdAt', 'updatedAt', 'lockedAt', 'run']);
const LABELS = [...TENANT_LABELS, 'FirmKey'];

/**
 * Every node of the tenant with its properties and outgoing edges, one sorted line each, label by
 * label through the (tenant, id) indexes. Stamps of when a record was written differ between any
 * two imports and are left out; an empty list counts as absent (the importer stores none).
 */
async function snapshot(s: Services): Promise<string[]> {
  const lines: string[] = [];
  // each store screens against its own current Entity List (the shared test store's may be one an
  // earlier test put in place): a match of the current list reads the same on both sides
  const currentList = (await s.screening.current()).list.version;
  for (const label of LABELS) {
    const rows = await s.graph.read<{ key: string; props: Record<string, unknown>; edges: string[] }>(
      `MATCH (n:${label}) WHERE n.tenant = $tenant
       OPTIONAL MATCH (n)-[r]->(m)
       RETURN coalesce(n.id, n.key) AS key, properties(n) AS props,
              collect(type(r) + '>' + coalesce(m.id, m.key, '') + ' ' + coalesce(toString(r.lot), '') + coalesce(toString(r.share), '')) AS edges`,
      { tenant },
    );
    for (const r of rows) {
      const props = Object.entries(r.props)
        .filter(([k, v]) => !VOLATILE.has(k) && !(Array.isArray(v) && v.length === 0))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}=${JSON.stringify(k === 'listVersion' && v === currentList ? '(current list)' : v)}`);
      lines.push(`${label}:${r.key} ${props.join(';')} -> ${r.edges.sort().join(', ')}`);
    }
  }
  // and no node of the tenant under another label
  const [other] = await s.graph.read<{ n: number }>(
    'MATCH (n) WHERE n.tenant = $tenant AND NOT any(l IN labels(n) WHERE l IN $labels + ["AuditEvent", "TenantState"]) RETURN count(n) AS n',
    { tenant, labels: LABELS },
  );
  lines.push(`other labels: ${other.n}`);
  return lines.sort();
}

const withoutInputs = <T extends { inputs?: string[] }>(flow: T): T => {
  const copy = { ...flow };
  delete copy.inputs;
  return copy;
};

async function traces(s: Services, ids: string[]) {
  const { list } = await s.screening.current();
  const out: Record<string, unknown> = {};
  // traced against each store's current list (see snapshot): the version reads the same on both sides
  for (const id of ids) out[id] = { ...(await traceShipment(s.graph, tenant, { id }, list.version)), entityListVersion: '(current list)' };
  return out;
}

beforeAll(async () => {
  port = await freePort();
  online = await createServices({ ...loadConfig(), txTimeoutSeconds: 900 }, createLogger({ logLevel: 'silent' }));
});
afterAll(async () => {
  await stopBulkNeo4j();
  await online?.graph.close();
  // the store, its chunks and the prepared files: about 270 MB a run
  rmSync(work, { recursive: true, force: true });
});

it('loads chunks offline into the same graph, traces and verdicts as the online import, then takes changes online', async () => {
  // generated supply chains (XUAR facilities, listed firms) in two chunks, then the demo seed
  mkdirSync(chunksDir);
  const chunks: Bundle[] = [
    ...generateBundleChunks({ flows: 2000, seed: 7, tiers: 9, shipments: 30, xuarShare: 0.08, listedShare: 0.04, tenantPrefix: 'g' }, 1000),
    JSON.parse(readFileSync(join(ROOT, 'seed', 'demo-bundle.json'), 'utf8')) as Bundle,
  ];
  chunks.forEach((c, i) => writeFileSync(join(chunksDir, `chunk-${String(i + 1).padStart(4, '0')}.json`), JSON.stringify(c)));

  // a rejected chunk loads nothing: no store is created
  const bad = join(work, 'bad');
  mkdirSync(bad);
  writeFileSync(join(bad, 'chunk-0001.json'), JSON.stringify(chunks[0]));
  writeFileSync(join(bad, 'chunk-0002.json'), JSON.stringify({ ...chunks[1], flows: [{ ...chunks[1].flows[0], from: 'NO-SUCH-FAC' }] }));
  const rejected = bulkLoad(bad);
  expect(rejected.code).toBe(1);
  expect(rejected.out).toMatch(/chunk-0002\.json: rejected, nothing was loaded/);
  expect(rejected.out).toMatch(/flows\[0\]\.from.*NO-SUCH-FAC/);
  expect(existsSync(join(home, 'data', 'databases', 'neo4j'))).toBe(false);

  const loaded = bulkLoad(chunksDir);
  expect(loaded).toMatchObject({ code: 0 });
  // neo4j-admin's report goes with the store's logs, not into the folder the load ran from
  expect(existsSync(join(home, 'logs', 'bulk-import.report'))).toBe(true);
  expect(existsSync(join(work, 'import.report'))).toBe(false);
  // the finish logs each step with its time, as the bench reads them to say where a load's time goes
  const logged = FINISH_MILESTONES.filter(([, re]) => [...loaded.out.matchAll(re)].length > 0).map(([step]) => step);
  expect(logged).toEqual(FINISH_MILESTONES.map(([step]) => step));
  expect(finishSteps(loaded.out).every((f) => f.s >= 0 && Number.isFinite(f.s))).toBe(true);
  for (const c of chunks) await importBundle(online!, tenant, c, { actor: 'test' });

  await startBulkNeo4j();
  bulk = await createServices(
    { ...loadConfig({ ...process.env, NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: PASSWORD }), txTimeoutSeconds: 900 },
    createLogger({ logLevel: 'silent' }),
  );
  const shipments = chunks.flatMap((c) => c.shipments.map((s) => s.id));
  const [bulkGraph, onlineGraph] = [await snapshot(bulk), await snapshot(online!)];
  expect(bulkGraph.length).toBeGreaterThan(5_000);
  expect(bulkGraph).toEqual(onlineGraph);
  const [bulkTraces, onlineTraces] = [await traces(bulk, shipments), await traces(online!, shipments)];
  for (const id of shipments) expect({ id, trace: bulkTraces[id] }).toEqual({ id, trace: onlineTraces[id] });
  const verdicts = new Set(Object.values(bulkTraces).map((t) => (t as { verdict: string }).verdict));
  expect(verdicts).toEqual(new Set(['CLEAR', 'FLAGGED', 'INCOMPLETE']));
  const [audit] = await bulk.graph.read<{ n: number }>(`MATCH (e:AuditEvent {tenant: $tenant, action: 'IMPORT'}) RETURN count(e) AS n`, {
    tenant,
  });
  expect(audit.n).toBe(1);

  // changes online on top of both: a CLEAR shipment's flow now leaves a XUAR facility, and a new flow and shipment
  const all = chunks.flatMap((c) => c.flows);
  const clear = shipments.find((id) => (bulkTraces[id] as { verdict: string }).verdict === 'CLEAR')!;
  const shipment = chunks.flatMap((c) => c.shipments).find((s) => s.id === clear)!;
  const flow = all.find((f) => f.id === shipment.flow)!;
  const xuar = chunks.flatMap((c) => c.facilities).find((f) => /xinjiang/i.test(f.province ?? ''))!;
  const changes: Bundle = {
    bundleVersion: 1,
    firms: [],
    facilities: [],
    ownership: [],
    materials: [],
    documents: [],
    flows: [
      // its lots came into the old source: without inputs it falls back to the flows into the new one
      { ...withoutInputs(flow), from: xuar.id },
      { ...all[0], id: 'CHG-FL-1' },
    ],
    shipments: [{ ...shipment, id: 'CHG-S-1', flow: 'CHG-FL-1' }],
  };
  await importBundle(bulk, tenant, changes, { actor: 'test' });
  await importBundle(online!, tenant, changes, { actor: 'test' });
  expect(await snapshot(bulk)).toEqual(await snapshot(online!));
  const after = [...shipments, 'CHG-S-1'];
  const [bulkAfter, onlineAfter] = [await traces(bulk, after), await traces(online!, after)];
  for (const id of after) expect({ id, trace: bulkAfter[id] }).toEqual({ id, trace: onlineAfter[id] });
  expect((bulkAfter[clear] as { verdict: string }).verdict).toBe('FLAGGED');
});
