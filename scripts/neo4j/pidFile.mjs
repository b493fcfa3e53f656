// The launcher's process: alive or not, its pid file in the Neo4j home, stopping it from another process.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAIN_CLASS, PID_FILE, sleep } from './layout.mjs';

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** True when pid is alive and (where /proc tells) is our launcher, so a reused pid is never signalled. */
export function isLauncher(pid) {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MAIN_CLASS);
  } catch {
    return !existsSync('/proc/self'); // no /proc: trust the pid file
  }
}

export function readPidFile(home) {
  try {
    const pid = Number.parseInt(readFileSync(join(home, PID_FILE), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function removePidFile(home, pid) {
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
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    await waitForExit(pid, 10_000);
  }
  removePidFile(home, pid);
  log('[neo4j] stopped');
  return true;
}

/**
 * The launcher already running for `home` (npm start's), with its Bolt port read from its
 * command line, or null. Lets a second command (npm run import, npm run cli) use it.
 */
export function runningLauncher(home) {
  const pid = readPidFile(resolve(home));
  if (!pid || !isLauncher(pid)) return null;
  let port = null;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const arg = args.find((a) => a.startsWith('--port='));
    port = arg ? Number(arg.slice('--port='.length)) : null;
  } catch {
    /* no /proc: the caller falls back to NEO4J_BOLT_PORT */
  }
  return { pid, port };
}
