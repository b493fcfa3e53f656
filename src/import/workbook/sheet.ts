// A sheet as every reader hands it over (.xlsx worksheet, CSV file): its name and its
// non-empty rows with their spreadsheet row numbers, cells from column A on. And the error
// of a workbook, placed in a cell.
import type { BundleSection } from '../../model/bundle';
import type { CellValue } from './cells';

export interface SheetRow {
  /** the row's number as the spreadsheet shows it (for CSV, the line the record starts on) */
  number: number;
  /** cells[0] is column A */
  cells: CellValue[];
}

export interface Sheet {
  /** the worksheet's name, or the CSV file's base name (`flows` for `flows.csv`) */
  name: string;
  rows: SheetRow[];
  /** the section a lone CSV file stands for when its name does not say (told by its headers: loneCsv.ts) */
  section?: BundleSection;
}

/** One error of a workbook: `flows!C12`, the field (`from`), what is wrong. */
export interface PlacedError {
  /** `sheet!CELL` (`flows!C12`), `sheet` alone for the whole sheet, or a bundle path for a JSON bundle */
  place: string;
  field?: string;
  message: string;
}

/** `flows!C12 (from): no facility "FAC-9"` */
export const describePlaced = (e: PlacedError) => `${e.place}${e.field ? ` (${e.field})` : ''}: ${e.message}`;

/** A workbook refused before it could be read (not a workbook, too large): the whole answer is this one error. */
export class WorkbookReadError extends Error {
  constructor(
    message: string,
    /** true when a size limit refused it (HTTP 413), false for a file that is not what it claims (400) */
    readonly tooLarge = false,
  ) {
    super(message);
  }
}
