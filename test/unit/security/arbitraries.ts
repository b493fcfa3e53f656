// fast-check arbitraries for hostile input, shared by the unit and integration tests.
import fc from 'fast-check';

/** Strings an attacker or a broken exporter sends. */
export const hostileString = (): fc.Arbitrary<string> => fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '', ' ', '\u0000', 'a\u0000b', '\u001b[31mred', '\r\n', '\u202eevil\u202c', '\ufeffBOM', '\ud800', 'Α', 'Ηoshine', 'ＨＯＳＨＩＮＥ',
    "' OR 1=1 //", '"}) MATCH (n) DETACH DELETE n //', '`id`', '$tenant', '${tenant}', '{tenant: "x"}', '\\u0027', 'x\' RETURN 1 //',
    'MATCH (n) RETURN n', '<script>alert(1)</script>', '../../etc/passwd', '%00', '🧵🧶', '新疆', 'Xinjiang\u200bCotton', '__proto__', 'constructor',
  ),
  fc.integer({ min: 201, max: 3000 }).map((n) => 'x'.repeat(n)),
);

/** Any JSON value, including deep nesting and prototype-looking keys. */
export const hostileValue = (): fc.Arbitrary<unknown> => fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  hostileString(),
  fc.constantFrom(null, true, 0, -1, 1e308, -0, 3.5, [], {}, { __proto__: { polluted: 1 } }),
  fc.integer({ min: 50, max: 2000 }).map((n) => { let v: unknown = 'leaf'; for (let i = 0; i < n; i++) v = [v]; return v; }),
);


/** False for strings holding half of a surrogate pair (which UTF-8, and so Neo4j, cannot store). */
export const isWellFormed = (s: string): boolean => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
