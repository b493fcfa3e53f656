// Bundle v1: the product's input format (see README "Data model"), stated once as a zod
// schema. The TypeScript types are inferred from it, so the validator (src/import/validate.ts)
// and the code that reads a parsed bundle cannot drift apart.
import { z } from 'zod';

export const DOCUMENT_TYPES = [
  'PURCHASE_ORDER',
  'CONTRACT',
  'COMMERCIAL_INVOICE',
  'PACKING_LIST',
  'BILL_OF_LADING',
  'TRANSPORT_RECORD',
  'PROOF_OF_PAYMENT',
  'PRODUCTION_RECORD',
  'INVENTORY_RECORD',
  'CERTIFICATE_OF_ORIGIN',
  'MILL_CERTIFICATE',
  'AUDIT_REPORT',
  'AFFIDAVIT',
  'LAB_TEST',
  'OTHER',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

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
  z
    .string({ error: 'must be a string' })
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s.replace(/[\n\t]/g, ' ')), 'must not contain control characters')
    .refine((s) => !LONE_SURROGATE.test(s), WELL_FORMED);
const isoDate = z.string({ error: 'must be a date YYYY-MM-DD' }).refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'must be a real calendar date YYYY-MM-DD');
const country = z
  .string({ error: 'must be an ISO 3166-1 alpha-2 code' })
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "CN"')
  .transform((s) => s.toUpperCase());
const nonNegative = z.number({ error: 'must be a number' }).finite('must be finite').nonnegative('must not be negative');
const idList = z.array(id, { error: 'must be an array of ids' }).max(10_000, 'has more than 10,000 entries');

const firm = z.object({
  id,
  name: text(500).min(1, 'must not be empty'),
  aliases: z.array(text(500)).max(100).optional(),
  localName: text(500).optional(),
  country: country.optional(),
  registrationId: text(100).optional(),
  address: text().optional(),
  city: text(200).optional(),
  province: text(200).optional(),
});
const facility = z.object({
  id,
  name: text(500).min(1, 'must not be empty'),
  firm: id,
  kind: text(200).optional(),
  address: text().optional(),
  city: text(200).optional(),
  province: text(200).optional(),
  country: country.optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});
const ownership = z.object({
  owner: id,
  owned: id,
  share: z.number({ error: 'must be a number in [0,1]' }).min(0, 'must be in [0,1]').max(1, 'must be in [0,1]'),
});
const material = z.object({
  id,
  name: text(500).min(1, 'must not be empty'),
  hsCode: text(32)
    .regex(/^[0-9][0-9. ]*$/, 'must be digits and dots, e.g. "2804.61"')
    .optional(),
  raw: z.boolean({ error: 'must be true or false' }).optional(),
  sector: text(64).optional(),
});
const flow = z.object({
  id,
  from: id,
  to: id,
  material: id,
  quantity: nonNegative.optional(),
  unit: text(32).optional(),
  date: isoDate.optional(),
  inputs: idList.optional(),
  documents: idList.optional(),
});
const document = z.object({
  id,
  type: z.enum(DOCUMENT_TYPES, { error: `must be one of ${DOCUMENT_TYPES.join(', ')}` }),
  number: text(200).optional(),
  date: isoDate.optional(),
  issuer: id.optional(),
  file: text(1000).optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits')
    .optional(),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2}$/, 'must be an ISO 639-1 code such as "zh"')
    .optional(),
  amount: nonNegative.optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as "USD"')
    .optional(),
  payer: id.optional(),
  payee: id.optional(),
});
const detention = z.object({ detainedOn: isoDate.optional(), noticeDate: isoDate.optional() });
const shipment = z.object({
  id,
  entryNumber: text(64).optional(),
  importer: id,
  flow: id,
  htsCode: text(32).optional(),
  value: nonNegative.optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as "USD"')
    .optional(),
  entryDate: isoDate.optional(),
  portOfEntry: text(200).optional(),
  detention: detention.optional(),
});
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item, { error: 'must be an array' }).optional().default([]);

/** Bundle v1 as the validator reads it: shape and field rules; ids and references are checked after. */
export const bundleSchema = z.object({
  bundleVersion: z.literal(1, { error: 'must be 1 (this server reads bundle version 1)' }),
  firms: list(firm),
  facilities: list(facility),
  ownership: list(ownership),
  materials: list(material),
  flows: list(flow),
  documents: list(document),
  shipments: list(shipment),
});

// A parsed bundle (the schema's output: sections default to [], countries are upper case).
export type Bundle = z.output<typeof bundleSchema>;
export type BundleFirm = z.output<typeof firm>;
export type BundleFacility = z.output<typeof facility>;
export type BundleOwnership = z.output<typeof ownership>;
export type BundleMaterial = z.output<typeof material>;
export type BundleFlow = z.output<typeof flow>;
export type BundleDocument = z.output<typeof document>;
export type BundleDetention = z.output<typeof detention>;
export type BundleShipment = z.output<typeof shipment>;
