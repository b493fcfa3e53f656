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

describe('duplicate facilities (point 7: an Open Supply Hub id is strong evidence)', () => {
  const mill = (id: string, name: string, more: Record<string, unknown> = {}) => ({ id, name, firm: 'MILLCO', country: 'CN', ...more });
  const sites = () => ({
    bundleVersion: 1,
    firms: [{ id: 'MILLCO', name: 'Golden Field Agricultural Co', country: 'CN' }],
    facilities: [
      // one site under a supplier's id and a buyer's, in two scripts: the hub's id ties them
      mill('OS-A', 'Aksu Golden Cotton Ginning Plant', { osId: 'CN2019303BQ3FZP', city: 'Aksu' }),
      mill('OS-B', '阿克苏金棉轧花厂', { osId: 'cn 2019303 bq3fzp', city: '阿克苏' }),
      // one name at one address, written two ways; and the same name elsewhere
      mill('NM-A', 'Weiqiao Textile Zouping Mill', { address: 'No. 1 Weiqiao Road', city: 'Zouping' }),
      mill('NM-B', 'Weiqiao Textile Zouping Mill', { address: 'no 1, Weiqiao road', city: 'Zouping' }),
      mill('NM-C', 'Weiqiao Textile Zouping Mill', { address: '99 Huixian Street', city: 'Zouping' }),
    ],
  });
  const FAC_CANDIDATE = 'id facilityIds basis reason status decidedBy decidedAt note facilities { id name osId }';
  const importSites = () =>
    ok('IMPORTER', 'mutation($b: JSON!) { importBundle(bundle: $b) { facilities duplicateFirmCandidates duplicateFacilityCandidates } }', {
      b: sites(),
    });
  async function facilityPairs(status?: string) {
    const d = await ok('INVESTIGATOR', `query($s: ReviewStatus) { duplicateFacilities(status: $s) { total items { ${FAC_CANDIDATE} } } }`, {
      s: status ?? null,
    });
    return d.duplicateFacilities.items as { id: string; facilityIds: string[]; basis: string; reason: string; status: string }[];
  }
  const sitePair = async (a: string, b: string) => (await facilityPairs()).find((c) => c.facilityIds.join() === [a, b].sort().join());

  it('an import proposes facilities sharing an OS ID, and same-named ones at one address, naming the evidence; its counts say how many are new', async () => {
    const first = await importSites();
    expect(first.importBundle).toEqual({ facilities: 5, duplicateFirmCandidates: 0, duplicateFacilityCandidates: 2 });
    const pairs = Object.fromEntries((await facilityPairs()).map((c) => [c.facilityIds.join(' + '), c.basis]));
    expect(pairs).toEqual({ 'OS-A + OS-B': 'OS_ID', 'NM-A + NM-B': 'NAME_AND_PLACE' });
    expect((await sitePair('OS-A', 'OS-B'))!.reason).toMatch(/^same Open Supply Hub id CN2019303BQ3FZP/);
    expect((await sitePair('NM-A', 'NM-B'))!.reason).toContain('same address "No. 1 Weiqiao Road"');
    const byFacility = await ok('INVESTIGATOR', '{ duplicateFacilities(facilityId: "OS-B") { total items { id } } }');
    expect(byFacility.duplicateFacilities.total).toBe(1);
    // the same data again: nothing new to review
    expect((await importSites()).importBundle.duplicateFacilityCandidates).toBe(0);
  });

  it('a reviewer confirms (one site) or rejects (two sites), with who, when and a note, audited; an importer may not', async () => {
    const os = (await sitePair('OS-A', 'OS-B'))!;
    const refused = await as('IMPORTER', 'mutation($id: ID!) { confirmFacilityDuplicate(id: $id) { status } }', { id: os.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const confirmed = await ok(
      'INVESTIGATOR',
      `mutation($id: ID!) { confirmFacilityDuplicate(id: $id, note: "one OS ID") { ${FAC_CANDIDATE} } }`,
      {
        id: os.id,
      },
    );
    expect(confirmed.confirmFacilityDuplicate).toMatchObject({ status: 'CONFIRMED', decidedBy: 'dup-investigator', note: 'one OS ID' });
    expect(confirmed.confirmFacilityDuplicate.decidedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const site = await ok('IMPORTER', '{ facility(id: "OS-B") { osId sameSiteAs { id osId } } }');
    expect(site.facility).toEqual({ osId: 'cn 2019303 bq3fzp', sameSiteAs: [{ id: 'OS-A', osId: 'CN2019303BQ3FZP' }] });
    const nm = (await sitePair('NM-A', 'NM-B'))!;
    const rejected = await ok('INVESTIGATOR', 'mutation($id: ID!) { rejectFacilityDuplicate(id: $id, note: "two halls") { status } }', {
      id: nm.id,
    });
    expect(rejected.rejectFacilityDuplicate.status).toBe('REJECTED');
    const audit = await h.services.graph.read<{ target: string }>(
      "MATCH (e:AuditEvent {tenant: $tenant}) WHERE e.action = 'FACILITY_DUPLICATE_DECISION' RETURN e.target AS target ORDER BY target",
      { tenant },
    );
    expect(audit.map((e) => e.target)).toEqual([nm.id, os.id].sort());
    const missing = await as('INVESTIGATOR', 'mutation { rejectFacilityDuplicate(id: "NO|SUCH") { status } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors[0].message).toContain('no duplicate-facility candidate');
  });

  it('a re-import keeps the decisions and never proposes a rejected pair again', async () => {
    await importSites();
    expect((await sitePair('OS-A', 'OS-B'))!.status).toBe('CONFIRMED');
    expect((await sitePair('NM-A', 'NM-B'))!.status).toBe('REJECTED');
    expect(await facilityPairs('PENDING')).toEqual([]);
    const site = await ok('IMPORTER', '{ facility(id: "OS-A") { sameSiteAs { id } } }');
    expect(site.facility.sameSiteAs).toEqual([{ id: 'OS-B' }]);
  });

  it('without addresses, a shared name and place pair the sites of one firm or of firms proposed as one, never of unrelated firms', async () => {
    const mill = (id: string, firm: string) => ({ id, name: 'Jinyuan Wuxi Weaving Mill', firm, country: 'CN', city: 'Wuxi' });
    const placeOnly = {
      bundleVersion: 1,
      firms: [
        // one company in two scripts (a duplicate-firm candidate), and a stranger whose mill has the same name
        firm('JY-EN', 'Jiangsu Jinyuan Textile Co., Ltd.', { province: 'Jiangsu' }),
        firm('JY-ZH', '江苏金源纺织有限公司', { province: 'Jiangsu' }),
        firm('HONGDA', 'Wuxi Hongda Trading Co., Ltd.', { province: 'Jiangsu' }),
      ],
      facilities: [
        mill('JY-EN-MILL', 'JY-EN'),
        mill('JY-ZH-MILL', 'JY-ZH'),
        mill('HONGDA-MILL', 'HONGDA'),
        mill('HONGDA-MILL-2', 'HONGDA'),
      ],
    };
    const counts = await ok(
      'IMPORTER',
      'mutation($b: JSON!) { importBundle(bundle: $b) { duplicateFirmCandidates duplicateFacilityCandidates } }',
      { b: placeOnly },
    );
    expect(counts.importBundle).toEqual({ duplicateFirmCandidates: 1, duplicateFacilityCandidates: 2 });
    const pairs = (await facilityPairs('PENDING')).filter((p) => p.facilityIds.some((id) => /^(JY|HONGDA)-/.test(id)));
    expect(Object.fromEntries(pairs.map((p) => [p.facilityIds.join(' + '), p.reason]))).toEqual({
      'HONGDA-MILL + HONGDA-MILL-2': expect.stringMatching(/by their own word jinyuan; same place: Wuxi; country CN; one firm HONGDA$/),
      'JY-EN-MILL + JY-ZH-MILL': expect.stringContaining('; firms JY-EN and JY-ZH proposed as one entity (pending review)'),
    });
  });
});
