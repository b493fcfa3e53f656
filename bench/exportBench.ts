// Tenant export memory and time (issue 21: "streams, so a 1M-flow tenant exports with bounded
// memory"): generated tenants of growing size, each exported by the real CLI
// (`src/cli/main.ts export`, as `npm run cli -- export` runs it) in a process of its own, whose
// peak RSS (getrusage's high-water mark, bench/peakRss.mjs) covers the whole run. Bounded memory
// shows as a peak that does not grow with the tenant.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Services } from '../src/services';
import { importBundle } from '../src/import';
import { generateBundleChunks } from '../src/generate/generator';
import { deleteTenant, fmt } from './measure';

// 20k flows per all-or-nothing import: a transaction that fits a small Neo4j heap (a 100k-flow one
// needs the bench's default 6 GB); how the tenant was imported does not change what its export reads
const CHUNK = 20_000;
const ROOT = join(__dirname, '..');

export interface ExportResult {
  size: number;
  seconds: number;
  peakRssMiB: number;
  cpuSeconds: number;
  zipMiB: number;
  load: string;
}

/** A generated tenant of `flows` flows (seed 1, as the import benchmark), imported chunk by chunk. */
async function generatedTenant(services: Services, flows: number): Promise<string> {
  const tenant = `export-${flows}-${Date.now().toString(36)}`;
  for (const chunk of generateBundleChunks({ flows, seed: 1, tiers: 10, shipments: Math.max(10, Math.round(flows / 100)) }, CHUNK))
    await importBundle(services, tenant, chunk);
  return tenant;
}

/** Runs `cli export` for the tenant in its own process; its wall time, peak RSS and CPU time. */
async function exportInChild(tenant: string, dir: string): Promise<Omit<ExportResult, 'size' | 'load'>> {
  const out = join(dir, `${tenant}.zip`);
  const peakFile = join(dir, `${tenant}.peak.json`);
  const started = performance.now();
  await promisify(execFile)(
    process.execPath,
    [
      '--import',
      join(ROOT, 'bench', 'peakRss.mjs'),
      '--import',
      'tsx',
      join(ROOT, 'src', 'cli', 'main.ts'),
      'export',
      '--tenant',
      tenant,
      out,
    ],
    // the CLI's own memory settings, not the benchmark's (which raises the heap limit for 1M-flow imports)
    { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '', PEAK_RSS_FILE: peakFile, LOG_LEVEL: 'warn' }, maxBuffer: 16 * 2 ** 20 },
  );
  const seconds = (performance.now() - started) / 1000;
  const peak = JSON.parse(readFileSync(peakFile, 'utf8')) as { maxRssKiB: number; userMs: number; systemMs: number };
  const zipMiB = statSync(out).size / 2 ** 20;
  rmSync(out, { force: true });
  return { seconds, peakRssMiB: peak.maxRssKiB / 1024, cpuSeconds: (peak.userMs + peak.systemMs) / 1000, zipMiB };
}

/**
 * Exports a tenant of each size (the import benchmark's tenants where it made one of that size,
 * otherwise one generated here and deleted after), smallest first.
 */
export async function benchExport(services: Services, sizes: number[], imported: { size: number; tenant: string }[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'uflpa-bench-export-'));
  const results: ExportResult[] = [];
  try {
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const existing = imported.find((t) => t.size === size)?.tenant;
      const started = performance.now();
      const tenant = existing ?? (await generatedTenant(services, size));
      if (!existing) console.log(`export bench: ${size.toLocaleString()} flows imported in ${fmt((performance.now() - started) / 1000)} s`);
      try {
        const r = {
          size,
          ...(await exportInChild(tenant, dir)),
          load: loadavg()
            .map((l) => l.toFixed(1))
            .join(' '),
        };
        results.push(r);
        console.log(`export bench: ${JSON.stringify(r)}`);
      } finally {
        if (!existing) await deleteTenant(services, tenant);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const lines = [
    '### Tenant export: memory and time',
    '',
    `Generated tenants (\`generateBundleChunks\`, seed 1, 10 tiers, one shipment per 100 flows, imported ${CHUNK.toLocaleString()} flows at a time), each exported to a ZIP by \`src/cli/main.ts export\` (what \`npm run cli -- export\` runs) in a process of its own; its peak RSS is getrusage's high-water mark over the whole run (start-up, Entity List, export), read by \`bench/peakRss.mjs\`. Target: bounded memory, a peak that does not grow with the tenant. Load average (1, 5, 15 min) at the end of each export, as the machine is shared.`,
    '',
    '| flows | export s | flows/s | CPU s | ZIP MiB | peak RSS of the CLI (MiB) | load |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.size.toLocaleString()} | ${fmt(r.seconds)} | ${fmt(r.size / r.seconds, 0)} | ${fmt(r.cpuSeconds)} | ${fmt(r.zipMiB)} | ${fmt(r.peakRssMiB, 0)} | ${r.load} |`,
    ),
    '',
  ];
  if (results.length > 1) {
    const [small, large] = [results[0], results[results.length - 1]];
    lines.push(
      `- ${fmt(large.size / small.size, 0)}× the flows: peak RSS ${fmt(small.peakRssMiB, 0)} → ${fmt(large.peakRssMiB, 0)} MiB (${fmt(large.peakRssMiB / small.peakRssMiB, 2)}×), time ${fmt(large.seconds / small.seconds, 1)}×.`,
      '',
    );
  }
  return { markdown: lines.join('\n'), results };
}
