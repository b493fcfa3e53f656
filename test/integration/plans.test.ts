// Every tenant-scoped statement the product runs must reach its tenant's data through an
// index. A label scan reads every tenant's nodes: harmless on a test database, it made the
// server crawl beside a 1M-flow tenant (facilities by firm, shipments by importer). This
// asks Neo4j for each statement's plan (EXPLAIN runs nothing) and rejects scans.
import { startHarness, Harness } from './harness';
import * as trace from '../../src/trace/cypher';
import * as lookup from '../../src/api/lookupCypher';
import * as packets from '../../src/packets/cypher';
import * as screening from '../../src/screening/cypher';
import * as imports from '../../src/import/cypher';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h.close(); });

const SCANS = new Set(['AllNodesScan', 'NodeByLabelScan', 'NodeIndexScan', 'NodeIndexContainsScan', 'NodeIndexEndsWithScan', 'DirectedRelationshipTypeScan', 'UndirectedRelationshipTypeScan']);

/** Every statement text of a Cypher module that names a tenant; per-depth builders at depth 10. */
function tenantStatements(mod: Record<string, unknown>, prefix: string): [string, string][] {
  return Object.entries(mod).flatMap(([name, v]): [string, string][] => {
    const text = typeof v === 'string' ? v : typeof v === 'function' && v.length === 1 ? String((v as (d: number) => unknown)(10)) : null;
    return text && text.includes('$tenant') && /\b(MATCH|MERGE)\b/.test(text) ? [[`${prefix}.${name}`, text]] : [];
  });
}

interface PlanNode { operatorType: string; children: PlanNode[] }
const operators = (p: PlanNode): string[] => [p.operatorType.split('@')[0], ...p.children.flatMap(operators)];

describe('query plans', () => {
  const statements = [
    ...tenantStatements(trace, 'trace'), ...tenantStatements(lookup, 'lookup'), ...tenantStatements(packets, 'packets'),
    ...tenantStatements(screening, 'screening'), ...tenantStatements(imports, 'import'),
  ];

  it('finds the statements to check', () => {
    expect(statements.length).toBeGreaterThan(20);
    expect(statements.map(([n]) => n)).toEqual(expect.arrayContaining(['lookup.FACILITIES_OF_FIRM', 'trace.traceQuery', 'lookup.SEARCH_FIRMS', 'trace.SHIPMENT_IDS', 'screening.COUNT_MATCHES']));
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
