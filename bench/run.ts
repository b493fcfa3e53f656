// npm run bench [-- --sizes 10000,100000 --skip screening,graphql,workbook,search --trace-samples 50 --workbook-flows 100000 --search-firms 180000]
// (default sizes 10k, 100k and 1M flows: about 95 minutes on 2 cores, 1M import and its floor being most of it)
// One run measures everything below against the Neo4j that scripts/run.mjs started, and
// appends a section to BENCHMARKS.md with the machine, versions and exact command.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger, createServices } from '../src/app';
import type { Services } from '../src/services';
import { benchImport } from './importBench';
import { benchWorkbook } from './workbookBench';
import { benchTrace, TraceSizeResult } from './traceBench';
import { fmt } from './measure';
import { benchRiskView } from './riskViewBench';
import { benchGraphql } from './graphqlBench';
import { benchSearch } from './searchBench';
import { runSoak } from './soak';
import { version as driverVersion } from 'neo4j-driver/package.json';

function args() {
  const a = process.argv.slice(2);
  const get = (name: string, fallback: string) => {
    const i = a.indexOf(`--${name}`);
    return i >= 0 ? a[i + 1] : fallback;
  };
  return {
    sizes: get('sizes', '10000,100000,1000000').split(',').map(Number),
    skip: new Set(get('skip', '').split(',').filter(Boolean)),
    traceSamples: Number(get('trace-samples', '40')),
    riskShipments: Number(get('risk-shipments', '10000')),
    // long enough for well over 10,000 requests at the soak's usual 50 req/s
    soakSeconds: Number(get('soak-seconds', '240')),
    workbookFlows: Number(get('workbook-flows', '100000')),
    // the issue's target size: the firms of a 1M-flow tenant
    searchFirms: Number(get('search-firms', '180000')),
  };
}

/** How each cost grows with the graph: one row per size, and the factor per tenfold. */
function growthTable(imports: { size: number; serviceS: number; floorS: number; peakRssMiB: number }[], traces: TraceSizeResult[]): string {
  const lines = [
    '### Growth with graph size',
    '',
    'The same runs as above, side by side. Import time per flow should stay flat (each chunk is one transaction of the same size); trace time should follow the traced upstream, not the graph.',
    '',
    '| flows | import s | import µs per flow | floor µs per flow | trace median ms | trace p99 ms | raw median ms |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const i of imports) {
    const t = traces.find((x) => x.size === i.size);
    lines.push(
      `| ${i.size.toLocaleString()} | ${fmt(i.serviceS)} | ${fmt((i.serviceS * 1e6) / i.size, 0)} | ${fmt((i.floorS * 1e6) / i.size, 0)} | ${t ? fmt(t.serviceMedian) : 'n/a'} | ${t ? fmt(t.serviceP99) : 'n/a'} | ${t ? fmt(t.rawMedian) : 'n/a'} |`,
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
      const res = await benchImport(services, opts.sizes);
      log(res.markdown);
      tenants.push(...res.tenants);
      imports = res.results;
    }
    if (!opts.skip.has('workbook')) log(await benchWorkbook(services, opts.workbookFlows));
    if (!opts.skip.has('trace') && tenants.length) {
      const res = await benchTrace(services, tenants, opts.traceSamples);
      log(res.markdown);
      traces = res.results;
    }
    if (imports.length > 1) log(growthTable(imports, traces));
    if (!opts.skip.has('risk')) log(await benchRiskView(services, opts.riskShipments));
    if (!opts.skip.has('search')) log(await benchSearch(services, opts.searchFirms));
    if (!opts.skip.has('graphql') && tenants.length) log(await benchGraphql(services, tenants[tenants.length - 1].tenant));
    if (!opts.skip.has('soak')) log(await runSoak(services, { seconds: opts.soakSeconds, connections: 8 }));
  } finally {
    await services.graph.close();
  }
  const file = join(__dirname, '..', 'BENCHMARKS.md');
  if (!existsSync(file)) writeFileSync(file, '# Benchmarks\n\nEach section is one run of `npm run bench`, appended by bench/run.ts.\n\n');
  appendFileSync(file, `${sections.join('\n')}\n\n`);
  console.log(`appended to ${file}`);
  process.exit(0);
}

main().catch((e) => {
  console.error(`bench failed: ${(e as Error).stack}`);
  process.exit(1);
});
