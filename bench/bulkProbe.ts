// What a bulk-loaded store serves, measured on it before the bulk section removes it: the trace
// beside the raw traversal, the risk view and searchFirms, at sizes no online import of this
// machine reaches in a bench run (5M flows). Neo4j is started on the loaded store with the
// project's own launcher (node scripts/neo4j.mjs start), as a user would after `npm run bulk-load`.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createLogger, createServices } from '../src/app';
import { loadConfig } from '../src/config';
import { shipmentRisks } from '../src/trace';
import { searchFirms } from '../src/lookup';
import { cursorAt } from '../src/trace/investigate';
import { benchTrace, type TraceSizeResult } from './traceBench';
import { fmt, stats } from './measure';

const ROOT = join(__dirname, '..');

export interface ProbeResult {
  trace: TraceSizeResult;
  shipments: number;
  firms: number;
  /** page of 100 rows in the default order, median of 18 (pages 1 to 5 in turn) */
  riskPageMs: number;
  /** the first 10,000 rows (the view's largest page), median of 5 */
  riskLargestMs: number;
  riskLargestRows: number;
  searchMs: number;
  searchP99Ms: number;
  searches: number;
}

function startStore(home: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['scripts/neo4j.mjs', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_HOME_DIR: home,
      NEO4J_BOLT_PORT: String(port),
      NEO4J_HEAP: process.env.BULK_NEO4J_HEAP || '4g',
      NEO4J_PAGECACHE: process.env.BULK_NEO4J_PAGECACHE || '2g',
      NEO4J_START_TIMEOUT_SECONDS: '400',
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out = (out + d.toString()).slice(-4000);
      if (/Neo4j running at /.test(out)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Neo4j on the bulk store exited (${code}):\n${out}`)));
  });
}

async function stopStore(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Trace, risk view and search on the tenant a bulk load wrote into `home` (stopped). */
export async function probeBulkStore(home: string, port: number, tenant: string, size: number, traceSamples: number): Promise<ProbeResult> {
  const neo = await startStore(home, port);
  try {
    const services = await createServices(
      loadConfig({ ...process.env, NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_USER: 'neo4j' }),
      createLogger({ logLevel: 'warn' }),
    );
    try {
      const trace = (await benchTrace(services, [{ size, tenant }], traceSamples)).results[0];
      const version = (await services.screening.current()).list.version;
      const page: number[] = [];
      let shipments = 0;
      for (let i = 0; i < 20; i++) {
        const start = performance.now();
        const p = await shipmentRisks(services.graph, tenant, version, { first: 100, after: i % 5 ? cursorAt((i % 5) * 100) : null });
        page.push(performance.now() - start);
        shipments = p.total;
      }
      const largest: number[] = [];
      let rows = 0;
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        rows = (await shipmentRisks(services.graph, tenant, version, { first: 10_000 })).items.length;
        largest.push(performance.now() - start);
      }
      // texts from the tenant's own firms: a whole name and its last word, each searched twice, the second timed
      const names = (
        await services.graph.read<{ name: string }>(
          'MATCH (f:Firm {tenant: $tenant}) WITH f SKIP 1000 LIMIT 20000 WITH f WHERE rand() < 0.003 RETURN f.name AS name LIMIT 30',
          { tenant },
        )
      ).map((r) => r.name);
      const texts = names.flatMap((n) => [
        n,
        n
          .split(/\s+/)
          .filter((w) => w.length >= 4)
          .at(-1) ?? n,
      ]);
      const search: number[] = [];
      for (const text of texts) {
        await searchFirms(services.graph, tenant, text, 20);
        const start = performance.now();
        await searchFirms(services.graph, tenant, text, 20);
        search.push(performance.now() - start);
      }
      const [{ n: firms }] = await services.graph.read<{ n: number }>('MATCH (f:Firm {tenant: $tenant}) RETURN count(f) AS n', { tenant });
      const s = stats(search);
      return {
        trace,
        shipments,
        firms,
        riskPageMs: stats(page.slice(2)).median,
        riskLargestMs: stats(largest).median,
        riskLargestRows: rows,
        searchMs: s.median,
        searchP99Ms: s.p99,
        searches: s.n,
      };
    } finally {
      await services.graph.close();
    }
  } finally {
    await stopStore(neo);
  }
}

/** The probe's rows, one per size. */
export function probeTable(rows: { size: number; probe: ProbeResult }[]): string {
  return [
    '#### On the bulk-loaded store',
    '',
    "Neo4j started again on each loaded store (`node scripts/neo4j.mjs start`, heap and page cache as the load's), then: the trace of evenly spread shipments beside the raw traversal (as the trace section), the risk view (pages of 100 in the default order, 18 timed of 20; the first 10,000 rows, 5 calls), and `searchFirms` (a whole name and its last word of 30 of the tenant's firms, each searched twice, the second timed).",
    '',
    '| flows | shipments | firms | trace median ms | trace p99 ms | raw median ms | trace ÷ raw | risk page of 100 median ms | risk 10,000 rows median ms | searchFirms median ms | searchFirms p99 ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      ({ size, probe: p }) =>
        `| ${size.toLocaleString()} | ${p.shipments.toLocaleString()} | ${p.firms.toLocaleString()} | ${fmt(p.trace.serviceMedian)} | ${fmt(p.trace.serviceP99)} | ${fmt(p.trace.rawMedian)} | ${fmt(p.trace.serviceMedian / p.trace.rawMedian, 2)} | ${fmt(p.riskPageMs)} | ${fmt(p.riskLargestMs)} (${p.riskLargestRows.toLocaleString()} rows) | ${fmt(p.searchMs)} | ${fmt(p.searchP99Ms)} |`,
    ),
    '',
  ].join('\n');
}
