#!/usr/bin/env node
// Builds and runs the local Neo4j Community 5.26 (embedded, Bolt on) of neo4j-launcher/.
// Plain Node ESM with no npm dependencies: it runs before `npm install` on a fresh clone.
//
//   node scripts/neo4j.mjs start   # foreground until Ctrl-C / SIGTERM
//   node scripts/neo4j.mjs stop    # stops the one started for NEO4J_HOME_DIR (pid file)
//
// Env: NEO4J_HOME_DIR (default .neo4j/data), NEO4J_BOLT_PORT (7687), NEO4J_PASSWORD
// (uflpa-trace-local), NEO4J_HEAP (2g), NEO4J_PAGECACHE (512m), NEO4J_START_TIMEOUT_SECONDS (120).
//
// The parts live in scripts/neo4j/: layout.mjs (paths), launcherBuild.mjs (Maven build),
// start.mjs (start and readiness), bolt.mjs (Bolt handshake), pidFile.mjs (pid file, stop).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLauncher } from './neo4j/launcherBuild.mjs';
import { DEFAULT_PASSWORD, root } from './neo4j/layout.mjs';
import { stopNeo4jFromPidFile } from './neo4j/pidFile.mjs';
import { startNeo4j } from './neo4j/start.mjs';

export { buildLauncher } from './neo4j/launcherBuild.mjs';
export { waitForBolt } from './neo4j/bolt.mjs';
export { runningLauncher, stopNeo4jFromPidFile } from './neo4j/pidFile.mjs';
export { startNeo4j } from './neo4j/start.mjs';

async function cli(command) {
  const log = (msg) => console.log(msg);
  const home = resolve(process.env.NEO4J_HOME_DIR || join(root, '.neo4j', 'data'));
  const port = Number(process.env.NEO4J_BOLT_PORT || 7687);
  if (command === 'stop') {
    await stopNeo4jFromPidFile(home, { log });
    return 0;
  }
  if (command !== 'start') {
    console.error(
      'usage: node scripts/neo4j.mjs start|stop   (env NEO4J_HOME_DIR, NEO4J_BOLT_PORT, NEO4J_PASSWORD, NEO4J_HEAP, NEO4J_PAGECACHE)',
    );
    return 2;
  }
  await buildLauncher({ log });
  // a loaded machine can take longer than the default 120 s to start Neo4j
  const timeoutMs = Number(process.env.NEO4J_START_TIMEOUT_SECONDS || 120) * 1000;
  const neo = await startNeo4j({ home, port, password: process.env.NEO4J_PASSWORD || DEFAULT_PASSWORD, log, timeoutMs });
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
  cli(process.argv[2]).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
