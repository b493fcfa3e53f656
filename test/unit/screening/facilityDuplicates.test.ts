import {
  facilityBlockingKeys,
  FacilityForPairing,
  facilityPairsInBlocks,
  facilityPairVerdict,
  FacilityProfile,
  facilityProfileOf,
  foldOsId,
  MAX_BLOCK,
} from '../../../src/screening/duplicates';

const site = (id: string, name: string, more: Partial<FacilityForPairing> = {}): FacilityProfile =>
  facilityProfileOf({ id, name, firmId: `firm-of-${id}`, ...more });

describe('duplicate facilities: the same Open Supply Hub id', () => {
  it('pairs two facilities with one OS ID whatever their names, as strong evidence, written with spaces, dashes or case', () => {
    const a = site('FAC-2', 'Aksu gin, north yard', { osId: 'CN2019303BQ3FZP', country: 'CN', city: 'Aksu' });
    const b = site('FAC-1', '阿克苏轧花厂', { osId: 'cn-2019303-bq3fzp', country: 'China', city: 'Aksu' });
    const pair = facilityPairVerdict(a, b)!;
    expect(pair).toMatchObject({ basis: 'OS_ID', facilityIds: ['FAC-1', 'FAC-2'], id: 'FAC-1|FAC-2' });
    expect(pair.reason).toMatch(/^same Open Supply Hub id CN2019303BQ3FZP; same place: (Aksu|Akesu)$/);
    // the same pair whichever way round
    expect(facilityPairVerdict(b, a)).toEqual(pair);
  });

  it('still pairs on one OS ID when country or address disagree, naming what disagrees for the reviewer', () => {
    const a = site('A', 'Mill one', { osId: 'CN2019303BQ3FZP', country: 'CN', address: '8 Weiyi Road' });
    const b = site('B', 'Mill two', { osId: 'CN2019303BQ3FZP', country: 'VN', address: '12 Le Loi Street' });
    const pair = facilityPairVerdict(a, b)!;
    expect(pair.basis).toBe('OS_ID');
    expect(pair.reason).toContain('but countries differ: CN, VN; addresses differ');
  });

  it('does not read a placeholder as an id', () => {
    for (const placeholder of ['N/A', '000000', '-', 'unknown', '12345', '']) expect(foldOsId(placeholder)).toBeNull();
    expect(facilityPairVerdict(site('A', 'Alpha mill', { osId: 'N/A' }), site('B', 'Beta mill', { osId: 'n/a' }))).toBeNull();
  });
});

describe('duplicate facilities: names read alike at one address or place (weaker)', () => {
  it('pairs names the screening normaliser reads alike at the same address, across scripts', () => {
    const a = site('A', 'Huafu Fashion Aksu Spinning Mill', { address: 'No. 8 Weiyi Road', city: 'Aksu', country: 'CN' });
    const b = site('B', 'Huafu Fashion Aksu Spinning Mill', { address: 'no 8, Weiyi road', city: 'Aksu', country: 'CN' });
    expect(facilityPairVerdict(a, b)).toMatchObject({ basis: 'NAME_AND_PLACE' });
    expect(facilityPairVerdict(a, b)!.reason).toContain('same address "No. 8 Weiyi Road"');
    const zh = site('C', '华孚时尚阿克苏纺纱厂', { city: '阿克苏', country: 'CN' });
    const en = site('D', 'Huafu Fashion Aksu Spinning Mill', { city: 'Aksu', country: 'CN' });
    expect(facilityProfileOf({ id: 'C', name: '华孚时尚阿克苏纺纱厂', firmId: 'x' }).nameKey).toBe(
      facilityProfileOf({ id: 'D', name: 'Huafu Fashion Aksu Spinning Mill', firmId: 'x' }).nameKey,
    );
    expect(facilityPairVerdict(zh, en)).toMatchObject({ basis: 'NAME_AND_PLACE' });
  });

  it('does not pair one name at two addresses, in two places, in two countries, without a place, or under two OS IDs', () => {
    const name = 'Golden Cotton Ginning Plant';
    expect(facilityPairVerdict(site('A', name, { address: '1 North Road' }), site('B', name, { address: '9 South Road' }))).toBeNull();
    expect(facilityPairVerdict(site('A', name, { city: 'Changzhou' }), site('B', name, { city: 'Wuxi' }))).toBeNull();
    expect(
      facilityPairVerdict(site('A', name, { city: 'Memphis', country: 'US' }), site('B', name, { city: 'Memphis', country: 'VN' })),
    ).toBeNull();
    expect(facilityPairVerdict(site('A', name), site('B', name))).toBeNull();
    const osA = site('A', name, { city: 'Aksu', osId: 'CN2019303BQ3FZP' });
    const osB = site('B', name, { city: 'Aksu', osId: 'CN2020111XXXXXX' });
    expect(facilityPairVerdict(osA, osB)).toBeNull();
  });

  it('compares cities outside the gazetteer as words', () => {
    const name = 'Delta Apparel Plant';
    expect(
      facilityPairVerdict(site('A', name, { city: 'Memphis', country: 'US' }), site('B', name, { city: 'memphis', country: 'US' })),
    ).toMatchObject({
      basis: 'NAME_AND_PLACE',
    });
    expect(
      facilityPairVerdict(site('A', name, { city: 'Memphis', country: 'US' }), site('B', name, { city: 'Dallas', country: 'US' })),
    ).toBeNull();
  });
});

describe('duplicate facilities: blocks', () => {
  it('keys a facility by its OS ID and its name, and compares only inside blocks, each pair once on its strongest evidence', () => {
    const a = site('A', 'Aksu gin', { osId: 'CN2019303BQ3FZP', city: 'Aksu' });
    const b = site('B', 'Aksu gin', { osId: 'CN2019303BQ3FZP', city: 'Aksu' });
    expect(facilityBlockingKeys(a)).toEqual(['os:CN2019303BQ3FZP', `name:${a.nameKey}`]);
    const pairs = facilityPairsInBlocks(
      [
        [a, b],
        [b, a],
      ],
      new Set(['A']),
      MAX_BLOCK,
    );
    expect(pairs).toHaveLength(1);
    expect(pairs[0].basis).toBe('OS_ID');
    // neither facility changed: not compared again
    expect(facilityPairsInBlocks([[a, b]], new Set(['C']), MAX_BLOCK)).toEqual([]);
    // a block past the limit says nothing about any two of its facilities
    const crowd = Array.from({ length: MAX_BLOCK + 1 }, (_, i) => site(`S${i}`, 'Plant', { osId: 'CN2019303BQ3FZP' }));
    expect(facilityPairsInBlocks([crowd], new Set(['S0']), MAX_BLOCK)).toEqual([]);
  });
});
