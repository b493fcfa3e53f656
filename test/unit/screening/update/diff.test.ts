import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityListEntry, EntityListVersion, entityKey, loadSeedEntityList } from '../../../../src/model/entityList';
import { carryOverUnstated, diffEntityLists, matchEntries } from '../../../../src/screening/update/diff';
import { parseDhsHtml } from '../../../../src/screening/update/dhsHtml';

function entry(name: string, over: Partial<EntityListEntry> = {}): EntityListEntry {
  return {
    key: entityKey(name),
    name,
    aliases: [],
    formerNames: [],
    localNames: [],
    coversSubsidiaries: false,
    scope: null,
    sections: [{ section: '2(d)(2)(B)(ii)', effectiveDate: '2024-05-17' }],
    effectiveDate: '2024-05-17',
    country: 'CN',
    ...over,
  };
}
const version = (v: string, entries: EntityListEntry[]): EntityListVersion => ({ version: v, snapshotDate: v, source: 'test', entries });

const camel = entry('Camel Group Co., Ltd.', {
  sections: [{ section: '2(d)(2)(B)(ii)', effectiveDate: '2023-08-02' }],
  effectiveDate: '2023-08-02',
});
const cofco = entry('COFCO Sugar Holdings Co., Ltd.');
const meiling = entry('Changhong Meiling Co., Ltd.', { formerNames: ['Hefei Meiling Co., Ltd.'] });

describe('diffEntityLists', () => {
  it('finds nothing between a list and itself', () => {
    const seed = loadSeedEntityList();
    expect(diffEntityLists(seed, seed)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports entries added and removed', () => {
    const d = diffEntityLists(version('a', [camel, cofco]), version('b', [camel, meiling]));
    expect(d.added.map((e) => e.name)).toEqual(['Changhong Meiling Co., Ltd.']);
    expect(d.removed.map((e) => e.name)).toEqual(['COFCO Sugar Holdings Co., Ltd.']);
    expect(d.changed).toEqual([]);
  });

  it('reports the fields that changed', () => {
    const newer = entry(camel.name, {
      aliases: ['Camel Group'],
      coversSubsidiaries: true,
      scope: 'and subsidiaries',
      sections: [...camel.sections, { section: '2(d)(2)(B)(v)', effectiveDate: '2024-05-17' }],
      effectiveDate: '2023-08-02',
    });
    expect(diffEntityLists(version('a', [camel]), version('b', [newer])).changed).toEqual([
      { key: camel.key, name: camel.name, fields: ['aliases', 'coversSubsidiaries', 'scope', 'sections'] },
    ]);
    const redated = entry(camel.name, {
      sections: [{ section: '2(d)(2)(B)(ii)', effectiveDate: '2026-08-03' }],
      effectiveDate: '2026-08-03',
      country: 'HK',
    });
    expect(diffEntityLists(version('a', [camel]), version('b', [redated])).changed[0].fields).toEqual([
      'sections',
      'effectiveDate',
      'country',
    ]);
  });

  it('reports a renamed entry as a change, not a removal and an addition', () => {
    const renamed = entry('Meiling Appliances Co., Ltd.', { formerNames: ['Changhong Meiling Co., Ltd.', 'Hefei Meiling Co., Ltd.'] });
    const d = diffEntityLists(version('a', [camel, meiling]), version('b', [camel, renamed]));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([
      {
        key: renamed.key,
        name: renamed.name,
        fields: ['name', 'formerNames'],
        previousKey: meiling.key,
        previousName: meiling.name,
      },
    ]);
    // the other way round too: the older entry knew the new name as an alias
    const older = entry('Xinjiang Tianmian Foundation Textile Co., Ltd.', { aliases: ['Kuitun Yadasi Textile Co., Ltd.'] });
    const newer = entry('Kuitun Yadasi Textile Co., Ltd.');
    expect(diffEntityLists(version('a', [older]), version('b', [newer])).changed[0]).toMatchObject({
      previousName: older.name,
      fields: ['name', 'aliases'],
    });
  });

  it('matches a name written with its acronym, and an entry sharing one alias', () => {
    const xpcc = entry('Xinjiang Production and Construction Corps', { aliases: ['XPCC', 'Bingtuan'] });
    const xpccAcr = entry('Xinjiang Production and Construction Corps (XPCC)', { aliases: ['Bingtuan'] });
    expect(matchEntries(version('a', [xpcc]), version('b', [xpccAcr])).matches[0].by).toBe('name-form');
    const a = entry('Hangzhou Union Biotechnology Co., Ltd.', { aliases: ['Youer Biotech', 'Union Biotech'] });
    const b = entry('Hangzhou Union Biotech Group Co., Ltd.', { aliases: ['Union Biotech'] });
    const m = matchEntries(version('a', [a, cofco]), version('b', [b, cofco]));
    expect(m.matches.map((x) => [x.older.name, x.newer.name, x.by])).toContainEqual([a.name, b.name, 'names']);
    // an alias shared with two older entries decides nothing
    const a2 = entry('Union Biotech Trading Co., Ltd.', { aliases: ['Union Biotech'] });
    expect(matchEntries(version('a', [a, a2]), version('b', [b])).added.map((e) => e.name)).toEqual([b.name]);
  });

  it('does not count spellings of the same name, or names a source cannot give, as changes', () => {
    const respelled = entry('Camel Group Co. Ltd', { sections: camel.sections, effectiveDate: camel.effectiveDate });
    expect(diffEntityLists(version('a', [camel]), version('b', [respelled])).changed).toEqual([]);
    const older = entry('Hetian Taida Apparel Co., Ltd', {
      aliases: ['Hetian TEDA Garment'],
      formerNames: ['Old Name Co.'],
      localNames: ['和田泰达服饰有限公司'],
    });
    const newer = entry('Hetian Taida Apparel Co., Ltd', {
      aliases: ['Hetian TEDA Garment', 'Hetian Taida Apparel Co., Ltd.', 'Old Name Co'],
    });
    // the newer version gives no former names and no Chinese names at all: compared as one set of names
    expect(diffEntityLists(version('a', [older]), version('b', [newer])).changed).toEqual([]);
    const withFormer = version('b', [newer, entry('Other Co.', { formerNames: ['X'] })]);
    expect(diffEntityLists(version('a', [older]), withFormer).changed[0].fields).toEqual(['aliases', 'formerNames']);
  });
});

describe('a DHS page against the shipped snapshot', () => {
  const seed = loadSeedEntityList();
  const page = parseDhsHtml(
    readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'entity-list', 'dhs-uflpa-entity-list.html'), 'utf8'),
  );

  it('finds the 13 entities of the excerpt unchanged once unstated fields are carried over', () => {
    const carried = carryOverUnstated(seed, page, ['localNames', 'country']);
    const d = diffEntityLists(seed, carried);
    expect(d.added).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(d.removed).toHaveLength(187 - 13);
    expect(carried.entries.find((e) => e.name.startsWith('Century Sunshine'))!.country).toBe('HK');
    expect(carried.entries.find((e) => e.name.startsWith('Hoshine'))!.localNames).toEqual(['合盛硅业(鄯善)有限公司']);
  });

  it('without carrying over, reports only what the page cannot state', () => {
    const d = diffEntityLists(seed, page);
    // the page names no country; Chinese names are not compared because the page gives none
    expect(d.changed).toEqual([
      { key: 'century sunshine group holdings ltd', name: 'Century Sunshine Group Holdings, Ltd.', fields: ['country'] },
    ]);
  });
});

describe('carryOverUnstated', () => {
  it('restores the subsidiaries mark and former names that a source does not state', () => {
    const older = version('a', [
      entry('Hoshine Silicon Industry (Shanshan) Co., Ltd', {
        coversSubsidiaries: true,
        scope: 'and subsidiaries',
        formerNames: ['Hoshine Old Name Co.'],
        aliases: ['Hesheng Silicon'],
      }),
    ]);
    const newer = version('b', [
      entry('Hoshine Silicon Industry (Shanshan) Co. Ltd.', { aliases: ['Hesheng Silicon', 'Hoshine Old Name Co.'] }),
    ]);
    const [e] = carryOverUnstated(older, newer, ['scope', 'formerNames']).entries;
    expect(e).toMatchObject({
      coversSubsidiaries: true,
      scope: 'and subsidiaries',
      aliases: ['Hesheng Silicon'],
      formerNames: ['Hoshine Old Name Co.'],
    });
    expect(newer.entries[0].coversSubsidiaries).toBe(false); // the input is not changed
  });
});
