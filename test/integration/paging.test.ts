// Paging of shipmentRisks, exposure and screeningMatches on real data: pages of a small
// `first` walked with `after` = the previous `endCursor` are disjoint, ordered, complete
// (against ids written here and, for matches, against the stored graph), and end with
// hasNextPage false; a cursor the server did not issue is refused clearly.
import { startHarness, Harness } from './harness';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';

let h: Harness;

// 23 shipments on one clean cotton chain, 4 on a chain with a XUAR gin at tier 4
const CLEAN = Array.from({ length: 23 }, (_, i) => `PG-S${i + 1}`);
const FLAGGED = Array.from({ length: 4 }, (_, i) => `PGX-S${i + 1}`);
// firms named exactly as Entity List entries, and the key of each entry (written out, not computed)
const LISTED: [string, string][] = [
  ['Hoshine Silicon Industry (Shanshan) Co., Ltd', 'hoshine silicon industry shanshan co ltd'],
  ['Xinjiang Daqo New Energy, Co. Ltd', 'xinjiang daqo new energy co ltd'],
  ['Changhong Meiling Co., Ltd.', 'changhong meiling co ltd'],
  ['Century Sunshine Group Holdings, Ltd.', 'century sunshine group holdings ltd'],
  ['Hetian Haolin Hair Accessories Co. Ltd.', 'hetian haolin hair accessories co ltd'],
  ['Hongyuan Green Energy Co., Ltd.', 'hongyuan green energy co ltd'],
  ['Huangmei Xiaochi Yinfeng Cotton', 'huangmei xiaochi yinfeng cotton'],
  ['Jiangyin Lianyun Co. Ltd.', 'jiangyin lianyun co ltd'],
  ['Sichuan Jingweida Technology Group Co., Ltd.', 'sichuan jingweida technology group co ltd'],
  ['Zhuhai G&G Digital Technology Co., Ltd.', 'zhuhai g g digital technology co ltd'],
  ['Xinjiang Production and Construction Corps', 'xinjiang production and construction corps'],
];

const IMPORT = 'mutation($b: JSON!) { importBundle(bundle: $b) { shipments } }';

beforeAll(async () => {
  h = await startHarness();
  const imports = [
    chainBundle('PG', cottonTiers(), { shipments: CLEAN.length }),
    chainBundle(
      'PGX',
      cottonTiers({
        firm: { name: 'Tianshan Cotton Ginning Co', country: 'CN' },
        facility: { country: 'CN', city: 'Aksu', province: 'Xinjiang', address: 'Aksu, Xinjiang' },
      }),
      { shipments: FLAGGED.length },
    ),
    chainBundle(
      'PGM',
      LISTED.map(([name]) => ({ firm: { name, country: 'CN' }, material: { name: 'Polysilicon', hsCode: '2804.61' } })),
    ),
  ];
  for (const b of imports) {
    const r = await h.gql(IMPORT, { b });
    expect(r.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await h?.close();
});

interface PageOf<T> {
  items: T[];
  total: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Walks every page of a field, each asked with the previous page's endCursor. */
async function walk<T>(query: string, field: string, vars: Record<string, unknown>): Promise<PageOf<T>[]> {
  const pages: PageOf<T>[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const r = await h.gql(query, { ...vars, after });
    expect(r.errors).toBeUndefined();
    const page = r.data[field] as PageOf<T>;
    pages.push(page);
    if (!page.hasNextPage) return pages;
    expect(page.endCursor).toEqual(expect.any(String));
    after = page.endCursor;
  }
  throw new Error(`${field}: still a next page after 100 pages`);
}

/** Pages of at most `first` items, disjoint, whose concatenation is `expected`, the last one saying so. */
function expectPaged(pages: PageOf<{ id: string }>[], first: number, expected: string[]) {
  expect(pages).toHaveLength(Math.ceil(expected.length / first));
  for (const p of pages) {
    expect(p.items.length).toBeGreaterThan(0);
    expect(p.items.length).toBeLessThanOrEqual(first);
    expect(p.total).toBe(expected.length);
  }
  expect(pages.map((p) => p.hasNextPage)).toEqual(pages.map((_, i) => i < pages.length - 1));
  const ids = pages.flatMap((p) => p.items.map((x) => x.id));
  expect(new Set(ids).size).toBe(ids.length); // disjoint
  expect(ids).toEqual(expected); // complete and in order
}

/** Strings in code-unit order, as Neo4j orders these ASCII ids. */
const sorted = (xs: string[]) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe('shipmentRisks', () => {
  const Q =
    'query($first: Int, $after: String) { shipmentRisks(first: $first, after: $after) { total endCursor hasNextPage items { shipmentId verdict tiers } } }';

  it('pages through every shipment by id, in pages of `first`, with the verdict of each', async () => {
    const pages = await walk<{ shipmentId: string; verdict: string; tiers: number }>(Q, 'shipmentRisks', { first: 5 });
    const expected = sorted([...CLEAN, ...FLAGGED, 'PGM-S1']); // and the one shipment of the listed firms' chain
    expect(expected.slice(0, 4)).toEqual(['PG-S1', 'PG-S10', 'PG-S11', 'PG-S12']); // string order, not numeric
    expectPaged(
      pages.map((p) => ({ ...p, items: p.items.map((x) => ({ ...x, id: x.shipmentId })) })),
      5,
      expected,
    );
    for (const item of pages.flatMap((p) => p.items)) {
      if (item.shipmentId === 'PGM-S1')
        expect(item.verdict).toBe('FLAGGED'); // listed firms upstream
      else
        expect(item).toEqual({ shipmentId: item.shipmentId, verdict: item.shipmentId.startsWith('PGX-') ? 'FLAGGED' : 'CLEAR', tiers: 4 });
    }
    // one page as large as the whole list holds the same, and the last cursor leads nowhere
    const whole = await h.gql(Q, { first: 100 });
    expect(whole.data.shipmentRisks.items.map((x: { shipmentId: string }) => x.shipmentId)).toEqual(expected);
    expect(whole.data.shipmentRisks.hasNextPage).toBe(false);
    const past = await h.gql(Q, { first: 5, after: pages[pages.length - 1].endCursor });
    expect(past.data.shipmentRisks).toEqual({ total: expected.length, endCursor: null, hasNextPage: false, items: [] });
  });

  it('refuses a cursor it did not issue with BAD_USER_INPUT naming `after`', async () => {
    // (a cursor is base64url of "o:<offset>"; these decode to something else)
    for (const after of ['not-a-cursor', Buffer.from('o:1x').toString('base64url'), Buffer.from('o:-1').toString('base64url'), '\u0000']) {
      const r = await h.gql(Q, { first: 5, after });
      expect(r.data).toBeNull();
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({
        // a NUL is refused by the text policy before the cursor is read
        message:
          after === '\u0000'
            ? 'after must not contain control characters (U+0000 at character 1)'
            : 'after is not a cursor this server issued',
        extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
      });
    }
  });
});

describe('exposure', () => {
  const Q =
    'query($firm: ID!, $first: Int, $after: String) { exposure(firmId: $firm, first: $first, after: $after) { total endCursor hasNextPage items { shipmentId tier path } } }';

  it('pages through every shipment a tier-3 supplier reaches, by id, with its tier and path', async () => {
    const pages = await walk<{ shipmentId: string; tier: number; path: string[] }>(Q, 'exposure', { firm: 'PG-F3', first: 4 });
    expectPaged(
      pages.map((p) => ({ ...p, items: p.items.map((x) => ({ ...x, id: x.shipmentId })) })),
      4,
      sorted(CLEAN),
    );
    for (const item of pages.flatMap((p) => p.items)) {
      expect(item).toEqual({ shipmentId: item.shipmentId, tier: 3, path: ['PG-FL1', 'PG-FL2', 'PG-FL3'] });
    }
  });

  it('refuses a cursor it did not issue with BAD_USER_INPUT naming `after`', async () => {
    const r = await h.gql(Q, { firm: 'PG-F3', first: 4, after: 'not-a-cursor' });
    expect(r.data).toBeNull();
    expect(r.errors[0]).toMatchObject({
      message: 'after is not a cursor this server issued',
      extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
    });
  });
});

describe('screeningMatches', () => {
  const Q =
    'query($firm: ID, $first: Int, $after: String) { screeningMatches(firmId: $firm, first: $first, after: $after) { total endCursor hasNextPage items { id firmId status } } }';

  /** The tenant's matches as stored, read straight from the graph: the expectation the pages must meet. */
  async function storedMatchIds(firmId?: string): Promise<string[]> {
    const rows = await h.services.graph.read<{ id: string }>(
      'MATCH (m:ScreeningMatch {tenant: $tenant}) WHERE $firmId IS NULL OR m.firmId = $firmId RETURN m.id AS id',
      { tenant: h.tenant, firmId: firmId ?? null },
    );
    return sorted(rows.map((r) => r.id));
  }

  it('pages through every stored match by id, the exact-name match of each listed firm among them', async () => {
    const stored = await storedMatchIds();
    const exact = LISTED.map(([, key], i) => `PGM-F${i + 1}|${key}`);
    expect(stored).toEqual(expect.arrayContaining(exact));
    const pages = await walk<{ id: string; firmId: string; status: string }>(Q, 'screeningMatches', { first: 3 });
    expectPaged(pages, 3, stored);
    for (const m of pages.flatMap((p) => p.items)) {
      expect(m.id.startsWith(`${m.firmId}|`)).toBe(true);
      expect(m.status).toBe('PENDING');
    }
    // keyset cursor: the id of the page's last match
    for (const p of pages) expect(p.endCursor).toBe(p.items[p.items.length - 1].id);
    const past = await h.gql(Q, { first: 3, after: pages[pages.length - 1].endCursor });
    expect(past.data.screeningMatches).toEqual({ total: stored.length, endCursor: null, hasNextPage: false, items: [] });
  });

  it('pages within one firm', async () => {
    const stored = await storedMatchIds('PGM-F1');
    expect(stored).toContain('PGM-F1|hoshine silicon industry shanshan co ltd');
    const pages = await walk<{ id: string; firmId: string; status: string }>(Q, 'screeningMatches', { firm: 'PGM-F1', first: 1 });
    expectPaged(pages, 1, stored);
  });
});
