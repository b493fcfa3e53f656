// One CSV file sent alone (`npm run import -- flows.csv`, POST /imports as text/csv). The format
// names a CSV file after its section (workbook-format.md, "Sheets"), so `flows.csv` is the
// flows sheet. A lone file named otherwise (`suppliers.csv`, `export-2026.csv`) is told by its
// header row: the one section whose columns its headers name. When no section, or more than
// one, fits, it is refused with what to send instead; guessing would write rows into the
// wrong section.
import { BUNDLE_SECTIONS, type BundleSection } from '../../model/bundle';
import { textCell } from './cells';
import { readCsv } from './csv';
import type { WorkbookContent } from './content';
import { fieldOfHeader, SECTION_FIELDS, sectionOfSheet } from './fields';
import type { ReadLimits } from './limits';
import { WorkbookReadError, type Sheet } from './sheet';

const NAMES = BUNDLE_SECTIONS.map((s) => `${s}.csv`).join(', ');

/** How well a header row fits a section: headers it names, headers it does not, required columns missing. */
function fit(headers: string[], section: BundleSection) {
  const named = headers.filter((h) => fieldOfHeader(section, h)).length;
  const missing = SECTION_FIELDS[section].filter((f) => f.required && !headers.some((h) => fieldOfHeader(section, h) === f)).length;
  return { named, unknown: headers.length - named, missing };
}

/** The section a lone CSV file's headers name, or the error saying what to send instead. */
export function sectionOfHeaders(fileName: string, headers: string[]): BundleSection {
  const fits = BUNDLE_SECTIONS.map((section) => ({ section, ...fit(headers, section) }));
  const whole = fits.filter((f) => f.named > 0 && f.unknown === 0 && f.missing === 0);
  if (whole.length === 1) return whole[0].section;
  const shown = headers.slice(0, 8).join(', ') + (headers.length > 8 ? ', ...' : '');
  if (whole.length > 1) {
    const names = whole.map((f) => `${f.section}.csv`).join(' or ');
    throw new WorkbookReadError(
      `${fileName}: its headers (${shown}) fit ${whole.map((f) => f.section).join(' and ')}; name the file after its section (${names}), or send the CSV files together in a ZIP`,
    );
  }
  // the one section most of whose headers match: its own errors then name the odd columns
  const best = Math.max(...fits.map((f) => f.named));
  const leaders = fits.filter((f) => f.named === best);
  if (best > 0 && leaders.length === 1 && best * 2 >= headers.length) return leaders[0].section;
  throw new WorkbookReadError(
    `${fileName}: a CSV file on its own is one section, named after it (${NAMES}), and its headers (${shown || 'none'}) do not tell which section it is; rename the file, or send a workbook (.xlsx) or a ZIP of CSV files`,
  );
}

/**
 * A lone CSV file as a workbook of one sheet: the section its name says, or its headers.
 * Without a file name (an upload that gives none) the sheet takes its section's name, so
 * errors read `flows!C12`.
 */
export function readLoneCsv(fileName: string | undefined, bytes: Uint8Array, limits: ReadLimits = {}): WorkbookContent {
  const { sheet, error } = readCsv(fileName ?? 'the CSV file', bytes, limits);
  if (!sheet) return { sheets: [], errors: error ? [error] : [] };
  if (sectionOfSheet(sheet.name)) return { sheets: [sheet], errors: [] };
  const header = sheet.rows[0]?.number === 1 ? sheet.rows[0] : undefined;
  const headers = (header?.cells ?? [])
    .map((c) => textCell(c))
    .map((t) => ('value' in t ? t.value : undefined))
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
  const section = sectionOfHeaders(fileName ?? 'the CSV file', headers);
  const named: Sheet = { ...sheet, name: fileName ? sheet.name : section, section };
  return { sheets: [named], errors: [] };
}
