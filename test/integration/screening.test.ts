import { join } from 'node:path';
import { startHarness, Harness } from './harness';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';
import { applyEntityListUpdate, applyVersion } from '../../src/screening/updateList';
import { currentEntityList, storeEntityListVersion } from '../../src/screening/listStore';
import { diffEntityLists } from '../../src/screening/update';
import { entityKey, EntityListVersion } from '../../src/model/entityList';

let h: Harness;
let original: EntityListVersion;
beforeAll(async () => {
  h = await startHarness();
  original = await currentEntityList(h.services.graph);
});
afterAll(async () => {
  // other suites share this database: put the list back as it was
  await storeEntityListVersion(h.services.graph, { ...original, version: `${original.version}-restored-${Date.now()}` });
  h.services.screening.invalidate();
  await h.close();
});

const SCREEN =
  'query($n: String!, $c: String) { screenName(name: $n, country: $c, limit: 3) { entityName matchedName score decision section effectiveDate agreedTokens reason } }';
const IMPORT = 'mutation($b: JSON!) { importBundle(bundle: $b) { firms } }';

describe('screenName over GraphQL', () => {
  it('finds a listed entity through a typo and a dropped legal form', async () => {
    const res = await h.gql(SCREEN, { n: 'Hoshine Silcon Industry Shanshan', c: 'CN' });
    expect(res.errors).toBeUndefined();
    const top = res.data.screenName[0];
    expect(top.entityName).toBe('Hoshine Silicon Industry (Shanshan) Co., Ltd');
    expect(top.score).toBeGreaterThan(0.8);
    expect(top.section).toMatch(/^2\(d\)\(2\)\(B\)\((i|v)\)$/);
    expect(top.agreedTokens.length).toBeGreaterThan(0);
  });
  it('finds it by Chinese characters', async () => {
    const res = await h.gql(SCREEN, { n: '合盛硅业(鄯善)有限公司' });
    expect(res.data.screenName[0]).toMatchObject({ entityName: 'Hoshine Silicon Industry (Shanshan) Co., Ltd', decision: 'MATCH' });
  });
  it('lowers but does not drop a candidate in another country', async () => {
    const cn = (await h.gql(SCREEN, { n: 'Hoshine Silicon Industry (Shanshan) Co', c: 'CN' })).data.screenName[0];
    const us = (await h.gql(SCREEN, { n: 'Hoshine Silicon Industry (Shanshan) Co', c: 'US' })).data.screenName[0];
    expect(us.entityName).toBe(cn.entityName);
    expect(us.score).toBeLessThan(cn.score);
  });
  it('does not cry wolf on an unrelated firm sharing a word', async () => {
    const res = await h.gql(SCREEN, { n: 'Camel Outdoor Products Co., Ltd.' });
    expect(res.data.screenName.filter((m: { decision: string }) => m.decision === 'MATCH')).toEqual([]);
  });
  it('rejects empty names, huge limits and bad countries with BAD_USER_INPUT', async () => {
    for (const vars of [{ n: '  ' }, { n: 'x'.repeat(501) }, { n: 'Hoshine', c: 'China' }]) {
      const res = await h.gql(SCREEN, vars);
      expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const big = await h.gql('{ screenName(name: "Hoshine", limit: 1000) { entityName } }');
    expect(big.errors[0].message).toBe('limit must be an integer from 1 to 100, got 1000');
  });
});

describe('stored matches and review decisions', () => {
  const bundle = chainBundle('SCR', cottonTiers({ firm: { name: 'Huafu Fashion Co Ltd', city: 'Shangrao', province: 'Jiangxi' } }));

  it('screens firms on import and keeps decisions across re-import and list updates', async () => {
    expect((await h.gql(IMPORT, { b: bundle })).errors).toBeUndefined();
    const list = await h.gql('{ screeningMatches(firmId: "SCR-F4") { total items { id status decision entityName listVersion } } }');
    const match = list.data.screeningMatches.items.find((m: { entityName: string }) => m.entityName === 'Huafu Fashion Co., Ltd.');
    expect(match).toMatchObject({ status: 'PENDING', decision: 'MATCH' });
    const rejected = await h.gql(
      'mutation($id: ID!) { rejectMatch(id: $id, note: "same name, other firm") { status decidedBy decidedAt note } }',
      { id: match.id },
    );
    expect(rejected.data.rejectMatch).toMatchObject({ status: 'REJECTED', decidedBy: 'test', note: 'same name, other firm' });

    await h.gql(IMPORT, { b: bundle });
    const afterReimport = await h.gql('{ screeningMatches(status: REJECTED) { items { id status } } }');
    expect(afterReimport.data.screeningMatches.items).toEqual([{ id: match.id, status: 'REJECTED' }]);

    // a list update that adds an entry our cotton gin's name matches
    const current = await currentEntityList(h.services.graph);
    const added = {
      ...current.entries[0],
      key: entityKey('Lubbock Cotton Gin LLC'),
      name: 'Lubbock Cotton Gin LLC',
      aliases: [],
      formerNames: [],
      localNames: [],
      effectiveDate: '2026-11-01',
      sections: [{ section: '2(d)(2)(B)(v)', effectiveDate: '2026-11-01' }],
    };
    const next: EntityListVersion = { ...current, version: `test-${Date.now()}`, entries: [...current.entries, added] };
    const report = await applyVersion(
      h.services.graph,
      h.services.screening,
      current,
      next,
      diffEntityLists(current, next),
      'test',
      'test',
    );
    expect(report.added).toEqual(['Lubbock Cotton Gin LLC']);
    const info = await h.gql('{ entityList { version entries } }');
    expect(info.data.entityList).toEqual({ version: next.version, entries: current.entries.length + 1 });
    const afterUpdate = await h.gql('{ screeningMatches(status: REJECTED) { items { id status decidedBy } } }');
    expect(afterUpdate.data.screeningMatches.items).toEqual([{ id: match.id, status: 'REJECTED', decidedBy: 'test' }]);
  });

  it('alerts on a tenant firm that newly matches an added entry', async () => {
    const b = chainBundle('ALR', cottonTiers());
    await h.gql(IMPORT, { b });
    const current = await currentEntityList(h.services.graph);
    const added = {
      ...current.entries[0],
      key: entityKey('Golden Thread Spinning Company'),
      name: 'Golden Thread Spinning Company',
      aliases: [],
      formerNames: [],
      localNames: [],
      effectiveDate: '2026-11-01',
      sections: [{ section: '2(d)(2)(B)(v)', effectiveDate: '2026-11-01' }],
    };
    const next: EntityListVersion = { ...current, version: `test-alert-${Date.now()}`, entries: [...current.entries, added] };
    const report = await applyVersion(
      h.services.graph,
      h.services.screening,
      current,
      next,
      diffEntityLists(current, next),
      'test',
      'test',
    );
    expect(report.alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tenant: h.tenant, firmId: 'ALR-F3', entityName: 'Golden Thread Spinning Company' }),
      ]),
    );
    const audit = await h.gql('{ auditLog(action: LIST_UPDATE) { action target actor } }');
    expect(audit.data.auditLog[0]).toEqual({ action: 'LIST_UPDATE', target: next.version, actor: 'test' });
  });

  it('reads a downloaded DHS page and reports added, removed and changed entries', async () => {
    const report = await applyEntityListUpdate(
      h.services.graph,
      h.services.screening,
      join(__dirname, '..', 'fixtures', 'entity-list', 'dhs-uflpa-entity-list.html'),
      { actor: 'test' },
    );
    expect(report.format).toBe('dhs-html');
    expect(report.removed.length).toBeGreaterThan(100); // the fixture holds a few rows of the real page
    const info = await h.gql('{ entityList { version entries } }');
    expect(info.data.entityList.version).toBe(report.version);
    const stillRejected = await h.gql('{ screeningMatches(status: REJECTED) { items { status } } }');
    expect(stillRejected.data.screeningMatches.items.length).toBeGreaterThan(0);
  });
});
