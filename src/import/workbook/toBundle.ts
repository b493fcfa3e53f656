// Sheets -> bundle v1: one record per non-empty row, one field per matched column, each cell
// read by its field's rule (cells.ts). What comes out is the plain JSON a bundle author would
// have written, so the bundle's own validation and write apply unchanged; beside it, where
// each record and field came from, to place the bundle's errors in cells (placeErrors.ts).
import { BUNDLE_SECTIONS, type BundleSection } from '../../model/bundle';
import { nearestName } from '../../model/text/suggest';
import { booleanCell, dateCell, isEmptyCell, listCell, numberCell, textCell, type CellResult, type CellValue } from './cells';
import { sectionOfSheet, type FieldKind } from './fields';
import { matchHeaders, type SheetColumns } from './headers';
import { MAPPING_SHEET, readMapping, type Mappings } from './mapping';
import { columnLetters } from './place';
import type { PlacedError, Sheet } from './sheet';

/** Sheets the format ignores by name (the template's notes). */
const NOTES_SHEET = 'readme';

export interface SectionSource {
  sheet: string;
  /** record index -> its row number */
  rows: number[];
  columns: SheetColumns;
}
export type WorkbookSources = Partial<Record<BundleSection, SectionSource>>;

export interface SheetsAsBundle {
  /** the bundle v1 JSON the sheets describe (validated after, like any bundle) */
  raw: { bundleVersion: 1 } & Partial<Record<BundleSection, Record<string, unknown>[]>>;
  sources: WorkbookSources;
  /** errors of the sheets themselves: headers, cells, `_mapping` */
  errors: PlacedError[];
  /** `flows[3].quantity` for each field whose cell was refused: the bundle check's error there is the same one */
  refusedFields: Set<string>;
}

const READ: Record<FieldKind, (c: CellValue | undefined) => CellResult<unknown>> = {
  text: textCell,
  date: dateCell,
  number: numberCell,
  boolean: booleanCell,
  list: listCell,
};

function setPath(record: Record<string, unknown>, path: string[], value: unknown): void {
  if (path.length === 1) {
    record[path[0]] = value;
    return;
  }
  let at = record;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[path[path.length - 1]] = value;
}

/** Which sheet is which: sections, the mapping, and names that look like a misspelt section. */
function sortSheets(sheets: Sheet[], errors: PlacedError[]) {
  const sections = new Map<BundleSection, Sheet>();
  let mapping: Sheet | undefined;
  for (const sheet of sheets) {
    const lower = sheet.name.trim().toLowerCase();
    if (lower === NOTES_SHEET) continue;
    if (lower === MAPPING_SHEET) {
      mapping = sheet;
      continue;
    }
    const section = sheet.section ?? sectionOfSheet(sheet.name);
    if (section) {
      const before = sections.get(section);
      if (before)
        errors.push({ place: sheet.name, message: `a second ${section} sheet (the first is "${before.name}"); put its rows in one sheet` });
      else sections.set(section, sheet);
      continue;
    }
    // Other sheets are ignored, but one named almost like a section would drop its rows unseen.
    const guess = nearestName(sheet.name, BUNDLE_SECTIONS);
    if (guess && sheet.rows.length) {
      errors.push({ place: sheet.name, message: `sheet "${sheet.name}" is not read: no section has that name (did you mean "${guess}"?)` });
    }
  }
  return { sections, mapping };
}

export function sheetsToBundle(sheets: Sheet[]): SheetsAsBundle {
  const errors: PlacedError[] = [];
  const refusedFields = new Set<string>();
  const { sections, mapping } = sortSheets(sheets, errors);
  if (!sections.size && !errors.length) {
    errors.push({
      place: 'workbook',
      message: `no sheet is named after a section of the format (${BUNDLE_SECTIONS.join(', ')}); start from the template (GET /templates/workbook.xlsx)`,
    });
  }
  const mappings: Mappings = mapping ? readMapping(mapping, errors) : new Map();
  const raw: SheetsAsBundle['raw'] = { bundleVersion: 1 };
  const sources: WorkbookSources = {};
  for (const section of BUNDLE_SECTIONS) {
    const sheet = sections.get(section);
    if (!sheet) continue;
    const columns = matchHeaders(sheet, section, mappings, errors);
    if (!columns.readable) continue;
    const records: Record<string, unknown>[] = [];
    const rows: number[] = [];
    const strayReported = new Set<number>();
    for (const row of sheet.rows) {
      if (row.number === 1 || row.cells.every(isEmptyCell)) continue;
      const index = records.length;
      const record: Record<string, unknown> = {};
      for (const [i, field] of columns.byIndex) {
        const got = READ[field.kind](row.cells[i]);
        if ('problem' in got) {
          errors.push({ place: `${sheet.name}!${columnLetters(i + 1)}${row.number}`, field: field.name, message: got.problem });
          refusedFields.add(`${section}[${index}].${field.name}`);
        } else if (got.value !== undefined) setPath(record, field.path, got.value);
      }
      for (const i of columns.headerless) {
        if (strayReported.has(i) || isEmptyCell(row.cells[i])) continue;
        strayReported.add(i);
        errors.push({
          place: `${sheet.name}!${columnLetters(i + 1)}${row.number}`,
          message: `a value in a column without a header: name the column in ${columnLetters(i + 1)}1, or clear it`,
        });
      }
      records.push(record);
      rows.push(row.number);
    }
    raw[section] = records;
    sources[section] = { sheet: sheet.name, rows, columns };
  }
  return { raw, sources, errors, refusedFields };
}
