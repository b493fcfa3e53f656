// The parties a writer's transaction left alone, read from the committed store while the
// transaction goes on reading. An import's summary refresh judges thousands of shipments whose
// suppliers the import did not touch: those are read beside the transaction as its upstream
// read names them (two reads at a time, so Neo4j and the driver work on both at once), and only
// the parties the writer changed, or that the committed store lacks, are read in it.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../graph/graph';
import { FACILITIES_FOR_TRACE, FIRMS_FOR_TRACE, MATERIALS_FOR_TRACE } from './cypher';
import { traceFacilityOf as facilityOf, traceFirmOf as firmOf } from './records';
import type { TraceFacility, TraceFirm, TraceMaterial } from './engine';
import {
  cacheOf,
  loadPartyContextInTx,
  lookUpFirms,
  lookUpPlaces,
  readFirmsClosed,
  readRows,
  relatedFirmIds,
  type PartyContext,
  type PartyIds,
} from './partyContext';
import { chunks } from './concurrency';
import { stampOf } from './partyCache';

/**
 * What a writer leaves as it was: every party but the ones it names as changed reads the same
 * inside its transaction as in the committed store, as long as nothing else has committed for
 * the tenant since the writer began (the writer holds the tenant's lock; `unmoved` checks it,
 * in each reading transaction, before and after the read).
 */
export interface CommittedParties {
  graph: Graph;
  /** the tenant's data version and the list version when the writer began (the trace cache's stamp then) */
  versionBefore: string;
  listVersion: string;
  /** whether the committed store, as this transaction reads it, is still at those versions */
  unmoved: (tx: ManagedTransaction) => Promise<boolean>;
  /** every party whose record (fields, holdings into it, screening matches) the writer may have changed */
  changed: { facilityIds: ReadonlySet<string>; materialIds: ReadonlySet<string>; firmIds: ReadonlySet<string> };
}

/** Of `ids`, the records read as committed that the writer did not change, and the ids to read in its transaction. */
function takeUnchanged<T>(ids: string[], changed: ReadonlySet<string>, committed: Map<string, T>) {
  const records = new Map<string, T>();
  const toRead: string[] = [];
  for (const id of ids) {
    const record = changed.has(id) ? undefined : committed.get(id);
    if (record) records.set(id, record);
    else toRead.push(id);
  }
  return { records, toRead };
}

/** Committed reads in flight at once, beside the writer's transaction. */
const IN_FLIGHT = 2;

export class CommittedPartyReader {
  private readonly facilities = new Map<string, TraceFacility>();
  private readonly materials = new Map<string, TraceMaterial>();
  /** unchanged firms read as committed, with every owner above them */
  private readonly firms = new Map<string, TraceFirm>();
  /** changed firms met as owners above an unchanged one: read again in the transaction */
  private readonly changedOwners = new Set<string>();
  private readonly asked = { facilities: new Set<string>(), materials: new Set<string>(), firms: new Set<string>() };
  private readonly queue: (() => Promise<void>)[] = [];
  private running = 0;
  private waiting: (() => void)[] = [];
  private moved = false;
  private failure: { error: unknown } | undefined;
  private readonly stamp: string;

  constructor(
    private readonly c: CommittedParties,
    private readonly tenant: string,
  ) {
    this.stamp = stampOf(c.versionBefore, c.listVersion);
  }

  /** Parties held: what the reader keeps for the batches after (a full rebuild would hold a whole tenant's). */
  get held(): number {
    return this.facilities.size + this.materials.size + this.firms.size;
  }

  /** Starts reading the unchanged ones among these parties (the cache first), with the firms operating the facilities. */
  want(ids: Partial<PartyIds>): void {
    const held = lookUpPlaces(cacheOf(this.c.graph), this.tenant, this.stamp, {
      facilityIds: this.fresh(ids.facilityIds, this.c.changed.facilityIds, this.asked.facilities),
      materialIds: this.fresh(ids.materialIds, this.c.changed.materialIds, this.asked.materials),
      firmIds: [],
    });
    for (const [id, f] of held.facilities) this.facilities.set(id, f);
    for (const [id, m] of held.materials) this.materials.set(id, m);
    this.wantFirms([...held.facilities.values()].map((f) => f.firmId));
    for (const part of chunks(held.missing.facilities, 5000))
      this.enqueue(
        (tx) => readRows(tx, FACILITIES_FOR_TRACE, this.tenant, part, 5000, facilityOf),
        (rows) => {
          for (const f of rows) this.facilities.set(f.id, f);
          this.wantFirms(rows.map((f) => f.firmId));
        },
      );
    for (const part of chunks(held.missing.materials, 5000))
      this.enqueue(
        (tx) => readRows<TraceMaterial>(tx, MATERIALS_FOR_TRACE, this.tenant, part, 5000),
        (rows) => rows.forEach((m) => this.materials.set(m.id, m)),
      );
    this.wantFirms(ids.firmIds ?? []);
  }

  /**
   * The party context of `ids` as the writer's transaction sees it: what the committed reads
   * brought, and the changed or missing parties read in `tx` (a changed firm with every owner
   * above it as the transaction sees them). Everything in `tx` when the committed store moved.
   */
  async contextInTx(tx: ManagedTransaction, ids: PartyIds): Promise<PartyContext> {
    const facilityIds = [...new Set(ids.facilityIds)];
    const materialIds = [...new Set(ids.materialIds)];
    this.want({ facilityIds, materialIds, firmIds: ids.firmIds });
    await this.settled();
    if (this.failure) throw this.failure.error;
    // cache hits need no read of their own: one check that the store is still where the writer
    // began (versions are fresh tokens, never reused) vouches for them
    if (!this.moved) this.moved = !(await this.c.graph.readTransaction((rtx) => this.c.unmoved(rtx)));
    if (this.moved) return loadPartyContextInTx(tx, this.tenant, { facilityIds, materialIds, firmIds: ids.firmIds });
    const { changed } = this.c;
    const facilities = takeUnchanged(facilityIds, changed.facilityIds, this.facilities);
    for (const f of await readRows(tx, FACILITIES_FOR_TRACE, this.tenant, facilities.toRead, 5000, facilityOf))
      facilities.records.set(f.id, f);
    const materials = takeUnchanged(materialIds, changed.materialIds, this.materials);
    for (const m of await readRows<TraceMaterial>(tx, MATERIALS_FOR_TRACE, this.tenant, materials.toRead, 5000))
      materials.records.set(m.id, m);
    const firmsInTx = new Set(this.changedOwners);
    for (const id of [...ids.firmIds, ...[...facilities.records.values()].map((f) => f.firmId)])
      if (changed.firmIds.has(id) || !this.firms.has(id)) firmsInTx.add(id);
    const firms = new Map(this.firms);
    // and any record of the same entity none of these reads brought (a changed one is never read as committed)
    await readFirmsClosed(tx, this.tenant, [...firmsInTx], firms);
    return { facilities: [...facilities.records.values()], materials: [...materials.records.values()], firms: [...firms.values()] };
  }

  /**
   * After the writer has committed at `versionAfter` (call only then): the trace cache's entries
   * of the version it began on stand for the new one too, but for the parties it changed, and so
   * does every record this reader read as committed (none of them changed). Traces after an
   * import, and the next import's refresh, then find its suppliers cached.
   */
  carryInto(versionAfter: string): void {
    if (this.moved || this.failure) return;
    const cache = cacheOf(this.c.graph);
    const to = stampOf(versionAfter, this.c.listVersion);
    const { changed } = this.c;
    const dropped = [
      ...[...changed.facilityIds].map((id) => ({ kind: 'facility' as const, id })),
      ...[...changed.materialIds].map((id) => ({ kind: 'material' as const, id })),
      ...[...changed.firmIds].map((id) => ({ kind: 'firm' as const, id })),
    ];
    if (!cache.carry(this.tenant, this.stamp, to, dropped)) return;
    for (const value of this.facilities.values()) cache.set(this.tenant, to, { kind: 'facility', value });
    for (const value of this.materials.values()) cache.set(this.tenant, to, { kind: 'material', value });
    for (const value of this.firms.values()) cache.set(this.tenant, to, { kind: 'firm', value });
  }

  /** The ids of `ids` not changed and not asked for before, now marked asked. */
  private fresh(ids: Iterable<string> | undefined, changed: ReadonlySet<string>, asked: Set<string>): string[] {
    const out: string[] = [];
    for (const id of ids ?? [])
      if (!changed.has(id) && !asked.has(id)) {
        asked.add(id);
        out.push(id);
      }
    return out;
  }

  private keepFirm(f: TraceFirm): void {
    this.asked.firms.add(f.id);
    if (this.c.changed.firmIds.has(f.id)) this.changedOwners.add(f.id);
    else this.firms.set(f.id, f);
  }

  private wantFirms(ids: Iterable<string>): void {
    const held = lookUpFirms(cacheOf(this.c.graph), this.tenant, this.stamp, this.fresh(ids, this.c.changed.firmIds, this.asked.firms));
    for (const f of held.firms.values()) this.keepFirm(f);
    // FIRMS_FOR_TRACE returns each firm asked for and every owner above it
    for (const part of chunks(held.missing, 2000))
      this.enqueue(
        (tx) => readRows(tx, FIRMS_FOR_TRACE, this.tenant, part, 2000, firmOf),
        (rows) => {
          rows.forEach((f) => this.keepFirm(f));
          // a record confirmed to be the same entity, and its owners, are not above the firm: asked for in turn
          this.wantFirms(rows.flatMap(relatedFirmIds));
        },
      );
  }

  /** A read of the committed store, kept only when the store has not moved before or during it. */
  private enqueue<T>(read: (tx: ManagedTransaction) => Promise<T>, keep: (rows: T) => void): void {
    this.queue.push(async () => {
      const out = await this.c.graph.readTransaction(async (tx) => {
        if (!(await this.c.unmoved(tx))) return undefined;
        const rows = await read(tx);
        return (await this.c.unmoved(tx)) ? { rows } : undefined;
      });
      if (out) keep(out.rows);
      else this.moved = true;
    });
    this.pump();
  }

  private pump(): void {
    // once the store has moved (or a read failed) everything is read in the transaction instead
    if (this.moved || this.failure) this.queue.length = 0;
    while (this.running < IN_FLIGHT && this.queue.length) {
      const job = this.queue.shift()!;
      this.running++;
      job()
        .catch((error: unknown) => {
          this.failure ??= { error };
        })
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
    if (!this.running && !this.queue.length) for (const wake of this.waiting.splice(0)) wake();
  }

  private settled(): Promise<void> {
    if (!this.running && !this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
