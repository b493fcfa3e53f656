// OpenSanctions' matcher beside ours: nomenklatura's logic-v2 algorithm scores every
// evaluation query against every Entity List entry (bench/nomenklatura/score.py). The pinned
// packages (bench/nomenklatura/requirements.txt) are installed into .venv-bench/ on first use;
// scores are cached there by query, so a rerun scores only new cases. If the set-up fails (no
// Python, no network) the bench says why and goes on without it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityListVersion } from '../src/model/entityList';
import type { EvalCase } from '../src/screening/evaluation';

const ROOT = join(__dirname, '..');
const VENV = join(ROOT, '.venv-bench');
const REQUIREMENTS = join(__dirname, 'nomenklatura', 'requirements.txt');
const SCORER = join(__dirname, 'nomenklatura', 'score.py');
const CACHE = join(VENV, 'nomenklatura-scores.json');
const PYTHON = join(VENV, 'bin', 'python');

/** yente's default /match threshold (SCORE_THRESHOLD), the score above which OpenSanctions calls a hit. */
export const NOMENKLATURA_THRESHOLD = 0.7;

export interface NomenklaturaRun {
  version: string;
  /** Best entry and score for each case (same order as the cases), null when nothing scored above 0. */
  tops: Array<{ entity: string; score: number } | null>;
  /** Seconds per query when the scores were computed (cached ones keep their first timing). */
  secondsPerQuery: number;
  freshlyScored: number;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function run(cmd: string, args: string[], input?: string, timeoutMs = 20 * 60_000) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  const err = r.error
    ? r.error.message
    : r.status !== 0
      ? (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(-3).join(' / ')
      : null;
  return { ok: !err, out: r.stdout ?? '', err };
}

/** Creates the venv and installs the pinned packages unless they already are; returns an error text or null. */
export function ensureNomenklatura(log: (s: string) => void = () => {}): string | null {
  const want = sha(readFileSync(REQUIREMENTS, 'utf8'));
  const marker = join(VENV, '.requirements-sha256');
  if (existsSync(PYTHON) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === want) return null;
  log('installing nomenklatura into .venv-bench/ (pyicu compiles: a few minutes)');
  const python = process.env.BENCH_PYTHON || 'python3';
  const venv = run(python, ['-m', 'venv', VENV]);
  if (!venv.ok) return `could not create .venv-bench with ${python}: ${venv.err}`;
  const pip = run(PYTHON, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS]);
  if (!pip.ok) return `pip install -r bench/nomenklatura/requirements.txt failed: ${pip.err}`;
  writeFileSync(marker, want + '\n');
  return null;
}

interface Cache {
  key: string;
  version: string;
  secondsPerQuery: number;
  scores: Record<string, Array<[string, number]>>;
}

/** Scores the cases with logic-v2; throws with the reason when nomenklatura cannot run. */
export function scoreWithNomenklatura(
  list: EntityListVersion,
  cases: readonly EvalCase[],
  log: (s: string) => void = () => {},
): NomenklaturaRun {
  const setupError = ensureNomenklatura(log);
  if (setupError) throw new Error(setupError);
  const entities = list.entries.map((e, i) => ({
    id: String(i),
    name: e.name,
    aliases: e.aliases,
    formerNames: e.formerNames,
    localNames: e.localNames,
    country: e.country,
  }));
  const key = sha(readFileSync(REQUIREMENTS, 'utf8') + readFileSync(SCORER, 'utf8') + JSON.stringify(entities));
  let cache: Cache = { key, version: '', secondsPerQuery: 0, scores: {} };
  if (existsSync(CACHE)) {
    const old = JSON.parse(readFileSync(CACHE, 'utf8')) as Cache;
    if (old.key === key) cache = old;
  }
  const caseKey = (c: EvalCase) => sha(`${c.query}\u0000${c.country ?? ''}`);
  const missing = [...new Map(cases.filter((c) => !cache.scores[caseKey(c)]).map((c) => [caseKey(c), c])).entries()];
  if (missing.length) {
    log(`nomenklatura: scoring ${missing.length} queries against ${entities.length} entries`);
    const queries = missing.map(([id, c]) => ({ id, query: c.query, country: c.country ?? null }));
    const t0 = performance.now();
    const r = run(PYTHON, [SCORER], JSON.stringify({ entities, queries, top: 3 }));
    if (!r.ok) throw new Error(`bench/nomenklatura/score.py failed: ${r.err}`);
    const seconds = (performance.now() - t0) / 1000;
    const out = JSON.parse(r.out) as { version: string; results: Record<string, Array<[string, number]>> };
    const before = Object.keys(cache.scores).length;
    cache.version = out.version;
    // keep a timing taken over many queries (start-up costs seconds)
    if (missing.length >= before) cache.secondsPerQuery = seconds / missing.length;
    Object.assign(cache.scores, out.results);
    writeFileSync(CACHE, JSON.stringify(cache));
  }
  const tops = cases.map((c) => {
    const best = cache.scores[caseKey(c)]?.[0];
    return best ? { entity: list.entries[Number(best[0])].name, score: best[1] } : null;
  });
  return { version: cache.version, tops, secondsPerQuery: cache.secondsPerQuery, freshlyScored: missing.length };
}
