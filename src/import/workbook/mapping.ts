// The optional `_mapping` sheet: a workbook's own headers mapped to fields, one row each
// (`flows | Ship From Site | from`), so an ERP export or a supplier's form imports as it is.
import { BUNDLE_SECTIONS, type BundleSection } from '../../model/bundle';
import { nearestName } from '../../model/text/suggest';
import { textCell } from './cells';
import { fieldOfHeader, SECTION_FIELDS, sectionOfSheet, squash, type FieldSpec } from './fields';
import { columnLetters } from './place';
import type { PlacedError, Sheet } from './sheet';

export const MAPPING_SHEET = '_mapping';
const MAPPING_COLUMNS = ['sheet', 'column', 'field'] as const;

/** Per section: a header (as matching compares it) -> the field it stands for. */
export type Mappings = Map<BundleSection, Map<string, FieldSpec>>;

const didYouMean = (given: string, known: readonly string[]) => {
  const guess = nearestName(given, known);
  return guess ? ` (did you mean "${guess}"?)` : ` (one of: ${known.join(', ')})`;
};

export function readMapping(sheet: Sheet, errors: PlacedError[]): Mappings {
  const out: Mappings = new Map();
  const [header, ...rows] = sheet.rows;
  const where = new Map<string, number>();
  header?.cells.forEach((c, i) => {
    const t = textCell(c);
    if ('value' in t && t.value !== undefined) where.set(squash(t.value), i);
  });
  const missing = MAPPING_COLUMNS.filter((c) => !where.has(c));
  if (!header || header.number !== 1 || missing.length) {
    errors.push({
      place: `${sheet.name}!A1`,
      message: `the mapping sheet needs the headers sheet, column and field in row 1 (missing: ${(missing.length ? missing : MAPPING_COLUMNS).join(', ')})`,
    });
    return out;
  }
  const seen = new Map<string, { field: FieldSpec; row: number }>();
  for (const row of rows) {
    const cell = (name: (typeof MAPPING_COLUMNS)[number]) => {
      const i = where.get(name)!;
      const t = textCell(row.cells[i]);
      return { place: `${sheet.name}!${columnLetters(i + 1)}${row.number}`, text: 'value' in t ? t.value : undefined };
    };
    const [s, c, f] = MAPPING_COLUMNS.map(cell);
    if (!s.text && !c.text && !f.text) continue;
    const empty = [s, c, f].map((x, i) => (x.text ? null : MAPPING_COLUMNS[i])).filter(Boolean);
    if (empty.length) {
      errors.push({
        place: [s, c, f].find((x) => !x.text)!.place,
        message: `a mapping row needs a sheet, a column and a field (empty: ${empty.join(', ')})`,
      });
      continue;
    }
    const section = sectionOfSheet(s.text!);
    if (!section) {
      errors.push({ place: s.place, field: 'sheet', message: `no sheet "${s.text}" in the format${didYouMean(s.text!, BUNDLE_SECTIONS)}` });
      continue;
    }
    const field = fieldOfHeader(section, f.text!);
    if (!field) {
      const known = SECTION_FIELDS[section].map((x) => x.name);
      errors.push({ place: f.place, field: 'field', message: `"${f.text}" is not a field of ${section}${didYouMean(f.text!, known)}` });
      continue;
    }
    const key = `${section}\u0000${squash(c.text!)}`;
    const before = seen.get(key);
    if (before && before.field !== field) {
      errors.push({
        place: f.place,
        field: 'field',
        message: `column "${c.text}" of ${section} is mapped to ${before.field.name} in row ${before.row} already`,
      });
      continue;
    }
    seen.set(key, { field, row: row.number });
    if (!out.has(section)) out.set(section, new Map());
    out.get(section)!.set(squash(c.text!), field);
  }
  return out;
}
