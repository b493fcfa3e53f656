// The explorer's duplicate review in headless Chromium against the real server and Neo4j: a
// CSV file chosen in the Import view adds a facility sharing an Open Supply Hub id with a
// stored one; the view's counts say one new duplicate-facility pair, its link opens the review,
// which shows each pair's evidence and the two records side by side with labels of at least
// 11 px; a reviewer decides with the keyboard alone, and the decision (who, when, note) is the
// API's.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, gql, launchBrowser, startWebApp, WebApp } from './browser';
import { importBundle } from '../../src/import';

jest.setTimeout(180_000);

let app: WebApp;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  // one textile firm under two ids (English and Chinese); its weaving plant under the hub's id
  await importBundle(app.services, app.tenant, {
    bundleVersion: 1,
    firms: [
      { id: 'dv-F-en', name: 'Jiangsu Jintaiyang Textile Co., Ltd.', country: 'CN' },
      { id: 'dv-F-zh', name: '江苏金太阳纺织有限公司', country: 'CN' },
    ],
    facilities: [
      { id: 'dv-FAC-en', name: 'Jintaiyang Weaving Plant', firm: 'dv-F-en', osId: 'CN2021001JTYWVP', city: 'Changzhou', country: 'CN' },
    ],
  });
}, 240_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

const api = async (query: string) => {
  const r = await gql(app.local.url, query);
  expect(r.errors).toBeUndefined();
  return r.data;
};
/** Font sizes under 11 px of the visible text in an element (the page's CSP forbids string functions in waitForFunction, not evaluate). */
const smallText = (p: Page, selector: string) =>
  p.evaluate(`(() => {
    const out = [];
    for (const el of document.querySelectorAll(${JSON.stringify(selector)} + ' *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || !el.getClientRects().length || el.closest('.sr-only')) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 11) out.push(el.tagName + ': ' + el.textContent.trim().slice(0, 30) + ' ' + px);
    }
    return out;
  })()`);
const activeId = (p: Page) => p.evaluate('document.activeElement && document.activeElement.id') as Promise<string>;

test('an import counts its new duplicate pairs; the review shows the evidence side by side and decides by keyboard', async () => {
  context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.setDefaultTimeout(30_000);
  await page.goto(app.local.url + '/');
  await page.locator('#shipments-table tr[data-shipment="S-2"]').waitFor();

  // a lone CSV file, named after its sheet, in the Import view
  await page.setInputFiles('#import-file', {
    name: 'facilities.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('\ufeffid,name,firm,osId,city,country\ndv-FAC-zh,金太阳织造厂,dv-F-zh,CN2021001JTYWVP,常州,CN\n'),
  });
  await page.locator('#import-result', { hasText: 'facilities.csv imported: 0 firms, 1 facilities' }).waitFor();
  const link = page.locator('#import-result a[href="#duplicates"]');
  expect((await link.innerText()).trim()).toBe('0 new duplicate-firm pairs and 1 new duplicate-facility pair to review.');
  await link.click();

  const view = page.locator('#duplicates');
  await view.locator('article.dup-pair[data-kind="facility"]').first().waitFor();
  expect(await page.locator('#graph-title').innerText()).toBe('Duplicates');
  expect(await page.locator('#cy').isHidden()).toBe(true);
  const fromApi = await api(
    '{ duplicateFirms(status: PENDING) { items { id firmIds reason } } duplicateFacilities(status: PENDING) { items { id facilityIds reason } } }',
  );
  const firmPair = fromApi.duplicateFirms.items.find((c: { firmIds: string[] }) => c.firmIds.join() === 'dv-F-en,dv-F-zh');
  const sitePair = fromApi.duplicateFacilities.items.find((c: { facilityIds: string[] }) => c.facilityIds.join() === 'dv-FAC-en,dv-FAC-zh');
  expect(sitePair.reason).toMatch(/^same Open Supply Hub id CN2021001JTYWVP/);

  // the facility pair: its evidence, and the two records side by side, the agreeing fields marked
  const siteCard = view.locator(`article.dup-pair[data-pair="${sitePair.id}"]`);
  expect(await siteCard.locator('.dup-evidence').innerText()).toContain(sitePair.reason);
  expect(await siteCard.locator('.dup-evidence .badge').innerText()).toBe('same Open Supply Hub id (strong)');
  expect((await siteCard.locator('table.dup-side thead th').allInnerTexts()).map((t) => t.trim())).toEqual([
    'Field',
    'dv-FAC-en',
    'dv-FAC-zh',
  ]);
  const osRow = siteCard.locator('table.dup-side tbody tr', { hasText: 'Open Supply Hub id' });
  expect(await osRow.getAttribute('class')).toBe('same');
  const [osA, osB] = await osRow.locator('td').allInnerTexts();
  expect([osA.trim(), osB.trim().startsWith('CN2021001JTYWVP')]).toEqual(['CN2021001JTYWVP', true]);
  const firmCard = view.locator(`article.dup-pair[data-pair="${firmPair.id}"]`);
  expect(await firmCard.locator('.dup-evidence').innerText()).toContain(firmPair.reason);
  expect(await smallText(page, '#duplicates')).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, 'duplicates-review.png'), fullPage: true });

  // the keyboard alone: into the firm pair's note, Tab to Confirm, Enter; the focus moves on
  const note = firmCard.locator('textarea');
  await note.focus();
  await page.keyboard.type('same USCC on both register extracts');
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement.textContent')).toBe('Confirm: one legal entity');
  await page.keyboard.press('Enter');
  await firmCard.locator('.dup-message', { hasText: 'confirmed by' }).waitFor();
  expect(await firmCard.getAttribute('data-status')).toBe('CONFIRMED');
  expect(await firmCard.locator('textarea').count()).toBe(0);
  // the next pair still to decide has the focus
  const nextId = await activeId(page);
  expect(nextId).toMatch(/^dup-note-/);
  // reject the facility pair: focus its note, Tab twice to Reject, Space
  await siteCard.locator('textarea').focus();
  await page.keyboard.type('two halls of one mill');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement.textContent')).toBe('Reject: two sites');
  await page.keyboard.press('Space');
  await siteCard.locator('.dup-message', { hasText: 'rejected by' }).waitFor();

  const decided = await api(
    `{ duplicateFirms(firmId: "dv-F-en") { items { status decidedBy decidedAt note } } duplicateFacilities(facilityId: "dv-FAC-en") { items { status note } } firm(id: "dv-F-zh") { sameAs { id } } }`,
  );
  expect(decided.duplicateFirms.items).toEqual([
    expect.objectContaining({ status: 'CONFIRMED', note: 'same USCC on both register extracts', decidedBy: expect.any(String) }),
  ]);
  expect(decided.duplicateFirms.items[0].decidedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(decided.duplicateFacilities.items).toEqual([{ status: 'REJECTED', note: 'two halls of one mill' }]);
  expect(decided.firm.sameAs).toEqual([{ id: 'dv-F-en' }]);

  // the status filter shows the decided pairs with who decided
  await page.selectOption('#dup-status', 'CONFIRMED');
  const confirmed = view.locator(`article.dup-pair[data-pair="${firmPair.id}"] .dup-decided`);
  await confirmed.waitFor();
  expect(await confirmed.innerText()).toMatch(/^Confirmed by .+ on \d{4}-\d\d-\d\d \d\d:\d\d UTC: same USCC on both register extracts$/);
  expect(await smallText(page, '#duplicates')).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, 'duplicates-confirmed.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});
