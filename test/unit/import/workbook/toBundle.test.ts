import { sheetsToBundle } from '../../../../src/import/workbook';
import { checkBundle } from '../../../../src/import/validate';
import { SECTION_FIELDS } from '../../../../src/import/workbook/fields';
import { COLUMN_NOTES } from '../../../../src/import/workbook/columnNotes';
import { BUNDLE_SECTIONS } from '../../../../src/model/bundle';
import { errorsOf, goodSheets, sheet } from './sheets';

describe('sheets to bundle v1', () => {
  it('a valid workbook becomes the bundle it describes, with no error', () => {
    const { raw, errors } = sheetsToBundle(goodSheets());
    expect(errors).toEqual([]);
    expect(errorsOf(goodSheets())).toEqual([]);
    expect(raw.firms).toEqual([
      { id: 'F-gin', name: 'Aksu Golden Cotton Ginning Co', country: 'CN', province: 'Xinjiang', aliases: ['Aksu Golden', '阿克苏金棉'] },
      { id: 'F-us', name: 'Example Importer Inc', country: 'US' },
    ]);
    expect(raw.materials).toEqual([{ id: 'M-lint', name: 'Cotton lint', hsCode: '5201.00', raw: true }]);
    expect(raw.flows).toEqual([
      { id: 'FL-1', from: 'FAC-gin', to: 'FAC-us', material: 'M-lint', quantity: 20000, unit: 'kg', date: '2024-03-01' },
    ]);
    expect(raw.facilities?.[0].osId).toBe('CN2019303BQ3FZP');
    expect(checkBundle(raw).bundle).toBeDefined();
  });

  it('headers match with case, spaces, "_" and "-" ignored; sheet names in any case', () => {
    const { raw, errors } = sheetsToBundle([
      sheet('FIRMS', [
        ['ID', 'Name', 'Local name', 'registration_id', 'COUNTRY'],
        ['F-1', 'Hoshine', '合盛硅业', '91650421', 'cn'],
      ]),
      sheet('Shipments', [
        ['id', 'Importer', 'FLOW', 'entry-date', 'Detention.DetainedOn', 'detention.notice_date'],
        ['S-1', 'F-1', 'FL-1', '2024-06-10', '2024-06-14', '2024-06-18'],
      ]),
    ]);
    expect(errors).toEqual([]);
    expect(raw.firms).toEqual([{ id: 'F-1', name: 'Hoshine', localName: '合盛硅业', registrationId: '91650421', country: 'cn' }]);
    expect(raw.shipments).toEqual([
      {
        id: 'S-1',
        importer: 'F-1',
        flow: 'FL-1',
        entryDate: '2024-06-10',
        detention: { detainedOn: '2024-06-14', noticeDate: '2024-06-18' },
      },
    ]);
  });

  it('empty rows are skipped and row numbers are kept for the ones after', () => {
    const sheets = [sheet('firms', [['id', 'name'], null, ['F-1', 'A'], ['', '  '], ['F-1', 'B']])];
    const { raw, sources } = sheetsToBundle(sheets);
    expect(raw.firms).toHaveLength(2);
    expect(sources.firms?.rows).toEqual([3, 5]);
    expect(errorsOf(sheets)).toEqual(['firms!A5 (id): duplicate firm id "F-1" (also row 3)']);
  });

  it("_mapping maps a workbook's own headers to fields, matched the same way", () => {
    const sheets = [
      sheet('_mapping', [
        ['Sheet', 'Column', 'Field'],
        ['flows', 'Ship From Site', 'from'],
        ['Flows', 'ship to site', 'TO'],
        ['flows', 'Qty (kg)', 'quantity'],
        ['firms', 'Supplier', 'name'],
      ]),
      sheet('firms', [
        ['id', 'supplier'],
        ['F-1', 'Acme'],
      ]),
      sheet('flows', [
        ['id', 'Ship From Site', 'Ship To Site', 'material', 'Qty (kg)'],
        ['FL-1', 'FAC-1', 'FAC-2', 'M-1', '12000'],
      ]),
    ];
    const { raw, errors } = sheetsToBundle(sheets);
    expect(errors).toEqual([]);
    expect(raw.firms).toEqual([{ id: 'F-1', name: 'Acme' }]);
    expect(raw.flows).toEqual([{ id: 'FL-1', from: 'FAC-1', to: 'FAC-2', material: 'M-1', quantity: 12000 }]);
  });

  it('README and unrelated sheets are ignored; a workbook without any section sheet is an error', () => {
    const ok = sheetsToBundle([sheet('README', [['anything']]), sheet('Notes 2024', [['x']]), ...goodSheets()]);
    expect(ok.errors).toEqual([]);
    expect(
      errorsOf([
        sheet('Sheet1', [
          ['a', 'b'],
          ['1', '2'],
        ]),
      ]),
    ).toEqual([
      'workbook: no sheet is named after a section of the format (firms, facilities, ownership, materials, flows, documents, shipments); start from the template (GET /templates/workbook.xlsx)',
    ]);
  });

  it('every field of the format is a column with a note for the template', () => {
    for (const s of BUNDLE_SECTIONS) for (const f of SECTION_FIELDS[s]) expect(COLUMN_NOTES[`${s}.${f.name}`]).toBeTruthy();
    expect(SECTION_FIELDS.facilities.map((f) => f.name)).toContain('osId');
    expect(SECTION_FIELDS.shipments.filter((f) => f.kind === 'date').map((f) => f.name)).toEqual([
      'entryDate',
      'detention.detainedOn',
      'detention.noticeDate',
    ]);
  });
});

describe('errors placed in cells, one answer for the whole workbook', () => {
  it('a reference to a missing record, at its cell', () => {
    const sheets = goodSheets();
    sheets[3].rows[1].cells[1] = 'FAC-9';
    expect(errorsOf(sheets)).toEqual(['flows!B2 (from): no facility "FAC-9"']);
  });

  it("unknown columns with a suggestion, or the section's columns", () => {
    const sheets = [
      sheet('flows', [
        ['id', 'from', 'to', 'material', 'Quantitiy', 'Colour'],
        ['FL-1', 'FAC-1', 'FAC-2', 'M-1', '1', 'red'],
      ]),
    ];
    const errors = errorsOf(sheets);
    expect(errors[0]).toBe('flows!E1: unknown column "Quantitiy" (did you mean "quantity"?)');
    expect(errors[1]).toMatch(
      /^flows!F1: unknown column "Colour" \(columns of flows: id, from, to, material, quantity, unit, date, inputs, documents; or map it in _mapping\)$/,
    );
  });

  it('every cell rule, each error at its cell with its field', () => {
    const sheets = [
      sheet('firms', [
        ['id', 'name'],
        ['F-1', 'A'],
      ]),
      sheet('facilities', [
        ['id', 'name', 'firm', 'lat', 'lon'],
        ['FAC-1', 'Mill', 'F-1', '42,86', 'ninety'],
        ['FAC-2', 'DC', 'F-1', 91, null],
      ]),
      sheet('materials', [
        ['id', 'name', 'raw', 'hsCode'],
        ['M-1', 'Yarn', 'maybe', '52O5'],
      ]),
      sheet('flows', [
        ['id', 'from', 'to', 'material', 'quantity', 'date', 'inputs'],
        ['FL-1', 'FAC-1', 'FAC-2', 'M-1', -5, 45352, 'FL-0'],
        ['FL-2', 'FAC-1', 'FAC-2', 'M-1', { error: '#REF!' }, '2024-02-30', null],
        ['FL-3', null, 'FAC-2', 'M-1', null, '1 March 2024', 'FL-1; FL-3'],
      ]),
    ];
    expect(errorsOf(sheets)).toEqual([
      'facilities!D2 (lat): must be a number: a number cell or plain decimal text such as 12000 or 0.6 (found "42,86")',
      'facilities!E2 (lon): must be a number: a number cell or plain decimal text such as 12000 or 0.6 (found "ninety")',
      'facilities!D3 (lat): must be from -90 to 90',
      'materials!C2 (raw): must be true or false (TRUE/FALSE, yes/no or 1/0; found "maybe")',
      'materials!D2 (hsCode): must be digits and dots, e.g. "2804.61"',
      'flows!E2 (quantity): must not be negative',
      'flows!F2 (date): must be a date: a date cell or text YYYY-MM-DD (found the number 45352; format the cell as a date)',
      'flows!G2 (inputs): no flow "FL-0"',
      'flows!E3 (quantity): the cell holds the error #REF!; fix its formula or clear it',
      'flows!F3 (date): must be a real calendar date YYYY-MM-DD',
      'flows!B4 (from): is required, but the cell is empty',
      'flows!F4 (date): must be a real calendar date YYYY-MM-DD',
      'flows!G4 (inputs): flow "FL-3" cannot be made from itself',
    ]);
  });

  it('a missing required column is one error, not one per row', () => {
    const sheets = [
      sheet('flows', [
        ['id', 'to', 'material'],
        ['FL-1', 'FAC-2', 'M-1'],
        ['FL-2', 'FAC-2', 'M-1'],
      ]),
    ];
    expect(errorsOf(sheets, { ...nonePlus() })).toEqual(['flows!D1 (from): missing column "from": every flows row needs it']);
  });

  it('a repeated column, a value under no header, and a header row that is not row 1', () => {
    const sheets = [
      sheet('firms', [
        ['id', 'name', 'Name', null],
        ['F-1', 'A', 'B', null],
        ['F-2', 'C', null, 'stray'],
      ]),
      sheet('materials', [null, ['id', 'name'], ['M-1', 'x']]),
    ];
    expect(errorsOf(sheets)).toEqual([
      'firms!C1 (name): column "Name" names name, as column B does already',
      'firms!D3: a value in a column without a header: name the column in D1, or clear it',
      'materials!A1: row 1 must hold the headers (it is empty)',
    ]);
  });

  it('a sheet named almost like a section is an error, not silently skipped', () => {
    expect(errorsOf([...goodSheets(), sheet('Facilites', [['id'], ['x']])])).toEqual([
      'Facilites: sheet "Facilites" is not read: no section has that name (did you mean "facilities"?)',
    ]);
  });

  it('_mapping errors: unknown sheet, unknown field, a header mapped twice, missing headers', () => {
    expect(
      errorsOf([
        sheet('_mapping', [
          ['sheet', 'column', 'field'],
          ['flowz', 'A', 'from'],
          ['flows', 'Qty', 'quantiti'],
          ['flows', 'Site', 'from'],
          ['flows', 'site', 'to'],
          ['flows', null, 'to'],
        ]),
        ...goodSheets(),
      ]),
    ).toEqual([
      '_mapping!A2 (sheet): no sheet "flowz" in the format (did you mean "flows"?)',
      '_mapping!C3 (field): "quantiti" is not a field of flows (did you mean "quantity"?)',
      '_mapping!C5 (field): column "site" of flows is mapped to from in row 4 already',
      '_mapping!B6: a mapping row needs a sheet, a column and a field (empty: column)',
    ]);
    expect(errorsOf([sheet('_mapping', [['from', 'to']]), ...goodSheets()])).toEqual([
      '_mapping!A1: the mapping sheet needs the headers sheet, column and field in row 1 (missing: sheet, column, field)',
    ]);
  });

  it('errors come in sheet, row and column order, duplicates named by row', () => {
    const sheets = goodSheets();
    sheets[0].rows.push({ number: 4, cells: ['F-gin', 'Again'] });
    sheets[3].rows[1].cells[2] = 'FAC-x';
    sheets[3].rows[1].cells[3] = 'M-x';
    expect(errorsOf(sheets)).toEqual([
      'firms!A4 (id): duplicate firm id "F-gin" (also row 2)',
      'flows!C2 (to): no facility "FAC-x"',
      'flows!D2 (material): no material "M-x"',
    ]);
  });

  it('a record stored already resolves a reference', () => {
    const sheets = goodSheets().filter((s) => s.name === 'flows');
    const stored = nonePlus();
    expect(errorsOf(sheets, stored)).toEqual([]);
  });
});

function nonePlus() {
  return {
    firm: new Set<string>(),
    facility: new Set(['FAC-gin', 'FAC-us', 'FAC-2']),
    material: new Map([
      ['M-lint', { raw: true }],
      ['M-1', { raw: false }],
    ]),
    document: new Set<string>(),
    flow: new Map<string, string>(),
  };
}
