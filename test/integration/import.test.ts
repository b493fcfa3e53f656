import { startHarness, Harness } from './harness';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const IMPORT = 'mutation($b: JSON!) { importBundle(bundle: $b) { firms facilities flows documents shipments materials ownership } }';

/** Everything stored for the tenant, as a sorted list of strings: equal lists mean an unchanged graph. */
async function tenantSnapshot(tenant: string): Promise<string[]> {
  const rows = await h.services.graph.read<{ line: string }>(
    `
    MATCH (n {tenant: $tenant}) WHERE NOT n:AuditEvent
    OPTIONAL MATCH (n)-[r]->(m)
    WITH n, r, m, [k IN keys(n) WHERE NOT k IN ['createdAt'] | k + '=' + CASE WHEN valueType(n[k]) STARTS WITH 'LIST' THEN reduce(x = '', v IN n[k] | x + toString(v) + ',') ELSE toString(n[k]) END] AS props
    UNWIND (CASE size(props) WHEN 0 THEN [''] ELSE props END) AS p
    WITH n, r, m, p ORDER BY p
    WITH n, r, m, collect(p) AS sorted
    RETURN labels(n)[0] + ':' + n.id + ' ' + reduce(s = '', p IN sorted | s + p + ';') + ' ' +
           coalesce(type(r) + '>' + coalesce(m.id, m.key), '') AS line`,
    { tenant },
  );
  return rows.map((r) => r.line).sort();
}

describe('importBundle over GraphQL against the real Neo4j', () => {
  const bundle = chainBundle('IMP', cottonTiers());

  it('imports a bundle and reports counts', async () => {
    const res = await h.gql(IMPORT, { b: bundle });
    expect(res.errors).toBeUndefined();
    expect(res.data.importBundle).toEqual({ firms: 5, facilities: 5, flows: 4, documents: 8, shipments: 1, materials: 4, ownership: 0 });
    const firm = await h.gql('{ firm(id: "IMP-F4") { id name country facilities { id city } } }');
    expect(firm.data.firm).toEqual({
      id: 'IMP-F4',
      name: 'Lubbock Cotton Gin LLC',
      country: 'US',
      facilities: [{ id: 'IMP-FAC4', city: 'Lubbock' }],
    });
    const ship = await h.gql('{ shipment(id: "IMP-S1") { id importerId flowId entryDate } }');
    expect(ship.data.shipment).toEqual({ id: 'IMP-S1', importerId: 'IMP-F-imp', flowId: 'IMP-FL1', entryDate: '2024-06-10' });
  });

  it('finds firms by any part of a name, alias or local name', async () => {
    const res = await h.gql('{ searchFirms(text: "lubbock cotton") { id name } }');
    expect(res.data.searchFirms).toEqual([{ id: 'IMP-F4', name: 'Lubbock Cotton Gin LLC' }]);
    const none = await h.gql('{ searchFirms(text: "no such firm anywhere") { id } }');
    expect(none.data.searchFirms).toEqual([]);
  });

  it('is idempotent: the same bundle again leaves the graph as it was', async () => {
    const before = await tenantSnapshot(h.tenant);
    await h.gql(IMPORT, { b: bundle });
    expect(await tenantSnapshot(h.tenant)).toEqual(before);
  });

  it('replaces old values with new ones on re-import', async () => {
    const changed = structuredClone(bundle);
    changed.firms[1].name = 'Evergreen Garments (Renamed) Ltd';
    delete changed.firms[1].city;
    await h.gql(IMPORT, { b: changed });
    const firm = await h.gql('{ firm(id: "IMP-F1") { name city } }');
    expect(firm.data.firm).toEqual({ name: 'Evergreen Garments (Renamed) Ltd', city: null });
  });

  it('rejects a bad bundle with every error and its place, and changes nothing', async () => {
    const before = await tenantSnapshot(h.tenant);
    const bad = structuredClone(bundle);
    bad.firms[0].name = 'Changed Before Rejection';
    bad.flows[1].from = 'FAC-9';
    bad.flows[2].quantity = -1;
    bad.flows.push({ ...bad.flows[0] });
    const res = await h.gql(IMPORT, { b: bad });
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors[0].message).toContain('flows[2].quantity: must not be negative');
    const second = await h.gql(IMPORT, { b: { ...bad, flows: bad.flows.map((f, i) => (i === 2 ? { ...f, quantity: 1 } : f)) } });
    const messages = second.errors[0].extensions.errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining(['flows[1].from: no facility "FAC-9"', 'flows[4].id: duplicate flow id "IMP-FL1" (first at flows[0])']),
    );
    expect(await tenantSnapshot(h.tenant)).toEqual(before);
  });

  it('rejects a wrong bundleVersion and a non-object bundle', async () => {
    const res = await h.gql(IMPORT, { b: { ...bundle, bundleVersion: 2 } });
    expect(res.errors[0].message).toContain('bundleVersion: must be 1');
    const res2 = await h.gql(IMPORT, { b: 'not a bundle' });
    expect(res2.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers malformed JSON and over-deep queries with clear errors, and unknown ids with NOT_FOUND', async () => {
    const raw = await fetch(`${h.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ firm(id: \\"x\\") { id } }"',
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
    const nested = await h.gql('query { traceShipment(id: "x") { flags { path } parties { name } } }');
    expect(nested.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(nested.errors[0].message).toBe('no shipment "x"');
    // introspection types nest as deep as a client likes: the depth limit stops it before it runs
    const tooDeep = await h.gql(`{ __schema { types { fields { type ${'{ ofType '.repeat(20)}{ name }${' }'.repeat(20)} } } } }`);
    expect(tooDeep.errors[0].message).toBe('query is nested deeper than the limit of 15 levels');
    expect(tooDeep.data).toBeUndefined();
  });

  it('reports readiness from Neo4j', async () => {
    const ready = await fetch(`${h.server.url}/ready`);
    expect(ready.status).toBe(200);
    expect((await ready.json()) as unknown).toEqual({ ready: true, neo4j: 'up' });
  });
});
