// Building neo4j-launcher with Maven when its output is missing or older than its sources.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLockDir, classesDir, classpathFile, launcherDir, noop, pomFile, root, sleep, stampFile, targetDir } from './layout.mjs';

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function readClasspath() {
  const deps = readFileSync(classpathFile, 'utf8').trim();
  return deps ? `${classesDir}:${deps}` : classesDir;
}

/** Why a build is needed, or null when target/ is up to date (and every jar is still in ~/.m2). */
export function buildNeeded() {
  if (!existsSync(stampFile) || !existsSync(classpathFile) || !existsSync(classesDir)) return 'no build output yet';
  const built = statSync(stampFile).mtimeMs;
  if (newestMtime(pomFile) > built || newestMtime(join(launcherDir, 'src')) > built) return 'pom or sources changed';
  const missing = readFileSync(classpathFile, 'utf8')
    .trim()
    .split(':')
    .filter((p) => p && !existsSync(p));
  if (missing.length) return `${missing.length} jar(s) missing from the local Maven repository`;
  return null;
}

function runCapture(cmd, args, opts) {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
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
        if (Date.now() - statSync(buildLockDir).mtimeMs > 15 * 60_000) {
          rmSync(buildLockDir, { recursive: true, force: true });
          continue;
        }
      } catch {
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`another build of neo4j-launcher holds ${buildLockDir}; remove it if no build runs`, { cause: e });
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
      if (e.code === 'ENOENT')
        throw new Error(
          'Maven (mvn) is not installed; it needs Maven 3.8+ and JDK 17+ (e.g. apt-get install maven openjdk-17-jdk-headless)',
          { cause: e },
        );
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
