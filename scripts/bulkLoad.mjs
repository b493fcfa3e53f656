#!/usr/bin/env node
// npm run bulk-load -- <bundle.json | folder of chunk-*.json> [--tenant T] [--overwrite]
//
// First loads of millions of flows through Neo4j's own offline importer, into the local store
// (NEO4J_HOME_DIR, default .neo4j/data), which must be stopped and, unless --overwrite, empty:
//   1. src/cli/bulkLoad.ts prepare: every bundle validated as the online import validates it
//      (nothing is loaded when one is rejected), its records written as node and relationship CSVs
//   2. neo4j-admin database import full (the launcher's Maven build of Neo4j 5.26)
//   3. Neo4j started; src/cli/bulkLoad.ts finish: constraints, indexes and model version (the
//      migrations every start runs), the Entity List, then screening, duplicate candidates, the
//      tenant's data version and the audit event, by the online import's own functions
// Changes afterwards go through bundles (npm run import) as usual.
//
// Env: NEO4J_HOME_DIR, NEO4J_BOLT_PORT (7687), NEO4J_PASSWORD, NEO4J_HEAP / NEO4J_PAGECACHE
// (6g / 2g), BULK_IMPORT_HEAP (2g: the importer's own heap; it also uses memory off the heap).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAdmin } from './neo4j/admin.mjs';
import { DEFAULT_PASSWORD, root } from './neo4j/layout.mjs';
import { isLauncher, readPidFile } from './neo4j/pidFile.mjs';
import { startNeo4j } from './neo4j/start.mjs';

const DATABASE = 'neo4j';

function tsx(args, env = {}) {
  return new Promise((r, reject) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['src/cli/bulkLoad.ts', ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim(), ...env },
    });
    child.on('error', reject);
    child.on('exit', (code) => r(code ?? 1));
  });
}

/**
 * The importer's arguments for the files prepare wrote. Its report (bad records; empty when none)
 * goes where it is asked, not into whatever folder the load was started from.
 */
export function importArgs(manifest, reportFile) {
  return [
    'database',
    'import',
    'full',
    DATABASE,
    '--overwrite-destination=true',
    '--id-type=string',
    '--array-delimiter=U+001F',
    `--multiline-fields=${manifest.multiline}`,
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    `--report-file=${reportFile}`,
    ...manifest.nodes.map((n) => `--nodes=${n.label}=${n.file}`),
    ...manifest.relationships.map((r) => `--relationships=${r.type}=${r.file}`),
  ];
}

export async function bulkLoad({ input, tenant = 'default', overwrite = false, env = process.env, log = console.log }) {
  if (!input) throw new Error('name a bundle or a folder of chunk files: npm run bulk-load -- bundle.json [--tenant T]');
  if (env.NEO4J_URI)
    throw new Error(
      'NEO4J_URI is set: the bulk load writes the local store offline. For a server of your own, run neo4j-admin database import there ' +
        'with the CSV files (see README), or import bundles online.',
    );
  const home = resolve(env.NEO4J_HOME_DIR || join(root, '.neo4j', 'data'));
  const pid = readPidFile(home);
  if (pid && isLauncher(pid))
    throw new Error(
      `Neo4j is running on ${home} (pid ${pid}); the importer writes only a stopped store. Stop it (npm run neo4j:stop) and run this again.`,
    );
  if (existsSync(join(home, 'data', 'databases', DATABASE)) && !overwrite)
    throw new Error(
      `${home} holds a store already; a bulk load replaces it whole. Back it up (npm run backup) and pass --overwrite, or import bundles online.`,
    );
  const dir = join(home, `bulk-import-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(dir, { recursive: true });
  const timings = {};
  let neo;
  let keep = false;
  try {
    let t = Date.now();
    log(`validating ${input} and writing CSV files into ${dir}`);
    if ((await tsx(['prepare', input, '--tenant', tenant, '--dir', dir])) !== 0)
      throw new Error('rejected; nothing was loaded (the errors are above)');
    timings.prepareS = (Date.now() - t) / 1000;
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    t = Date.now();
    const report = join(home, 'logs', 'bulk-import.report');
    mkdirSync(dirname(report), { recursive: true });
    await runAdmin(home, importArgs(manifest, report), { log, heap: env.BULK_IMPORT_HEAP || '2g' }).catch((e) => {
      throw new Error(`${e.message}; the importer's report: ${report}`);
    });
    timings.importS = (Date.now() - t) / 1000;
    t = Date.now();
    const port = Number(env.NEO4J_BOLT_PORT || 7687);
    const password = env.NEO4J_PASSWORD || DEFAULT_PASSWORD;
    neo = await startNeo4j({
      home,
      port,
      password,
      log,
      heap: env.NEO4J_HEAP || '6g',
      pageCache: env.NEO4J_PAGECACHE || '2g',
      timeoutMs: Number(env.NEO4J_START_TIMEOUT_SECONDS || 300) * 1000,
    });
    timings.startS = (Date.now() - t) / 1000;
    t = Date.now();
    const code = await tsx(['finish', '--dir', dir], { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: password });
    if (code !== 0) {
      keep = true;
      throw new Error(
        `the store is loaded but its finish failed (messages above); with Neo4j running, finish it with: npx tsx src/cli/bulkLoad.ts finish --dir ${dir}`,
      );
    }
    timings.finishS = (Date.now() - t) / 1000;
    log(`bulk load of ${JSON.stringify(manifest.counts)} into tenant "${tenant}" done: ${JSON.stringify(timings)}`);
    return { counts: manifest.counts, timings };
  } finally {
    await neo?.stop();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

async function cli(args) {
  const value = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const input = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--tenant');
  await bulkLoad({ input, tenant: value('tenant') || process.env.TENANT || 'default', overwrite: args.includes('--overwrite') });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).then(
    () => process.exit(0),
    (e) => {
      console.error(`bulk-load: ${e.message}`);
      process.exit(1);
    },
  );
}
