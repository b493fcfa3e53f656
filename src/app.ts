// Wiring: config -> graph -> schema and reference data -> services. Used by the server,
// the CLIs and the integration tests, so all of them start the same way.
import pino, { Logger } from 'pino';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Config, loadConfig } from './config';
import { connectWithRetry, createGraph, Graph } from './graph/graph';
import { ensureSchema } from './graph/schema';
import { ensureEntityList } from './screening/listStore';
import { ScreeningService } from './screening/service';
import type { Services } from './services';
import { importBundle } from './import';
import { SEED_DIR } from './model/entityList';
import { authenticatorFor } from './api/auth';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}

export async function createServices(config: Config = loadConfig(), log: Logger = createLogger(config)): Promise<Services> {
  const graph: Graph = createGraph(config);
  log.info({ uri: config.neo4jUri }, 'connecting to Neo4j');
  await connectWithRetry(graph, { uri: config.neo4jUri, log: (m) => log.warn(m), deadlineMs: 90_000 });
  await ensureSchema(graph);
  const version = await ensureEntityList(graph);
  log.info({ entityListVersion: version }, 'graph schema and Entity List ready');
  const auth = authenticatorFor(config, (m) => log.warn(m));
  if (auth) {
    log.info(
      { source: auth.source, rateLimitPerMinute: config.rateLimitPerMinute, investigatorCrossTenant: config.allowInvestigatorCrossTenant },
      `API tokens from ${auth.source}: requests need a bearer token`,
    );
  }
  return { config, graph, log, screening: new ScreeningService(graph), authenticate: auth?.authenticate };
}

export const DEMO_BUNDLE = join(SEED_DIR, 'demo-bundle.json');

/** Loads the demo bundle into the tenant (idempotent: re-importing changes nothing). */
export async function loadDemoSeed(services: Services, tenant = 'default') {
  if (!existsSync(DEMO_BUNDLE)) throw new Error(`demo seed ${DEMO_BUNDLE} is missing`);
  return importBundle(services, tenant, JSON.parse(readFileSync(DEMO_BUNDLE, 'utf8')));
}
