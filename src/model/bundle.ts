// Bundle v1: the product's input format (see README "Data model"), stated once as a zod
// schema. The TypeScript types are inferred from it, so the validator (src/import/validate.ts)
// and the code that reads a parsed bundle cannot drift apart.
import { z } from 'zod';
import { TEXT_LIMITS, textProblem, type TextKind } from './text/policy';
import { isCountryCode } from './gazetteer/countries';

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

/** Every string of a bundle follows the text policy (src/model/text/policy.ts) for its kind. */
const policed = (kind: TextKind, max = TEXT_LIMITS[kind], error = 'must be a string') =>
  z.string({ error }).superRefine((s, ctx) => {
    const problem = textProblem(s, kind, max);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const id = policed('id', TEXT_LIMITS.id, 'must be a string id');
/** Names and places: evidence, kept exactly as given (invisible characters are flagged, not refused). */
const text = (max = TEXT_LIMITS.name) => policed('name', max);
/** Codes, numbers and paths: no invisible or direction-control characters. */
const code = (max: number) => policed('code', max);
const isoDate = z.string({ error: 'must be a date YYYY-MM-DD' }).refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'must be a real calendar date YYYY-MM-DD');
const country = z
  .string({ error: 'must be an ISO 3166-1 alpha-2 code' })
  // one message per bad value: a shape error stops the checks after it
  .regex(/^[A-Za-z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as "CN"', abort: true })
  // two letters are not enough: a made-up code ("XJ") would hide a place from the XUAR rule
  .refine(isCountryCode, 'is not an ISO 3166-1 country code (e.g. "CN" for China, with province "Xinjiang")')
  .transform((s) => s.toUpperCase());
const nonNegative = z.number({ error: 'must be a number' }).finite('must be finite').nonnegative('must not be negative');
const idList = z.array(id, { error: 'must be an array of ids' }).max(10_000, 'has more than 10,000 entries');

const firm = z.strictObject({
  id,
  name: text(500).min(1, 'must not be empty'),
  aliases: z.array(text(500), { error: 'must be an array of names' }).max(100, 'has more than 100 entries').optional(),
  localName: text(500).optional(),
  country: country.optional(),
  registrationId: code(100).optional(),
  address: text(2000).optional(),
  city: text(200).optional(),
  province: text(200).optional(),
});
const facility = z.strictObject({
  id,
  name: text(500).min(1, 'must not be empty'),
  firm: id,
  kind: text(200).optional(),
  address: text(2000).optional(),
  city: text(200).optional(),
  province: text(200).optional(),
  country: country.optional(),
  lat: z.number({ error: 'must be a number' }).min(-90, 'must be from -90 to 90').max(90, 'must be from -90 to 90').optional(),
  lon: z.number({ error: 'must be a number' }).min(-180, 'must be from -180 to 180').max(180, 'must be from -180 to 180').optional(),
  osId: code(64).optional(),
});
const ownership = z.strictObject({
  owner: id,
  owned: id,
  share: z.number({ error: 'must be a number in [0,1]' }).min(0, 'must be in [0,1]').max(1, 'must be in [0,1]'),
});
const material = z.strictObject({
  id,
  name: text(500).min(1, 'must not be empty'),
  hsCode: code(32)
    .regex(/^[0-9][0-9. ]*$/, 'must be digits and dots, e.g. "2804.61"')
    .optional(),
  raw: z.boolean({ error: 'must be true or false' }).optional(),
  sector: code(64).optional(),
});
const flow = z.strictObject({
  id,
  from: id,
  to: id,
  material: id,
  quantity: nonNegative.optional(),
  unit: code(32).optional(),
  date: isoDate.optional(),
  inputs: idList.optional(),
  documents: idList.optional(),
});
const document = z.strictObject({
  id,
  type: z.enum(DOCUMENT_TYPES, { error: `must be one of ${DOCUMENT_TYPES.join(', ')}` }),
  number: code(200).optional(),
  date: isoDate.optional(),
  issuer: id.optional(),
  file: code(1000).optional(),
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
const detention = z.strictObject({ detainedOn: isoDate.optional(), noticeDate: isoDate.optional() });
const shipment = z.strictObject({
  id,
  entryNumber: code(64).optional(),
  importer: id,
  flow: id,
  htsCode: code(32).optional(),
  value: nonNegative.optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as "USD"')
    .optional(),
  entryDate: isoDate.optional(),
  portOfEntry: text(200).optional(),
  // origin-checks.md: the origin declared on the entry and the trade-preference claim
  countryOfOrigin: country.optional(),
  preferenceProgram: code(32).optional(),
  detention: detention.optional(),
});
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item, { error: 'must be an array' }).optional().default([]);

/** The sections of a bundle, in the order the format lists them, with the schema of one record of each. */
export const BUNDLE_SECTIONS = ['firms', 'facilities', 'ownership', 'materials', 'flows', 'documents', 'shipments'] as const;
export type BundleSection = (typeof BUNDLE_SECTIONS)[number];
export const bundleSectionSchemas = {
  firms: firm,
  facilities: facility,
  ownership,
  materials: material,
  flows: flow,
  documents: document,
  shipments: shipment,
} satisfies Record<BundleSection, z.ZodType>;

/** Bundle v1 as a whole (the validator, src/import/validate.ts, reads it record by record); ids and references are checked after. */
export const bundleSchema = z.strictObject({
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
