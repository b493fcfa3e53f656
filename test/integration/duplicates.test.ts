// Duplicate firms (issue 18, point 6) against the real Neo4j: an import proposes pairs of the
// tenant's firms that look like one legal entity; a reviewer confirms or rejects them; a
// confirmed pair is one firm for traces, exposure, search and packets; re-imports keep every
// decision, and a rejected pair is never proposed again. Review rights are match review's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, Harness, uniqueTenant } from './harness';
import { hashToken } from '../../src/api/auth';

jest.setTimeout(180_000);

const firm = (id: string, name: string, more: Record<string, unknown> = {}) => ({ id, name, country: 'CN', ...more });
const facility = (firmId: string) => ({
  id: `FAC-${firmId}`,
  name: `Plant of ${firmId}`,
  firm: firmId,
  country: 'CN',
  province: 'Jiangsu',
});
const supply = (firmId: string) => ({
  id: `FL-${firmId}`,
  from: `FAC-${firmId}`,
  to: 'FAC-US',
  material: 'M-poly',
  quantity: 1000,
  unit: 'kg',
  date: '2026-05-01',
});
const shipment = (firmId: string) => ({ id: `S-${firmId}`, importer: 'US', flow: `FL-${firmId}`, entryDate: '2026-06-01' });

/** The supplier map as two files of different years would give it: one company under two ids, twice. */
function bundle() {
  const suppliers = [
    // one registration id; only the first name screens (POSSIBLE: the listed name adds Xinjiang)
    firm('DAQO', 'Daqo New Energy Co., Ltd.', { registrationId: '91652300-MA7A0001' }),
    firm('SUNRISE', 'Sunrise New Energy Materials Co', { registrationId: '91652300 ma7a0001' }),
    // one name in English and in Chinese, not listed
    firm('JTY-EN', 'Jiangsu Jintaiyang Textile Co., Ltd.'),
    firm('JTY-ZH', '江苏金太阳纺织有限公司'),
    // the example: two spellings the Entity List ties together
    firm('HS-EN', 'Hoshine Silicon Ind. (Shanshan)'),
    firm('HS-ZH', '合盛硅业（鄯善）有限公司'),
    // a look-alike in another place: a different firm
    firm('HS-LZ', 'Hoshine Silicon Industry (Luzhou) Co., Ltd.'),
  ];
  const ids = suppliers.map((f) => f.id);
  return {
    bundleVersion: 1,
    firms: [{ id: 'US', name: 'Example Importer Inc', country: 'US' }, ...suppliers],
    facilities: [{ id: 'FAC-US', name: 'Example DC', firm: 'US', country: 'US' }, ...ids.map(facility)],
    materials: [{ id: 'M-poly', name: 'Polysilicon', hsCode: '2804.61', raw: true }],
    flows: ids.map(supply),
    shipments: ids.map(shipment),
  };
}

const CANDIDATE = 'id firmIds basis reason status decidedBy note firms { id name }';
const TOKENS = [
  { id: 'dup-importer', role: 'IMPORTER' },
  { id: 'dup-investigator', role: 'INVESTIGATOR' },
] as const;

let h: Harness;
let dir: string;
let tenant: string;
const secret = (role: string) => `tok-${tenant}-${role}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uflpa-dupes-'));
  tenant = uniqueTenant('dup');
  const tokensFile = join(dir, 'tokens.json');
  writeFileSync(tokensFile, JSON.stringify({ tokens: TOKENS.map((t) => ({ ...t, tenant, sha256: hashToken(secret(t.role)) })) }));
  h = await startHarness({ env: { API_TOKENS_FILE: tokensFile, RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function as(role: 'IMPORTER' | 'INVESTIGATOR', query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(`${h.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret(role)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  return body;
}
async function ok(role: 'IMPORTER' | 'INVESTIGATOR', query: string, variables: Record<string, unknown> = {}) {
  const body = await as(role, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}
const importIt = () => ok('IMPORTER', 'mutation($b: JSON!) { importBundle(bundle: $b) { firms } }', { b: bundle() });
async function candidates(status?: string) {
  const d = await ok('INVESTIGATOR', `query($s: ReviewStatus) { duplicateFirms(status: $s) { total items { ${CANDIDATE} } } }`, {
    s: status ?? null,
  });
  return d.duplicateFirms.items as { id: string; firmIds: string[]; basis: string; reason: string; status: string }[];
}
const pairOf = async (a: string, b: string) => (await candidates()).find((c) => c.firmIds.join() === [a, b].sort().join());
async function flags(shipmentId: string) {
  const d = await ok('IMPORTER', `{ traceShipment(id: "${shipmentId}") { verdict flags { kind firmId } } }`);
  return d.traceShipment.flags as { kind: string; firmId: string }[];
}
const listed = async (shipmentId: string) => (await flags(shipmentId)).some((f) => f.kind === 'UFLPA_LISTED');
async function exposureOf(firmId: string) {
  const d = await ok('IMPORTER', `{ exposure(firmId: "${firmId}") { total items { shipmentId via { kind firmId } } } }`);
  return d.exposure.items as { shipmentId: string; via: { kind: string; firmId: string } }[];
}

describe('duplicate firms', () => {
  it('an import proposes the pairs that look like one legal entity, and no others', async () => {
    await importIt();
    const all = await candidates();
    const pairs = Object.fromEntries(all.map((c) => [c.firmIds.join(' + '), c.basis]));
    expect(pairs).toEqual({
      'DAQO + SUNRISE': 'REGISTRATION_ID',
      'JTY-EN + JTY-ZH': 'NAME',
      'HS-EN + HS-ZH': 'LISTED_ENTRY',
    });
    expect(all.every((c) => c.status === 'PENDING')).toBe(true);
    expect((await pairOf('JTY-EN', 'JTY-ZH'))!.reason).toContain('"Jiangsu Jintaiyang Textile Co., Ltd." and "江苏金太阳纺织有限公司"');
    // the same pair whichever firm it is asked by
    const byFirm = await ok('INVESTIGATOR', `{ duplicateFirms(firmId: "SUNRISE") { total items { id } } }`);
    expect(byFirm.duplicateFirms.total).toBe(1);
  });

  it('only reviewers decide: an importer may not confirm or reject a pair', async () => {
    const pair = (await pairOf('DAQO', 'SUNRISE'))!;
    const body = await as('IMPORTER', 'mutation($id: ID!) { confirmDuplicate(id: $id) { status } }', { id: pair.id });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missing = await as('INVESTIGATOR', 'mutation { rejectDuplicate(id: "NO|SUCH") { status } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a confirmed pair is one firm: its listing, its exposure, its search hit and its packet', async () => {
    // before: the match on DAQO is POSSIBLE and flags nothing; SUNRISE screens to nothing
    const matches = await ok('INVESTIGATOR', '{ screeningMatches(firmId: "DAQO") { items { id decision status } } }');
    const possible = matches.screeningMatches.items.find((m: { decision: string }) => m.decision === 'POSSIBLE');
    expect(possible).toBeDefined();
    await ok('INVESTIGATOR', 'mutation($id: ID!) { confirmMatch(id: $id, note: "Daqo: group records") { status } }', { id: possible.id });
    expect(await listed('S-DAQO')).toBe(true);
    expect(await listed('S-SUNRISE')).toBe(false);
    expect((await exposureOf('DAQO')).map((e) => e.shipmentId)).toEqual(['S-DAQO']);
    const before = await ok('IMPORTER', '{ searchFirms(text: "new energy") { id } }');
    expect(before.searchFirms.map((f: { id: string }) => f.id).sort()).toEqual(['DAQO', 'SUNRISE']);

    const pair = (await pairOf('DAQO', 'SUNRISE'))!;
    const decided = await ok('INVESTIGATOR', `mutation($id: ID!) { confirmDuplicate(id: $id, note: "one USCC") { ${CANDIDATE} } }`, {
      id: pair.id,
    });
    expect(decided.confirmDuplicate).toMatchObject({ status: 'CONFIRMED', decidedBy: 'dup-investigator', note: 'one USCC' });

    // the match confirmed on DAQO counts for SUNRISE
    expect(await listed('S-SUNRISE')).toBe(true);
    // exposure of either includes the shipments through the other
    const exposure = await exposureOf('DAQO');
    expect(exposure.map((e) => e.shipmentId).sort()).toEqual(['S-DAQO', 'S-SUNRISE']);
    expect(exposure.find((e) => e.shipmentId === 'S-SUNRISE')!.via).toEqual({ kind: 'DIRECT', firmId: 'SUNRISE' });
    expect((await exposureOf('SUNRISE')).map((e) => e.shipmentId).sort()).toEqual(['S-DAQO', 'S-SUNRISE']);
    // the search answers the entity once, naming its other record
    const after = await ok('IMPORTER', '{ searchFirms(text: "new energy") { id sameAs { id name } } }');
    expect(after.searchFirms).toEqual([{ id: 'DAQO', sameAs: [{ id: 'SUNRISE', name: 'Sunrise New Energy Materials Co' }] }]);
    // the packet names both
    const packet = await ok('IMPORTER', '{ rebuttalPacket(shipmentId: "S-SUNRISE") { verdict markdown } }');
    expect(packet.rebuttalPacket.verdict).toBe('FLAGGED');
    expect(packet.rebuttalPacket.markdown).toContain('Sunrise New Energy Materials Co');
    expect(packet.rebuttalPacket.markdown).toContain('the same legal entity as Daqo New Energy Co., Ltd., DAQO');
    // the audit log records the decision
    const audit = await h.services.graph.read<{ n: number }>(
      "MATCH (e:AuditEvent {tenant: $tenant}) WHERE e.action = 'DUPLICATE_DECISION' AND e.target = $id RETURN count(e) AS n",
      { tenant, id: pair.id },
    );
    expect(audit[0].n).toBe(1);
  });

  it('a rejected pair stays two firms', async () => {
    const pair = (await pairOf('JTY-EN', 'JTY-ZH'))!;
    const d = await ok('INVESTIGATOR', `mutation($id: ID!) { rejectDuplicate(id: $id, note: "two mills") { status } }`, { id: pair.id });
    expect(d.rejectDuplicate.status).toBe('REJECTED');
    const firmOf = await ok('IMPORTER', '{ firm(id: "JTY-EN") { sameAs { id } } }');
    expect(firmOf.firm.sameAs).toEqual([]);
    expect((await exposureOf('JTY-EN')).map((e) => e.shipmentId)).toEqual(['S-JTY-EN']);
  });

  it('a re-import keeps every decision, and never proposes a rejected pair again', async () => {
    await importIt();
    await importIt();
    expect((await pairOf('DAQO', 'SUNRISE'))!.status).toBe('CONFIRMED');
    expect((await pairOf('JTY-EN', 'JTY-ZH'))!.status).toBe('REJECTED');
    expect((await candidates('PENDING')).map((c) => c.firmIds.join(' + '))).toEqual(['HS-EN + HS-ZH']);
    expect(await listed('S-SUNRISE')).toBe(true);
    const firmOf = await ok('IMPORTER', '{ firm(id: "SUNRISE") { sameAs { id } } }');
    expect(firmOf.firm.sameAs).toEqual([{ id: 'DAQO' }]);
    // a rejection takes the link away again
    const pair = (await pairOf('DAQO', 'SUNRISE'))!;
    await ok('INVESTIGATOR', 'mutation($id: ID!) { rejectDuplicate(id: $id) { status } }', { id: pair.id });
    expect(await listed('S-SUNRISE')).toBe(false);
    await importIt();
    expect((await pairOf('DAQO', 'SUNRISE'))!.status).toBe('REJECTED');
  });

  it('a firm renamed so that it no longer pairs loses its pending candidate', async () => {
    const b = bundle();
    b.firms = b.firms.map((f) => (f.id === 'HS-ZH' ? { ...f, name: '新疆天盛实业有限公司' } : f));
    await ok('IMPORTER', 'mutation($b: JSON!) { importBundle(bundle: $b) { firms } }', { b });
    expect(await pairOf('HS-EN', 'HS-ZH')).toBeUndefined();
  });

  it("a rejection on one record of a confirmed pair does not clear the other record's own match", async () => {
    // the Chinese-named record has its name back, and the pair is proposed again
    await importIt();
    // both records of the Shanshan company screen to the same entry on their own
    const zh = await ok('INVESTIGATOR', '{ screeningMatches(firmId: "HS-ZH") { items { id entityName decision status } } }');
    const en = await ok('INVESTIGATOR', '{ screeningMatches(firmId: "HS-EN") { items { id entityName decision status } } }');
    const zhMatch = zh.screeningMatches.items[0];
    expect(en.screeningMatches.items.map((m: { entityName: string }) => m.entityName)).toContain(zhMatch.entityName);
    expect(await listed('S-HS-EN')).toBe(true);
    // a reviewer rejects the match of the Chinese-named record, then confirms the two are one company
    await ok('INVESTIGATOR', 'mutation($id: ID!) { rejectMatch(id: $id, note: "checked the wrong licence") { status } }', {
      id: zhMatch.id,
    });
    const pair = (await pairOf('HS-EN', 'HS-ZH'))!;
    await ok('INVESTIGATOR', 'mutation($id: ID!) { confirmDuplicate(id: $id) { status } }', { id: pair.id });
    // the English record's own match still stands, and now speaks for the entity under both ids
    expect(await listed('S-HS-EN')).toBe(true);
    expect(await listed('S-HS-ZH')).toBe(true);
  });
});
