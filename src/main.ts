// `npm start` ends here: connect, prepare the graph, load the demo seed, serve.
import { loadConfig } from './config';
import { createLogger, createServices, loadDemoSeed } from './app';
import { startServer } from './api/server';
import { extraRoutes } from './api/routes';
import { buildWebAssets } from './web';

async function main() {
  const config = loadConfig();
  const log = createLogger(config);
  const services = await createServices(config, log);
  if (process.env.LOAD_DEMO_SEED !== 'false') {
    const { report, exhibits } = await loadDemoSeed(services);
    log.info({ report, exhibits }, 'demo seed loaded into tenant "default"');
  }
  await buildWebAssets().catch((e) => log.warn({ err: e }, 'web page build failed; / will answer 503 until it builds'));
  const running = await startServer(config, services, log, extraRoutes(services));
  log.info(`GraphQL ready at ${running.url}/graphql (health: ${running.url}/ready)`);
  if (!services.authenticate) log.warn('no API tokens configured: every request acts as ADMIN of tenant "default" (local use)');
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await running.stop();
    await services.graph.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  // A clear line, not a stack trace, for the failures a user can fix.
  console.error(`uflpa-trace could not start: ${(e as Error).message}`);
  process.exit(1);
});
