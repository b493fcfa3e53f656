// npm run bench [-- --sizes 10000,100000 --bulk-sizes 100000,1000000 --bulk-probe 1000000 --skip screening,graphql,workbook,search,bulk --trace-samples 50 --trace-warmup 30
//                   --workbook-flows 100000 --search-firms 180000 --search-warmup 1 --export-sizes 100000,1000000 --only export]
// Sections: screening, import, bulk, floor, workbook, trace, risk, graphql, search, export, soak; --only runs the ones it names.
// BENCH_TENANT=bench-<flows>-<stamp> gives trace and graphql an earlier run's import tenant; RISK_BENCH_TENANT the risk section's.
// (default sizes 10k, 100k and 1M flows: about 95 minutes on 2 cores, 1M import and its floor being most of it)
// One run measures everything below against the Neo4j that scripts/run.mjs started, and
// appends a section to BENCHMARKS.md with the machine, versions and exact command.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger, createServices } from '../src/app';
import type { Services } from '../src/services';
import { benchImport, CHUNK, importGenerateOptions, importedSize } from './importBench';
import { benchBulk, type BulkResult } from './bulkBench';
import { benchWorkbook } from './workbookBench';
import { benchTrace, TraceSizeResult } from './traceBench';
import { fmt } from './measure';
import { benchRiskView } from './riskViewBench';
import { benchGraphql } from './graphqlBench';
import { benchSearch } from './searchBench';
import { benchExport } from './exportBench';
import { runSoak } from './soak';
import { earlierOnlineImport, recordFigure, recordOnlineImport, TARGETS, targetsTable } from './figures';
import { version as driverVersion } from 'neo4j-driver/package.json';

const SECTIONS = ['screening', 'import', 'floor', 'bulk', 'workbook', 'trace', 'risk', 'graphql', 'search', 'export', 'soak'];

function args() {
  const a = process.argv.slice(2);
  const get = (name: string, fallback: string) => {
    const i = a.indexOf(`--${name}`);
    return i >= 0 ? a[i + 1] : fallback;
  };
  const list = (name: string) => get(name, '').split(',').filter(Boolean);
  for (const name of [...list('only'), ...list('skip')])
    if (!SECTIONS.includes(name)) throw new Error(`unknown bench section "${name}"; the sections are ${SECTIONS.join(', ')}`);
  const only = list('only');
  const sizes = get('sizes', '10000,100000,1000000').split(',').map(Number);
  return {
    sizes,
    skip: new Set(only.length ? SECTIONS.filter((s) => !only.includes(s)) : list('skip')),
    // the export section reuses the import section's tenants of these sizes, and imports the others itself
    exportSizes: get('export-sizes', sizes.join(',')).split(',').map(Number),
    traceSamples: Number(get('trace-samples', '40')),
    // rounds over the sample before timing: a just-started Neo4j (BENCH_TENANT) has not compiled its queries' hot paths yet
    traceWarmup: Number(get('trace-warmup', '0')),
    riskShipments: Number(get('risk-shipments', '10000')),
    // the issue's target is 1M flows; 5 flows a shipment unless named
    riskFlows: Number(get('risk-flows', '0')) || undefined,
    // long enough for well over 10,000 requests at the soak's usual 50 req/s
    soakSeconds: Number(get('soak-seconds', '240')),
    workbookFlows: Number(get('workbook-flows', '100000')),
    // the issue's target size: the firms of a 1M-flow tenant
    searchFirms: Number(get('search-firms', '180000')),
    // rounds of other firms' texts before the timed searches (a just-started Neo4j compiles the search first)
    searchWarmup: Number(get('search-warmup', '1')),
    // bulk loads (each into a store of its own): the import sizes unless named
    bulkSizes: get('bulk-sizes', '').split(',').filter(Boolean).map(Number),
    // bulk sizes whose loaded store is traced, viewed and searched before it is removed
    bulkProbe: get('bulk-probe', '').split(',').filter(Boolean).map(Number),
  };
}

/** How each cost grows with the graph: one row per size, and the factor per tenfold. */
function growthTable(
  imports: { size: number; serviceS: number; floorS: number; peakRssMiB: number }[],
  traces: TraceSizeResult[],
  bulk: BulkResult[],
): string {
  const lines = [
    '### Growth with graph size',
    '',
    'The same runs as above, side by side. Import time per flow should stay flat (each chunk is one transaction of the same size); trace time should follow the traced upstream, not the graph.',
    '',
    '| flows | import s | import µs per flow | floor µs per flow | bulk load s | bulk µs per flow (without start) | trace median ms | trace p99 ms | raw median ms |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const sizes = [...new Set([...imports.map((i) => i.size), ...bulk.map((b) => b.size)])].sort((a, b) => a - b);
  for (const size of sizes) {
    const i = imports.find((x) => x.size === size);
    const b = bulk.find((x) => x.size === size);
    // a size only bulk-loaded is traced on its own store (the bulk section's probe)
    const t = traces.find((x) => x.size === size) ?? b?.probe?.trace;
    lines.push(
      `| ${size.toLocaleString()} | ${i ? fmt(i.serviceS) : 'n/a'} | ${i ? fmt((i.serviceS * 1e6) / size, 0) : 'n/a'} | ${i ? fmt((i.floorS * 1e6) / size, 0) : 'n/a'} | ${b ? fmt(b.totalS) : 'n/a'} | ${b ? fmt(((b.totalS - b.stages.startS) * 1e6) / size, 0) : 'n/a'} | ${t ? fmt(t.serviceMedian) : 'n/a'} | ${t ? fmt(t.serviceP99) : 'n/a'} | ${t ? fmt(t.rawMedian) : 'n/a'} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

async function neo4jVersion(services: Services): Promise<string> {
  const [row] = await services.graph.read<{ versions: string[] }>('CALL dbms.components() YIELD versions RETURN versions');
  return row?.versions?.[0] ?? 'unknown';
}

async function main() {
  const opts = args();
  const config = loadConfig();
  const services = await createServices(config, createLogger({ logLevel: 'warn' }));
  const sections: string[] = [];
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  sections.push(
    `## Run of ${new Date().toISOString()}`,
    '',
    `- command: \`${command}\``,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}`,
    `- versions: Node ${process.version}, Neo4j ${await neo4jVersion(services)} (${process.env.NEO4J_HEAP ? `local launcher, heap ${process.env.NEO4J_HEAP}, page cache ${process.env.NEO4J_PAGECACHE}` : `server at ${process.env.NEO4J_URI}`}), neo4j-driver ${driverVersion}`,
    '',
  );
  const log = (s: string) => {
    console.log(s);
    sections.push(s);
  };
  try {
    if (!opts.skip.has('screening')) {
      const { runScreeningBench } = await import('./screening');
      log(await runScreeningBench());
    }
    const tenants: { size: number; tenant: string }[] = [];
    let imports: Awaited<ReturnType<typeof benchImport>>['results'] = [];
    let traces: TraceSizeResult[] = [];
    if (!opts.skip.has('import')) {
      const res = await benchImport(services, opts.sizes, { floor: !opts.skip.has('floor') });
      log(res.markdown);
      tenants.push(...res.tenants);
      imports = res.results;
      for (const i of imports) recordOnlineImport(i.size, i.serviceS);
      const largest = imports[imports.length - 1];
      if (largest) recordFigure('onlineFlowsPerS', largest.size / largest.serviceS, `${largest.size.toLocaleString()} flows`);
    }
    // BENCH_TENANT: an earlier run's import tenant (bench-<flows>-<stamp>) for the sections that read one
    // (trace, graphql), so they can be measured again without importing the flows again
    const earlierSize = importedSize(process.env.BENCH_TENANT);
    if (!tenants.length && earlierSize) {
      tenants.push({ size: earlierSize, tenant: process.env.BENCH_TENANT! });
      log(`The sections below read ${process.env.BENCH_TENANT}, the tenant an earlier run's import section loaded (BENCH_TENANT).\n`);
    }
    if (!opts.skip.has('workbook')) log(await benchWorkbook(services, opts.workbookFlows));
    if (!opts.skip.has('trace') && tenants.length) {
      const res = await benchTrace(services, tenants, opts.traceSamples, opts.traceWarmup);
      log(res.markdown);
      traces = res.results;
      const largest = traces[traces.length - 1];
      if (largest) {
        recordFigure('traceMedianMs', largest.serviceMedian, `${largest.size.toLocaleString()} flows`);
        recordFigure('traceOverRaw', largest.serviceMedian / largest.rawMedian, `${largest.size.toLocaleString()} flows`);
      }
    }
    if (!opts.skip.has('risk')) {
      // the import section's tenant when it has the sizes asked (1M flows carry 10,000 shipments): loading them again would double the run
      const imported = tenants.find(
        (t) => importGenerateOptions(t.size).shipments === opts.riskShipments && (opts.riskFlows ?? t.size) === t.size,
      );
      const earlier = process.env.RISK_BENCH_TENANT;
      const flows = opts.riskFlows ?? opts.riskShipments * 5;
      // an import section's tenant is named bench-<flows>-<stamp>; any other was loaded by this section
      const importedEarlier = importedSize(earlier);
      const reuse = importedEarlier
        ? {
            tenant: earlier!,
            generate: importGenerateOptions(importedEarlier),
            chunk: CHUNK,
            by: "an earlier run's import section",
          }
        : earlier
          ? { tenant: earlier, generate: { flows, seed: 7, tiers: 8, shipments: opts.riskShipments }, chunk: 20_000, by: 'an earlier run' }
          : imported && { tenant: imported.tenant, generate: importGenerateOptions(imported.size), chunk: CHUNK, by: 'the import section' };
      log(await benchRiskView(services, opts.riskShipments, flows, reuse || undefined));
    }
    if (!opts.skip.has('search')) log(await benchSearch(services, { firms: opts.searchFirms, warmup: opts.searchWarmup }));
    if (!opts.skip.has('graphql') && tenants.length) log(await benchGraphql(services, tenants[tenants.length - 1].tenant));
    // the bulk loads last: each starts a Neo4j of its own beside this one, and the largest may not fit
    let bulk: BulkResult[] = [];
    const bulkSizes = opts.bulkSizes.length ? opts.bulkSizes : opts.sizes;
    if (!opts.skip.has('bulk')) {
      // a size this run did not import online is compared with the last run that did (named in the table)
      const online = bulkSizes.flatMap((size) => {
        const here = imports.find((i) => i.size === size);
        const earlier = here ? undefined : earlierOnlineImport(size);
        return here ? [{ size, serviceS: here.serviceS }] : earlier ? [{ size, serviceS: earlier.serviceS, run: earlier.run }] : [];
      });
      const res = await benchBulk(bulkSizes, online, { sizes: opts.bulkProbe, traceSamples: opts.traceSamples });
      log(res.markdown);
      bulk = res.results;
      const both = bulk.filter((b) => online.some((i) => i.size === b.size)).at(-1);
      const o = both && online.find((i) => i.size === both.size);
      if (both && o)
        recordFigure(
          'bulkOverOnline',
          both.size / (both.totalS - both.stages.startS) / (both.size / o.serviceS),
          `${both.size.toLocaleString()} flows, without Neo4j's start${'run' in o ? `; online import of the run of ${o.run}` : ''}`,
        );
    }
    if (imports.length + bulk.length > 1) log(growthTable(imports, traces, bulk));
    if (!opts.skip.has('export')) log((await benchExport(services, opts.exportSizes, tenants)).markdown);
    if (!opts.skip.has('soak')) log(await runSoak(services, { seconds: opts.soakSeconds, connections: 8 }));
    const largest = Math.max(0, ...imports.map((i) => i.size), ...bulk.map((b) => b.size));
    const asked = Math.max(0, ...(opts.skip.has('import') ? [] : opts.sizes), ...(opts.skip.has('bulk') ? [] : bulkSizes));
    // a run that asked for less than the target says nothing of the largest graph this machine
    // holds, unless a size it asked for failed
    if (largest && (TARGETS.largestFlows.met(largest) || asked > largest))
      recordFigure('largestFlows', largest, bulk.some((b) => b.size === largest) ? 'bulk load' : 'online import');
  } catch (e) {
    // what was measured before the failure is kept: a long run should not lose its first hour
    log(`\n**The run stopped here:** ${(e as Error).message.split('\n')[0]}\n`);
    console.error((e as Error).stack);
    process.exitCode = 1;
  } finally {
    await services.graph.close();
  }
  log(targetsTable(new Date().toISOString()));
  const file = join(__dirname, '..', 'BENCHMARKS.md');
  if (!existsSync(file)) writeFileSync(file, '# Benchmarks\n\nEach section is one run of `npm run bench`, appended by bench/run.ts.\n\n');
  appendFileSync(file, `${sections.join('\n')}\n\n`);
  console.log(`appended to ${file}`);
  process.exit(process.exitCode ?? 0);
}

main().catch((e) => {
  console.error(`bench failed: ${(e as Error).stack}`);
  process.exit(1);
});
