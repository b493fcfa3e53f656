// neo4j-admin (org.neo4j.cli.AdminTool) from the same Maven build of Neo4j 5.26 the launcher
// runs, on one launcher home: backups (dump, load) and bulk loads (database import).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildLauncher, buildNeeded, readClasspath } from './launcherBuild.mjs';

/** Runs neo4j-admin with NEO4J_HOME set to the launcher's home; its output goes to ours. */
export async function runAdmin(home, args, { log = () => {}, heap = '1g' } = {}) {
  if (buildNeeded()) await buildLauncher({ log });
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const child = spawn(java, [`-Xmx${heap}`, '-cp', readClasspath(), 'org.neo4j.cli.AdminTool', ...args], {
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise((r, reject) => {
    child.on('error', reject);
    child.on('exit', (c) => r(c));
  });
  if (code !== 0) throw new Error(`neo4j-admin ${args.slice(0, 3).join(' ')} failed (exit ${code}); its messages are above`);
}
