// A ZIP of CSV files (one per section), unpacked with fflate. Folders inside it are ignored
// (a file's base name names its sheet); so are files that are not CSV and the hidden files
// archivers add (`__MACOSX/`, `._flows.csv`). The declared sizes are checked before anything
// is unpacked, so a small archive that unpacks to gigabytes is refused first.
import { unzipSync } from 'fflate';
import { readCsv, sheetNameOfCsv } from './csv';
import type { WorkbookContent } from './content';
import { WorkbookReadError } from './sheet';
import type { ReadLimits } from './limits';

const wanted = (name: string) => /\.csv$/i.test(name) && !/(^|\/)(__MACOSX\/|\.)/.test(name);

/** Names of the files in a ZIP, unpacking nothing (a workbook is a ZIP too: this tells them apart). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch (e) {
    throw new WorkbookReadError(`not a readable ZIP file: ${(e as Error).message}`);
  }
  return names;
}

export function readZipOfCsv(bytes: Uint8Array, limits: ReadLimits = {}): WorkbookContent {
  let declared = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        declared += f.originalSize;
        if (limits.maxUnpackedBytes !== undefined && declared > limits.maxUnpackedBytes) {
          throw new WorkbookReadError(`the ZIP unpacks to more than ${limits.maxUnpackedBytes} bytes, over the limit; split it`, true);
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError(`not a readable ZIP file: ${(e as Error).message}`);
  }
  const content: WorkbookContent = { sheets: [], errors: [] };
  const bySheet = new Map<string, string>();
  const count = { rows: 0 };
  for (const path of Object.keys(files).sort()) {
    const name = sheetNameOfCsv(path).toLowerCase();
    const before = bySheet.get(name);
    if (before) {
      content.errors.push({ place: sheetNameOfCsv(path), message: `${path} and ${before} are both the ${name} sheet; keep one` });
      continue;
    }
    bySheet.set(name, path);
    const { sheet, error } = readCsv(path, files[path], limits, count);
    if (sheet) content.sheets.push(sheet);
    if (error) content.errors.push(error);
  }
  if (!bySheet.size) throw new WorkbookReadError('the ZIP holds no CSV file (name each file after its section: flows.csv, firms.csv, ...)');
  return content;
}
