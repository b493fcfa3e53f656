#!/usr/bin/env node
// Backups of the local store: Neo4j's own `neo4j-admin database dump` / `load` (run from the same
// Maven build of Neo4j 5.26 the launcher uses, class org.neo4j.cli.AdminTool) on the launcher's
// home, with the exhibit store copied beside the dump. Community Edition dumps and loads only a
// stopped database, so both refuse while the launcher's Neo4j runs on that home.
//
//   npm run backup [-- --to DIR]          DIR (default backups/<UTC time>/): neo4j.dump, exhibits/, backup.json
//   npm run restore -- DIR                replaces the local database and the exhibit store with DIR's
//
// Env: NEO4J_HOME_DIR (default .neo4j/data), EXHIBIT_ROOT (default .exhibits), JAVA_HOME.
// Plain Node ESM with no npm dependencies, like scripts/neo4j.mjs.
import { createHash } from 'node:crypto';
import { cpSync, createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAdmin } from './neo4j/admin.mjs';
import { root } from './neo4j/layout.mjs';
import { isLauncher, readPidFile } from './neo4j/pidFile.mjs';

const DATABASE = 'neo4j';
const DUMP = `${DATABASE}.dump`;

export function locations(env = process.env) {
  return {
    home: resolve(env.NEO4J_HOME_DIR || join(root, '.neo4j', 'data')),
    exhibits: resolve(env.EXHIBIT_ROOT || join(root, '.exhibits')),
  };
}

function refuseIfRunning(home, env, { storeRequired = true } = {}) {
  if (env.NEO4J_URI)
    throw new Error(
      'NEO4J_URI is set: that Neo4j is not the local store these commands manage. Back it up with its own tools ' +
        '(Aura: its snapshots and export in the console; Enterprise or a cluster: neo4j-admin database backup, online).',
    );
  const pid = readPidFile(home);
  if (pid && isLauncher(pid))
    throw new Error(
      `Neo4j is running on ${home} (pid ${pid}); Community Edition dumps and loads only a stopped database. ` +
        'Stop it first (Ctrl-C the `npm start`, or `npm run neo4j:stop`), then run this again.',
    );
  if (storeRequired && !existsSync(join(home, 'data', 'databases', DATABASE)))
    throw new Error(`no Neo4j store at ${home} (NEO4J_HOME_DIR): start the service once, or name the right home`);
}

const admin = (home, args, log) => runAdmin(home, args, { log });

const sha256File = (path) =>
  new Promise((r, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('end', () => r(h.digest('hex')))
      .on('error', reject);
  });

export async function backup({ to, env = process.env, log = console.log } = {}) {
  const { home, exhibits } = locations(env);
  refuseIfRunning(home, env);
  const dir = resolve(to || join(root, 'backups', new Date().toISOString().replace(/[:.]/g, '-')));
  if (existsSync(join(dir, DUMP))) throw new Error(`${dir} already holds a backup; name another folder`);
  mkdirSync(dir, { recursive: true });
  await admin(home, ['database', 'dump', DATABASE, `--to-path=${dir}`], log);
  if (existsSync(exhibits))
    cpSync(exhibits, join(dir, 'exhibits'), { recursive: true, filter: (src) => !src.startsWith(join(exhibits, '.incoming')) });
  const release = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const info = {
    createdAt: new Date().toISOString(),
    release,
    database: DATABASE,
    home,
    exhibits,
    dumpSha256: await sha256File(join(dir, DUMP)),
  };
  writeFileSync(join(dir, 'backup.json'), `${JSON.stringify(info, null, 2)}\n`);
  log(`backup written to ${dir} (${DUMP}, exhibits/, backup.json)`);
  return dir;
}

export async function restoreBackup({ from, env = process.env, log = console.log } = {}) {
  if (!from) throw new Error('name the backup folder: npm run restore -- backups/<time>');
  const dir = resolve(from);
  const { home, exhibits } = locations(env);
  if (!existsSync(join(dir, DUMP))) throw new Error(`${dir} holds no ${DUMP}: not a backup folder`);
  const info = existsSync(join(dir, 'backup.json')) ? JSON.parse(readFileSync(join(dir, 'backup.json'), 'utf8')) : null;
  if (info?.dumpSha256 && info.dumpSha256 !== (await sha256File(join(dir, DUMP))))
    throw new Error(`${join(dir, DUMP)} does not have the SHA-256 backup.json gives: the dump was changed or damaged`);
  refuseIfRunning(home, env, { storeRequired: false });
  mkdirSync(join(home, 'data', 'databases'), { recursive: true });
  await admin(home, ['database', 'load', DATABASE, `--from-path=${dir}`, '--overwrite-destination=true'], log);
  // the exhibits there now are kept aside, not deleted
  if (existsSync(exhibits)) {
    const aside = `${exhibits}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(exhibits, aside);
    log(`the exhibit store that was there is kept at ${aside}`);
  }
  if (existsSync(join(dir, 'exhibits'))) cpSync(join(dir, 'exhibits'), exhibits, { recursive: true });
  log(`restored ${dir}${info ? ` (made ${info.createdAt} by release ${info.release})` : ''} into ${home}; start the service as usual`);
}

async function cli([command, ...args]) {
  const value = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (command === 'backup') return backup({ to: value('to') ?? args.find((a) => !a.startsWith('--')) });
  if (command === 'restore') return restoreBackup({ from: args.find((a) => !a.startsWith('--')) });
  throw new Error('usage: node scripts/backup.mjs backup [--to DIR] | restore DIR');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).then(
    () => process.exit(0),
    (e) => {
      console.error(`backup: ${e.message}`);
      process.exit(1);
    },
  );
}
