// importBundle: validate everything, then write everything in one transaction.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../graph/graph';
import { runRows } from '../graph/graph';
import { lockTenant } from '../graph/tenantVersion';
import type { Bundle } from '../model/bundle';
import {
  searchTextOf,
  type Document,
  type Flow,
  type Material,
  type Shipment,
  type StoredFacility,
  type StoredFirm,
} from '../model/records';
import { searchFormsOf } from '../lookup/searchForms';
import * as Q from './cypher';
import { BundleCheck, BundleRefs, checkBundle, checkReferences, collectorOf, externalReferences, StoredRefs } from './validate';
import { takePrevalidated } from './prevalidated';

export interface ImportReport {
  firms: number;
  facilities: number;
  flows: number;
  documents: number;
  shipments: number;
  materials: number;
  ownership: number;
}
export interface ImportOptions {
  tenant: string;
  /** Rows per UNWIND statement. */
  batchSize?: number;
  /** Called after each batch with rows written so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Work run in the same transaction after the tenant's lock is taken and before anything is written. */
  beforeWrite?: (tx: ManagedTransaction, bundle: Bundle) => Promise<void>;
  /** Extra work run in the same transaction after the bundle is written (e.g. screening). */
  afterWrite?: (tx: ManagedTransaction, bundle: Bundle) => Promise<void>;
  /** Transaction timeout for the whole import. */
  timeoutSeconds?: number;
  /** `checkBundle(raw)`, when the caller has run it already (where the JSON was parsed). */
  checked?: BundleCheck;
  /** Milliseconds spent per step, added up by step name (the bench's profile of the transaction). */
  timings?: Map<string, number>;
}

/** Adds the time `work` takes to `timings` under `name` (no-op without timings). */
export async function timed<T>(timings: Map<string, number> | undefined, name: string, work: () => Promise<T>): Promise<T> {
  if (!timings) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings.set(name, (timings.get(name) ?? 0) + performance.now() - started);
  }
}

async function loadStoredRefs(graph: Graph, tenant: string, b: BundleRefs): Promise<StoredRefs> {
  const want = externalReferences(b);
  const empty = Object.values(want).every((v) => v.length === 0);
  if (empty) return { firm: new Set(), facility: new Set(), material: new Map(), document: new Set(), flow: new Map() };
  const [row] = await graph.read<{
    firms: string[];
    facilities: string[];
    materials: { id: string; raw: boolean }[];
    flows: { id: string; to: string }[];
    documents: string[];
  }>(Q.FIND_STORED_REFS, { tenant, ...want });
  return {
    firm: new Set(row.firms),
    facility: new Set(row.facilities),
    document: new Set(row.documents),
    material: new Map(row.materials.map((m) => [m.id, { raw: m.raw }])),
    flow: new Map(row.flows.map((f) => [f.id, f.to])),
  };
}

/**
 * Checks a raw bundle without writing: every field, key and reference in one pass, so a
 * rejection (BundleValidationError) names field and reference errors together. Returns the
 * typed bundle and what is stored already. `checked` is `checkBundle(raw)` when the caller
 * has run it already (e.g. where the JSON was parsed).
 */
export async function validateBundle(
  graph: Graph,
  tenant: string,
  raw: unknown,
  checked: BundleCheck = checkBundle(raw),
): Promise<{ bundle: Bundle; stored: StoredRefs }> {
  const errors = collectorOf(checked);
  if (errors.stopped) throw errors.toError();
  const stored = await loadStoredRefs(graph, tenant, checked.refs);
  checkReferences(checked.refs, stored, errors);
  if (errors.total || !checked.bundle) throw errors.toError();
  return { bundle: checked.bundle, stored };
}

const compact = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

/** The stored properties of each record (src/model/records.ts): the bundle's own fields, references as *Id. */
export function toRows(b: Bundle, stored: StoredRefs) {
  const raw = new Map<string, boolean>([...stored.material].map(([k, v]) => [k, v.raw]));
  b.materials.forEach((m) => raw.set(m.id, !!m.raw));
  return {
    firms: b.firms.map((f) =>
      compact<StoredFirm>({
        id: f.id,
        name: f.name,
        aliases: f.aliases ?? [],
        localName: f.localName,
        country: f.country,
        registrationId: f.registrationId,
        address: f.address,
        city: f.city,
        province: f.province,
        ...searchTextOf(f),
        ...searchFormsOf([f.name, ...(f.aliases ?? []), f.localName]),
      }),
    ),
    facilities: b.facilities.map((f) =>
      compact<StoredFacility>({
        id: f.id,
        name: f.name,
        firmId: f.firm,
        kind: f.kind,
        address: f.address,
        city: f.city,
        province: f.province,
        country: f.country,
        lat: f.lat,
        lon: f.lon,
        osId: f.osId,
        ...searchTextOf(f),
        ...searchFormsOf([f.name]),
      }),
    ),
    ownership: b.ownership.map((o) => ({ owner: o.owner, owned: o.owned, share: o.share })),
    materials: b.materials.map((m) => compact<Material>({ id: m.id, name: m.name, hsCode: m.hsCode, raw: !!m.raw, sector: m.sector })),
    documents: b.documents.map((d) =>
      compact<Document>({
        id: d.id,
        type: d.type,
        number: d.number,
        date: d.date,
        issuerId: d.issuer,
        file: d.file,
        sha256: d.sha256,
        language: d.language,
        amount: d.amount,
        currency: d.currency,
        payerId: d.payer,
        payeeId: d.payee,
      }),
    ),
    flows: b.flows.map((f) =>
      compact<Flow>({
        id: f.id,
        fromId: f.from,
        toId: f.to,
        materialId: f.material,
        quantity: f.quantity,
        unit: f.unit,
        date: f.date,
        inputIds: f.inputs ?? [],
        documentIds: f.documents ?? [],
        // Facility-level fallback applies to non-raw material without lot lineage.
        fallback: !(f.inputs && f.inputs.length) && !raw.get(f.material),
      }),
    ),
    shipments: b.shipments.map((s) =>
      compact<Shipment>({
        id: s.id,
        entryNumber: s.entryNumber,
        importerId: s.importer,
        flowId: s.flow,
        htsCode: s.htsCode,
        value: s.value,
        currency: s.currency,
        entryDate: s.entryDate,
        portOfEntry: s.portOfEntry,
        detainedOn: s.detention?.detainedOn,
        noticeDate: s.detention?.noticeDate,
        countryOfOrigin: s.countryOfOrigin,
        preferenceProgram: s.preferenceProgram,
      }),
    ),
  };
}

export async function importBundle(graph: Graph, raw: unknown, opts: ImportOptions): Promise<ImportReport> {
  // a bundle the HTTP layer validated off the event loop arrives as its result
  const { bundle, stored } =
    takePrevalidated(raw) ?? (await timed(opts.timings, 'validate', () => validateBundle(graph, opts.tenant, raw, opts.checked)));
  const rows = toRows(bundle, stored);
  const batchSize = opts.batchSize ?? 5000;
  const tenant = opts.tenant;
  const started = performance.now();
  await graph.writeTransaction(async (tx) => {
    // Imports of one tenant take turns: two clients sending the same new bundle at once would
    // otherwise both find its ids unstored, both CREATE them, and the second would fail on the
    // uniqueness constraint. Waiting on the tenant's lock, the second reads the first's records
    // and updates them. (Retrying on the constraint error would redo a long import's work;
    // a lock in this process would not hold across instances.)
    await timed(opts.timings, 'LOCK_TENANT', () => lockTenant(tx, tenant));
    if (opts.beforeWrite) await timed(opts.timings, 'summaries', () => opts.beforeWrite!(tx, bundle));
    // read inside the write transaction so the create/update split holds when it commits
    const [existing] = await timed(opts.timings, 'EXISTING_IDS', () =>
      runRows<Record<'firms' | 'facilities' | 'materials' | 'documents' | 'flows' | 'shipments', string[]>>(tx, Q.EXISTING_IDS, {
        tenant,
        firms: rows.firms.map((r) => r.id),
        facilities: rows.facilities.map((r) => r.id),
        materials: rows.materials.map((r) => r.id),
        documents: rows.documents.map((r) => r.id),
        flows: rows.flows.map((r) => r.id),
        shipments: rows.shipments.map((r) => r.id),
      }),
    );
    // New records take a plain CREATE path; records stored already are merged and their edges replaced.
    const split = <T extends { id: string }>(items: T[], stored: string[]) => {
      const s = new Set(stored);
      return [items.filter((i) => !s.has(i.id)), items.filter((i) => s.has(i.id))] as const;
    };
    const [newFirms, oldFirms] = split(rows.firms, existing.firms);
    const [newFacilities, oldFacilities] = split(rows.facilities, existing.facilities);
    const [newMaterials, oldMaterials] = split(rows.materials, existing.materials);
    const [newDocuments, oldDocuments] = split(rows.documents, existing.documents);
    const [newFlows, oldFlows] = split(rows.flows, existing.flows);
    const [newShipments, oldShipments] = split(rows.shipments, existing.shipments);
    const storedFlow = new Set(existing.flows);
    const flowDocs = bundle.flows.flatMap((f) => (f.documents ?? []).map((d) => ({ flow: f.id, document: d })));
    const lotInputs = bundle.flows.flatMap((f) => (f.inputs ?? []).map((i) => ({ flow: f.id, input: i })));
    const fallbackIds = rows.flows.filter((f) => f.fallback).map((f) => f.id);
    const flowIds = rows.flows.map((f) => f.id);

    const steps: [string, string, Record<string, unknown>[] | string[], 'rows' | 'ids'][] = [
      ['CREATE_FIRMS', Q.CREATE_FIRMS, newFirms, 'rows'],
      ['UPSERT_FIRMS', Q.UPSERT_FIRMS, oldFirms, 'rows'],
      ['CREATE_FACILITIES', Q.CREATE_FACILITIES, newFacilities, 'rows'],
      ['UPSERT_FACILITIES', Q.UPSERT_FACILITIES, oldFacilities, 'rows'],
      ['UPSERT_OWNERSHIP', Q.UPSERT_OWNERSHIP, rows.ownership, 'rows'],
      ['CREATE_MATERIALS', Q.CREATE_MATERIALS, newMaterials, 'rows'],
      ['UPSERT_MATERIALS', Q.UPSERT_MATERIALS, oldMaterials, 'rows'],
      ['CREATE_DOCUMENTS', Q.CREATE_DOCUMENTS, newDocuments, 'rows'],
      ['UPSERT_DOCUMENTS', Q.UPSERT_DOCUMENTS, oldDocuments, 'rows'],
      ['CREATE_FLOWS', Q.CREATE_FLOWS, newFlows, 'rows'],
      ['UPSERT_FLOWS', Q.UPSERT_FLOWS, oldFlows, 'rows'],
      ['CREATE_FLOW_DOCUMENTS', Q.CREATE_FLOW_DOCUMENTS, flowDocs.filter((r) => !storedFlow.has(r.flow)), 'rows'],
      ['LINK_FLOW_DOCUMENTS', Q.LINK_FLOW_DOCUMENTS, flowDocs.filter((r) => storedFlow.has(r.flow)), 'rows'],
      ['CREATE_LOT_INPUTS', Q.CREATE_LOT_INPUTS, lotInputs.filter((r) => !storedFlow.has(r.flow)), 'rows'],
      ['LINK_LOT_INPUTS', Q.LINK_LOT_INPUTS, lotInputs.filter((r) => storedFlow.has(r.flow)), 'rows'],
      ['LINK_FALLBACK_INPUTS', Q.LINK_FALLBACK_INPUTS, fallbackIds, 'ids'],
      ['LINK_NEW_FLOWS_INTO_FALLBACKS', Q.LINK_NEW_FLOWS_INTO_FALLBACKS, flowIds, 'ids'],
      ['CREATE_SHIPMENTS', Q.CREATE_SHIPMENTS, newShipments, 'rows'],
      ['UPSERT_SHIPMENTS', Q.UPSERT_SHIPMENTS, oldShipments, 'rows'],
    ];
    const total = steps.reduce((n, [, , r]) => n + r.length, 0);
    let done = 0;
    for (const [name, cypher, items, param] of steps) {
      for (let i = 0; i < items.length; i += batchSize) {
        const batch = items.slice(i, i + batchSize);
        await timed(opts.timings, name, () => runRows(tx, cypher, { tenant, [param]: batch }));
        done += batch.length;
        opts.onProgress?.(done, total);
      }
    }
    if (opts.afterWrite) await opts.afterWrite(tx, bundle);
    // the commit is what the transaction's total leaves over
    opts.timings?.set('transaction', performance.now() - started);
  }, opts.timeoutSeconds ?? 3600);
  opts.timings?.set('commit', performance.now() - started - (opts.timings.get('transaction') ?? 0));

  return {
    firms: bundle.firms.length,
    facilities: bundle.facilities.length,
    flows: bundle.flows.length,
    documents: bundle.documents.length,
    shipments: bundle.shipments.length,
    materials: bundle.materials.length,
    ownership: bundle.ownership.length,
  };
}
