// Wiring: config -> graph -> schema and reference data -> services. Used by the server,
// the CLIs and the integration tests, so all of them start the same way.
import pino, { Logger } from 'pino';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Config, loadConfig } from './config';
import { connectWithRetry, createGraph, Graph } from './graph/graph';
import { migrate, type MigrationCapabilities } from './graph/migrations';
import { RELEASE } from './config/release';
import { ensureEntityList } from './screening/listStore';
import { ScreeningService } from './screening/service';
import { rescreenIfScreeningChanged } from './screening/rescreen';
import type { Services } from './services';
import { importBundle } from './import';
import { SEED_DIR } from './model/entityList';
import { authenticatorFor } from './api/auth';
import { attachFromFolder, ExhibitStore } from './exhibits';
import { backfillSearchForms } from './lookup';
import { ensureAllSummaries } from './trace/summaries';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}

/** What the graph layer's migration steps need from the capabilities above it (the graph cannot import them). */
export function migrationCapabilities(log?: (msg: string) => void): MigrationCapabilities {
  return { backfillSearchForms, ensureShipmentSummaries: (g) => ensureAllSummaries(g, log) };
}

/**
 * `rescreenOnStart` (default true): screen every tenant's firms again when the stored matches were
 * made by other screening code (src/screening/rescreen.ts), and judge the shipment summaries again
 * when other verdict rules made them; a bulk load's finish, which screens every firm and
 * summarizes itself, passes false.
 */
export async function createServices(
  config: Config = loadConfig(),
  log: Logger = createLogger(config),
  { rescreenOnStart = true }: { rescreenOnStart?: boolean } = {},
): Promise<Services> {
  const graph: Graph = createGraph(config);
  log.info({ uri: config.neo4jUri }, 'connecting to Neo4j');
  await connectWithRetry(graph, { uri: config.neo4jUri, log: (m) => log.warn(m), deadlineMs: 90_000 });
  const model = await migrate(graph, {
    release: RELEASE,
    capabilities: migrationCapabilities((m) => log.info(m)),
    log: (m) => log.info(m),
  }).catch(async (e) => {
    await graph.close(); // a store this release refuses: nothing left open behind the error
    throw e;
  });
  if (model.applied.length) log.info({ from: model.from, to: model.to, applied: model.applied }, 'graph model upgraded');
  const version = await ensureEntityList(graph);
  log.info({ entityListVersion: version }, 'graph schema and Entity List ready');
  const screening = new ScreeningService(graph);
  // a failure here must not keep the service down; it is said loudly, and the next start tries again
  if (rescreenOnStart)
    await rescreenIfScreeningChanged(graph, screening, (m) => log.info(m)).catch((e) =>
      log.error(
        { err: e },
        "could not screen the stored firms again under this release's screening: their matches are the earlier release's " +
          'until a start succeeds (each tenant is one transaction: for a very large tenant give Neo4j more heap, NEO4J_HEAP)',
      ),
    );
  // summaries judged by another release's rules (or left stale) are judged again now, not by the first risk view
  if (rescreenOnStart)
    await ensureAllSummaries(graph, (m) => log.info(m)).catch((e) =>
      log.error({ err: e }, 'could not bring the shipment summaries up to date: the risk view judges them again when first read'),
    );
  const auth = authenticatorFor(config, (m) => log.warn(m));
  if (auth) {
    log.info(
      { source: auth.source, rateLimitPerMinute: config.rateLimitPerMinute, investigatorCrossTenant: config.allowInvestigatorCrossTenant },
      `API tokens from ${auth.source}: requests need a bearer token`,
    );
  }
  const exhibits = ExhibitStore.fromConfig(config);
  void exhibits.sweepIncoming().catch((e) => log.warn({ err: e, root: config.exhibitRoot }, 'could not clear old partial uploads'));
  if (config.reviewFourEyes)
    log.info('four-eyes review: a decision on a MATCH takes effect once a second reviewer agrees (REVIEW_FOUR_EYES)');
  return { config, graph, log, screening, authenticate: auth?.authenticate, exhibits };
}

export const DEMO_BUNDLE = join(SEED_DIR, 'demo-bundle.json');

/**
 * Loads the demo bundle into the tenant and attaches its exhibit files (seed/docs/) in that
 * tenant's space (idempotent: loading it again changes nothing).
 */
export async function loadDemoSeed(services: Services, tenant = 'default') {
  if (!existsSync(DEMO_BUNDLE)) throw new Error(`demo seed ${DEMO_BUNDLE} is missing`);
  const bundle = JSON.parse(readFileSync(DEMO_BUNDLE, 'utf8'));
  const report = await importBundle(services, tenant, bundle);
  const attached = await attachFromFolder(services, tenant, bundle.documents ?? [], SEED_DIR, { actor: 'seed' });
  const failed = attached.filter((a) => a.status === 'failed');
  if (failed.length) services.log.warn({ failed }, `demo seed: ${failed.length} exhibit file(s) not attached`);
  const exhibits = {
    attached: attached.filter((a) => a.status === 'attached').length,
    unchanged: attached.filter((a) => a.status === 'unchanged').length,
    failed: failed.length,
  };
  return { report, exhibits };
}
