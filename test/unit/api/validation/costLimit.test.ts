import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, DocumentNode, getIntrospectionQuery, Kind, parse, specifiedRules, validate } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { costLimitRule, documentCosts, DEFAULT_MAX_COST, maxCostFromEnv } from '../../../../src/api/validation/costLimit';
import { depthRule, queryShapeRules } from '../../../../src/api/validation/armor';
import { formatError } from '../../../../src/api/server';
import pino from 'pino';
import { loadConfig } from '../../../../src/config';
import { LIST_SIZES, rawOperationLiterals, webQueries } from './webQueries';

const typeDefs = readFileSync(join(__dirname, '..', '..', '..', '..', 'schema.graphql'), 'utf8');
const schema = buildSchema(typeDefs);
const cost = (q: string) => documentCosts(schema, parse(q))[0].cost;
const errors = (q: string, max = DEFAULT_MAX_COST) => validate(schema, parse(q), [...specifiedRules, costLimitRule(max)]);

/**
 * Parses a query and counts every read of a fragment definition's selection set: the work of
 * walking fragments, which a validator that does not memoise them does 2^n times for a bomb
 * of n fragments each spreading the next twice. Past a million reads it throws rather than hang.
 */
function countingFragmentWalks(q: string): { doc: DocumentNode; walks: () => number } {
  const doc = parse(q);
  let walks = 0;
  for (const def of doc.definitions) {
    if (def.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const set = def.selectionSet;
    Object.defineProperty(def, 'selectionSet', {
      enumerable: true,
      get() {
        walks += 1;
        if (walks > 1_000_000) throw new Error('walked fragments over a million times: exponential');
        return set;
      },
    });
  }
  return { doc, walks: () => walks };
}

describe('cost estimate', () => {
  it('counts a look-up by id as one, and scalars as free', () => {
    expect(cost('{ firm(id: "F") { id name aliases country } }')).toBe(1);
    expect(cost('{ a: firm(id: "F") { id } b: firm(id: "G") { id } }')).toBe(2);
  });

  it('multiplies list fields by their literal limit, else by the assumed sizes', () => {
    expect(cost('{ searchFirms(text: "x", limit: 7) { id } }')).toBe(4 + 7);
    // 200 firms, each with 10 assumed facilities and 10 assumed matches
    expect(cost('{ searchFirms(text: "x", limit: 200) { id facilities { id } screening { id } } }')).toBe(4 + 200 * (1 + 10 + 10));
    // a variable without a default is assumed at 100; with a literal default, that default
    expect(cost('query($l: Int) { searchFirms(text: "x", limit: $l) { id } }')).toBe(4 + 100);
    expect(cost('query($l: Int = 3) { searchFirms(text: "x", limit: $l) { id } }')).toBe(4 + 3);
  });

  it("sizes the items of a page by the page field's first", () => {
    const q = '{ shipmentRisks(first: 200) { items { shipmentId flagCounts { kind count } } total } }';
    expect(cost(q)).toBe(499 + 1 + 200 * (1 + 10));
  });

  it('follows fragments, each spread where it is used, and counts introspection like other lists', () => {
    const viaFragment = cost('{ searchFirms(text: "x", limit: 5) { ...F } } fragment F on Firm { facilities { id } }');
    expect(viaFragment).toBe(cost('{ searchFirms(text: "x", limit: 5) { facilities { id } } }'));
    // __schema 1, types 10 x (1 + fields 10 x (1 + args 10 x 1)); only __typename is free
    expect(cost('{ __schema { types { name fields { name args { name } } } } }')).toBe(1 + 10 * (1 + 10 * (1 + 10)));
    expect(cost('{ __typename a: __typename }')).toBe(0);
    // the 30 x 30 aliased `types { fields }` of issue 14 (5 MB in 3.3 s) is refused; GraphiQL's own introspection passes
    const inner = Array.from({ length: 30 }, (_, j) => `t${j}: types { fields { name } }`).join(' ');
    expect(cost(`{ ${Array.from({ length: 30 }, (_, i) => `s${i}: __schema { ${inner} }`).join(' ')} }`)).toBeGreaterThan(DEFAULT_MAX_COST);
    expect(cost(getIntrospectionQuery())).toBeLessThan(DEFAULT_MAX_COST);
  });

  it('adds up aliases of an expensive field', () => {
    const one = cost('{ traceShipment(id: "S") { verdict } }');
    const aliases = Array.from({ length: 1000 }, (_, i) => `t${i}: traceShipment(id: "S${i}") { verdict }`).join(' ');
    expect(cost(`{ ${aliases} }`)).toBe(1000 * one);
  });

  it('takes linear time on a fragment bomb and stays finite on nested lists', () => {
    let q = '{ searchFirms(text: "x", limit: 200) { ...F0 } }\n';
    for (let i = 0; i < 40; i++) q += `fragment F${i} on Firm { ${i + 1 < 40 ? `...F${i + 1} ...F${i + 1}` : 'facilities { id }'} }\n`;
    const counted = countingFragmentWalks(q);
    const c = documentCosts(schema, counted.doc)[0].cost;
    expect(counted.walks()).toBeLessThanOrEqual(2 * 40); // each fragment walked once (memoised), not 2^40 times
    expect(c).toBeGreaterThan(DEFAULT_MAX_COST);
    expect(Number.isFinite(c)).toBe(true);
  });
});

describe('cost limit rule', () => {
  it('lets every query the web page sends through, read from web/src at its largest', () => {
    const queries = webQueries();
    expect(queries.length).toBe(rawOperationLiterals()); // every literal in web/src that starts an operation was read
    const operations = queries.map((q) => parse(q.text).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d] : [])));
    const names = operations.flat().map((op) => op.name?.value);
    expect(names).toEqual(
      expect.arrayContaining([
        'Trace',
        'PacketSummary',
        'Neighbourhood',
        'Risks',
        'Matches',
        'ScreenName',
        'Lookup',
        'Owners',
        'FirmDetails',
        'FirmScreening',
        'Exposure',
        'Decide',
        'Paths',
        'SearchFirms', // the four (and more) the hand-made copy missed
      ]),
    );
    // the lists of the batched look-ups were expanded to their sizes
    const rootFields = (name: string) => operations.flat().find((op) => op.name?.value === name)!.selectionSet.selections.length;
    expect([rootFields('Lookup'), rootFields('Owners'), rootFields('SearchFirms')]).toEqual([
      2 * LIST_SIZES['api.ts fi'],
      LIST_SIZES['main.ts firms'],
      LIST_SIZES['search.ts terms'],
    ]);
    const serverRules = [...specifiedRules, ...queryShapeRules(loadConfig({})), costLimitRule(DEFAULT_MAX_COST)];
    const { maxTokens, maxQueryBytes } = loadConfig({});
    for (const q of queries) {
      expect(Buffer.byteLength(q.text)).toBeLessThanOrEqual(maxQueryBytes);
      // the server parses with graphql-js's token limit (GRAPHQL_MAX_TOKENS); parse throws past it
      const doc = parse(q.text, { maxTokens });
      expect({ where: q.where, errors: validate(schema, doc, serverRules).map((e) => e.message) }).toEqual({
        where: q.where,
        errors: [],
      });
    }
  });

  it('rejects alias bombs, huge nested lists and fragment bombs with QUERY_TOO_COSTLY', () => {
    const aliases = `{ ${Array.from({ length: 500 }, (_, i) => `t${i}: traceShipment(id: "S${i}") { verdict }`).join(' ')} }`;
    let bomb = '{ searchFirms(text: "x", limit: 200) { ...F0 } }\n';
    for (let i = 0; i < 30; i++) bomb += `fragment F${i} on Firm { ${i + 1 < 30 ? `...F${i + 1} ...F${i + 1}` : 'facilities { id }'} }\n`;
    const nested =
      '{ screeningMatches(first: 500) { items { id } } searchFirms(text: "x", limit: 200) { facilities { id } screening { id } } exposure(firmId: "F", first: 200) { items { path } } shipmentRisks(first: 10000) { items { flagCounts { kind } } } }';
    for (const q of [aliases, bomb, nested]) {
      const errs = errors(q).filter((e) => e.extensions.code === 'QUERY_TOO_COSTLY');
      expect(errs).toHaveLength(1);
      expect(errs[0].message).toMatch(/over the limit of 20000/);
      expect(errs[0].extensions.maxCost).toBe(20000);
    }
  });

  it('honours GRAPHQL_MAX_COST and rejects a bad value', () => {
    expect(maxCostFromEnv({})).toBe(DEFAULT_MAX_COST);
    expect(maxCostFromEnv({ GRAPHQL_MAX_COST: '50' })).toBe(50);
    expect(() => maxCostFromEnv({ GRAPHQL_MAX_COST: '-1' })).toThrow(/GRAPHQL_MAX_COST must be a positive integer/);
    expect(errors('{ searchFirms(text: "x", limit: 100) { id } }', 50)[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      cost: 104,
      maxCost: 50,
    });
  });

  // Apollo re-codes every validation error GRAPHQL_VALIDATION_FAILED; the server's formatError
  // must give the rule's own code back (src/api/server.ts).
  it.each([
    ['QUERY_TOO_COSTLY', `{ ${Array.from({ length: 30 }, (_, i) => `t${i}: traceShipment(id: "S") { verdict }`).join(' ')} }`],
    ['QUERY_TOO_DEEP', '{ firm(id: "F") { facilities { id } } }'],
  ])("answers %s through Apollo Server and the server's formatError, without running anything", async (code, query) => {
    let ran = 0;
    const server = new ApolloServer({
      typeDefs,
      resolvers: {
        Query: {
          traceShipment: () => {
            ran += 1;
            return null;
          },
        },
      },
      validationRules: [depthRule(2), costLimitRule(1000)],
      formatError: formatError(pino({ level: 'silent' })),
    });
    await server.start();
    try {
      const res = await server.executeOperation({ query });
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      expect(res.body.singleResult.errors?.map((e) => e.extensions?.code)).toEqual([code]);
      expect(res.http.status).toBe(400);
      expect(ran).toBe(0);
    } finally {
      await server.stop();
    }
  });
});

describe('depth limit on fragment bombs', () => {
  // A 1 KB query whose fragments spread the next one twice: 2^20 walks without memoising
  // (2^30, a few hundred bytes more, blocks the event loop for half an hour).
  it('validates a fragment bomb in linear time (graphql-armor max-depth, src/api/validation/armor.ts)', () => {
    let q = '{ firm(id: "x") { ...F0 } }\n';
    for (let i = 0; i < 20; i++) q += `fragment F${i} on Firm { ${i + 1 < 20 ? `...F${i + 1} ...F${i + 1}` : 'id name'} }\n`;
    const counted = countingFragmentWalks(q);
    const errs = validate(schema, counted.doc, [depthRule(15)]);
    expect(errs).toEqual([]);
    // a few reads per fragment by graphql's own visit and by the rule (memoised); exponential was 2^20 walks, 14 s
    expect(counted.walks()).toBeLessThanOrEqual(3 * 20);
  });

  it('still measures depth through fragments', () => {
    const deep = `{ searchFirms(text: "x") { ...A } } fragment A on Firm { facilities { ...B } } fragment B on Facility { id }`;
    expect(validate(schema, parse(deep), [depthRule(2)]).map((e) => e.extensions.code)).toEqual(['QUERY_TOO_DEEP']);
    expect(validate(schema, parse(deep), [depthRule(3)])).toEqual([]);
  });
});
