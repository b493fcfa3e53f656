import { PartyCache, stampOf, type Party } from '../../../src/trace/partyCache';

const facility = (id: string, city = 'Nantong'): Party => ({
  kind: 'facility',
  value: { id, name: `${id} plant`, firmId: 'F1', city, country: 'CN' },
});
const firm = (id: string): Party => ({ kind: 'firm', value: { id, name: id, holdings: [], matches: [], sameEntityIds: [] } });
const v1 = stampOf('version-1', 'list-1');
const v2 = stampOf('version-2', 'list-1');

describe('PartyCache', () => {
  it('answers only under the stamp an entry was cached with', () => {
    const cache = new PartyCache(100);
    cache.set('t1', v1, facility('FAC1'));
    expect(cache.get('t1', v1, 'facility', 'FAC1')).toEqual(facility('FAC1'));
    expect(cache.get('t1', v2, 'facility', 'FAC1')).toBeUndefined();
    expect(cache.get('t1', stampOf('version-1', 'list-2'), 'facility', 'FAC1')).toBeUndefined();
    expect(cache.get('t2', v1, 'facility', 'FAC1')).toBeUndefined();
    expect(cache.get('t1', v1, 'firm', 'FAC1')).toBeUndefined();
  });

  it('drops every entry of a tenant when it caches under a new stamp, and leaves other tenants alone', () => {
    const cache = new PartyCache(100);
    for (let i = 0; i < 10; i++) cache.set('t1', v1, facility(`FAC${i}`));
    cache.set('t2', v1, firm('F1'));
    expect(cache.size).toEqual({ entries: 11, tenants: 2 });
    cache.set('t1', v2, facility('FAC0', 'Aksu'));
    expect(cache.size).toEqual({ entries: 2, tenants: 2 });
    expect(cache.get('t1', v2, 'facility', 'FAC0')?.value).toMatchObject({ city: 'Aksu' });
    expect(cache.get('t1', v1, 'facility', 'FAC1')).toBeUndefined();
    expect(cache.get('t2', v1, 'firm', 'F1')).toEqual(firm('F1'));
  });

  it('holds one version of a tenant however often it writes', () => {
    const cache = new PartyCache(100_000);
    for (let version = 0; version < 1000; version++) {
      const stamp = stampOf(`version-${version}`, 'list-1');
      for (let i = 0; i < 12; i++) cache.set('busy', stamp, facility(`FAC${i}`));
    }
    expect(cache.size).toEqual({ entries: 12, tenants: 1 });
  });

  it('stays within its bound and forgets tenants whose entries were all evicted', () => {
    const cache = new PartyCache(5);
    for (let t = 0; t < 20; t++) for (let i = 0; i < 3; i++) cache.set(`t${t}`, v1, facility(`FAC${i}`));
    expect(cache.size.entries).toBe(5);
    expect(cache.size.tenants).toBe(2);
    expect(cache.get('t19', v1, 'facility', 'FAC2')).toBeDefined();
    expect(cache.get('t0', v1, 'facility', 'FAC0')).toBeUndefined();
  });

  it('keeps an entry replaced under the same stamp, even when the bound is tight', () => {
    const cache = new PartyCache(1);
    cache.set('t1', v1, facility('FAC1'));
    cache.set('t1', v1, facility('FAC1', 'Aksu'));
    expect(cache.get('t1', v1, 'facility', 'FAC1')?.value).toMatchObject({ city: 'Aksu' });
    cache.set('t1', v1, facility('FAC2'));
    expect(cache.get('t1', v1, 'facility', 'FAC2')).toBeDefined();
    expect(cache.size).toEqual({ entries: 1, tenants: 1 });
  });
  it("carries a writer's version over to the one it committed, without the parties it changed", () => {
    const cache = new PartyCache(100);
    cache.set('t1', v1, facility('FAC1'));
    cache.set('t1', v1, firm('F1'));
    cache.set('t1', v1, firm('F2'));
    expect(cache.carry('t1', v1, v2, [{ kind: 'firm', id: 'F2' }])).toBe(true);
    expect(cache.get('t1', v2, 'facility', 'FAC1')).toEqual(facility('FAC1'));
    expect(cache.get('t1', v2, 'firm', 'F1')).toEqual(firm('F1'));
    expect(cache.get('t1', v2, 'firm', 'F2')).toBeUndefined();
    expect(cache.get('t1', v1, 'firm', 'F1')).toBeUndefined();
  });

  it('carries nothing over a version it does not hold, and says whether the new one may be added to', () => {
    const v3 = stampOf('version-3', 'list-1');
    const cache = new PartyCache(100);
    // someone cached a later version already: the writer's old entries are gone, the later ones stay
    cache.set('t1', v3, firm('F1'));
    expect(cache.carry('t1', v1, v2, [])).toBe(false);
    expect(cache.get('t1', v3, 'firm', 'F1')).toEqual(firm('F1'));
    expect(cache.get('t1', v2, 'firm', 'F1')).toBeUndefined();
    // nothing held, or held at the version committed: the writer may add what it read
    expect(cache.carry('t2', v1, v2, [])).toBe(true);
    expect(cache.carry('t1', v1, v3, [])).toBe(true);
    expect(cache.get('t1', v3, 'firm', 'F1')).toEqual(firm('F1'));
  });
});
