// GraphQL throughput and latency under concurrent clients on loopback (autocannon,
// bounded in time), for traceShipment and the look-ups; the look-ups side by side with
// @neo4j/graphql 7 serving the same Neo4j and data (its generated Cypher answers a firm and
// its facilities in one query, as ours does).
import autocannon from 'autocannon';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { loadavg } from 'node:os';
import { recordFigure } from './figures';
import type { Services } from '../src/services';
import { startServer } from '../src/api/server';
import { createLogger } from '../src/app';
import { fmt } from './measure';

/** Our stored firms and facilities as @neo4j/graphql 7 types (the bundle fields, and the tenant to filter on). */
const LIBRARY_TYPE_DEFS = `
type Firm @node {
  id: ID!
  tenant: String!
  name: String!
  aliases: [String!]
  localName: String
  country: String
  city: String
  province: String
  facilities: [Facility!]! @relationship(type: "OPERATED_BY", direction: IN)
}
type Facility @node {
  id: ID!
  tenant: String!
  name: String!
  firmId: ID!
  kind: String
  city: String
  country: String
}`;

/** @neo4j/graphql on Apollo Server's own HTTP server, on the services' driver. */
async function startLibraryServer(services: Services): Promise<{ url: string; stop(): Promise<void> }> {
  const schema = await new Neo4jGraphQL({ typeDefs: LIBRARY_TYPE_DEFS, driver: services.graph.driver }).getSchema();
  const apollo = new ApolloServer({ schema });
  const database = services.config.neo4jDatabase;
  const { url } = await startStandaloneServer(apollo, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async () => (database ? { sessionConfig: { database } } : {}),
  });
  return { url, stop: () => apollo.stop() };
}

async function load(url: string, query: string, seconds: number) {
  return autocannon({
    url,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
}

/** The data of one request, or an error naming the server and the query. */
async function answered(who: string, url: string, query: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${who} did not answer ${query}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.data;
}

export async function benchGraphql(services: Services, tenant: string): Promise<string> {
  const log = createLogger({ logLevel: 'silent' });
  const authenticate = services.authenticate;
  services.authenticate = async () => ({ tokenId: 'bench', tenant, role: 'ADMIN' });
  const server = await startServer({ ...services.config, port: 0 }, services, log);
  const library = await startLibraryServer(services);
  const [ship] = await services.graph.read<{ id: string; importerId: string }>(
    'MATCH (s:Shipment {tenant: $tenant}) RETURN s.id AS id, s.importerId AS importerId ORDER BY id LIMIT 1',
    { tenant },
  );
  // a supplier with facilities: the look-up the explorer makes when a firm is opened
  const [supplier] = await services.graph.read<{ id: string }>(
    'MATCH (f:Facility {tenant: $tenant}) WITH f.firmId AS id ORDER BY id LIMIT 1 RETURN id',
    { tenant },
  );
  const byId = (id: string) => `where: { tenant: { eq: ${JSON.stringify(tenant)} }, id: { eq: ${JSON.stringify(id)} } }`;
  const lines = [
    '### GraphQL under concurrent clients',
    '',
    `autocannon on loopback, 10 connections, tenant with the largest generated graph. traceShipment: 10 s. Look-ups: ours and @neo4j/graphql 7 (Apollo Server's standalone HTTP server, same driver, Neo4j and data; no authentication, validation rules or logging) in 3 alternating rounds of 5 s each, so load from elsewhere falls on both. Load average at the start ${loadavg()
      .map((l) => fmt(l, 1))
      .join(' / ')}.`,
    '',
    '| operation | server | requests/s | median ms | p99 ms | errors | non-2xx |',
    '|---|---|---|---|---|---|---|',
  ];
  const row = (name: string, who: string, r: { rps: number; p50: number; p99: number; errors: number; non2xx: number }) => {
    lines.push(`| ${name} | ${who} | ${fmt(r.rps, 0)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors} | ${r.non2xx} |`);
    console.log(lines[lines.length - 1]);
  };
  const memBefore = process.memoryUsage().heapUsed;
  const traceQuery = `{ traceShipment(id: "${ship.id}") { verdict tiers flags { kind tier } } }`;
  await answered('ours', `${server.url}/graphql`, traceQuery); // warm: the first trace builds the matcher and the party cache
  const trace = await load(`${server.url}/graphql`, traceQuery, 10);
  row('traceShipment', 'ours', {
    rps: trace.requests.average,
    p50: trace.latency.p50,
    p99: trace.latency.p99,
    errors: trace.errors,
    non2xx: trace.non2xx,
  });
  const lookups = [
    {
      name: 'firm look-up',
      ours: `{ firm(id: "${ship.importerId}") { id name country } }`,
      library: `{ firms(${byId(ship.importerId)}) { id name country } }`,
    },
    {
      name: 'firm with facilities',
      ours: `{ firm(id: "${supplier.id}") { id name country facilities { id name city country } } }`,
      library: `{ firms(${byId(supplier.id)}) { id name country facilities { id name city country } } }`,
    },
  ];
  const figureOf: Record<string, 'firmLookupRatio' | 'firmFacilitiesRatio'> = {
    'firm look-up': 'firmLookupRatio',
    'firm with facilities': 'firmFacilitiesRatio',
  };
  const [{ flows }] = await services.graph.read<{ flows: number }>('MATCH (f:Flow {tenant: $tenant}) RETURN count(f) AS flows', { tenant });
  for (const c of lookups) {
    for (const [who, url, query] of [
      ['ours', `${server.url}/graphql`, c.ours],
      ['@neo4j/graphql 7', library.url, c.library],
    ] as const) {
      // both answer the same firm (checked once, outside the timing)
      const data = Object.values(await answered(who, url, query))[0] as unknown;
      const firm = Array.isArray(data) ? data[0] : data;
      if (!firm) throw new Error(`${who} found no firm for ${query}`);
    }
    const tally = () => ({ requests: 0, seconds: 0, p50: [] as number[], p99: [] as number[], errors: 0, non2xx: 0 });
    const ours = tally();
    const theirs = tally();
    for (let round = 0; round < 3; round++) {
      for (const [t, url, query] of [
        [ours, `${server.url}/graphql`, c.ours],
        [theirs, library.url, c.library],
      ] as const) {
        const r = await load(url, query, 5);
        t.requests += r.requests.total;
        t.seconds += r.duration;
        t.p50.push(r.latency.p50);
        t.p99.push(r.latency.p99);
        t.errors += r.errors;
        t.non2xx += r.non2xx;
      }
    }
    for (const [who, t] of [
      ['ours', ours],
      ['@neo4j/graphql 7', theirs],
    ] as const) {
      const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
      row(c.name, who, { rps: t.requests / t.seconds, p50: mid(t.p50), p99: mid(t.p99), errors: t.errors, non2xx: t.non2xx });
    }
    recordFigure(figureOf[c.name], ours.requests / ours.seconds / (theirs.requests / theirs.seconds), `${flows.toLocaleString()} flows`);
  }
  (global as { gc?: () => void }).gc?.();
  lines.push(
    '',
    `Node heap before ${fmt(memBefore / 2 ** 20)} MiB, after the runs and a GC ${fmt(process.memoryUsage().heapUsed / 2 ** 20)} MiB (both servers in this process).`,
    '',
  );
  await library.stop();
  await server.stop();
  services.authenticate = authenticate;
  return lines.join('\n');
}
