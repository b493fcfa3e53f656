// The dashboard view over a tenant with many shipments: pages read from the stored summaries,
// the whole view, the live judging it replaces, and what keeping the summaries current adds to
// an import that touches 1% of the flows.
import { loadavg } from 'node:os';
import type { Services } from '../src/services';
import { importBundle } from '../src/import';
import { shipmentRisks } from '../src/trace';
import { ensureSummaries } from '../src/trace/summaries';
import { generateBundleChunks } from '../src/generate/generator';
import { deleteTenant, fmt, stats } from './measure';

type Chunk = ReturnType<typeof generateBundleChunks> extends Iterable<infer C> ? C : never;

/** Every 100th flow of the generated map, sent again as they are: an import touching 1% of the flows. */
function onePercentOf(chunks: Chunk[]) {
  const flows = chunks.flatMap((c) => (c as { flows: { id: string }[] }).flows).filter((_, i) => i % 100 === 0);
  return { bundleVersion: 1, flows };
}

export async function benchRiskView(services: Services, shipments: number): Promise<string> {
  const tenant = `risk-${shipments}-${Date.now().toString(36)}`;
  const flows = shipments * 5;
  const chunks: Chunk[] = [];
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  const t0 = performance.now();
  for (const chunk of generateBundleChunks({ flows, seed: 7, tiers: 8, shipments }, 50_000)) {
    chunks.push(chunk);
    await importBundle(services, tenant, chunk);
  }
  const loadS = (performance.now() - t0) / 1000;
  const version = (await services.screening.current()).list.version;
  const total = (await services.graph.read<{ n: number }>('MATCH (s:Shipment {tenant: $tenant}) RETURN count(s) AS n', { tenant }))[0].n;
  await ensureSummaries(services.graph, tenant); // nothing to do when the import kept them current

  const time = async (fn: () => Promise<unknown>) => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  const pages: number[] = [];
  for (let i = 0; i < 20; i++)
    pages.push(await time(() => shipmentRisks(services.graph, tenant, version, { first: 100, after: i ? String(i * 100) : null })));
  const filtered: number[] = [];
  for (const args of [
    { verdict: 'FLAGGED' as const },
    { flagKind: 'XUAR_LOCATION' as const },
    { orderBy: 'VERDICT' as const },
    { orderBy: 'ENTRY_DATE' as const },
  ])
    filtered.push(await time(() => shipmentRisks(services.graph, tenant, version, { ...args, first: 100 })));
  const whole: number[] = [];
  let verdicts: Record<string, number> = {};
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    const page = await shipmentRisks(services.graph, tenant, version, { first: 10_000 });
    whole.push(performance.now() - start);
    verdicts = page.items.reduce((acc, i) => ({ ...acc, [i.verdict]: (acc[i.verdict] ?? 0) + 1 }), {} as Record<string, number>);
  }
  const today = new Date().toISOString().slice(0, 10);
  const live = await time(() => shipmentRisks(services.graph, tenant, version, { first: 10_000, asOf: today }));

  // the 1% import, first with the summaries not current (the hook only checks and stops: the
  // import's own write), then current (the hook judges the shipments the flows reach)
  const touch = onePercentOf(chunks);
  await services.graph.write('MATCH (v:TenantState {tenant: $tenant}) SET v.summariesAt = null', { tenant });
  const writeOnly = await time(() => importBundle(services, tenant, touch));
  const rebuild = await time(() => ensureSummaries(services.graph, tenant));
  const withSummaries = await time(() => importBundle(services, tenant, touch));
  const refresh = withSummaries - writeOnly;
  const [{ n: reached }] = await services.graph.read<{ n: number }>(
    `UNWIND $ids AS id MATCH (hit:Flow {tenant: $tenant, id: id}) MATCH (down:Flow)-[:INPUT*0..14]->(hit) WITH DISTINCT down
     MATCH (s:Shipment)-[:CARRIED_BY]->(down) RETURN count(DISTINCT s) AS n`,
    { tenant, ids: touch.flows.map((f) => f.id) },
  );
  await deleteTenant(services, tenant);
  const p = stats(pages);
  return [
    '### Batch risk view',
    '',
    `\`shipmentRisks\` over a tenant with ${total.toLocaleString()} shipments on ${flows.toLocaleString()} generated flows (8 tiers), loaded in ${fmt(loadS)} s (summaries judged in the import's transaction). With its default as-of the view reads the stored summaries (trace/summaries/), filtered and sorted in Cypher; \`asOf\` given, it judges live as before. Load average when the section started (1/5/15 min): ${load}.`,
    '',
    '| shipments | page of 100 median ms (p99) | filtered or sorted page of 100 ms (max) | all rows ms (median of 3) | all rows judged live ms | verdicts |',
    '|---|---|---|---|---|---|',
    `| ${total.toLocaleString()} | ${fmt(p.median)} (${fmt(p.p99)}) | ${fmt(Math.max(...filtered))} | ${fmt(stats(whole).median)} | ${fmt(live)} | ${Object.entries(
      verdicts,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} |`,
    '',
    `An import re-sending 1% of the flows (${touch.flows.length.toLocaleString()}; they reach ${reached.toLocaleString()} shipments): ${fmt(writeOnly)} ms with the summaries not current (the write alone), ${fmt(withSummaries)} ms keeping them current, so the refresh adds ${fmt(refresh)} ms, ${fmt(refresh / writeOnly, 2)}× the write (target ≤ 2×). Rebuilding every summary of the tenant: ${fmt(rebuild)} ms.`,
    '',
  ].join('\n');
}
