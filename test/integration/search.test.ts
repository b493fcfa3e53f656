// The name search by full-text index, against the real Neo4j: any part of a name, alias, local
// name or facility name, in any spelling the screening normaliser folds together; Lucene's
// syntax in the text is only text; a tenant sees its own firms only. And the firm look-up:
// the firm and its facilities in one query, shaped by the selection.
import { startHarness, Harness, uniqueTenant } from './harness';
import { importBundle } from '../../src/import';
import { searchFirms } from '../../src/lookup';
import type { Bundle, BundleFacility, BundleFirm } from '../../src/model/bundle';

jest.setTimeout(120_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importBundle(h.services, h.tenant, bundleOf(FIRMS, FACILITIES));
});
afterAll(async () => {
  await h.close();
});

const SPECIAL = 'A+B (C&&D) [E]: "F"~*?\\/ ^!{}||-G';
const FIRMS: BundleFirm[] = [
  { id: 'S-1', name: 'Lubbock Cotton Gin LLC', country: 'US' },
  { id: 'S-2', name: 'Xinjiang Daquan New Energy Co., Ltd.', localName: '新疆大全新能源股份有限公司', country: 'CN' },
  { id: 'S-3', name: 'Ürümqi Textile Works', aliases: ['UTW Holdings'], country: 'CN' },
  { id: 'S-4', name: SPECIAL, country: 'US' },
  { id: 'S-5', name: 'Riverside Apparel Inc.', country: 'US' },
];
const FACILITIES: BundleFacility[] = [
  { id: 'S-FAC1', name: 'Caprock seed-cotton yard', firm: 'S-1', country: 'US' },
  { id: 'S-FAC2', name: 'Shihezi polysilicon plant', firm: 'S-2', country: 'CN' },
  { id: 'S-FAC5a', name: 'Riverside cut and sew', firm: 'S-5', country: 'US' },
  { id: 'S-FAC5b', name: 'Riverside dye house', firm: 'S-5', country: 'US' },
];

function bundleOf(firms: BundleFirm[], facilities: BundleFacility[]): Bundle {
  return { bundleVersion: 1, firms, facilities, ownership: [], materials: [], flows: [], documents: [], shipments: [] };
}

const ids = async (text: string): Promise<string[]> => {
  const res = await h.gql('query($t: String!) { searchFirms(text: $t) { id } }', { t: text });
  expect(res.errors).toBeUndefined();
  return res.data.searchFirms.map((f: { id: string }) => f.id);
};

describe('searchFirms by the full-text index', () => {
  it('finds any part of a name, also inside a word and across words, in any case', async () => {
    expect(await ids('ubbock cot')).toEqual(['S-1']);
    expect(await ids('LUBBOCK')).toEqual(['S-1']);
    expect(await ids('utw hold')).toEqual(['S-3']);
    expect(await ids('ck')).toEqual(['S-1']); // shorter than a gram: grams that start with it
    expect(await ids('no such firm')).toEqual([]);
  });

  it("finds a firm by its facilities' names, answered once", async () => {
    expect(await ids('seed-cotton')).toEqual(['S-1']);
    expect(await ids('polysilicon')).toEqual(['S-2']);
    expect(await ids('riverside')).toEqual(['S-5']);
  });

  it('finds a firm by a spelling or script variant its screening form shares', async () => {
    // the local name in Chinese reads as pinyin; the Latin name drops its legal form
    expect(await ids('新疆大全新能源')).toEqual(['S-2']);
    expect(await ids('XINJIANG DAQUAN NEW ENERGY COMPANY LIMITED')).toEqual(['S-2']);
    // accents folded both ways
    expect(await ids('Urumqi Textile')).toEqual(['S-3']);
  });

  it("takes Lucene's query syntax as text: found where it is written, nothing and no error elsewhere", async () => {
    expect(await ids(SPECIAL)).toEqual(['S-4']);
    const found: Record<string, string[]> = {};
    for (const part of ['(C&&D)', '"F"~*?\\/', '^!{}||-', '+B', '*', '\\', '&&', ':', 'AND', 'OR NOT']) found[part] = await ids(part);
    expect(found).toEqual({
      '(C&&D)': ['S-4'],
      '"F"~*?\\/': ['S-4'],
      '^!{}||-': ['S-4'],
      '+B': ['S-4'],
      '*': ['S-4'],
      '\\': ['S-4'],
      '&&': ['S-4'],
      ':': ['S-4'],
      AND: ['S-5'], // its facility "Riverside cut and sew"
      'OR NOT': [],
    });
  });

  it("answers a tenant's own firms only, whatever its name", async () => {
    // tenant names may hold '.', ':' and '-' (auth.ts): each is one exact term of the index
    const others = [uniqueTenant('s.other'), `${uniqueTenant('s')}:x`];
    for (const t of others) await importBundle(h.services, t, bundleOf([{ id: 'O-1', name: `Lubbock Cotton Gin LLC of ${t}` }], []));
    expect(await ids('lubbock cotton gin')).toEqual(['S-1']);
    for (const t of others) {
      expect((await searchFirms(h.services.graph, t, 'lubbock cotton gin', 20)).map((f) => f.id)).toEqual(['O-1']);
      expect(await searchFirms(h.services.graph, t, 'riverside', 20)).toEqual([]);
    }
    // a tenant that only differs in case or by a prefix is another tenant
    expect(await searchFirms(h.services.graph, h.tenant.toUpperCase(), 'lubbock', 20)).toEqual([]);
    expect(await searchFirms(h.services.graph, h.tenant.slice(0, -1), 'lubbock', 20)).toEqual([]);
  });

  it('answers a legal entity once, as its first firm found, and still fills the limit', async () => {
    const t = uniqueTenant('s-entity');
    // names of growing length: the answer's order is A, B, C, ...
    const firms = ['A', 'BB', 'CCC', 'DDDD', 'EEEEE', 'FFFFFF'].map((s) => ({ id: `E-${s[0]}`, name: `Harbour Logistics ${s}` }));
    await importBundle(h.services, t, bundleOf(firms, [{ id: 'E-FAC', name: 'Harbour Logistics quay', firm: 'E-F' }]));
    // B is confirmed to be A, and D to be B (so D is A too, two links away); E to be F
    for (const [a, b] of [
      ['E-A', 'E-B'],
      ['E-D', 'E-B'],
      ['E-E', 'E-F'],
    ])
      await h.services.graph.write('MATCH (a:Firm {tenant: $t, id: $a}), (b:Firm {tenant: $t, id: $b}) CREATE (a)-[:SAME_AS]->(b)', {
        t,
        a,
        b,
      });
    const search = async (text: string, limit: number) => (await searchFirms(h.services.graph, t, text, limit)).map((f) => f.id);
    expect(await search('harbour logistics', 20)).toEqual(['E-A', 'E-C', 'E-E']);
    expect(await search('harbour logistics', 2)).toEqual(['E-A', 'E-C']);
    expect(await search('harbour logistics', 1)).toEqual(['E-A']);
    // found by its facility's name only, F answers for its entity (E is not found by that text)
    expect(await search('quay', 20)).toEqual(['E-F']);
    expect(await search('logistics dddd', 20)).toEqual(['E-D']);
  });

  it('sees an import at once, and a renamed firm under its new name only', async () => {
    await importBundle(h.services, h.tenant, bundleOf([{ id: 'S-6', name: 'Tarim Basin Ginning' }], []));
    expect(await ids('tarim basin')).toEqual(['S-6']);
    await importBundle(h.services, h.tenant, bundleOf([{ id: 'S-6', name: 'Kashgar Spinning' }], []));
    expect(await ids('tarim basin')).toEqual([]);
    expect(await ids('kashgar spin')).toEqual(['S-6']);
  });
});

describe('firm look-up', () => {
  /** Counts the reads the graph runs while fn runs (the real driver underneath). */
  async function reads<T>(fn: () => Promise<T>): Promise<{ result: T; reads: number }> {
    const graph = h.services.graph;
    const read = graph.read.bind(graph);
    let n = 0;
    graph.read = (async (...args: Parameters<typeof read>) => (n++, read(...args))) as typeof graph.read;
    try {
      return { result: await fn(), reads: n };
    } finally {
      graph.read = read;
    }
  }

  it('answers a firm and its facilities in one query, as selected, through fragments and aliases', async () => {
    const { result, reads: n } = await reads(() =>
      h.gql(
        `{ firm(id: "S-5") { id ...F label: name facilities { id ... on Facility { where: city name } } } } fragment F on Firm { country aliases }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.firm).toEqual({
      id: 'S-5',
      country: 'US',
      aliases: [],
      label: 'Riverside Apparel Inc.',
      facilities: [
        { id: 'S-FAC5a', where: null, name: 'Riverside cut and sew' },
        { id: 'S-FAC5b', where: null, name: 'Riverside dye house' },
      ],
    });
    expect(n).toBe(1);
  });

  it('answers the same as field by field for every selection, and null for an unknown id', async () => {
    const whole = await h.gql(
      '{ firm(id: "S-2") { id name aliases localName country registrationId address city province facilities { id name firmId kind address city province country lat lon osId } } }',
    );
    expect(whole.data.firm).toMatchObject({
      id: 'S-2',
      localName: '新疆大全新能源股份有限公司',
      facilities: [{ id: 'S-FAC2', firmId: 'S-2' }],
    });
    const part = await h.gql('{ firm(id: "S-2") { facilities { lat } name } }');
    expect(part.data.firm).toEqual({ name: whole.data.firm.name, facilities: [{ lat: null }] });
    expect((await h.gql('{ firm(id: "nope") { id facilities { id } } }')).data.firm).toBeNull();
    // a firm found by the search comes with its facilities too
    const found = await reads(() => h.gql('{ searchFirms(text: "riverside") { id facilities { id } } }'));
    expect(found.result.data.searchFirms).toEqual([{ id: 'S-5', facilities: [{ id: 'S-FAC5a' }, { id: 'S-FAC5b' }] }]);
    expect(found.reads).toBe(1);
  });
});
