// The dashboard view over a tenant with many shipments.
import type { Services } from '../src/services';
import { importBundle } from '../src/import';
import { shipmentRisks } from '../src/trace';
import { generateBundleChunks } from '../src/generate/generator';
import { fmt } from './measure';

export async function benchRiskView(services: Services, shipments: number): Promise<string> {
  const tenant = `risk-${shipments}-${Date.now().toString(36)}`;
  const flows = shipments * 5;
  for (const chunk of generateBundleChunks({ flows, seed: 7, tiers: 8, shipments }, 50_000)) await importBundle(services, tenant, chunk);
  const version = (await services.screening.current()).list.version;
  const total = (await services.graph.read<{ n: number }>('MATCH (s:Shipment {tenant: $tenant}) RETURN count(s) AS n', { tenant }))[0].n;
  const times: number[] = [];
  let verdicts: Record<string, number> = {};
  for (let r = 0; r < 2; r++) {
    const t0 = performance.now();
    const page = await shipmentRisks(services.graph, tenant, version, { first: 10_000 });
    times.push(performance.now() - t0);
    verdicts = page.items.reduce((acc, i) => ({ ...acc, [i.verdict]: (acc[i.verdict] ?? 0) + 1 }), {} as Record<string, number>);
  }
  return [
    '### Batch risk view',
    '',
    `\`shipmentRisks(first: 10000)\` over a tenant with ${total.toLocaleString()} shipments on ${flows.toLocaleString()} generated flows (8 tiers). First call: the parties are read from Neo4j and judged by the rules for the first time. Second call: the tenant is unchanged, so the parties' context comes from the cache keyed by the tenant's data version; the flows are traversed again.`,
    '',
    '| shipments | first call s | second call s | verdicts |',
    '|---|---|---|---|',
    `| ${total.toLocaleString()} | ${fmt(times[0] / 1000, 2)} | ${fmt(times[1] / 1000, 2)} | ${Object.entries(verdicts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} |`,
    '',
  ].join('\n');
}
