// Issue 20's target figures, gathered from the sections of one run and shown beside the
// previous run's (bench/figures.json, rewritten by each run that measures them), so one
// section of BENCHMARKS.md holds every target with this run's number and the last one.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt } from './measure';

interface Target {
  label: string;
  /** what the issue asks, as text */
  goal: string;
  met: (v: number) => boolean;
  digits?: number;
}

/** Each figure a section records, what it means and its target; listed once, in the order shown. */
export const TARGETS = {
  traceMedianMs: { label: 'trace median at the largest online size (ms)', goal: '< 10', met: (v: number) => v < 10 },
  traceOverRaw: { label: 'trace ÷ raw traversal (median)', goal: '≤ 1.3', met: (v: number) => v <= 1.3, digits: 2 },
  firmLookupRatio: { label: 'firm look-up: ours ÷ @neo4j/graphql 7 (req/s)', goal: '≥ 1.00', met: (v: number) => v >= 1, digits: 2 },
  firmFacilitiesRatio: {
    label: 'firm with facilities: ours ÷ @neo4j/graphql 7 (req/s)',
    goal: '≥ 1.00',
    met: (v: number) => v >= 1,
    digits: 2,
  },
  riskPageWorstMs: { label: 'risk view, page of 100: slowest filter median (ms)', goal: '< 100', met: (v: number) => v < 100 },
  riskAllMs: { label: 'risk view, all 10,000 rows: median (ms)', goal: '< 1000', met: (v: number) => v < 1000, digits: 0 },
  refreshOverWrite: {
    label: '1% import (every 100th flow): summary refresh ÷ its write (median of the warm imports)',
    goal: '≤ 2',
    met: (v: number) => v <= 2,
    digits: 2,
  },
  refreshOverWriteClustered: {
    label: '1% import (the first 1%, whole networks): summary refresh ÷ its write (median of the warm imports)',
    goal: '≤ 2',
    met: (v: number) => v <= 2,
    digits: 2,
  },
  searchMedianMs: { label: 'searchFirms median at 180k firms (ms)', goal: '< 10', met: (v: number) => v < 10 },
  bulkOverOnline: { label: 'bulk load ÷ online import (flows/s, largest size both ran)', goal: '≥ 10', met: (v: number) => v >= 10 },
  onlineFlowsPerS: { label: 'online import at the largest size (flows/s)', goal: '(floor: see import table)', met: () => true, digits: 0 },
  largestFlows: {
    label: 'largest graph loaded (flows)',
    goal: '5,000,000 or the largest this machine holds',
    met: (v: number) => v >= 5_000_000,
    digits: 0,
  },
} satisfies Record<string, Target>;

export type FigureKey = keyof typeof TARGETS;

interface Stored {
  run: string;
  figures: Partial<Record<FigureKey, { value: number; context: string }>>;
  /** the online import's seconds by size, from the last run that imported it (the bulk section compares with it) */
  online?: Record<string, { serviceS: number; run: string }>;
}

const FILE = join(__dirname, 'figures.json');
const figures = new Map<FigureKey, { value: number; context: string }>();
const online = new Map<number, number>();

/** The import section's time for a size, kept for a later run's bulk section. */
export function recordOnlineImport(size: number, serviceS: number): void {
  online.set(size, serviceS);
}

/** An earlier run's online import of this size, for a run that bulk-loads without importing. */
export function earlierOnlineImport(size: number): { size: number; serviceS: number; run: string } | undefined {
  const o = previous()?.online?.[String(size)];
  return o && { size, ...o };
}

/** A section records one of its numbers, with the size and conditions it was taken at. */
export function recordFigure(key: FigureKey, value: number, context: string): void {
  if (Number.isFinite(value)) figures.set(key, { value, context });
}

function previous(): Stored | null {
  if (!existsSync(FILE)) return null;
  return JSON.parse(readFileSync(FILE, 'utf8')) as Stored;
}

/** The table of targets (this run beside the previous), and the stored figures updated with this run's. */
export function targetsTable(run: string): string {
  const prev = previous();
  const lines = [
    '### Issue 20 targets: this run beside the previous',
    '',
    `Previous: bench/figures.json as it stood before this run (each figure from the last run that measured it${prev ? `; file written by ${prev.run}` : ''}).`,
    '',
    '| figure | target | this run | met | conditions | previous | previous conditions |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [key, t] of Object.entries(TARGETS) as [FigureKey, Target][]) {
    const now = figures.get(key);
    const before = prev?.figures[key];
    const show = (f?: { value: number }) => (f ? fmt(f.value, t.digits ?? 1) : 'not measured');
    lines.push(
      `| ${t.label} | ${t.goal} | ${show(now)} | ${now ? (t.met(now.value) ? 'yes' : '**no**') : ''} | ${now?.context ?? ''} | ${show(before)} | ${before?.context ?? ''} |`,
    );
  }
  lines.push('');
  if (figures.size || online.size) {
    const merged: Stored = {
      run,
      figures: { ...(prev?.figures ?? {}), ...Object.fromEntries(figures) },
      online: { ...(prev?.online ?? {}), ...Object.fromEntries([...online].map(([size, serviceS]) => [String(size), { serviceS, run }])) },
    };
    writeFileSync(FILE, `${JSON.stringify(merged, null, 2)}\n`);
  }
  return lines.join('\n');
}
