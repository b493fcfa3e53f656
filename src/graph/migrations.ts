// Upgrades of the stored model. The graph records the model version it was written with (one
// ModelVersion node); start-up applies, in order, every named step a store has not had, so a
// store written by any earlier release comes up to date. Each step is idempotent (IF NOT EXISTS,
// MERGE, SET of derived values), so a step cut short by a crash is simply run again. A store
// written by a newer release is refused: its model may mean things this code does not know.
import type { Graph } from './graph';
import { ensureSchema } from './schema';
import { MODEL_VERSION_CONSTRAINT, READ_MODEL_VERSION, RECORD_MIGRATION_STEP } from './cypher';

/**
 * Work a step needs from a layer above the graph (the graph layer imports none): the entry
 * point passes it to `migrate`.
 */
export interface MigrationCapabilities {
  /** Stores every firm's and facility's name search forms (src/lookup/backfill.ts). */
  backfillSearchForms(graph: Graph): Promise<void>;
  /** Judges every tenant's shipments whose stored summaries are missing or stale (trace/summaries/). */
  ensureShipmentSummaries(graph: Graph): Promise<void>;
}

export interface Migration {
  /** Stable, unique name: it is stored on the version node once applied. */
  name: string;
  run(graph: Graph, capabilities: MigrationCapabilities): Promise<void>;
  /** Runs on every start-up, not only once: for cheap idempotent steps others extend in place (schema.ts). */
  everyStart?: boolean;
}

/** Every step, oldest first. Add new ones at the end; never reorder or rename. */
export const MIGRATIONS: readonly Migration[] = [
  { name: 'record-model-version', run: (g) => g.write(MODEL_VERSION_CONSTRAINT).then(() => undefined) },
  // schema.ts's list grows with new indexes; IF NOT EXISTS makes re-running it cheap
  { name: 'constraints-and-indexes', run: ensureSchema, everyStart: true },
  {
    // restore and merge look audit events up by id
    name: 'audit-event-id-index',
    run: (g) => g.write('CREATE INDEX audit_event_id IF NOT EXISTS FOR (n:AuditEvent) ON (n.tenant, n.id)').then(() => undefined),
  },
  {
    // the name search's full-text index (schema.ts) reads grams the import now writes: add them
    // to what was written before, then drop the range index the old search scanned
    name: 'name-search-forms',
    run: (g, capabilities) => capabilities.backfillSearchForms(g),
  },
  {
    // the risk view reads stored summaries; stores written before them get theirs here (idempotent: current ones are left alone)
    name: 'shipment-summaries',
    run: (g, capabilities) => capabilities.ensureShipmentSummaries(g),
  },
];
/** The model version this code writes: the number of steps it knows. */
export const MODEL_VERSION = MIGRATIONS.length;

export class StoreTooNewError extends Error {
  readonly code = 'STORE_TOO_NEW';
}

export interface MigrationReport {
  /** the version the store had (0: none recorded, as releases before versioning wrote) */
  from: number;
  to: number;
  applied: string[];
}

/** The version node's key: one per store (tests name their own, so they never touch the store's). */
export const MODEL_KEY = 'graph';

export async function storedModelVersion(
  graph: Graph,
  key = MODEL_KEY,
): Promise<{ version: number; steps: string[]; release: string | null }> {
  const [row] = await graph.read<{ version: number | null; steps: string[]; release: string | null }>(READ_MODEL_VERSION, { key });
  return { version: row?.version ?? 0, steps: row?.steps ?? [], release: row?.release ?? null };
}

/** Brings the store up to MODEL_VERSION, or refuses a store written by a newer release. */
export async function migrate(
  graph: Graph,
  opts: { release: string; capabilities: MigrationCapabilities; steps?: readonly Migration[]; log?: (msg: string) => void; key?: string },
): Promise<MigrationReport> {
  const steps = opts.steps ?? MIGRATIONS;
  const key = opts.key ?? MODEL_KEY;
  const stored = await storedModelVersion(graph, key);
  if (stored.version > steps.length) {
    throw new StoreTooNewError(
      `the graph store was written by a newer release (model version ${stored.version}${stored.release ? `, release ${stored.release}` : ''}); ` +
        `this release (${opts.release}) knows model version ${steps.length} and will not change it. Run that release or a later one, or restore a backup made by this one.`,
    );
  }
  const applied: string[] = [];
  for (const [i, step] of steps.entries()) {
    const done = stored.steps.includes(step.name);
    if (done && !step.everyStart) continue;
    await step.run(graph, opts.capabilities);
    if (done) continue;
    await graph.write(RECORD_MIGRATION_STEP, { key, version: i + 1, name: step.name, release: opts.release });
    applied.push(step.name);
    opts.log?.(`graph model: applied step ${i + 1} "${step.name}"`);
  }
  return { from: stored.version, to: steps.length, applied };
}
