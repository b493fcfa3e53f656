// The cell rules of the workbook format (shared/product/workbook-format.md, "Rows and
// columns"): how one spreadsheet or CSV cell becomes one bundle field. Pure functions over a
// plain cell value, so an .xlsx cell and the same text in a CSV file follow the same rules.

/** A cell as the readers hand it over: CSV cells are always text; .xlsx cells keep their type. */
export type CellValue = null | string | number | boolean | Date | CellErrorValue | FormattedNumber;
/** A formula error shown in the cell (`#N/A`, `#REF!`). */
export interface CellErrorValue {
  error: string;
  /** what to say instead of "the cell holds the error ..." */
  message?: string;
}
/** A number cell whose number format shows it otherwise (`5201.00` for 5201 with format `0.00`, `00123` for 123). */
export interface FormattedNumber {
  number: number;
  shown: string;
}

/** A field's value from one cell: absent (empty cell), a value, or what is wrong with the cell. */
export type CellResult<T> = { value: T | undefined } | { problem: string };

const isErrorValue = (c: CellValue): c is CellErrorValue => typeof c === 'object' && c !== null && 'error' in c;
const isFormatted = (c: CellValue): c is FormattedNumber => typeof c === 'object' && c !== null && 'shown' in c;

// Only the spaces a spreadsheet hides at a cell's ends go: an invisible character (a
// zero-width space, a BOM) is evidence the trace reports, so it stays.
const EDGE_SPACE = /^[ \t\r\n\u00a0]+|[ \t\r\n\u00a0]+$/g;
const EDGE = new Set([0x20, 0x09, 0x0d, 0x0a, 0xa0]);
/** The cell's text less the spaces at its ends (most cells have none: they are returned as they are). */
export const trimCell = (s: string) =>
  s.length && !EDGE.has(s.charCodeAt(0)) && !EDGE.has(s.charCodeAt(s.length - 1)) ? s : s.replace(EDGE_SPACE, '');

/** True for a cell that holds nothing (or only spaces): the field is absent. */
export function isEmptyCell(c: CellValue | undefined): boolean {
  if (c === null || c === undefined) return true;
  return typeof c === 'string' && trimCell(c) === '';
}

/** A date cell's calendar day (the readers give date cells as UTC midnight of that day). */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** How a cell reads as text: what the field gets when it is an id, code, name or date. */
function shownText(c: Exclude<CellValue, null | CellErrorValue>): string {
  // a line break inside a cell is one, however the file ends its lines (CRLF in a CSV from Windows)
  if (typeof c === 'string') {
    const t = trimCell(c);
    return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
  }
  if (typeof c === 'number') return String(c);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  if (c instanceof Date) return isoDay(c);
  return c.shown;
}

const errorProblem = (c: CellErrorValue) => c.message ?? `the cell holds the error ${c.error}; fix its formula or clear it`;

/**
 * Text fields (ids, codes, names, dates): text as written, a number as the cell shows it
 * (ids and codes stay text, so `5201.00` and a leading zero survive where the cell is text or
 * formatted so), a date cell as `YYYY-MM-DD`.
 */
export function textCell(c: CellValue | undefined): CellResult<string> {
  if (c === undefined || isEmptyCell(c)) return { value: undefined };
  if (isErrorValue(c!)) return { problem: errorProblem(c) };
  return { value: shownText(c as Exclude<CellValue, null | CellErrorValue>) };
}

/** Plain decimal notation, as the format allows numbers written as text: `12000`, `0.6`, `-12.5`. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

const found = (c: Exclude<CellValue, null>) =>
  typeof c === 'string' ? `"${c.length > 40 ? `${c.slice(0, 40)}…` : c}"` : c instanceof Date ? `the date ${isoDay(c)}` : String(c);

/** Number fields: a number cell, or text in plain decimal notation. */
export function numberCell(c: CellValue | undefined): CellResult<number> {
  if (c === undefined || isEmptyCell(c)) return { value: undefined };
  if (isErrorValue(c!)) return { problem: errorProblem(c) };
  if (typeof c === 'number') return { value: c };
  if (isFormatted(c!)) return { value: c.number };
  if (typeof c === 'string' && DECIMAL.test(trimCell(c))) return { value: Number(trimCell(c)) };
  return { problem: `must be a number: a number cell or plain decimal text such as 12000 or 0.6 (found ${found(c!)})` };
}

const TRUE_TEXT = new Set(['true', 'yes', '1']);
const FALSE_TEXT = new Set(['false', 'no', '0']);

/** Boolean fields: TRUE/FALSE cells, or true, false, yes, no, 1, 0 as text (any case). */
export function booleanCell(c: CellValue | undefined): CellResult<boolean> {
  if (c === undefined || isEmptyCell(c)) return { value: undefined };
  if (isErrorValue(c!)) return { problem: errorProblem(c) };
  if (typeof c === 'boolean') return { value: c };
  const text = typeof c === 'number' ? String(c) : typeof c === 'string' ? trimCell(c).toLowerCase() : undefined;
  if (text !== undefined && TRUE_TEXT.has(text)) return { value: true };
  if (text !== undefined && FALSE_TEXT.has(text)) return { value: false };
  return { problem: `must be true or false (TRUE/FALSE, yes/no or 1/0; found ${found(c!)})` };
}

/** Date fields: a date cell, or text `YYYY-MM-DD` (checked by the bundle's own rule). A bare number is a date cell that lost its format. */
export function dateCell(c: CellValue | undefined): CellResult<string> {
  if (typeof c === 'number' || (c !== null && c !== undefined && isFormatted(c)))
    return { problem: `must be a date: a date cell or text YYYY-MM-DD (found the number ${found(c)}; format the cell as a date)` };
  return textCell(c);
}

/** List fields: values separated by `;`, spaces around each trimmed, empty ones left out. */
export function listCell(c: CellValue | undefined): CellResult<string[]> {
  const t = textCell(c);
  if ('problem' in t || t.value === undefined) return t as CellResult<never>;
  const items = t.value
    .split(';')
    .map(trimCell)
    .filter((s) => s !== '');
  return { value: items.length ? items : undefined };
}
