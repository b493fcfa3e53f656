// Every tenant-scoped statement the product runs must reach its tenant's data through an
// index. A label scan reads every tenant's nodes: harmless on a test database, it made the
// server crawl beside a 1M-flow tenant (facilities by firm, shipments by importer). This
// asks Neo4j for each statement's plan (EXPLAIN runs nothing) and rejects scans.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { startHarness, Harness } from './harness';

const SRC = join(__dirname, '..', '..', 'src');

/**
 * Every Cypher module of src/: the files named cypher.ts or *Cypher.ts, found on disk so a
 * new module is checked the day it appears. Named by folder (trace/cypher.ts is "trace").
 */
function cypherModules(dir = SRC, out: { name: string; file: string }[] = []): { name: string; file: string }[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, e.name);
    if (e.isDirectory()) cypherModules(file, out);
    else if (e.name === 'cypher.ts' || e.name.endsWith('Cypher.ts')) {
      const path = relative(SRC, file).split(sep).join('/').replace(/\.ts$/, '');
      out.push({ name: path.replace(/\/cypher$/, ''), file });
    }
  }
  return out;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const SCANS = new Set([
  'AllNodesScan',
  'NodeByLabelScan',
  'NodeIndexScan',
  'NodeIndexContainsScan',
  'NodeIndexEndsWithScan',
  'DirectedRelationshipTypeScan',
  'UndirectedRelationshipTypeScan',
]);

/** Arguments for a statement builder, by name; any other builder gets 10 for every parameter (a depth). */
const SAMPLE_ARGS: Record<string, unknown[]> = {
  'portability.nodePage': ['Flow'],
  'trace/summaries.summaryPageQuery': ['kind', 'VERDICT'],
  // a firm with every field and its facilities' (the look-ups project the selection)
  'lookup.firmById': [{ fields: ['id', 'name', 'aliases'], facilities: ['id', 'name', 'city'] }],
  'lookup.searchFirmsQuery': [{ fields: ['id', 'name'], facilities: ['id'] }],
  'lookup.nodesWithoutSearchForms': ['Firm'],
};

/** Every statement text of a Cypher module that names a tenant; builders called with sample arguments. */
function tenantStatements(mod: Record<string, unknown>, prefix: string): [string, string][] {
  return Object.entries(mod).flatMap(([name, v]): [string, string][] => {
    const key = `${prefix}.${name}`;
    const build = v as (...args: unknown[]) => unknown;
    const text =
      typeof v === 'string' ? v : typeof v === 'function' ? String(build(...(SAMPLE_ARGS[key] ?? Array(build.length).fill(10)))) : null;
    return text && text.includes('$tenant') && /\b(MATCH|MERGE)\b/.test(text) ? [[key, text]] : [];
  });
}

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}
const operators = (p: PlanNode): string[] => [p.operatorType.split('@')[0], ...p.children.flatMap(operators)];

describe('query plans', () => {
  const modules = cypherModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const statements = modules.flatMap((m) => tenantStatements(require(m.file) as Record<string, unknown>, m.name));

  it('finds the statements to check', () => {
    expect(modules.map((m) => m.name)).toEqual(
      expect.arrayContaining(['audit', 'graph', 'import', 'lookup', 'packets', 'screening', 'trace']),
    );
    expect(statements.length).toBeGreaterThan(20);
    expect(statements.map(([n]) => n)).toEqual(
      expect.arrayContaining([
        'lookup.FACILITIES_OF_FIRM',
        'trace.traceQuery',
        'lookup.searchFirmsQuery',
        'lookup.firmById',
        'trace.SHIPMENT_IDS',
        'screening.COUNT_MATCHES',
      ]),
    );
    expect(statements.map(([n]) => n)).toEqual(
      expect.arrayContaining([
        'audit.EVENTS_PAGE',
        'graph.TENANT_VERSION',
        'graph.BUMP_TENANT_VERSION',
        'trace.FIRM_EXISTS',
        'trace.exposureQuery',
      ]),
    );
  });

  it('every page of the stored summaries seeks an index, whatever filter drives it', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { summaryPageQuery } = require(join(SRC, 'trace', 'summaries', 'cypher.ts')) as typeof import('../../src/trace/summaries/cypher');
    const offenders: string[] = [];
    const session = h.services.graph.driver.session();
    try {
      for (const driver of ['kind', 'importer', 'verdict', 'entry', 'all'] as const)
        for (const order of ['ID', 'VERDICT', 'ENTRY_DATE'] as const) {
          const res = await session.run(`EXPLAIN ${summaryPageQuery(driver, order)}`);
          const scans = operators(res.summary.plan as unknown as PlanNode).filter((op) => SCANS.has(op));
          if (scans.length) offenders.push(`${driver}/${order}: ${scans.join(', ')}`);
        }
    } finally {
      await session.close();
    }
    expect(offenders).toEqual([]);
  });

  it('no tenant-scoped statement scans a label or every node', async () => {
    const offenders: string[] = [];
    const session = h.services.graph.driver.session();
    try {
      for (const [name, text] of statements) {
        const res = await session.run(`EXPLAIN ${text}`);
        const scans = operators(res.summary.plan as unknown as PlanNode).filter((op) => SCANS.has(op));
        if (scans.length) offenders.push(`${name}: ${scans.join(', ')}`);
      }
    } finally {
      await session.close();
    }
    expect(offenders).toEqual([]);
  });
});
