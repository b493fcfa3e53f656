import type { Services } from '../src/services';
import { TENANT_LABELS } from '../src/graph/schema';
// Small measuring tools shared by the benchmarks.
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
export function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, median: percentile(s, 50), p99: percentile(s, 99), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}
export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** Samples the process's memory every few ms while fn runs: peak RSS and heap in MiB. */
export async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakRssMiB: number; peakHeapMiB: number }> {
  (global as { gc?: () => void }).gc?.();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 10);
  const start = performance.now();
  try {
    const result = await fn();
    return { result, ms: performance.now() - start, peakRssMiB: peakRss / 2 ** 20, peakHeapMiB: peakHeap / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** Deletes a tenant's data label by label (each an index seek, not a scan of every node). */
export async function deleteTenant(services: Pick<Services, 'graph'>, tenant: string): Promise<void> {
  for (const label of [...TENANT_LABELS, 'AuditEvent', 'TenantState', 'ShipmentSummary', 'SummaryFlag']) {
    await services.graph.autoCommit(`MATCH (n:${label} {tenant: $tenant}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`, {
      tenant,
    });
  }
}
