import fc from 'fast-check';
import { startHarness, Harness } from './harness';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';
import { MAX_LISTED_ERRORS } from '../../src/import';

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

  it('imports a firm whose names together exceed the 8 KB index entry (100 aliases of 500 characters) and finds it by its last alias', async () => {
    const b = chainBundle('BIG', cottonTiers());
    const aliases = Array.from({ length: 100 }, (_, i) => `${'长'.repeat(480)} alias number ${String(i).padStart(3, '0')}`);
    b.firms[1] = { ...b.firms[1], aliases, localName: `${'字'.repeat(490)} local` };
    const res = await h.gql(IMPORT, { b });
    expect(res.errors).toBeUndefined();
    const found = await h.gql('{ searchFirms(text: "alias number 099") { id } }');
    expect(found.errors).toBeUndefined();
    expect(found.data.searchFirms).toEqual([{ id: b.firms[1].id }]);
    // cut back to a short name: the flag that the text was cut goes with it
    b.firms[1] = { ...b.firms[1], aliases: ['Short alias'], localName: undefined };
    expect((await h.gql(IMPORT, { b })).errors).toBeUndefined();
    const [row] = await h.services.graph.read<{ cut: unknown }>('MATCH (f:Firm {tenant: $tenant, id: $id}) RETURN f.searchTextCut AS cut', {
      tenant: h.tenant,
      id: b.firms[1].id,
    });
    expect(row).toEqual({ cut: null });
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

type Listed = { path: string; message: string };
const listed = (res: { errors: { extensions: { errors: Listed[] } }[] }) =>
  res.errors[0].extensions.errors.map((e) => `${e.path}: ${e.message}`);

describe('strict bundles: no key is dropped (issue 14, finding 1)', () => {
  // the gin is in Xinjiang by its facility's province alone: nothing else names the region
  const ginIn = (prefix: string, place: Record<string, string>) => {
    const b = chainBundle(prefix, cottonTiers({ firm: { name: 'Western Plains Ginning Co', country: 'CN' }, facility: { country: 'CN' } }));
    Object.assign(b.facilities[4], place);
    return b;
  };

  it('a misspelt "Province" is an error at its place naming "province", and nothing is written', async () => {
    const before = await tenantSnapshot(h.tenant);
    const res = await h.gql(IMPORT, { b: ginIn('PRV', { Province: 'Xinjiang' }) });
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(listed(res)).toEqual(['facilities[4].Province: unknown field (did you mean "province"?)']);
    expect(res.errors[0].message).toContain('facilities[4].Province: unknown field (did you mean "province"?)');
    expect(await tenantSnapshot(h.tenant)).toEqual(before);
    expect((await h.gql('{ shipment(id: "PRV-S1") { id } }')).data.shipment).toBeNull();
  });

  it('spelt right, the same bundle imports and its shipment traces FLAGGED', async () => {
    expect((await h.gql(IMPORT, { b: ginIn('PRW', { province: 'Xinjiang' }) })).errors).toBeUndefined();
    const t = await h.gql('{ traceShipment(id: "PRW-S1") { verdict flags { kind } } }');
    expect(t.data.traceShipment.verdict).toBe('FLAGGED');
    expect(t.data.traceShipment.flags.map((f: { kind: string }) => f.kind)).toContain('XUAR_LOCATION');
  });

  it('a misspelt section is an error, not an empty import', async () => {
    const b = chainBundle('FRM', cottonTiers());
    const res = await h.gql(IMPORT, { b: { bundleVersion: 1, Firms: b.firms } });
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(listed(res)).toEqual(['Firms: unknown field (did you mean "firms"?)']);
  });

  it('names the fields of the place when no known one is close, and takes the fields origin-checks.md adds', async () => {
    const b = chainBundle('ORG', cottonTiers());
    (b.shipments[0] as Record<string, unknown>).declaredOrigin = 'VN';
    (b.shipments[0] as Record<string, unknown>).detention = { detainedOn: '2024-06-14', noticedate: '2024-06-18' };
    const res = await h.gql(IMPORT, { b });
    expect(listed(res).sort()).toEqual([
      'shipments[0].declaredOrigin: unknown field (fields here: id, entryNumber, importer, flow, htsCode, value, currency, entryDate, portOfEntry, countryOfOrigin, preferenceProgram, detention)',
      'shipments[0].detention.noticedate: unknown field (did you mean "noticeDate"?)',
    ]);
    Object.assign(b.shipments[0], { countryOfOrigin: 'vn', preferenceProgram: 'CAFTA-DR', detention: { detainedOn: '2024-06-14' } });
    delete (b.shipments[0] as Record<string, unknown>).declaredOrigin;
    Object.assign(b.facilities[1], { osId: 'BD2019303BQ3FZP' });
    expect((await h.gql(IMPORT, { b })).errors).toBeUndefined();
    const [row] = await h.services.graph.read<{ origin: string; program: string; osId: string }>(
      `MATCH (s:Shipment {tenant: $tenant, id: 'ORG-S1'}), (f:Facility {tenant: $tenant, id: 'ORG-FAC1'})
       RETURN s.countryOfOrigin AS origin, s.preferenceProgram AS program, f.osId AS osId`,
      { tenant: h.tenant },
    );
    expect(row).toEqual({ origin: 'VN', program: 'CAFTA-DR', osId: 'BD2019303BQ3FZP' });
  });
});

describe('every error in one answer (issue 14, finding 2)', () => {
  it('lists field and reference errors together, whatever mix a bundle has', async () => {
    const flowIndex = fc.subarray([0, 1, 2, 3]);
    await fc.assert(
      fc.asyncProperty(flowIndex, flowIndex, flowIndex, fc.boolean(), fc.nat(), async (negative, badDate, unknownFrom, badKey, salt) => {
        fc.pre(negative.length + badDate.length + unknownFrom.length > 0 || badKey);
        const b = chainBundle(`ONE${salt}`, cottonTiers());
        const want: string[] = [];
        for (const i of negative) {
          (b.flows[i] as Record<string, unknown>).quantity = -1;
          want.push(`flows[${i}].quantity: must not be negative`);
        }
        for (const i of badDate) {
          b.flows[i].date = '2024-02-30';
          want.push(`flows[${i}].date: must be a real calendar date YYYY-MM-DD`);
        }
        for (const i of unknownFrom) {
          b.flows[i].from = `X-${i}`;
          want.push(`flows[${i}].from: no facility "X-${i}"`);
          // a flow whose source changed no longer receives the lots it names (and its inputs no longer deliver there)
          if (b.flows[i].inputs)
            want.push(
              `flows[${i}].inputs[0]: flow "${b.flows[i].inputs![0]}" delivers to facility "ONE${salt}-FAC${i + 1}", not to this flow's source "X-${i}"`,
            );
        }
        if (badKey) {
          (b.materials[0] as Record<string, unknown>).hs_code = '6109.10';
          want.push('materials[0].hs_code: unknown field (did you mean "hsCode"?)');
        }
        const before = await tenantSnapshot(h.tenant);
        const res = await h.gql(IMPORT, { b });
        expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(listed(res).sort()).toEqual(want.sort());
        expect(res.errors[0].extensions.errorCount).toBe(want.length);
        expect(await tenantSnapshot(h.tenant)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });

  it('checks the references of a record whose other fields are wrong, and not those that are no ids', async () => {
    const b = chainBundle('REF', cottonTiers());
    (b.facilities[2] as Record<string, unknown>).lat = 120; // still defines REF-FAC2: flows naming it are fine
    (b.flows[1] as Record<string, unknown>).quantity = 'lots';
    b.flows[1].to = 'REF-FAC-none'; // checked although the flow's quantity is wrong
    (b.flows[2] as Record<string, unknown>).material = 7; // not an id: one error, no reference error
    const res = await h.gql(IMPORT, { b });
    expect(listed(res).sort()).toEqual(
      [
        'facilities[2].lat: must be from -90 to 90',
        'flows[1].quantity: must be a number',
        'flows[1].to: no facility "REF-FAC-none"',
        'flows[0].inputs[0]: flow "REF-FL2" delivers to facility "REF-FAC-none", not to this flow\'s source "REF-FAC1"',
        'flows[2].material: must be a string id',
      ].sort(),
    );
  });

  it('lists the first errors up to the stated cap and counts the rest', async () => {
    const b = chainBundle('CAP', cottonTiers());
    const extra = Array.from({ length: 1500 }, (_, i) => ({
      id: `CAP-X${i}`,
      from: 'CAP-FAC1',
      to: 'nowhere',
      material: 'CAP-M1',
      quantity: -1,
    }));
    b.flows.push(...extra);
    const res = await h.gql(IMPORT, { b });
    const e = res.errors[0];
    expect(e.extensions.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(e.extensions.errorCount).toBe(3000);
    expect(e.extensions.errorCountComplete).toBe(true);
    expect(e.message).toMatch(/^bundle rejected, nothing was written \(3000 errors\): flows\[4\]\.quantity: must not be negative; /);
    expect(e.message).toMatch(/; \.\.\. and 2950 more$/);
    // field errors are listed first, then references
    expect(e.extensions.errors[0]).toEqual({ path: 'flows[4].quantity', message: 'must not be negative' });
  });
});
