// The bundle's own errors (`flows[12].from: no facility "FAC-9"`) put back in the cells they
// came from (`flows!C12 (from): no facility "FAC-9"`), using where each record and field was
// read (toBundle.ts). A field whose cell was refused already, or whose column is missing,
// is not reported twice.
import type { BundleSection } from '../../model/bundle';
import type { BundleError } from '../validate';
import { SECTION_FIELDS } from './fields';
import type { PlacedError } from './sheet';
import type { SheetsAsBundle } from './toBundle';

const PATH = /^([a-z]+)\[(\d+)\](.*)$/;
const FIRST_AT = /\(first at ([a-z]+)\[(\d+)\]\)/g;

function valueAt(record: Record<string, unknown> | undefined, field: string): unknown {
  let at: unknown = record;
  for (const key of field.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** Places each bundle error in its cell; returns those not already reported by the sheets. */
export function placeBundleErrors(errors: readonly BundleError[], sheets: SheetsAsBundle): PlacedError[] {
  const { sources, raw, refusedFields } = sheets;
  const rowOf = (section: string, index: number) => sources[section as BundleSection]?.rows[index];
  const out: PlacedError[] = [];
  for (const e of errors) {
    const m = PATH.exec(e.path);
    const source = m ? sources[m[1] as BundleSection] : undefined;
    if (!m || !source) {
      out.push({ place: e.path, message: e.message });
      continue;
    }
    const section = m[1] as BundleSection;
    const index = Number(m[2]);
    const row = source.rows[index];
    const field = m[3].replace(/\[\d+\]/g, '').replace(/^\./, '') || undefined;
    if (field && (refusedFields.has(`${section}[${index}].${field}`) || source.columns.missing.has(field))) continue;
    // a record-level error (an ownership row that owns itself) points at the row's first key column
    const letter =
      (field && source.columns.letterOf.get(field)) ??
      SECTION_FIELDS[section].map((f) => source.columns.letterOf.get(f.name)).find((l) => l !== undefined) ??
      'A';
    const record = raw[section]?.[index];
    const emptyRequired =
      field && valueAt(record, field) === undefined && SECTION_FIELDS[section].some((f) => f.name === field && f.required);
    const message = emptyRequired
      ? 'is required, but the cell is empty'
      : e.message.replace(FIRST_AT, (all, s: string, i: string) => {
          const r = rowOf(s, Number(i));
          return r === undefined ? all : `(also row ${r})`;
        });
    out.push({ place: `${source.sheet}!${letter}${row}`, ...(field ? { field } : {}), message });
  }
  return out;
}

/** A JSON bundle's errors in the same shape: the place is the bundle path, the field its last key. */
export function bundleErrorsAsPlaced(errors: readonly BundleError[]): PlacedError[] {
  return errors.map((e) => {
    const field = /\.([A-Za-z_$][\w$]*)(?:\[\d+\])?$/.exec(e.path)?.[1];
    return { place: e.path, ...(field ? { field } : {}), message: e.message };
  });
}
