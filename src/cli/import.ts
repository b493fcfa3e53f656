// npm run import -- <suppliers.xlsx | folder or .zip of CSV files | bundle.json | folder of chunk-*.json> [--tenant T]
// Imports a workbook (shared/product/workbook-format.md: an .xlsx, a folder or ZIP of CSV
// files), one bundle, or a folder of chunk files in name order (each chunk is one
// all-or-nothing import that may refer to ids of earlier chunks). Progress bar on a TTY.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { createLogger, createServices } from '../app';
import { loadConfig } from '../config';
import { importBundle, BundleValidationError } from '../import';
import { describePlaced, importWorkbook, readWorkbookPath, WorkbookReadError, WorkbookValidationError } from '../import/workbook';

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let tenant = process.env.TENANT || 'default';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--tenant') tenant = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: npm run import -- <suppliers.xlsx | CSV folder | CSV .zip | bundle.json | chunk folder> [--tenant NAME]');
      process.exit(0);
    } else files.push(argv[i]);
  }
  if (!files.length) throw new Error('name a workbook, a CSV folder or ZIP, or a bundle: npm run import -- suppliers.xlsx');
  return { files, tenant };
}

/** A workbook, a ZIP or folder of CSV files, or one CSV file: imported as one workbook. */
const isWorkbook = (path: string) =>
  /\.(xlsx|xlsm|zip|csv)$/i.test(path) || (statSync(path).isDirectory() && readdirSync(path).some((f) => /\.csv$/i.test(f)));

function expand(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })) throw new Error(`no such file or folder: ${path}`);
  if (!statSync(path).isDirectory() || isWorkbook(path)) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(path, f));
}

async function main() {
  const { files, tenant } = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const services = await createServices(config, createLogger({ logLevel: 'warn' }));
  const paths = files.flatMap(expand);
  const bar = process.stdout.isTTY
    ? new cliProgress.SingleBar(
        { format: ' {file} [{bar}] {percentage}% | {value}/{total} rows | {duration}s' },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let failed = false;
  for (const path of paths) {
    const started = Date.now();
    let barStarted = false;
    const onProgress = (done: number, total: number) => {
      if (!bar) return;
      if (!barStarted) {
        bar.start(total, 0, { file: path });
        barStarted = true;
      }
      bar.update(done, { file: path });
    };
    try {
      let report;
      if (isWorkbook(path)) {
        console.log(`${path}: reading the workbook`);
        const content = await readWorkbookPath(path, { onRows: (n) => process.stdout.isTTY && process.stdout.write(`\r  ${n} rows read`) });
        if (process.stdout.isTTY) process.stdout.write('\r');
        report = await importWorkbook(services, tenant, content, { actor: 'cli', onProgress });
      } else {
        let raw: unknown;
        try {
          raw = JSON.parse(readFileSync(path, 'utf8'));
        } catch (e) {
          console.error(`${path}: not valid JSON: ${(e as Error).message}`);
          failed = true;
          break;
        }
        report = await importBundle(services, tenant, raw, { actor: 'cli', onProgress });
      }
      if (barStarted) bar?.stop();
      console.log(
        `${path}: imported into tenant "${tenant}" in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(report)}`,
      );
      const { duplicateFirmCandidates: firms, duplicateFacilityCandidates: facilities } = report;
      if (firms || facilities) {
        console.log(
          `  to review: ${firms} new duplicate-firm and ${facilities} new duplicate-facility candidate(s) (the explorer's Duplicates view, or duplicateFirms / duplicateFacilities)`,
        );
      }
    } catch (e) {
      if (barStarted) bar?.stop();
      if (e instanceof WorkbookValidationError) {
        console.error(`${path}: rejected, nothing was written. ${e.countStopped ? 'more than ' : ''}${e.total} error(s):`);
        for (const err of e.errors.slice(0, 200)) console.error(`  ${describePlaced(err)}`);
        if (e.total > 200) console.error(`  ... and ${e.total - 200} more`);
      } else if (e instanceof WorkbookReadError) console.error(`${path}: not imported: ${e.message}`);
      else if (e instanceof BundleValidationError) {
        const all = `${e.countStopped ? 'more than ' : ''}${e.total}`;
        console.error(`${path}: rejected, nothing was written. ${all} error(s):`);
        for (const err of e.errors.slice(0, 200)) console.error(`  ${err.path}: ${err.message}`);
        if (e.total > 200) console.error(`  ... and ${e.countStopped ? 'more than ' : ''}${e.total - Math.min(200, e.errors.length)} more`);
      } else console.error(`${path}: import failed, nothing was written: ${(e as Error).message}`);
      failed = true;
      break;
    }
  }
  await services.graph.close();
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`import failed: ${(e as Error).message}`);
  process.exit(1);
});
