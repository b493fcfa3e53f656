// Keeping the stored summaries current, inside the transaction of every change that moves a
// verdict. A writer calls beginSummaryChange before it writes (after taking the tenant's
// lock) and finishSummaryChange after it has written and bumped the tenant's data version:
// the shipments the changed records reach before and after the change are judged again and
// the tenant's summaries are marked current at the new version. Summaries that were not
// current before the change stay not current (the view then judges live, and refreshes them):
// a summary never stands for a state it was not computed on.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../../graph/graph';
import { runRows } from '../../graph/graph';
import { lockTenant, tenantVersionInTx } from '../../graph/tenantVersion';
import { chunks } from '../concurrency';
import { DEFAULT_MAX_TIERS, today } from '../traceShipment';
import * as Q from './cypher';
import { verdictRulesFingerprint } from './rulesFingerprint';
import { ShipmentToSummarize, summarizeInTx } from './compute';
import { CommittedPartyReader, type CommittedParties } from '../committedParties';

/** The records a change touches; any may be left out. */
export interface SummarySeeds {
  firmIds?: readonly string[];
  facilityIds?: readonly string[];
  materialIds?: readonly string[];
  flowIds?: readonly string[];
  shipmentIds?: readonly string[];
}

export interface SummaryState {
  version: string | null;
  summariesAt: string | null;
  summariesList: string | null;
  /** The verdict rules the summaries were judged by (rulesFingerprint.ts). */
  summariesRules: string | null;
  shipments: number;
  summaries: number;
  outdated: number;
}

/**
 * How a rebuild is cut up, bounding a transaction's memory on a tenant of any size: shipments
 * judged per batch, and parties one committed reader keeps across batches (about 2 KB each with
 * their judgments). Tests pass smaller ones.
 */
export interface SummaryLimits {
  batch: number;
  readerMaxParties: number;
}
const LIMITS: SummaryLimits = { batch: 5000, readerMaxParties: 200_000 };

export async function summaryStateInTx(tx: ManagedTransaction, tenant: string): Promise<SummaryState> {
  const [row] = await runRows<SummaryState>(tx, Q.SUMMARY_STATE, { tenant, today: today() });
  return row;
}

/** The Entity List version current in the store (what screening reads too). */
export async function storedListVersionInTx(tx: ManagedTransaction): Promise<string | null> {
  const [row] = await runRows<{ version: string | null }>(tx, Q.CURRENT_LIST_VERSION);
  return row?.version ?? null;
}

/**
 * Whether every shipment of the tenant has a summary computed at its current data version, this
 * list version and by this release's verdict rules, none judged on another day. A tenant with no
 * shipment and no summary has nothing to be stale.
 */
export function summariesCurrent(state: SummaryState | undefined, listVersion: string | null): boolean {
  if (!state) return false;
  if (state.shipments === 0 && state.summaries === 0) return true;
  return (
    state.version !== null &&
    state.summariesAt === state.version &&
    listVersion !== null &&
    state.summariesList === listVersion &&
    state.summariesRules === verdictRulesFingerprint() &&
    state.summaries === state.shipments &&
    state.outdated === 0
  );
}

/** The facilities and every facility confirmed to be the same site as one of them. */
async function sameSites(tx: ManagedTransaction, tenant: string, facilityIds: readonly string[] | undefined): Promise<string[]> {
  if (!facilityIds?.length) return [];
  return (await runRows<{ id: string }>(tx, Q.SAME_SITE_FACILITIES, { tenant, facilityIds: [...new Set(facilityIds)] })).map((r) => r.id);
}

/** Keys per statement of the walk: bounds a parameter list on a tenant of any size. */
const WALK_BATCH = 20_000;

/**
 * The shipments whose default trace reads any of the records (or any of the flows named by element
 * id in `fromKeys`). The walk goes downstream one level at a time, each flow once, to the trace's
 * reach and one hop past it (the inputs of its deepest flows decide TIER_LIMIT), collecting the
 * shipments each level's flows carry on the way.
 */
export async function affectedShipmentsInTx(
  tx: ManagedTransaction,
  tenant: string,
  seeds: SummarySeeds,
  fromKeys: Iterable<string> = [],
): Promise<Set<string>> {
  const firmIds = seeds.firmIds?.length
    ? (await runRows<{ id: string }>(tx, Q.AFFECTED_FIRMS, { tenant, firmIds: [...new Set(seeds.firmIds)] })).map((r) => r.id)
    : [];
  const hits = await runRows<{ key: string }>(tx, Q.HIT_FLOWS, {
    tenant,
    firmIds,
    facilityIds: await sameSites(tx, tenant, seeds.facilityIds),
    materialIds: [...new Set(seeds.materialIds ?? [])],
    flowIds: [...new Set(seeds.flowIds ?? [])],
  });
  const ids = new Set<string>();
  const reached = new Set([...hits.map((h) => h.key), ...fromKeys]);
  let frontier = [...reached];
  for (let level = 0; frontier.length; level++) {
    const next: string[] = [];
    // the last level's flows are only read for their shipments
    const further = level < DEFAULT_MAX_TIERS;
    for (const keys of chunks(frontier, WALK_BATCH)) {
      for (const row of await runRows<{ fedKeys: string[]; shipmentIds: string[] }>(tx, Q.WALK_STEP, { keys, further })) {
        for (const id of row.shipmentIds) ids.add(id);
        for (const key of row.fedKeys)
          if (!reached.has(key)) {
            reached.add(key);
            next.push(key);
          }
      }
    }
    frontier = next;
  }
  const named = [...new Set(seeds.shipmentIds ?? [])];
  if (firmIds.length || named.length)
    for (const { id } of await runRows<{ id: string }>(tx, Q.SHIPMENTS_OF_IMPORTERS_OR_NAMED, { tenant, firmIds, shipmentIds: named }))
      ids.add(id);
  return ids;
}

/** The flows that take each of the stored flows among these ids as an input, by element id. */
async function feedersOf(tx: ManagedTransaction, tenant: string, flowIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunks([...new Set(flowIds)], WALK_BATCH))
    for (const r of await runRows<{ id: string; feeders: string[] }>(tx, Q.FEEDERS_OF, { tenant, ids: part })) out.set(r.id, r.feeders);
  return out;
}

/** What a refresh read as committed, and the version its writer commits at: for the trace cache once it has. */
interface PartiesRead {
  reader: CommittedPartyReader;
  versionAfter: string;
}

/** Judges the named shipments again (or every shipment of the tenant) and stores their summaries; drops those of shipments gone. */
async function storeSummaries(
  tx: ManagedTransaction,
  tenant: string,
  ids: Set<string> | 'all',
  listVersion: string,
  committed?: CommittedParties,
  limits: SummaryLimits = LIMITS,
): Promise<{ judged: number; partiesRead?: PartiesRead }> {
  const tenantVersion = await tenantVersionInTx(tx, tenant);
  let targets: ShipmentToSummarize[];
  let gone: string[];
  if (ids === 'all') {
    targets = await runRows<ShipmentToSummarize>(tx, Q.ALL_SHIPMENTS_TO_SUMMARIZE, { tenant });
    const present = new Set(targets.map((t) => t.shipment.id));
    gone = (await runRows<{ id: string }>(tx, Q.SUMMARY_IDS, { tenant })).map((r) => r.id).filter((id) => !present.has(id));
  } else {
    targets = [];
    for (const part of chunks([...ids], limits.batch))
      targets.push(...(await runRows<ShipmentToSummarize>(tx, Q.SHIPMENTS_TO_SUMMARIZE, { tenant, ids: part })));
    const present = new Set(targets.map((t) => t.shipment.id));
    gone = [...ids].filter((id) => !present.has(id));
  }
  // one reader for the batches, so a supplier shared by batches is read once, until it holds
  // readerMaxParties: then a fresh one, or judging every shipment of a 5M-flow tenant held
  // each of its parties at once (past 3 GB of heap)
  let reader = committed && new CommittedPartyReader(committed, tenant);
  for (const part of chunks(targets, limits.batch)) {
    if (committed && reader && reader.held > limits.readerMaxParties) reader = new CommittedPartyReader(committed, tenant);
    const rows = await summarizeInTx(tx, tenant, part, { listVersion, tenantVersion }, reader);
    for (const batch of chunks(rows, 1000)) await runRows(tx, Q.WRITE_SUMMARIES, { tenant, rows: batch });
  }
  for (const part of chunks(gone, 1000)) await runRows(tx, Q.DROP_SUMMARIES_OF_GONE, { tenant, ids: part });
  return { judged: targets.length, partiesRead: reader && { reader, versionAfter: tenantVersion } };
}

/** What beginSummaryChange saw: whether the summaries were current, and what the change reached before it. */
export interface SummaryChange {
  tenant: string;
  seeds: SummarySeeds;
  wasCurrent: boolean;
  listVersion: string | null;
  /** the shipments the change reached before it (a change that may cut any edge) */
  before: Set<string>;
  /** for a change that re-links only its own records: each stored seed flow's feeders before it */
  feedersBefore?: Map<string, string[]>;
  /** for a change that alters only its seed parties: the tenant's version before it, and where to read the rest */
  partiesBefore?: { graph: Graph; version: string };
  /** what its refresh read as committed, for the trace cache once the change has committed */
  partiesRead?: PartiesRead;
}

export interface SummaryChangeKind {
  /**
   * The change cuts no edge a walk follows except edges of its own seed records: an import, which
   * re-links the flows, facilities and shipments it writes (INPUT, FROM/TO, OPERATED_BY, CARRIED_BY)
   * and only adds ownership. Then a shipment the change reached before it still reaches, after it,
   * either a seed or a flow that fed a seed flow before (on its old path, the first edge the change
   * cut ends at a seed flow, and the path down to that edge is intact), so one walk after the write,
   * from the seeds and the lost feeders, replaces the walk before it. A change that can cut other
   * edges (a SAME_AS undone) walks before and after; an import statement that deleted any other edge
   * (src/import/cypher.ts) would break this and must drop the flag.
   */
  relinksOwnRecordsOnly?: boolean;
  /**
   * The change alters no party record but its seeds' (the fields of its firms, facilities and
   * materials, holdings into its firms, the screening matches of its firms): an import without
   * further work in its transaction. The refresh then reads the other parties from the committed
   * store (or the trace cache), where they are as they were (committedParties.ts), and reads the
   * seeds, and every firm confirmed to be the same entity as a seed firm (matches are shared
   * through SAME_AS), in the transaction.
   */
  altersOnlySeedParties?: { graph: Graph };
}

/** Call in the writer's transaction, after its tenant lock and before it writes. */
export async function beginSummaryChange(
  tx: ManagedTransaction,
  tenant: string,
  seeds: SummarySeeds,
  kind: SummaryChangeKind = {},
): Promise<SummaryChange> {
  const listVersion = await storedListVersionInTx(tx);
  const wasCurrent = summariesCurrent(await summaryStateInTx(tx, tenant), listVersion);
  const change: SummaryChange = { tenant, seeds, wasCurrent, listVersion, before: new Set() };
  // only a current store is kept current; a stale one is rebuilt whole by its next reader
  if (!wasCurrent) return change;
  if (kind.altersOnlySeedParties)
    change.partiesBefore = { graph: kind.altersOnlySeedParties.graph, version: await tenantVersionInTx(tx, tenant) };
  if (kind.relinksOwnRecordsOnly) change.feedersBefore = await feedersOf(tx, tenant, seeds.flowIds ?? []);
  else change.before = await affectedShipmentsInTx(tx, tenant, seeds);
  return change;
}

/** Call in the same transaction after the writes and the tenant's version bump. Returns the shipments judged again. */
export async function finishSummaryChange(tx: ManagedTransaction, change: SummaryChange): Promise<number> {
  const { tenant, listVersion } = change;
  if (!change.wasCurrent || listVersion === null) return 0;
  const lost: string[] = [];
  if (change.feedersBefore?.size) {
    const now = await feedersOf(tx, tenant, [...change.feedersBefore.keys()]);
    for (const [id, before] of change.feedersBefore) {
      const still = new Set(now.get(id) ?? []);
      for (const key of before) if (!still.has(key)) lost.push(key);
    }
  }
  const after = await affectedShipmentsInTx(tx, tenant, change.seeds, lost);
  const ids = new Set([...change.before, ...after]);
  // shipments without an entry date are judged as of today: a summary of an earlier day is redone too
  for (const { id } of await runRows<{ id: string }>(tx, Q.OUTDATED_SUMMARY_IDS, { tenant, today: today() })) ids.add(id);
  const { judged, partiesRead } = await storeSummaries(tx, tenant, ids, listVersion, await committedPartiesOf(tx, change));
  change.partiesRead = partiesRead;
  await runRows(tx, Q.MARK_SUMMARIES_CURRENT, { tenant, listVersion, rules: verdictRulesFingerprint() });
  return judged;
}

/** Call once the change's transaction has committed: the trace cache keeps what still holds (CommittedPartyReader.carryInto). */
export function summaryChangeCommitted(change: SummaryChange | undefined): void {
  change?.partiesRead?.reader.carryInto(change.partiesRead.versionAfter);
}

/** The committed store as a writer that began at `versionBefore` leaves it, but for the `changed` parties. */
function committedBeside(
  graph: Graph,
  tenant: string,
  versionBefore: string,
  listVersion: string,
  changed: CommittedParties['changed'],
): CommittedParties {
  return {
    graph,
    versionBefore,
    listVersion,
    unmoved: async (rtx) => (await tenantVersionInTx(rtx, tenant)) === versionBefore && (await storedListVersionInTx(rtx)) === listVersion,
    changed,
  };
}

/** Where a refresh may read the parties its change left alone (see altersOnlySeedParties). */
async function committedPartiesOf(tx: ManagedTransaction, change: SummaryChange): Promise<CommittedParties | undefined> {
  const { tenant, seeds, partiesBefore, listVersion } = change;
  if (!partiesBefore || listVersion === null) return undefined;
  const firmIds = seeds.firmIds?.length
    ? (await runRows<{ id: string }>(tx, Q.SAME_ENTITY_FIRMS, { tenant, firmIds: [...new Set(seeds.firmIds)] })).map((r) => r.id)
    : [];
  return committedBeside(partiesBefore.graph, tenant, partiesBefore.version, listVersion, {
    // a facility's record carries its same-site records' locations: theirs change with it
    facilityIds: new Set(await sameSites(tx, tenant, seeds.facilityIds)),
    materialIds: new Set(seeds.materialIds ?? []),
    firmIds: new Set([...(seeds.firmIds ?? []), ...firmIds]),
  });
}

/** Judges every shipment of the tenant and marks the summaries current (a list update, a stale store). Call under the tenant's lock. */
export async function rebuildSummariesInTx(tx: ManagedTransaction, tenant: string, listVersion: string): Promise<number> {
  const { judged } = await storeSummaries(tx, tenant, 'all', listVersion);
  await runRows(tx, Q.MARK_SUMMARIES_CURRENT, { tenant, listVersion, rules: verdictRulesFingerprint() });
  return judged;
}

const NOTHING_CHANGED: CommittedParties['changed'] = { facilityIds: new Set(), materialIds: new Set(), firmIds: new Set() };

/**
 * Brings a tenant's summaries up to date in one write transaction under the tenant's lock:
 * nothing when they are current, the outdated ones when only the day moved, all of them
 * otherwise. Returns the shipments judged. It writes summaries only, so every party reads
 * the same in its transaction as committed: they are read beside it, and kept in the trace
 * cache once it has committed.
 */
export async function ensureSummaries(graph: Graph, tenant: string, limits: SummaryLimits = LIMITS): Promise<number> {
  const { judged, partiesRead } = await graph.writeTransaction(async (tx) => {
    await lockTenant(tx, tenant);
    const listVersion = await storedListVersionInTx(tx);
    if (listVersion === null) return { judged: 0 };
    const state = await summaryStateInTx(tx, tenant);
    if (summariesCurrent(state, listVersion)) return { judged: 0 };
    const onlyTheDayMoved = summariesCurrent({ ...state, outdated: 0 }, listVersion);
    const ids = onlyTheDayMoved
      ? new Set((await runRows<{ id: string }>(tx, Q.OUTDATED_SUMMARY_IDS, { tenant, today: today() })).map((r) => r.id))
      : 'all';
    const version = await tenantVersionInTx(tx, tenant);
    const stored = await storeSummaries(
      tx,
      tenant,
      ids,
      listVersion,
      committedBeside(graph, tenant, version, listVersion, NOTHING_CHANGED),
      limits,
    );
    await runRows(tx, Q.MARK_SUMMARIES_CURRENT, { tenant, listVersion, rules: verdictRulesFingerprint() });
    return stored;
  }, 3600);
  partiesRead?.reader.carryInto(partiesRead.versionAfter);
  return judged;
}

/** Every tenant's summaries brought up to date (the migration step for stores written before them). */
export async function ensureAllSummaries(graph: Graph, log?: (msg: string) => void): Promise<void> {
  for (const { tenant } of await graph.read<{ tenant: string }>(Q.TENANTS_WITH_SHIPMENTS)) {
    const judged = await ensureSummaries(graph, tenant);
    if (judged) log?.(`shipment summaries: judged ${judged} shipments of tenant ${JSON.stringify(tenant)}`);
  }
}
