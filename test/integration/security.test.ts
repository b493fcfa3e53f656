// Authentication, roles, tenant isolation, limits and the audit log, against a real server
// with the real file authenticator (API_TOKENS_FILE) and the real Neo4j.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, Harness, uniqueTenant } from './harness';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';
import { hashToken } from '../../src/api/auth';
import { runTokenCli } from '../../src/cli/token';
import { formatError } from '../../src/api/server';
import { createLogger } from '../../src/app';
import { GraphQLError } from 'graphql';

const A = uniqueTenant('sec-a');
const B = uniqueTenant('sec-b');
const T = {
  importerA: 'tok-importer-a',
  adminA: 'tok-admin-a',
  importerB: 'tok-importer-b',
  adminB: 'tok-admin-b',
  investigatorA: 'tok-investigator-reads-a',
  investigatorHome: 'tok-investigator-home',
  investigatorAny: 'tok-investigator-any',
};
const HQ = uniqueTenant('sec-hq');

let dir: string;
let tokensFile: string;
let h: Harness;
let savedCross: string | undefined;

const records = () => [
  { id: 'importer-a', tenant: A, role: 'IMPORTER', sha256: hashToken(T.importerA) },
  { id: 'admin-a', tenant: A, role: 'ADMIN', sha256: hashToken(T.adminA) },
  { id: 'importer-b', tenant: B, role: 'IMPORTER', sha256: hashToken(T.importerB) },
  { id: 'admin-b', tenant: B, role: 'ADMIN', sha256: hashToken(T.adminB) },
  { id: 'investigator-a', tenant: HQ, role: 'INVESTIGATOR', sha256: hashToken(T.investigatorA), tenants: [A] },
  { id: 'investigator-home', tenant: HQ, role: 'INVESTIGATOR', sha256: hashToken(T.investigatorHome) },
  { id: 'investigator-any', tenant: HQ, role: 'INVESTIGATOR', sha256: hashToken(T.investigatorAny), tenants: '*' },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uflpa-security-'));
  tokensFile = join(dir, 'tokens.json');
  writeFileSync(tokensFile, JSON.stringify({ tokens: records() }));
  savedCross = process.env.ALLOW_INVESTIGATOR_CROSS_TENANT;
  process.env.ALLOW_INVESTIGATOR_CROSS_TENANT = 'true';
  h = await startHarness({
    env: {
      API_TOKENS_FILE: tokensFile,
      ALLOW_INVESTIGATOR_CROSS_TENANT: 'true',
      RATE_LIMIT_PER_MINUTE: '100000',
      MAX_BODY_BYTES: '300000',
    },
  });
});
afterAll(async () => {
  if (savedCross === undefined) delete process.env.ALLOW_INVESTIGATOR_CROSS_TENANT;
  else process.env.ALLOW_INVESTIGATOR_CROSS_TENANT = savedCross;
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Resp = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
async function post(
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Resp> {
  const res = await fetch(`${h.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
}
const gql = async (token: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  (await post(token, query, variables, headers)).body;
async function download(token: string | null, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${h.server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, text: await res.text() };
}
const codes = (body: { errors?: { extensions?: { code?: string } }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

const IMPORT = 'mutation($b: JSON!) { importBundle(bundle: $b) { firms facilities flows documents shipments materials ownership } }';
const xuarGin = {
  firm: { name: 'Tianshan Cotton Ginning Co', country: 'CN' },
  facility: { country: 'CN', city: 'Aksu', province: 'Xinjiang' },
};

describe('authentication', () => {
  it('answers 401 UNAUTHENTICATED without a token, with a wrong one, and on packet downloads', async () => {
    for (const token of [null, 'not-a-token', `${T.importerA}x`]) {
      const r = await post(token, '{ entityList { version } }');
      expect(r.status).toBe(401);
      expect(codes(r.body)).toEqual(['UNAUTHENTICATED']);
      expect(r.body.data).toBeUndefined();
    }
    const basic = await post(null, '{ entityList { version } }', {}, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` });
    expect(basic.status).toBe(401);
    const dl = await download(null, '/packets/anything.pdf');
    expect(dl.status).toBe(401);
    expect(JSON.parse(dl.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('keeps health and readiness open to probes that carry no token (src/api/server.ts)', async () => {
    expect((await download(null, '/health')).status).toBe(200);
    const ready = await download(null, '/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ ready: true, neo4j: 'up' });
  });

  it('accepts a token created with the CLI at once and refuses it once revoked: rotation without restart', async () => {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: () => undefined, env: {} };
    expect(runTokenCli(['create', '--tenant', A, '--role', 'IMPORTER', '--id', 'rotated', '--file', tokensFile], io)).toBe(0);
    const token = out[0];
    const ok = await post(token, '{ entityList { version } }');
    expect(ok.status).toBe(200);
    expect(ok.body.data.entityList.version).toBeTruthy();
    // no wait for a new mtime: revoking shortens the file, and the server re-reads on a change of size too
    expect(runTokenCli(['revoke', '--id', 'rotated', '--file', tokensFile], io)).toBe(0);
    const gone = await post(token, '{ entityList { version } }');
    expect(gone.status).toBe(401);
    expect((await post(T.importerA, '{ entityList { version } }')).status).toBe(200); // the others stay valid
  });
});

describe('roles', () => {
  it('lets IMPORTER and ADMIN import, and refuses INVESTIGATOR with FORBIDDEN', async () => {
    const b = chainBundle('ROLE', cottonTiers());
    expect(codes(await gql(T.investigatorHome, IMPORT, { b }))).toEqual(['FORBIDDEN']);
    expect((await gql(T.importerA, IMPORT, { b })).data.importBundle.flows).toBe(4);
    expect((await gql(T.adminA, IMPORT, { b })).data.importBundle.flows).toBe(4);
  });

  it('shows the audit log to ADMIN only', async () => {
    for (const token of [T.importerA, T.investigatorHome]) {
      const r = await gql(token, '{ auditLog { action } }');
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.errors[0].message).toMatch(/needs the role ADMIN/);
    }
    const log = await gql(T.adminA, '{ auditLog(action: IMPORT) { actor action target } }');
    expect(log.errors).toBeUndefined();
    expect(log.data.auditLog.map((e: { actor: string }) => e.actor)).toEqual(expect.arrayContaining(['importer-a', 'admin-a']));
  });
});

describe('tenant isolation', () => {
  // Both tenants use the same ids; A's chain runs through a XUAR gin, B's does not.
  const bundleA = chainBundle('ISO', cottonTiers(xuarGin));
  const bundleB = chainBundle('ISO', cottonTiers());
  // Only A has these, with a firm the Entity List names (so A has a screening match).
  const onlyA = chainBundle('ONLYA', cottonTiers({ firm: { name: 'Hoshine Silicon Industry (Shanshan) Co., Ltd', country: 'CN' } }));
  let matchIdA: string;
  let fingerprintA: string;

  beforeAll(async () => {
    expect((await gql(T.importerA, IMPORT, { b: bundleA })).errors).toBeUndefined();
    expect((await gql(T.importerB, IMPORT, { b: bundleB })).errors).toBeUndefined();
    expect((await gql(T.importerA, IMPORT, { b: onlyA })).errors).toBeUndefined();
    const m = await gql(T.adminA, '{ screeningMatches(firmId: "ONLYA-F4") { items { id entityName } } }');
    matchIdA = m.data.screeningMatches.items[0].id;
    fingerprintA = (await gql(T.adminA, '{ rebuttalPacket(shipmentId: "ONLYA-S1") { fingerprint } }')).data.rebuttalPacket.fingerprint;
  });

  it('stores the same ids twice, once per tenant, without collision', async () => {
    const rows = await h.services.graph.read<{ tenant: string; name: string }>(
      'MATCH (f:Firm {id: "ISO-F4"}) WHERE f.tenant IN [$a, $b] RETURN f.tenant AS tenant, f.name AS name ORDER BY tenant',
      { a: A, b: B },
    );
    expect(rows).toEqual(
      [
        { tenant: A, name: 'Tianshan Cotton Ginning Co' },
        { tenant: B, name: 'Lubbock Cotton Gin LLC' },
      ].sort((x, y) => (x.tenant < y.tenant ? -1 : 1)),
    );
    const q = '{ traceShipment(id: "ISO-S1") { verdict parties { firmId name } } firm(id: "ISO-F4") { name } }';
    const a = await gql(T.importerA, q);
    const b = await gql(T.importerB, q);
    expect(a.data.traceShipment.verdict).toBe('FLAGGED');
    expect(b.data.traceShipment.verdict).toBe('CLEAR');
    expect(a.data.firm.name).toBe('Tianshan Cotton Ginning Co');
    expect(b.data.firm.name).toBe('Lubbock Cotton Gin LLC');
    expect(b.data.traceShipment.parties.map((p: { name: string }) => p.name)).not.toContain('Tianshan Cotton Ginning Co');
  });

  // Each operation for B on A's record, and on an id nobody has: the answers must be the same
  // once the id is swapped, so B cannot even tell that A's record exists.
  const probes: [string, string][] = [
    ['traceShipment', 'query($id: ID!) { traceShipment(id: $id) { verdict } }'],
    ['shipment', 'query($id: ID!) { shipment(id: $id) { id } }'],
    ['rebuttalPacket', 'query($id: ID!) { rebuttalPacket(shipmentId: $id) { markdown } }'],
    ['detentionClock', 'query($id: ID!) { detentionClock(shipmentId: $id) { shipmentId } }'],
    ['supplyChainDiff', 'query($id: ID!) { supplyChainDiff(shipmentId: $id, againstShipmentId: "ISO-S1") { sameFingerprint } }'],
  ];
  const firmProbes: [string, string][] = [
    ['firm', 'query($id: ID!) { firm(id: $id) { id name } }'],
    ['supplierPaths', 'query($id: ID!) { supplierPaths(from: $id, to: "ISO-F-imp") { nodes } }'],
    ['supplierPaths to', 'query($id: ID!) { supplierPaths(from: "ISO-F1", to: $id) { nodes } }'],
    ['neighbourhood', 'query($id: ID!) { neighbourhood(firmId: $id) { nodes { id } } }'],
    ['ownershipChain', 'query($id: ID!) { ownershipChain(firmId: $id) { firms } }'],
    ['exposure', 'query($id: ID!) { exposure(firmId: $id) { total } }'],
    ['screeningMatches', 'query($id: ID) { screeningMatches(firmId: $id) { total items { id } } }'],
  ];

  const facilityProbes: [string, string][] = [
    ['facility', 'query($id: ID!) { facility(id: $id) { id name } }'],
    ['supplierPaths from a facility', 'query($id: ID!) { supplierPaths(from: $id, to: "ISO-FAC-imp") { nodes } }'],
    ['neighbourhood of a facility', 'query($id: ID!) { neighbourhood(firmId: $id, depth: 1) { nodes { id } } }'],
  ];

  async function sameAsMissing(query: string, realId: string) {
    const mine = await gql(T.importerA, query, { id: realId });
    expect(mine.errors).toBeUndefined(); // A sees its own record
    const theirs = JSON.stringify(await gql(T.importerB, query, { id: realId }))
      .split(realId)
      .join('<ID>');
    const missing = JSON.stringify(await gql(T.importerB, query, { id: 'NO-SUCH-ID-1' }))
      .split('NO-SUCH-ID-1')
      .join('<ID>');
    expect(theirs).toBe(missing);
    return JSON.parse(theirs);
  }

  it.each(probes)("B cannot reach A's shipment through %s (answer identical to a missing id)", async (_name, query) => {
    const r = await sameAsMissing(query, 'ONLYA-S1');
    expect(JSON.stringify(r)).not.toMatch(/Hoshine|ONLYA-F/);
  });

  it.each(firmProbes)("B cannot reach A's firm or facility through %s (answer identical to a missing id)", async (_name, query) => {
    const r = await sameAsMissing(query, 'ONLYA-F4');
    expect(JSON.stringify(r)).not.toMatch(/Hoshine|ONLYA-FAC/);
  });

  it.each(facilityProbes)("B cannot reach A's facility through %s (answer identical to a missing id)", async (_name, query) => {
    const r = await sameAsMissing(query, 'ONLYA-FAC4');
    expect(JSON.stringify(r)).not.toMatch(/Hoshine|ONLYA-F4/);
  });

  it("B finds none of A's firms by name, fingerprint, or dashboard", async () => {
    expect((await gql(T.importerA, '{ searchFirms(text: "hoshine silicon") { id } }')).data.searchFirms).toEqual([{ id: 'ONLYA-F4' }]);
    expect((await gql(T.importerB, '{ searchFirms(text: "hoshine silicon") { id } }')).data.searchFirms).toEqual([]);
    expect((await gql(T.importerB, '{ searchFirms(text: "tianshan") { id } }')).data.searchFirms).toEqual([]);
    const fp = 'query($f: String!) { shipmentsWithFingerprint(fingerprint: $f) }';
    expect((await gql(T.importerA, fp, { f: fingerprintA })).data.shipmentsWithFingerprint).toEqual(['ONLYA-S1']);
    expect((await gql(T.importerB, fp, { f: fingerprintA })).data.shipmentsWithFingerprint).toEqual([]);
    const risks = await gql(T.importerB, '{ shipmentRisks(first: 100) { items { shipmentId } total } }');
    expect(risks.data.shipmentRisks.items.map((i: { shipmentId: string }) => i.shipmentId)).toEqual(['ISO-S1']);
  });

  it("B cannot decide A's screening match (NOT_FOUND, as for a missing one)", async () => {
    const q = 'mutation($id: ID!) { confirmMatch(id: $id, note: "mine now") { status } }';
    const theirs = JSON.stringify(await gql(T.adminB, q, { id: matchIdA }))
      .split(matchIdA)
      .join('<ID>');
    const missing = JSON.stringify(await gql(T.adminB, q, { id: 'NO-SUCH-MATCH' }))
      .split('NO-SUCH-MATCH')
      .join('<ID>');
    expect(theirs).toBe(missing);
    expect(JSON.parse(theirs).errors[0].extensions.code).toBe('NOT_FOUND');
    const still = await gql(T.adminA, '{ screeningMatches(firmId: "ONLYA-F4") { items { id status } } }');
    expect(still.data.screeningMatches.items.find((m: { id: string }) => m.id === matchIdA).status).toBe('PENDING');
  });

  it("B cannot download A's packet in any format (404 as for a missing shipment)", async () => {
    for (const ext of ['md', 'html', 'pdf', 'zip']) {
      expect((await download(T.importerA, `/packets/ONLYA-S1.${ext}`)).status).toBe(200);
      const theirs = await download(T.importerB, `/packets/ONLYA-S1.${ext}`);
      const missing = await download(T.importerB, `/packets/NO-SUCH-ID-1.${ext}`);
      expect(theirs.status).toBe(404);
      expect(theirs.text.split('ONLYA-S1').join('<ID>')).toBe(missing.text.split('NO-SUCH-ID-1').join('<ID>'));
    }
  });

  it("B's audit log holds none of A's events", async () => {
    const b = await gql(T.adminB, '{ auditLog(first: 1000) { actor target } }');
    expect(b.data.auditLog.length).toBeGreaterThan(0);
    expect(b.data.auditLog.every((e: { actor: string }) => ['importer-b', 'admin-b'].includes(e.actor))).toBe(true);
  });

  it("B's re-import with the same ids leaves A's records untouched", async () => {
    const renamed = structuredClone(bundleB);
    renamed.firms[4].name = 'Renamed By B';
    expect((await gql(T.importerB, IMPORT, { b: renamed })).errors).toBeUndefined();
    expect((await gql(T.importerA, '{ firm(id: "ISO-F4") { name } }')).data.firm.name).toBe('Tianshan Cotton Ginning Co');
    expect((await gql(T.importerA, '{ traceShipment(id: "ISO-S1") { verdict } }')).data.traceShipment.verdict).toBe('FLAGGED');
  });

  describe('cross-tenant reads by investigators (X-Tenant)', () => {
    it("lets an investigator listed for A read A, and records its decisions in A's log", async () => {
      const hdr = { 'x-tenant': A };
      const t = await gql(T.investigatorA, '{ traceShipment(id: "ONLYA-S1") { shipmentId verdict } }', {}, hdr);
      expect(t.errors).toBeUndefined();
      expect(t.data.traceShipment.shipmentId).toBe('ONLYA-S1');
      const packet = await fetch(`${h.server.url}/packets/ONLYA-S1.md`, {
        headers: { authorization: `Bearer ${T.investigatorAny}`, 'x-tenant': A },
      });
      expect(packet.status).toBe(200);
      expect(await packet.text()).toContain('ONLYA-S1');
      const rejected = await gql(
        T.investigatorA,
        'mutation($id: ID!) { rejectMatch(id: $id, note: "checked") { status decidedBy } }',
        { id: matchIdA },
        hdr,
      );
      expect(rejected.data.rejectMatch).toEqual({ status: 'REJECTED', decidedBy: 'investigator-a' });
      const log = await gql(T.adminA, '{ auditLog(action: MATCH_DECISION) { actor target } }');
      expect(log.data.auditLog[0]).toEqual({ actor: 'investigator-a', target: matchIdA });
    });

    it('never lets an investigator import into another tenant', async () => {
      expect(codes(await gql(T.investigatorA, IMPORT, { b: chainBundle('XT', cottonTiers()) }, { 'x-tenant': A }))).toEqual(['FORBIDDEN']);
      expect((await gql(T.importerA, '{ firm(id: "XT-F1") { id } }')).data.firm).toBeNull();
    });

    it('refuses unlisted tenants, other roles and bad names with the same answer whether the tenant exists or not', async () => {
      const q = '{ entityList { version } }';
      const toB = await post(T.investigatorA, q, {}, { 'x-tenant': B });
      const toNowhere = await post(T.investigatorA, q, {}, { 'x-tenant': 'no-such-tenant' });
      expect(toB.status).toBe(403);
      expect(codes(toB.body)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(toB.body).split(B).join('<T>')).toBe(JSON.stringify(toNowhere.body).split('no-such-tenant').join('<T>'));
      expect((await post(T.investigatorHome, q, {}, { 'x-tenant': A })).status).toBe(403);
      expect(codes((await post(T.importerB, q, {}, { 'x-tenant': A })).body)).toEqual(['FORBIDDEN']);
      expect(codes((await post(T.adminB, q, {}, { 'x-tenant': A })).body)).toEqual(['FORBIDDEN']);
      const injected = await post(T.investigatorAny, q, {}, { 'x-tenant': `${A}' OR 1=1` });
      expect(injected.status).toBe(400);
      expect(codes(injected.body)).toEqual(['BAD_REQUEST']);
      // the header is ignored when it names the token's own tenant
      expect((await post(T.importerB, q, {}, { 'x-tenant': B })).status).toBe(200);
    });
  });
});

describe('limits', () => {
  it.each([
    ['maxTiers above 30', '{ traceShipment(id: "ISO-S1", maxTiers: 31) { verdict } }', /maxTiers must be an integer from 1 to 30/],
    ['maxTiers of 0', '{ traceShipment(id: "ISO-S1", maxTiers: 0) { verdict } }', /maxTiers must be an integer from 1 to 30/],
    [
      'maxDepth above 12',
      '{ supplierPaths(from: "ISO-F1", to: "ISO-F2", maxDepth: 13) { nodes } }',
      /maxDepth must be an integer from 1 to 12/,
    ],
    [
      'path limit above 100',
      '{ supplierPaths(from: "ISO-F1", to: "ISO-F2", limit: 101) { nodes } }',
      /limit must be an integer from 1 to 100/,
    ],
    ['screening limit above 100', '{ screenName(name: "x", limit: 101) { entityName } }', /limit must be an integer from 1 to 100/],
    ['search limit above 200', '{ searchFirms(text: "x", limit: 201) { id } }', /limit must be an integer from 1 to 200/],
    ['dashboard page above 10000', '{ shipmentRisks(first: 10001) { total } }', /first must be an integer from 1 to 10000/],
    ['match page above 500', '{ screeningMatches(first: 501) { total } }', /first must be an integer from 1 to 500/],
    ['exposure page above 200', '{ exposure(firmId: "ISO-F1", first: 201) { total } }', /first must be an integer from 1 to 200/],
    [
      'neighbourhood depth above 6',
      '{ neighbourhood(firmId: "ISO-F1", depth: 7) { nodes { id } } }',
      /depth must be an integer from 1 to 6/,
    ],
    ['audit page above 1000', '{ auditLog(first: 1001) { id } }', /first must be an integer from 1 to 1000/],
    ['negative page', '{ screeningMatches(first: -1) { total } }', /first must be an integer from 1 to 500/],
  ])('refuses %s with BAD_USER_INPUT', async (_name, query, message) => {
    const r = await gql(T.adminA, query);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors[0].message).toMatch(message);
  });

  it('refuses a query nested too deep with QUERY_TOO_DEEP, before running it', async () => {
    const nestedTo = (levels: number) =>
      `{ __schema { types { fields { type { ${'ofType { '.repeat(levels - 5)}name${' }'.repeat(levels - 5)} } } } } }`;
    expect((await post(T.adminA, nestedTo(15))).status).toBe(200);
    const r = await post(T.adminA, nestedTo(16));
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(codes(r.body)).toEqual(['QUERY_TOO_DEEP']);
    expect(r.body.errors[0].message).toMatch(/nested deeper than the limit of 15 levels/);
  });

  it('refuses an alias bomb with QUERY_TOO_COSTLY, before running it (src/api/server.ts registers the rule)', async () => {
    // 100 traces: within the alias and token limits, 50,000 by cost
    const aliases = Array.from({ length: 100 }, (_, i) => `t${i}: traceShipment(id: "ISO-S1") { verdict }`).join(' ');
    const r = await post(T.adminA, `{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(codes(r.body)).toEqual(['QUERY_TOO_COSTLY']);
    expect(r.body.errors[0].message).toMatch(/over the limit of 20000/);
  });

  it('refuses a body over MAX_BODY_BYTES with 413 LIMIT_EXCEEDED and keeps serving', async () => {
    const big = chainBundle('BIG', cottonTiers());
    big.firms[0].aliases = Array.from({ length: 100 }, () => 'x'.repeat(400)); // 40 KB of aliases
    const body = JSON.stringify({ query: IMPORT, variables: { b: { ...big, pad: 'y'.repeat(300_000) } } });
    const res = await fetch(`${h.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${T.importerA}` },
      body,
    });
    expect(res.status).toBe(413);
    const json = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(json.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    expect(json.errors[0].message).toMatch(/larger than the limit of 300000 bytes/);
    expect((await gql(T.importerA, '{ firm(id: "BIG-F1") { id } }')).data.firm).toBeNull();
    expect((await post(T.importerA, '{ entityList { version } }')).status).toBe(200);
  });

  describe('with a tight server (5 requests a minute, 1 s transactions)', () => {
    let tight: Harness;
    beforeAll(async () => {
      tight = await startHarness({
        env: {
          API_TOKENS_FILE: tokensFile,
          ALLOW_INVESTIGATOR_CROSS_TENANT: 'true',
          RATE_LIMIT_PER_MINUTE: '5',
          NEO4J_TX_TIMEOUT_SECONDS: '1',
        },
      });
    });
    afterAll(async () => {
      await tight?.close();
    });

    it('rate-limits per token with 429 RATE_LIMITED, other tokens unaffected', async () => {
      const send = (token: string) =>
        fetch(`${tight.server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ entityList { version } }' }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await send(T.importerB)).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const limitedRes = await send(T.importerB);
      expect(Number(limitedRes.headers.get('retry-after'))).toBeGreaterThanOrEqual(1); // src/api/server.ts sets Retry-After
      const limited = (await limitedRes.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(limited.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(limited.errors[0].message).toMatch(/rate limit of 5 requests per minute exceeded for token "importer-b"/);
      expect((await send(T.adminB)).status).toBe(200);
    });

    it('stops a runaway Cypher query at NEO4J_TX_TIMEOUT_SECONDS with a clear error and code', async () => {
      const slow = 'UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b WITH a, b WHERE a * b = -1 RETURN count(*) AS n';
      const started = Date.now();
      let caught: unknown;
      try {
        await tight.services.graph.read(slow);
      } catch (e) {
        caught = e;
      }
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(caught).toBeDefined();
      // what a client sees when a resolver's query times out
      const formatted = formatError(createLogger({ logLevel: 'silent' }))(
        { message: String((caught as Error).message) },
        new GraphQLError('x', { originalError: caught as Error }),
      );
      expect(formatted.extensions?.code).toBe('QUERY_TIMEOUT');
      expect(formatted.message).toMatch(/NEO4J_TX_TIMEOUT_SECONDS/);
    });
  });
});

describe('audit log', () => {
  it('records imports with who, when and what, per tenant, newest first', async () => {
    const before = new Date().toISOString();
    await gql(T.importerB, IMPORT, { b: chainBundle('AUD', cottonTiers()) });
    const log = await gql(T.adminB, '{ auditLog(first: 5, action: IMPORT) { id at actor action target detail } }');
    const e = log.data.auditLog[0];
    expect(e).toMatchObject({
      actor: 'importer-b',
      action: 'IMPORT',
      target: '4 flows',
      detail: { firms: 5, facilities: 5, flows: 4, documents: 8, shipments: 1 },
    });
    expect(e.at >= before).toBe(true);
    const ats = log.data.auditLog.map((x: { at: string }) => x.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const older = await gql(T.adminB, 'query($b: String) { auditLog(first: 5, before: $b) { at } }', { b: e.at });
    expect(older.data.auditLog.length).toBeGreaterThan(0); // B's earlier imports
    expect(older.data.auditLog.every((x: { at: string }) => x.at < e.at)).toBe(true);
  });

  it('records packet downloads (src/api/routes.ts)', async () => {
    expect((await download(T.importerA, '/packets/ISO-S1.pdf')).status).toBe(200);
    const log = await gql(T.adminA, '{ auditLog(first: 5, action: PACKET_DOWNLOAD) { actor action target detail } }');
    expect(log.errors).toBeUndefined();
    expect(log.data.auditLog[0]).toMatchObject({
      actor: 'importer-a',
      action: 'PACKET_DOWNLOAD',
      target: 'ISO-S1',
      detail: { format: 'pdf' },
    });
    const b = await gql(T.adminB, '{ auditLog(first: 50, action: PACKET_DOWNLOAD) { target } }');
    expect(b.data.auditLog.map((x: { target: string }) => x.target)).not.toContain('ISO-S1');
  });
});
