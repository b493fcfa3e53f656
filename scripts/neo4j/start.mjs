// Starting the launcher for one Neo4j home and port, and knowing when it is ready.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitForBolt } from './bolt.mjs';
import { buildLauncher, buildNeeded, readClasspath } from './launcherBuild.mjs';
import { MAIN_CLASS, noop, PID_FILE } from './layout.mjs';
import { isLauncher, readPidFile, removePidFile } from './pidFile.mjs';

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
    '-cp',
    classpath,
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
  const remember = (line) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  let exitInfo = null;
  const exited = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolveExit(exitInfo);
    });
  });
  let spawnError = null;
  child.on('error', (e) => {
    spawnError = e;
  });

  const onProcessExit = () => {
    try {
      child.kill('SIGTERM');
    } catch {
      /* gone */
    }
  };
  process.on('exit', onProcessExit);

  let ready = false;
  let readyResolve;
  const readySeen = new Promise((r) => {
    readyResolve = r;
  });
  const lines = (stream, onLine) => {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        onLine(buf.slice(0, i).replace(/\r$/, ''));
        buf = buf.slice(i + 1);
      }
    });
    stream.on('end', () => {
      if (buf) onLine(buf);
    });
  };
  lines(child.stdout, (line) => {
    remember(line);
    if (!ready && line.startsWith('NEO4J READY ')) {
      ready = true;
      readyResolve();
    }
  });
  lines(child.stderr, (line) => {
    remember(line);
    if (line.trim()) log(`[neo4j] ${line}`);
  });

  let stopping = null;
  const stop = () => {
    stopping ??= (async () => {
      if (!exitInfo && !spawnError) {
        try {
          child.kill('SIGTERM');
        } catch {
          /* gone */
        }
        const t = setTimeout(() => {
          log(`[neo4j] did not stop within 30 s; killing pid ${child.pid}`);
          try {
            child.kill('SIGKILL');
          } catch {
            /* gone */
          }
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
  const deadline = new Promise((r) => {
    timer = setTimeout(() => r('timeout'), timeoutMs);
  });
  try {
    const first = await Promise.race([
      readySeen.then(() => 'ready'),
      exited.then(() => 'exited'),
      new Promise((r) => child.once('error', () => r('error'))),
      deadline,
    ]);
    if (first === 'error') {
      await fail(
        spawnError?.code === 'ENOENT'
          ? `${java} not found: install JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME`
          : `cannot run ${java}: ${spawnError?.message}`,
      );
    }
    if (first === 'exited') {
      await new Promise((r) => setImmediate(r)); // let the last output lines arrive
      const failed = tail.filter((l) => l.startsWith('NEO4J FAILED ')).pop();
      await fail(
        failed ? failed.slice('NEO4J FAILED '.length) : `launcher exited (${exitInfo.code ?? exitInfo.signal}) before it was ready`,
      );
    }
    if (first === 'timeout') await fail(`not ready within ${Math.round(timeoutMs / 1000)} s`);
    const left = Math.max(1_000, timeoutMs - (Date.now() - started));
    const bolt = await Promise.race([
      waitForBolt(host, port, left).then(
        () => 'up',
        (e) => e.message,
      ),
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
