// What reading a workbook, a folder or a ZIP of CSV files gives: its sheets, and the errors
// of files that could not be read (one bad CSV file does not hide the others' errors).
import type { PlacedError, Sheet } from './sheet';

export interface WorkbookContent {
  sheets: Sheet[];
  errors: PlacedError[];
}
