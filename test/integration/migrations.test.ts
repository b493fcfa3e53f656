// Upgrades against the real Neo4j: a store written before the graph recorded its model version
// (as the previous release wrote it) is brought up to date on start-up, step by step, and keeps
// its data; running again changes nothing; a store written by a newer release is refused with a
// clear message and left as it was.
import { migrationCapabilities } from '../../src/app';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { createLogger, createServices } from '../../src/app';
import { connectWithRetry, createGraph, Graph } from '../../src/graph/graph';
import { backfillSearchForms, searchFirms } from '../../src/lookup';
import { migrate, MIGRATIONS, MODEL_KEY, MODEL_VERSION, StoreTooNewError, storedModelVersion } from '../../src/graph/migrations';

jest.setTimeout(120_000);

let graph: Graph;
beforeAll(async () => {
  graph = createGraph(loadConfig());
  await connectWithRetry(graph);
});
afterAll(() => graph?.close());

const capabilities = migrationCapabilities();
const key = () => `test-${randomUUID()}`;
const dropKey = (k: string) => graph.write('MATCH (v:ModelVersion {key: $k}) DELETE v', { k });

describe('graph model migrations', () => {
  it('brings a store with no version recorded up to date, each step once, in order', async () => {
    const k = key();
    const ran: string[] = [];
    const steps = MIGRATIONS.map((s) => ({ ...s, run: async (g: Graph) => (ran.push(s.name), s.run(g, capabilities)) }));
    const first = await migrate(graph, { release: 'test', key: k, steps, capabilities });
    expect(first).toEqual({ from: 0, to: MODEL_VERSION, applied: MIGRATIONS.map((s) => s.name) });
    expect(ran).toEqual(MIGRATIONS.map((s) => s.name));
    expect(await storedModelVersion(graph, k)).toEqual({ version: MODEL_VERSION, steps: MIGRATIONS.map((s) => s.name), release: 'test' });

    ran.length = 0;
    const again = await migrate(graph, { release: 'test', key: k, steps, capabilities });
    expect(again.applied).toEqual([]);
    // only the cheap steps marked to run on every start run again
    expect(ran).toEqual(MIGRATIONS.filter((s) => s.everyStart).map((s) => s.name));
    await dropKey(k);
  });

  it('applies only the steps a store from an earlier release has not had', async () => {
    const k = key();
    await migrate(graph, { release: 'old', key: k, steps: MIGRATIONS.slice(0, 1), capabilities });
    const report = await migrate(graph, { release: 'new', key: k, capabilities });
    expect(report).toEqual({ from: 1, to: MODEL_VERSION, applied: MIGRATIONS.slice(1).map((s) => s.name) });
    await dropKey(k);
  });

  it('refuses a store written by a newer release, changing nothing', async () => {
    const k = key();
    await graph.write("CREATE (:ModelVersion {key: $k, version: $v, steps: ['from-the-future'], release: '9.0.0'})", {
      k,
      v: MODEL_VERSION + 1,
    });
    const ran: string[] = [];
    const steps = MIGRATIONS.map((s) => ({ ...s, run: async () => void ran.push(s.name) }));
    const attempt = migrate(graph, { release: '0.1.0', key: k, steps, capabilities });
    await expect(attempt).rejects.toThrow(StoreTooNewError);
    await expect(migrate(graph, { release: '0.1.0', key: k, capabilities })).rejects.toThrow(
      new RegExp(`newer release \\(model version ${MODEL_VERSION + 1}, release 9\\.0\\.0\\).*knows model version ${MODEL_VERSION}`),
    );
    expect(ran).toEqual([]);
    expect((await storedModelVersion(graph, k)).version).toBe(MODEL_VERSION + 1);
    await dropKey(k);
  });

  it('gives firms and facilities written before the name index their search forms, so the search finds them', async () => {
    const tenant = `mig-${randomUUID()}`;
    // as the release before the index wrote them: searchText on firms only, no grams
    await graph.write(
      `CREATE (f:Firm {tenant: $tenant, id: 'OLD-F1', name: 'Lüliang Keji Co', aliases: ['Old Alias'], searchText: 'lüliang keji co | old alias'})
       CREATE (:Facility {tenant: $tenant, id: 'OLD-FAC1', firmId: 'OLD-F1', name: 'Riverside spinning mill'})-[:OPERATED_BY]->(f)`,
      { tenant },
    );
    expect(await searchFirms(graph, tenant, 'keji', 5)).toEqual([]);
    await backfillSearchForms(graph);
    await backfillSearchForms(graph); // idempotent: nothing left to do
    for (const text of ['keji', 'old alias', 'lvliang technology', 'spinning mill'])
      expect((await searchFirms(graph, tenant, text, 5)).map((f) => f.id)).toEqual(['OLD-F1']);
    await graph.write('MATCH (n {tenant: $tenant}) DETACH DELETE n', { tenant });
  });

  it('start-up migrates the real store when its version node is missing, and refuses it once newer', async () => {
    const before = await graph.read<{ v: Record<string, unknown> }>('MATCH (v:ModelVersion {key: $k}) RETURN properties(v) AS v', {
      k: MODEL_KEY,
    });
    try {
      await dropKey(MODEL_KEY); // as the release before versioning left its store
      const log = createLogger({ logLevel: 'silent' });
      const services = await createServices(loadConfig(), log);
      await services.graph.close();
      expect((await storedModelVersion(graph)).version).toBe(MODEL_VERSION);

      await graph.write('MATCH (v:ModelVersion {key: $k}) SET v.version = $v', { k: MODEL_KEY, v: MODEL_VERSION + 5 });
      await expect(createServices(loadConfig(), log)).rejects.toThrow(/written by a newer release/);
    } finally {
      await dropKey(MODEL_KEY);
      if (before[0]) await graph.write('CREATE (v:ModelVersion) SET v = $p', { p: before[0].v });
    }
  });
});
