// Public surface of the workbook import (shared/product/workbook-format.md): spreadsheets
// and CSV files in, the same bundle v1, validation and all-or-nothing write as importBundle,
// every error placed in its cell. And the template workbook out.
export type { CellValue } from './cells';
export type { WorkbookContent } from './content';
export type { PlacedError, Sheet, SheetRow } from './sheet';
export { describePlaced, WorkbookReadError } from './sheet';
export type { ReadLimits } from './limits';
export { sheetsToBundle } from './toBundle';
export { checkWorkbook, validatedOrThrow, WorkbookValidationError, type WorkbookCheck } from './check';
export { bundleErrorsAsPlaced } from './placeErrors';
export { importWorkbook } from './importWorkbook';
export { CONTENT_TYPES, detectFormat, readWorkbookBytes, readWorkbookPath, type UploadFormat } from './sources';
export { writeWorkbook, workbookBytes } from './template';
