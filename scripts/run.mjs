#!/usr/bin/env node
// The project's commands (npm start / test / bench / import / generate) in one place.
// Plain Node with no dependencies: it runs before `npm install` on a fresh clone.
// It installs what is missing, starts Neo4j unless NEO4J_URI is set, runs the command,
// and stops what it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (msg) => console.log(`[uflpa-trace] ${msg}`);

function ensureNodeModules() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // npm install (not ci): it installs exactly the lockfile's versions, and unlike ci it
  // copes with the platform-specific optional packages npm 11 leaves out of the lock.
  log('installing npm packages (npm install from package-lock.json)');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm install failed');
}

/** Debian packages the tests use (pdftotext reads packets and pdftoppm draws their pages; Chromium runs the browser tests; HAProxy balances the replica test's two services). */
function ensureDebianPackages(packages) {
  const missing = [
    ...new Set(packages.filter(([, binary]) => spawnSync('sh', ['-c', `command -v ${binary}`]).status !== 0).map(([pkg]) => pkg)),
  ];
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    log(`missing ${missing.join(', ')}; install them (apt-get install -y ${missing.join(' ')}) or the tests that need them fail`);
    return;
  }
  log(`installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  if (r.status !== 0) log(`apt-get install ${missing.join(' ')} failed; the tests that need them will say so`);
}

/** Starts a local Neo4j unless NEO4J_URI points at one; returns env vars and a stop(). */
async function ensureNeo4j({ home, port, heap = '6g', pageCache = '2g' }) {
  if (process.env.NEO4J_URI) {
    log(`using Neo4j at ${process.env.NEO4J_URI} (NEO4J_URI is set; starting nothing)`);
    return { env: {}, stop: async () => {} };
  }
  const { buildLauncher, startNeo4j } = await import('./neo4j.mjs');
  await buildLauncher({ log });
  const password = process.env.NEO4J_PASSWORD || 'uflpa-trace-local';
  const started = Date.now();
  const neo = await startNeo4j({
    home,
    port,
    password,
    log,
    heap: process.env.NEO4J_HEAP || heap,
    pageCache: process.env.NEO4J_PAGECACHE || pageCache,
    // a loaded machine can take longer than the default 120 s to start Neo4j
    timeoutMs: Number(process.env.NEO4J_START_TIMEOUT_SECONDS || 120) * 1000,
  });
  log(`Neo4j ready at ${neo.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { env: { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password }, stop: neo.stop };
}

/**
 * For commands that work beside `npm start` (import, cli): the Neo4j already running for this
 * data folder if there is one (its store is locked, so a second one could not start), else
 * a new one as ensureNeo4j starts it.
 */
async function runningOrNewNeo4j({ home, port }) {
  if (!process.env.NEO4J_URI) {
    const { runningLauncher, waitForBolt } = await import('./neo4j.mjs');
    const running = runningLauncher(home);
    if (running) {
      const boltPort = running.port ?? port;
      await waitForBolt('127.0.0.1', boltPort, 10_000);
      log(`using the Neo4j already running for ${home} (pid ${running.pid}, bolt://127.0.0.1:${boltPort})`);
      const env = {
        NEO4J_URI: `bolt://127.0.0.1:${boltPort}`,
        NEO4J_USER: process.env.NEO4J_USER || 'neo4j',
        NEO4J_PASSWORD: process.env.NEO4J_PASSWORD || 'uflpa-trace-local',
      };
      return { env, stop: async () => {} };
    }
  }
  return ensureNeo4j({ home, port });
}

function run(cmd, args, env) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolvePromise(code ?? (signal ? 1 : 0));
    });
  });
}

const cleanups = [];

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

/**
 * Node 24 from the npm registry's `node` package, installed in .ci/node24 (its own lockfile; never a
 * dependency of the project, which would put it first on every npm script's PATH). Returns its binary.
 */
function ensureNode24() {
  const dir = join(root, '.ci', 'node24');
  const marker = join(dir, 'node_modules', '.package-lock.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(join(dir, 'package-lock.json')).mtimeMs) {
    log('installing Node 24 for the second unit-test run (npm ci in .ci/node24)');
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm ci in .ci/node24 failed');
  }
  const node = join(dir, 'node_modules', 'node', 'bin', 'node');
  const wanted = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies.node;
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (version !== `v${wanted}`)
    throw new Error(`.ci/node24 holds Node ${version || '(none)'}, not v${wanted}; delete .ci/node24/node_modules and run again`);
  return node;
}

/** Runs the unit tests on Node 24, that binary first on PATH so what they spawn runs on it too; returns the counts. */
async function unitTestsOnNode24(jestArgs, env = {}) {
  let node;
  try {
    node = ensureNode24();
  } catch (e) {
    log(`unit tests on Node 24 not run: ${e.message}`);
    return { passed: 0, failed: 1 };
  }
  const out = join(root, '.jest-results-node24.json');
  rmSync(out, { force: true });
  log(`unit tests on Node ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()}`);
  const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  await run(node, [jest, '--selectProjects', 'unit', '--runInBand', '--forceExit', '--json', `--outputFile=${out}`, ...jestArgs], {
    ...env,
    PATH: `${dirname(node)}:${process.env.PATH}`,
  });
  if (!existsSync(out)) return { passed: 0, failed: 1 };
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const counts = { passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites || 0) };
  log(`unit tests on Node 24: ${counts.passed} passed, ${counts.failed} failed`);
  return counts;
}
const neo4jHome = (name) => resolve(process.env.NEO4J_HOME_DIR || join(root, '.neo4j', name));

async function main() {
  const [command = 'start', ...rest] = process.argv.slice(2);
  ensureNodeModules();
  let neo = { env: {}, stop: async () => {} };
  let code;
  try {
    switch (command) {
      case 'start': {
        neo = await ensureNeo4j({ home: neo4jHome('data'), port: Number(process.env.NEO4J_BOLT_PORT || 7687) });
        code = await run(bin('tsx'), ['src/main.ts'], neo.env);
        break;
      }
      case 'test': {
        ensureDebianPackages([
          ['poppler-utils', 'pdftotext'],
          ['poppler-utils', 'pdftoppm'],
          ['chromium', 'chromium'],
          ['haproxy', 'haproxy'],
        ]);
        if (process.env.SKIP_TYPECHECK !== '1') {
          log('type-checking (tsc --noEmit: the server, then the web page)');
          code = await run(bin('tsc'), ['--noEmit', '-p', '.'], {});
          if (code === 0) code = await run(bin('tsc'), ['--noEmit', '-p', 'web'], {});
          if (code !== 0) {
            writeSummary(0, 1);
            break;
          }
        }
        if (process.env.SKIP_LINT !== '1') {
          log('linting (npm run lint: eslint, prettier --check)');
          code = await run('npm', ['run', '--silent', 'lint'], {});
          if (code !== 0) {
            writeSummary(0, 1);
            break;
          }
        }
        // What the tests write to the temporary folder (exhibit stores, CSV and PDF files, bulk
        // loads) goes to a folder of this run's own, removed when the run ends.
        const tmp = mkdtempSync(join(tmpdir(), 'uflpa-test-run-'));
        cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
        // The whole suite (no jest arguments, as CI runs it) also runs the unit tests on Node 24.
        const node24 =
          rest.length === 0 && process.env.SKIP_NODE24 !== '1' ? await unitTestsOnNode24([], { TMPDIR: tmp }) : { passed: 0, failed: 0 };
        // Each test run gets its own throwaway database on a free port, so it never touches
        // `npm start`'s data and two runs on one machine never collide.
        const home = process.env.NEO4J_HOME_DIR ? neo4jHome('test') : join(root, '.neo4j', `test-${process.pid}`);
        if (!process.env.NEO4J_HOME_DIR) {
          rmSync(home, { recursive: true, force: true });
          cleanups.push(() => rmSync(home, { recursive: true, force: true }));
        }
        neo = await ensureNeo4j({
          home,
          port: Number(process.env.NEO4J_TEST_BOLT_PORT || (await freePort())),
          heap: '2g',
          pageCache: '512m',
        });
        const out = join(root, '.jest-results.json');
        rmSync(out, { force: true });
        code = await run(bin('jest'), ['--runInBand', '--forceExit', '--json', `--outputFile=${out}`, ...rest], {
          ...neo.env,
          TMPDIR: tmp,
        });
        if (existsSync(out)) {
          const r = JSON.parse(readFileSync(out, 'utf8'));
          writeSummary(r.numPassedTests + node24.passed, r.numFailedTests + (r.numRuntimeErrorTestSuites || 0) + node24.failed);
        } else writeSummary(node24.passed, 1 + node24.failed);
        if (node24.failed) code ||= 1;
        break;
      }
      case 'test-node24': {
        const r = await unitTestsOnNode24(rest);
        writeSummary(r.passed, r.failed);
        code = r.failed ? 1 : 0;
        break;
      }
      case 'bench': {
        // a 1M-flow graph (and its floor copy) wants the store in memory: 6 GB of page cache
        const heap = process.env.NEO4J_HEAP || '6g';
        const pageCache = process.env.NEO4J_PAGECACHE || '6g';
        neo = await ensureNeo4j({ home: neo4jHome('bench'), port: Number(process.env.NEO4J_BENCH_BOLT_PORT || 7707), heap, pageCache });
        code = await run(bin('tsx'), ['bench/run.ts', ...rest], {
          ...neo.env,
          ...(neo.env.NEO4J_URI ? { NEO4J_HEAP: heap, NEO4J_PAGECACHE: pageCache } : {}),
          NODE_OPTIONS: '--expose-gc --max-old-space-size=4096',
        });
        break;
      }
      case 'import': {
        neo = await runningOrNewNeo4j({ home: neo4jHome('data'), port: Number(process.env.NEO4J_BOLT_PORT || 7687) });
        code = await run(bin('tsx'), ['src/cli/import.ts', ...rest], neo.env);
        break;
      }
      case 'cli': {
        // writing the template needs no database
        if (rest[0] !== 'template')
          neo = await runningOrNewNeo4j({ home: neo4jHome('data'), port: Number(process.env.NEO4J_BOLT_PORT || 7687) });
        code = await run(bin('tsx'), ['src/cli/main.ts', ...rest], neo.env);
        break;
      }
      case 'bulk-load': {
        // offline: the importer writes the stopped store, then bulkLoad.mjs starts Neo4j itself
        const { bulkLoad } = await import('./bulkLoad.mjs');
        const value = (name) => (rest.includes(`--${name}`) ? rest[rest.indexOf(`--${name}`) + 1] : undefined);
        await bulkLoad({
          input: rest.find((a, i) => !a.startsWith('--') && rest[i - 1] !== '--tenant'),
          tenant: value('tenant') || process.env.TENANT || 'default',
          overwrite: rest.includes('--overwrite'),
        });
        code = 0;
        break;
      }
      case 'generate':
        code = await run(bin('tsx'), ['src/generate/cli.ts', ...rest], {});
        break;
      case 'neo4j-start': {
        const { buildLauncher, startNeo4j } = await import('./neo4j.mjs');
        await buildLauncher({ log });
        const n = await startNeo4j({
          home: neo4jHome('data'),
          port: Number(process.env.NEO4J_BOLT_PORT || 7687),
          password: process.env.NEO4J_PASSWORD || 'uflpa-trace-local',
          log,
          heap: process.env.NEO4J_HEAP || '6g',
          pageCache: process.env.NEO4J_PAGECACHE || '2g',
        });
        log(`Neo4j running at ${n.uri}; Ctrl-C (or npm run neo4j:stop) stops it`);
        await Promise.race([
          n.exited,
          new Promise((r) => {
            process.once('SIGINT', r);
            process.once('SIGTERM', r);
          }),
        ]);
        await n.stop();
        code = 0;
        break;
      }
      case 'neo4j-stop': {
        const { stopNeo4jFromPidFile } = await import('./neo4j.mjs');
        await stopNeo4jFromPidFile(neo4jHome('data'));
        code = 0;
        break;
      }
      default:
        console.error(
          `unknown command "${command}"; use start, test, test-node24, bench, import, bulk-load, cli, generate, neo4j-start, neo4j-stop`,
        );
        code = 2;
    }
  } catch (e) {
    console.error(`[uflpa-trace] ${command} failed: ${e.message}`);
    if (command === 'test') writeSummary(0, 1);
    code = 1;
  } finally {
    await neo.stop();
    for (const c of cleanups) c();
  }
  process.exit(code);
}

function writeSummary(passed, failed) {
  const line = `${passed} passed, ${failed} failed`;
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, '.test-summary'), `${line}\n`);
  console.log(line);
}

main();
