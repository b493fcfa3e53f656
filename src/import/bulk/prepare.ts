// The offline half of a bulk load: every bundle (or chunk file) is validated exactly as the
// online import validates it (checkBundle, then checkReferences against what the earlier chunks
// hold, as the store would), and its records become the node and relationship CSV files that
// `neo4j-admin database import` reads: the same labels, properties (toRows), tenant and edges the
// online import writes, with the facility-level fallback INPUT edges worked out here. Screening,
// duplicate candidates, the tenant's data version and the audit event are written online after
// the store starts (finish.ts), by the same code as every import.
import { join } from 'node:path';
import { FACILITY, FIRM, FLOW, DOCUMENT, MATERIAL, SHIPMENT, fieldsOf } from '../../model/records';
import type { ImportReport } from '../importBundle';
import { toRows } from '../importBundle';
import { BundleValidationError, checkBundle, checkReferences, collectorOf, externalReferences, type StoredRefs } from '../validate';
import { Column, CsvFile, CsvType } from './csv';

type Spec = Record<string, string>;

/** The CSV columns of a record spec (records.ts): its id in the label's id space, then every property. */
function nodeColumns(label: string, spec: Spec, extra: readonly Column[] = []): Column[] {
  const props = Object.keys(spec)
    .filter((f) => f !== 'id')
    .map((name) => ({ name, type: spec[name].replace('!', '').replace('number', 'double') as CsvType }));
  return [{ id: 'ID', space: label, name: 'id' }, { name: 'tenant', type: 'string' }, ...props, ...extra];
}
/**
 * The name search's stored forms (toRows: searchTextOf, searchFormsOf), written here as online so
 * the started store needs no backfill (migration step "name-search-forms" finds nothing to do).
 */
const SEARCH_COLUMNS = [
  { name: 'searchText', type: 'string' },
  { name: 'searchTextCut', type: 'boolean' },
  { name: 'searchNorm', type: 'string' },
  { name: 'searchGrams', type: 'string' },
] as const satisfies readonly Column[];

const rel = (from: string, to: string, props: Column[] = []): Column[] => [
  { id: 'START_ID', space: from },
  { id: 'END_ID', space: to },
  ...props,
];

/** What neo4j-admin needs to know about the files, and what the online finish needs. */
export interface BulkManifest {
  tenant: string;
  counts: ImportReport;
  nodes: { label: string; file: string }[];
  relationships: { type: string; file: string }[];
  /** some value holds a line break: pass --multiline-fields=true */
  multiline: boolean;
}

export class BulkLoadError extends Error {
  constructor(
    readonly source: string,
    override readonly cause: BundleValidationError | Error,
  ) {
    super(`${source}: ${cause.message}`);
  }
}

const ownershipKey = (o: { owner: string; owned: string }) => `${o.owner}\u0000${o.owned}`;

/**
 * Validates every chunk and writes the CSV files into `dir`. Throws BulkLoadError (naming the
 * chunk) on the first chunk with an error; the caller removes `dir`, so nothing is loaded.
 */
export function prepareBulkLoad(chunks: Iterable<{ source: string; raw: unknown }>, opts: { tenant: string; dir: string }): BulkManifest {
  const { tenant, dir } = opts;
  const files = {
    Firm: new CsvFile(join(dir, 'firms.csv'), nodeColumns('Firm', FIRM, SEARCH_COLUMNS)),
    Facility: new CsvFile(join(dir, 'facilities.csv'), nodeColumns('Facility', FACILITY, SEARCH_COLUMNS)),
    Material: new CsvFile(join(dir, 'materials.csv'), nodeColumns('Material', MATERIAL)),
    Document: new CsvFile(join(dir, 'documents.csv'), nodeColumns('Document', DOCUMENT)),
    Flow: new CsvFile(join(dir, 'flows.csv'), nodeColumns('Flow', FLOW)),
    Shipment: new CsvFile(join(dir, 'shipments.csv'), nodeColumns('Shipment', SHIPMENT)),
  };
  const rels = {
    OPERATED_BY: new CsvFile(join(dir, 'operated-by.csv'), rel('Facility', 'Firm')),
    OWNS: new CsvFile(join(dir, 'owns.csv'), rel('Firm', 'Firm', [{ name: 'share', type: 'double' }])),
    ISSUED_BY: new CsvFile(join(dir, 'issued-by.csv'), rel('Document', 'Firm')),
    FROM: new CsvFile(join(dir, 'from.csv'), rel('Flow', 'Facility')),
    TO: new CsvFile(join(dir, 'to.csv'), rel('Flow', 'Facility')),
    OF: new CsvFile(join(dir, 'of.csv'), rel('Flow', 'Material')),
    DOCUMENTED_BY: new CsvFile(join(dir, 'documented-by.csv'), rel('Flow', 'Document')),
    INPUT: new CsvFile(join(dir, 'input.csv'), rel('Flow', 'Flow', [{ name: 'lot', type: 'boolean' }])),
    IMPORTED_BY: new CsvFile(join(dir, 'imported-by.csv'), rel('Shipment', 'Firm')),
    CARRIED_BY: new CsvFile(join(dir, 'carried-by.csv'), rel('Shipment', 'Flow')),
  };
  // what the earlier chunks hold, as the store would hold it for the next chunk's references
  const held: StoredRefs & { shipment: Set<string> } = {
    firm: new Set(),
    facility: new Set(),
    material: new Map(),
    document: new Set(),
    flow: new Map(),
    shipment: new Set(),
  };
  const ownership = new Map<string, { owner: string; owned: string; share: number }>();
  // for the fallback edges: flows by destination facility, and the flows that fall back
  const into = new Map<string, { id: string; date?: string }[]>();
  const fallbacks: { id: string; fromId: string; date?: string }[] = [];
  const counts: ImportReport = { firms: 0, facilities: 0, flows: 0, documents: 0, shipments: 0, materials: 0, ownership: 0 };

  const all = [...Object.values(files), ...Object.values(rels)];
  try {
    for (const { source, raw } of chunks) {
      // the online import's validation (importBundle.validateBundle), with the earlier chunks as the store
      const checked = checkBundle(raw);
      const errors = collectorOf(checked);
      if (errors.stopped) throw new BulkLoadError(source, errors.toError());
      const want = externalReferences(checked.refs);
      const stored: StoredRefs = {
        firm: new Set(want.firm.filter((id) => held.firm.has(id))),
        facility: new Set(want.facility.filter((id) => held.facility.has(id))),
        document: new Set(want.document.filter((id) => held.document.has(id))),
        material: new Map(want.material.flatMap((id) => (held.material.has(id) ? [[id, held.material.get(id)!] as const] : []))),
        flow: new Map(want.flow.flatMap((id) => (held.flow.has(id) ? [[id, held.flow.get(id)!] as const] : []))),
      };
      checkReferences(checked.refs, stored, errors);
      if (errors.total || !checked.bundle) throw new BulkLoadError(source, errors.toError());
      const bundle = checked.bundle;
      // a record defined again would be an update online; a first load takes each record once
      const again = [
        ...bundle.firms.filter((r) => held.firm.has(r.id)).map((r) => `firm "${r.id}"`),
        ...bundle.facilities.filter((r) => held.facility.has(r.id)).map((r) => `facility "${r.id}"`),
        ...bundle.materials.filter((r) => held.material.has(r.id)).map((r) => `material "${r.id}"`),
        ...bundle.documents.filter((r) => held.document.has(r.id)).map((r) => `document "${r.id}"`),
        ...bundle.flows.filter((r) => held.flow.has(r.id)).map((r) => `flow "${r.id}"`),
        ...bundle.shipments.filter((r) => held.shipment.has(r.id)).map((r) => `shipment "${r.id}"`),
      ];
      if (again.length)
        throw new BulkLoadError(
          source,
          new Error(
            `${again.slice(0, 5).join(', ')}${again.length > 5 ? ` and ${again.length - 5} more` : ''} defined in an earlier chunk: ` +
              'a bulk load takes each record once; load changes afterwards with npm run import',
          ),
        );

      const rows = toRows(bundle, stored);
      for (const f of rows.firms)
        files.Firm.row([
          f.id,
          tenant,
          ...fieldsOf(FIRM)
            .slice(1)
            .map((k) => f[k]),
          ...SEARCH_COLUMNS.map((c) => f[c.name]),
        ]);
      for (const f of rows.facilities) {
        files.Facility.row([
          f.id,
          tenant,
          ...fieldsOf(FACILITY)
            .slice(1)
            .map((k) => f[k]),
          ...SEARCH_COLUMNS.map((c) => f[c.name]),
        ]);
        rels.OPERATED_BY.row([f.id, f.firmId]);
      }
      for (const m of rows.materials)
        files.Material.row([
          m.id,
          tenant,
          ...fieldsOf(MATERIAL)
            .slice(1)
            .map((k) => m[k]),
        ]);
      for (const d of rows.documents) {
        files.Document.row([
          d.id,
          tenant,
          ...fieldsOf(DOCUMENT)
            .slice(1)
            .map((k) => d[k]),
        ]);
        if (d.issuerId) rels.ISSUED_BY.row([d.id, d.issuerId]);
      }
      for (const f of rows.flows) {
        files.Flow.row([
          f.id,
          tenant,
          ...fieldsOf(FLOW)
            .slice(1)
            .map((k) => f[k]),
        ]);
        rels.FROM.row([f.id, f.fromId]);
        rels.TO.row([f.id, f.toId]);
        rels.OF.row([f.id, f.materialId]);
        for (const d of f.documentIds ?? []) rels.DOCUMENTED_BY.row([f.id, d]);
        for (const i of f.inputIds ?? []) rels.INPUT.row([f.id, i, true]);
        const list = into.get(f.toId);
        if (list) list.push({ id: f.id, date: f.date ?? undefined });
        else into.set(f.toId, [{ id: f.id, date: f.date ?? undefined }]);
        if (f.fallback) fallbacks.push({ id: f.id, fromId: f.fromId, date: f.date ?? undefined });
      }
      for (const s of rows.shipments) {
        files.Shipment.row([
          s.id,
          tenant,
          ...fieldsOf(SHIPMENT)
            .slice(1)
            .map((k) => s[k]),
        ]);
        rels.IMPORTED_BY.row([s.id, s.importerId]);
        rels.CARRIED_BY.row([s.id, s.flowId]);
      }
      // MERGE online: one OWNS edge per pair, the last share given
      for (const o of rows.ownership) ownership.set(ownershipKey(o), o);

      bundle.firms.forEach((r) => held.firm.add(r.id));
      bundle.facilities.forEach((r) => held.facility.add(r.id));
      bundle.materials.forEach((r) => held.material.set(r.id, { raw: !!r.raw }));
      bundle.documents.forEach((r) => held.document.add(r.id));
      bundle.flows.forEach((r) => held.flow.set(r.id, r.to));
      bundle.shipments.forEach((r) => held.shipment.add(r.id));
      counts.firms += bundle.firms.length;
      counts.facilities += bundle.facilities.length;
      counts.materials += bundle.materials.length;
      counts.documents += bundle.documents.length;
      counts.flows += bundle.flows.length;
      counts.shipments += bundle.shipments.length;
      counts.ownership += bundle.ownership.length;
    }
    for (const o of ownership.values()) rels.OWNS.row([o.owner, o.owned, o.share]);
    // the import's LINK_FALLBACK_INPUTS and LINK_NEW_FLOWS_INTO_FALLBACKS over the whole load: every
    // flow into a fallback flow's source facility, dated on or before it (or undated)
    for (const f of fallbacks) {
      for (const g of into.get(f.fromId) ?? []) {
        if (g.id !== f.id && (f.date === undefined || g.date === undefined || g.date <= f.date)) rels.INPUT.row([f.id, g.id, false]);
      }
    }
  } finally {
    for (const file of all) file.close();
  }
  return {
    tenant,
    counts,
    nodes: Object.entries(files).map(([label, f]) => ({ label, file: f.path })),
    relationships: Object.entries(rels).map(([type, f]) => ({ type, file: f.path })),
    multiline: all.some((f) => f.multiline),
  };
}
