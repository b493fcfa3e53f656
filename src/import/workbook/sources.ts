// Where a workbook comes from: a path (an .xlsx, a .zip of CSV files, a folder of them, one
// .csv) or the bytes of an upload, whose kind is told by its first bytes (the content type,
// or the file name the upload gives, only where the bytes cannot tell: a lone CSV file).
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { WorkbookContent } from './content';
import { readCsv } from './csv';
import { readLoneCsv } from './loneCsv';
import { readXlsx } from './xlsx';
import { readZipOfCsv, zipEntryNames } from './zip';
import { WorkbookReadError } from './sheet';
import type { ReadLimits } from './limits';

export type UploadFormat = 'xlsx' | 'zip' | 'json' | 'csv';

export const CONTENT_TYPES: Record<UploadFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  json: 'application/json',
  csv: 'text/csv',
};

/** Content types a CSV file is sent with (RFC 7111's text/csv; what spreadsheet programs and browsers also say). */
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel']);

const isZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
const XLSX_PART = 'xl/workbook.xml';

/**
 * An upload's kind: a ZIP holding `xl/workbook.xml` is a workbook, another ZIP holds CSV files,
 * `{` starts a bundle; other text is one CSV file when its content type or file name says so.
 */
export function detectFormat(bytes: Uint8Array, contentType = '', fileName = ''): UploadFormat {
  if (isZip(bytes)) return zipEntryNames(bytes).includes(XLSX_PART) ? 'xlsx' : 'zip';
  const text = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\ufeff/, '')
    .trimStart();
  const declared = contentType.split(';')[0].trim().toLowerCase();
  if (CSV_TYPES.has(declared) || /\.csv$/i.test(fileName)) return 'csv';
  if (text.startsWith('{') || /json/i.test(contentType)) return 'json';
  const hint =
    declared === CONTENT_TYPES.xlsx || declared === CONTENT_TYPES.zip
      ? ` (the content type says ${declared}, but the body is no ZIP file)`
      : '';
  throw new WorkbookReadError(
    `send an .xlsx workbook, a ZIP of CSV files, one CSV file (content type text/csv, named after its section: ?filename=flows.csv) or a JSON bundle${hint}`,
  );
}

/** An uploaded workbook, ZIP of CSV files or lone CSV file (`fileName`, when the upload gives one, names its section). */
export async function readWorkbookBytes(
  bytes: Uint8Array,
  format: 'xlsx' | 'zip' | 'csv',
  limits: ReadLimits = {},
  fileName?: string,
): Promise<WorkbookContent> {
  if (format === 'zip') return readZipOfCsv(bytes, limits);
  if (format === 'csv') return readLoneCsv(fileName, bytes, limits);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { sheets: await readXlsx(() => Readable.from([buffer]), limits), errors: [] };
}

/** A workbook on disk: `suppliers.xlsx`, `suppliers.zip`, a folder of CSV files, or one `flows.csv`. */
export async function readWorkbookPath(path: string, limits: ReadLimits = {}): Promise<WorkbookContent> {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new WorkbookReadError(`no such file or folder: ${path}`);
  if (st.isDirectory()) {
    const files = readdirSync(path).filter((f) => /\.csv$/i.test(f) && !f.startsWith('.'));
    if (!files.length) throw new WorkbookReadError(`${path} holds no CSV file (name each after its section: flows.csv, firms.csv, ...)`);
    const content: WorkbookContent = { sheets: [], errors: [] };
    const count = { rows: 0 };
    for (const f of files.sort()) {
      const { sheet, error } = readCsv(f, readFileSync(join(path, f)), limits, count);
      if (sheet) content.sheets.push(sheet);
      if (error) content.errors.push(error);
    }
    return content;
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return readLoneCsv(path, readFileSync(path), limits);
  if (ext === '.zip') return readZipOfCsv(readFileSync(path), limits);
  if (ext === '.xlsx' || ext === '.xlsm') return { sheets: await readXlsx(() => createReadStream(path), limits), errors: [] };
  throw new WorkbookReadError(`${path}: name an .xlsx workbook, a .zip of CSV files, a folder of CSV files or a .csv file`);
}
