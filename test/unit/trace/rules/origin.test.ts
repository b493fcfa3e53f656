// The computed origin and the three origin signals (origin-checks.md) on small graphs.
import { chapterOf, headingOf, preferenceProgramOf, textileStage } from '../../../../src/trace/rules/origin';
import { flagsOf, traceOf, type FlowSpec } from '../../../fixtures/originGraph';

// the page's worked example: shirts repacked in Vietnam, made in China from fabric
const repacked: FlowSpec[] = [
  { id: 'A', country: 'VN', hs: '6205.20', inputs: ['B'] },
  { id: 'B', country: 'CN', hs: '6205.20', inputs: ['C'] },
  { id: 'C', country: 'CN', hs: '5208.32', inputs: ['D'] },
  { id: 'D', country: 'CN', hs: '5201.00', raw: true },
];

describe('headings and programs', () => {
  it('a heading is the first four digits once non-digits are removed; unknown when missing or shorter', () => {
    expect(headingOf('5205.12')).toBe('5205');
    expect(headingOf('HS 6205.20.2003')).toBe('6205');
    expect(headingOf('5-2-0-9')).toBe('5209');
    expect(headingOf('520')).toBeNull();
    expect(headingOf('')).toBeNull();
    expect(headingOf(undefined)).toBeNull();
    // codes that begin with their four digits take a path without the regular expression: the same answer
    for (const code of ['5205', '52051', '5205.12', '1234abc', '12a4', '123.4', '١٢٣٤5678', '0000', 'x5205', '9999 12'])
      expect(headingOf(code)).toBe(((d) => (d.length >= 4 ? d.slice(0, 4) : null))(code.replace(/\D/g, '')));
    expect(chapterOf('6109.10.0012')).toBe(61);
    expect(chapterOf('8')).toBeNull();
  });
  it('yarn and fabric headings are the ranges of the page, inclusive', () => {
    for (const h of ['5204', '5207', '5401', '5406', '5508', '5511']) expect(textileStage(h)).toBe('yarn');
    for (const h of ['5208', '5212', '5407', '5408', '5512', '5516', '6001', '6006']) expect(textileStage(h)).toBe('fabric');
    for (const h of ['5201', '5203', '5213', '5409', '5507', '5517', '6007', '6205', '8541']) expect(textileStage(h)).toBeNull();
    expect(textileStage(null)).toBeNull();
  });
  it('a claim names USMCA or CAFTA-DR in any case and punctuation; any other is none', () => {
    expect(preferenceProgramOf('usmca')).toBe('USMCA');
    expect(preferenceProgramOf('CAFTA DR')).toBe('CAFTA-DR');
    expect(preferenceProgramOf('cafta-dr')).toBe('CAFTA-DR');
    expect(preferenceProgramOf('GSP')).toBeNull();
    expect(preferenceProgramOf(undefined)).toBeNull();
  });
});

describe('computed origin', () => {
  it('the worked example: {CN}, decided at the Chinese garment flow, the Vietnamese flow passing through', () => {
    const { origin } = traceOf(repacked, { countryOfOrigin: 'VN' });
    expect(origin).toMatchObject({ known: true, countries: ['CN'], declared: 'VN', unknownReason: null });
    expect(origin.decidedAt).toEqual([{ flowId: 'B', country: 'CN', tier: 2, path: ['A', 'B'] }]);
    expect(origin.passThrough).toEqual([{ flowId: 'A', country: 'VN', heading: '6205', tier: 1, path: ['A'] }]);
  });
  it('a raw material transforms where it leaves, whatever its heading', () => {
    expect(traceOf([{ id: 'A', country: 'AU', hs: null, raw: true }]).origin).toMatchObject({ known: true, countries: ['AU'] });
  });
  it('a pass-through chain across several countries is decided where the heading changed', () => {
    const { origin } = traceOf([
      { id: 'A', country: 'MX', hs: '8541.43', inputs: ['B'] },
      { id: 'B', country: 'VN', hs: '8541.43', inputs: ['C'] },
      { id: 'C', country: 'MY', hs: '8541.42', inputs: ['D'] },
      { id: 'D', country: 'CN', hs: '8541.41', inputs: ['E'] },
      { id: 'E', country: 'CN', hs: '2804.61', raw: true },
    ]);
    expect(origin.countries).toEqual(['CN']);
    expect(origin.decidedAt).toEqual([{ flowId: 'D', country: 'CN', tier: 4, path: ['A', 'B', 'C', 'D'] }]);
    expect(origin.passThrough.map((p) => [p.flowId, p.country])).toEqual([
      ['A', 'MX'],
      ['B', 'VN'],
      ['C', 'MY'],
    ]);
  });
  it('fallback inputs count: a repacker fed by two makers has both countries', () => {
    const { origin } = traceOf([
      { id: 'A', country: 'VN', hs: '6205', inputs: ['~B', '~C'] },
      { id: 'B', country: 'CN', hs: '6205', inputs: ['F'] },
      { id: 'C', country: 'BD', hs: '6205', inputs: ['F'] },
      { id: 'F', country: 'CN', hs: '5208', raw: true },
    ]);
    expect(origin).toMatchObject({ known: true, countries: ['BD', 'CN'] });
  });
  it('a flow passing through one input and transforming another follows only the one it passed through', () => {
    const { origin } = traceOf([
      { id: 'A', country: 'VN', hs: '6205', inputs: ['B', 'C'] },
      { id: 'B', country: 'CN', hs: '6205', inputs: ['F'] },
      { id: 'C', country: 'IN', hs: '5208', raw: true },
      { id: 'F', country: 'CN', hs: '5208', raw: true },
    ]);
    expect(origin.countries).toEqual(['CN']);
  });
  it.each<[string, FlowSpec[], RegExp]>([
    [
      'a missing heading',
      [
        { id: 'A', country: 'VN', hs: null, inputs: ['B'] },
        { id: 'B', country: 'CN', hs: '5208', raw: true },
      ],
      /heading of flow A/,
    ],
    [
      'a heading too short',
      [
        { id: 'A', country: 'VN', hs: '6205', inputs: ['B'] },
        { id: 'B', country: 'CN', hs: '62', raw: true },
      ],
      /heading of input B/,
    ],
    [
      'an untraced flow',
      [
        { id: 'A', country: 'VN', hs: '6205', inputs: ['B'] },
        { id: 'B', country: 'CN', hs: '6205' },
      ],
      /untraced/,
    ],
    [
      'a transforming flow with no country',
      [
        { id: 'A', country: null, hs: '6205', inputs: ['B'] },
        { id: 'B', country: 'CN', hs: '5208', raw: true },
      ],
      /no country/,
    ],
    [
      'a cycle of pass-throughs',
      [
        { id: 'A', country: 'VN', hs: '6205', inputs: ['B'] },
        { id: 'B', country: 'CN', hs: '6205', inputs: ['A'] },
      ],
      /cycle/,
    ],
  ])('is unknown with %s', (_name, flows, why) => {
    const { origin } = traceOf(flows, { countryOfOrigin: 'US' });
    expect(origin).toMatchObject({ known: false, countries: [], decidedAt: [] });
    expect(origin.unknownReason).toMatch(why);
  });
  it('is unknown when the walk stops before the transforming flow', () => {
    expect(traceOf(repacked, {}, 1).origin).toMatchObject({ known: false, unknownReason: expect.stringMatching(/beyond the trace/) });
    // the Chinese flow transforms only if its input's heading is seen to differ: tier 3 must be reached
    expect(traceOf(repacked, {}, 2).origin).toMatchObject({ known: false, unknownReason: expect.stringMatching(/input C .*beyond/) });
    expect(traceOf(repacked, {}, 3).origin).toMatchObject({ known: true, countries: ['CN'] });
  });
  it('a cycle with a way out is decided where it leads', () => {
    const { origin } = traceOf([
      { id: 'A', country: 'VN', hs: '6205', inputs: ['B'] },
      { id: 'B', country: 'TH', hs: '6205', inputs: ['A', 'C'] },
      { id: 'C', country: 'KH', hs: '6205', inputs: ['F'] },
      { id: 'F', country: 'KH', hs: '5208', raw: true },
    ]);
    expect(origin).toMatchObject({ known: true, countries: ['KH'] });
    expect(origin.decidedAt[0].path).toEqual(['A', 'B', 'C']);
  });
});

describe('ORIGIN_MISMATCH', () => {
  it('the worked example: at tier 2 on the Chinese flow, naming both countries', () => {
    const t = traceOf(repacked, { countryOfOrigin: 'VN' });
    expect(flagsOf(t, 'ORIGIN_MISMATCH')).toEqual([['B', 2, ['A', 'B']]]);
    const f = t.flags.find((x) => x.kind === 'ORIGIN_MISMATCH')!;
    expect(f.reason).toMatch(/declares origin VN.*transformed in CN/);
    expect(f.facilityId).toBe('fac-B');
  });
  it('is not raised when the declared country is in the computed origin, when none is declared, or when the origin is unknown', () => {
    expect(flagsOf(traceOf(repacked, { countryOfOrigin: 'CN' }), 'ORIGIN_MISMATCH')).toEqual([]);
    expect(flagsOf(traceOf(repacked), 'ORIGIN_MISMATCH')).toEqual([]);
    const unknownHeading = repacked.map((f) => (f.id === 'B' ? { ...f, hs: null } : f));
    expect(flagsOf(traceOf(unknownHeading, { countryOfOrigin: 'VN' }), 'ORIGIN_MISMATCH')).toEqual([]);
  });
  it('one flag per deciding flow of a mixed origin, and none when the declared country is one of them', () => {
    const flows: FlowSpec[] = [
      { id: 'A', country: 'VN', hs: '6205', inputs: ['~B', '~C'] },
      { id: 'B', country: 'CN', hs: '6205', inputs: ['F'] },
      { id: 'C', country: 'BD', hs: '6205', inputs: ['F'] },
      { id: 'F', country: 'CN', hs: '5208', raw: true },
    ];
    expect(flagsOf(traceOf(flows, { countryOfOrigin: 'VN' }), 'ORIGIN_MISMATCH')).toEqual([
      ['B', 2, ['A', 'B']],
      ['C', 2, ['A', 'C']],
    ]);
    expect(flagsOf(traceOf(flows, { countryOfOrigin: 'BD' }), 'ORIGIN_MISMATCH')).toEqual([]);
  });
  it('on a raw material the carried flow itself decides', () => {
    expect(flagsOf(traceOf([{ id: 'A', country: 'AU', hs: '5201', raw: true }], { countryOfOrigin: 'US' }), 'ORIGIN_MISMATCH')).toEqual([
      ['A', 1, ['A']],
    ]);
  });
});

describe('TRANSSHIPMENT', () => {
  it('the worked example: at tier 1, X = VN, Y = CN, path from the carried flow to the input', () => {
    const t = traceOf(repacked);
    expect(flagsOf(t, 'TRANSSHIPMENT')).toEqual([['A', 1, ['A', 'B']]]);
    expect(t.flags.find((f) => f.kind === 'TRANSSHIPMENT')!.reason).toMatch(/in VN .*heading 6205.* from CN/);
  });
  it('one flag per pair along a chain across several countries', () => {
    const t = traceOf([
      { id: 'A', country: 'MX', hs: '8541.43', inputs: ['B'] },
      { id: 'B', country: 'VN', hs: '8541.43', inputs: ['C'] },
      { id: 'C', country: 'MY', hs: '8541.42', inputs: ['D'] },
      { id: 'D', country: 'CN', hs: '8541.41', raw: true },
    ]);
    expect(flagsOf(t, 'TRANSSHIPMENT')).toEqual([
      ['A', 1, ['A', 'B']],
      ['B', 2, ['A', 'B', 'C']],
      ['C', 3, ['A', 'B', 'C', 'D']],
    ]);
  });
  it('two inputs from other countries give two flags on one flow; fallback inputs are said so', () => {
    const t = traceOf([
      { id: 'A', country: 'VN', hs: '6205', inputs: ['~B', '~C'] },
      { id: 'B', country: 'CN', hs: '6205', raw: true },
      { id: 'C', country: 'BD', hs: '6205', raw: true },
    ]);
    expect(flagsOf(t, 'TRANSSHIPMENT')).toEqual([
      ['A', 1, ['A', 'B']],
      ['A', 1, ['A', 'C']],
    ]);
    expect(t.flags.find((f) => f.kind === 'TRANSSHIPMENT')!.evidence).toContain('input by the facility-level fallback (not lot-allocated)');
  });
  it('is not raised inside one country, across a change of heading, or where a heading or country is unknown', () => {
    const oneCountry = repacked.map((f) => ({ ...f, country: 'VN' }));
    expect(flagsOf(traceOf(oneCountry), 'TRANSSHIPMENT')).toEqual([]);
    const changed = repacked.map((f) => (f.id === 'A' ? { ...f, hs: '6211' } : f));
    expect(flagsOf(traceOf(changed), 'TRANSSHIPMENT')).toEqual([]);
    expect(flagsOf(traceOf(repacked.map((f) => (f.id === 'B' ? { ...f, hs: null } : f))), 'TRANSSHIPMENT')).toEqual([]);
    expect(flagsOf(traceOf(repacked.map((f) => (f.id === 'B' ? { ...f, country: null } : f))), 'TRANSSHIPMENT')).toEqual([]);
  });
  it('a raw material passes nothing through, even on the heading of its inputs', () => {
    const t = traceOf([
      { id: 'A', country: 'VN', hs: '5201', raw: true, inputs: ['B'] },
      { id: 'B', country: 'CN', hs: '5201', raw: true },
    ]);
    expect(flagsOf(t, 'TRANSSHIPMENT')).toEqual([]);
  });
  it('a cycle of pass-throughs between two countries flags each flow once and ends', () => {
    const t = traceOf([
      { id: 'A', country: 'VN', hs: '6205', inputs: ['B'] },
      { id: 'B', country: 'CN', hs: '6205', inputs: ['A'] },
    ]);
    expect(flagsOf(t, 'TRANSSHIPMENT')).toEqual([
      ['A', 1, ['A', 'B']],
      ['B', 2, ['A', 'B', 'A']],
    ]);
  });
});

describe('YARN_FORWARD_FAIL', () => {
  const cafta: FlowSpec[] = [
    { id: 'A', country: 'HN', hs: '6205.20', inputs: ['B'] },
    { id: 'B', country: 'HN', hs: '5208.32', inputs: ['C'] },
    { id: 'C', country: 'CN', hs: '5205.12', inputs: ['D'] },
    { id: 'D', country: 'US', hs: '5201.00', raw: true },
  ];
  it('a CAFTA-DR claim with yarn from outside the parties: one flag on the yarn flow, at its tier', () => {
    const t = traceOf(cafta, { preferenceProgram: 'CAFTA-DR', htsCode: '6205.20.2003' });
    expect(flagsOf(t, 'YARN_FORWARD_FAIL')).toEqual([['C', 3, ['A', 'B', 'C']]]);
    expect(t.flags.find((f) => f.kind === 'YARN_FORWARD_FAIL')!.reason).toMatch(/claims CAFTA-DR.*yarn.*5205.*CN/);
  });
  it('a USMCA claim with fabric from outside: the fabric flow', () => {
    const t = traceOf(
      [
        { id: 'A', country: 'MX', hs: '6109.10', inputs: ['B'] },
        { id: 'B', country: 'CN', hs: '6006.22', inputs: ['C'] },
        { id: 'C', country: 'MX', hs: '5205.12', raw: true },
      ],
      { preferenceProgram: 'usmca', htsCode: '6109.10' },
    );
    expect(flagsOf(t, 'YARN_FORWARD_FAIL')).toEqual([['B', 2, ['A', 'B']]]);
  });
  it('is not raised without a claim, for another program, for an entry outside chapters 50-63, or for yarn from a party', () => {
    expect(flagsOf(traceOf(cafta, { htsCode: '6205.20' }), 'YARN_FORWARD_FAIL')).toEqual([]);
    expect(flagsOf(traceOf(cafta, { preferenceProgram: 'GSP', htsCode: '6205.20' }), 'YARN_FORWARD_FAIL')).toEqual([]);
    expect(flagsOf(traceOf(cafta, { preferenceProgram: 'CAFTA-DR', htsCode: '8541.43' }), 'YARN_FORWARD_FAIL')).toEqual([]);
    expect(flagsOf(traceOf(cafta, { preferenceProgram: 'CAFTA-DR' }), 'YARN_FORWARD_FAIL')).toEqual([]);
    const fromParty = cafta.map((f) => (f.id === 'C' ? { ...f, country: 'GT' } : f));
    expect(flagsOf(traceOf(fromParty, { preferenceProgram: 'CAFTA-DR', htsCode: '6205.20' }), 'YARN_FORWARD_FAIL')).toEqual([]);
    const noCountry = cafta.map((f) => (f.id === 'C' ? { ...f, country: null } : f));
    expect(flagsOf(traceOf(noCountry, { preferenceProgram: 'CAFTA-DR', htsCode: '6205.20' }), 'YARN_FORWARD_FAIL')).toEqual([]);
  });
  it('yarn beyond maxTiers is not judged', () => {
    expect(flagsOf(traceOf(cafta, { preferenceProgram: 'CAFTA-DR', htsCode: '6205.20' }, 2), 'YARN_FORWARD_FAIL')).toEqual([]);
  });
});
