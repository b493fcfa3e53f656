// The stored records: each node's properties as the import writes them (src/import/importBundle.ts
// `toRows`), stated once. The TypeScript types of what the trace and packets read are derived
// from these, and so is the Cypher that reads them (`projection`), so a property is added here
// and nowhere else. References are stored as `*Id` properties beside the edges.

/** A stored property's type; `!` marks a property every record has. */
type Kind = 'string' | 'number' | 'boolean' | 'string[]';
type Spec = Readonly<Record<string, Kind | `${Kind}!`>>;
interface KindTypes {
  string: string;
  number: number;
  boolean: boolean;
  'string[]': string[];
}
type TypeOf<K> = K extends `${infer B extends Kind}!` ? KindTypes[B] : K extends Kind ? KindTypes[K] : never;
type Present<S> = { -readonly [P in keyof S as S[P] extends `${string}!` ? P : never]: TypeOf<S[P]> };
// Neo4j returns an absent property as null, and the import leaves out what a bundle leaves out.
type Absent<S> = { -readonly [P in keyof S as S[P] extends `${string}!` ? never : P]?: TypeOf<S[P]> | null };
type Flatten<T> = { [P in keyof T]: T[P] };
/** The record type of a property list. */
export type RecordOf<S extends Spec> = Flatten<Present<S> & Absent<S>>;

export const FIRM = {
  id: 'string!',
  name: 'string!',
  aliases: 'string[]',
  localName: 'string',
  country: 'string',
  registrationId: 'string',
  address: 'string',
  city: 'string',
  province: 'string',
} as const satisfies Spec;
export const FACILITY = {
  id: 'string!',
  name: 'string!',
  firmId: 'string!',
  kind: 'string',
  address: 'string',
  city: 'string',
  province: 'string',
  country: 'string',
  lat: 'number',
  lon: 'number',
  osId: 'string',
} as const satisfies Spec;
export const MATERIAL = {
  id: 'string!',
  name: 'string!',
  hsCode: 'string',
  raw: 'boolean',
  sector: 'string',
} as const satisfies Spec;
export const FLOW = {
  id: 'string!',
  fromId: 'string!',
  toId: 'string!',
  materialId: 'string!',
  quantity: 'number',
  unit: 'string',
  date: 'string',
  inputIds: 'string[]',
  documentIds: 'string[]',
  // set by the import: non-raw material without lot lineage, traced through the source facility
  fallback: 'boolean',
} as const satisfies Spec;
export const DOCUMENT = {
  id: 'string!',
  type: 'string!',
  number: 'string',
  date: 'string',
  issuerId: 'string',
  file: 'string',
  sha256: 'string',
  language: 'string',
  amount: 'number',
  currency: 'string',
  payerId: 'string',
  payeeId: 'string',
} as const satisfies Spec;
export const SHIPMENT = {
  id: 'string!',
  entryNumber: 'string',
  importerId: 'string!',
  flowId: 'string!',
  htsCode: 'string',
  value: 'number',
  currency: 'string',
  entryDate: 'string',
  portOfEntry: 'string',
  detainedOn: 'string',
  noticeDate: 'string',
  countryOfOrigin: 'string',
  preferenceProgram: 'string',
} as const satisfies Spec;

export type Firm = RecordOf<typeof FIRM>;
export type Facility = RecordOf<typeof FACILITY>;
export type Material = RecordOf<typeof MATERIAL>;
export type Flow = RecordOf<typeof FLOW>;
export type Document = RecordOf<typeof DOCUMENT>;
export type Shipment = RecordOf<typeof SHIPMENT>;

/**
 * Besides its fields a stored firm carries `searchText` (name, aliases and local name, lower
 * case), written by the import and read by the name search. It was cut to SEARCH_TEXT_MAX
 * UTF-16 units for a range index (which refuses entries over 8 KB) and `searchTextCut` says the
 * search must also read the aliases; the full-text index now holds the whole names as grams
 * (`searchGrams`, with their screening forms `searchNorm`: src/lookup/searchForms.ts).
 */
export type StoredFirm = Firm & NameSearchProperties;
/** A stored facility carries the same search properties for its name. */
export type StoredFacility = Facility & NameSearchProperties;
export type NameSearchProperties = {
  searchText: string;
  searchTextCut?: true;
  searchNorm: string;
  searchGrams: string;
};

export const SEARCH_TEXT_MAX = 2_000;

/** A firm's search text and whether it had to be cut to fit the index. */
export function searchTextOf(f: { name: string; aliases?: string[] | null; localName?: string | null }): {
  searchText: string;
  searchTextCut?: true;
} {
  const full = [f.name, ...(f.aliases ?? []), f.localName ?? ''].join(' | ').toLowerCase();
  if (full.length <= SEARCH_TEXT_MAX) return { searchText: full };
  // never split a surrogate pair
  let end = SEARCH_TEXT_MAX;
  if (/[\uD800-\uDBFF]/.test(full.charAt(end - 1))) end--;
  return { searchText: full.slice(0, end), searchTextCut: true };
}

/** A property list's names, in the order they are stated. */
export const fieldsOf = <S extends Spec>(record: S) => Object.keys(record) as (keyof S & string)[];

/**
 * The Cypher map projection of the node bound to `variable`: `v { .a, .b, key: expr }`, with
 * the given fields (all of the record's by default) and computed entries after them. Built
 * from constants at module load only; never from input.
 */
export function projection<S extends Spec>(
  variable: string,
  record: S,
  fields: readonly (keyof S & string)[] = fieldsOf(record),
  computed: Readonly<Record<string, string>> = {},
): string {
  const names = [variable, ...fields, ...Object.keys(computed)];
  if (!names.every((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n))) throw new Error(`not a Cypher name in ${names.join(', ')}`);
  const entries = [...fields.map((f) => `.${f}`), ...Object.entries(computed).map(([k, expr]) => `${k}: ${expr}`)];
  return `${variable} { ${entries.join(', ')} }`;
}

/**
 * The same projection as a list, `[n.a, n.b, ..., computed...]`, with its reader back into a
 * record: the driver decodes lists in about half the CPU time of maps, which counts in reads of
 * tens of thousands of rows (a summary refresh reads 165k flows and 140k parties).
 */
export function listProjection<S extends Spec>(
  variable: string,
  record: S,
  fields: readonly (keyof S & string)[] = fieldsOf(record),
  computed: Readonly<Record<string, string>> = {},
): { cypher: string; read<T>(row: readonly unknown[]): T } {
  const names = [...fields, ...Object.keys(computed)];
  if (![variable, ...names].every((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n))) throw new Error(`not a Cypher name in ${names.join(', ')}`);
  return {
    cypher: `[${[...fields.map((f) => `${variable}.${f}`), ...Object.values(computed)].join(', ')}]`,
    read<T>(row: readonly unknown[]): T {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) out[names[i]] = row[i];
      return out as T;
    },
  };
}

/**
 * Firms a reviewer confirmed to be one legal entity are linked by SAME_AS (src/screening/duplicates/);
 * every read that treats them as one firm walks at most this many such links.
 */
export const SAME_AS_DEPTH = 6;
