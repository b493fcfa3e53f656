// Sheets written as arrays (row 1 first; `null` for an empty row), and the whole check
// without a database: the bundle's own field and reference checks against what is "stored".
import type { CellValue, Sheet, WorkbookContent } from '../../../../src/import/workbook';
import { describePlaced, sheetsToBundle } from '../../../../src/import/workbook';
import { workbookErrors } from '../../../../src/import/workbook/check';
import { checkBundle, checkReferences, collectorOf, type StoredRefs } from '../../../../src/import/validate';

export const none = (): StoredRefs => ({ firm: new Set(), facility: new Set(), material: new Map(), document: new Set(), flow: new Map() });

export function sheet(name: string, rows: (CellValue[] | null)[]): Sheet {
  return { name, rows: rows.flatMap((cells, i) => (cells ? [{ number: i + 1, cells }] : [])) };
}

/** Every error of the workbook as `flows!C12 (from): ...` lines, as checkWorkbook would give them. */
export function errorsOf(sheets: Sheet[] | WorkbookContent, stored: StoredRefs = none()): string[] {
  const content = Array.isArray(sheets) ? { sheets, errors: [] } : sheets;
  const asBundle = sheetsToBundle(content.sheets);
  const check = checkBundle(asBundle.raw);
  const collector = collectorOf(check);
  checkReferences(check.refs, stored, collector);
  return workbookErrors(content, asBundle, { errors: collector.listed, total: collector.total, countStopped: false }).errors.map(
    describePlaced,
  );
}

/** A small valid workbook: a XUAR gin shipping lint to a U.S. importer. */
export function goodSheets(): Sheet[] {
  return [
    sheet('firms', [
      ['id', 'name', 'country', 'province', 'aliases'],
      ['F-gin', 'Aksu Golden Cotton Ginning Co', 'CN', 'Xinjiang', 'Aksu Golden; 阿克苏金棉'],
      ['F-us', 'Example Importer Inc', 'US', null, null],
    ]),
    sheet('facilities', [
      ['id', 'name', 'firm', 'country', 'city', 'osId'],
      ['FAC-gin', 'Aksu gin', 'F-gin', 'CN', 'Aksu', 'CN2019303BQ3FZP'],
      ['FAC-us', 'Example DC', 'F-us', 'US', null, null],
    ]),
    sheet('materials', [
      ['id', 'name', 'hsCode', 'raw'],
      ['M-lint', 'Cotton lint', '5201.00', 'yes'],
    ]),
    sheet('flows', [
      ['id', 'from', 'to', 'material', 'quantity', 'unit', 'date'],
      ['FL-1', 'FAC-gin', 'FAC-us', 'M-lint', 20000, 'kg', new Date(Date.UTC(2024, 2, 1))],
    ]),
    sheet('shipments', [
      ['id', 'importer', 'flow', 'entryDate', 'detention.detainedOn'],
      ['S-1', 'F-us', 'FL-1', '2024-04-02', null],
    ]),
  ];
}
