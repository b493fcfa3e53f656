// End-to-end set-up: the real server (GraphQL, packet downloads, web page) against the real
// Neo4j with the demo seed in a test tenant, and Debian's Chromium driven by playwright-core.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, Browser } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { createLogger, createServices, loadDemoSeed } from '../../src/app';
import { startServer, RunningServer } from '../../src/api/server';
import { extraRoutes } from '../../src/api/routes';
import type { Principal, Services } from '../../src/services';
import { fileAuthenticator, hashToken } from '../../src/api/auth';
import { buildWebAssets, isPublicWebPath } from '../../src/web';
import { uniqueTenant } from '../integration/harness';

export const ARTIFACTS = join(__dirname, '..', 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface WebApp {
  services: Services;
  tenant: string;
  /** Local mode: every request is ADMIN of the test tenant. */
  local: RunningServer;
  /** Token mode: the same data behind `Authorization: Bearer <token>`. */
  secured: RunningServer;
  token: string;
  close(): Promise<void>;
}

/** Starts two servers on ephemeral ports over one set of services and loads the demo seed. */
export async function startWebApp(): Promise<WebApp> {
  await buildWebAssets();
  // the demo's exhibit files go to a folder of this run's own, not the project's .exhibits/
  const exhibitRoot = process.env.EXHIBIT_ROOT || mkdtempSync(join(tmpdir(), 'uflpa-e2e-exhibits-'));
  const config = { ...loadConfig({ ...process.env, EXHIBIT_ROOT: exhibitRoot }), port: 0 };
  const log = createLogger({ logLevel: 'silent' });
  const services = await createServices(config, log);
  const tenant = uniqueTenant('web');
  await loadDemoSeed(services, tenant);
  const routes = extraRoutes(services);

  const local = await startServer(
    config,
    { ...services, authenticate: async () => ({ tokenId: 'e2e', tenant, role: 'ADMIN' }) },
    log,
    routes,
  );

  // the real token authenticator over a temporary token file
  const token = `e2e-${randomUUID()}`;
  const dir = mkdtempSync(join(tmpdir(), 'uflpa-e2e-'));
  const file = join(dir, 'tokens.json');
  writeFileSync(file, JSON.stringify({ tokens: [{ id: 'e2e-investigator', tenant, role: 'INVESTIGATOR', sha256: hashToken(token) }] }));
  const fromFile = fileAuthenticator(file, { perMinute: 10_000 });
  // The page itself needs no token (it asks for one): the server is to run the web routes before auth.
  const authenticate = async (req: IncomingMessage): Promise<Principal> =>
    isPublicWebPath(new URL(req.url ?? '/', 'http://localhost').pathname)
      ? { tokenId: 'page', tenant: '-', role: 'IMPORTER' }
      : fromFile(req);
  const secured = await startServer(config, { ...services, authenticate }, log, routes);

  return {
    services,
    tenant,
    local,
    secured,
    token,
    async close() {
      await local.stop();
      await secured.stop();
      await services.graph.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read answers of every shape
type GraphqlBody = any;

/** POSTs a GraphQL request to a server; returns the parsed body. */
export async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlBody> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}
