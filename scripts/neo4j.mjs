#!/usr/bin/env node
// Builds and runs the local Neo4j Community 5.26 (embedded, Bolt on) of neo4j-launcher/.
// Plain Node ESM with no npm dependencies: it runs before `npm install` on a fresh clone.
//
//   node scripts/neo4j.mjs start   # foreground until Ctrl-C / SIGTERM
//   node scripts/neo4j.mjs stop    # stops the one started for NEO4J_HOME_DIR (pid file)
//
// Env: NEO4J_HOME_DIR (default .neo4j/data), NEO4J_BOLT_PORT (7687), NEO4J_PASSWORD
// (uflpa-trace-local), NEO4J_HEAP (2g), NEO4J_PAGECACHE (512m).
import { spawn } from 'node:child_process';
import {
  existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const launcherDir = join(root, 'neo4j-launcher');
const pomFile = join(launcherDir, 'pom.xml');
const targetDir = join(launcherDir, 'target');
const classesDir = join(targetDir, 'classes');
const classpathFile = join(targetDir, 'classpath.txt');
const stampFile = join(targetDir, 'launcher.stamp');
const buildLockDir = join(targetDir, '.build-lock');
const MAIN_CLASS = 'io.uflpatrace.neo4j.Launcher';
const PID_FILE = 'neo4j.pid';
const DEFAULT_PASSWORD = 'uflpa-trace-local';

// Java 17 needs these for Neo4j 5.x (Neo4j's own server defaults), plus a few of its usual JVM options.
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dlog4j2.disable.jmx=true',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+ExitOnOutOfMemoryError',
];

const noop = () => {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Build

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function readClasspath() {
  const deps = readFileSync(classpathFile, 'utf8').trim();
  return deps ? `${classesDir}:${deps}` : classesDir;
}

/** Why a build is needed, or null when target/ is up to date (and every jar is still in ~/.m2). */
function buildNeeded() {
  if (!existsSync(stampFile) || !existsSync(classpathFile) || !existsSync(classesDir)) return 'no build output yet';
  const built = statSync(stampFile).mtimeMs;
  if (newestMtime(pomFile) > built || newestMtime(join(launcherDir, 'src')) > built) return 'pom or sources changed';
  const missing = readFileSync(classpathFile, 'utf8').trim().split(':').filter((p) => p && !existsSync(p));
  if (missing.length) return `${missing.length} jar(s) missing from the local Maven repository`;
  return null;
}

function runCapture(cmd, args, opts) {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, out }));
  });
}

async function withBuildLock(fn) {
  mkdirSync(targetDir, { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(buildLockDir);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // A lock left by a killed build goes stale after 15 minutes.
      try {
        if (Date.now() - statSync(buildLockDir).mtimeMs > 15 * 60_000) { rmSync(buildLockDir, { recursive: true, force: true }); continue; }
      } catch { continue; }
      if (Date.now() > deadline) throw new Error(`another build of neo4j-launcher holds ${buildLockDir}; remove it if no build runs`, { cause: e });
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(buildLockDir, { recursive: true, force: true });
  }
}

/**
 * Builds neo4j-launcher (compile + target/classpath.txt) with Maven when the output is missing or
 * older than the pom/sources. The first build downloads Neo4j's jars (~200 MB) from Maven Central.
 */
export async function buildLauncher({ log = noop } = {}) {
  if (!buildNeeded()) return { built: false, classpath: readClasspath() };
  return withBuildLock(async () => {
    const reason = buildNeeded(); // another process may have built it while we waited
    if (!reason) return { built: false, classpath: readClasspath() };
    log(`building neo4j-launcher with Maven (${reason}); the first build downloads Neo4j from Maven Central`);
    const started = Date.now();
    const args = ['-q', '-B', '-ntp', '-Dstyle.color=never', '-f', pomFile, 'compile'];
    let r;
    try {
      r = await runCapture('mvn', args, { cwd: root, env: { ...process.env, MAVEN_OPTS: process.env.MAVEN_OPTS || '-Xmx1g' } });
    } catch (e) {
      if (e.code === 'ENOENT') throw new Error('Maven (mvn) is not installed; it needs Maven 3.8+ and JDK 17+ (e.g. apt-get install maven openjdk-17-jdk-headless)', { cause: e });
      throw e;
    }
    if (r.code !== 0) {
      const tail = r.out.trim().split('\n').slice(-40).join('\n');
      throw new Error(`Maven build of neo4j-launcher failed (exit ${r.code ?? r.signal}):\n${tail}`);
    }
    if (!existsSync(classpathFile)) throw new Error(`Maven build did not write ${classpathFile}`);
    writeFileSync(stampFile, `${new Date().toISOString()}\n`);
    log(`built neo4j-launcher in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { built: true, classpath: readClasspath() };
  });
}

// ---------------------------------------------------------------------------------------------
// Bolt

function boltHandshake(host, port, timeoutMs) {
  return new Promise((resolvePromise) => {
    const socket = net.connect({ host, port });
    let done = false;
    const finish = (ok) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolvePromise(ok);
    };
    const timer = setTimeout(() => finish(false), Math.max(100, timeoutMs));
    socket.on('connect', () => {
      // Bolt magic, then four version proposals (5.0-5.4, 4.4, none, none); any 4-byte answer means Bolt is up.
      socket.write(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 4, 4, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0]));
    });
    let got = 0;
    socket.on('data', (d) => { got += d.length; if (got >= 4) finish(true); });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
  });
}

/** Resolves once host:port accepts a TCP connection and answers the Bolt handshake; rejects after timeoutMs. */
export async function waitForBolt(host, port, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (await boltHandshake(host, port, Math.min(5_000, Math.max(left, 100)))) return;
    if (Date.now() >= deadline) throw new Error(`Bolt at ${host}:${port} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(Math.min(250, Math.max(0, deadline - Date.now())));
  }
}

// ---------------------------------------------------------------------------------------------
// Start / stop

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** True when pid is alive and (where /proc tells) is our launcher, so a reused pid is never signalled. */
function isLauncher(pid) {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MAIN_CLASS);
  } catch {
    return !existsSync('/proc/self'); // no /proc: trust the pid file
  }
}

function readPidFile(home) {
  try {
    const pid = Number.parseInt(readFileSync(join(home, PID_FILE), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function removePidFile(home, pid) {
  if (readPidFile(home) === pid) rmSync(join(home, PID_FILE), { force: true });
}

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Starts Neo4j for `home` (data in home/data, logs in home/logs) with Bolt on 127.0.0.1:port and
 * user neo4j / password. Resolves once the launcher printed READY and Bolt answers.
 */
export async function startNeo4j({
  home,
  port = 7687,
  password,
  heap = process.env.NEO4J_HEAP || '2g',
  pageCache = process.env.NEO4J_PAGECACHE || '512m',
  log = noop,
  timeoutMs = 120_000,
} = {}) {
  if (!home) throw new Error('startNeo4j: home is required');
  if (!password) throw new Error('startNeo4j: password is required');
  port = Number(port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`startNeo4j: bad port ${port}`);
  home = resolve(home);
  mkdirSync(home, { recursive: true });
  const host = '127.0.0.1';

  const old = readPidFile(home);
  if (old && isLauncher(old)) {
    throw new Error(`Neo4j is already running for ${home} (pid ${old}); stop it first (npm run neo4j:stop, or kill ${old})`);
  }
  if (old) rmSync(join(home, PID_FILE), { force: true });

  if (buildNeeded()) await buildLauncher({ log });
  const classpath = readClasspath();

  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const args = [
    ...JVM_FLAGS,
    `-Xmx${heap}`,
    '-cp', classpath,
    MAIN_CLASS,
    `--home=${home}`,
    `--port=${port}`,
    `--listen=${host}`,
    `--pagecache=${pageCache}`,
    '--exit-on-stdin-eof=true',
  ];
  const started = Date.now();
  // The password goes by environment, not on the command line where `ps` shows it.
  // stdin stays an open pipe: when this Node process dies, the launcher sees EOF and stops itself.
  const child = spawn(java, args, {
    cwd: home,
    env: { ...process.env, NEO4J_PASSWORD: password },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.on('error', noop);

  const tail = [];
  const remember = (line) => { tail.push(line); if (tail.length > 40) tail.shift(); };
  let exitInfo = null;
  const exited = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => { exitInfo = { code, signal }; resolveExit(exitInfo); });
  });
  let spawnError = null;
  child.on('error', (e) => { spawnError = e; });

  const onProcessExit = () => { try { child.kill('SIGTERM'); } catch { /* gone */ } };
  process.on('exit', onProcessExit);

  let ready = false;
  let readyResolve;
  const readySeen = new Promise((r) => { readyResolve = r; });
  const lines = (stream, onLine) => {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) { onLine(buf.slice(0, i).replace(/\r$/, '')); buf = buf.slice(i + 1); }
    });
    stream.on('end', () => { if (buf) onLine(buf); });
  };
  lines(child.stdout, (line) => {
    remember(line);
    if (!ready && line.startsWith('NEO4J READY ')) { ready = true; readyResolve(); }
  });
  lines(child.stderr, (line) => {
    remember(line);
    if (line.trim()) log(`[neo4j] ${line}`);
  });

  let stopping = null;
  const stop = () => {
    stopping ??= (async () => {
      if (!exitInfo && !spawnError) {
        try { child.kill('SIGTERM'); } catch { /* gone */ }
        const t = setTimeout(() => {
          log(`[neo4j] did not stop within 30 s; killing pid ${child.pid}`);
          try { child.kill('SIGKILL'); } catch { /* gone */ }
        }, 30_000);
        await exited;
        clearTimeout(t);
      }
      process.off('exit', onProcessExit);
      if (child.pid) removePidFile(home, child.pid);
    })();
    return stopping;
  };

  const fail = async (reason) => {
    await stop();
    const out = tail.length ? `\n--- last lines of the Neo4j launcher ---\n${tail.join('\n')}` : '';
    throw new Error(`Neo4j did not start on ${host}:${port} (home ${home}): ${reason}${out}`);
  };

  let timer;
  const deadline = new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); });
  try {
    const first = await Promise.race([
      readySeen.then(() => 'ready'),
      exited.then(() => 'exited'),
      new Promise((r) => child.once('error', () => r('error'))),
      deadline,
    ]);
    if (first === 'error') {
      await fail(spawnError?.code === 'ENOENT'
        ? `${java} not found: install JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME`
        : `cannot run ${java}: ${spawnError?.message}`);
    }
    if (first === 'exited') {
      await new Promise((r) => setImmediate(r)); // let the last output lines arrive
      const failed = tail.filter((l) => l.startsWith('NEO4J FAILED ')).pop();
      await fail(failed ? failed.slice('NEO4J FAILED '.length) : `launcher exited (${exitInfo.code ?? exitInfo.signal}) before it was ready`);
    }
    if (first === 'timeout') await fail(`not ready within ${Math.round(timeoutMs / 1000)} s`);
    const left = Math.max(1_000, timeoutMs - (Date.now() - started));
    const bolt = await Promise.race([
      waitForBolt(host, port, left).then(() => 'up', (e) => e.message),
      exited.then(() => 'launcher exited after READY'),
    ]);
    if (bolt !== 'up') await fail(bolt);
  } finally {
    clearTimeout(timer);
  }

  // Written only once ready: a second start on the same home fails on the store lock and never
  // overwrites the pid file of the one that runs.
  writeFileSync(join(home, PID_FILE), `${child.pid}\n`);
  log(`[neo4j] ready at bolt://${host}:${port} (pid ${child.pid}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { uri: `bolt://${host}:${port}`, user: 'neo4j', password, stop, pid: child.pid, exited };
}

/** Stops the launcher whose pid is in home/neo4j.pid (started by another process). True if one was stopped. */
export async function stopNeo4jFromPidFile(home, { log = console.log } = {}) {
  home = resolve(home);
  const pid = readPidFile(home);
  if (!pid || !isLauncher(pid)) {
    if (pid) rmSync(join(home, PID_FILE), { force: true });
    log(`[neo4j] no Neo4j running for ${home}`);
    return false;
  }
  log(`[neo4j] stopping pid ${pid} (${home})`);
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, 30_000))) {
    log(`[neo4j] pid ${pid} did not stop within 30 s; killing it`);
    try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    await waitForExit(pid, 10_000);
  }
  removePidFile(home, pid);
  log('[neo4j] stopped');
  return true;
}

// ---------------------------------------------------------------------------------------------
// CLI

async function cli(command) {
  const log = (msg) => console.log(msg);
  const home = resolve(process.env.NEO4J_HOME_DIR || join(root, '.neo4j', 'data'));
  const port = Number(process.env.NEO4J_BOLT_PORT || 7687);
  if (command === 'stop') {
    await stopNeo4jFromPidFile(home, { log });
    return 0;
  }
  if (command !== 'start') {
    console.error('usage: node scripts/neo4j.mjs start|stop   (env NEO4J_HOME_DIR, NEO4J_BOLT_PORT, NEO4J_PASSWORD, NEO4J_HEAP, NEO4J_PAGECACHE)');
    return 2;
  }
  await buildLauncher({ log });
  const neo = await startNeo4j({ home, port, password: process.env.NEO4J_PASSWORD || DEFAULT_PASSWORD, log });
  log(`Neo4j running at ${neo.uri} (user ${neo.user}, home ${home}); Ctrl-C stops it`);
  const why = await new Promise((r) => {
    process.once('SIGINT', () => r('signal'));
    process.once('SIGTERM', () => r('signal'));
    neo.exited.then(() => r('exited'));
  });
  await neo.stop();
  if (why === 'exited') log('Neo4j stopped');
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv[2]).then((code) => process.exit(code), (e) => {
    console.error(e.message);
    process.exit(1);
  });
}
