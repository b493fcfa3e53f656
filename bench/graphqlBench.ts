// GraphQL throughput and latency under concurrent clients on loopback (autocannon,
// bounded in time), for traceShipment and a look-up.
import autocannon from 'autocannon';
import type { Services } from '../src/services';
import { startServer } from '../src/api/server';
import { createLogger } from '../src/app';
import { fmt } from './measure';

export async function benchGraphql(services: Services, tenant: string): Promise<string> {
  const log = createLogger({ logLevel: 'silent' });
  const authenticate = services.authenticate;
  services.authenticate = async () => ({ tokenId: 'bench', tenant, role: 'ADMIN' });
  const server = await startServer({ ...services.config, port: 0 }, services, log);
  const [ship] = await services.graph.read<{ id: string; importerId: string }>(
    'MATCH (s:Shipment {tenant: $tenant}) RETURN s.id AS id, s.importerId AS importerId ORDER BY id LIMIT 1',
    { tenant },
  );
  const cases = [
    { name: 'traceShipment', query: `{ traceShipment(id: "${ship.id}") { verdict tiers flags { kind tier } } }` },
    { name: 'firm look-up', query: `{ firm(id: "${ship.importerId}") { id name country } }` },
  ];
  const lines = [
    '### GraphQL under concurrent clients',
    '',
    `autocannon on loopback, 10 connections, 10 s per operation, tenant with the largest generated graph.`,
    '',
    '| operation | requests/s | median ms | p99 ms | errors | non-2xx |',
    '|---|---|---|---|---|---|',
  ];
  const memBefore = process.memoryUsage().heapUsed;
  for (const c of cases) {
    const result = await autocannon({
      url: `${server.url}/graphql`,
      method: 'POST',
      connections: 10,
      duration: 10,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: c.query }),
    });
    lines.push(
      `| ${c.name} | ${fmt(result.requests.average, 0)} | ${fmt(result.latency.p50)} | ${fmt(result.latency.p99)} | ${result.errors} | ${result.non2xx} |`,
    );
    console.log(lines[lines.length - 1]);
  }
  (global as { gc?: () => void }).gc?.();
  lines.push(
    '',
    `Node heap before ${fmt(memBefore / 2 ** 20)} MiB, after the runs and a GC ${fmt(process.memoryUsage().heapUsed / 2 ** 20)} MiB.`,
    '',
  );
  await server.stop();
  services.authenticate = authenticate;
  return lines.join('\n');
}
