import { loadSeedEntityList } from '../../../src/model/entityList';

describe('seed Entity List snapshot', () => {
  const list = loadSeedEntityList();
  it('has all 187 entries with version and dates', () => {
    expect(list.entries).toHaveLength(187);
    expect(list.version).toBe('2026-08-03');
    expect(list.snapshotDate).toBe('2026-08-11');
  });
  it('keeps the subsidiaries mark, sections and Chinese names', () => {
    const hoshine = list.entries.find((e) => e.name.startsWith('Hoshine'))!;
    expect(hoshine.coversSubsidiaries).toBe(true);
    expect(hoshine.sections.map((s) => s.section)).toEqual(['2(d)(2)(B)(i)', '2(d)(2)(B)(v)']);
    expect(hoshine.localNames).toContain('合盛硅业(鄯善)有限公司');
    expect(hoshine.key).toBe('hoshine silicon industry shanshan co ltd');
  });
});
