// Trace latency beside the raw single-query traversal of the same upstream graph.
import type { Services } from '../src/api/context';
import { traceShipment, DEFAULT_MAX_TIERS } from '../src/trace';
import { rawUpstreamQuery } from '../src/trace/cypher';
import { fmt, stats } from './measure';

export async function benchTrace(services: Services, tenants: { size: number; tenant: string }[], samples: number): Promise<string> {
  const lines = ['### Trace latency', '',
    `For each graph size, ${samples} shipments (evenly spread over the tenant's shipments), each traced 3 times after one warm-up: \`traceShipment\` (the service: traversal, party context, rules) beside the raw traversal alone (one Cypher query over the same INPUT edges returning the upstream firms). maxTiers ${DEFAULT_MAX_TIERS}.`, '',
    '| flows | service median ms | service p99 ms | raw median ms | raw p99 ms | service ÷ raw (median) | mean tiers | mean hops |', '|---|---|---|---|---|---|---|---|'];
  const version = (await services.screening.current()).list.version;
  for (const { size, tenant } of tenants) {
    const ids = (await services.graph.read<{ id: string }>('MATCH (s:Shipment {tenant: $tenant}) RETURN s.id AS id ORDER BY id', { tenant })).map((r) => r.id);
    const step = Math.max(1, Math.floor(ids.length / samples));
    const picked = ids.filter((_, i) => i % step === 0).slice(0, samples);
    const svc: number[] = [];
    const raw: number[] = [];
    let tiers = 0;
    let hops = 0;
    for (const id of picked) {
      const t = await traceShipment(services.graph, tenant, { id }, version);
      tiers += t.tiers;
      hops += t.hops.length;
      await services.graph.read(rawUpstreamQuery(DEFAULT_MAX_TIERS - 1), { tenant, shipmentId: id });
      for (let r = 0; r < 3; r++) {
        let t0 = performance.now();
        await traceShipment(services.graph, tenant, { id }, version);
        svc.push(performance.now() - t0);
        t0 = performance.now();
        await services.graph.read(rawUpstreamQuery(DEFAULT_MAX_TIERS - 1), { tenant, shipmentId: id });
        raw.push(performance.now() - t0);
      }
    }
    const s = stats(svc);
    const r = stats(raw);
    lines.push(`| ${size.toLocaleString()} | ${fmt(s.median)} | ${fmt(s.p99)} | ${fmt(r.median)} | ${fmt(r.p99)} | ${fmt(s.median / r.median, 2)} | ${fmt(tiers / picked.length)} | ${fmt(hops / picked.length, 0)} |`);
    console.log(lines[lines.length - 1]);
  }
  lines.push('');
  return lines.join('\n');
}
