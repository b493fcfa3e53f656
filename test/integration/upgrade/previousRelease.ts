// Run by the upgrade test with the PREVIOUS release's code (taken from git history into a folder of
// its own, this file copied to the same place in it, so the imports below are that release's):
// it builds a store as a user of that release would have, through that release's own import and
// GraphQL review, and writes what that release's API shows of each tenant to a JSON file.
// Usage: tsx test/integration/upgrade/previousRelease.ts PLAN.json   (NEO4J_* and EXHIBIT_ROOT in the environment)
import { readFileSync, writeFileSync } from 'node:fs';
import { createLogger, createServices, loadDemoSeed } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { importBundle } from '../../../src/import';
import { startServer } from '../../../src/api/server';
import { extraRoutes } from '../../../src/api/routes';
import { ApiClient, exhibitReader, reviewTenant, snapshotTenant, TenantSnapshot } from './snapshot';

export interface UpgradePlan {
  tenants: { tenant: string; demo?: boolean; bundleFile?: string; exhibitFiles: string[] }[];
  /** where the snapshots go: { [tenant]: TenantSnapshot } */
  out: string;
}

/** Requests act for the tenant the X-Test-Tenant header names, as the ADMIN X-Test-Actor names. */
export const testHeaders = (tenant: string, actor = 'old-release-reviewer') => ({ 'x-test-tenant': tenant, 'x-test-actor': actor });

async function main(planFile: string) {
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as UpgradePlan;
  const config = { ...loadConfig(), port: 0 };
  const log = createLogger({ logLevel: 'warn' });
  const services = await createServices(config, log);
  services.authenticate = async (req) => ({
    tokenId: String(req.headers['x-test-actor']),
    tenant: String(req.headers['x-test-tenant']),
    role: 'ADMIN',
  });
  const server = await startServer(config, services, log, extraRoutes(services));
  const api: ApiClient = { url: server.url, headers: testHeaders };
  const snapshots: Record<string, TenantSnapshot> = {};
  try {
    for (const t of plan.tenants) {
      if (t.demo) await loadDemoSeed(services, t.tenant);
      if (t.bundleFile)
        await importBundle(services, t.tenant, JSON.parse(readFileSync(t.bundleFile, 'utf8')), { actor: 'old-release-import' });
      await reviewTenant(api, t.tenant);
      snapshots[t.tenant] = await snapshotTenant(api, t.tenant, exhibitReader(services.exhibits), t.exhibitFiles);
    }
    writeFileSync(plan.out, JSON.stringify(snapshots));
  } finally {
    await server.stop();
    await services.graph.close();
  }
}

if (require.main === module) {
  main(process.argv[2]).then(
    () => process.exit(0),
    (e) => {
      console.error(`previous release: ${(e as Error).stack ?? e}`);
      process.exit(1);
    },
  );
}
