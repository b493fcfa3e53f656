import {
  facilityBlockingKeys,
  FacilityForPairing,
  facilityPairsInBlocks,
  facilityPairVerdict,
  FacilityProfile,
  facilityProfileOf,
  FirmLink,
  FirmLinks,
  foldOsId,
  isSiteWord,
  MAX_BLOCK,
  pairId,
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

describe('duplicate facilities: names read alike at one address (weaker)', () => {
  it('pairs names the screening normaliser reads alike at the same address, whoever runs them', () => {
    const a = site('A', 'Huafu Fashion Aksu Spinning Mill', { address: 'No. 8 Weiyi Road', city: 'Aksu', country: 'CN' });
    const b = site('B', 'Huafu Fashion Aksu Spinning Mill', { address: 'no 8, Weiyi road', city: 'Aksu', country: 'CN' });
    expect(a.firmId).not.toBe(b.firmId);
    expect(facilityPairVerdict(a, b)).toMatchObject({ basis: 'NAME_AND_PLACE' });
    expect(facilityPairVerdict(a, b)!.reason).toContain('same address "No. 8 Weiyi Road"');
    // one address is evidence enough even for a name of generic words
    const gin = (id: string) => site(id, 'Cotton Ginning Plant No. 2', { address: '1 Gin Road, Aksu', country: 'CN' });
    expect(facilityPairVerdict(gin('A'), gin('B'))).toMatchObject({ basis: 'NAME_AND_PLACE' });
  });

  it('does not pair one name at two addresses, in two places, in two countries, without a place, or under two OS IDs', () => {
    const name = 'Golden Cotton Ginning Plant';
    const firmId = 'GOLDEN';
    expect(
      facilityPairVerdict(site('A', name, { address: '1 North Road', firmId }), site('B', name, { address: '9 South Road', firmId })),
    ).toBeNull();
    expect(facilityPairVerdict(site('A', name, { city: 'Changzhou', firmId }), site('B', name, { city: 'Wuxi', firmId }))).toBeNull();
    expect(
      facilityPairVerdict(
        site('A', name, { city: 'Memphis', country: 'US', firmId }),
        site('B', name, { city: 'Memphis', country: 'VN', firmId }),
      ),
    ).toBeNull();
    expect(facilityPairVerdict(site('A', name, { firmId }), site('B', name, { firmId }))).toBeNull();
    const osA = site('A', name, { city: 'Aksu', osId: 'CN2019303BQ3FZP', firmId });
    const osB = site('B', name, { city: 'Aksu', osId: 'CN2020111XXXXXX', firmId });
    expect(facilityPairVerdict(osA, osB)).toBeNull();
  });
});

describe('duplicate facilities: names read alike in one place, without two addresses (weakest)', () => {
  const firmLinks = (links: [string, string, FirmLink][]): FirmLinks => new Map(links.map(([a, b, l]) => [pairId(a, b), l]));

  it("pairs one firm's site listed twice, in two scripts, naming the name's own words and the firm", () => {
    const zh = site('C', '华孚时尚阿克苏纺纱厂', { city: '阿克苏', country: 'CN', firmId: 'HUAFU' });
    const en = site('D', 'Huafu Fashion Aksu Spinning Mill', { city: 'Aksu', country: 'CN', firmId: 'HUAFU' });
    expect(zh.nameKey).toBe(en.nameKey);
    const pair = facilityPairVerdict(zh, en)!;
    expect(pair).toMatchObject({ basis: 'NAME_AND_PLACE', facilityIds: ['C', 'D'] });
    expect(pair.reason).toMatch(/by their own word huafu; same place: (Aksu|Akesu); country CN; one firm HUAFU$/);
  });

  it('pairs the sites of two firms only when the firms are confirmed or proposed as one entity', () => {
    const a = site('A', 'Huafu Fashion Aksu Spinning Mill', { city: 'Aksu', country: 'CN', firmId: 'HF-1' });
    const b = site('B', 'Huafu Fashion Aksu Spinning Mill', { city: 'Aksu', country: 'CN', firmId: 'HF-2' });
    // a shared name and place say nothing of two unrelated firms
    expect(facilityPairVerdict(a, b)).toBeNull();
    expect(facilityPairVerdict(a, b, firmLinks([['HF-2', 'HF-1', 'CANDIDATE']]))!.reason).toContain(
      'firms HF-1 and HF-2 proposed as one entity (pending review)',
    );
    expect(facilityPairVerdict(b, a, firmLinks([['HF-1', 'HF-2', 'ONE_ENTITY']]))!.reason).toContain(
      'firms HF-1 and HF-2 confirmed as one entity',
    );
    // a tie between other firms ties nothing here
    expect(facilityPairVerdict(a, b, firmLinks([['HF-1', 'HF-3', 'ONE_ENTITY']]))).toBeNull();
  });

  it('never pairs names of only places, site, form and sector words and numbers, even within one firm', () => {
    const firmId = 'ONE';
    for (const name of [
      'Aksu Cotton Spinning Mill',
      'Dyeing Plant No. 2',
      'Plant 2',
      'North Yard',
      'Main Warehouse',
      '第二染整厂',
      '一号车间',
      'Cotton Ginning Factory No. II',
    ]) {
      const [a, b] = [site('A', name, { city: 'Aksu', firmId }), site('B', name, { city: 'Aksu', firmId })];
      expect([name, a.ownWords]).toEqual([name, []]);
      expect([name, facilityPairVerdict(a, b)]).toEqual([name, null]);
    }
    // numbered sites of one firm are two names, and two sites
    expect(
      facilityPairVerdict(
        site('A', 'Dyeing Plant No. 2', { city: 'Aksu', firmId }),
        site('B', 'Dyeing Plant No. 3', { city: 'Aksu', firmId }),
      ),
    ).toBeNull();
  });

  it('reads a city outside the gazetteer as a place, not as a word of the name, and compares it as words', () => {
    const firmId = 'DELTA';
    const chennai = site('A', 'Chennai Wafer Plant', { city: 'Chennai', country: 'IN', firmId });
    expect(chennai.ownWords).toEqual(['wafer']);
    expect(site('A', 'Chennai Plant', { city: 'Chennai', firmId }).ownWords).toEqual([]);
    const name = 'Delta Apparel Plant';
    expect(
      facilityPairVerdict(
        site('A', name, { city: 'Memphis', country: 'US', firmId }),
        site('B', name, { city: 'memphis', country: 'US', firmId }),
      ),
    ).toMatchObject({ basis: 'NAME_AND_PLACE' });
    expect(
      facilityPairVerdict(
        site('A', name, { city: 'Memphis', country: 'US', firmId }),
        site('B', name, { city: 'Dallas', country: 'US', firmId }),
      ),
    ).toBeNull();
  });

  it('keeps a syllable that is as often a surname as a number (Wu, Qi) as a word of the name', () => {
    for (const word of ['wu', 'qi', 'li', 'xiang']) expect([word, isSiteWord(word)]).toEqual([word, false]);
    for (const word of ['2', 'ii', 'dier', 'yihao', 'diyifen', 'erqi', 'mill', 'chejian', 'north'])
      expect([word, isSiteWord(word)]).toEqual([word, true]);
  });

  it('ties pairs across blocks through the firms given to facilityPairsInBlocks', () => {
    const a = site('A', 'Huafu Aksu Mill', { city: 'Aksu', firmId: 'HF-1' });
    const b = site('B', 'Huafu Aksu Mill', { city: 'Aksu', firmId: 'HF-2' });
    expect(facilityPairsInBlocks([[a, b]], new Set(['A']), MAX_BLOCK)).toEqual([]);
    expect(facilityPairsInBlocks([[a, b]], new Set(['A']), MAX_BLOCK, firmLinks([['HF-1', 'HF-2', 'CANDIDATE']]))).toHaveLength(1);
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
