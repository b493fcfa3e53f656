// Issue 14, findings 5-7, against the real server and the real Neo4j: the same new bundle
// imported by several clients at once, the requests that used to stall everyone (aliased
// introspection and traces, a body of empty records, megabytes of query text), and local
// mode's Host check against DNS rebinding. Each refusal has its code; /health answers while
// a large body is being refused; nothing here is timed beyond "it answered".
import fc from 'fast-check';
import { request } from 'node:http';
import { startHarness, Harness } from './harness';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';
import type { Bundle } from '../../src/model/bundle';

const IMPORT = 'mutation($b: JSON!) { importBundle(bundle: $b) { firms facilities flows documents shipments materials } }';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Resp = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
async function post(url: string, payload: string): Promise<Resp> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    throw new Error(`status ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
}
const ask = (query: string, variables: Record<string, unknown> = {}, url = h.server.url) => post(url, JSON.stringify({ query, variables }));
const codes = (r: Resp): string[] => (r.body.errors ?? []).map((e: { extensions?: { code?: string } }) => String(e.extensions?.code));

async function countNodes(tenant: string, prefix: string): Promise<Record<string, number>> {
  const rows = await h.services.graph.read<{ label: string; n: number; ids: number }>(
    `MATCH (n {tenant: $tenant}) WHERE n.id STARTS WITH $prefix
     RETURN labels(n)[0] AS label, count(n) AS n, count(DISTINCT n.id) AS ids`,
    { tenant, prefix },
  );
  for (const r of rows) expect(r.n).toBe(r.ids); // never two nodes for one id
  return Object.fromEntries(rows.map((r) => [r.label, r.n]));
}

describe('concurrent imports (finding 5)', () => {
  // 3 of 4 clients got INTERNAL_SERVER_ERROR: both transactions found the ids unstored, both
  // created them, the later one failed on the uniqueness constraint.
  it('the same new bundle sent by several clients at once: every one succeeds, each record stored once', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 6 }), fc.boolean(), async (clients, overlapping) => {
        const prefix = `CON${run++}x${clients}`;
        // either the same bundle from every client, or bundles that share half their records
        const bundles: Bundle[] = Array.from({ length: clients }, (_, i) => {
          const b = chainBundle(prefix, cottonTiers());
          if (overlapping && i % 2 === 1) {
            b.firms[1] = { ...b.firms[1], name: `${b.firms[1].name} (client ${i})` };
            b.shipments = b.shipments.map((s) => ({ ...s, id: `${s.id}-c${i}` }));
          }
          return b;
        });
        const answers = await Promise.all(bundles.map((b) => ask(IMPORT, { b })));
        for (const r of answers) {
          expect({ status: r.status, errors: r.body.errors }).toEqual({ status: 200, errors: undefined });
          expect(r.body.data.importBundle.flows).toBe(bundles[0].flows.length);
        }
        const stored = await countNodes(h.tenant, `${prefix}-`);
        expect(stored.Firm).toBe(bundles[0].firms.length);
        expect(stored.Flow).toBe(bundles[0].flows.length);
        expect(stored.Shipment).toBe(new Set(bundles.flatMap((b) => b.shipments.map((s) => s.id))).size);
      }),
      { numRuns: 4 },
    );
  });
});

describe('requests that stalled everyone (finding 6)', () => {
  it('refuses aliased introspection (30 x 30 by tokens, 20 x 10 by cost and aliases), and lets GraphiQL introspect', async () => {
    const inner = Array.from({ length: 30 }, (_, j) => `t${j}: types { fields { name } }`).join(' ');
    const r = await ask(`{ ${Array.from({ length: 30 }, (_, i) => `s${i}: __schema { ${inner} }`).join(' ')} }`);
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    // 6,000 tokens: the parser stops first; shorter aliased introspection meets the alias and cost limits
    expect(codes(r)).toEqual(['QUERY_TOO_MANY_TOKENS']);
    const inner10 = Array.from({ length: 10 }, (_, j) => `t${j}: types { fields { name } }`).join(' ');
    const r2 = await ask(`{ ${Array.from({ length: 20 }, (_, i) => `s${i}: __schema { ${inner10} }`).join(' ')} }`);
    expect(codes(r2)).toEqual(expect.arrayContaining(['QUERY_TOO_COSTLY', 'QUERY_TOO_MANY_ALIASES']));
    const { getIntrospectionQuery } = await import('graphql');
    const ok = await ask(getIntrospectionQuery());
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.__schema.types.length).toBeGreaterThan(10);
  });

  it('refuses 399 aliased traces before running any (cost and aliases)', async () => {
    const q = Array.from({ length: 399 }, (_, i) => `t${i}: traceShipment(id: "S${i}") { verdict }`).join(' ');
    const r = await ask(`{ ${q} }`);
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(codes(r)).toEqual(['QUERY_TOO_MANY_ALIASES', 'QUERY_TOO_COSTLY']);
    const hundred = Array.from({ length: 100 }, (_, i) => `t${i}: traceShipment(id: "S${i}") { verdict }`).join(' ');
    expect(codes(await ask(`{ ${hundred} }`))).toEqual(['QUERY_TOO_COSTLY']);
    // the limit admits about 40 traces: 41 is refused on cost alone
    const over = await ask(`{ ${Array.from({ length: 41 }, (_, i) => `t${i}: traceShipment(id: "S${i}") { verdict }`).join(' ')} }`);
    expect(codes(over)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('limits query text apart from the body: 5 MB of __typename is QUERY_TOO_LONG, 6,000 tokens QUERY_TOO_MANY_TOKENS', async () => {
    const long = await ask(`{ ${Array.from({ length: 5e6 / 17 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(long.status).toBe(413);
    expect(codes(long)).toEqual(['QUERY_TOO_LONG']);
    expect(long.body.errors[0].message).toMatch(/MAX_QUERY_BYTES/);
    const tokens = await ask(`{ ${'__typename '.repeat(6000)}}`); // 66 KB: under the text limit
    expect(tokens.status).toBe(400);
    expect(codes(tokens)).toEqual(['QUERY_TOO_MANY_TOKENS']);
    const directives = await ask(`{ ${Array.from({ length: 60 }, (_, i) => `d${i}: __typename @include(if: true)`).join(' ')} }`);
    expect(codes(directives)).toEqual(['QUERY_TOO_MANY_DIRECTIVES']);
  });

  it('refuses a 30 MB body of empty records with LIMIT_EXCEEDED while /health keeps answering', async () => {
    const n = 10_000_000;
    const body = `{"query":${JSON.stringify(IMPORT)},"variables":{"b":{"bundleVersion":1,"firms":[${new Array(n).fill('{}').join(',')}]}}}`;
    const health: number[] = [];
    let finished = false;
    const big = post(h.server.url, body).finally(() => {
      finished = true;
    });
    // /health polled while the body is sent, parsed and refused
    while (!finished) {
      const res = await fetch(`${h.server.url}/health`);
      if (!finished) health.push(res.status);
      await new Promise((r) => setTimeout(r, 50));
    }
    const r = await big;
    expect(r.status).toBe(413);
    expect(codes(r)).toEqual(['LIMIT_EXCEEDED']);
    expect(r.body.errors[0].message).toMatch(/MAX_BUNDLE_RECORDS/);
    expect(health.length).toBeGreaterThan(0);
    expect(new Set(health)).toEqual(new Set([200]));
  });

  it('refuses a body over MAX_REQUEST_BYTES that carries no bundle', async () => {
    const r = await ask('query($x: String) { __typename }', { x: 'y'.repeat(2 * 1024 * 1024) });
    expect(r.status).toBe(413);
    expect(codes(r)).toEqual(['LIMIT_EXCEEDED']);
    expect(r.body.errors[0].message).toMatch(/MAX_REQUEST_BYTES/);
  });

  it('validates a large bundle off the event loop: imports it when valid, lists its errors when not', async () => {
    // over MAX_REQUEST_BYTES (1 MiB): 2,500 firms with long names
    const big = chainBundle('LRG', cottonTiers());
    for (let i = 0; i < 2500; i++) big.firms.push({ id: `LRG-X${i}`, name: `Extra ${i} ${'y'.repeat(480)}` });
    expect(JSON.stringify(big).length).toBeGreaterThan(1024 * 1024);
    const ok = await ask(IMPORT, { b: big });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.importBundle.firms).toBe(big.firms.length);
    // a second bundle that refers to stored facilities: the worker reads them through the server's driver
    const refers = { bundleVersion: 1, facilities: [{ id: 'LRG-FAC-new', name: 'new plant', firm: 'LRG-F1' }] };
    const next = await ask(IMPORT, {
      b: { ...refers, facilities: [...refers.facilities, { id: 'LRG-FAC-bad', name: 'x', firm: 'NOPE' }] },
    });
    expect(codes(next)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(next.body.errors[0].extensions)).toMatch(/facilities\[1\]\.firm/);
    expect(JSON.stringify(next.body.errors[0].extensions)).not.toMatch(/facilities\[0\]/);
  });

  it('refuses a bundle over MAX_BUNDLE_RECORDS or the worker memory, and keeps importing after', async () => {
    const tight = await startHarness({ env: { MAX_BUNDLE_RECORDS: '1000', BODY_WORKER_MEMORY_MB: '64' } });
    try {
      const many = { bundleVersion: 1, firms: Array.from({ length: 1001 }, (_, i) => ({ id: `MNY-${i}`, name: `n${i}` })) };
      const r = await ask(IMPORT, { b: many }, tight.server.url);
      expect(r.status).toBe(413);
      expect(codes(r)).toEqual(['LIMIT_EXCEEDED']);
      // few records, but 40 MB of text that does not fit a 64 MB heap once decoded and parsed
      const fat = {
        bundleVersion: 1,
        firms: Array.from({ length: 300 }, (_, i) => ({ id: `FAT-${i}`, name: `${i}`, aliases: ['z'.repeat(150_000)] })),
      };
      const oom = await ask(IMPORT, { b: fat }, tight.server.url);
      expect(oom.status).toBe(413);
      expect(codes(oom)).toEqual(['LIMIT_EXCEEDED']);
      expect(oom.body.errors[0].message).toMatch(/BODY_WORKER_MEMORY_MB/);
      // 17 MB that passes the size check but runs the worker out of its heap while parsing (nine
      // million numbers): the worker process dies, this request is refused, the server lives on
      const dense = { bundleVersion: 1, firms: [], notes: new Array(9_000_000).fill(1) };
      const died = await ask(IMPORT, { b: dense }, tight.server.url);
      expect(died.status).toBe(413);
      expect(codes(died)).toEqual(['LIMIT_EXCEEDED']);
      expect(died.body.errors[0].message).toMatch(/BODY_WORKER_MEMORY_MB/);
      const after = await ask(IMPORT, { b: chainBundle('AFT', cottonTiers()) }, tight.server.url);
      expect(after.body.errors).toBeUndefined();
    } finally {
      await tight.close();
    }
  });
});

describe('local mode Host check (finding 7)', () => {
  function get(url: string, host: string | undefined, path = '/graphql?query=%7B__typename%7D'): Promise<{ status: number; body: string }> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { 'apollo-require-preflight': 'true' };
      if (host !== undefined) headers.host = host;
      const req = request({ hostname, port, path, method: 'GET', headers, setHost: host === undefined ? false : undefined }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('serves localhost, 127.0.0.1 and [::1] on any port', async () => {
    const port = new URL(h.server.url).port;
    for (const host of ['localhost', `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST.']) {
      const r = await get(h.server.url, host);
      expect({ host, status: r.status }).toEqual({ host, status: 200 });
    }
  });

  it('refuses any other host name with HOST_NOT_ALLOWED, the page and the probes too', async () => {
    const port = new URL(h.server.url).port;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.domain(),
          fc.ipV4().filter((ip) => ip !== '127.0.0.1'),
          fc.constantFrom('localhost.evil.example', 'evil.example', '127.0.0.1.nip.io', '0.0.0.0', '[::2]', 'localhost@evil'),
        ),
        fc.constantFrom('/graphql?query=%7B__typename%7D', '/health', '/'),
        async (name, path) => {
          const r = await get(h.server.url, `${name}:${port}`, path);
          expect({ name, status: r.status }).toEqual({ name, status: 403 });
          expect(JSON.parse(r.body).errors[0].extensions.code).toBe('HOST_NOT_ALLOWED');
        },
      ),
      { numRuns: 40 },
    );
    expect([400, 403]).toContain((await get(h.server.url, undefined)).status); // no Host header: Node refuses it first
  });

  it('serves the names listed in ALLOWED_HOSTS', async () => {
    const named = await startHarness({ env: { ALLOWED_HOSTS: 'trace.internal, 10.1.2.3' } });
    try {
      expect((await get(named.server.url, 'trace.internal:80')).status).toBe(200);
      expect((await get(named.server.url, '10.1.2.3')).status).toBe(200);
      expect((await get(named.server.url, 'other.internal')).status).toBe(403);
    } finally {
      await named.close();
    }
  });
});
