// The explorer's origin signals in headless Chromium against the real server and Neo4j: apparel
// sewn in China, repacked in Viet Nam and declared Vietnamese. The shipment card states the
// computed origin beside the declared one, where it was decided and where the goods only
// passed through, each flow one click away; the flows carrying ORIGIN_MISMATCH and
// TRANSSHIPMENT are drawn as signal flows; the verdict is the one without the claim.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, startWebApp, WebApp } from './browser';
import { importBundle } from '../../src/import';
import { originBundle } from '../fixtures/originGraph';

jest.setTimeout(180_000);

let app: WebApp;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  await importBundle(
    app.services,
    app.tenant,
    originBundle(
      'OV',
      [
        { id: 'A', country: 'VN', hs: '6205.20', inputs: ['B'] },
        { id: 'B', country: 'CN', hs: '6205.20', inputs: ['C'] },
        { id: 'C', country: 'CN', hs: '5208.32', inputs: ['D'] },
        { id: 'D', country: 'US', hs: '5201.00', raw: true },
      ],
      { countryOfOrigin: 'VN' },
    ),
  );
}, 240_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

const inGraph = <T>(p: Page, fn: string): Promise<T> =>
  p.evaluate(`(() => { const cy = globalThis.uflpaGraph; return (${fn})(cy); })()`) as Promise<T>;

test('the shipment card shows the computed origin with its flows, and the signal flows are marked in the graph', async () => {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.setDefaultTimeout(30_000);
  await page.goto(`${app.local.url}/#shipment=OV-S1`);

  const origin = page.locator('#shipment-card details.origin');
  await origin.waitFor();
  // declared VN, made in CN: the section opens by itself and says both
  expect(await origin.getAttribute('open')).not.toBeNull();
  await expect(origin.locator('summary').textContent()).resolves.toBe('Origin: CN (declared VN)');
  const lines = await origin.locator('li').allTextContents();
  expect(lines).toEqual(['Last transformed in CN at tier 2, flow OV-B', 'Passed through VN (heading 6205 kept) at tier 1, flow OV-A']);
  // the signals are listed on the card with the rest
  const card = (await page.locator('#shipment-card').textContent()) ?? '';
  expect(card).toMatch(/CLEAR/);

  // the flows that carry a signal are drawn as such, and the others are not
  const end = Date.now() + 30_000;
  let marked: string[] = [];
  while (Date.now() < end) {
    marked = await inGraph<string[]>(page, '(cy) => cy ? cy.edges(".signalflow").map((e) => e.id()) : []');
    if (marked.length) break;
    await page.waitForTimeout(100);
  }
  expect(marked.map((id) => id.replace(/^.*OV-/, '')).sort()).toEqual(['A', 'B']);

  // a flow of the origin section is one click from the graph
  await origin.locator('button', { hasText: 'OV-B' }).click();
  await page.locator('#selection-card', { hasText: 'OV-B' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'origin-view.png') });
  expect(pageErrors).toEqual([]);
});
