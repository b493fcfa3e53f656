// What a reader may take in before it refuses a workbook: rows (records) and unpacked bytes.
import { WorkbookReadError } from './sheet';

export interface ReadLimits {
  /** rows of all sheets together (MAX_BUNDLE_RECORDS over HTTP; none on the command line) */
  maxRows?: number;
  /** bytes a ZIP of CSV files may unpack to */
  maxUnpackedBytes?: number;
  /** called every 10,000 rows read, with the rows so far */
  onRows?: (rows: number) => void;
}

export function countRow(count: { rows: number }, limits: ReadLimits): void {
  count.rows += 1;
  if (limits.maxRows !== undefined && count.rows > limits.maxRows) {
    throw new WorkbookReadError(
      `the workbook has more than ${limits.maxRows} rows, over the limit (MAX_BUNDLE_RECORDS); split it into several imports`,
      true,
    );
  }
  if (count.rows % 10_000 === 0) limits.onRows?.(count.rows);
}
