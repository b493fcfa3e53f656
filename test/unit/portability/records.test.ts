// Stored records back into bundle v1 records (src/portability/records.ts): whatever a bundle
// record holds survives import's toRows and the way back unchanged, and the properties the
// service derives never leak into an export.
import fc from 'fast-check';
import { toRows } from '../../../src/import/importBundle';
import { toBundleRecord } from '../../../src/portability/records';
import { checkBundle } from '../../../src/import';
import type { Bundle } from '../../../src/model/bundle';
import type { StoredRefs } from '../../../src/import/validate';

const noStored: StoredRefs = { firm: new Set(), facility: new Set(), material: new Map(), document: new Set(), flow: new Map() };

const bundle: Bundle = {
  bundleVersion: 1,
  firms: [
    { id: 'F1', name: 'Aksu Golden Cotton', aliases: ['AGC'], localName: '阿克苏金棉', country: 'CN', city: 'Aksu', province: 'Xinjiang' },
    { id: 'F2', name: 'Example Importer Inc', country: 'US' },
  ],
  facilities: [
    { id: 'FAC1', name: 'Aksu gin', firm: 'F1', country: 'CN', lat: 41.1, lon: 80.2, kind: 'gin' },
    { id: 'FAC2', name: 'Example DC', firm: 'F2', country: 'US' },
  ],
  ownership: [{ owner: 'F2', owned: 'F1', share: 0.25 }],
  materials: [
    { id: 'M1', name: 'Cotton lint', hsCode: '5201.00', raw: true },
    { id: 'M2', name: 'Yarn', sector: 'COTTON' },
  ],
  flows: [
    { id: 'FL1', from: 'FAC1', to: 'FAC2', material: 'M1', quantity: 10, unit: 'kg', date: '2024-03-01', documents: ['D1'] },
    { id: 'FL2', from: 'FAC2', to: 'FAC2', material: 'M2', inputs: ['FL1'] },
  ],
  documents: [
    {
      id: 'D1',
      type: 'COMMERCIAL_INVOICE',
      number: 'INV-1',
      issuer: 'F1',
      payer: 'F2',
      payee: 'F1',
      amount: 5,
      currency: 'USD',
      file: 'docs/inv.pdf',
    },
  ],
  shipments: [
    {
      id: 'S1',
      importer: 'F2',
      flow: 'FL2',
      entryDate: '2024-04-02',
      detention: { detainedOn: '2024-04-10' },
      value: 100,
      currency: 'USD',
    },
  ],
};

describe('toBundleRecord', () => {
  it('gives back every record of a bundle from what import stores', () => {
    const rows = toRows(bundle, noStored);
    const back = {
      bundleVersion: 1,
      firms: rows.firms.map((r) => toBundleRecord('firms', r)),
      facilities: rows.facilities.map((r) => toBundleRecord('facilities', r)),
      ownership: rows.ownership.map((r) => toBundleRecord('ownership', r)),
      materials: rows.materials.map((r) => toBundleRecord('materials', r)),
      flows: rows.flows.map((r) => toBundleRecord('flows', r)),
      documents: rows.documents.map((r) => toBundleRecord('documents', r)),
      shipments: rows.shipments.map((r) => toBundleRecord('shipments', r)),
    };
    expect(back).toEqual(bundle);
    expect(checkBundle(back).bundle).toEqual(checkBundle(bundle).bundle);
  });

  it('drops what the service derives or other capabilities add to a node', () => {
    const [firm] = toRows(bundle, noStored).firms;
    expect(firm).toHaveProperty('searchText');
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1 }).map((k) => `x${k}`),
          fc.jsonValue(),
        ),
        (extra) => {
          expect(toBundleRecord('firms', { ...extra, ...firm, tenant: 't' })).toEqual(bundle.firms[0]);
        },
      ),
    );
  });
});
