// Trace latency beside the raw single-query traversal of the same upstream graph.
import type { Services } from '../src/services';
import { traceShipment, DEFAULT_MAX_TIERS } from '../src/trace';
import { rawUpstreamQuery } from '../src/trace/cypher';
import { fmt, stats } from './measure';

export interface TraceSizeResult {
  size: number;
  serviceMedian: number;
  serviceP99: number;
  rawMedian: number;
  rawP99: number;
  firstMedian: number;
}

export async function benchTrace(
  services: Services,
  tenants: { size: number; tenant: string }[],
  samples: number,
  warmup = 0,
): Promise<{ markdown: string; results: TraceSizeResult[] }> {
  const lines = [
    '### Trace latency',
    '',
    `For each graph size, ${samples} shipments (evenly spread over the tenant's shipments). Each is traced once (the *first call* column: its suppliers' context may still be unread), then 3 times more, each beside the raw traversal: \`traceShipment\` (the service: traversal, party context, rules) and the raw traversal alone (one Cypher query over the same INPUT edges returning the upstream firms), both through the same driver and transaction path. The service reads its flows in one query and its parties' context from a cache keyed by the tenant's data version (a second query only for parties not read since the tenant last changed). maxTiers ${DEFAULT_MAX_TIERS}.${warmup ? ` Before any of it, ${warmup} rounds of both over the sample, untimed (the first-call column then shows the warm cache).` : ''}`,
    '',
    '| flows | service median ms | service p99 ms | raw median ms | raw p99 ms | service ÷ raw (median) | service first call median ms | mean tiers | mean hops |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const version = (await services.screening.current()).list.version;
  const results: TraceSizeResult[] = [];
  for (const { size, tenant } of tenants) {
    const ids = (
      await services.graph.read<{ id: string }>('MATCH (s:Shipment {tenant: $tenant}) RETURN s.id AS id ORDER BY id', { tenant })
    ).map((r) => r.id);
    if (!ids.length) throw new Error(`no shipments in tenant "${tenant}" to trace`);
    const step = Math.max(1, Math.floor(ids.length / samples));
    const picked = ids.filter((_, i) => i % step === 0).slice(0, samples);
    const svc: number[] = [];
    const raw: number[] = [];
    const first: number[] = [];
    let tiers = 0;
    let hops = 0;
    const trace = (id: string) => traceShipment(services.graph, tenant, { id }, version);
    const rawTraversal = (id: string) => services.graph.read(rawUpstreamQuery(DEFAULT_MAX_TIERS - 1), { tenant, shipmentId: id });
    for (let w = 0; w < warmup; w++)
      for (const id of picked) {
        await trace(id);
        await rawTraversal(id);
      }
    for (const id of picked) {
      let t0 = performance.now();
      const t = await trace(id);
      first.push(performance.now() - t0);
      tiers += t.tiers;
      hops += t.hops.length;
      await rawTraversal(id);
      for (let r = 0; r < 3; r++) {
        t0 = performance.now();
        await trace(id);
        svc.push(performance.now() - t0);
        t0 = performance.now();
        await rawTraversal(id);
        raw.push(performance.now() - t0);
      }
    }
    const s = stats(svc);
    const r = stats(raw);
    const f = stats(first);
    results.push({ size, serviceMedian: s.median, serviceP99: s.p99, rawMedian: r.median, rawP99: r.p99, firstMedian: f.median });
    lines.push(
      `| ${size.toLocaleString()} | ${fmt(s.median)} | ${fmt(s.p99)} | ${fmt(r.median)} | ${fmt(r.p99)} | ${fmt(s.median / r.median, 2)} | ${fmt(f.median)} | ${fmt(tiers / picked.length)} | ${fmt(hops / picked.length, 0)} |`,
    );
    console.log(lines[lines.length - 1]);
  }
  lines.push('');
  return { markdown: lines.join('\n'), results };
}
