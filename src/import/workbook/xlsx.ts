// .xlsx workbooks, read with exceljs's streaming reader (sheet by sheet, row by row) into
// plain sheets. Each cell keeps its type: text, number (with what its number format shows,
// for ids and codes), boolean, date, or the formula error it shows.
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from './cells';
import { WorkbookReadError, type Sheet, type SheetRow } from './sheet';
import type { ReadLimits } from './limits';
import { countRow } from './limits';

/** A number format that only pads and fixes decimals (`0.00`, `00000`): the text it shows, for ids and codes. */
const PADDED = /^(0+)(?:\.(0+))?$/;

function formatted(n: number, numFmt: string | undefined): CellValue {
  const m = numFmt ? PADDED.exec(numFmt) : null;
  if (!m) return n;
  const fixed = Math.abs(n).toFixed(m[2]?.length ?? 0);
  const [int, dec] = fixed.split('.');
  const shown = `${n < 0 ? '-' : ''}${int.padStart(m[1].length, '0')}${dec === undefined ? '' : `.${dec}`}`;
  return shown === String(n) ? n : { number: n, shown };
}

type ExcelValue = ExcelJS.CellValue | undefined;

/** An exceljs cell value as a plain cell: rich text and hyperlinks as their text, formulas as their result. */
export function plainCell(v: ExcelValue, numFmt?: string): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'number') return formatted(v, numFmt);
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: ExcelValue }).result;
    // a file written by a program that does not calculate: reading it as empty would drop the value unseen
    if (result === undefined)
      return {
        error: 'formula',
        message: 'a formula whose value was not saved in the file: open and save it in a spreadsheet program, or paste the values',
      };
    return plainCell(result as ExcelValue, numFmt);
  }
  if ('hyperlink' in v) return plainCell((v as { text?: ExcelValue }).text as ExcelValue, numFmt);
  return null;
}

interface StreamRow {
  number: number;
  values: ExcelValue[];
  getCell(col: number): { numFmt?: string };
}
interface StreamSheet extends AsyncIterable<StreamRow> {
  name: string;
}

/** A row's cells as plain cells (exceljs's values are 1-based and sparse). */
function cellsOf(row: StreamRow): CellValue[] {
  const values = row.values;
  const cells: CellValue[] = new Array(Math.max(0, values.length - 1)).fill(null);
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) cells[i - 1] = plainCell(v, typeof v === 'number' ? row.getCell(i).numFmt : undefined);
  }
  return cells;
}

// exceljs's streaming reader can reach a worksheet before the workbook part it needs (exceljs issue
// 3064: "Cannot read properties of undefined (reading 'sheets')"), intermittently, for files whose
// workbook part is stored last, as exceljs itself writes them. A valid workbook must not fail so.
const STREAM_RACE = /reading 'sheets'/;

/**
 * The workbook's sheets. `open` gives the file's bytes as a stream, as often as asked: read as a
 * stream first, and read whole (exceljs's non-streaming reader) where the streaming reader hits its race.
 */
export async function readXlsx(open: () => Readable, limits: ReadLimits = {}): Promise<Sheet[]> {
  try {
    return await readXlsxStreaming(open(), limits);
  } catch (e) {
    if (!(e instanceof WorkbookReadError) || !STREAM_RACE.test(e.message)) throw e;
    return readXlsxWhole(open(), limits);
  }
}

/** The sheets read whole: every part first, then the rows (no race; the workbook is held in memory). */
export async function readXlsxWhole(input: Readable, limits: ReadLimits = {}): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.read(input);
  } catch (e) {
    throw new WorkbookReadError(`not a readable .xlsx workbook: ${(e as Error).message}`);
  }
  const sheets: Sheet[] = [];
  const count = { rows: 0 };
  for (const ws of workbook.worksheets) {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      rows.push({ number: row.number, cells: cellsOf(row as unknown as StreamRow) });
      countRow(count, limits);
    });
    sheets.push({ name: ws.name, rows });
  }
  if (!sheets.length) throw new WorkbookReadError('not a readable .xlsx workbook: it has no worksheet');
  return sheets;
}

/** The sheets read as a stream, sheet by sheet and row by row. */
export async function readXlsxStreaming(input: Readable, limits: ReadLimits = {}): Promise<Sheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // date cells and number formats
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: Sheet[] = [];
  const count = { rows: 0 };
  try {
    for await (const ws of reader as unknown as AsyncIterable<StreamSheet>) {
      const rows: SheetRow[] = [];
      for await (const row of ws) {
        rows.push({ number: row.number, cells: cellsOf(row) });
        countRow(count, limits);
      }
      sheets.push({ name: ws.name, rows });
    }
    if (!sheets.length) throw new WorkbookReadError('not a readable .xlsx workbook: it has no worksheet');
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError(`not a readable .xlsx workbook: ${(e as Error).message}`);
  }
  return sheets;
}
