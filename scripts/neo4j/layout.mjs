// Where the Neo4j launcher's sources, build output and pid file live, and its main class.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const launcherDir = join(root, 'neo4j-launcher');
export const pomFile = join(launcherDir, 'pom.xml');
export const targetDir = join(launcherDir, 'target');
export const classesDir = join(targetDir, 'classes');
export const classpathFile = join(targetDir, 'classpath.txt');
export const stampFile = join(targetDir, 'launcher.stamp');
export const buildLockDir = join(targetDir, '.build-lock');
export const MAIN_CLASS = 'io.uflpatrace.neo4j.Launcher';
export const PID_FILE = 'neo4j.pid';
export const DEFAULT_PASSWORD = 'uflpa-trace-local';

export const noop = () => {};
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
