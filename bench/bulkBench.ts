// Bulk load (npm run bulk-load: scripts/bulkLoad.mjs) beside the online import: the same
// generated chunks (seed 1, as importBench.ts generates them) written as chunk files, then
// loaded offline into a Neo4j home of the bench's own (neo4j-admin needs a stopped store; the
// bench's running Neo4j is left alone). The time counts every stage a user waits for:
// validating and writing the CSV files, neo4j-admin, starting Neo4j, and the online finish
// (migrations, Entity List, screening every firm, duplicate candidates).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { generateBundleChunks } from '../src/generate/generator';
import { CHUNK, importGenerateOptions } from './importBench';
import { writeChunks } from '../src/generate/write';
import { fmt } from './measure';
import { probeBulkStore, probeTable, type ProbeResult } from './bulkProbe';

const ROOT = join(__dirname, '..');

export interface BulkResult {
  size: number;
  totalS: number;
  stages: { prepareS: number; importS: number; startS: number; finishS: number };
  /** the finish's steps, from its log */
  finishSteps: FinishStep[];
  loadAverage: number;
  /** trace, risk view and search measured on the loaded store (the sizes asked for) */
  probe?: ProbeResult;
}

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

/** The finish's milestones as src/cli/bulkLoad.ts logs them, each with the seconds since the finish began. */
export const FINISH_MILESTONES = [
  ['migrations and Entity List', /store ready \(.*\) in ([\d.]+) s/g],
  ['screening', /screened [\d,]+ of [\d,]+ firms \(([\d.]+) s\)/g],
  ['duplicate firms', /compared [\d,]+ firms for duplicates \(([\d.]+) s\)/g],
  ['duplicate facilities', /compared [\d,]+ facilities for duplicates \(([\d.]+) s\)/g],
  ['data version and audit', /data version set and import audited \(([\d.]+) s\)/g],
  ['summaries', /shipments' summaries stored \(([\d.]+) s\)/g],
] as const;

export interface FinishStep {
  step: string;
  s: number;
}

/** Seconds per step of the finish, from its log: each milestone's last mention less the one before (a step that logged nothing: 0). */
export function finishSteps(out: string): FinishStep[] {
  let before = 0;
  return FINISH_MILESTONES.map(([step, re]) => {
    const at = [...out.matchAll(re)].map((m) => Number(m[1])).at(-1) ?? before;
    const s = Math.max(0, at - before);
    before = Math.max(before, at);
    return { step, s };
  });
}

async function bulkLoadOnce(input: string, home: string): Promise<Pick<BulkResult, 'stages' | 'finishSteps'>> {
  const port = await freePort();
  let out = '';
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/bulkLoad.mjs', input, '--tenant', 'bulk-bench', '--overwrite'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NEO4J_URI: '',
        NEO4J_HOME_DIR: home,
        NEO4J_BOLT_PORT: String(port),
        NEO4J_HEAP: process.env.BULK_NEO4J_HEAP || '4g',
        NEO4J_PAGECACHE: process.env.BULK_NEO4J_PAGECACHE || '2g',
        NODE_OPTIONS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d: Buffer) => {
      out = (out + d.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (c) => resolve(c ?? 1));
  });
  const m = /done: (\{.*\})/.exec(out);
  if (code !== 0 || !m) throw new Error(`bulk load failed (exit ${code}):\n${out.slice(-4000)}`);
  return { stages: JSON.parse(m[1]) as BulkResult['stages'], finishSteps: finishSteps(out) };
}

export async function benchBulk(
  sizes: number[],
  online: { size: number; serviceS: number; run?: string }[],
  probe: { sizes: number[]; traceSamples: number } = { sizes: [], traceSamples: 40 },
) {
  const lines = [
    '### Bulk load',
    '',
    `\`npm run bulk-load\` of the import section's generated data (seed 1, chunk files of ${CHUNK.toLocaleString()} flows) into an empty store of its own: validation and CSV files, \`neo4j-admin database import\`, starting Neo4j, and the online finish (constraints and indexes, Entity List, screening every firm, duplicate candidates). "without start" leaves out Neo4j's start-up, which does not grow with the data.`,
    '',
    '| flows | total s | flows/s | validate + CSV s | neo4j-admin s | Neo4j start s | finish s | flows/s without start | online import flows/s | bulk ÷ online (without start) | load average |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const results: BulkResult[] = [];
  const probeFailures: string[] = [];
  for (const size of sizes) {
    const work = mkdtempSync(join(tmpdir(), 'uflpa-bulk-bench-'));
    try {
      const chunks = join(work, 'chunks');
      writeChunks(generateBundleChunks(importGenerateOptions(size), CHUNK), chunks);
      const started = performance.now();
      let loaded: Pick<BulkResult, 'stages' | 'finishSteps'>;
      try {
        loaded = await bulkLoadOnce(chunks, join(work, 'neo4j-home'));
      } catch (e) {
        // a size this machine cannot hold is a row of the table, not the end of the run
        const message = (e as Error).message;
        const reason = (/bulk load failed: ([^\n]+)/.exec(message)?.[1] ?? message.split('\n')[0]).replace(/\|/g, '/');
        lines.push(
          `| ${size.toLocaleString()} | failed after ${fmt((performance.now() - started) / 1000)} s: ${reason} | | | | | | | | | ${fmt(loadavg()[0])} |`,
        );
        console.log(lines[lines.length - 1], (e as Error).message.slice(-3000));
        continue;
      }
      const totalS = (performance.now() - started) / 1000;
      const { stages } = loaded;
      const r: BulkResult = { size, totalS, ...loaded, loadAverage: loadavg()[0] };
      results.push(r);
      if (probe.sizes.includes(size))
        try {
          r.probe = await probeBulkStore(join(work, 'neo4j-home'), await freePort(), 'bulk-bench', size, probe.traceSamples);
        } catch (e) {
          probeFailures.push(`the probe of ${size.toLocaleString()} flows failed: ${(e as Error).message.split('\n')[0]}`);
          console.log(probeFailures.at(-1), (e as Error).message.slice(-3000));
        }
      const without = totalS - stages.startS;
      const o = online.find((x) => x.size === size);
      const onlineRate = o ? size / o.serviceS : NaN;
      lines.push(
        `| ${size.toLocaleString()} | ${fmt(totalS)} | ${fmt(size / totalS, 0)} | ${fmt(stages.prepareS)} | ${fmt(stages.importS)} | ${fmt(stages.startS)} | ${fmt(stages.finishS)} | ${fmt(size / without, 0)} | ${o ? `${fmt(onlineRate, 0)}${o.run ? ` (run of ${o.run})` : ''}` : 'n/a'} | ${o ? fmt(size / without / onlineRate, 1) : 'n/a'} | ${fmt(r.loadAverage)} |`,
      );
      console.log(lines[lines.length - 1]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  lines.push('');
  if (results.length)
    lines.push(
      `The finish's steps (s): ${results.map((r) => `${r.size.toLocaleString()} flows: ${r.finishSteps.map((f) => `${f.step} ${fmt(f.s)}`).join(', ')}`).join('; ')}.`,
      '',
    );
  const probed = results.flatMap((r) => (r.probe ? [{ size: r.size, probe: r.probe }] : []));
  if (probed.length) lines.push(probeTable(probed));
  for (const failure of probeFailures) lines.push(`${failure}.`, '');
  return { markdown: lines.join('\n'), results };
}
