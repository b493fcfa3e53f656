// The two Node halves of `npm run bulk-load` (scripts/bulkLoad.mjs runs neo4j-admin between them):
//   prepare <bundle.json | folder of chunk-*.json> --tenant T --dir DIR
//       validates every bundle as the online import does and writes the CSV files and
//       manifest.json into DIR; exit 1, naming the errors, when a bundle is rejected
//   finish --dir DIR
//       on the started store: migrations and the Entity List (as every start), then screening,
//       duplicate candidates, the tenant's data version and the audit event; checks the counts
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, createServices } from '../app';
import { loadConfig } from '../config';
import { BundleValidationError } from '../import';
import { BulkLoadError, prepareBulkLoad, type BulkManifest } from '../import/bulk/prepare';
import { finishBulkLoad } from '../import/bulk/finish';
import { TENANT_COUNTS } from '../import/bulk/cypher';
import { requiredText } from '../args';

const opt = (args: string[], name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

/** The bundle files of a path: one bundle, or a folder's *.json in name order (chunk files). */
function bundleFiles(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })) throw new Error(`no such file or folder: ${path}`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(path, f));
}

function* readChunks(paths: string[]) {
  for (const path of paths) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new BulkLoadError(path, new Error(`not valid JSON: ${(e as Error).message}`));
    }
    yield { source: path, raw };
  }
}

function prepare(args: string[]): number {
  const dir = opt(args, 'dir');
  const tenant = requiredText('tenant', opt(args, 'tenant') ?? 'default');
  const input = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!dir || !input) throw new Error('usage: bulkLoad.ts prepare <bundle.json | chunk folder> --tenant T --dir DIR');
  const started = Date.now();
  try {
    const manifest = prepareBulkLoad(readChunks(bundleFiles(input)), { tenant, dir });
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`validated and written as CSV in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(manifest.counts)}`);
    return 0;
  } catch (e) {
    if (!(e instanceof BulkLoadError)) throw e;
    const cause = e.cause;
    if (cause instanceof BundleValidationError) {
      console.error(`${e.source}: rejected, nothing was loaded. ${cause.countStopped ? 'more than ' : ''}${cause.total} error(s):`);
      for (const err of cause.errors.slice(0, 200)) console.error(`  ${err.path}: ${err.message}`);
      if (cause.total > 200) console.error(`  ... and ${cause.total - Math.min(200, cause.errors.length)} more`);
    } else console.error(`${e.message}; nothing was loaded`);
    return 1;
  }
}

async function finish(args: string[]): Promise<number> {
  const dir = opt(args, 'dir');
  if (!dir) throw new Error('usage: bulkLoad.ts finish --dir DIR');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BulkManifest;
  const started = Date.now();
  // the finish screens every firm itself, then records that the store's matches are this release's
  const services = await createServices(loadConfig(), createLogger({ logLevel: 'warn' }), { rescreenOnStart: false });
  console.log(`store ready (constraints, indexes, model steps, Entity List) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  try {
    const [stored] = await services.graph.read<Record<string, number>>(TENANT_COUNTS, { tenant: manifest.tenant });
    const off = Object.entries(stored).filter(([k, n]) => manifest.counts[k as keyof typeof manifest.counts] !== n);
    if (off.length)
      throw new Error(
        `the store holds other counts than the bundles: ${off.map(([k, n]) => `${k} ${n} (bundles: ${manifest.counts[k as keyof typeof manifest.counts]})`).join(', ')}`,
      );
    const r = await finishBulkLoad(services, manifest.tenant, manifest.counts, {
      actor: 'cli',
      // with the time since the finish began: a first load of millions spends minutes in each step
      log: (m) => console.log(`${m} (${((Date.now() - started) / 1000).toFixed(1)} s)`),
      // smaller transactions than the default: the tests use it to cross batch boundaries
      batch: Number(process.env.BULK_FINISH_BATCH) || undefined,
    });
    console.log(
      `screened ${r.screened} firms (${r.candidates} candidates), ${r.duplicatePairs} duplicate-firm pairs, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } finally {
    await services.graph.close();
  }
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'prepare') return prepare(args);
  if (command === 'finish') return finish(args);
  throw new Error('usage: bulkLoad.ts prepare ... | finish ...');
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`bulk load failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
