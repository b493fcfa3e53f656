// Issue 18: supplier maps from spreadsheets, against the real server and the real Neo4j.
// POST /imports with each content type under the caller's token and tenant, errors placed in
// cells with nothing written, the templates, and the round trip: the demo seed imported as a
// JSON bundle and as a workbook gives the same traces and verdicts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { startHarness, Harness, uniqueTenant } from './harness';
import { hashToken } from '../../src/api/auth';
import { importBundle } from '../../src/import';
import { importWorkbook, readWorkbookBytes, workbookBytes, WorkbookValidationError } from '../../src/import/workbook';
import { traceShipment } from '../../src/trace';

const A = uniqueTenant('wb-a');
const B = uniqueTenant('wb-b');
const T = { importerA: 'tok-wb-importer-a', importerB: 'tok-wb-importer-b', investigator: 'tok-wb-investigator' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const demo = () => JSON.parse(readFileSync(join(__dirname, '../../seed/demo-bundle.json'), 'utf8'));

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uflpa-workbook-'));
  const tokensFile = join(dir, 'tokens.json');
  writeFileSync(
    tokensFile,
    JSON.stringify({
      tokens: [
        { id: 'wb-importer-a', tenant: A, role: 'IMPORTER', sha256: hashToken(T.importerA) },
        { id: 'wb-importer-b', tenant: B, role: 'IMPORTER', sha256: hashToken(T.importerB) },
        { id: 'wb-investigator', tenant: A, role: 'INVESTIGATOR', sha256: hashToken(T.investigator) },
      ],
    }),
  );
  h = await startHarness({ env: { API_TOKENS_FILE: tokensFile, RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Resp = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
async function upload(token: string | null, body: Uint8Array | string, contentType: string, query = ''): Promise<Resp> {
  const res = await fetch(`${h.server.url}/imports${query}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  return { status: res.status, body: await res.json() };
}

async function countOf(tenant: string, ids: string[]): Promise<number> {
  const [row] = await h.services.graph.read<{ n: number }>('MATCH (n {tenant: $tenant}) WHERE n.id IN $ids RETURN count(n) AS n', {
    tenant,
    ids,
  });
  return Number(row.n);
}

function smallFiles(prefix: string): Record<string, string> {
  return {
    'firms.csv': `\ufeffid,name,country,province\n${prefix}F-us,"Importer, Inc.",US,\n${prefix}F-gin,Aksu Golden Cotton Ginning Co,CN,Xinjiang\n`,
    'facilities.csv': `id,name,firm,city,province,country,osId\n${prefix}FAC-us,DC,${prefix}F-us,,,US,\n${prefix}FAC-gin,"Aksu gin,\nnorth yard",${prefix}F-gin,Aksu,Xinjiang,CN,CN2019303BQ3FZP\n`,
    'materials.csv': `id,name,hsCode,raw\n${prefix}M-lint,Cotton lint,5201.00,yes\n`,
    'flows.csv': `id,from,to,material,quantity,unit,date\n${prefix}FL-1,${prefix}FAC-gin,${prefix}FAC-us,${prefix}M-lint,20000,kg,2024-03-01\n`,
    'shipments.csv': `id,importer,flow,entryDate\n${prefix}S-1,${prefix}F-us,${prefix}FL-1,2024-04-02\n`,
  };
}
const zipOf = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

describe('POST /imports', () => {
  it("an .xlsx workbook imports into the caller's tenant and answers the counts and shipment ids", async () => {
    const r = await upload(T.importerA, await workbookBytes(demo()), XLSX);
    expect(r.status).toBe(200);
    const d = demo();
    expect(r.body).toMatchObject({
      firms: d.firms.length,
      facilities: d.facilities.length,
      flows: d.flows.length,
      shipments: d.shipments.length,
    });
    expect(r.body.shipmentIds).toEqual(d.shipments.map((s: { id: string }) => s.id));
    expect(await countOf(A, ['S-2', 'FL-1'].filter(Boolean))).toBeGreaterThan(0);
    expect(
      await countOf(
        B,
        d.shipments.map((s: { id: string }) => s.id),
      ),
    ).toBe(0);
  });

  it('a ZIP of CSV files (BOM, quoted commas and line breaks) imports, and traces like the bundle it describes', async () => {
    const r = await upload(T.importerB, zipOf(smallFiles('z-')), 'application/zip');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ firms: 2, facilities: 2, materials: 1, flows: 1, shipments: 1, shipmentIds: ['z-S-1'] });
    const [fac] = await h.services.graph.read<{ name: string; osId: string }>(
      'MATCH (f:Facility {tenant: $t, id: "z-FAC-gin"}) RETURN f.name AS name, f.osId AS osId',
      { t: B },
    );
    expect(fac).toEqual({ name: 'Aksu gin,\nnorth yard', osId: 'CN2019303BQ3FZP' });
    const list = (await h.services.screening.current()).list.version;
    const t = await traceShipment(h.services.graph, B, { id: 'z-S-1' }, list);
    expect(t.verdict).toBe('FLAGGED');
    expect(t.flags.map((f) => f.kind)).toContain('XUAR_LOCATION');
    // the Open Supply Hub id is served and printed in the packet's parties
    const res = await fetch(`${h.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${T.importerB}` },
      body: JSON.stringify({ query: '{ facility(id: "z-FAC-gin") { osId } rebuttalPacket(shipmentId: "z-S-1") { markdown } }' }),
    });
    const { data } = (await res.json()) as { data: { facility: { osId: string }; rebuttalPacket: { markdown: string } } };
    expect(data.facility.osId).toBe('CN2019303BQ3FZP');
    expect(data.rebuttalPacket.markdown).toContain('Open Supply Hub id CN2019303BQ3FZP');
  });

  it('a JSON bundle imports the same way (content type, or told by its bytes)', async () => {
    const bundle = {
      bundleVersion: 1,
      firms: [{ id: 'j-F-1', name: 'Json Firm' }],
    };
    const r = await upload(T.importerB, JSON.stringify(bundle), 'application/json');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ firms: 1, flows: 0, shipmentIds: [] });
    const r2 = await upload(
      T.importerB,
      JSON.stringify({ ...bundle, firms: [{ id: 'j-F-2', name: 'Other' }] }),
      'application/octet-stream',
    );
    expect(r2.status).toBe(200);
    const bad = await upload(T.importerB, JSON.stringify({ bundleVersion: 1, firms: [{ id: 'j-F-3', Name: 'x' }] }), 'application/json');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { place: 'firms[0].name', field: 'name', message: 'must be a string' },
      { place: 'firms[0].Name', field: 'Name', message: 'unknown field (did you mean "name"?)' },
    ]);
    expect(await countOf(B, ['j-F-3'])).toBe(0);
  });

  it('one CSV file imports as the section its file name says, or else its headers; the answer counts the new duplicate candidates', async () => {
    const firms = await upload(T.importerB, 'id,name,country\nz-F-mill,Aksu Mill Co,CN\n', 'text/csv', '?filename=firms.csv');
    expect(firms.status).toBe(200);
    expect(firms.body).toMatchObject({ firms: 1, facilities: 0, duplicateFirmCandidates: 0, duplicateFacilityCandidates: 0 });
    // no file name: its headers are facilities' columns; it shares the Open Supply Hub id of z-FAC-gin
    const site = await upload(
      T.importerB,
      'id,name,firm,city,country,osId\nz-FAC-mill,Aksu ginning yard,z-F-mill,Aksu,CN,CN2019303BQ3FZP\n',
      'text/csv; charset=utf-8',
    );
    expect(site.status).toBe(200);
    expect(site.body).toMatchObject({ firms: 0, facilities: 1, duplicateFacilityCandidates: 1 });
    const errors = await upload(T.importerB, 'id,from,to,material\nz-FL-9,z-FAC-9,z-FAC-us,z-M-lint\n', 'text/csv', '?filename=export.csv');
    expect(errors.status).toBe(400);
    expect(errors.body.errors).toEqual([{ place: 'export!B2', field: 'from', message: 'no facility "z-FAC-9"' }]);
    const ambiguous = await upload(T.importerB, 'id,name\nF-1,x\n', 'text/csv');
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.errors[0].message).toMatch(/its headers \(id, name\) fit firms and materials; name the file after its section/);
  });

  it('a workbook with errors answers 400 with every error placed in its cell, and writes nothing', async () => {
    const files = smallFiles('e-');
    files['flows.csv'] =
      'id,from,to,material,Quantitiy,date\ne-FL-1,e-FAC-9,e-FAC-us,e-M-lint,20000,2024-03-01\ne-FL-2,e-FAC-gin,e-FAC-us,e-M-lint,1,2024-02-30\n';
    const r = await upload(T.importerB, zipOf(files), 'application/zip');
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      { place: 'flows!E1', message: 'unknown column "Quantitiy" (did you mean "quantity"?)' },
      { place: 'flows!B2', field: 'from', message: 'no facility "e-FAC-9"' },
      { place: 'flows!F3', field: 'date', message: 'must be a real calendar date YYYY-MM-DD' },
    ]);
    expect(r.body.total).toBe(3);
    expect(await countOf(B, ['e-F-us', 'e-F-gin', 'e-FAC-us', 'e-M-lint', 'e-FL-2', 'e-S-1'])).toBe(0);
  });

  it('refuses what it cannot read, the wrong method, and callers without the right', async () => {
    const garbage = await upload(T.importerA, 'id,name\nF-1,x\n', 'application/octet-stream');
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors[0].message).toMatch(/send an .xlsx workbook, a ZIP of CSV files, one CSV file \(content type text\/csv/);
    const notXlsx = await upload(T.importerA, zipOf({ 'xl/workbook.xml': '<nope' }), XLSX);
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.errors[0].message).toMatch(/not a readable .xlsx workbook/);
    expect((await upload(null, '{}', 'application/json')).status).toBe(401);
    const investigator = await upload(T.investigator, JSON.stringify({ bundleVersion: 1 }), 'application/json');
    expect(investigator.status).toBe(403);
    const get = await fetch(`${h.server.url}/imports`, { headers: { authorization: `Bearer ${T.importerA}` } });
    expect(get.status).toBe(405);
    const empty = await upload(T.importerA, '', 'application/json');
    expect(empty.status).toBe(400);
  });
});

describe('templates', () => {
  it('GET /templates/workbook.xlsx and /templates/demo.xlsx answer workbooks, without a token', async () => {
    for (const [path, sheetsWithRows] of [
      ['/templates/workbook.xlsx', 0],
      ['/templates/demo.xlsx', 7],
    ] as const) {
      const res = await fetch(`${h.server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(XLSX);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        'README',
        'firms',
        'facilities',
        'ownership',
        'materials',
        'flows',
        'documents',
        'shipments',
      ]);
      expect(wb.worksheets.filter((w) => w.name !== 'README' && w.rowCount > 1)).toHaveLength(sheetsWithRows);
    }
  });
});

describe('round trip', () => {
  it('the demo seed as a JSON bundle and as a workbook: same counts, same traces, same verdicts', async () => {
    const asJson = uniqueTenant('rt-json');
    const asWorkbook = uniqueTenant('rt-xlsx');
    const jsonReport = await importBundle(h.services, asJson, demo());
    const content = await readWorkbookBytes(await workbookBytes(demo()), 'xlsx');
    const workbookReport = await importWorkbook(h.services, asWorkbook, content, { actor: 'test' });
    expect(workbookReport).toEqual(jsonReport);
    const list = (await h.services.screening.current()).list.version;
    for (const s of demo().shipments as { id: string }[]) {
      const [a, b] = await Promise.all([
        traceShipment(h.services.graph, asJson, { id: s.id }, list),
        traceShipment(h.services.graph, asWorkbook, { id: s.id }, list),
      ]);
      expect(b.verdict).toBe(a.verdict);
      // where two lots lead equally far to a flagged party, the trace shows one of the paths,
      // whichever the database returns first: compare each flag, and its path by ends and length
      const flags = (t: typeof a) => t.flags.map((f) => ({ ...f, path: [f.path[0], f.path.length, f.path[f.path.length - 1]] }));
      expect(flags(b)).toEqual(flags(a));
      expect(b.hops).toEqual(a.hops);
      expect(b.parties).toEqual(a.parties);
    }
    // importing the same workbook again leaves the graph as it was (the bundle's rule)
    expect(await importWorkbook(h.services, asWorkbook, content)).toEqual(workbookReport);
  });

  it('importWorkbook with an error throws every placed error and writes nothing', async () => {
    const tenant = uniqueTenant('rt-bad');
    const d = demo();
    d.flows[3].from = 'FAC-nowhere';
    const content = await readWorkbookBytes(await workbookBytes(d), 'xlsx');
    const e = await importWorkbook(h.services, tenant, content).catch((x) => x);
    expect(e).toBeInstanceOf(WorkbookValidationError);
    expect((e as WorkbookValidationError).errors).toEqual([
      { place: 'flows!B5', field: 'from', message: 'no facility "FAC-nowhere"' },
      {
        place: 'flows!H5',
        field: 'inputs',
        message: 'flow "FL-S1-greige" delivers to facility "FAC-dongnai-dye", not to this flow\'s source "FAC-nowhere"',
      },
    ]);
    expect(
      await countOf(
        tenant,
        d.firms.map((f: { id: string }) => f.id),
      ),
    ).toBe(0);
  });
});
