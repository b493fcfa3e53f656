// npm run generate -- --flows N [--seed S] [--xuar-share X] [--listed-share L] [--tiers T]
//                     [--shipments K] [--prefix P] --out FILE.json | --out DIR/ [--chunk C]
//
// Writes a synthetic data set in bundle v1 (see src/generate/generator.ts). With --out
// FILE.json it writes one bundle. With --chunk C, or an --out that ends in "/" or names an
// existing folder, it writes chunk-0001.json, chunk-0002.json ... of C flows each
// (default 50000). Import them in order with `npm run import -- DIR`. Memory stays bounded
// either way.
import { statSync } from 'node:fs';
import { generateBundleChunks, GENERATOR_DEFAULTS, defaultShipments, tierRange, type GenerateOptions } from './generator';
import { writeChunks, writeSingle } from './write';

const USAGE = `usage: npm run generate -- --flows N [options] --out FILE.json | --out DIR/ [--chunk C]

  --flows N          flows to generate (required)
  --seed S           PRNG seed (default ${GENERATOR_DEFAULTS.seed}); same options give the same output
  --xuar-share X     share of supplier facilities in the XUAR, 0..1 (default ${GENERATOR_DEFAULTS.xuarShare})
  --listed-share L   share of supplier facilities run by UFLPA-listed entities, 0..1 (default ${GENERATOR_DEFAULTS.listedShare})
  --tiers T          deepest chain; networks are T-4..T tiers deep (default ${GENERATOR_DEFAULTS.tiers})
  --shipments K      shipments (default flows/50)
  --prefix P         id prefix, e.g. "g1" gives g1-FL-1 (default none)
  --out PATH         FILE.json for one bundle, or DIR/ for chunk files
  --chunk C          flows per chunk file (default 50000; implies chunk files)

examples:
  npx tsx src/generate/cli.ts --flows 100000 --seed 1 --out bench/data/gen-100k.json
  npx tsx src/generate/cli.ts --flows 1000000 --seed 1 --out bench/data/gen-1m/ --chunk 50000`;

function fail(msg: string): never {
  console.error(`${msg}\n\n${USAGE}`);
  process.exit(2);
}

function parse(argv: string[]): { opts: GenerateOptions; out: string; chunk?: number } {
  const opts: Partial<GenerateOptions> = {};
  let out: string | undefined;
  let chunk: number | undefined;
  const num = (flag: string, v: string | undefined) => {
    if (v === undefined || v.trim() === '' || !Number.isFinite(Number(v)))
      fail(`${flag} needs a number, got ${v === undefined ? 'nothing' : `"${v}"`}`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--flows':
        opts.flows = num(flag, value());
        break;
      case '--seed':
        opts.seed = num(flag, value());
        break;
      case '--xuar-share':
        opts.xuarShare = num(flag, value());
        break;
      case '--listed-share':
        opts.listedShare = num(flag, value());
        break;
      case '--tiers':
        opts.tiers = num(flag, value());
        break;
      case '--shipments':
        opts.shipments = num(flag, value());
        break;
      case '--prefix':
        opts.tenantPrefix = value();
        break;
      case '--out':
        out = value();
        break;
      case '--chunk':
        chunk = num(flag, value());
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        return process.exit(0);
      default:
        fail(`unknown option "${a}"`);
    }
  }
  if (opts.flows === undefined) fail('--flows is required');
  if (!Number.isInteger(opts.flows) || opts.flows < 1) fail(`--flows must be a positive integer, got ${opts.flows}`);
  if (!out) fail('--out is required');
  if (chunk !== undefined && (!Number.isInteger(chunk) || chunk < 1)) fail(`--chunk must be a positive integer, got ${chunk}`);
  return { opts: opts as GenerateOptions, out, chunk };
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
/** above this a single bundle file gets unwieldy (about 700 bytes per flow with its documents) */
const SINGLE_FILE_WARN_FLOWS = 300_000;

function main() {
  const { opts, out, chunk } = parse(process.argv.slice(2));
  const isDir = out.endsWith('/') || (statSync(out, { throwIfNoEntry: false })?.isDirectory() ?? false);
  const chunked = chunk !== undefined || isDir;
  const chunkFlows = chunk ?? 50000;
  const [minT, maxT] = tierRange(opts.tiers);
  console.log(
    `generating ${opts.flows} flows, seed ${opts.seed ?? GENERATOR_DEFAULTS.seed}, tiers ${minT}..${maxT}, ` +
      `xuarShare ${opts.xuarShare ?? GENERATOR_DEFAULTS.xuarShare}, listedShare ${opts.listedShare ?? GENERATOR_DEFAULTS.listedShare}, ` +
      `${opts.shipments ?? defaultShipments(opts.flows)} shipments -> ${out}${chunked ? ` (chunks of ${chunkFlows} flows)` : ''}`,
  );
  if (!chunked && opts.flows > SINGLE_FILE_WARN_FLOWS) {
    console.warn(
      `warning: one JSON file of ${opts.flows} flows is about ${mb(opts.flows * 700)}. The import parses a bundle file in ` +
        'one piece, and Node cannot hold a JSON text over ~512 MB. Use --chunk 50000 (or --out DIR/) at this size.',
    );
  }
  const started = Date.now();
  // in single-file mode the chunk size only bounds memory; the output is the same
  const chunks = generateBundleChunks(opts, chunkFlows);
  let done = 0;
  const stats = chunked
    ? writeChunks(chunks, out, (path, bytes, b) => {
        done += b.flows.length;
        console.log(`  ${path}: ${b.flows.length} flows, ${b.documents.length} documents, ${b.shipments.length} shipments, ${mb(bytes)}`);
      })
    : writeSingle(chunks, out, (b) => {
        done += b.flows.length;
        if (opts.flows > chunkFlows) process.stdout.write(`  ${done}/${opts.flows} flows\r`);
      });
  if (!chunked && opts.flows > chunkFlows) process.stdout.write('\n');
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const c = stats.counts;
  console.log(
    `wrote ${stats.files.length} file${stats.files.length === 1 ? '' : 's'}, ${mb(stats.bytes)} in ${secs} s: ` +
      `${c.flows} flows, ${c.documents} documents, ${c.firms} firms, ${c.facilities} facilities, ${c.ownership} holdings, ` +
      `${c.materials} materials, ${c.shipments} shipments`,
  );
  console.log(`import with: npm run import -- ${out}`);
}

main();
