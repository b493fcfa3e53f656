// Faults against a real Neo4j that this file starts and stops itself (its own home
// directory and port), and the real service (`src/main.ts`) as a child process that the
// tests kill and restart:
//   - Neo4j down at start-up: clear retry lines, not ready, then ready once Neo4j is up;
//   - Neo4j killed and restarted under traffic: clear SERVICE_UNAVAILABLE errors, then
//     answers again without restarting the service;
//   - the service killed in the middle of an import: nothing of it stored;
//   - Neo4j killed (SIGKILL) in the middle of an import: nothing of it stored after recovery, the
//     service reconnects by itself and the same import goes through when sent again;
//   - the service killed and restarted: imports and review decisions intact.
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';
import { connectWithRetry, createGraph, DatabaseUnavailableError } from '../../src/graph/graph';
import { loadConfig } from '../../src/config';
import type { Bundle } from '../../src/model/bundle';

const ROOT = join(__dirname, '..', '..');
const PASSWORD = 'faults-test-password';
jest.setTimeout(150_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A child process in its own process group, with its output kept line by line. */
class Proc {
  readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  private waiters: { re: RegExp; resolve: (line: string) => void }[] = [];
  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    const onData =
      (buf = '') =>
      (d: Buffer) => {
        buf += d.toString('utf8');
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          this.line(buf.slice(0, i));
          buf = buf.slice(i + 1);
        }
      };
    child.stdout?.on('data', onData());
    child.stderr?.on('data', onData());
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  }
  private line(l: string) {
    this.lines.push(l);
    if (this.lines.length > 2000) this.lines.splice(0, 1000);
    this.waiters = this.waiters.filter((w) => (w.re.test(l) ? (w.resolve(l), false) : true));
  }
  /** Resolves with the first line (already seen or coming) that matches. */
  waitFor(re: RegExp, ms: number): Promise<string> {
    const seen = this.lines.find((l) => re.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name}: no line matching ${re} within ${ms} ms; last lines:\n${this.lines.slice(-15).join('\n')}`)),
        ms,
      );
      const done = (l: string) => {
        clearTimeout(timer);
        resolve(l);
      };
      this.waiters.push({ re, resolve: done });
      void this.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited (${code}) before ${re}; last lines:\n${this.lines.slice(-15).join('\n')}`));
      });
    });
  }
  alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
  /** Signals the whole process group this test started (the child and anything it spawned). */
  async kill(signal: NodeJS.Signals, waitMs = 40_000): Promise<void> {
    if (!this.alive() || !this.child.pid) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      /* already gone */
    }
    const t = setTimeout(() => {
      try {
        process.kill(-this.child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, waitMs);
    await this.exited;
    clearTimeout(t);
  }
}

function spawnProc(name: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  return new Proc(name, child);
}

let home: string;
let boltPort: number;
let httpPort: number;
let neo: Proc | undefined;
let service: Proc | undefined;
let driver: Driver | undefined;
const procs: Proc[] = [];

/** Starts Neo4j on the test's own home and port (as `node scripts/neo4j.mjs start`). */
async function startNeo4j(): Promise<void> {
  neo = spawnProc('neo4j', ['scripts/neo4j.mjs', 'start'], {
    NEO4J_HOME_DIR: home,
    NEO4J_BOLT_PORT: String(boltPort),
    NEO4J_PASSWORD: PASSWORD,
    NEO4J_HEAP: '768m',
    NEO4J_PAGECACHE: '64m',
  });
  procs.push(neo);
  await neo.waitFor(/^Neo4j running at /, 120_000);
}
/** Kills the Neo4j JVM outright (no clean shutdown), as a crash or an OOM kill would. */
async function crashNeo4j(): Promise<void> {
  const pid = Number(readFileSync(join(home, 'neo4j.pid'), 'utf8').trim());
  expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('io.uflpatrace.neo4j.Launcher'); // never signal a reused pid
  process.kill(pid, 'SIGKILL');
  await neo!.exited; // the wrapper exits once its JVM is gone
}

function startService(): Proc {
  service = spawnProc('service', ['--import', 'tsx', 'src/main.ts'], {
    NEO4J_URI: `bolt://127.0.0.1:${boltPort}`,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: PASSWORD,
    HOST: '127.0.0.1',
    PORT: String(httpPort),
    LOAD_DEMO_SEED: 'false',
    LOG_LEVEL: 'info',
    API_TOKENS_FILE: '',
    API_TOKENS: '',
    NEO4J_TX_TIMEOUT_SECONDS: '30',
  });
  procs.push(service);
  return service;
}
const serviceReady = (p: Proc, ms = 60_000) => p.waitFor(/GraphQL ready at/, ms);

const url = (path: string) => `http://127.0.0.1:${httpPort}${path}`;
type Answer = { status: number; code?: string; body?: any; ms: number; startedAt: number; network?: string }; // eslint-disable-line @typescript-eslint/no-explicit-any
async function gql(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const started = Date.now();
  try {
    const res = await fetch(url('/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    let body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      body = JSON.parse(text);
    } catch {
      return { status: res.status, code: 'NOT_JSON', ms: Date.now() - started, startedAt: started };
    }
    return { status: res.status, body, code: body.errors?.[0]?.extensions?.code, ms: Date.now() - started, startedAt: started };
  } catch (e) {
    return { status: 0, network: (e as Error).message, ms: Date.now() - started, startedAt: started };
  }
}
/** The readiness probe's answer, or (status 0) the network error's code when nothing answers. */
async function ready(): Promise<{ status: number; body?: unknown; network?: string }> {
  try {
    const res = await fetch(url('/ready'), { signal: AbortSignal.timeout(30_000) });
    return { status: res.status, body: await res.json() };
  } catch (e) {
    return { status: 0, network: String((e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message) };
  }
}
/** Polls until the condition holds, failing with what it waited for after the deadline. */
async function until(what: string, condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await sleep(100);
  }
}
const IMPORT = 'mutation($b: JSON!) { importBundle(bundle: $b) { firms facilities flows documents shipments } }';
const TRACE = 'query($id: ID!) { traceShipment(id: $id) { verdict tiers } }';

/** Rows of the default tenant (local mode) whose ids start with the prefix, by label. */
async function stored(prefix: string): Promise<Record<string, number>> {
  const s = driver!.session();
  try {
    const r = await s.run(
      'MATCH (n {tenant: "default"}) WHERE n.id STARTS WITH $p RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label',
      { p: prefix },
    );
    return Object.fromEntries(r.records.map((x) => [x.get('label'), (x.get('n') as { toNumber(): number }).toNumber()]));
  } finally {
    await s.close();
  }
}
async function runningImports(): Promise<string[]> {
  const s = driver!.session();
  try {
    const r = await s.run('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery');
    return r.records.map((x) => String(x.get('currentQuery') ?? '')).filter((q) => q.includes('$rows') || q.includes('$ids'));
  } finally {
    await s.close();
  }
}

/** A wide bundle (n independent suppliers into one importer) that takes seconds to import. */
function wideBundle(prefix: string, n: number): Bundle {
  const b: Bundle = {
    bundleVersion: 1,
    ownership: [],
    firms: [{ id: `${prefix}-imp`, name: `${prefix} Importer`, country: 'US' }],
    facilities: [{ id: `${prefix}-FAC-imp`, name: `${prefix} DC`, firm: `${prefix}-imp`, country: 'US' }],
    materials: [{ id: `${prefix}-M`, name: 'Cotton yarn', hsCode: '5205.12', raw: true }],
    flows: [],
    documents: [],
    shipments: [],
  };
  for (let i = 0; i < n; i++) {
    b.firms.push({ id: `${prefix}-F${i}`, name: `Supplier ${i} Textile Trading Co`, country: 'CN', city: 'Nantong', province: 'Jiangsu' });
    b.facilities.push({ id: `${prefix}-FAC${i}`, name: `Supplier ${i} mill`, firm: `${prefix}-F${i}`, country: 'CN', city: 'Nantong' });
    b.documents.push({ id: `${prefix}-D${i}`, type: 'COMMERCIAL_INVOICE', number: `INV-${i}`, issuer: `${prefix}-F${i}` });
    b.flows.push({
      id: `${prefix}-FL${i}`,
      from: `${prefix}-FAC${i}`,
      to: `${prefix}-FAC-imp`,
      material: `${prefix}-M`,
      quantity: 10,
      unit: 'kg',
      documents: [`${prefix}-D${i}`],
    });
  }
  b.shipments.push({ id: `${prefix}-S1`, importer: `${prefix}-imp`, flow: `${prefix}-FL0`, entryDate: '2024-06-10' });
  return b;
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'uflpa-faults-neo4j-'));
  boltPort = await freePort();
  httpPort = await freePort();
});

afterAll(async () => {
  await driver?.close().catch(() => undefined);
  for (const p of procs.reverse()) await p.kill('SIGTERM', 30_000);
  rmSync(home, { recursive: true, force: true });
});

describe('faults against a Neo4j this file starts and stops', () => {
  it('gives up on an unreachable Neo4j after its deadline with a clear message', async () => {
    const graph = createGraph(loadConfig({ NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, NEO4J_PASSWORD: PASSWORD }));
    const tries: string[] = [];
    try {
      const err = await connectWithRetry(graph, { deadlineMs: 1500, uri: `bolt://127.0.0.1:${boltPort}`, log: (m) => tries.push(m) }).catch(
        (e) => e,
      );
      expect(err).toBeInstanceOf(DatabaseUnavailableError);
      expect(err.message).toMatch(new RegExp(`^Neo4j at bolt://127.0.0.1:${boltPort} did not answer after \\d+ tries: `));
      expect(tries.length).toBeGreaterThanOrEqual(2);
      expect(tries[0]).toMatch(/not reachable yet \(try 1: .*\); retrying$/);
      expect(err.stack ?? '').not.toBe(''); // a stack exists for the log, but the message alone is the user's line
    } finally {
      await graph.close();
    }
  });

  it('starts while Neo4j is down: retries with clear lines, is not ready, then becomes ready once Neo4j is up', async () => {
    const s = startService();
    const retry = await s.waitFor(/not reachable yet \(try 2/, 30_000);
    expect(JSON.parse(retry).msg).toMatch(
      new RegExp(`^Neo4j at bolt://127.0.0.1:${boltPort} not reachable yet \\(try 2: .+\\); retrying$`),
    );
    expect(s.lines.join('\n')).not.toMatch(/^\s+at /m); // no stack traces in the log
    // the HTTP port opens only once Neo4j has answered (src/main.ts connects before it listens),
    // so a balancer's probe finds nothing to route to rather than a half-started service
    expect(await ready()).toEqual({ status: 0, network: 'ECONNREFUSED' });
    expect(s.alive()).toBe(true); // still retrying, not exited

    await startNeo4j();
    await serviceReady(s, 60_000);
    expect(await ready()).toEqual({ status: 200, body: { ready: true, neo4j: 'up' } });
    driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', PASSWORD));
  });

  it('answers SERVICE_UNAVAILABLE fast while Neo4j is down under traffic, then recovers without a restart', async () => {
    const s = service!;
    expect((await gql(IMPORT, { b: chainBundle('FLT', cottonTiers()) })).body.data.importBundle.flows).toBe(4);
    expect((await gql(TRACE, { id: 'FLT-S1' })).body.data.traceShipment).toEqual({ verdict: 'CLEAR', tiers: 4 });

    const answers: (Answer & { phase: string; client: number })[] = [];
    let phase = 'up';
    let stop = false;
    const CLIENTS = 4;
    const client = async (_: unknown, client: number) => {
      while (!stop) {
        const a = await gql(TRACE, { id: 'FLT-S1' });
        answers.push({ ...a, phase, client });
        if (a.status !== 200 || a.code) await sleep(200);
      }
    };
    /** True once every client has had an answer that matches. */
    const everyClient = (match: (a: Answer & { phase: string }) => boolean) => () =>
      new Set(answers.filter(match).map((a) => a.client)).size === CLIENTS;
    const clients = Array.from({ length: CLIENTS }, client);
    let readiness: { status: number; body?: unknown; ms: number } | undefined;
    let downFor: number;
    try {
      await until(
        'an answer to every client before the crash',
        everyClient((a) => a.phase === 'up' && a.status === 200 && !a.code),
        30_000,
      );
      phase = 'down';
      await crashNeo4j();
      const downSince = Date.now();
      // every request begun before the crash has given up, and each client has asked again since
      await until(
        'an answer to a request begun after the crash, for every client',
        everyClient((a) => a.startedAt >= downSince),
        60_000,
      );
      const asked = Date.now();
      readiness = { ...(await ready()), ms: Date.now() - asked };
      phase = 'restarting';
      downFor = Date.now() - downSince;
    } finally {
      await startNeo4j(); // whatever failed above, the next tests get their database back
    }
    phase = 'restarted';
    const restartedAt = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - restartedAt < 60_000) {
      await sleep(500);
      recovered = answers.some((a) => a.phase === 'restarted' && a.status === 200 && !a.code);
    }
    if (recovered)
      await until(
        'a good answer to every client after the restart',
        everyClient((a) => a.phase === 'restarted' && a.status === 200 && !a.code),
        30_000,
      );
    stop = true;
    await Promise.all(clients);

    const failures = answers.filter((a) => a.status !== 200 || a.code);
    const slowest = Math.max(0, ...failures.map((f) => f.ms));
    console.log(
      `faults: Neo4j down ${(downFor / 1000).toFixed(1)} s + restart; ${answers.length} requests, ${failures.length} failed, ` +
        `kinds ${JSON.stringify([...new Set(failures.map((a) => `${a.status} ${a.code ?? a.network}`))])}, slowest failure ${slowest} ms, readiness ${JSON.stringify(readiness)}`,
    );
    // not ready while down, and the probe answers at once instead of waiting on the driver's retries
    expect(readiness).toMatchObject({ status: 503, body: { ready: false, neo4j: 'down' } });
    expect(readiness!.ms).toBeLessThan(5000);
    // every failure is the clear one: a SERVICE_UNAVAILABLE GraphQL error, never a 500, a crash or a hang
    expect(failures.length).toBeGreaterThan(0);
    expect([...new Set(failures.map((a) => `${a.status} ${a.code ?? a.network}`))]).toEqual(['200 SERVICE_UNAVAILABLE']);
    for (const f of failures) expect(f.body.errors[0].message).toBe('The graph database is not reachable; try again shortly.');
    expect(slowest).toBeLessThan(15_000); // the driver's 30 s default retry made every request wait 30 s
    expect(answers.filter((a) => a.phase === 'down').length).toBeGreaterThan(0); // clients kept getting answers while it was down
    expect(recovered).toBe(true);
    expect(answers.filter((a) => a.phase === 'up').every((a) => a.status === 200 && !a.code)).toBe(true);
    expect(s.alive()).toBe(true); // the same service process throughout
    expect(await ready()).toEqual({ status: 200, body: { ready: true, neo4j: 'up' } });
    expect((await gql(TRACE, { id: 'FLT-S1' })).body.data.traceShipment).toEqual({ verdict: 'CLEAR', tiers: 4 });
  });

  it('stores nothing of an import whose service is killed midway, and imports it whole afterwards', async () => {
    const bundle = wideBundle('KILL', 6000);
    void gql(IMPORT, { b: bundle }); // answered by nobody: the service dies under it
    const deadline = Date.now() + 60_000;
    let seen: string[] = [];
    // wait until the import's write transaction is busy with its flows: firms, facilities and documents are written by then
    while (Date.now() < deadline) {
      seen = await runningImports();
      if (seen.some((q) => q.includes('MERGE (n:Flow') || q.includes('INPUT') || q.includes('Shipment') || q.includes('SCREENED'))) break;
      await sleep(50);
    }
    expect(seen.length).toBeGreaterThan(0);
    await service!.kill('SIGKILL');

    // Neo4j rolls the open transaction back once the connection is gone
    const gone = Date.now() + 30_000;
    while ((await runningImports()).length && Date.now() < gone) await sleep(200);
    expect(await runningImports()).toEqual([]);
    expect(await stored('KILL-')).toEqual({});

    const s = startService();
    await serviceReady(s);
    const again = await gql(IMPORT, { b: bundle });
    expect(again.body.data.importBundle).toEqual({ firms: 6001, facilities: 6001, flows: 6000, documents: 6000, shipments: 1 });
    expect(await stored('KILL-')).toEqual({ Document: 6000, Facility: 6001, Firm: 6001, Flow: 6000, Material: 1, Shipment: 1 });
  });

  it('stores nothing of an import whose Neo4j is killed midway; the service reconnects by itself and takes it again', async () => {
    const s = service!;
    const bundle = wideBundle('NKILL', 5000);
    const answer = gql(IMPORT, { b: bundle });
    const deadline = Date.now() + 60_000;
    let seen: string[] = [];
    // wait until the write transaction is busy with its flows: firms, facilities and documents are written by then
    while (Date.now() < deadline) {
      seen = await runningImports();
      if (seen.some((q) => q.includes('MERGE (n:Flow') || q.includes('INPUT') || q.includes('Shipment') || q.includes('SCREENED'))) break;
      await sleep(50);
    }
    expect(seen.length).toBeGreaterThan(0);
    try {
      await crashNeo4j(); // SIGKILL: no clean shutdown, the store recovers from its transaction log on start
      const failed = await answer;
      expect(failed.body?.data?.importBundle ?? null).toBeNull();
      expect(failed.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await startNeo4j();
    }
    // recovery replays committed transactions only: nothing of the killed import
    expect(await stored('NKILL-')).toEqual({});
    // the same service process, reconnected without a restart
    const back = Date.now() + 60_000;
    while (Date.now() < back && (await gql(TRACE, { id: 'FLT-S1' })).code) await sleep(500);
    expect(s.alive()).toBe(true);
    expect((await gql(TRACE, { id: 'FLT-S1' })).body.data.traceShipment).toEqual({ verdict: 'CLEAR', tiers: 4 });
    const again = await gql(IMPORT, { b: bundle });
    expect(again.body.data.importBundle).toEqual({ firms: 5001, facilities: 5001, flows: 5000, documents: 5000, shipments: 1 });
    expect(await stored('NKILL-')).toEqual({ Document: 5000, Facility: 5001, Firm: 5001, Flow: 5000, Material: 1, Shipment: 1 });
    // the audit event is written in the import's transaction: the killed one left none
    const audit = await gql('{ auditLog(first: 100, action: IMPORT) { target } }');
    expect(audit.body.data.auditLog.filter((e: { target: string }) => e.target === '5000 flows')).toHaveLength(1);
  });

  it('keeps imports and review decisions when the service is killed and restarted', async () => {
    const b = chainBundle('REV', cottonTiers({ firm: { name: 'Hoshine Silicon Industry (Shanshan) Co., Ltd', country: 'CN' } }));
    expect((await gql(IMPORT, { b })).body.data.importBundle.flows).toBe(4);
    const list = await gql('{ screeningMatches(firmId: "REV-F4") { items { id status } } }');
    const matchId = list.body.data.screeningMatches.items[0].id;
    const decided = await gql('mutation($id: ID!) { confirmMatch(id: $id, note: "same registration number") { status decidedAt } }', {
      id: matchId,
    });
    expect(decided.body.data.confirmMatch.status).toBe('CONFIRMED');
    const before = await gql(TRACE, { id: 'REV-S1' });
    expect(before.body.data.traceShipment.verdict).toBe('FLAGGED');

    await service!.kill('SIGKILL'); // right after the answer: what was answered is committed
    const s = startService();
    await serviceReady(s);

    const after = await gql('query($f: ID) { screeningMatches(firmId: $f) { items { id status decidedBy decidedAt note } } }', {
      f: 'REV-F4',
    });
    expect(after.body.data.screeningMatches.items.find((m: { id: string }) => m.id === matchId)).toEqual({
      id: matchId,
      status: 'CONFIRMED',
      decidedBy: 'local',
      decidedAt: decided.body.data.confirmMatch.decidedAt,
      note: 'same registration number',
    });
    expect((await gql(TRACE, { id: 'REV-S1' })).body.data.traceShipment).toEqual(before.body.data.traceShipment);
    expect((await gql(TRACE, { id: 'FLT-S1' })).body.data.traceShipment).toEqual({ verdict: 'CLEAR', tiers: 4 });
    const audit = await gql('{ auditLog(first: 20) { action target } }');
    const actions = audit.body.data.auditLog.map((e: { action: string; target: string }) => `${e.action} ${e.target}`);
    expect(actions).toEqual(expect.arrayContaining([`MATCH_DECISION ${matchId}`, 'IMPORT 6000 flows', 'IMPORT 4 flows']));
    expect(actions.filter((a: string) => a === 'IMPORT 6000 flows')).toHaveLength(1); // the killed import left no event
  });
});
