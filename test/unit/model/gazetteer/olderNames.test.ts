import { PROVINCES } from '../../../../src/model/gazetteer/provinces';
import { OLDER_CITY_NAMES, OLDER_PROVINCE_NAMES, OLDER_XUAR_NAMES, olderCityNames } from '../../../../src/model/gazetteer/olderNames';
import { withOlderNames, xuarPlaces, type XuarPlacesFile } from '../../../../src/model/gazetteer/xuarPlaces';
import { placeTables } from '../../../../src/screening/places';

// a Latin spelling as screening keys it; Chinese as written
const key = (s: string) =>
  /\p{Script=Han}/u.test(s)
    ? s
    : s
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '');

describe('older romanizations in the gazetteer', () => {
  it('adds the older province spellings to their provinces', () => {
    const byZh = new Map(PROVINCES.map((p) => [p.zh, p]));
    for (const [zh, names] of Object.entries(OLDER_PROVINCE_NAMES)) {
      expect(byZh.has(zh)).toBe(true);
      expect(byZh.get(zh)!.names).toEqual(expect.arrayContaining([...names]));
    }
    expect(byZh.get('广东')!.names).toEqual(['Guangdong', 'Canton', 'Kwangtung']);
  });

  it('adds the older XUAR names to the places of xuar-places.json', () => {
    const file = xuarPlaces();
    const all = [file.region, file.xpcc, ...file.prefectureLevel, ...file.xpccCities, ...file.countyLevel];
    for (const [zh, names] of Object.entries(OLDER_XUAR_NAMES)) {
      const place = all.find((p) => p.zh === zh);
      expect(place?.names).toEqual(expect.arrayContaining([...names]));
    }
    expect(file.prefectureLevel.find((p) => p.zh === '乌鲁木齐')!.names).toEqual(
      expect.arrayContaining(['Urumqi', 'Urumchi', 'Tihwa', 'Tihua', '迪化']),
    );
  });

  it('rejects an older name for a place the file does not have, naming it', () => {
    const file: XuarPlacesFile = { region: { zh: '新疆' }, xpcc: { zh: '兵团' }, prefectureLevel: [], xpccCities: [], countyLevel: [] };
    expect(() => withOlderNames(file, { 迪化: ['Tihwa'] })).toThrow(/迪化/);
  });

  it('names only cities screening knows, and no spelling another place already has', () => {
    const tables = placeTables();
    for (const [zh, names] of Object.entries(OLDER_CITY_NAMES)) {
      expect({ zh, known: tables.zh.has(zh) }).toEqual({ zh, known: true });
      const canonical = tables.zh.get(zh)!.canonical;
      for (const n of names) {
        const taken = tables.latin.get(key(n));
        expect({ n, taken: taken && taken.canonical !== canonical ? taken.canonical : null }).toEqual({ n, taken: null });
      }
    }
    expect(olderCityNames('南京')).toEqual(['Nanking']);
    expect(olderCityNames('石河子')).toEqual([]);
  });

  it('gives each older spelling to one place only', () => {
    const owners = new Map<string, string[]>();
    const note = (n: string, owner: string) => owners.set(key(n), [...(owners.get(key(n)) ?? []), owner]);
    for (const p of PROVINCES) for (const n of p.names) note(n, p.zh);
    for (const [zh, names] of Object.entries(OLDER_CITY_NAMES)) for (const n of names) note(n, zh);
    const file = xuarPlaces();
    for (const p of [...file.prefectureLevel, ...file.xpccCities, ...file.countyLevel]) for (const n of p.names ?? []) note(n, p.zh!);
    const older = new Set(
      [...Object.values(OLDER_PROVINCE_NAMES), ...Object.values(OLDER_CITY_NAMES), ...Object.values(OLDER_XUAR_NAMES)].flat().map(key),
    );
    const shared = [...owners].filter(([k, o]) => older.has(k) && new Set(o).size > 1);
    expect(shared).toEqual([]);
  });
});
