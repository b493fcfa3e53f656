// CSV files (RFC 4180: quoted commas, quotes and line breaks; UTF-8 with or without a BOM),
// read with csv-parse. A file is one sheet named after it; a record's row number is the line
// it starts on, so `flows!C12` is line 12 of flows.csv.
import { parse } from 'csv-parse/sync';
import type { PlacedError, Sheet, SheetRow } from './sheet';
import { countRow, type ReadLimits } from './limits';

/** The sheet a CSV file stands for: its base name without `.csv` (`flows` for `data/Flows.csv`). */
export const sheetNameOfCsv = (fileName: string) =>
  fileName
    .split(/[\\/]/)
    .pop()!
    .replace(/\.csv$/i, '');

interface ParsedRecord {
  record: string[];
  /** the record's text as written, with its line break (of a CRLF, csv-parse keeps the CR) */
  raw: string;
}

/** Line breaks inside a record's text, less the one that ends it (CRLF counts once; csv-parse counts it twice inside quotes). */
const breaksIn = (raw: string) => raw.replace(/(?:\r\n|\r|\n)$/, '').match(/\r\n|\r|\n/g)?.length ?? 0;

/** One CSV file as a sheet, or the error that stops it being read (not UTF-8, a quote never closed). */
export function readCsv(
  fileName: string,
  bytes: Uint8Array,
  limits: ReadLimits = {},
  count = { rows: 0 },
): { sheet?: Sheet; error?: PlacedError } {
  const name = sheetNameOfCsv(fileName);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: { place: name, message: `${fileName} is not UTF-8 text; save it as "CSV UTF-8"` } };
  }
  let records: ParsedRecord[];
  try {
    records = parse(text, { bom: true, raw: true, relax_column_count: true, skip_empty_lines: false }) as unknown as ParsedRecord[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { error: { place: line ? `${name}!A${line}` : name, message: `${fileName} is not valid CSV: ${(e as Error).message}` } };
  }
  const rows: SheetRow[] = [];
  let line = 1;
  for (const { record, raw } of records) {
    rows.push({ number: line, cells: record });
    line += breaksIn(raw) + 1;
    countRow(count, limits);
  }
  return { sheet: { name, rows } };
}
