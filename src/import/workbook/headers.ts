// Row 1 of a sheet: which column holds which field. Headers match a field's name with case,
// spaces, `_` and `-` ignored, or through the `_mapping` sheet; a header that names no field
// is an error with the field it resembles, never a column silently dropped.
import type { BundleSection } from '../../model/bundle';
import { nearestName } from '../../model/text/suggest';
import { textCell } from './cells';
import { fieldOfHeader, SECTION_FIELDS, squash, type FieldSpec } from './fields';
import type { Mappings } from './mapping';
import { columnLetters } from './place';
import type { PlacedError, Sheet } from './sheet';

export interface SheetColumns {
  /** 0-based column index -> its field */
  byIndex: Map<number, FieldSpec>;
  /** field name -> its column letters, for placing errors */
  letterOf: Map<string, string>;
  /** columns without a header: a value in one is an error */
  headerless: number[];
  /** required fields with no column (reported once here, not again on every row) */
  missing: Set<string>;
  /** false when row 1 holds no headers: the sheet's rows cannot be read */
  readable: boolean;
}

export function matchHeaders(sheet: Sheet, section: BundleSection, mappings: Mappings, errors: PlacedError[]): SheetColumns {
  const out: SheetColumns = { byIndex: new Map(), letterOf: new Map(), headerless: [], missing: new Set(), readable: true };
  const header = sheet.rows[0];
  if (!header || header.number !== 1) {
    if (header) errors.push({ place: `${sheet.name}!A1`, message: 'row 1 must hold the headers (it is empty)' });
    return { ...out, readable: !header };
  }
  const mapped = mappings.get(section);
  const known = SECTION_FIELDS[section].map((f) => f.name);
  let width = 0;
  for (const r of sheet.rows) width = Math.max(width, r.cells.length); // a loop: a spread of 300,000 rows overflows the stack
  for (let i = 0; i < width; i++) {
    const place = `${sheet.name}!${columnLetters(i + 1)}1`;
    const t = textCell(header.cells[i]);
    if ('problem' in t) {
      errors.push({ place, message: t.problem });
      continue;
    }
    if (t.value === undefined) {
      out.headerless.push(i);
      continue;
    }
    const field = mapped?.get(squash(t.value)) ?? fieldOfHeader(section, t.value);
    if (!field) {
      const guess = nearestName(t.value, known);
      errors.push({
        place,
        message: `unknown column "${t.value}" ${guess ? `(did you mean "${guess}"?)` : `(columns of ${section}: ${known.join(', ')}; or map it in _mapping)`}`,
      });
      continue;
    }
    const other = out.letterOf.get(field.name);
    if (other) {
      errors.push({ place, field: field.name, message: `column "${t.value}" names ${field.name}, as column ${other} does already` });
      continue;
    }
    out.byIndex.set(i, field);
    out.letterOf.set(field.name, columnLetters(i + 1));
  }
  const hasRows = sheet.rows.length > 1;
  let next = width + 1;
  for (const f of SECTION_FIELDS[section]) {
    if (!f.required || out.letterOf.has(f.name) || !hasRows) continue;
    out.missing.add(f.name);
    errors.push({
      place: `${sheet.name}!${columnLetters(next++)}1`,
      field: f.name,
      message: `missing column "${f.name}": every ${section} row needs it`,
    });
  }
  return out;
}
