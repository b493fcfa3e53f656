// The explorer for real investigations (issue 16), in headless Chromium against the real server
// and Neo4j with the demo seed: exposure view, keyboard walk through search, table and graph,
// flags counted apart, search rows that tell firms and list entries apart, panel actions and
// downloads, unknown ids, the flagged firm network, the landing dashboard and GraphiQL examples.
// Every expectation is read from the API, not written down: the page must agree with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse, OperationDefinitionNode } from 'graphql';
import { ARTIFACTS, gql, launchBrowser, startWebApp, WebApp } from './browser';
import { chainBundle, TierSpec } from '../fixtures/scenarios';
import { EXAMPLES, NO_SEED_VALUES, SEED_VALUES_QUERY, seedValues, variablesOf } from '../../web/src/examples';
import { EDGES_THROUGH_LABELS, OVERLAPPING_LABELS, RENDERED_LABEL_SIZES } from './graphGeometry';

jest.setTimeout(180_000);

let app: WebApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const consoleWarnings: string[] = [];

interface FlagKindInfo {
  kind: string;
  presumptive: boolean;
  verdictEffect: string | null;
  label: string;
  icon: string;
  severity: string;
}
let kinds: FlagKindInfo[];

async function newPage(hash = ''): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const p = await context.newPage();
  p.on('pageerror', (e) => pageErrors.push(e.message));
  p.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') consoleWarnings.push(m.text());
  });
  p.setDefaultTimeout(30_000);
  await p.goto(`${app.local.url}/${hash}`);
  return p;
}
const shot = (p: Page, name: string) => p.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
const inGraph = <T>(p: Page, fn: string): Promise<T> =>
  p.evaluate(`(() => { const cy = globalThis.uflpaGraph; return (${fn})(cy); })()`) as Promise<T>;
/** Polls a function of the page's cytoscape until it returns true (the page's CSP forbids waitForFunction's string eval). */
async function untilGraph(p: Page, fn: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await inGraph<boolean>(p, fn))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn}`);
    await p.waitForTimeout(100);
  }
}
const api = async (query: string, variables: Record<string, unknown> = {}) => {
  const r = await gql(app.local.url, query, variables);
  expect(r.errors).toBeUndefined();
  return r.data;
};

beforeAll(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  kinds = (await api('{ flagKinds { kind presumptive verdictEffect label icon severity } }')).flagKinds;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});
afterEach(async () => {
  await context?.close();
});

describe('a layered graph you can read (point 1)', () => {
  test('every view opens with labels of at least 11 px; no edge runs through a label, no label lies on another', async () => {
    const shipments = (await api('{ shipmentRisks(first: 500) { items { shipmentId } } }')).shipmentRisks.items.map(
      (r: { shipmentId: string }) => `#shipment=${r.shipmentId}`,
    );
    const owners = [
      ...new Set(
        ((await api('{ ownershipChain(firmId: "F-jiaxing-hexin") { firms } }')).ownershipChain as { firms: string[] }[]).map(
          (c) => c.firms[0],
        ),
      ),
    ];
    const importers = [
      ...new Set(
        ((await api('{ shipmentRisks(first: 500) { items { importerId } } }')).shipmentRisks.items as { importerId: string }[]).map(
          (r) => r.importerId,
        ),
      ),
    ];
    const views = [
      ...shipments,
      ...owners.flatMap((f) => [`#firm=${f}`, `#exposure=${f}`]),
      ...importers.map((f) => `#firm=${f}`),
      '#exposure=F-lotus-hold',
    ];
    page = await newPage();
    const measured: string[] = [];
    for (const view of views) {
      const before = await page.locator('#graph-title').innerText();
      await page.evaluate(`location.hash = ${JSON.stringify(view)}`);
      const end = Date.now() + 30_000;
      for (
        let t = before;
        t === before || !/^(Trace of shipment|Network of|Exposure of)/.test(t);
        t = await page.locator('#graph-title').innerText()
      ) {
        if (Date.now() > end) throw new Error(`${view} did not open`);
        await page.waitForTimeout(100);
      }
      await untilGraph(page, '(cy) => cy.nodes().length > 0');
      await page.waitForTimeout(700); // owners and holdings arrive after the trace
      const sizes = await inGraph<[string, number, number][]>(page, RENDERED_LABEL_SIZES);
      expect(sizes.length).toBeGreaterThanOrEqual(1);
      const small = sizes.filter(([, px]) => px < 11 - 1e-9);
      expect({ view, small }).toEqual({ view, small: [] });
      expect({ view, through: await inGraph<string[]>(page, EDGES_THROUGH_LABELS) }).toEqual({ view, through: [] });
      expect({ view, overlapping: await inGraph<string[]>(page, OVERLAPPING_LABELS) }).toEqual({ view, overlapping: [] });
      measured.push(`${view}: ${sizes.length} labels, smallest ${Math.min(...sizes.map(([, px]) => px)).toFixed(1)} px`);
      if (/S-3|S-4|exposure/.test(view)) await shot(page, `explorer-layout-${view.slice(1).replace(/[^A-Za-z0-9-]/g, '_')}`);
      // the whole graph (Fit) may be smaller: labels that would be under 11 px are then not drawn at all
      await page.locator('#fit').click();
      const all = await inGraph<[string, number, number][]>(page, RENDERED_LABEL_SIZES);
      for (const [id, , minDrawn] of all) expect({ id, minDrawn: minDrawn >= 11 }).toEqual({ id, minDrawn: true });
    }
    console.log(measured.join('\n'));
  });

  test('owners sit beside the chain with their holdings, never in a supplier tier', async () => {
    page = await newPage('#shipment=S-4');
    await untilGraph(page, '(cy) => cy.edges(".owns").length > 0');
    await page.waitForTimeout(500);
    const geo = await inGraph<{ owners: { id: string; x1: number; y: number }[]; chainRight: number; rows: number[] }>(
      page,
      `(cy) => {
        const owners = cy.nodes('.firm').filter((n) => n.isChildless() && n.outgoers('edge.owns').nonempty());
        const chain = cy.nodes('.facility');
        return {
          owners: owners.map((n) => ({ id: n.id(), x1: n.boundingBox({}).x1, y: n.position('y') })),
          chainRight: chain.boundingBox({}).x2,
          rows: [...new Set(chain.map((n) => Math.round(n.position('y'))))],
        };
      }`,
    );
    expect(geo.owners.length).toBeGreaterThan(0);
    for (const o of geo.owners) {
      expect(o.x1).toBeGreaterThan(geo.chainRight); // in the lane, right of every facility
      expect(geo.rows).not.toContain(Math.round(o.y)); // not in a tier row of the chain
    }
    await shot(page, 'explorer-layout-owners-S-4');
  });
});

describe('exposure view (point 3)', () => {
  test('lists every shipment through the firm or a firm it controls, with path and route, and draws them', async () => {
    const firmId = 'F-hoshine';
    const x = (
      await api(
        'query($f: ID!) { exposure(firmId: $f, first: 100) { total items { shipmentId tier path via { kind firmId firmName chain shares } } } }',
        { f: firmId },
      )
    ).exposure;
    expect(x.items.some((i: { via: { kind: string } }) => i.via.kind === 'CONTROLLED_SUBSIDIARY')).toBe(true);
    page = await newPage(`#exposure=${firmId}`);
    const items = page.locator('#exposure-card ol.exposure-list > li');
    await items.first().waitFor();
    expect(await items.count()).toBe(x.total);
    for (const i of x.items) {
      const row = page.locator(`#exposure-card li[data-shipment="${i.shipmentId}"]`);
      const text = await row.innerText();
      if (i.via.kind === 'DIRECT') expect(text).toContain('direct');
      else {
        expect(text).toContain(`through ${i.via.firmName}`);
        for (const s of i.via.shares) expect(text).toContain(`${Math.round(s * 100)}%`);
      }
      // the path's flows are on the graph, and the holdings of the route as ownership edges
      const drawn = await inGraph<string[]>(page, '(cy) => cy.edges(".flow").map((e) => e.data("rawIds") || [e.data("rawId")]).flat()');
      expect(drawn).toEqual(expect.arrayContaining(i.path));
      const owns = await inGraph<string[]>(page, '(cy) => cy.edges(".owns").map((e) => e.data("owner") + ">" + e.data("owned"))');
      for (let k = 0; k + 1 < i.via.chain.length; k++) expect(owns).toContain(`${i.via.chain[k]}>${i.via.chain[k + 1]}`);
    }
    await shot(page, 'explorer-exposure-hoshine');

    // highlight one path: its flows are marked, the rest fades
    const sub = x.items.find((i: { via: { kind: string } }) => i.via.kind !== 'DIRECT');
    await page.locator(`#exposure-card li[data-shipment="${sub.shipmentId}"] button`, { hasText: 'Highlight path' }).click();
    const found = await inGraph<string[]>(page, '(cy) => cy.edges(".found").map((e) => e.data("rawIds") || [e.data("rawId")]).flat()');
    expect(found).toEqual(expect.arrayContaining(sub.path));
  });

  test('a holding firm without facilities keeps its ownership edges, in the exposure view and in its network', async () => {
    // a firm that owns firms but operates no facility, found from the data
    const holdings = (await api('{ ownershipChain(firmId: "F-saigon-lotus") { ultimateOwnerId firms shares } }')).ownershipChain;
    const holder = holdings[0].ultimateOwnerId as string;
    expect((await api('query($f: ID!) { firm(id: $f) { facilities { id } } }', { f: holder })).firm.facilities).toEqual([]);
    page = await newPage(`#exposure=${holder}`);
    await page.locator('#exposure-card ol.exposure-list > li').first().waitFor();
    const holderNode = await inGraph<{ present: boolean; owns: number }>(
      page,
      `(cy) => { const n = cy.getElementById("firm:${holder}"); return { present: n.nonempty(), owns: n.connectedEdges(".owns").length }; }`,
    );
    expect(holderNode.present).toBe(true);
    expect(holderNode.owns).toBeGreaterThan(0);
    await shot(page, 'explorer-exposure-holding');

    await page.goto(`${app.local.url}/#firm=${holder}`);
    await page.locator('#graph-title', { hasText: 'Network of' }).waitFor();
    await untilGraph(page, `(cy) => cy.getElementById(${JSON.stringify(`firm:${holder}`)}).connectedEdges('.owns').length > 0`);
    await shot(page, 'explorer-network-holding');
  });
});

describe('keyboard and words (point 7)', () => {
  test('walks by keyboard from search through the table into the graph', async () => {
    page = await newPage();
    await page.locator('#shipments-table tr[data-shipment]').first().waitFor();
    // search by a misspelt name, ↓ into the results, Enter opens the firm
    await page.locator('#search-input').focus();
    await page.keyboard.type('Hoshine Silcon Industry');
    await page.keyboard.press('Enter');
    await page.locator('#search-results button.result').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate('document.activeElement.dataset.id')).toBe('F-hoshine');
    await page.keyboard.press('Enter');
    await page.locator('#graph-title', { hasText: 'Network of' }).waitFor();

    // the table is one Tab stop: Tab from the verdict filter passes the column headers, then one row, then leaves
    const rows = page.locator('#shipments-table tbody tr[data-shipment]');
    const n = await rows.count();
    expect(n).toBeGreaterThan(3);
    expect(await page.locator('#shipments-table tbody tr[tabindex="0"]').count()).toBe(1);
    await page.locator('#shipments-verdict').focus();
    const stops: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(
          '(document.activeElement.closest("#shipments-table tbody") ? "row:" : "") + (document.activeElement.dataset.shipment || document.activeElement.id || document.activeElement.tagName)',
        ),
      );
    }
    expect(stops.filter((s) => s.startsWith('row:'))).toHaveLength(1);
    // arrows move inside the table, the Tab stop follows
    const first = stops.find((s) => s.startsWith('row:'))!.slice(4);
    await page.locator(`#shipments-table tr[data-shipment="${first}"]`).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate('document.activeElement.dataset.shipment');
    expect(second).not.toBe(first);
    expect(await page.locator('#shipments-table tbody tr[tabindex="0"]').getAttribute('data-shipment')).toBe(second);
    await page.keyboard.press('End');
    expect(await page.evaluate('document.activeElement.dataset.shipment')).toBe(await rows.last().getAttribute('data-shipment'));
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.locator('#graph-title', { hasText: `Trace of shipment ${first}` }).waitFor();

    // graph nodes through the keyboard list: one Tab stop, arrows, Enter shows the details
    await page.locator('#graph-keys summary').focus();
    await page.keyboard.press('Enter');
    const opts = page.locator('#graph-list li[role="option"]');
    await opts.first().waitFor();
    const nodeCount = await inGraph<number>(page, '(cy) => cy.nodes().not(".tierlabel").length');
    expect(await opts.count()).toBe(nodeCount);
    expect(await page.locator('#graph-list li[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.getAttribute("role")')).toBe('option');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const nodeId = (await page.evaluate('document.activeElement.dataset.node')) as string;
    await page.keyboard.press('Enter');
    const selected = await inGraph<string[]>(page, '(cy) => cy.$(":selected").map((e) => e.id())');
    expect(selected).toEqual([nodeId]);
    const raw = await inGraph<{ kind: string; label: string }>(
      page,
      `(cy) => { const n = cy.getElementById(${JSON.stringify(nodeId)}); return { kind: n.data("kind"), label: n.data("label") }; }`,
    );
    await page.locator('#selection-card h2, #selection-card h4').first().waitFor();
    expect(await page.locator('#selection-card').innerText()).toContain(raw.label.split('\n')[0].replace(/…$/, ''));
    // the verdict and the packet actions stayed in view
    const pdf = await page.locator('#download-pdf').boundingBox();
    expect(pdf).not.toBeNull();
    expect(pdf!.y).toBeGreaterThanOrEqual(0);
    expect(pdf!.y + pdf!.height).toBeLessThanOrEqual(900);
    await shot(page, 'explorer-keyboard-graph');
  });

  test('the status counts presumptive flags and signals apart, as flagKinds weighs them', async () => {
    const risks = (await api('{ shipmentRisks(first: 500) { items { shipmentId verdict flagCounts { kind count } } } }')).shipmentRisks
      .items;
    const weigh = (r: { flagCounts: { kind: string; count: number }[] }, pred: (k: FlagKindInfo) => boolean) =>
      r.flagCounts.filter((c) => pred(kinds.find((k) => k.kind === c.kind)!)).reduce((s, c) => s + c.count, 0);
    // a shipment with signals or information-only flags besides its presumptive ones (or none)
    const r = risks.find((x: { flagCounts: { kind: string }[] }) => weigh(x as never, (k) => !k.presumptive) > 0);
    page = await newPage(`#shipment=${r.shipmentId}`);
    await page.locator('#shipment-card h2', { hasText: r.shipmentId }).waitFor();
    const statusText = await page.locator('#status').innerText();
    const presumptive = weigh(r, (k) => k.presumptive);
    const signals = weigh(r, (k) => !k.presumptive && k.verdictEffect !== 'INCOMPLETE' && k.severity === 'SIGNAL');
    expect(statusText).toContain(`${presumptive} presumptive flag`);
    expect(statusText).toContain(`${signals} signal`);
    const all = r.flagCounts.reduce((s: number, c: { count: number }) => s + c.count, 0);
    if (all !== presumptive) expect(statusText).not.toContain(`${all} flags`);
  });

  test('INCOMPLETE is never a green check: an unreviewed POSSIBLE listing and an untraced input say what is open', async () => {
    // a supplier named like a listed entry without its place: an unreviewed POSSIBLE match
    const b = chainBundle('E2E-PL', [
      {
        firm: { name: 'E2E-PL Module Assembly Co.', city: 'Ho Chi Minh City', country: 'VN' },
        facility: { country: 'VN', city: 'Ho Chi Minh City' },
        material: { name: 'Solar modules', hsCode: '8541.43' },
      },
      {
        firm: { name: 'Daqo New Energy Co.', country: 'CN' },
        facility: { country: 'CN', city: 'Shanghai', province: 'Shanghai' },
        material: { name: 'Polysilicon', hsCode: '2804.61', raw: true },
      },
    ] satisfies TierSpec[]);
    await api('mutation($b: JSON!) { importBundle(bundle: $b) { flows } }', { b });
    const risks = (await api('{ shipmentRisks(first: 500) { items { shipmentId verdict flagCounts { kind count } } } }')).shipmentRisks
      .items;
    const incomplete = risks.filter((r: { verdict: string }) => r.verdict === 'INCOMPLETE');
    const possible = kinds.find((k) => k.kind === 'POSSIBLE_LISTING')!;
    expect(possible.verdictEffect).toBe('INCOMPLETE');
    expect(incomplete.some((r: { flagCounts: { kind: string }[] }) => r.flagCounts.some((c) => c.kind === possible.kind))).toBe(true);
    for (const r of incomplete) {
      page = await newPage(`#shipment=${r.shipmentId}`);
      const card = page.locator('#shipment-card');
      await card.locator('h2', { hasText: r.shipmentId }).waitFor();
      const text = await card.innerText();
      expect(text).not.toContain('✓');
      expect(await card.locator('.verdict-line.incomplete').count()).toBe(1);
      for (const c of r.flagCounts) {
        const k = kinds.find((x) => x.kind === c.kind)!;
        if (k.verdictEffect === 'INCOMPLETE') expect(await card.locator('.verdict-line').innerText()).toContain(k.label);
      }
      await shot(page, `explorer-incomplete-${r.shipmentId}`);
      await context.close();
    }
  });
});

describe('search rows that tell apart (point 2)', () => {
  test('one row per firm with kind, id and place; one per listed entity with section, date, score and decision', async () => {
    page = await newPage();
    await page.locator('#shipments-table tr[data-shipment]').first().waitFor();
    await page.fill('#search-input', 'Hoshine Silcon Industry');
    await page.press('#search-input', 'Enter');
    const firmRows = page.locator('#search-results li.firm-hit button.result');
    await firmRows.first().waitFor();
    // the rows are drawn, then redrawn once each firm's shipments are counted: wait for the counts
    await page.locator('#search-results li.firm-hit button.result .shipments.has').first().waitFor();
    const ids = await firmRows.evaluateAll((bs) => bs.map((b) => (b as unknown as { dataset: { id: string } }).dataset.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      const f = (await api('query($id: ID!) { firm(id: $id) { id name country city } }', { id })).firm;
      const text = await page.locator(`#search-results li.firm-hit button[data-id="${id}"]`).innerText();
      expect(text).toContain('FIRM');
      expect(text).toContain(f.id);
      if (f.country) expect(text).toContain(f.country);
      if (f.city) expect(text).toContain(f.city);
    }
    // firms with shipments come first
    const has = await firmRows.evaluateAll((bs) => bs.map((b) => !!b.querySelector('.shipments.has')));
    expect(has).toEqual([...has].sort((a, b) => Number(b) - Number(a)));
    expect(has[0]).toBe(true);
    // list rows: one per entity, the matcher's score with its decision word, section and date
    const list = (
      await api('query($q: String!) { screenName(name: $q, limit: 8) { entityName score decision section effectiveDate } }', {
        q: 'Hoshine Silcon Industry',
      })
    ).screenName;
    const listed = page.locator('#search-results li.listed');
    expect(await listed.count()).toBe(new Set(list.map((m: { entityName: string }) => m.entityName)).size);
    for (const m of list) {
      const row = listed.filter({ hasText: m.entityName }).first();
      expect(await row.locator('.score').innerText()).toMatch(new RegExp(`^${Math.round(m.score * 100)}%\\s*${m.decision}$`));
      if (m.section) expect(await row.innerText()).toContain(m.section);
      if (m.effectiveDate) expect(await row.innerText()).toContain(m.effectiveDate);
    }
    // a firm linked to a listed entity is named once under it, with its id
    const linked = await page
      .locator('#search-results ul.linked button')
      .evaluateAll((bs) => bs.map((b) => (b as unknown as { dataset: { id: string } }).dataset.id));
    expect(new Set(linked).size).toBe(linked.length);
    await shot(page, 'explorer-search');
  });
});

describe('panel, actions and ids (point 6)', () => {
  test('downloads the packet as Markdown, HTML, PDF and ZIP', async () => {
    page = await newPage('#shipment=S-3');
    await page.locator('#shipment-card h2', { hasText: 'S-3' }).waitFor();
    for (const [format, check] of [
      ['markdown', (b: Buffer) => expect(b.toString('utf8')).toMatch(/^#/m)],
      ['html', (b: Buffer) => expect(b.toString('utf8')).toMatch(/<html/i)],
      ['pdf', (b: Buffer) => expect(b.subarray(0, 4).toString('latin1')).toBe('%PDF')],
      ['zip', (b: Buffer) => expect(b.subarray(0, 2).toString('latin1')).toBe('PK')],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#download-${format}`).click()]);
      const file = join(ARTIFACTS, `explorer-packet-S-3.${download.suggestedFilename().split('.').pop()}`);
      await download.saveAs(file);
      check(readFileSync(file));
    }
    await shot(page, 'explorer-packet-actions');
  });

  test('an unknown id clears the previous view and says so', async () => {
    page = await newPage('#shipment=S-2');
    await page.locator('#graph-title', { hasText: 'Trace of shipment S-2' }).waitFor();
    expect(await inGraph<number>(page, '(cy) => cy.elements().length')).toBeGreaterThan(0);
    await page.evaluate("location.hash = '#shipment=S-no-such-shipment'");
    await page.locator('#graph-title', { hasText: 'No shipment S-no-such-shipment' }).waitFor();
    expect(await inGraph<number>(page, '(cy) => cy.elements().length')).toBe(0);
    await page.locator('#selection-card .error[role="alert"]', { hasText: 'S-no-such-shipment' }).waitFor();
    expect(await page.locator('#shipment-card').isHidden()).toBe(true);
    await page.evaluate("location.hash = '#firm=F-no-such-firm'");
    await page.locator('#graph-title', { hasText: 'No firm or facility F-no-such-firm' }).waitFor();
    await shot(page, 'explorer-unknown-id');
  });
});

describe('the firm network is flagged by the trace rules (point 4)', () => {
  test('XUAR facilities, listed and listed-controlled firms are flagged; edges carry material and date', async () => {
    const nb = (
      await api(
        '{ neighbourhood(firmId: "F-hoshine", depth: 2, direction: BOTH) { edges { id kind materialId date } flags { kind firmId facilityId } } }',
      )
    ).neighbourhood;
    const presumptive = new Set(kinds.filter((k) => k.presumptive).map((k) => k.kind));
    const flagged = nb.flags.filter((f: { kind: string }) => presumptive.has(f.kind));
    expect(flagged.map((f: { kind: string }) => f.kind)).toEqual(
      expect.arrayContaining(['XUAR_LOCATION', 'UFLPA_LISTED', 'LISTED_AFFILIATE']),
    );
    page = await newPage('#firm=F-hoshine');
    await page.locator('#graph-title', { hasText: 'Network of' }).waitFor();
    await untilGraph(page, '(cy) => cy.nodes(".flagged").length > 0');
    for (const f of flagged) {
      const key = f.facilityId ? `fac:${f.facilityId}` : `firm:${f.firmId}`;
      const n = await inGraph<{ cls: boolean; label: string }>(
        page,
        `(cy) => { const n = cy.getElementById(${JSON.stringify(key)}); return { cls: n.hasClass("flagged"), label: n.data("label") }; }`,
      );
      expect(n.cls).toBe(true);
      expect(n.label).toContain(kinds.find((k) => k.kind === f.kind)!.label);
    }
    const labels = await inGraph<Record<string, string>>(
      page,
      '(cy) => Object.fromEntries(cy.edges(".flow").map((e) => [e.data("rawId"), e.data("label")]))',
    );
    for (const e of nb.edges.filter((x: { kind: string }) => x.kind === 'FLOW')) {
      expect(labels[e.id]).toContain(e.date);
      expect(labels[e.id]).toContain(e.materialId.replace(/^M-/, '').replace(/-/g, ' '));
    }
    await shot(page, 'explorer-network-flags');
  });
});

describe('the dashboard (point 5)', () => {
  test('lands on verdict counts, flags by kind, suppliers, detentions and months; each figure opens its list', async () => {
    const risks = (
      await api(
        '{ shipmentRisks(first: 500) { items { shipmentId verdict entryDate detainedOn flaggedFirmIds flagCounts { kind count } } } }',
      )
    ).shipmentRisks.items as {
      shipmentId: string;
      verdict: string;
      entryDate: string;
      detainedOn: string | null;
      flaggedFirmIds: string[];
      flagCounts: { kind: string }[];
    }[];
    page = await newPage();
    const dash = page.locator('#dashboard');
    await dash.locator('.figure.verdict-flagged').waitFor();
    await dash.locator('.dash-detained li').first().waitFor();
    expect(await page.locator('#cy').isHidden()).toBe(true);
    await shot(page, 'explorer-dashboard');
    const shownRows = () =>
      page
        .locator('#shipments-table tbody tr[data-shipment]')
        .evaluateAll((trs) => trs.map((t) => (t as unknown as { dataset: { shipment: string } }).dataset.shipment).sort());
    const ids = (pred: (r: (typeof risks)[number]) => boolean) =>
      risks
        .filter(pred)
        .map((r) => r.shipmentId)
        .sort();
    for (const v of ['FLAGGED', 'INCOMPLETE', 'CLEAR']) {
      const fig = dash.locator(`.figures .figure.verdict-${v.toLowerCase()}`);
      expect(await fig.locator('.n').innerText()).toBe(String(ids((r) => r.verdict === v).length));
      await fig.click();
      expect(await shownRows()).toEqual(ids((r) => r.verdict === v));
    }
    // flags by kind: shipments per kind, opening the list of those shipments
    const kindRows = dash.locator('table.dash-table tbody tr');
    expect(await kindRows.count()).toBe(kinds.filter((k) => risks.some((r) => r.flagCounts.some((c) => c.kind === k.kind))).length);
    const xuar = kinds.find((k) => k.kind === 'XUAR_LOCATION')!;
    await kindRows.filter({ hasText: xuar.label }).locator('button.figure').click();
    expect(await shownRows()).toEqual(ids((r) => r.flagCounts.some((c) => c.kind === 'XUAR_LOCATION')));
    // suppliers behind flagged shipments, most first
    const counts = new Map<string, number>();
    for (const r of risks) for (const f of r.flaggedFirmIds) counts.set(f, (counts.get(f) ?? 0) + 1);
    const top = Math.max(...counts.values());
    expect(await dash.locator('ol.dash-suppliers li .n').first().innerText()).toBe(String(top));
    await dash.locator('ol.dash-suppliers li button.figure').first().click();
    expect((await shownRows()).length).toBe(top);
    // detained shipments with their deadlines
    expect(
      await dash
        .locator('.dash-detained li')
        .evaluateAll((ls) => ls.map((l) => (l as unknown as { dataset: { shipment: string } }).dataset.shipment).sort()),
    ).toEqual(ids((r) => !!r.detainedOn));
    // verdicts by entry month: a month's bar opens that month's shipments
    const m = risks[0].entryDate.slice(0, 7);
    await dash.locator('table.dash-months th button', { hasText: m }).click();
    expect(await shownRows()).toEqual(ids((r) => r.entryDate?.startsWith(m)));
    await page.locator('#shipments-list-clear').click();
    expect((await shownRows()).length).toBe(risks.length);
  });
});

describe('GraphiQL examples (point 8)', () => {
  test('the first tab runs as it opens', async () => {
    page = await newPage();
    await page.goto(`${app.local.url}/graphiql`);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response', { hasText: '"verdict"' }).waitFor();
    expect(await page.locator('.graphiql-response').innerText()).not.toContain('"errors"');
    await shot(page, 'explorer-graphiql');
  });

  test('every example operation runs on the demo seed with its variables', async () => {
    const seed = seedValues((await gql(app.local.url, SEED_VALUES_QUERY)).data);
    expect(seed.fingerprint).not.toBe(NO_SEED_VALUES.fingerprint);
    expect(seed.matchId).not.toBe(NO_SEED_VALUES.matchId);
    for (const ex of EXAMPLES) {
      const ops = parse(ex.query).definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      for (const op of ops) {
        const res = await fetch(`${app.local.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: ex.query, variables: JSON.parse(variablesOf(ex, seed)), operationName: op.name?.value }),
        });
        const body = (await res.json()) as { errors?: unknown };
        expect({ example: ex.title, op: op.name?.value, errors: body.errors }).toEqual({
          example: ex.title,
          op: op.name?.value,
          errors: undefined,
        });
      }
    }
  });
});

test('no page errors and no cytoscape warnings', () => {
  expect(pageErrors).toEqual([]);
  expect(consoleWarnings.filter((w) => /wheel sensitivity|cytoscape/i.test(w))).toEqual([]);
});
