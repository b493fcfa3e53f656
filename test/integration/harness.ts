// Integration tests run against the real Neo4j that `npm test` started (NEO4J_URI and
// friends in the environment). Each test file works in its own tenant(s) so files never
// see each other's data, and talks to a real server on an ephemeral port.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger, createServices } from '../../src/app';
import { startServer, RunningServer } from '../../src/api/server';
import { extraRoutes } from '../../src/api/routes';
import type { Services } from '../../src/services';

export interface Harness {
  services: Services;
  server: RunningServer;
  tenant: string;
  /** POST a GraphQL request; returns the parsed body. */
  gql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

export function uniqueTenant(name: string): string {
  return `${name}-${randomUUID().slice(0, 8)}`;
}

export async function startHarness(opts: { env?: Record<string, string>; services?: (s: Services) => Services } = {}): Promise<Harness> {
  // exhibits go to a folder of this run's own unless the test names one
  const exhibitRoot = mkdtempSync(join(tmpdir(), 'uflpa-exhibits-'));
  const config = { ...loadConfig({ ...process.env, EXHIBIT_ROOT: exhibitRoot, ...(opts.env ?? {}) }), port: 0 };
  const log = createLogger({ logLevel: 'silent' });
  let services = await createServices(config, log);
  if (opts.services) services = opts.services(services);
  const server = await startServer(config, services, log, extraRoutes(services));
  const tenant = uniqueTenant('t');
  if (!services.authenticate) {
    // local mode serves tenant "default"; tests get their own tenant through a fixed principal
    services.authenticate = async () => ({ tokenId: 'test', tenant, role: 'ADMIN' });
  }
  return {
    services,
    server,
    tenant,
    async gql(query, variables = {}, headers = {}) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
    async close() {
      await server.stop();
      await services.graph.close();
    },
  };
}
