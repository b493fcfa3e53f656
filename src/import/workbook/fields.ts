// The columns each sheet may have: the fields of its bundle section, read from the bundle
// schema itself (src/model/bundle.ts), so a field added to the format is a column the day it
// is added. A nested object (a shipment's `detention`) gives dotted columns
// (`detention.detainedOn`).
import { z } from 'zod';
import { BUNDLE_SECTIONS, bundleSectionSchemas, type BundleSection } from '../../model/bundle';

export type FieldKind = 'text' | 'number' | 'boolean' | 'date' | 'list';

export interface FieldSpec {
  /** as a header names it: `quantity`, `detention.detainedOn` */
  name: string;
  /** where it goes in the record: ['detention', 'detainedOn'] */
  path: string[];
  kind: FieldKind;
  /** every row needs it (the schema does not make it optional) */
  required: boolean;
}

/** The format's date fields: strings in the schema, but a date cell or text YYYY-MM-DD in a sheet. */
export const DATE_FIELDS = new Set(['date', 'entryDate', 'detention.detainedOn', 'detention.noticeDate']);

function unwrap(s: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let optional = false;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) {
      optional = true;
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return { inner: s, optional };
  }
}

function fieldsOf(shape: Record<string, z.ZodType>, prefix: string[] = []): FieldSpec[] {
  return Object.entries(shape).flatMap(([key, schema]) => {
    const { inner, optional } = unwrap(schema);
    const path = [...prefix, key];
    const name = path.join('.');
    if (inner instanceof z.ZodObject) return fieldsOf(inner.shape as Record<string, z.ZodType>, path);
    const kind: FieldKind =
      inner instanceof z.ZodNumber
        ? 'number'
        : inner instanceof z.ZodBoolean
          ? 'boolean'
          : inner instanceof z.ZodArray
            ? 'list'
            : DATE_FIELDS.has(name)
              ? 'date'
              : 'text';
    return [{ name, path, kind, required: !optional && prefix.length === 0 }];
  });
}

/** Every section's columns, in the format's order. */
export const SECTION_FIELDS: Readonly<Record<BundleSection, readonly FieldSpec[]>> = Object.fromEntries(
  BUNDLE_SECTIONS.map((s) => [s, fieldsOf((bundleSectionSchemas[s] as z.ZodObject).shape as Record<string, z.ZodType>)]),
) as Record<BundleSection, FieldSpec[]>;

/** A name as header matching compares it: case, spaces, `_` and `-` ignored (`Local name` = `localName`). */
export const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** The section a sheet (or CSV file base) name stands for, matched case-insensitively. */
export function sectionOfSheet(name: string): BundleSection | undefined {
  const n = name.trim().toLowerCase();
  return BUNDLE_SECTIONS.find((s) => s === n);
}

/** The field a header names in a section, or undefined. */
export function fieldOfHeader(section: BundleSection, header: string): FieldSpec | undefined {
  const h = squash(header);
  return SECTION_FIELDS[section].find((f) => squash(f.name) === h);
}
