// Import throughput beside its floor: the same rows written by one plain UNWIND/CREATE
// loop with the driver (no validation, no MERGE, no fallback links, no screening).
import type { Services } from '../src/services';
import { importBundle } from '../src/import';
import { toRows } from '../src/import/importBundle';
import { generateBundleChunks, type GenerateOptions } from '../src/generate/generator';
import type { Bundle } from '../src/model/bundle';
import { deleteTenant, fmt, withPeakMemory } from './measure';

// Chunks of 50k flows, each one all-or-nothing import: a 100k-flow transaction with its documents
// outgrows the transaction pool of the bench Neo4j (70% of its 6g heap; README "How much one import holds").
export const CHUNK = 50_000;

/** The name of the section's tenant of `size` flows, and the size read back from a name (undefined for another tenant). */
const importTenant = (size: number, stamp: string) => `bench-${size}-${stamp}`;
export const importedSize = (tenant: string | undefined): number | undefined => {
  const m = /^bench-(\d+)-/.exec(tenant ?? '');
  return m ? Number(m[1]) : undefined;
};

/** How the section generates a tenant of `size` flows (the risk view section reuses the largest). */
export const importGenerateOptions = (size: number): GenerateOptions => ({
  flows: size,
  seed: 1,
  tiers: 10,
  shipments: Math.max(10, Math.round(size / 100)),
});
const WARM_UP_FLOWS = 2_000;

const FLOOR = {
  nodes: (label: string) => `UNWIND $rows AS r CREATE (n:${label}) SET n = r, n.tenant = $tenant`,
  facilityFirm: `UNWIND $rows AS r MATCH (n:Facility {tenant: $tenant, id: r.id}), (f:Firm {tenant: $tenant, id: r.firmId}) CREATE (n)-[:OPERATED_BY]->(f)`,
  owns: `UNWIND $rows AS r MATCH (a:Firm {tenant: $tenant, id: r.owner}), (b:Firm {tenant: $tenant, id: r.owned}) CREATE (a)-[:OWNS {share: r.share}]->(b)`,
  flowEdges: `UNWIND $rows AS r MATCH (n:Flow {tenant: $tenant, id: r.id}), (a:Facility {tenant: $tenant, id: r.fromId}), (b:Facility {tenant: $tenant, id: r.toId}), (m:Material {tenant: $tenant, id: r.materialId})
              CREATE (n)-[:FROM]->(a), (n)-[:TO]->(b), (n)-[:OF]->(m)`,
  inputs: `UNWIND $rows AS r MATCH (n:Flow {tenant: $tenant, id: r.flow}), (i:Flow {tenant: $tenant, id: r.input}) CREATE (n)-[:INPUT {lot: true}]->(i)`,
  docs: `UNWIND $rows AS r MATCH (n:Flow {tenant: $tenant, id: r.flow}), (d:Document {tenant: $tenant, id: r.document}) CREATE (n)-[:DOCUMENTED_BY]->(d)`,
  shipEdges: `UNWIND $rows AS r MATCH (s:Shipment {tenant: $tenant, id: r.id}), (f:Flow {tenant: $tenant, id: r.flowId}), (i:Firm {tenant: $tenant, id: r.importerId}) CREATE (s)-[:CARRIED_BY]->(f), (s)-[:IMPORTED_BY]->(i)`,
};

async function floorWrite(services: Services, tenant: string, b: Bundle): Promise<void> {
  const rows = toRows(b, { firm: new Set(), facility: new Set(), material: new Map(), document: new Set(), flow: new Map() });
  const flowDocs = b.flows.flatMap((f) => (f.documents ?? []).map((d) => ({ flow: f.id, document: d })));
  const lotInputs = b.flows.flatMap((f) => (f.inputs ?? []).map((i) => ({ flow: f.id, input: i })));
  const steps: [string, unknown[]][] = [
    [FLOOR.nodes('Firm'), rows.firms],
    [FLOOR.nodes('Facility'), rows.facilities],
    [FLOOR.facilityFirm, rows.facilities],
    [FLOOR.owns, rows.ownership],
    [FLOOR.nodes('Material'), rows.materials],
    [FLOOR.nodes('Document'), rows.documents],
    [FLOOR.nodes('Flow'), rows.flows],
    [FLOOR.flowEdges, rows.flows],
    [FLOOR.docs, flowDocs],
    [FLOOR.inputs, lotInputs],
    [FLOOR.nodes('Shipment'), rows.shipments],
    [FLOOR.shipEdges, rows.shipments],
  ];
  await services.graph.writeTransaction(async (tx) => {
    for (const [q, items] of steps)
      for (let i = 0; i < items.length; i += 5000) await tx.run(q, { tenant, rows: items.slice(i, i + 5000) });
  }, 3600);
}

export async function benchImport(services: Services, sizes: number[], opts: { floor?: boolean } = {}) {
  const withFloor = opts.floor ?? true;
  const lines = [
    '### Import throughput',
    '',
    `Generated bundles (\`generateBundleChunks\`, seed 1, chunks of ${CHUNK.toLocaleString()} flows, each chunk one all-or-nothing import) into a fresh tenant, beside the floor: the same rows written by one plain UNWIND/CREATE loop per chunk with the driver. A ${WARM_UP_FLOWS.toLocaleString()}-flow import of each kind, unmeasured and deleted, warms the process and the database first.`,
    '',
    '| flows | service: s | service: flows/s | floor: s | floor: flows/s | service ÷ floor | peak RSS of Node (MiB) | peak heap (MiB) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const tenants: { size: number; tenant: string }[] = [];
  const results: { size: number; serviceS: number; floorS: number; peakRssMiB: number; timings: Map<string, number> }[] = [];
  // Warm-up, unmeasured: the first import of a fresh process and database pays for query
  // planning, JIT and a cold page cache, which would otherwise all fall on the first row.
  const warmStamp = Date.now().toString(36);
  for (const chunk of generateBundleChunks({ flows: WARM_UP_FLOWS, seed: 2, tiers: 10, shipments: 20 }, CHUNK)) {
    await importBundle(services, `warm-${warmStamp}`, chunk);
    if (withFloor) await floorWrite(services, `warm-floor-${warmStamp}`, chunk);
  }
  await deleteTenant(services, `warm-${warmStamp}`);
  await deleteTenant(services, `warm-floor-${warmStamp}`);
  for (const size of sizes) {
    const stamp = Date.now().toString(36);
    const tenant = importTenant(size, stamp);
    const floorTenant = `floor-${size}-${stamp}`;
    let serviceMs = 0;
    let floorMs = 0;
    let peakRss = 0;
    let peakHeap = 0;
    const timings = new Map<string, number>();
    for (const chunk of generateBundleChunks(importGenerateOptions(size), CHUNK)) {
      const svc = await withPeakMemory(() => importBundle(services, tenant, chunk, { timings }));
      serviceMs += svc.ms;
      peakRss = Math.max(peakRss, svc.peakRssMiB);
      peakHeap = Math.max(peakHeap, svc.peakHeapMiB);
      if (withFloor) floorMs += (await withPeakMemory(() => floorWrite(services, floorTenant, chunk))).ms;
    }
    await deleteTenant(services, floorTenant);
    lines.push(
      `| ${size.toLocaleString()} | ${fmt(serviceMs / 1000)} | ${fmt(size / (serviceMs / 1000), 0)} | ${fmt(withFloor ? floorMs / 1000 : NaN)} | ${fmt(withFloor ? size / (floorMs / 1000) : NaN, 0)} | ${fmt(serviceMs / floorMs, 2)} | ${fmt(peakRss, 0)} | ${fmt(peakHeap, 0)} |`,
    );
    console.log(lines[lines.length - 1]);
    tenants.push({ size, tenant });
    results.push({ size, serviceS: serviceMs / 1000, floorS: withFloor ? floorMs / 1000 : NaN, peakRssMiB: peakRss, timings });
  }
  lines.push('');
  const largest = results[results.length - 1];
  if (largest) lines.push(profileTable(largest.size, largest.serviceS, largest.timings));
  return { markdown: lines.join('\n'), tenants, results };
}

/** Where the online import's time goes: each statement of its transaction, summed over the chunks. */
function profileTable(size: number, serviceS: number, timings: Map<string, number>): string {
  const totalMs = serviceS * 1000;
  const rows = [...timings].filter(([name]) => name !== 'transaction').sort((a, b) => b[1] - a[1]);
  const lines = [
    `Where the online import's time goes at ${size.toLocaleString()} flows (each step's wall time in the transaction, summed over the chunks; validation runs before the transaction opens and "commit" after its last statement):`,
    '',
    '| step | s | share of the import |',
    '|---|---|---|',
    ...rows.map(([name, ms]) => `| ${name} | ${fmt(ms / 1000)} | ${fmt((100 * ms) / totalMs, 0)}% |`),
    '',
  ];
  return lines.join('\n');
}
