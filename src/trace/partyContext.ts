// The parties a trace judges (facilities, materials, firms with their holdings and
// screening matches), read from Neo4j once and then remembered per tenant data version
// and Entity List version. Suppliers recur across thousands of shipments, so a warm
// trace reads only its flows; any write to the tenant changes the version (see
// graph/tenantVersion.ts), so nothing stale is ever served; a writer that knows which parties
// it changed carries the others over to its new version (committedParties.ts).
import type { ManagedTransaction } from 'neo4j-driver';
import { Graph, runRows } from '../graph/graph';
import { tenantVersionInTx } from '../graph/tenantVersion';
import { FACILITIES_FOR_TRACE, FIRMS_FOR_TRACE, MATERIALS_FOR_TRACE } from './cypher';
import { traceFacilityOf as facilityOf, traceFirmOf as firmOf } from './records';
import type { TraceFacility, TraceFirm, TraceInput, TraceMaterial } from './engine';
import { chunks } from './concurrency';
import { PartyCache, stampOf } from './partyCache';

export type PartyContext = Pick<TraceInput, 'facilities' | 'materials' | 'firms'>;
export interface PartyIds {
  facilityIds: Iterable<string>;
  materialIds: Iterable<string>;
  firmIds: Iterable<string>;
}

const DEFAULT_ENTRIES = 200_000;
const caches = new WeakMap<Graph, PartyCache>();
export function cacheOf(graph: Graph): PartyCache {
  let c = caches.get(graph);
  if (!c) caches.set(graph, (c = new PartyCache(Number(process.env.TRACE_CACHE_ENTRIES) || DEFAULT_ENTRIES)));
  return c;
}
/** Facilities and materials the cache holds under this version, and the ids it lacks. */
export function lookUpPlaces(cache: PartyCache, tenant: string, stamp: string, ids: PartyIds) {
  const facilities = new Map<string, TraceFacility>();
  const materials = new Map<string, TraceMaterial>();
  const missing = { facilities: [] as string[], materials: [] as string[] };
  for (const id of new Set(ids.facilityIds)) {
    const hit = cache.get(tenant, stamp, 'facility', id);
    if (hit?.kind === 'facility') facilities.set(id, hit.value);
    else missing.facilities.push(id);
  }
  for (const id of new Set(ids.materialIds)) {
    const hit = cache.get(tenant, stamp, 'material', id);
    if (hit?.kind === 'material') materials.set(id, hit.value);
    else missing.materials.push(id);
  }
  return { facilities, materials, missing };
}

/** The firms a firm's context needs besides itself: its owners, and its records confirmed to be the same entity (whose owners are its owners). */
export const relatedFirmIds = (f: TraceFirm): string[] => [...f.holdings.map((h) => h.owner), ...(f.sameEntityIds ?? [])];

/**
 * Reads `ids` with FIRMS_FOR_TRACE into `firms` (each firm asked for and every owner above it),
 * then the firms those name that are not there yet (a record confirmed to be the same entity
 * and its owners), until none is missing. Returns the firms read.
 */
export async function readFirmsClosed(
  tx: ManagedTransaction,
  tenant: string,
  ids: string[],
  firms: Map<string, TraceFirm>,
): Promise<TraceFirm[]> {
  const read: TraceFirm[] = [];
  const asked = new Set<string>();
  let want = ids;
  while (want.length) {
    for (const id of want) asked.add(id);
    for (const f of await readRows(tx, FIRMS_FOR_TRACE, tenant, want, 2000, firmOf)) {
      if (!firms.has(f.id)) read.push(f);
      firms.set(f.id, f);
    }
    want = [...new Set([...firms.values()].flatMap(relatedFirmIds))].filter((id) => !firms.has(id) && !asked.has(id));
  }
  return read;
}

/** The firms the cache holds under this version, with every owner above them, and the ids it lacks. */
export function lookUpFirms(cache: PartyCache, tenant: string, stamp: string, firmIds: Iterable<string>) {
  const firms = new Map<string, TraceFirm>();
  const missing: string[] = [];
  const queue = [...firmIds];
  const seen = new Set<string>();
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const hit = cache.get(tenant, stamp, 'firm', id);
    if (hit?.kind === 'firm') {
      firms.set(id, hit.value);
      queue.push(...relatedFirmIds(hit.value));
    } else missing.push(id);
  }
  return { firms, missing };
}

const firmIdsOf = (ids: PartyIds, facilities: Iterable<TraceFacility>) => [...ids.firmIds, ...[...facilities].map((f) => f.firmId)];
const asContext = (f: Map<string, TraceFacility>, m: Map<string, TraceMaterial>, firms: Map<string, TraceFirm>): PartyContext => ({
  facilities: [...f.values()],
  materials: [...m.values()],
  firms: [...firms.values()],
});

export async function readRows<T>(
  tx: ManagedTransaction,
  cypher: string,
  tenant: string,
  ids: string[],
  size: number,
  read: (row: never) => T = (row) => row,
): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks(ids, size))
    for (const r of await runRows<{ row: never }>(tx, cypher, { tenant, ids: part })) out.push(read(r.row));
  return out;
}

/**
 * The party context for the given ids. `knownVersion` is the tenant version the caller
 * has just read with its flows; when every party is cached under it, no query runs.
 * Otherwise one read transaction fetches what is missing (in chunks: one statement over
 * thousands of parties exhausts Neo4j's transaction memory) and caches it only if the
 * tenant's version did not move while it read.
 */
export async function loadPartyContext(
  graph: Graph,
  tenant: string,
  listVersion: string,
  ids: PartyIds,
  knownVersion?: string,
): Promise<PartyContext> {
  const cache = cacheOf(graph);
  const idSets: PartyIds = { facilityIds: [...ids.facilityIds], materialIds: [...ids.materialIds], firmIds: [...ids.firmIds] };
  if (knownVersion !== undefined) {
    const known = stampOf(knownVersion, listVersion);
    const places = lookUpPlaces(cache, tenant, known, idSets);
    if (!places.missing.facilities.length && !places.missing.materials.length) {
      const owners = lookUpFirms(cache, tenant, known, firmIdsOf(idSets, places.facilities.values()));
      if (!owners.missing.length) return asContext(places.facilities, places.materials, owners.firms);
    }
  }
  return graph.readTransaction(async (tx) => {
    const version = await tenantVersionInTx(tx, tenant);
    const stamp = stampOf(version, listVersion);
    const places = lookUpPlaces(cache, tenant, stamp, idSets);
    const facilities = await readRows(tx, FACILITIES_FOR_TRACE, tenant, places.missing.facilities, 5000, facilityOf);
    const materials = await readRows<TraceMaterial>(tx, MATERIALS_FOR_TRACE, tenant, places.missing.materials, 5000);
    for (const f of facilities) places.facilities.set(f.id, f);
    for (const m of materials) places.materials.set(m.id, m);
    const owners = lookUpFirms(cache, tenant, stamp, firmIdsOf(idSets, places.facilities.values()));
    const firms = await readFirmsClosed(tx, tenant, owners.missing, owners.firms);
    if ((await tenantVersionInTx(tx, tenant)) === version) {
      for (const value of facilities) cache.set(tenant, stamp, { kind: 'facility', value });
      for (const value of materials) cache.set(tenant, stamp, { kind: 'material', value });
      for (const value of firms) cache.set(tenant, stamp, { kind: 'firm', value });
    }
    return asContext(places.facilities, places.materials, owners.firms);
  });
}

/**
 * The party context read inside a caller's transaction, bypassing the cache: a writer that
 * refreshes stored summaries must judge what it has just written, before it commits
 * (committedParties.ts reads the parties it left alone beside it).
 */
export async function loadPartyContextInTx(tx: ManagedTransaction, tenant: string, ids: PartyIds): Promise<PartyContext> {
  const facilities = await readRows(tx, FACILITIES_FOR_TRACE, tenant, [...new Set(ids.facilityIds)], 5000, facilityOf);
  const materials = await readRows<TraceMaterial>(tx, MATERIALS_FOR_TRACE, tenant, [...new Set(ids.materialIds)], 5000);
  const firmIds = new Set([...ids.firmIds, ...facilities.map((f) => f.firmId)]);
  const firms = new Map<string, TraceFirm>();
  await readFirmsClosed(tx, tenant, [...firmIds], firms);
  return { facilities, materials, firms: [...firms.values()] };
}
