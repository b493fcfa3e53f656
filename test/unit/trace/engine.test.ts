import fc from 'fast-check';
import {
  effectiveListing,
  indexParties,
  summarizeWithIndex,
  traceFromSubgraph,
  traceWithIndex,
  walkUpstream,
  TraceFacility,
  TraceFirm,
  TraceFlow,
  TraceInput,
  StoredMatch,
} from '../../../src/trace/engine';
import { FLAG_KINDS, isPresumptive } from '../../../src/trace/rules';
import { simplePaths, addEdge, Adjacency } from '../../../src/trace/paths';
import { pathTo } from '../../../src/trace/investigate';

const flow = (id: string, fromId: string, toId: string, inputs: [string, boolean][] = [], materialId = 'M-yarn'): TraceFlow => ({
  id,
  fromId,
  toId,
  materialId,
  inputs: inputs.map(([i, lot]) => ({ id: i, lot })),
});

const match = (over: Partial<StoredMatch> = {}): StoredMatch => ({
  matchId: 'm',
  entryKey: 'k',
  entityName: 'Listed Co., Ltd.',
  matchedName: 'Listed Co',
  score: 0.97,
  decision: 'MATCH',
  status: 'PENDING',
  effectiveDate: '2023-01-01',
  coversSubsidiaries: false,
  ...over,
});
const firm = (id: string, over: Partial<TraceFirm> = {}): TraceFirm => ({
  id,
  name: id,
  holdings: [],
  matches: [],
  sameEntityIds: [],
  ...over,
});

describe('walkUpstream', () => {
  it('gives each flow its shallowest tier and path, terminating on cycles', () => {
    const flows = new Map([
      [
        'A',
        flow('A', 'f1', 'imp', [
          ['B', true],
          ['C', true],
        ]),
      ],
      ['B', flow('B', 'f2', 'f1', [['D', true]])],
      ['C', flow('C', 'f3', 'f1', [['D', true]])],
      ['D', flow('D', 'f4', 'f2', [['B', true]])], // D made from B again: a cycle
    ]);
    const { tierOf, pathTo, truncated } = walkUpstream('A', flows, 10);
    expect([...tierOf]).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 3],
    ]);
    expect(pathTo('D')).toEqual(['A', 'B', 'D']);
    expect(pathTo('A')).toEqual(['A']);
    expect(truncated).toBe(false);
  });
  it('stops at maxTiers and reports truncation', () => {
    const flows = new Map([
      ['A', flow('A', 'f1', 'imp', [['B', true]])],
      ['B', flow('B', 'f2', 'f1', [['C', true]])],
      ['C', flow('C', 'f3', 'f2')],
    ]);
    const r = walkUpstream('A', flows, 2);
    expect([...r.tierOf.keys()]).toEqual(['A', 'B']);
    expect(r.truncated).toBe(true);
  });
});

describe('effectiveListing', () => {
  it('counts an automatic MATCH only from its effective date', () => {
    const f = firm('F', { matches: [match({ effectiveDate: '2026-08-03' })] });
    expect(effectiveListing(f, '2024-06-10')).toBeUndefined();
    expect(effectiveListing(f, '2026-08-03')?.entityName).toBe('Listed Co., Ltd.');
  });
  it('never counts a rejected match and counts a confirmed POSSIBLE', () => {
    expect(effectiveListing(firm('F', { matches: [match({ status: 'REJECTED' })] }), '2025-01-01')).toBeUndefined();
    expect(effectiveListing(firm('F', { matches: [match({ decision: 'POSSIBLE' })] }), '2025-01-01')).toBeUndefined();
    expect(effectiveListing(firm('F', { matches: [match({ decision: 'POSSIBLE', status: 'CONFIRMED' })] }), '2025-01-01')).toBeDefined();
  });
});

describe('traceFromSubgraph', () => {
  const base = (): TraceInput => ({
    shipment: { id: 'S', flowId: 'A', importerId: 'IMP', entryDate: '2024-06-10' },
    flows: [flow('A', 'fac1', 'facImp', [['B', false]], 'M-shirt'), flow('B', 'fac2', 'fac1', [], 'M-lint')],
    facilities: [
      { id: 'fac1', name: 'Sewing plant', firmId: 'F1', country: 'BD', city: 'Dhaka' },
      { id: 'fac2', name: 'Gin', firmId: 'F2', country: 'CN', city: 'Korla', province: 'Xinjiang' },
      { id: 'facImp', name: 'DC', firmId: 'IMP', country: 'US' },
    ],
    materials: [
      { id: 'M-shirt', name: 'T-shirts', hsCode: '6109.10' },
      { id: 'M-lint', name: 'Cotton lint', hsCode: '5201.00', raw: true },
    ],
    firms: [firm('IMP', { name: 'Importer' }), firm('F1', { name: 'Sewing Co' }), firm('F2', { name: 'Korla Gin Co' })],
  });
  /** The base chain with its tier-2 site ("Gin" of Golden Field Co.) giving only what it is given; without its firm record on request. */
  const traceGinAt = (facility: Partial<TraceFacility>, firmFields: Partial<TraceFirm>, withFirm = true) => {
    const input = base();
    input.facilities[1] = { id: 'fac2', name: 'Gin', firmId: 'F2', ...facility };
    const blank = { name: 'Golden Field Co.', country: null, province: null, city: null, address: null };
    if (withFirm) input.firms[2] = { ...input.firms[2], ...blank, ...firmFields };
    else input.firms.splice(2, 1);
    return traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' });
  };
  it('flags a XUAR facility with its tier, path and evidence and reports fallback hops', () => {
    const t = traceFromSubgraph(base(), { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' });
    expect(t.verdict).toBe('FLAGGED');
    expect(t.tiers).toBe(2);
    const x = t.flags.find((f) => f.kind === 'XUAR_LOCATION')!;
    expect(x).toMatchObject({ facilityId: 'fac2', firmId: 'F2', flowId: 'B', tier: 2, path: ['A', 'B'] });
    expect(x.evidence.join(' ')).toMatch(/Korla/);
    expect(t.hops.find((h) => h.flowId === 'A')!.lotAllocated).toBe(false);
    expect(t.flags.filter((f) => f.kind === 'HIGH_PRIORITY_SECTOR').map((f) => f.flowId)).toEqual(['A', 'B']);
  });
  it('flags a firm controlled by a listed parent covering subsidiaries', () => {
    const input = base();
    input.facilities[1] = { ...input.facilities[1], city: 'Hangzhou', province: 'Zhejiang' };
    input.firms.push(firm('P', { name: 'Parent', matches: [match({ coversSubsidiaries: true })] }));
    input.firms[2].holdings = [{ owner: 'P', owned: 'F2', share: 0.75 }];
    const t = traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' });
    expect(t.flags.filter((f) => f.kind !== 'HIGH_PRIORITY_SECTOR').map((f) => [f.kind, f.firmId])).toEqual([['LISTED_AFFILIATE', 'F2']]);
    expect(t.verdict).toBe('FLAGGED');
  });
  it("reads a control chain through records confirmed to be one entity: L owns B, B' is B, B' owns the supplier", () => {
    const input = base();
    input.facilities[1] = { ...input.facilities[1], city: 'Hangzhou', province: 'Zhejiang' };
    input.firms.push(
      firm('P', { name: 'Parent', matches: [match({ coversSubsidiaries: true })] }),
      firm('B', { name: 'Holding B', holdings: [{ owner: 'P', owned: 'B', share: 0.8 }], sameEntityIds: ['B2'] }),
      firm('B2', { name: 'Holding B (other record)', sameEntityIds: ['B'] }),
    );
    input.firms[2].holdings = [{ owner: 'B2', owned: 'F2', share: 0.9 }];
    const t = traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' });
    const flag = t.flags.find((f) => f.kind === 'LISTED_AFFILIATE')!;
    expect(flag.firmId).toBe('F2');
    expect(flag.reason).toContain('chain P > B > F2');
    expect(flag.evidence).toContain('Holding B is one legal entity with Holding B (other record) (confirmed duplicate records)');
    // two records' holdings add up: 30% and 30% of the supplier is control
    input.firms[2].holdings = [
      { owner: 'B', owned: 'F2', share: 0.3 },
      { owner: 'B2', owned: 'F2', share: 0.3 },
    ];
    const split = traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' });
    expect(split.flags.find((f) => f.kind === 'LISTED_AFFILIATE')?.evidence).toContain('effective share 48.0%');
    // without the link, B2 is another firm and the parent controls nothing the supplier answers to
    input.firms = input.firms.map((f) => ({ ...f, sameEntityIds: [] }));
    expect(traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' }).flags.map((f) => f.kind)).not.toContain(
      'LISTED_AFFILIATE',
    );
  });
  it("reads the firm's location for a facility that gives only its country, in the firm's country; never over a located facility or another country", () => {
    const at = (facility: Partial<TraceFacility>, firmPlace: Partial<TraceFirm>) => {
      const input = base();
      input.facilities[1] = { id: 'fac2', name: 'Gin', firmId: 'F2', ...facility };
      input.firms[2] = { ...input.firms[2], ...firmPlace };
      return traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' }).flags.find(
        (f) => f.kind === 'XUAR_LOCATION',
      );
    };
    const urumqi = { country: 'CN', city: 'Urumqi' };
    expect(at({ country: 'CN' }, urumqi)?.evidence[0]).toBe("the facility gives only its country (CN): its firm's location is read");
    expect(at({}, urumqi)?.evidence[0]).toBe("the facility gives no location: its firm's location is read");
    expect(at({ country: 'CN' }, { city: 'Urumqi' })).toBeDefined();
    // countries compared as countries, and the facility's own reading never lost to its firm's
    expect(at({ country: 'China' }, urumqi)).toBeDefined();
    expect(at({ country: 'Xinjiang' }, { city: 'Shanghai' })?.evidence[0]).not.toContain('its firm');
    // the facility says where it is, or lies in another country: the firm's seat does not move it
    expect(at({ country: 'CN', city: 'Shanghai' }, urumqi)).toBeUndefined();
    expect(at({ country: 'VN' }, urumqi)).toBeUndefined();
    // a record confirmed to be the same site places it: the addressless record of a Korla mill is in the XUAR
    const korla = { id: 'fac2-b', country: 'CN', province: null, city: 'Korla', address: null };
    expect(at({ country: 'CN', sameSite: [korla] }, { country: 'CN', province: 'Jiangsu' })?.evidence[0]).toBe(
      'confirmed to be the same site as facility fac2-b (duplicate records), which lies here:',
    );
    expect(at({ country: 'CN', city: 'Suzhou', sameSite: [{ ...korla, city: 'Wuxi' }] }, {})).toBeUndefined();
  });
  it('reads a firm registered in the XUAR (its unified social credit code) where its own location is what is judged', () => {
    const at = (facility: Partial<TraceFacility>, firmFields: Partial<TraceFirm>) => {
      const input = base();
      input.facilities[1] = { id: 'fac2', name: 'Gin', firmId: 'F2', ...facility };
      input.firms[2] = { ...input.firms[2], country: null, province: null, city: null, address: null, ...firmFields };
      return traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' }).flags.find(
        (f) => f.kind === 'XUAR_LOCATION',
      );
    };
    const shanshan = '91650421MA78N5R2XX'; // 650421 Shanshan County, check character valid
    expect(at({ country: 'CN' }, { country: 'CN', registrationId: shanshan })?.evidence).toEqual([
      "the facility gives only its country (CN): its firm's location is read",
      `firm F2's registration number ${shanshan} is a unified social credit code (check character valid) issued in Shanshan (鄯善县), division code 650421, XUAR: the firm is registered there`,
    ]);
    expect(at({}, { registrationId: shanshan })).toBeDefined();
    // a firm registered in the XUAR with an address elsewhere is still registered there
    expect(at({}, { country: 'CN', city: 'Shanghai', registrationId: shanshan })).toBeDefined();
    // a check character that does not add up still names the division, and says so
    expect(at({}, { registrationId: '91650421MA78N5R2XY' })?.evidence).toEqual([
      "the facility gives no location: its firm's location is read",
      expect.stringContaining('its check character does not add up'),
    ]);
    // a division the table does not know, a code of another province, another country, a located facility: nothing
    expect(at({}, { registrationId: '91659999MA78N5R2XY' })).toBeUndefined();
    expect(at({}, { registrationId: '91310000132149237G' })).toBeUndefined();
    expect(at({}, { country: 'VN', registrationId: shanshan })).toBeUndefined();
    expect(at({ country: 'CN', city: 'Suzhou' }, { registrationId: shanshan })).toBeUndefined();
  });
  it("places a facility by its coordinates inside the XUAR's outline, in China or where no country is given", () => {
    const at = (facility: Partial<TraceFacility>, firmFields: Partial<TraceFirm> = {}) => {
      const input = base();
      input.facilities[1] = { id: 'fac2', name: 'Gin', firmId: 'F2', ...facility };
      input.firms[2] = {
        ...input.firms[2],
        name: 'Golden Field Co.',
        country: 'CN',
        province: null,
        city: null,
        address: null,
        ...firmFields,
      };
      return traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' }).flags.find(
        (f) => f.kind === 'XUAR_LOCATION',
      );
    };
    const kashgar = { lat: 39.47, lon: 75.99 };
    expect(at({ country: 'CN', ...kashgar })?.evidence).toEqual([
      expect.stringMatching(/^facility coordinates 39.47, 75.99 lie inside the XUAR's outline/),
    ]);
    expect(at({ ...kashgar })).toBeDefined();
    // an address elsewhere beside coordinates in the XUAR: flagged, the evidence naming both
    expect(at({ country: 'CN', city: 'Suzhou', ...kashgar })?.evidence[1]).toBe('note: its address fields ("Suzhou") do not name the XUAR');
    // another country, or coordinates outside: nothing
    expect(at({ country: 'KZ', lat: 44.21, lon: 80.42 }, { country: 'KZ' })).toBeUndefined();
    expect(at({ country: 'CN', lat: 40.14, lon: 94.66 })).toBeUndefined();
    // coordinates locate a site: outside the XUAR, a XUAR name in its name is no UNLOCATED_XUAR_NAME
    const input = base();
    input.facilities[1] = { id: 'fac2', name: 'Kashgar Cotton Gin', firmId: 'F2', country: 'CN', lat: 40.14, lon: 94.66 };
    input.firms[2] = { ...input.firms[2], name: 'Golden Field Co.', country: 'CN', province: null, city: null, address: null };
    const t = traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' });
    expect(t.flags.map((f) => f.kind)).not.toContain('UNLOCATED_XUAR_NAME');
  });
  it('a site that gives no location but names a XUAR place keeps the trace from CLEAR (UNLOCATED_XUAR_NAME, INCOMPLETE)', () => {
    const at = (facility: Partial<TraceFacility>, firmFields: Partial<TraceFirm>) => traceGinAt(facility, firmFields);
    const flagOf = (t: ReturnType<typeof at>) => t.flags.find((f) => f.kind === 'UNLOCATED_XUAR_NAME');
    const gin = at({ country: 'CN', name: 'Aksu Cotton Gin No. 2' }, { name: 'Golden Field Trading Co.' });
    expect(gin.verdict).toBe('INCOMPLETE');
    expect(flagOf(gin)).toMatchObject({ facilityId: 'fac2', tier: 2 });
    expect(flagOf(gin)?.evidence).toEqual([
      'the facility gives no location beyond its country, nor does its firm',
      'facility name "Aksu Cotton Gin No. 2"',
      'name "Aksu" is Aksu Prefecture (阿克苏地区), XUAR',
    ]);
    // the firm's name where the facility's names nothing; no country at all is no other country
    expect(flagOf(at({}, { name: 'Kashgar Spinning Mill Co.' }))?.evidence[1]).toBe('firm name "Kashgar Spinning Mill Co."');
    expect(flagOf(at({ name: '喀什棉纺厂' }, {}))).toBeDefined();
    // an address anywhere decides instead; another country; an ambiguous name or a look-alike; no XUAR name
    expect(flagOf(at({ country: 'CN', city: 'Suzhou', name: 'Aksu Cotton Gin' }, {}))).toBeUndefined();
    expect(flagOf(at({ country: 'CN', name: 'Aksu Cotton Gin' }, { city: 'Suzhou' }))).toBeUndefined();
    expect(flagOf(at({ country: 'KZ', name: 'Aksu Cotton Gin' }, {}))).toBeUndefined();
    expect(flagOf(at({ country: 'CN', name: 'Yiwu Small Commodities Depot' }, {}))).toBeUndefined();
    expect(flagOf(at({ country: 'CN', name: 'Xinjiang County Glassworks' }, {}))).toBeUndefined();
    expect(flagOf(at({ country: 'CN', name: 'Golden Field Weaving' }, { name: 'Golden Field Co.' }))).toBeUndefined();
    // a name is read as written: a pinyin trade name one letter from a place is a name; a name that
    // names a province or city elsewhere in China says where it is
    expect(flagOf(at({ country: 'CN', name: 'Taiheng Limestone Quarry' }, {}))).toBeUndefined();
    expect(flagOf(at({ country: 'CN', name: 'Xinyuan Tianjin Extrusion Plant' }, {}))).toBeUndefined();
    expect(flagOf(at({ country: 'CN', name: '新源（天津）铝业' }, {}))).toBeUndefined();
    expect(flagOf(at({ country: 'CN', name: 'Xinyuan Extrusion Plant' }, {}))).toBeDefined();
    // a firm registered in the XUAR is XUAR_LOCATION already, presumptive
    const registered = at({ country: 'CN', name: 'Aksu Gin' }, { registrationId: '91650421MA78N5R2XX' });
    expect(registered.flags.map((f) => f.kind)).toContain('XUAR_LOCATION');
    expect(flagOf(registered)).toBeUndefined();
  });
  it('an address naming a XUAR place also used elsewhere in China, nothing deciding which, keeps the trace from CLEAR (UNDECIDED_XUAR_PLACE)', () => {
    const at = (facility: Partial<TraceFacility>, firmFields: Partial<TraceFirm> = {}) => traceGinAt(facility, firmFields);
    const flagOf = (t: ReturnType<typeof at>) => t.flags.find((f) => f.kind === 'UNDECIDED_XUAR_PLACE');
    // every ambiguous entry of the reference data, by its pinyin, with country CN and nothing else
    for (const city of ['Beitun', 'Shuanghe', 'Xinxing', 'Baiyang', 'Kunyu', 'Qitai', 'Wusu']) {
      const t = at({ country: 'CN', city });
      expect(t.verdict).toBe('INCOMPLETE');
      expect(flagOf(t)?.evidence[0]).toMatch(new RegExp(`^city "${city}" may be .*, XUAR, but `));
    }
    expect(flagOf(at({ country: 'CN', city: 'Beitun' }))?.evidence).toEqual([
      'city "Beitun" may be Beitun City (北屯市), XPCC 10th Division, XUAR, but Beitun is also a town name elsewhere in China',
    ]);
    expect(flagOf(at({ country: 'CN', city: 'Beitun' }))?.reason).toMatch(
      /nothing in it says which: .*The site's province or full address decides/,
    );
    // the firm's address for a facility that gives only its country; no country anywhere
    expect(flagOf(at({ country: 'CN' }, { city: 'Beitun' }))).toBeDefined();
    expect(flagOf(at({ city: 'Beitun' }))?.evidence[0]).toBe('neither the facility nor its firm gives a country');
    // decided: the XUAR named beside it (FLAGGED), another province or a prefecture elsewhere, another country
    expect(at({ country: 'CN', city: 'Beitun', province: 'Xinjiang' }).verdict).toBe('FLAGGED');
    expect(at({ country: 'CN', city: 'Beitun', address: 'Altay' }).verdict).toBe('FLAGGED');
    expect(at({ country: 'CN', city: 'Xinxing', province: 'Guangdong' }).verdict).toBe('CLEAR');
    expect(at({ country: 'CN', address: 'No. 3 Renmin Road, Xinxing, Yunfu' }).verdict).toBe('CLEAR');
    expect(at({ country: 'CN', address: '新兴县, 云浮市' }).verdict).toBe('CLEAR');
    expect(at({ country: 'US', city: 'Beitun' }).verdict).toBe('CLEAR');
    // a facility in another country is not read by its firm's address
    expect(flagOf(at({ country: 'VN' }, { country: 'CN', city: 'Beitun' }))).toBeUndefined();
    // a XUAR postcode beside a province elsewhere: a slip in one or the other
    const shanghai = at({ country: 'CN', address: 'No. 5 Renmin Road, Shanghai 830000' });
    expect(shanghai.verdict).toBe('INCOMPLETE');
    expect(flagOf(shanghai)?.evidence).toEqual([
      'address "No. 5 Renmin Road, Shanghai 830000": postcode 830000 is the XUAR\'s (China\'s postcodes of the region begin 83 or 84), but the rest of the address places the site elsewhere',
    ]);
    expect(at({ country: 'CN', address: 'No. 5 Renmin Road, Shanghai 200030' }).verdict).toBe('CLEAR');
    expect(at({ country: 'CN', address: 'Room 8401, No. 5 Renmin Road, Shanghai' }).verdict).toBe('CLEAR');
    expect(at({ country: 'IN', address: 'Main Road, Ranchi 834001' }).verdict).toBe('CLEAR');
  });
  it('an address naming a XUAR place with no country anywhere keeps the trace from CLEAR (UNDECIDED_XUAR_PLACE, INCOMPLETE)', () => {
    const at = (facility: Partial<TraceFacility>, firmFields: Partial<TraceFirm> = {}, withFirm = true) =>
      traceGinAt(facility, firmFields, withFirm);
    const flagOf = (t: ReturnType<typeof at>) => t.flags.find((f) => f.kind === 'UNDECIDED_XUAR_PLACE');
    // every class of XUAR name the place rule reads with country CN: a prefecture, a city in the
    // address line, a county, an older spelling, a name also used abroad (Aksu is also in Turkey)
    for (const fields of [
      { city: 'Kashgar' },
      { address: '18 Hongshan Road, Urumqi' },
      { city: 'Shache' },
      { city: 'Yarkand' },
      { city: 'Aksu' },
    ]) {
      const t = at(fields);
      expect(t.verdict).toBe('INCOMPLETE');
      expect(flagOf(t)).toMatchObject({ facilityId: 'fac2', tier: 2 });
    }
    const gin = at({ city: 'Kashgar' });
    expect(flagOf(gin)?.evidence).toEqual([
      'neither the facility nor its firm gives a country',
      'with country CN: city "Kashgar" is Kashgar Prefecture (喀什地区), XUAR',
    ]);
    expect(flagOf(gin)?.reason).toMatch(/gives no country, and its address names a place in the XUAR: .*The site's country decides/);
    // the firm's address where the facility gives none; a firm of no facility record
    expect(flagOf(at({}, { city: 'Hotan' }))?.evidence.slice(1)).toEqual([
      "the facility gives no address: its firm's is read",
      'with country CN: city "Hotan" is Hotan Prefecture (和田地区), XUAR',
    ]);
    expect(flagOf(at({ city: 'Korla' }, {}, false))).toBeDefined();
    // with no country a name is read as written: one letter from a XUAR name is more often a
    // name elsewhere ("Minas Gerais" is not Manas) than a slip
    expect(at({ city: 'Diamantina', province: 'Minas Gerais' }).verdict).toBe('CLEAR');
    expect(flagOf(at({ city: 'Urumqui' }))).toBeUndefined();
    // nor is a postcode read where the country is only assumed: India's PIN codes also begin 83, 84
    expect(at({ address: 'Main Road, Ranchi 834001' }).verdict).toBe('CLEAR');
    // a country anywhere decides: CN is XUAR_LOCATION, another country is no XUAR
    expect(at({ city: 'Kashgar', country: 'CN' }).flags.map((f) => f.kind)).toEqual(expect.arrayContaining(['XUAR_LOCATION']));
    expect(flagOf(at({ city: 'Kashgar', country: 'CN' }))).toBeUndefined();
    expect(flagOf(at({ city: 'Kashgar' }, { country: 'CN' }))).toBeUndefined();
    expect(at({ city: 'Aksu' }, { country: 'TR' }).verdict).toBe('CLEAR');
    // what already places the site in the XUAR without a country is XUAR_LOCATION, not this
    for (const fields of [{ city: '喀什' }, { province: 'Xinjiang' }, { lat: 39.47, lon: 75.99 }]) {
      expect(at(fields).verdict).toBe('FLAGGED');
      expect(flagOf(at(fields))).toBeUndefined();
    }
    // no address at all is UNLOCATED_XUAR_NAME's; an address elsewhere, nothing
    expect(flagOf(at({ name: 'Kashgar Cotton Gin' }))).toBeUndefined();
    expect(at({ city: 'Shanghai' }).verdict).toBe('CLEAR');
    expect(at({ city: 'Springfield', address: '12 Main St' }).verdict).toBe('CLEAR');
  });
  it('judges the records it is given: a supplier changed since an earlier trace (new records, same ids) is judged anew', () => {
    // the party cache hands traces the same record objects until the tenant changes; the engine
    // keeps party judgments on those objects, so a changed record must never inherit them
    const input = base();
    const opts = { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' };
    const kinds = (t: ReturnType<typeof traceFromSubgraph>) => t.flags.filter((f) => f.firmId === 'F2').map((f) => f.kind);
    expect(kinds(traceFromSubgraph(input, opts))).toContain('XUAR_LOCATION');
    const moved = {
      ...input,
      facilities: input.facilities.map((f) => (f.id === 'fac2' ? { ...f, city: 'Hangzhou', province: 'Zhejiang' } : f)),
    };
    expect(kinds(traceFromSubgraph(moved, opts))).not.toContain('XUAR_LOCATION');
    // the same facility record under a renamed firm: judged with the new firm
    const renamed = {
      ...moved,
      firms: moved.firms.map((f) => (f.id === 'F2' ? { ...f, name: 'Xinjiang Korla Gin Co' } : f)),
    };
    expect(kinds(traceFromSubgraph(renamed, opts))).toContain('NAME_INDICATOR');
    // and the first records again give the first answer
    expect(kinds(traceFromSubgraph(input, opts))).toEqual(kinds(traceFromSubgraph(base(), opts)));
  });
  it('marks a non-raw flow with no inputs UNTRACED_INPUT and the verdict INCOMPLETE', () => {
    const input = base();
    input.facilities[1] = { ...input.facilities[1], city: 'Hangzhou', province: 'Zhejiang' };
    input.materials[1].raw = false;
    const t = traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 10, entityListVersion: 'v' });
    expect(t.verdict).toBe('INCOMPLETE');
    expect(t.flags.find((f) => f.kind === 'UNTRACED_INPUT')).toMatchObject({ flowId: 'B', tier: 2 });
  });
});

describe('POSSIBLE_LISTING: an unreviewed POSSIBLE match never lets a trace be CLEAR', () => {
  // a chain with no XUAR place and only raw inputs: CLEAR unless screening says otherwise
  const chain = (supplier: Partial<TraceFirm>, owner?: TraceFirm): TraceInput => ({
    shipment: { id: 'S', flowId: 'A', importerId: 'IMP', entryDate: '2024-06-10' },
    flows: [flow('A', 'fac1', 'facImp', [], 'M-lint')],
    facilities: [
      { id: 'fac1', name: 'Plant', firmId: 'F1', country: 'CN', city: 'Hangzhou', province: 'Zhejiang' },
      { id: 'facImp', name: 'DC', firmId: 'IMP', country: 'US' },
    ],
    materials: [{ id: 'M-lint', name: 'Cotton lint', hsCode: '5201.00', raw: true }],
    firms: [firm('IMP', { name: 'Importer' }), firm('F1', { name: 'Supplier', ...supplier }), ...(owner ? [owner] : [])],
  });
  const run = (input: TraceInput, asOf = '2024-06-10') => traceFromSubgraph(input, { asOf, maxTiers: 10, entityListVersion: 'v' });
  const possible = (over: Partial<StoredMatch> = {}) => match({ decision: 'POSSIBLE', score: 0.86, ...over });
  const verdictKinds = (t: ReturnType<typeof run>) => t.flags.filter((f) => f.kind !== 'HIGH_PRIORITY_SECTOR').map((f) => f.kind);

  it('is CLEAR with no match at all (the baseline)', () => {
    expect(run(chain({})).verdict).toBe('CLEAR');
  });
  it('makes the verdict INCOMPLETE on a pending POSSIBLE match of the supplier, naming entry, score and that no one reviewed it', () => {
    const t = run(chain({ matches: [possible()] }));
    expect(t.verdict).toBe('INCOMPLETE');
    const f = t.flags.find((x) => x.kind === 'POSSIBLE_LISTING')!;
    expect(f).toMatchObject({ firmId: 'F1', flowId: 'A', tier: 1, path: ['A'] });
    expect(f.reason).toMatch(/POSSIBLE match .*Listed Co\., Ltd\..*No reviewer has decided/);
    expect(f.evidence).toContain('score 0.86, decision POSSIBLE, not reviewed');
  });
  it('goes when a reviewer rejects the match; becomes UFLPA_LISTED when one confirms it', () => {
    expect(run(chain({ matches: [possible({ status: 'REJECTED' })] })).verdict).toBe('CLEAR');
    const confirmed = run(chain({ matches: [possible({ status: 'CONFIRMED' })] }));
    expect(confirmed.verdict).toBe('FLAGGED');
    expect(verdictKinds(confirmed)).toEqual(['UFLPA_LISTED']);
  });
  it("counts only from the entry's effective date", () => {
    expect(run(chain({ matches: [possible({ effectiveDate: '2025-01-01' })] }), '2024-06-10').verdict).toBe('CLEAR');
    expect(run(chain({ matches: [possible({ effectiveDate: '2025-01-01' })] }), '2025-01-01').verdict).toBe('INCOMPLETE');
  });
  it('is not raised beside a listing of the same firm (UFLPA_LISTED says more)', () => {
    const t = run(chain({ matches: [match(), possible({ matchId: 'm2' })] }));
    expect(verdictKinds(t)).toEqual(['UFLPA_LISTED']);
  });
  it('reaches through control: an owner with a pending POSSIBLE match on an entry covering subsidiaries', () => {
    const owner = firm('P', { name: 'Parent', matches: [possible({ coversSubsidiaries: true })] });
    const t = run(chain({ holdings: [{ owner: 'P', owned: 'F1', share: 0.6 }] }, owner));
    expect(t.verdict).toBe('INCOMPLETE');
    const f = t.flags.find((x) => x.kind === 'POSSIBLE_LISTING')!;
    expect(f.firmId).toBe('F1');
    expect(f.reason).toMatch(/controlled by Parent/);
    // an entry that does not cover subsidiaries, or a minority holding, does not reach the supplier
    const narrow = firm('P', { name: 'Parent', matches: [possible({ coversSubsidiaries: false })] });
    expect(run(chain({ holdings: [{ owner: 'P', owned: 'F1', share: 0.6 }] }, narrow)).verdict).toBe('CLEAR');
    expect(run(chain({ holdings: [{ owner: 'P', owned: 'F1', share: 0.5 }] }, owner)).verdict).toBe('CLEAR');
  });
  it('property: for any mix of match states, CLEAR only when no effective match is MATCH, CONFIRMED or pending POSSIBLE', () => {
    const arbMatch = fc.record({
      decision: fc.constantFrom<'MATCH' | 'POSSIBLE'>('MATCH', 'POSSIBLE'),
      status: fc.constantFrom<'PENDING' | 'CONFIRMED' | 'REJECTED'>('PENDING', 'CONFIRMED', 'REJECTED'),
      effectiveDate: fc.constantFrom('2020-01-01', '2030-01-01'),
    });
    fc.assert(
      fc.property(fc.array(arbMatch, { maxLength: 4 }), (ms) => {
        const t = run(chain({ matches: ms.map((m, i) => match({ ...m, matchId: `m${i}` })) }));
        const live = ms.some((m) => m.effectiveDate <= '2024-06-10' && m.status !== 'REJECTED');
        expect(t.verdict === 'CLEAR').toBe(!live);
      }),
    );
  });
});

describe('TIER_LIMIT: a walk cut short by maxTiers is never CLEAR', () => {
  const chain = (): TraceInput => ({
    shipment: { id: 'S', flowId: 'A', importerId: 'IMP', entryDate: '2024-06-10' },
    flows: [
      flow('A', 'fac1', 'facImp', [['B', true]], 'M-yarn'),
      flow('B', 'fac2', 'fac1', [['C', true]], 'M-yarn'),
      flow('C', 'fac3', 'fac2', [], 'M-lint'),
    ],
    facilities: [
      { id: 'fac1', name: 'Weaver', firmId: 'F1', country: 'VN', city: 'Hanoi' },
      { id: 'fac2', name: 'Spinner', firmId: 'F2', country: 'CN', city: 'Hangzhou', province: 'Zhejiang' },
      { id: 'fac3', name: 'Gin', firmId: 'F3', country: 'CN', city: 'Aksu', province: 'Xinjiang' },
      { id: 'facImp', name: 'DC', firmId: 'IMP', country: 'US' },
    ],
    materials: [
      { id: 'M-yarn', name: 'Yarn', hsCode: '5205.11' },
      { id: 'M-lint', name: 'Cotton lint', hsCode: '5201.00', raw: true },
    ],
    firms: [firm('IMP'), firm('F1'), firm('F2'), firm('F3')],
  });
  const run = (maxTiers: number) => traceFromSubgraph(chain(), { asOf: '2024-06-10', maxTiers, entityListVersion: 'v' });
  it('is INCOMPLETE with TIER_LIMIT on the flow whose inputs were not followed', () => {
    const t = run(2);
    expect(t.truncated).toBe(true);
    expect(t.verdict).toBe('INCOMPLETE');
    expect(t.flags.filter((f) => f.kind === 'TIER_LIMIT')).toEqual([
      expect.objectContaining({ flowId: 'B', facilityId: 'fac2', tier: 2, evidence: ['maxTiers 2', 'input flows not followed: C'] }),
    ]);
  });
  it('is not raised when the walk reached everything, and the deeper flag decides', () => {
    const t = run(3);
    expect(t.truncated).toBe(false);
    expect(t.flags.some((f) => f.kind === 'TIER_LIMIT')).toBe(false);
    expect(t.verdict).toBe('FLAGGED');
  });
  it('does not count an input already reached at a shallower tier (a diamond) as cut', () => {
    const input = chain();
    // A takes C directly as well: C is reached at tier 2, so B's input C at the limit is not cut
    input.flows[0] = flow(
      'A',
      'fac1',
      'facImp',
      [
        ['B', true],
        ['C', true],
      ],
      'M-yarn',
    );
    const t = traceFromSubgraph(input, { asOf: '2024-06-10', maxTiers: 2, entityListVersion: 'v' });
    expect(t.flags.some((f) => f.kind === 'TIER_LIMIT')).toBe(false);
    expect(t.verdict).toBe('FLAGGED');
  });
});

describe('paths', () => {
  it('lists simple paths shortest first and skips revisits', () => {
    const adj: Adjacency = new Map();
    addEdge(adj, 'a', 'b', ['ab']);
    addEdge(adj, 'b', 'c', ['bc']);
    addEdge(adj, 'a', 'c', ['ac']);
    addEdge(adj, 'c', 'a', ['ca']);
    expect(simplePaths(adj, ['a'], new Set(['c']), 5, 10)).toEqual([
      { nodes: ['a', 'c'], flows: ['ac'] },
      { nodes: ['a', 'b', 'c'], flows: ['ab', 'bc'] },
    ]);
    expect(simplePaths(adj, ['a'], new Set(['c']), 5, 1)).toHaveLength(1);
  });
  it('pathTo rebuilds the shortest flow path from hops', () => {
    const hops = [
      { flowId: 'A', tier: 1, inputs: ['B'] },
      { flowId: 'B', tier: 2, inputs: ['C'] },
      { flowId: 'C', tier: 3, inputs: [] },
    ];
    expect(pathTo(hops, 'C')).toEqual(['A', 'B', 'C']);
    expect(pathTo(hops, 'Z')).toEqual([]);
  });
});

describe('summarizeWithIndex (the batch view) agrees with the full trace', () => {
  const places = [
    { country: 'BD', city: 'Dhaka' },
    { country: 'CN', city: 'Korla', province: 'Xinjiang' },
    { country: 'CN', city: 'Nantong', province: 'Jiangsu' },
    { country: 'US', city: 'Lubbock', province: 'TX' },
    { country: 'CN', address: 'No. 8 Road, Aksu, 新疆' },
  ];
  const materialsAll = [
    { id: 'M-shirt', name: 'T-shirts', hsCode: '6109.10' },
    { id: 'M-lint', name: 'Cotton lint', hsCode: '5201.00', raw: true },
    { id: 'M-bolt', name: 'Bolts', hsCode: '7318.15' },
    { id: 'M-poly', name: 'Polysilicon', hsCode: '2804.61' },
  ];
  const arbInput = fc.record({
    facilities: fc.array(fc.record({ place: fc.nat(places.length - 1), firm: fc.nat(5) }), { minLength: 2, maxLength: 8 }),
    flows: fc.array(
      fc.record({
        from: fc.nat(7),
        to: fc.nat(7),
        material: fc.nat(materialsAll.length - 1),
        inputs: fc.array(fc.tuple(fc.nat(14), fc.boolean()), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 15 },
    ),
    listed: fc.array(
      fc.record({
        firm: fc.nat(5),
        covers: fc.boolean(),
        date: fc.constantFrom('2020-01-01', '2030-01-01'),
        status: fc.constantFrom('PENDING', 'CONFIRMED', 'REJECTED') as fc.Arbitrary<StoredMatch['status']>,
      }),
      { maxLength: 3 },
    ),
    holdings: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.double({ min: 0.1, max: 1, noNaN: true })), { maxLength: 5 }),
    maxTiers: fc.integer({ min: 1, max: 6 }),
  });
  it('gives the same verdict, depth, truncation and flag counts for random subgraphs', () => {
    fc.assert(
      fc.property(arbInput, (a) => {
        const facCount = a.facilities.length;
        const facilities = a.facilities.map((f, i) => ({
          id: `fac${i}`,
          name: i === 3 ? 'Bingtuan works' : `Plant ${i}`,
          firmId: `F${f.firm}`,
          ...places[f.place],
        }));
        const flows = a.flows.map((f, i) =>
          flow(
            `L${i}`,
            `fac${f.from % facCount}`,
            `fac${f.to % facCount}`,
            f.inputs.map(([n, lot]) => [`L${n % a.flows.length}`, lot] as [string, boolean]),
            materialsAll[f.material].id,
          ),
        );
        const firms = Array.from({ length: 6 }, (_, i) =>
          firm(`F${i}`, {
            name: `Firm ${i}`,
            matches: a.listed
              .filter((l) => l.firm === i)
              .map((l) => match({ coversSubsidiaries: l.covers, effectiveDate: l.date, status: l.status })),
            holdings: a.holdings
              .filter(([, owned]) => owned === i)
              .map(([owner, owned, share]) => ({ owner: `F${owner}`, owned: `F${owned}`, share })),
          }),
        );
        const input: TraceInput = {
          shipment: { id: 'S', flowId: 'L0', importerId: 'F0', entryDate: '2025-06-01' },
          flows,
          facilities,
          materials: materialsAll,
          firms,
        };
        const opts = { asOf: '2025-06-01', maxTiers: a.maxTiers, entityListVersion: 'v' };
        const byId = new Map(flows.map((f) => [f.id, f]));
        const full = traceWithIndex(input.shipment, byId, indexParties(input), opts);
        const summary = summarizeWithIndex(input.shipment, byId, indexParties(input), opts);
        const counts = FLAG_KINDS.map((kind) => ({ kind, count: full.flags.filter((f) => f.kind === kind).length })).filter(
          (c) => c.count > 0,
        );
        expect(summary).toEqual({
          shipmentId: 'S',
          verdict: full.verdict,
          tiers: full.tiers,
          truncated: full.truncated,
          flagCounts: counts,
          // the suppliers behind presumptive flags, as the full trace names them
          flaggedFirmIds: [...new Set(full.flags.filter((f) => isPresumptive(f.kind)).map((f) => f.firmId!))].sort(),
        });
        // flows read from the store come with their inputs in id order; the trace must not depend on it
        const reordered = flows.map((f) => ({ ...f, inputs: [...f.inputs].reverse() }));
        const sorted = flows.map((f) => ({ ...f, inputs: [...f.inputs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)) }));
        for (const variant of [reordered, sorted]) {
          const before = JSON.stringify(variant);
          expect(traceFromSubgraph({ ...input, flows: variant }, opts)).toEqual(full);
          expect(JSON.stringify(variant)).toBe(before); // and never reorders its input in place
        }
      }),
      { numRuns: 300 },
    );
  });
});
