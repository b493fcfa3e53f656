// The shipment's origin fields (origin-checks.md) as workbook columns: read like any other
// column, and a country that is no ISO code is an error at its cell naming the field.
import { sheetsToBundle } from '../../../../src/import/workbook';
import { checkBundle } from '../../../../src/import/validate';
import { errorsOf, goodSheets, sheet } from './sheets';

const withShipments = (rows: (string | null)[][]) =>
  goodSheets().map((s) =>
    s.name === 'shipments' ? sheet('shipments', [['id', 'importer', 'flow', 'Country of Origin', 'preference_program'], ...rows]) : s,
  );

describe('shipment origin columns', () => {
  it('countryOfOrigin and preferenceProgram become the bundle fields, the country upper-cased by validation', () => {
    const sheets = withShipments([['S-1', 'F-us', 'FL-1', 'vn', 'CAFTA-DR']]);
    const { raw, errors } = sheetsToBundle(sheets);
    expect(errors).toEqual([]);
    expect(raw.shipments).toEqual([{ id: 'S-1', importer: 'F-us', flow: 'FL-1', countryOfOrigin: 'vn', preferenceProgram: 'CAFTA-DR' }]);
    expect(checkBundle(raw).bundle?.shipments[0]).toMatchObject({ countryOfOrigin: 'VN', preferenceProgram: 'CAFTA-DR' });
    expect(errorsOf(sheets)).toEqual([]);
  });

  it('both are optional: empty cells leave them absent', () => {
    const { raw } = sheetsToBundle(withShipments([['S-1', 'F-us', 'FL-1', null, null]]));
    expect(raw.shipments?.[0]).toEqual({ id: 'S-1', importer: 'F-us', flow: 'FL-1' });
  });

  it('a country that is no ISO 3166-1 code is an error naming the cell and the field', () => {
    const errors = errorsOf(withShipments([['S-1', 'F-us', 'FL-1', 'Vietnam', null]]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^shipments!D2 \(countryOfOrigin\): .*ISO 3166-1/);
  });
});

describe('shipment origin fields in a bundle', () => {
  const bundle = (shipment: Record<string, unknown>) => ({
    bundleVersion: 1,
    firms: [{ id: 'F-1', name: 'Acme', country: 'US' }],
    facilities: [{ id: 'FAC-1', name: 'Acme DC', firm: 'F-1' }],
    materials: [{ id: 'M-1', name: 'Shirts', hsCode: '6205.20' }],
    flows: [{ id: 'FL-1', from: 'FAC-1', to: 'FAC-1', material: 'M-1', quantity: 1, unit: 'pcs', date: '2024-01-02' }],
    shipments: [{ id: 'S-1', importer: 'F-1', flow: 'FL-1', ...shipment }],
  });
  const errorsOfBundle = (raw: unknown) => checkBundle(raw).errors.map((e) => `${e.path}: ${e.message}`);

  it('one clear error per bad field, naming the record and the field', () => {
    expect(errorsOfBundle(bundle({ countryOfOrigin: 'Viet Nam', preferenceProgram: 7 }))).toEqual([
      'shipments[0].countryOfOrigin: must be an ISO 3166-1 alpha-2 code such as "CN"',
      'shipments[0].preferenceProgram: must be a string',
    ]);
    expect(errorsOfBundle(bundle({ countryOfOrigin: 'XJ' }))).toEqual([
      'shipments[0].countryOfOrigin: is not an ISO 3166-1 country code (e.g. "CN" for China, with province "Xinjiang")',
    ]);
  });
});
