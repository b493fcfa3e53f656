// The requests of issue 14 that stalled everyone, each sent to a fresh server process (so its
// peak RSS is the request's), with /health polled every 100 ms meanwhile. Prints one line per
// case: status and code, time to answer, the server's peak RSS, and /health's worst latency.
//
//   NEO4J_URI=bolt://... npx tsx bench/stalls.ts [--repo DIR] [--cases a,b] [--bundle FILE.json]
//
// --repo runs another checkout's server (e.g. main, for the numbers before a change);
// --bundle adds a legitimate large import (e.g. `npm run generate -- --flows 100000`).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const repo = resolve(arg('repo') ?? process.cwd());
const IMPORT = 'mutation($b: JSON!) { importBundle(bundle: $b) { firms flows } }';

function emptyRecords(bytes: number): string {
  const n = Math.floor((bytes - 100) / 3);
  return `{"query":${JSON.stringify(IMPORT)},"variables":{"b":{"bundleVersion":1,"firms":[${new Array(n).fill('{}').join(',')}]}}}`;
}

const cases: Record<string, () => string> = {
  introspection30x30: () => {
    const inner = Array.from({ length: 30 }, (_, j) => `t${j}: types { fields { name } }`).join(' ');
    return JSON.stringify({ query: `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: __schema { ${inner} }`).join(' ')} }` });
  },
  traces399: () => {
    const ids = ['S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6'];
    const q = Array.from({ length: 399 }, (_, i) => `t${i}: traceShipment(id: "${ids[i % ids.length]}") { verdict tiers }`).join(' ');
    return JSON.stringify({ query: `{ ${q} }` });
  },
  emptyRecords50MB: () => emptyRecords(50e6),
  emptyRecords30MB: () => emptyRecords(30e6),
  typename5MB: () => JSON.stringify({ query: `{ ${Array.from({ length: 5e6 / 17 }, (_, i) => `a${i}: __typename`).join(' ')} }` }),
};

const freePort = () =>
  new Promise<number>((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });

async function startServer(port: number) {
  const child = spawn(join(repo, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    cwd: repo,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', LOAD_DEMO_SEED: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // the server's own node process is the child of tsx's
  const pid = await serverPid(child.pid!);
  return { url, pid, stop: () => child.kill('SIGTERM') };
}

async function serverPid(parent: number): Promise<number> {
  const { execSync } = await import('node:child_process');
  const kids = execSync(`pgrep -P ${parent} || true`).toString().trim().split('\n').filter(Boolean).map(Number);
  return kids.length ? kids[kids.length - 1] : parent;
}

const peakRssMb = (pid: number) => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};

async function run(name: string, body: string) {
  const port = await freePort();
  const server = await startServer(port);
  try {
    const before = peakRssMb(server.pid);
    let worstHealth = 0;
    let healthAnswers = 0;
    let done = false;
    const poll = (async () => {
      while (!done) {
        const t = performance.now();
        try {
          await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(120_000) });
          healthAnswers++;
        } catch {
          // counted as its latency
        }
        worstHealth = Math.max(worstHealth, performance.now() - t);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const started = performance.now();
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).catch(
      (e: Error) => ({ status: 0, text: async () => `server died: ${(e.cause as Error)?.message ?? e.message}` }),
    );
    const text = await res.text();
    const ms = performance.now() - started;
    const rss = existsSync(`/proc/${server.pid}/status`) ? `${peakRssMb(server.pid)} MB` : 'n/a (process gone)';
    done = true;
    await poll;
    let code = '';
    try {
      code = JSON.parse(text).errors?.[0]?.extensions?.code ?? 'ok';
    } catch {
      code = text.slice(0, 40);
    }
    console.log(
      `${name.padEnd(18)} ${(body.length / 1e6).toFixed(1).padStart(6)} MB  status ${res.status} ${code.padEnd(24)} ` +
        `${(ms / 1000).toFixed(2).padStart(6)} s  answer ${(text.length / 1e6).toFixed(2)} MB  ` +
        `peak RSS ${rss} (idle ${before} MB)  /health worst ${Math.round(worstHealth)} ms over ${healthAnswers} polls`,
    );
  } finally {
    server.stop();
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function main() {
  const only = arg('cases')?.split(',');
  for (const [name, make] of Object.entries(cases)) if (!only || only.includes(name)) await run(name, make());
  const bundle = arg('bundle');
  if (bundle) {
    await run('largeImport', `{"query":${JSON.stringify(IMPORT)},"variables":{"b":${readFileSync(bundle, 'utf8')}}}`);
  }
}

void main();
