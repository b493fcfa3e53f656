// The dashboard view over a tenant with many shipments: pages read from the stored summaries
// (default order and each filter), the whole view, the live judging it replaces, and what
// keeping the summaries current adds to an import that touches 1% of the flows.
import { loadavg } from 'node:os';
import type { Services } from '../src/services';
import { importBundle } from '../src/import';
import { shipmentRisks } from '../src/trace';
import type { RiskViewArgs } from '../src/trace/riskView';
import { ensureSummaries } from '../src/trace/summaries';
import { generateBundleChunks, type GenerateOptions } from '../src/generate/generator';
import { affectedShipmentsInTx } from '../src/trace/summaries/refresh';
import { recordFigure } from './figures';
import { cursorAt } from '../src/trace/investigate';
import { deleteTenant, fmt, percentile } from './measure';

type Chunk = ReturnType<typeof generateBundleChunks> extends Iterable<infer C> ? C : never;

/**
 * Flows per import while loading. Each chunk is one all-or-nothing transaction, and Neo4j holds a
 * transaction's state on its heap (about twice over while it commits): 20,000 flows with their
 * documents peak near 1 GiB, inside the pool of a 3 GiB heap (dbms.memory.transaction.total.max, 70%).
 */
const LOAD_CHUNK = 20_000;

/**
 * Two imports that touch 1% of the flows, re-sent as they are: every 100th flow of the map (spread
 * over every network: the worst case, which on a large map reaches nearly every shipment) and the
 * first 1% in the generator's order (a few whole networks: one supplier group's update).
 */
function onePercentOf(chunks: Chunk[]) {
  const all = chunks.flatMap((c) => (c as { flows: { id: string }[] }).flows);
  return {
    'every 100th flow': { bundleVersion: 1, flows: all.filter((_, i) => i % 100 === 0) },
    'the first 1% of the flows (whole networks)': { bundleVersion: 1, flows: all.slice(0, Math.ceil(all.length / 100)) },
  };
}

/** Imports keeping the summaries current, timed in turn once the trace cache is warm; their median ratio is the figure. */
const WARM_IMPORTS = 3;

/**
 * The import of `touch` without keeping summaries (its write), a rebuild, then the import keeping
 * them current: once through a copy of the graph whose trace cache is empty (a process that has
 * traced nothing of the tenant: every party the refresh needs is read), then WARM_IMPORTS times more
 * through the same copy, as a running service imports (each import carries the parties it read over
 * its commit, less those it changed).
 */
async function measureOnePercent(services: Services, tenant: string, touch: { bundleVersion: number; flows: { id: string }[] }) {
  const loadBefore = loadAverage();
  await services.graph.write('MATCH (v:TenantState {tenant: $tenant}) SET v.summariesAt = null', { tenant });
  const writeOnly = await time(() => importBundle(services, tenant, touch));
  const rebuild = await time(() => ensureSummaries(services.graph, tenant));
  const keeping = async (through: Services) => {
    const timings = new Map<string, number>();
    const total = await time(() => importBundle(through, tenant, touch, { timings }));
    const refresh = timings.get('summaries') ?? NaN;
    return { total, refresh, ratio: refresh / (total - refresh) };
  };
  // a copy of the graph has a trace cache of its own, empty until this import carries its reads over
  const fresh = { ...services, graph: { ...services.graph } };
  const cold = await keeping(fresh);
  const warm: Awaited<ReturnType<typeof keeping>>[] = [];
  for (let i = 0; i < WARM_IMPORTS; i++) warm.push(await keeping(fresh));
  const median = warm.map((w) => w.ratio).sort((a, b) => a - b)[Math.floor(WARM_IMPORTS / 2)];
  // the shipments the refresh judged again: those the re-sent flows reach (the product's own walk)
  const reached = (
    await services.graph.readTransaction((tx) => affectedShipmentsInTx(tx, tenant, { flowIds: touch.flows.map((f) => f.id) }))
  ).size;
  return { loadBefore, writeOnly, rebuild, cold, warm, reached, ratio: median };
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function spread(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { median: percentile(s, 50), p95: percentile(s, 95) };
}

/** A tenant already loaded (by the import section, or an earlier run) and how its map was generated. */
export interface LoadedTenant {
  tenant: string;
  generate: GenerateOptions;
  chunk: number;
  /** who loaded it, for the table's text */
  by: string;
}

/**
 * `reuse`: a tenant loaded before (the import section's of the same sizes, or one an earlier run
 * left, RISK_BENCH_TENANT): the map is generated again (same options) for the 1% import but not
 * imported, and the tenant is kept.
 */
export async function benchRiskView(services: Services, shipments: number, flows = shipments * 5, reuse?: LoadedTenant): Promise<string> {
  const tenant = reuse?.tenant ?? `risk-${shipments}-${Date.now().toString(36)}`;
  const generate = reuse?.generate ?? { flows, seed: 7, tiers: 8, shipments };
  const chunks: Chunk[] = [];
  const load = loadAverage();
  // Loaded with the summaries marked not current, so each chunk's import only writes; they are
  // then judged once, whole (what a bulk load leaves for its first reader to do).
  const t0 = performance.now();
  for (const chunk of generateBundleChunks(generate, reuse?.chunk ?? LOAD_CHUNK)) {
    chunks.push(chunk);
    if (reuse) continue;
    await services.graph.write('MERGE (v:TenantState {tenant: $tenant}) SET v.summariesAt = "loading"', { tenant });
    await importBundle(services, tenant, chunk);
  }
  const loadS = reuse ? NaN : (performance.now() - t0) / 1000;
  const judgeS = (await time(() => ensureSummaries(services.graph, tenant))) / 1000;
  const version = (await services.screening.current()).list.version;
  const total = (await services.graph.read<{ n: number }>('MATCH (s:Shipment {tenant: $tenant}) RETURN count(s) AS n', { tenant }))[0].n;
  const [sample] = await services.graph.read<{ importerId: string; low: string; high: string }>(
    `MATCH (s:Shipment {tenant: $tenant}) WITH s.importerId AS importerId, count(*) AS n ORDER BY n DESC LIMIT 1
     MATCH (t:Shipment {tenant: $tenant}) WHERE t.entryDate IS NOT NULL
     WITH importerId, t.entryDate AS d ORDER BY d WITH importerId, collect(d) AS ds
     RETURN importerId, ds[toInteger(size(ds) * 0.4)] AS low, ds[toInteger(size(ds) * 0.6)] AS high`,
    { tenant },
  );

  const cases: [string, RiskViewArgs][] = [
    ['default order (by id)', {}],
    ['verdict FLAGGED', { verdict: 'FLAGGED' }],
    ['flagKind XUAR_LOCATION', { flagKind: 'XUAR_LOCATION' }],
    [`importer (the largest, ${sample.importerId})`, { importerId: sample.importerId }],
    [`entry dates ${sample.low} to ${sample.high}`, { enteredFrom: sample.low, enteredTo: sample.high }],
    ['ordered by verdict', { orderBy: 'VERDICT' }],
    ['ordered by entry date', { orderBy: 'ENTRY_DATE' }],
  ];
  const rows: string[] = [];
  const pageMedians: number[] = [];
  for (const [name, args] of cases) {
    const ms: number[] = [];
    let matched = 0;
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      const page = await shipmentRisks(services.graph, tenant, version, {
        ...args,
        first: 100,
        after: i % 5 ? cursorAt((i % 5) * 100) : null,
      });
      ms.push(performance.now() - start);
      matched = page.total;
    }
    const s = spread(ms.slice(2)); // the first two warm the query plans
    pageMedians.push(s.median);
    rows.push(`| ${name} | ${matched.toLocaleString()} | ${fmt(s.median)} | ${fmt(s.p95)} |`);
  }
  const whole: number[] = [];
  let verdicts: Record<string, number> = {};
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    const page = await shipmentRisks(services.graph, tenant, version, { first: 10_000 });
    whole.push(performance.now() - start);
    verdicts = page.items.reduce((acc, i) => ({ ...acc, [i.verdict]: (acc[i.verdict] ?? 0) + 1 }), {} as Record<string, number>);
  }
  const today = new Date().toISOString().slice(0, 10);
  const live = await time(() => shipmentRisks(services.graph, tenant, version, { first: 10_000, asOf: today }));

  // the 1% import, first with the summaries not current (the hook only checks and stops: the
  // import's own write), then current (the hook judges the shipments the flows reach)
  const onePercent: [string, number, Awaited<ReturnType<typeof measureOnePercent>>][] = [];
  for (const [name, touch] of Object.entries(onePercentOf(chunks)))
    onePercent.push([name, touch.flows.length, await measureOnePercent(services, tenant, touch)]);
  if (!reuse) await deleteTenant(services, tenant);
  const w = spread(whole);
  const at = `${generate.flows.toLocaleString()} flows, ${total.toLocaleString()} shipments`;
  recordFigure('riskPageWorstMs', Math.max(...pageMedians), at);
  recordFigure('riskAllMs', w.median, at);
  const [spreadOut, clustered] = onePercent;
  recordFigure(
    'refreshOverWrite',
    spreadOut[2].ratio,
    `${at}, ${spreadOut[0]} (${spreadOut[1].toLocaleString()}) re-sent, reaching ${spreadOut[2].reached.toLocaleString()} shipments`,
  );
  recordFigure(
    'refreshOverWriteClustered',
    clustered[2].ratio,
    `${at}, ${clustered[0]} (${clustered[1].toLocaleString()}) re-sent, reaching ${clustered[2].reached.toLocaleString()} shipments`,
  );
  return [
    '### Batch risk view',
    '',
    `\`shipmentRisks\` over a tenant with ${total.toLocaleString()} shipments on ${generate.flows.toLocaleString()} generated flows (${generate.tiers} tiers, seed ${generate.seed}), ${reuse ? `loaded by ${reuse.by} (${reuse.tenant}) by online imports of ${reuse.chunk.toLocaleString()} flows each` : `loaded in ${fmt(loadS)} s by online imports of ${LOAD_CHUNK.toLocaleString()} flows each (summaries not kept while loading)`}, then the summaries not yet current judged in one transaction in ${fmt(judgeS)} s. With its default as-of the view reads the stored summaries (trace/summaries/), filtered and sorted in Cypher; \`asOf\` given, it judges live. Load average when the section started (1/5/15 min): ${load}.`,
    '',
    'Pages of 100 rows (18 timed of 20, pages 1 to 5 in turn):',
    '',
    '| page of 100 | rows matching | median ms | p95 ms |',
    '|---|---|---|---|',
    ...rows,
    '',
    `All ${total.toLocaleString()} rows: median ${fmt(w.median)} ms, p95 ${fmt(w.p95)} ms (5 calls); judged live (\`asOf\` given) ${fmt(live)} ms. Verdicts: ${Object.entries(
      verdicts,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
    `Imports re-sending 1% of the flows as they are: each first with the summaries not current (the hook checks and stops: the import's own write), then, after a rebuild, keeping them current (the summary refresh, before and after the write, is timed inside it): once with an empty trace cache (every party the refresh judges is read), then ${WARM_IMPORTS} times more in the same process, as a running service imports (each import leaves the parties it read in the cache, less those it changed). Target: the refresh within 2× the rest of the import; the figure is the median of the warm imports.`,
    '',
    '| flows re-sent | flows | shipments reached | load average | write alone ms | rebuilding every summary ms | empty cache: import ms | refresh ms | refresh ÷ rest | warm: import ms (median) | refresh ms (median) | refresh ÷ rest, each | median |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...onePercent.map(([name, n, m]) => {
      const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      return `| ${name} | ${n.toLocaleString()} | ${m.reached.toLocaleString()} | ${m.loadBefore} | ${fmt(m.writeOnly)} | ${fmt(m.rebuild)} | ${fmt(m.cold.total)} | ${fmt(m.cold.refresh)} | ${fmt(m.cold.ratio, 2)} | ${fmt(mid(m.warm.map((w) => w.total)))} | ${fmt(mid(m.warm.map((w) => w.refresh)))} | ${m.warm.map((w) => fmt(w.ratio, 2)).join(', ')} | ${fmt(m.ratio, 2)} |`;
    }),
    '',
  ].join('\n');
}
