// The web page in headless Chromium against the real server and Neo4j with the demo seed:
// search in any spelling, shipments table, trace graph with flagged paths, details, screening
// decisions, packet downloads, GraphiQL, and the token field when tokens are configured.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, gql, launchBrowser, startWebApp, WebApp } from './browser';

jest.setTimeout(180_000);

let app: WebApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const offsite: string[] = [];
const pageErrors: string[] = [];

async function newPage(baseUrl: string): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1600, height: 950 }, acceptDownloads: true });
  const p = await context.newPage();
  p.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) offsite.push(r.url());
  });
  p.on('pageerror', (e) => pageErrors.push(e.message));
  p.setDefaultTimeout(30_000);
  await p.goto(baseUrl + '/');
  return p;
}

const shot = (p: Page, name: string) => p.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
/** Runs a function in the page against the cytoscape instance the page exposes. */
const inGraph = <T>(p: Page, fn: string): Promise<T> =>
  p.evaluate(`(() => { const cy = globalThis.uflpaGraph; return (${fn})(cy); })()`) as Promise<T>;

async function openShipment(p: Page, id: string): Promise<void> {
  await p.locator(`#shipments-table tr[data-shipment="${id}"]`).click();
  await p.locator('#shipment-card h2', { hasText: id }).waitFor();
  await p.locator('#graph-title', { hasText: `Trace of shipment ${id}` }).waitFor();
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

afterEach(async () => {
  await context?.close();
});

describe('web page (local mode)', () => {
  test('serves the page, GraphiQL and bundled assets from this server, and rejects traversal', async () => {
    const base = app.local.url;
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await index.text();
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // no CDN
    const js = await fetch(`${base}/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}/assets/app.css`)).headers.get('content-type')).toMatch(/text\/css/);
    // the Chinese face the packets print with, for browsers that have none
    expect((await fetch(`${base}/assets/fonts/noto-sans-hans.otf`, { method: 'HEAD' })).headers.get('content-type')).toBe('font/otf');
    expect((await fetch(`${base}/graphiql`)).status).toBe(200);
    for (const bad of ['/assets/..%2f..%2fpackage.json', '/assets/%2e%2e%2fsrc%2fweb%2findex.ts', '/assets/.build-key']) {
      expect((await fetch(`${base}${bad}`)).status).toBe(400);
    }
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  test('search finds a listed entity by a misspelt name, with its score, and lands on the firm', async () => {
    page = await newPage(app.local.url);
    const input = page.locator('#search-input');
    await input.fill('Hoshene Silicon Industri Shanshan'); // misspelt
    await input.press('Enter');
    const listed = page.locator('#search-results li.listed', { hasText: 'Hoshine Silicon Industry (Shanshan) Co., Ltd' });
    await listed.waitFor();
    await expect(listed.locator('.score').innerText()).resolves.toMatch(/^\d{1,3}%\s*(MATCH|POSSIBLE)$/);
    // the tenant's firm the screening linked to it (listed under an alias)
    const firm = page.locator('#search-results button.result', { hasText: 'Hesheng Silicon Industry (Shanshan) Co.' }).first();
    await firm.waitFor();
    await shot(page, 'web-search');
    // keyboard: ↓ from the box moves into the results, Enter opens
    await input.focus();
    await input.press('ArrowDown');
    const focusedId = await page.evaluate('document.activeElement && document.activeElement.dataset.id');
    expect(focusedId).toBe('F-hoshine');
    await page.keyboard.press('Enter');
    await page.locator('#graph-title', { hasText: 'Network of Hesheng Silicon Industry' }).waitFor();
    await page.locator('#selection-card table.names', { hasText: '合盛硅业(鄯善)有限公司' }).waitFor();
    const nodes = await inGraph<string[]>(page, '(cy) => cy.nodes(".facility").map((n) => n.data("rawId"))');
    expect(nodes).toEqual(expect.arrayContaining(['FAC-hoshine-smelter']));

    // other scripts and spellings reach the same firm
    await input.fill('合盛硅业');
    await input.press('Enter');
    await page.locator('#search-results button.result[data-id="F-hoshine"]').first().waitFor();
  });

  test('shipments table sorts, filters and opens a flagged trace by keyboard; the flagged path is highlighted with its reason', async () => {
    page = await newPage(app.local.url);
    const rows = page.locator('#shipments-table tbody tr[data-shipment]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(8);
    await page.selectOption('#shipments-verdict', 'FLAGGED');
    expect(await rows.count()).toBe(3);
    await page.selectOption('#shipments-verdict', '');
    await page.fill('#shipments-filter', 'Harborline');
    expect(await rows.count()).toBe(3);
    await page.fill('#shipments-filter', '');
    await page.locator('#shipments-table th button', { hasText: 'Shipment' }).click();
    expect(await rows.first().getAttribute('data-shipment')).toBe('S-1');
    await expect(page.locator('#shipments-table th[aria-sort="ascending"]').innerText()).resolves.toContain('Shipment');

    // keyboard: focus S-1, ↓ to S-2, Enter
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('#graph-title', { hasText: 'Trace of shipment S-2' }).waitFor();
    await page.locator('#shipment-card .badge', { hasText: 'FLAGGED' }).waitFor();

    const trace = (await gql(app.local.url, '{ traceShipment(id: "S-2") { flags { kind flowId facilityId path } } }')).data.traceShipment;
    const presumptive = trace.flags.filter((f: { kind: string }) => ['XUAR_LOCATION', 'UFLPA_LISTED', 'LISTED_AFFILIATE'].includes(f.kind));
    expect(presumptive.length).toBeGreaterThan(0);
    const expected = [...new Set(presumptive.flatMap((f: { path: string[] }) => f.path))].sort();
    const highlighted = await inGraph<string[]>(page, '(cy) => cy.edges(".flagpath").map((e) => e.data("rawId")).sort()');
    expect(highlighted).toEqual(expected);
    expect(highlighted).toContain('FL-S2-lint-aksu');
    const clean = await inGraph<string[]>(page, '(cy) => cy.edges(".flow").not(".flagpath").map((e) => e.data("rawId"))');
    expect(clean).toContain('FL-S2-lint-brazil');
    // flagged node marked by class and by label (not colour alone)
    const aksu = await inGraph<{ cls: boolean; label: string }>(
      page,
      '(cy) => { const n = cy.getElementById("fac:FAC-aksu-gin"); return { cls: n.hasClass("flagged"), label: n.data("label") }; }',
    );
    expect(aksu.cls).toBe(true);
    expect(aksu.label).toContain('⚑ In the XUAR');
    // the reason, in the shipment card
    await page.locator('#shipment-card .flag-item.sev-flag', { hasText: 'lies in the Xinjiang Uyghur Autonomous Region' }).waitFor();
    await page.locator('.legend', { hasText: 'flagged path' }).waitFor();
    // Chinese names print in the served face where the browser has none (CI's headless Chromium has none)
    expect(await page.evaluate(`document.fonts.load('14px "Noto Sans Hans (served)"', '新疆').then((faces) => faces.length)`)).toBe(1);
    await shot(page, 'web-trace-s2');

    // the evidence behind a hop: click the flagged lint flow
    await page.locator('#shipment-card .flag-item.sev-flag button', { hasText: 'Show flow' }).first().click();
    await page.locator('#selection-card h2', { hasText: 'FL-S2-lint-aksu' }).waitFor();
    await page.locator('#selection-card table.docs tbody tr').first().waitFor();
    await page.locator('#selection-card table.docs td', { hasText: /^E\d+/ }).first().waitFor(); // exhibit numbers from the packet
    await page.locator('#selection-card .flag-item', { hasText: 'Xinjiang' }).first().waitFor();
    await shot(page, 'web-flow-details');

    // expand a node (double click) adds its neighbours: the importer's other suppliers
    const before = await inGraph<number>(page, '(cy) => cy.elements().length');
    await inGraph(page, '(cy) => { cy.getElementById("fac:FAC-harborline-dc").emit("dbltap"); return 0; }');
    await page.waitForFunction((n) => (globalThis as any).uflpaGraph.elements().length > n, before); // eslint-disable-line @typescript-eslint/no-explicit-any
  });

  test('path finder between two selected nodes highlights a supply path', async () => {
    page = await newPage(app.local.url);
    await openShipment(page, 'S-3');
    await inGraph(page, '(cy) => { cy.getElementById("fac:FAC-hami-quartz").emit("tap"); return 0; }');
    await page.locator('#selection-card button', { hasText: 'Path from here' }).click();
    await inGraph(page, '(cy) => { cy.getElementById("fac:FAC-sunbridge-wh").emit("tap"); return 0; }');
    await page.locator('#selection-card button', { hasText: 'Path to here' }).click();
    await page.locator('#pf-find').click();
    await page.locator('#paths button.path').first().waitFor();
    const found = await inGraph<string[]>(page, '(cy) => cy.edges(".found").map((e) => e.data("rawId"))');
    expect(found.length).toBe(6);
    await shot(page, 'web-pathfinder');
  });

  test('a listed-affiliate trace shows the controlling ownership chain as dashed ownership edges', async () => {
    page = await newPage(app.local.url);
    await openShipment(page, 'S-4');
    await page.locator('#shipment-card .flag-item.sev-flag', { hasText: 'controlled by' }).waitFor();
    await page.waitForFunction(() => (globalThis as any).uflpaGraph.edges('.owns').length > 0); // eslint-disable-line @typescript-eslint/no-explicit-any
    const owns = await inGraph<{ from: string; to: string; label: string }[]>(
      page,
      '(cy) => cy.edges(".owns").map((e) => ({ from: e.data("owner"), to: e.data("owned"), label: e.data("label") }))',
    );
    expect(owns).toContainEqual({ from: 'F-hoshine', to: 'F-jiaxing-hexin', label: 'owns 60%' });
    const style = await inGraph<{ owns: string; flow: string }>(
      page,
      '(cy) => ({ owns: cy.edges(".owns")[0].style("line-style"), flow: cy.edges(".flow")[0].style("line-style") })',
    );
    expect(style).toEqual({ owns: 'dashed', flow: 'solid' });
    const owner = await inGraph<string>(page, '(cy) => cy.getElementById("firm:F-hoshine").data("label")');
    expect(owner).toContain('⚑ UFLPA Entity List');
    await shot(page, 'web-trace-s4-ownership');
  });

  test('downloads the flagged shipment packet as PDF and ZIP', async () => {
    page = await newPage(app.local.url);
    await openShipment(page, 'S-3');
    for (const [button, magic, ext] of [
      ['#download-pdf', '%PDF', 'pdf'],
      ['#download-zip', 'PK', 'zip'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      const file = join(ARTIFACTS, `web-packet-S-3.${ext}`);
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`));
      expect(readFileSync(file).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
    await page.locator('#status', { hasText: 'Downloaded' }).waitFor();
  });

  test('confirms a screening match from the details panel', async () => {
    page = await newPage(app.local.url);
    await page.goto(`${app.local.url}/#firm=F-hoshine`);
    const match = page.locator('#selection-card li.match', { hasText: 'Hoshine Silicon Industry (Shanshan) Co., Ltd' });
    await match.waitFor();
    await match.locator('input.note').fill('registration checked (e2e)');
    await match.locator('button.confirm').click();
    await page.locator('#selection-card li.match.status-confirmed .match-status', { hasText: 'Confirmed' }).waitFor();
    const stored = (await gql(app.local.url, '{ screeningMatches(firmId: "F-hoshine") { items { status note } } }')).data.screeningMatches
      .items;
    expect(stored[0]).toEqual({ status: 'CONFIRMED', note: 'registration checked (e2e)' });
    // outside a trace, the listed firm is marked in the network view too
    const label = await inGraph<string>(page, '(cy) => cy.getElementById("firm:F-hoshine").data("label")');
    expect(label).toContain('UFLPA Entity List');
    await shot(page, 'web-firm-confirmed');
  });

  test('the firm panel lists the shipments through the firms it controls, saying how each passes', async () => {
    page = await newPage(app.local.url);
    await page.goto(`${app.local.url}/#firm=F-hoshine`);
    const list = page.locator('#selection-card ul.exposure');
    // S-3 through Hoshine's own smelter; S-4 through Jiaxing Hexin, 60% held by Hoshine
    await list.locator('li', { hasText: 'Shipment S-3' }).waitFor();
    expect(await list.locator('li', { hasText: 'Shipment S-3' }).textContent()).toMatch(/direct$/);
    expect(await list.locator('li', { hasText: 'Shipment S-4' }).textContent()).toContain(
      'through Jiaxing Hexin Silicon Materials Co., Ltd. (60%)',
    );
    await shot(page, 'web-firm-exposure');
  });

  test('GraphiQL runs a saved contract example', async () => {
    page = await newPage(app.local.url);
    await page.goto(`${app.local.url}/graphiql`);
    await page.locator('.examples button.example', { hasText: 'traceShipment (contract)' }).click();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response', { hasText: '"verdict": "FLAGGED"' }).waitFor();
    await shot(page, 'web-graphiql');
  });

  test('loaded nothing from another host and threw no page errors', () => {
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('web page with tokens configured', () => {
  test('asks for a token, keeps it in the session, and works with it', async () => {
    page = await newPage(app.secured.url);
    expect(
      (
        await fetch(`${app.secured.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ entityList { version } }"}',
        })
      ).status,
    ).toBe(401);
    await page.locator('#status.error', { hasText: 'API token' }).waitFor();
    await page.fill('#token-input', app.token);
    await page.locator('#token-form button[type="submit"]').click();
    await page.locator('#shipments-table tr[data-shipment="S-2"]').waitFor();
    expect(await page.evaluate('sessionStorage.getItem("uflpa-trace.token")')).toBe(app.token);
    // a reload keeps the token (same tab session)
    await page.reload();
    await openShipment(page, 'S-2');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await shot(page, 'web-auth');
  });
});
