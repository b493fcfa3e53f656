// A bounded soak on loopback: concurrent clients mixing traces, screenings, look-ups, packets
// and imports against a real server and Neo4j for a fixed time, counting every error by code
// and measuring the heap (after a full GC) and RSS before and after.
//
//   runSoak(services, { seconds: 180, connections: 8 })   -> a Markdown section
//   npx tsx bench/soak.ts --seconds 180 --connections 8     (against NEO4J_URI; prints the section)
//
// Clients are plain keep-alive fetches on 127.0.0.1; the server is the product's own
// (startServer with every route), acting for one fresh tenant that is deleted afterwards.
import { randomUUID } from 'node:crypto';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Services } from '../src/services';
import { startServer } from '../src/api/server';
import { extraRoutes } from '../src/api/routes';
import { createLogger } from '../src/app';
import { importBundle } from '../src/import';
import { chainBundle, cottonTiers, TierSpec } from '../test/fixtures/scenarios';
import { deleteTenant, fmt, stats } from './measure';

export interface SoakOptions {
  seconds: number;
  connections: number;
  /** Delete the soak tenant afterwards (default true). */
  cleanup?: boolean;
  /** Write a heap snapshot before and after the measured run into this folder (see heapSummary.ts). */
  heapSnapshots?: string;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

type Outcome = 'ok' | string;

const MiB = 2 ** 20;
const REPEATED_REQUESTS = 10_000;

/** fetch's "fetch failed" with the socket-level cause behind it (ECONNRESET, "other side closed"). */
function networkError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${(e as Error).message} (${cause.code ?? cause.message})` : (e as Error).message;
}

/** A full GC, with or without --expose-gc. */
function gcFunction(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
async function settledHeap(gc: () => void): Promise<{ heap: number; rss: number }> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

const listedGin: Partial<TierSpec> = { firm: { name: 'Hoshine Silicon Industry (Shanshan) Co., Ltd', country: 'CN' } };
const xuarGin: Partial<TierSpec> = {
  firm: { name: 'Tianshan Cotton Ginning Co', localName: '新疆天山棉业有限公司', country: 'CN' },
  facility: { country: 'CN', city: 'Aksu', province: 'Xinjiang' },
};
const SCREEN_NAMES = [
  'Hoshine Silicon Industry Shanshan',
  'Xinjiang Zhongtai Chemical',
  'Camel Outdoor Products Co., Ltd.',
  'Huafu Fashion Co Ltd',
  '合盛硅业(鄯善)有限公司',
  'Lubbock Cotton Gin LLC',
  'Golden Thread Spinning Co',
  'Xinjiang Production and Construction Corps',
];

/** Picks one of `items` at random, each as often as its weight says. */
function weightedPicker<T extends { weight: number }>(items: T[]): () => T {
  const total = items.reduce((n, o) => n + o.weight, 0);
  return () => {
    let r = Math.random() * total;
    for (const o of items) if ((r -= o.weight) < 0) return o;
    return items[0];
  };
}

export async function runSoak(services: Services, opts: SoakOptions): Promise<string> {
  const seconds = Math.max(1, Math.min(1800, Math.trunc(opts.seconds)));
  const connections = Math.max(1, Math.min(256, Math.trunc(opts.connections)));
  const log = opts.log ?? (() => undefined);
  const gc = gcFunction();
  const tenant = `soak-${randomUUID().slice(0, 8)}`;

  // the tenant's starting data: three chains to trace (clean, XUAR, listed)
  for (const [prefix, tiers] of [
    ['SK-CLN', cottonTiers()],
    ['SK-XUA', cottonTiers(xuarGin)],
    ['SK-LST', cottonTiers(listedGin)],
  ] as const) {
    await importBundle(services, tenant, chainBundle(prefix, [...tiers], { shipments: 3 }), { actor: 'soak' });
  }
  const shipments = ['SK-CLN', 'SK-XUA', 'SK-LST'].flatMap((p) => [1, 2, 3].map((i) => `${p}-S${i}`));

  const authenticate = services.authenticate;
  services.authenticate = async () => ({ tokenId: 'soak', tenant, role: 'ADMIN' });
  const quiet = createLogger({ logLevel: 'silent' });
  const server = await startServer({ ...services.config, host: '127.0.0.1', port: 0 }, services, quiet, extraRoutes(services));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)];
  let imports = 0;

  const post = async (query: string, variables: Record<string, unknown>): Promise<Outcome> => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.length) return `${res.status} ${body.errors[0].extensions?.code ?? 'NO_CODE'}`;
    return res.status === 200 ? 'ok' : `${res.status}`;
  };
  // weights: what a busy deployment does most
  const ops: { name: string; weight: number; run: () => Promise<Outcome> }[] = [
    {
      name: 'traceShipment',
      weight: 45,
      run: () =>
        post('query($id: ID!) { traceShipment(id: $id) { verdict tiers flags { kind tier path } parties { firmId tier } } }', {
          id: pick(shipments),
        }),
    },
    {
      name: 'screenName',
      weight: 20,
      run: () => post('query($n: String!) { screenName(name: $n, limit: 5) { entityName score decision } }', { n: pick(SCREEN_NAMES) }),
    },
    {
      name: 'searchFirms',
      weight: 10,
      run: () =>
        post('query($t: String!) { searchFirms(text: $t, limit: 20) { id name facilities { id } } }', {
          t: pick(['cotton', 'spinning', 'hoshine', 'garments', 'zz-nothing']),
        }),
    },
    {
      name: 'firm + shipment',
      weight: 8,
      run: () =>
        post('query($f: ID!, $s: ID!) { firm(id: $f) { name screening { status } } shipment(id: $s) { entryDate } }', {
          f: pick(['SK-CLN-F2', 'SK-LST-F4', 'SK-XUA-F4']),
          s: pick(shipments),
        }),
    },
    {
      name: 'rebuttalPacket',
      weight: 5,
      run: () => post('query($id: ID!) { rebuttalPacket(shipmentId: $id) { verdict fingerprint completeness } }', { id: pick(shipments) }),
    },
    {
      name: 'packet download (md)',
      weight: 3,
      run: async () => {
        const res = await fetch(`${server.url}/packets/${pick(shipments)}.md`);
        await res.arrayBuffer();
        return res.status === 200 ? 'ok' : `${res.status}`;
      },
    },
    {
      name: 'importBundle',
      weight: 9,
      run: () => {
        imports += 1;
        const b = chainBundle(`SK-I${imports}-${randomUUID().slice(0, 6)}`, cottonTiers(imports % 5 === 0 ? xuarGin : {}));
        return post('mutation($b: JSON!) { importBundle(bundle: $b) { flows } }', { b });
      },
    },
  ];
  const total = ops.reduce((n, o) => n + o.weight, 0);
  const choose = weightedPicker(ops);

  // compact: per operation, latencies and error counts only (the soak measures this process's heap)
  const latency = new Map<string, number[]>(ops.map((o) => [o.name, []]));
  const failed = new Map<string, number>(ops.map((o) => [o.name, 0]));
  const errors = new Map<string, number>();
  const heapTrail: number[] = [];
  const client = async (until: number, keep: boolean) => {
    while (Date.now() < until) {
      const op = choose();
      const started = performance.now();
      let outcome: Outcome;
      try {
        outcome = await op.run();
      } catch (e) {
        outcome = `network ${networkError(e)}`;
      }
      if (!keep) continue;
      latency.get(op.name)!.push(performance.now() - started);
      if (outcome !== 'ok') {
        failed.set(op.name, failed.get(op.name)! + 1);
        const key = `${op.name}: ${outcome}`;
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  };

  // The memory target: the same reads repeated 10,000 times (no writes, so every cache
  // is warm after the first round) must leave the heap where the first round left it.
  const chooseRead = weightedPicker(ops.filter((o) => o.name !== 'importBundle'));
  const repeatedReads = async () => {
    const checkpoints: { requests: number; heap: number; seconds: number }[] = [
      { requests: 0, heap: (await settledHeap(gc)).heap, seconds: 0 },
    ];
    let sent = 0;
    let failures = 0;
    const started = Date.now();
    log(`soak: ${REPEATED_REQUESTS} repeated reads`);
    for (let round = 1; round <= 5; round++) {
      const target = (REPEATED_REQUESTS / 5) * round;
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (sent < target) {
            sent += 1;
            const outcome = await chooseRead()
              .run()
              .catch((e: unknown) => `network ${networkError(e)}`);
            if (outcome !== 'ok') failures += 1;
          }
        }),
      );
      checkpoints.push({ requests: sent, heap: (await settledHeap(gc)).heap, seconds: (Date.now() - started) / 1000 });
    }
    return { checkpoints, failures };
  };

  try {
    // warm-up (caches, JIT, Apollo's document cache), then the baseline after a full GC
    const warm = Math.min(20, Math.max(2, Math.round(seconds * 0.1)));
    log(`soak: warming up ${warm} s`);
    await Promise.all(Array.from({ length: connections }, () => client(Date.now() + warm * 1000, false)));
    const repeated = await repeatedReads();
    const before = await settledHeap(gc);
    if (opts.heapSnapshots) log(`soak: heap snapshot ${writeHeapSnapshot(join(opts.heapSnapshots, 'soak-before.heapsnapshot'))}`);
    log(`soak: ${seconds} s with ${connections} connections`);
    const started = Date.now();
    const until = started + seconds * 1000;
    const sampler = setInterval(() => heapTrail.push(process.memoryUsage().heapUsed), 5000);
    await Promise.all(Array.from({ length: connections }, () => client(until, true)));
    clearInterval(sampler);
    const elapsed = (Date.now() - started) / 1000;
    const after = await settledHeap(gc);
    if (opts.heapSnapshots) log(`soak: heap snapshot ${writeHeapSnapshot(join(opts.heapSnapshots, 'soak-after.heapsnapshot'))}`);

    const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
    const allMs = [...latency.values()].flat();
    const all = stats(allMs);
    const growth = after.heap - before.heap;
    const grew = growth > Math.max(8 * MiB, 0.1 * before.heap);

    const first = repeated.checkpoints[1];
    const last = repeated.checkpoints[repeated.checkpoints.length - 1];
    const repeatGrowth = last.heap - first.heap;
    const lines = [
      `### Repeated reads: ${REPEATED_REQUESTS.toLocaleString('en-US')} requests, ${connections} concurrent clients on loopback`,
      '',
      `The soak's read operations (every one but importBundle, same weights) on a fixed graph, after the warm-up. ` +
        `Heap after a full GC at each checkpoint; the first round fills the caches, the rest must not grow the heap.`,
      '',
      '| requests | heap after GC MiB | elapsed s |',
      '|---|---|---|',
      ...repeated.checkpoints.map((c) => `| ${c.requests.toLocaleString('en-US')} | ${fmt(c.heap / MiB)} | ${fmt(c.seconds)} |`),
      '',
      `- From ${first.requests.toLocaleString('en-US')} to ${last.requests.toLocaleString('en-US')} requests: ${repeatGrowth >= 0 ? '+' : ''}${fmt(repeatGrowth / MiB)} MiB; ` +
        `${repeatGrowth > Math.max(4 * MiB, 0.05 * first.heap) ? '**grew**' : 'no growth beyond noise'}. Failed requests: ${repeated.failures}.`,
      '',
      `### Soak: ${seconds} s, ${connections} concurrent clients on loopback`,
      '',
      `Mixed traffic against one server process and Neo4j: ${ops.map((o) => `${o.name} ${Math.round((o.weight / total) * 100)}%`).join(', ')}. ` +
        `Each client sends its next request when the last one is answered. A ${warm} s warm-up precedes the measured run; heap figures are after a full GC.`,
      '',
      '| operation | requests | errors | median ms | p99 ms |',
      '|---|---|---|---|---|',
      ...ops.map((o) => {
        const st = stats(latency.get(o.name)!);
        return `| ${o.name} | ${st.n} | ${failed.get(o.name)} | ${fmt(st.median)} | ${fmt(st.p99)} |`;
      }),
      `| **all** | **${allMs.length}** (${fmt(allMs.length / elapsed)} req/s) | **${errorCount}** | ${fmt(all.median)} | ${fmt(all.p99)} |`,
      '',
      errorCount
        ? `Errors by operation and code: ${[...errors].map(([k, v]) => `${k} × ${v}`).join('; ')}.`
        : 'Errors: none (every request answered 200 without a GraphQL error).',
      '',
      `- Node heap after GC: ${fmt(before.heap / MiB)} MiB before, ${fmt(after.heap / MiB)} MiB after (${growth >= 0 ? '+' : ''}${fmt(growth / MiB)} MiB); ` +
        `${grew ? '**grew**' : 'no growth beyond noise'}. Live heap during the run: ${heapTrail.length ? `${fmt(Math.min(...heapTrail) / MiB)}-${fmt(Math.max(...heapTrail) / MiB)} MiB` : 'n/a'}.`,
      `- RSS: ${fmt(before.rss / MiB)} MiB before, ${fmt(after.rss / MiB)} MiB after.`,
      `- Imports: ${latency.get('importBundle')!.length} bundles of 4 flows during the measured run (${imports} with the warm-up): the graph grew while it ran.`,
      '',
    ];
    return lines.join('\n');
  } finally {
    await server.stop();
    services.authenticate = authenticate;
    if (opts.cleanup !== false) {
      await deleteTenant(services, tenant);
    }
  }
}

if (require.main === module) {
  void (async () => {
    const { loadConfig } = await import('../src/config');
    const { createServices } = await import('../src/app');
    const arg = (name: string, fallback: number) => {
      const i = process.argv.indexOf(`--${name}`);
      return i >= 0 ? Number(process.argv[i + 1]) : fallback;
    };
    const textArg = (name: string) => {
      const i = process.argv.indexOf(`--${name}`);
      return i >= 0 ? process.argv[i + 1] : undefined;
    };
    const services = await createServices(loadConfig(), createLogger({ logLevel: 'warn' }));
    try {
      console.log(
        await runSoak(services, {
          seconds: arg('seconds', 120),
          connections: arg('connections', 8),
          heapSnapshots: textArg('heap-snapshots'),
          log: (l) => console.error(l),
        }),
      );
    } finally {
      await services.graph.close();
    }
  })().catch((e) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
