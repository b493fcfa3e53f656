// Two service processes behind HAProxy (Debian's package; `npm test` installs it as it installs
// Chromium) against the one Neo4j of the test run, reached by a neo4j:// routing URI. An import
// through one instance is traced through the other at once; a token's rate limit holds across
// both when the balancer keeps each token on one instance (balance hdr(authorization)), and
// doubles under round robin, as README's scaling section works out.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashToken } from '../../src/api/auth';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';
import { uniqueTenant } from './harness';

const ROOT = join(__dirname, '..', '..');
const LIMIT = 20;
jest.setTimeout(600_000);

const work = mkdtempSync(join(tmpdir(), 'uflpa-replicas-'));
const tenant = uniqueTenant('replicas');
const TOKENS = { data: 'tok-replica-data', sticky: 'tok-replica-sticky', spread: 'tok-replica-spread' };
const children: ChildProcess[] = [];
let rrUrl = '';
let stickyUrl = '';

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

function haproxyBinary(): string {
  for (const p of ['/usr/sbin/haproxy', 'haproxy']) if (spawnSync(p, ['-v']).status === 0) return p;
  throw new Error('haproxy not found: apt-get install -y haproxy (npm test installs it when run as root)');
}

/** Spawns a process and resolves once a line of its output matches `ready`. */
function startProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, what: string): Promise<ChildProcess> {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} not ready in 300 s:\n${out.slice(-3000)}`)), 300_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}):\n${out.slice(-3000)}`));
    });
  });
}

beforeAll(async () => {
  const haproxy = haproxyBinary();
  const tokensFile = join(work, 'tokens.json');
  writeFileSync(
    tokensFile,
    JSON.stringify({ tokens: Object.entries(TOKENS).map(([id, t]) => ({ id, tenant, role: 'ADMIN', sha256: hashToken(t) })) }),
  );
  // the test run's Neo4j, by the routing scheme: the driver asks it for a routing table first
  const bolt = new URL(process.env.NEO4J_URI!);
  const routing = `neo4j://${bolt.hostname}:${bolt.port}`;
  const ports = [await freePort(), await freePort()];
  await Promise.all(
    ports.map((port, i) =>
      startProcess(
        join(ROOT, 'node_modules', '.bin', 'tsx'),
        ['src/main.ts'],
        {
          ...process.env,
          NEO4J_URI: routing,
          PORT: String(port),
          HOST: '127.0.0.1',
          API_TOKENS_FILE: tokensFile,
          RATE_LIMIT_PER_MINUTE: String(LIMIT),
          LOAD_DEMO_SEED: 'false',
          EXHIBIT_ROOT: join(work, `exhibits-${i}`),
          LOG_LEVEL: 'info',
        },
        /GraphQL ready at/,
        `service ${i + 1}`,
      ),
    ),
  );
  const [rr, sticky] = [await freePort(), await freePort()];
  const backend = (name: string, balance: string) => [
    `backend ${name}`,
    `  balance ${balance}`,
    '  option httpchk GET /ready',
    // which instance answered, for the test to see
    '  http-response set-header X-Served-By %[srv_name]',
    ...ports.map((p, i) => `  server s${i + 1} 127.0.0.1:${p} check inter 1s`),
  ];
  const cfg = [
    'global',
    '  maxconn 256',
    'defaults',
    '  mode http',
    '  timeout connect 5s',
    '  timeout client 60s',
    '  timeout server 120s',
    `frontend round_robin`,
    `  bind 127.0.0.1:${rr}`,
    '  default_backend services_rr',
    `frontend by_token`,
    `  bind 127.0.0.1:${sticky}`,
    '  default_backend services_by_token',
    ...backend('services_rr', 'roundrobin'),
    ...backend('services_by_token', 'hdr(authorization)'),
    '',
  ].join('\n');
  writeFileSync(join(work, 'haproxy.cfg'), cfg);
  const proxy = spawn(haproxy, ['-db', '-f', join(work, 'haproxy.cfg')], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(proxy);
  rrUrl = `http://127.0.0.1:${rr}`;
  stickyUrl = `http://127.0.0.1:${sticky}`;
  // both servers up behind the balancer (health checks every second)
  for (let i = 0; ; i++) {
    const seen = new Set<string>();
    for (let j = 0; j < 4; j++) {
      const r = await fetch(`${rrUrl}/ready`).catch(() => undefined);
      if (r?.status === 200) seen.add(r.headers.get('x-served-by') ?? '');
    }
    if (seen.size === 2) break;
    if (i > 60) throw new Error('HAProxy did not reach both services in 60 s');
    await new Promise((r) => setTimeout(r, 1000));
  }
});

afterAll(async () => {
  for (const c of children.reverse()) {
    if (c.exitCode !== null) continue;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await exited;
  }
});

async function gql(base: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, servedBy: res.headers.get('x-served-by'), body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

it('an import through one instance is traced through the other at once (neo4j:// routing URI)', async () => {
  const bundle = chainBundle('REP', cottonTiers());
  const shipment = bundle.shipments[0].id;
  const before = await gql(rrUrl, TOKENS.data, '{ shipmentRisks { items { shipmentId verdict } } }');
  expect(before.body.data.shipmentRisks.items).toEqual([]);
  const imported = await gql(rrUrl, TOKENS.data, 'mutation($b: JSON!) { importBundle(bundle: $b) { flows shipments } }', { b: bundle });
  expect(imported.body.errors).toBeUndefined();
  expect(imported.body.data.importBundle).toMatchObject({ flows: bundle.flows.length, shipments: 1 });
  // round robin: the next request goes to the other instance, which has cached the tenant's empty state above
  const traced = await gql(rrUrl, TOKENS.data, 'query($id: ID!) { traceShipment(id: $id) { verdict tiers flags { kind } } }', {
    id: shipment,
  });
  expect(traced.servedBy).not.toBe(imported.servedBy);
  expect(traced.body.errors).toBeUndefined();
  expect(traced.body.data.traceShipment).toMatchObject({ verdict: 'CLEAR', tiers: 4 });
  const again = await gql(rrUrl, TOKENS.data, 'query($id: ID!) { traceShipment(id: $id) { verdict tiers flags { kind } } }', {
    id: shipment,
  });
  expect(again.servedBy).toBe(imported.servedBy);
  expect(again.body.data.traceShipment).toEqual(traced.body.data.traceShipment);
});

async function burst(base: string, token: string, n: number) {
  const started = Date.now();
  const statuses: number[] = [];
  const servers = new Set<string>();
  for (let i = 0; i < n; i++) {
    const r = await gql(base, token, '{ __typename }');
    statuses.push(r.status);
    servers.add(r.servedBy ?? '');
  }
  // a bucket refills LIMIT a minute: a slow burst earns that many more
  const refilled = Math.ceil(((Date.now() - started) / 60_000) * LIMIT);
  return { ok: statuses.filter((s) => s === 200).length, limited: statuses.filter((s) => s === 429).length, servers, refilled };
}

it('keeps a token on one instance so its rate limit holds across both; round robin gives it one limit per instance', async () => {
  // requests sent faster than the bucket refills (LIMIT per minute): one bucket lets about LIMIT through
  const sticky = await burst(stickyUrl, TOKENS.sticky, 2 * LIMIT + 10);
  expect(sticky.servers.size).toBe(1);
  expect(sticky.ok).toBeGreaterThanOrEqual(LIMIT);
  expect(sticky.ok).toBeLessThanOrEqual(LIMIT + sticky.refilled);
  expect(sticky.limited).toBe(2 * LIMIT + 10 - sticky.ok);
  const spread = await burst(rrUrl, TOKENS.spread, 2 * LIMIT + 10);
  expect(spread.servers.size).toBe(2);
  expect(spread.ok).toBeGreaterThanOrEqual(2 * LIMIT);
  expect(spread.ok).toBeLessThanOrEqual(2 * LIMIT + 2 * spread.refilled);
});
