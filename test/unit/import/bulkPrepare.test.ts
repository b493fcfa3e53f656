// The bulk load's offline half (src/import/bulk/prepare.ts): chunks validated as the online import
// validates them, CSV files the importer reads back to the same values, and the facility-level
// fallback edges by the import's rule. The store side is test/integration/bulkLoad.test.ts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { BulkLoadError, prepareBulkLoad } from '../../../src/import/bulk/prepare';
import { ARRAY_DELIMITER } from '../../../src/import/bulk/csv';
import { BundleValidationError } from '../../../src/import';

const firstChunk = {
  bundleVersion: 1,
  firms: [
    { id: 'F1', name: 'Acme "Cotton", Ltd', aliases: ['Acme', 'ACME Co'], country: 'CN' },
    { id: 'F2', name: 'Mill Two', country: 'CN', address: '' },
  ],
  facilities: [
    { id: 'FAC1', name: 'Gin', firm: 'F1', country: 'CN', lat: 40.5 },
    { id: 'FAC2', name: 'Mill', firm: 'F2', country: 'CN' },
  ],
  materials: [
    { id: 'M-lint', name: 'Lint', raw: true },
    { id: 'M-yarn', name: 'Yarn' },
  ],
  flows: [
    { id: 'FL1', from: 'FAC1', to: 'FAC2', material: 'M-lint', quantity: 10, unit: 'kg', date: '2024-01-01' },
    { id: 'FL2', from: 'FAC1', to: 'FAC2', material: 'M-lint', date: '2024-03-01' },
  ],
};
const secondChunk = {
  bundleVersion: 1,
  firms: [{ id: 'F3', name: 'Importer', country: 'US' }],
  facilities: [{ id: 'FAC3', name: 'DC', firm: 'F3', country: 'US' }],
  // no inputs, non-raw material: falls back to the flows into FAC2 dated on or before it (FL1 only)
  flows: [{ id: 'FL3', from: 'FAC2', to: 'FAC3', material: 'M-yarn', date: '2024-02-01' }],
  shipments: [{ id: 'S1', importer: 'F3', flow: 'FL3', entryDate: '2024-03-01' }],
};

const read = (dir: string, file: string) => parse(readFileSync(join(dir, file), 'utf8'), { columns: true }) as Record<string, string>[];

it('writes typed CSV files the importer reads back to the bundle values, with the fallback edges of the online rule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulk-prepare-'));
  const manifest = prepareBulkLoad(
    [
      { source: 'a.json', raw: firstChunk },
      { source: 'b.json', raw: secondChunk },
    ],
    { tenant: 'acme', dir },
  );
  expect(manifest.counts).toEqual({ firms: 3, facilities: 3, flows: 3, documents: 0, shipments: 1, materials: 2, ownership: 0 });
  expect(manifest.multiline).toBe(false);
  const firms = read(dir, 'firms.csv');
  expect(Object.keys(firms[0])).toEqual(expect.arrayContaining(['id:ID(Firm)', 'tenant:string', 'aliases:string[]', 'searchText:string']));
  expect(firms[0]).toMatchObject({ 'id:ID(Firm)': 'F1', 'tenant:string': 'acme', 'name:string': 'Acme "Cotton", Ltd' });
  expect(firms[0]['aliases:string[]'].split(ARRAY_DELIMITER)).toEqual(['Acme', 'ACME Co']);
  // an empty string stays a quoted empty string (a property), an absent field an unquoted empty one
  expect(readFileSync(join(dir, 'firms.csv'), 'utf8')).toMatch(/"F2","acme","Mill Two",,,"CN",,"",/);
  expect(read(dir, 'facilities.csv')[0]).toMatchObject({ 'lat:double': '40.5', 'firmId:string': 'F1' });
  const flows = read(dir, 'flows.csv');
  expect(flows.map((f) => [f['id:ID(Flow)'], f['fallback:boolean']])).toEqual([
    ['FL1', 'false'],
    ['FL2', 'false'],
    ['FL3', 'true'],
  ]);
  expect(read(dir, 'input.csv')).toEqual([{ ':START_ID(Flow)': 'FL3', ':END_ID(Flow)': 'FL1', 'lot:boolean': 'false' }]);
  expect(read(dir, 'carried-by.csv')).toEqual([{ ':START_ID(Shipment)': 'S1', ':END_ID(Flow)': 'FL3' }]);
  expect(read(dir, 'operated-by.csv')).toHaveLength(3);
});

it('rejects a chunk as the online import would, naming the chunk, and a record a later chunk defines again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulk-prepare-'));
  const broken = { ...secondChunk, flows: [{ ...secondChunk.flows[0], from: 'NO-FAC' }] };
  let err: unknown;
  try {
    prepareBulkLoad(
      [
        { source: 'a.json', raw: firstChunk },
        { source: 'b.json', raw: broken },
      ],
      { tenant: 'acme', dir },
    );
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(BulkLoadError);
  expect((err as BulkLoadError).source).toBe('b.json');
  expect((err as BulkLoadError).cause).toBeInstanceOf(BundleValidationError);
  expect((err as BulkLoadError).cause.message).toMatch(/NO-FAC/);

  expect(() =>
    prepareBulkLoad(
      [
        { source: 'a.json', raw: firstChunk },
        { source: 'b.json', raw: { bundleVersion: 1, firms: [{ id: 'F1', name: 'Again', country: 'CN' }] } },
      ],
      { tenant: 'acme', dir: mkdtempSync(join(tmpdir(), 'bulk-prepare-')) },
    ),
  ).toThrow(/b\.json: firm "F1" defined in an earlier chunk/);
});
