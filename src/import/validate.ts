// Bundle v1 validation in one pass: every field of every record (zod, src/model/bundle.ts),
// every key checked against the format (an unknown key is an error with the field it
// resembles), then ids and references, so one answer names every problem with its place
// (`flows[12].from: no facility "FAC-9"`). Nothing is written unless there is none.
//
// References are checked for every record whose id and reference fields are valid ids,
// even when another of its fields is wrong: a facility with a bad `lat` still defines its
// id (so flows naming it are not reported too), and a flow with a bad `quantity` still has
// its `from` checked. A reference field that is itself not a valid id is reported once, as
// a field error, and left out of the reference check.
//
// `checkBundle` is pure (the parsed JSON in, plain data out), so it can run wherever the
// JSON was parsed; the reference check against stored records follows (importBundle.ts).
import { z } from 'zod';
import { BUNDLE_SECTIONS, bundleSectionSchemas, type Bundle, type BundleSection } from '../model/bundle';
import { excerpt, quotedId, textProblem } from '../model/text/policy';
import { nearestName } from '../model/text/suggest';

/** Errors listed in one answer; the rest are counted. */
export const MAX_LISTED_ERRORS = 1000;
/** Errors counted before validation stops (the answer then says "more than"). */
export const MAX_COUNTED_ERRORS = 100_000;
/** Errors written out in the error message itself (all listed ones are in `errors`). */
const ERRORS_IN_MESSAGE = 50;

export interface BundleError {
  path: string;
  message: string;
}

export class BundleValidationError extends Error {
  /** Every error found, counted to MAX_COUNTED_ERRORS (`errors` lists the first MAX_LISTED_ERRORS). */
  readonly total: number;
  /** True when validation stopped at MAX_COUNTED_ERRORS, so there may be more. */
  readonly countStopped: boolean;
  constructor(
    readonly errors: BundleError[],
    total = errors.length,
    countStopped = false,
  ) {
    const shown = errors.slice(0, ERRORS_IN_MESSAGE);
    const rest = total - shown.length;
    const all = countStopped ? `more than ${total} errors` : `${total} error${total === 1 ? '' : 's'}`;
    super(
      `bundle rejected, nothing was written (${all}): ` +
        shown.map((e) => `${e.path}: ${e.message}`).join('; ') +
        (rest > 0 ? `; ... and ${countStopped ? 'more than ' : ''}${rest} more` : ''),
    );
    this.total = total;
    this.countStopped = countStopped;
  }
}

/** Keeps the first MAX_LISTED_ERRORS errors and counts the rest, up to MAX_COUNTED_ERRORS. */
export class ErrorCollector {
  readonly listed: BundleError[] = [];
  total = 0;
  /** set when field validation stopped at MAX_COUNTED_ERRORS */
  stopped = false;
  add(path: string, message: string): void {
    this.total += 1;
    if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push({ path, message });
  }
  get full(): boolean {
    return this.total >= MAX_COUNTED_ERRORS;
  }
  toError(): BundleValidationError {
    return new BundleValidationError(this.listed, this.total, this.stopped);
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]{0,39}$/;
/** A key as a path step: `.name`, or `["odd key"]` (quoted as an excerpt). */
const step = (key: PropertyKey) =>
  typeof key === 'number' ? `[${key}]` : IDENTIFIER.test(String(key)) ? `.${String(key)}` : `[${excerpt(String(key))}]`;
function pathOf(parts: readonly PropertyKey[]): string {
  const out = parts.map(step).join('');
  return out.startsWith('.') ? out.slice(1) : out || 'bundle';
}

/** The object schema at a path inside `schema` (through arrays, optionals, defaults), for its known keys. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType | undefined = schema;
  for (let i = 0; s;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else if (i === path.length) break;
    else if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(path[i++])];
    else if (s instanceof z.ZodArray) {
      s = s.element as z.ZodType;
      i++;
    } else return [];
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function unknownKey(errors: ErrorCollector, at: readonly PropertyKey[], key: string, known: string[]) {
  const guess = nearestName(key, known);
  errors.add(pathOf([...at, key]), guess ? `unknown field (did you mean "${guess}"?)` : `unknown field (fields here: ${known.join(', ')})`);
}

/** Zod issues as errors at their places; an unknown key becomes one error per key, with the field it resembles. */
function addIssues(errors: ErrorCollector, schema: z.ZodType, base: PropertyKey[], issues: readonly z.core.$ZodIssue[]) {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) unknownKey(errors, [...base, ...issue.path], key, known);
    } else errors.add(pathOf([...base, ...issue.path]), issue.message);
  }
}

// ---------- the records' ids and references, as far as they are valid ids ----------

/** The ids each record defines and names, by its place in its section (undefined where not a valid id); a typed Bundle is one. */
export interface BundleRefs {
  firms: { id?: string }[];
  facilities: { id?: string; firm?: string }[];
  ownership: { owner?: string; owned?: string }[];
  materials: { id?: string }[];
  flows: {
    id?: string;
    from?: string;
    to?: string;
    material?: string;
    inputs?: (string | undefined)[];
    documents?: (string | undefined)[];
  }[];
  documents: { id?: string; issuer?: string; payer?: string; payee?: string }[];
  shipments: { id?: string; importer?: string; flow?: string }[];
}

const idOr = (v: unknown): string | undefined => (typeof v === 'string' && textProblem(v, 'id') === null ? v : undefined);
const idsOf = (v: unknown): (string | undefined)[] => (Array.isArray(v) && v.length <= 10_000 ? v.map(idOr) : []);
const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const section = (raw: Record<string, unknown>, name: BundleSection): Record<string, unknown>[] => {
  const s = Object.hasOwn(raw, name) ? raw[name] : undefined;
  return Array.isArray(s) ? s.map(record) : [];
};

/** The ids and references of a bundle, read from the parsed JSON (ids are never transformed, so these are the typed bundle's too). */
export function bundleRefs(raw: unknown): BundleRefs {
  const r = record(raw);
  return {
    firms: section(r, 'firms').map((x) => ({ id: idOr(x.id) })),
    facilities: section(r, 'facilities').map((x) => ({ id: idOr(x.id), firm: idOr(x.firm) })),
    ownership: section(r, 'ownership').map((x) => ({ owner: idOr(x.owner), owned: idOr(x.owned) })),
    materials: section(r, 'materials').map((x) => ({ id: idOr(x.id) })),
    flows: section(r, 'flows').map((x) => ({
      id: idOr(x.id),
      from: idOr(x.from),
      to: idOr(x.to),
      material: idOr(x.material),
      inputs: idsOf(x.inputs),
      documents: idsOf(x.documents),
    })),
    documents: section(r, 'documents').map((x) => ({ id: idOr(x.id), issuer: idOr(x.issuer), payer: idOr(x.payer), payee: idOr(x.payee) })),
    shipments: section(r, 'shipments').map((x) => ({ id: idOr(x.id), importer: idOr(x.importer), flow: idOr(x.flow) })),
  };
}

// ---------- stage 1: every field (pure) ----------

/** What `checkBundle` found: the typed bundle when every field is valid, the ids and references, and the field errors. */
export interface BundleCheck {
  bundle?: Bundle;
  refs: BundleRefs;
  errors: BundleError[];
  /** every field error counted (to MAX_COUNTED_ERRORS); `errors` lists the first MAX_LISTED_ERRORS */
  errorCount: number;
  /** true when checking stopped at MAX_COUNTED_ERRORS (there may be more) */
  countStopped: boolean;
}

const TOP_KEYS = ['bundleVersion', ...BUNDLE_SECTIONS];

/** Fields of the whole bundle, record by record (memory stays bounded however many records fail). */
function checkFields(raw: unknown, errors: ErrorCollector): Bundle | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    errors.add('bundle', 'must be a JSON object with "bundleVersion": 1');
    return undefined;
  }
  const top = raw as Record<string, unknown>;
  for (const key of Object.keys(top)) if (!TOP_KEYS.includes(key)) unknownKey(errors, [], key, TOP_KEYS);
  if (top.bundleVersion !== 1) errors.add('bundleVersion', 'must be 1 (this server reads bundle version 1)');
  const out: Record<string, unknown[]> = {};
  for (const name of BUNDLE_SECTIONS) {
    const items = Object.hasOwn(top, name) ? top[name] : undefined;
    out[name] = [];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      errors.add(name, 'must be an array');
      continue;
    }
    const schema = bundleSectionSchemas[name];
    for (let i = 0; i < items.length; i++) {
      if (errors.full) {
        errors.stopped = true;
        return undefined;
      }
      const res = schema.safeParse(items[i]);
      if (res.success) out[name].push(res.data);
      else addIssues(errors, schema, [name, i], res.error.issues);
    }
  }
  return errors.total ? undefined : ({ bundleVersion: 1, ...out } as Bundle);
}

/**
 * Stage 1, pure: every key and field of a parsed bundle, with the ids and references of
 * its records. Never throws for any JSON value.
 */
export function checkBundle(raw: unknown): BundleCheck {
  const errors = new ErrorCollector();
  const bundle = checkFields(raw, errors);
  // once counting has stopped no reference is checked, so none is read
  const refs = errors.stopped ? bundleRefs(null) : bundleRefs(raw);
  return { bundle, refs, errors: errors.listed, errorCount: errors.total, countStopped: errors.stopped };
}

/** A collector holding a check's field errors, for the reference check to add to. */
export function collectorOf(check: BundleCheck): ErrorCollector {
  const c = new ErrorCollector();
  c.listed.push(...check.errors);
  c.total = check.errorCount;
  c.stopped = check.countStopped;
  return c;
}

/** Stage 1 alone: the typed bundle, or a BundleValidationError with every field error. */
export function parseBundleShape(raw: unknown): Bundle {
  const c = checkBundle(raw);
  if (!c.bundle) throw new BundleValidationError(c.errors, c.errorCount, c.countStopped);
  return c.bundle;
}

// ---------- stage 2: ids and references ----------

export type IdKind = 'firm' | 'facility' | 'material' | 'flow' | 'document' | 'shipment';
/** Facts about already-stored records that the reference check needs. */
export interface StoredRefs {
  firm: Set<string>;
  facility: Set<string>;
  material: Map<string, { raw: boolean }>;
  document: Set<string>;
  /** stored flow id -> its destination facility id */
  flow: Map<string, string>;
}

const defined = (xs: { id?: string }[]) => new Set(xs.flatMap((x) => (x.id === undefined ? [] : [x.id])));

/** Ids a bundle refers to but does not itself define, per kind: what to look up in the store. */
export function externalReferences(b: BundleRefs): Record<Exclude<IdKind, 'shipment'>, string[]> {
  const own = {
    firm: defined(b.firms),
    facility: defined(b.facilities),
    material: defined(b.materials),
    flow: defined(b.flows),
    document: defined(b.documents),
  };
  const want = {
    firm: new Set<string>(),
    facility: new Set<string>(),
    material: new Set<string>(),
    flow: new Set<string>(),
    document: new Set<string>(),
  };
  const need = (k: keyof typeof want, v: string | undefined) => {
    if (v !== undefined && !own[k].has(v)) want[k].add(v);
  };
  b.facilities.forEach((f) => need('firm', f.firm));
  b.ownership.forEach((o) => {
    need('firm', o.owner);
    need('firm', o.owned);
  });
  b.flows.forEach((f) => {
    need('facility', f.from);
    need('facility', f.to);
    need('material', f.material);
    f.inputs?.forEach((i) => need('flow', i));
    f.documents?.forEach((d) => need('document', d));
  });
  b.documents.forEach((d) => {
    need('firm', d.issuer);
    need('firm', d.payer);
    need('firm', d.payee);
  });
  b.shipments.forEach((s) => {
    need('firm', s.importer);
    need('flow', s.flow);
  });
  return {
    firm: [...want.firm],
    facility: [...want.facility],
    material: [...want.material],
    flow: [...want.flow],
    document: [...want.document],
  };
}

/** Stage 2: ids unique per kind, every reference resolves, lot lineage is consistent. Adds to `errors`. */
export function checkReferences(b: BundleRefs, stored: StoredRefs, errors: ErrorCollector = new ErrorCollector()): BundleError[] {
  const add = (path: string, message: string) => errors.add(path, message);
  const q = quotedId;
  const firstAt = (items: { id?: string }[], kind: string, name: string) => {
    const seen = new Map<string, number>();
    items.forEach((x, i) => {
      if (x.id === undefined) return;
      const prev = seen.get(x.id);
      if (prev !== undefined) add(`${name}[${i}].id`, `duplicate ${kind} id ${q(x.id)} (first at ${name}[${prev}])`);
      else seen.set(x.id, i);
    });
    return seen;
  };
  const firms = firstAt(b.firms, 'firm', 'firms');
  const facilities = firstAt(b.facilities, 'facility', 'facilities');
  const materials = firstAt(b.materials, 'material', 'materials');
  const flows = firstAt(b.flows, 'flow', 'flows');
  const documents = firstAt(b.documents, 'document', 'documents');
  firstAt(b.shipments, 'shipment', 'shipments');

  const has = {
    firm: (v: string) => firms.has(v) || stored.firm.has(v),
    facility: (v: string) => facilities.has(v) || stored.facility.has(v),
    material: (v: string) => materials.has(v) || stored.material.has(v),
    flow: (v: string) => flows.has(v) || stored.flow.has(v),
    document: (v: string) => documents.has(v) || stored.document.has(v),
  };
  const ref = (kind: keyof typeof has, value: string | undefined, path: string) => {
    if (value !== undefined && !has[kind](value)) add(path, `no ${kind} ${q(value)}`);
  };

  b.facilities.forEach((f, i) => ref('firm', f.firm, `facilities[${i}].firm`));
  const pairs = new Map<string, number>();
  b.ownership.forEach((o, i) => {
    ref('firm', o.owner, `ownership[${i}].owner`);
    ref('firm', o.owned, `ownership[${i}].owned`);
    if (o.owner === undefined || o.owned === undefined) return;
    if (o.owner === o.owned) add(`ownership[${i}]`, `firm ${q(o.owner)} cannot own itself`);
    const key = `${o.owner}\u0000${o.owned}`;
    const prev = pairs.get(key);
    if (prev !== undefined) add(`ownership[${i}]`, `duplicate holding of ${q(o.owner)} in ${q(o.owned)} (first at ownership[${prev}])`);
    else pairs.set(key, i);
  });
  const destinationOf = (flowId: string): string | undefined => {
    const i = flows.get(flowId);
    return i !== undefined ? b.flows[i].to : stored.flow.get(flowId);
  };
  b.flows.forEach((f, i) => {
    ref('facility', f.from, `flows[${i}].from`);
    ref('facility', f.to, `flows[${i}].to`);
    ref('material', f.material, `flows[${i}].material`);
    f.inputs?.forEach((input, j) => {
      const path = `flows[${i}].inputs[${j}]`;
      if (input === undefined) return;
      if (input === f.id) add(path, `flow ${q(input)} cannot be made from itself`);
      else if (!has.flow(input)) add(path, `no flow ${q(input)}`);
      else {
        const dest = destinationOf(input);
        if (dest !== undefined && f.from !== undefined && dest !== f.from) {
          add(path, `flow ${q(input)} delivers to facility ${q(dest)}, not to this flow's source ${q(f.from)}`);
        }
      }
    });
    f.documents?.forEach((d, j) => ref('document', d, `flows[${i}].documents[${j}]`));
  });
  b.documents.forEach((d, i) => {
    ref('firm', d.issuer, `documents[${i}].issuer`);
    ref('firm', d.payer, `documents[${i}].payer`);
    ref('firm', d.payee, `documents[${i}].payee`);
  });
  b.shipments.forEach((s, i) => {
    ref('firm', s.importer, `shipments[${i}].importer`);
    ref('flow', s.flow, `shipments[${i}].flow`);
  });
  return errors.listed;
}
