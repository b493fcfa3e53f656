// Writing workbooks: the template (every sheet with its headers, a note on each header,
// drop-down lists where a field has fixed values, a README sheet) and the same workbook
// filled from a bundle (the demo seed as an example; benchmarks). Written with exceljs's
// streaming writer, so a workbook of 100,000 flows does not sit in memory as cell objects.
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { BUNDLE_SECTIONS, DOCUMENT_TYPES, type BundleSection } from '../../model/bundle';
import { COLUMN_NOTES } from './columnNotes';
import { SECTION_FIELDS, type FieldSpec } from './fields';
import { columnLetters } from './place';

/** Rows that get the drop-down lists (a sheet rarely grows past this by hand). */
const VALIDATED_ROWS = 100_000;
/** Fields with fixed values: a drop-down list in the template. */
const CHOICES: Record<string, readonly string[]> = {
  'documents.type': DOCUMENT_TYPES,
  'materials.raw': ['TRUE', 'FALSE'],
};

const README_LINES = [
  'Supplier-map workbook for uflpa-trace (shared/product/workbook-format.md).',
  'One sheet per section; row 1 holds the headers, each later row is one record. Empty rows are skipped; an empty cell means the field is absent.',
  'Headers match a field with case, spaces, "_" and "-" ignored. Your own headers can be mapped in a "_mapping" sheet with the columns sheet, column, field.',
  'Lists (aliases, inputs, documents) hold several ids separated by ";". Dates: a date cell or text YYYY-MM-DD. Numbers: a number cell or plain text such as 12000 or 0.6.',
  'Ids and codes are text: keep the id and code columns formatted as text so 5201.00 and leading zeros stay.',
  'shipments: countryOfOrigin (the origin declared on the entry, ISO code) and preferenceProgram (USMCA, CAFTA-DR...) are optional; the trace checks them against the origin the supply chain shows.',
  'An import is all or nothing: every error is listed with its cell (flows!C12) and nothing is written until none is left.',
  '',
];

type Row = (string | number | boolean | Date | null)[];

/** A bundle record's value as a cell: dates as date cells, lists joined with "; ". */
function cellOf(field: FieldSpec, record: Record<string, unknown>): string | number | boolean | Date | null {
  let v: unknown = record;
  for (const key of field.path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  if (v === undefined || v === null) return null;
  if (field.kind === 'list' && Array.isArray(v)) return v.join('; ');
  if (field.kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  return v as string | number | boolean;
}

function addReadme(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = wb.addWorksheet('README');
  ws.columns = [
    { header: 'sheet', key: 'sheet', width: 14 },
    { header: 'column', key: 'column', width: 24 },
    { header: 'required', key: 'required', width: 10 },
    { header: 'what it holds', key: 'note', width: 120 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const line of README_LINES) ws.addRow(['', '', '', line]).commit();
  for (const section of BUNDLE_SECTIONS)
    for (const f of SECTION_FIELDS[section])
      ws.addRow([section, f.name, f.required ? 'yes' : '', COLUMN_NOTES[`${section}.${f.name}`] ?? '']).commit();
  ws.commit();
}

function addSection(wb: ExcelJS.stream.xlsx.WorkbookWriter, section: BundleSection, records: Record<string, unknown>[]): void {
  const fields = SECTION_FIELDS[section];
  const ws = wb.addWorksheet(section, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = fields.map((f) => ({
    header: f.name,
    key: f.name,
    width: Math.max(12, f.name.length + 4),
    // ids and codes as text, so a spreadsheet program keeps 5201.00 and leading zeros
    style: f.kind === 'text' || f.kind === 'list' ? { numFmt: '@' } : f.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  fields.forEach((f, i) => {
    const note = COLUMN_NOTES[`${section}.${f.name}`];
    if (note) header.getCell(i + 1).note = `${f.required ? 'Required. ' : ''}${note}`;
    const choices = CHOICES[`${section}.${f.name}`];
    if (choices) {
      const col = columnLetters(i + 1);
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${col}2:${col}${VALIDATED_ROWS}`,
        {
          type: 'list',
          allowBlank: true,
          formulae: [`"${choices.join(',')}"`],
          showErrorMessage: true,
          errorTitle: f.name,
          error: `One of: ${choices.join(', ')}`,
        },
      );
    }
  });
  header.commit();
  for (const r of records) ws.addRow(fields.map((f) => cellOf(f, r)) as Row).commit();
  ws.commit();
}

/**
 * Writes the workbook to `out`: the README sheet, then every section's sheet with its
 * headers, filled with the bundle's records when one is given.
 */
export async function writeWorkbook(out: Writable, bundle: Partial<Record<BundleSection, unknown[]>> = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'uflpa-trace';
  addReadme(wb);
  for (const section of BUNDLE_SECTIONS) addSection(wb, section, (bundle[section] ?? []) as Record<string, unknown>[]);
  await wb.commit();
}

/** The workbook as bytes (the template, or a small bundle's workbook). */
export async function workbookBytes(bundle?: Partial<Record<BundleSection, unknown[]>>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeWorkbook(sink, bundle);
  await done;
  return Buffer.concat(chunks);
}
