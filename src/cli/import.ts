// npm run import -- <bundle.json | folder of chunk-*.json> [--tenant T]
// Imports one bundle, or a folder of chunk files in name order (each chunk is one
// all-or-nothing import that may refer to ids of earlier chunks). Progress bar on a TTY.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { createLogger, createServices } from '../app';
import { loadConfig } from '../config';
import { importBundle, BundleValidationError } from '../import';

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let tenant = process.env.TENANT || 'default';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--tenant') tenant = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: npm run import -- <bundle.json | chunk folder> [--tenant NAME]');
      process.exit(0);
    } else files.push(argv[i]);
  }
  if (!files.length) throw new Error('name a bundle file or a folder of chunk files: npm run import -- seed/demo-bundle.json');
  return { files, tenant };
}

function expand(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })) throw new Error(`no such file or folder: ${path}`);
  if (!statSync(path).isDirectory()) return [path];
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
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      console.error(`${path}: not valid JSON: ${(e as Error).message}`);
      failed = true;
      break;
    }
    let barStarted = false;
    try {
      const report = await importBundle(services, tenant, raw, {
        actor: 'cli',
        onProgress: (done, total) => {
          if (!bar) return;
          if (!barStarted) {
            bar.start(total, 0, { file: path });
            barStarted = true;
          }
          bar.update(done, { file: path });
        },
      });
      if (barStarted) bar?.stop();
      console.log(
        `${path}: imported into tenant "${tenant}" in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(report)}`,
      );
    } catch (e) {
      if (barStarted) bar?.stop();
      if (e instanceof BundleValidationError) {
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
