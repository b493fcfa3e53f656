// Spreadsheet import beside JSON (issue 18): the same generated 100,000-flow supply chain
// imported from a JSON bundle file and from an .xlsx workbook file, each into a fresh tenant,
// each timed from the file on disk to the committed import, with the process's peak memory.
// Target: the workbook within 1.5x the bundle's time.
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../src/services';
import { importBundle } from '../src/import';
import { importWorkbook, readWorkbookPath, writeWorkbook } from '../src/import/workbook';
import { generateBundleChunks } from '../src/generate/generator';
import type { Bundle } from '../src/model/bundle';
import { deleteTenant, fmt, withPeakMemory } from './measure';

const WARM_UP_FLOWS = 2_000;

async function writeFiles(dir: string, name: string, bundle: Bundle): Promise<{ json: string; xlsx: string }> {
  const json = join(dir, `${name}.json`);
  const xlsx = join(dir, `${name}.xlsx`);
  writeFileSync(json, JSON.stringify(bundle));
  const out = createWriteStream(xlsx);
  const closed = new Promise<void>((resolve, reject) => out.on('close', () => resolve()).on('error', reject));
  await writeWorkbook(out, bundle);
  await closed;
  return { json, xlsx };
}

const onlyChunk = (flows: number, seed: number, shipments: number): Bundle => {
  const [chunk] = [...generateBundleChunks({ flows, seed, tiers: 10, shipments }, flows)];
  return chunk;
};

export async function benchWorkbook(services: Services, flows = 100_000): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'uflpa-bench-workbook-'));
  try {
    // warm-up, unmeasured: query plans, JIT and page cache for both paths
    const warm = await writeFiles(dir, 'warm', onlyChunk(WARM_UP_FLOWS, 2, 20));
    const stamp = Date.now().toString(36);
    await importBundle(services, `wbwarm-json-${stamp}`, JSON.parse(readFileSync(warm.json, 'utf8')));
    await importWorkbook(services, `wbwarm-xlsx-${stamp}`, await readWorkbookPath(warm.xlsx));
    await deleteTenant(services, `wbwarm-json-${stamp}`);
    await deleteTenant(services, `wbwarm-xlsx-${stamp}`);

    const bundle = onlyChunk(flows, 1, Math.max(10, Math.round(flows / 100)));
    const records = Object.values(bundle).reduce((n: number, v) => n + (Array.isArray(v) ? v.length : 0), 0);
    const files = await writeFiles(dir, 'gen', bundle);
    // Each import runs into the same database state (the tenant before is deleted first), and the
    // two kinds run twice in opposite orders (JSON, workbook, workbook, JSON), so neither gains
    // from a warmer cache or loses to a busier machine; the ratio is of the sums.
    let readMs = 0;
    const runJson = async (round: number) => {
      const tenant = `wb-json-${flows}-${stamp}-${round}`;
      const r = await withPeakMemory(async () => importBundle(services, tenant, JSON.parse(readFileSync(files.json, 'utf8'))));
      await deleteTenant(services, tenant);
      return r;
    };
    const runXlsx = async (round: number) => {
      const tenant = `wb-xlsx-${flows}-${stamp}-${round}`;
      const r = await withPeakMemory(async () => {
        const started = performance.now();
        const content = await readWorkbookPath(files.xlsx);
        readMs += performance.now() - started;
        return importWorkbook(services, tenant, content);
      });
      await deleteTenant(services, tenant);
      return r;
    };
    const json1 = await runJson(1);
    const xlsx1 = await runXlsx(1);
    const xlsx2 = await runXlsx(2);
    const json2 = await runJson(2);
    for (const x of [xlsx1, xlsx2, json2])
      if (JSON.stringify(json1.result) !== JSON.stringify(x.result))
        throw new Error(`counts differ: ${JSON.stringify(json1.result)} vs ${JSON.stringify(x.result)}`);
    const json = {
      ms: json1.ms + json2.ms,
      peakRssMiB: Math.max(json1.peakRssMiB, json2.peakRssMiB),
      peakHeapMiB: Math.max(json1.peakHeapMiB, json2.peakHeapMiB),
    };
    const xlsx = {
      ms: xlsx1.ms + xlsx2.ms,
      peakRssMiB: Math.max(xlsx1.peakRssMiB, xlsx2.peakRssMiB),
      peakHeapMiB: Math.max(xlsx1.peakHeapMiB, xlsx2.peakHeapMiB),
    };
    const each = `JSON ${fmt(json1.ms / 1000)} s then ${fmt(json2.ms / 1000)} s; workbook ${fmt(xlsx1.ms / 1000)} s then ${fmt(xlsx2.ms / 1000)} s`;
    const mib = (path: string) => fmt(statSync(path).size / 2 ** 20);
    const ratio = xlsx.ms / json.ms;
    return [
      '### Workbook import beside the JSON bundle',
      '',
      `One generated supply chain (\`generateBundleChunks\`, seed 1, ${flows.toLocaleString()} flows, ${records.toLocaleString()} records in all) imported twice into fresh tenants: from a JSON bundle file (read, \`JSON.parse\`, \`importBundle\`) and from the same data as an .xlsx workbook (\`writeWorkbook\`: dates as date cells, lists joined with ";"; read with \`readWorkbookPath\`, then \`importWorkbook\`). Each time runs from the file on disk to the committed import, screening included; each kind runs twice, in the order JSON, workbook, workbook, JSON, every tenant deleted before the next import, and the table gives the sums. A ${WARM_UP_FLOWS.toLocaleString()}-flow import of each kind, unmeasured and deleted, warms the process and the database first. Target: the workbook within 1.5× the bundle.`,
      '',
      '| input | file MiB | s | of which reading the file s | ÷ JSON | peak RSS of Node (MiB) | peak heap (MiB) |',
      '|---|---|---|---|---|---|---|',
      `| JSON bundle | ${mib(files.json)} | ${fmt(json.ms / 1000)} | | 1.00 | ${fmt(json.peakRssMiB, 0)} | ${fmt(json.peakHeapMiB, 0)} |`,
      `| .xlsx workbook | ${mib(files.xlsx)} | ${fmt(xlsx.ms / 1000)} | ${fmt(readMs / 1000)} | ${fmt(ratio, 2)} | ${fmt(xlsx.peakRssMiB, 0)} | ${fmt(xlsx.peakHeapMiB, 0)} |`,
      '',
      `- ${ratio <= 1.5 ? 'Within' : 'Over'} the 1.5× target (${fmt(ratio, 2)}×). Each run: ${each}.`,
      '',
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
