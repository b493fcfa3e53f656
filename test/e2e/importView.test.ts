// The explorer's Import view in headless Chromium against the real server and Neo4j: a
// dropped workbook with mistakes shows every error placed in its cell and writes nothing;
// the fixed workbook, chosen with the file picker, imports and shows its counts and the new
// shipment's verdict, which opens its trace.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, startWebApp, WebApp } from './browser';
import { workbookBytes } from '../../src/import/workbook';

jest.setTimeout(180_000);

let app: WebApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
}, 240_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

/** A supplier map in the template's layout: a XUAR gin selling lint to a U.S. importer. */
function supplierMap(from: string) {
  return {
    firms: [
      { id: 'imp-F-gin', name: 'Aksu Golden Cotton Ginning Co', country: 'CN', city: 'Aksu', province: 'Xinjiang' },
      { id: 'imp-F-us', name: 'Dropped Workbook Importer Inc', country: 'US' },
    ],
    facilities: [
      {
        id: 'imp-FAC-gin',
        name: 'Aksu gin',
        firm: 'imp-F-gin',
        country: 'CN',
        city: 'Aksu',
        province: 'Xinjiang',
        osId: 'CN2019303BQ3FZP',
      },
      { id: 'imp-FAC-us', name: 'Importer DC', firm: 'imp-F-us', country: 'US' },
    ],
    materials: [{ id: 'imp-M-lint', name: 'Cotton lint', hsCode: '5201.00', raw: true }],
    flows: [{ id: 'imp-FL-1', from, to: 'imp-FAC-us', material: 'imp-M-lint', quantity: 20000, unit: 'kg', date: '2024-03-01' }],
    shipments: [{ id: 'imp-S-1', importer: 'imp-F-us', flow: 'imp-FL-1', entryDate: '2024-04-02' }],
  };
}

/** Drops a file on the drop zone as a person would drag one in. */
async function dropFile(p: Page, name: string, bytes: Buffer): Promise<void> {
  // in the page (the test's TypeScript has no DOM types): a DataTransfer holding the file
  const data = await p.evaluateHandle(`(() => {
    const bin = Uint8Array.from(atob(${JSON.stringify(bytes.toString('base64'))}), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bin], ${JSON.stringify(name)}, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    return dt;
  })()`);
  await p.dispatchEvent('#import-drop', 'dragover', { dataTransfer: data });
  await p.dispatchEvent('#import-drop', 'drop', { dataTransfer: data });
}

test('a dropped workbook with an error shows it placed in its cell; the fixed one imports and shows its verdict', async () => {
  context = await browser.newContext({ viewport: { width: 1600, height: 950 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.setDefaultTimeout(30_000);
  await page.goto(app.local.url + '/');
  await page.locator('#shipments-table tr[data-shipment="S-2"]').waitFor();

  await dropFile(page, 'suppliers.xlsx', await workbookBytes(supplierMap('imp-FAC-nowhere')));
  const errors = page.locator('table.import-errors tbody tr');
  await errors.first().waitFor();
  expect(await errors.count()).toBe(1);
  expect((await errors.first().locator('td').allTextContents()).map((t) => t.trim())).toEqual([
    'flows!B2',
    'from',
    'no facility "imp-FAC-nowhere"',
  ]);
  await page.locator('#import-result', { hasText: 'nothing was written' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'import-errors.png') });
  const [stored] = await app.services.graph.read<{ n: number }>(
    'MATCH (f:Firm {tenant: $t}) WHERE f.id STARTS WITH "imp-" RETURN count(f) AS n',
    {
      t: app.tenant,
    },
  );
  expect(Number(stored.n)).toBe(0);

  await page.setInputFiles('#import-file', {
    name: 'suppliers.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workbookBytes(supplierMap('imp-FAC-gin')),
  });
  await page
    .locator('#import-result', { hasText: 'suppliers.xlsx imported: 2 firms, 2 facilities, 0 ownership, 1 materials, 1 flows' })
    .waitFor();
  const verdictRow = page.locator('table.import-verdicts tr[data-shipment="imp-S-1"]');
  await verdictRow.waitFor();
  expect((await verdictRow.locator('td').nth(1).textContent())?.toUpperCase()).toContain('FLAGGED');
  // the shipments table reloads with the new shipment
  await page.locator('#shipments-table tr[data-shipment="imp-S-1"]').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'import-done.png') });
  await verdictRow.locator('button').click();
  await page.locator('#graph-title', { hasText: 'Trace of shipment imp-S-1' }).waitFor();
  // the facility's Open Supply Hub id is in its details
  await page.evaluate('(() => { globalThis.uflpaGraph.getElementById("fac:imp-FAC-gin").emit("tap"); })()');
  await page.locator('#selection-card', { hasText: 'CN2019303BQ3FZP' }).waitFor();
  expect(pageErrors).toEqual([]);
});
