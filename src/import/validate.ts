// Bundle v1 validation: shape first (zod), then ids and references. Every problem is
// reported with its place (`flows[12].from: no facility "FAC-9"`); nothing is written
// unless the list is empty.
import { z } from 'zod';
import { Bundle, DOCUMENT_TYPES } from '../model/bundle';

export interface BundleError { path: string; message: string }
export class BundleValidationError extends Error {
  constructor(readonly errors: BundleError[]) {
    super(
      `bundle rejected, nothing was written (${errors.length} error${errors.length === 1 ? '' : 's'}): ` +
        errors.slice(0, 50).map((e) => `${e.path}: ${e.message}`).join('; ') +
        (errors.length > 50 ? `; ... and ${errors.length - 50} more` : ''),
    );
  }
}

const MAX_ID = 200;
const MAX_TEXT = 2000;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A UTF-16 surrogate half without its partner: JSON allows "\ud800", UTF-8 (and so Neo4j) cannot store it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const WELL_FORMED = 'must be well-formed Unicode (it holds half of a surrogate pair, which cannot be stored)';

const id = z
  .string({ error: 'must be a string id' })
  .min(1, 'must not be empty')
  .max(MAX_ID, `must be at most ${MAX_ID} characters`)
  .refine((s) => !CONTROL.test(s), 'must not contain control characters')
  .refine((s) => !LONE_SURROGATE.test(s), WELL_FORMED);
const text = (max = MAX_TEXT) =>
  z.string({ error: 'must be a string' }).max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s.replace(/[\n\t]/g, ' ')), 'must not contain control characters')
    .refine((s) => !LONE_SURROGATE.test(s), WELL_FORMED);
const isoDate = z.string({ error: 'must be a date YYYY-MM-DD' }).refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'must be a real calendar date YYYY-MM-DD');
const country = z.string({ error: 'must be an ISO 3166-1 alpha-2 code' })
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "CN"')
  .transform((s) => s.toUpperCase());
const nonNegative = z.number({ error: 'must be a number' }).finite('must be finite').nonnegative('must not be negative');
const idList = z.array(id, { error: 'must be an array of ids' }).max(10_000, 'has more than 10,000 entries');

const firm = z.object({
  id, name: text(500).min(1, 'must not be empty'), aliases: z.array(text(500)).max(100).optional(),
  localName: text(500).optional(), country: country.optional(), registrationId: text(100).optional(),
  address: text().optional(), city: text(200).optional(), province: text(200).optional(),
});
const facility = z.object({
  id, name: text(500).min(1, 'must not be empty'), firm: id, kind: text(200).optional(),
  address: text().optional(), city: text(200).optional(), province: text(200).optional(), country: country.optional(),
  lat: z.number().min(-90).max(90).optional(), lon: z.number().min(-180).max(180).optional(),
});
const ownership = z.object({
  owner: id, owned: id,
  share: z.number({ error: 'must be a number in [0,1]' }).min(0, 'must be in [0,1]').max(1, 'must be in [0,1]'),
});
const material = z.object({
  id, name: text(500).min(1, 'must not be empty'), hsCode: text(32).regex(/^[0-9][0-9. ]*$/, 'must be digits and dots, e.g. "2804.61"').optional(),
  raw: z.boolean({ error: 'must be true or false' }).optional(), sector: text(64).optional(),
});
const flow = z.object({
  id, from: id, to: id, material: id, quantity: nonNegative.optional(), unit: text(32).optional(),
  date: isoDate.optional(), inputs: idList.optional(), documents: idList.optional(),
});
const document = z.object({
  id, type: z.enum(DOCUMENT_TYPES, { error: `must be one of ${DOCUMENT_TYPES.join(', ')}` }),
  number: text(200).optional(), date: isoDate.optional(), issuer: id.optional(), file: text(1000).optional(),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits').optional(),
  language: z.string().regex(/^[a-zA-Z]{2}$/, 'must be an ISO 639-1 code such as "zh"').optional(),
  amount: nonNegative.optional(), currency: z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as "USD"').optional(),
  payer: id.optional(), payee: id.optional(),
});
const shipment = z.object({
  id, entryNumber: text(64).optional(), importer: id, flow: id, htsCode: text(32).optional(), value: nonNegative.optional(),
  currency: z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as "USD"').optional(),
  entryDate: isoDate.optional(), portOfEntry: text(200).optional(),
  detention: z.object({ detainedOn: isoDate.optional(), noticeDate: isoDate.optional() }).optional(),
});
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item, { error: 'must be an array' }).optional().default([]);

export const bundleSchema = z.object({
  bundleVersion: z.literal(1, { error: 'must be 1 (this server reads bundle version 1)' }),
  firms: list(firm), facilities: list(facility), ownership: list(ownership), materials: list(material),
  flows: list(flow), documents: list(document), shipments: list(shipment),
});

function pathOf(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || 'bundle';
}

/** Stage 1: shape. Returns the typed bundle or throws with every shape error. */
export function parseBundleShape(raw: unknown): Bundle {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new BundleValidationError([{ path: 'bundle', message: 'must be a JSON object with "bundleVersion": 1' }]);
  }
  const res = bundleSchema.safeParse(raw);
  if (!res.success) {
    throw new BundleValidationError(res.error.issues.slice(0, 1000).map((i) => ({ path: pathOf(i.path), message: i.message })));
  }
  return res.data as Bundle;
}

export type IdKind = 'firm' | 'facility' | 'material' | 'flow' | 'document' | 'shipment';
/** Facts about already-stored records that the reference check needs. */
export interface StoredRefs {
  firm: Set<string>; facility: Set<string>; material: Map<string, { raw: boolean }>; document: Set<string>;
  /** stored flow id -> its destination facility id */
  flow: Map<string, string>;
}

/** Ids a bundle refers to but does not itself define, per kind: what to look up in the store. */
export function externalReferences(b: Bundle): Record<Exclude<IdKind, 'shipment'>, string[]> {
  const own = {
    firm: new Set(b.firms.map((x) => x.id)), facility: new Set(b.facilities.map((x) => x.id)),
    material: new Set(b.materials.map((x) => x.id)), flow: new Set(b.flows.map((x) => x.id)),
    document: new Set(b.documents.map((x) => x.id)),
  };
  const want = { firm: new Set<string>(), facility: new Set<string>(), material: new Set<string>(), flow: new Set<string>(), document: new Set<string>() };
  const need = (k: keyof typeof want, v: string | undefined) => { if (v !== undefined && !own[k].has(v)) want[k].add(v); };
  b.facilities.forEach((f) => need('firm', f.firm));
  b.ownership.forEach((o) => { need('firm', o.owner); need('firm', o.owned); });
  b.flows.forEach((f) => {
    need('facility', f.from); need('facility', f.to); need('material', f.material);
    f.inputs?.forEach((i) => need('flow', i)); f.documents?.forEach((d) => need('document', d));
  });
  b.documents.forEach((d) => { need('firm', d.issuer); need('firm', d.payer); need('firm', d.payee); });
  b.shipments.forEach((s) => { need('firm', s.importer); need('flow', s.flow); });
  return {
    firm: [...want.firm], facility: [...want.facility], material: [...want.material], flow: [...want.flow], document: [...want.document],
  };
}

/** Stage 2: ids unique per kind, every reference resolves, lot lineage is consistent. */
export function checkReferences(b: Bundle, stored: StoredRefs): BundleError[] {
  const errors: BundleError[] = [];
  const firstAt = <T extends { id: string }>(items: T[], kind: string, section: string) => {
    const seen = new Map<string, number>();
    items.forEach((x, i) => {
      const prev = seen.get(x.id);
      if (prev !== undefined) errors.push({ path: `${section}[${i}].id`, message: `duplicate ${kind} id "${x.id}" (first at ${section}[${prev}])` });
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
    if (value !== undefined && !has[kind](value)) errors.push({ path, message: `no ${kind} "${value}"` });
  };

  b.facilities.forEach((f, i) => ref('firm', f.firm, `facilities[${i}].firm`));
  const pairs = new Map<string, number>();
  b.ownership.forEach((o, i) => {
    ref('firm', o.owner, `ownership[${i}].owner`);
    ref('firm', o.owned, `ownership[${i}].owned`);
    if (o.owner === o.owned) errors.push({ path: `ownership[${i}]`, message: `firm "${o.owner}" cannot own itself` });
    const key = `${o.owner}\u0000${o.owned}`;
    const prev = pairs.get(key);
    if (prev !== undefined) errors.push({ path: `ownership[${i}]`, message: `duplicate holding of "${o.owner}" in "${o.owned}" (first at ownership[${prev}])` });
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
      if (input === f.id) errors.push({ path, message: `flow "${f.id}" cannot be made from itself` });
      else if (!has.flow(input)) errors.push({ path, message: `no flow "${input}"` });
      else {
        const dest = destinationOf(input);
        if (dest !== undefined && dest !== f.from) {
          errors.push({ path, message: `flow "${input}" delivers to facility "${dest}", not to this flow's source "${f.from}"` });
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
  return errors;
}
