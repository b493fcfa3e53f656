// Applying a newer Entity List: store it as a new version, carry review decisions over
// renamed entries, re-screen every tenant's firms against it, and report what changed
// and which firms newly match (the alert list).
import type { Graph } from '../graph/graph';
import type { EntityListVersion } from '../model/entityList';
import { storeEntityListVersion, currentEntityList } from './listStore';
import type { ScreeningService } from './service';
import { prepareEntityListUpdate, EntityListDiff } from './update';
import * as Q from './cypher';
import { rescreenTenant } from './rescreenTenant';

export interface ListUpdateReport {
  previousVersion: string;
  version: string;
  format: string;
  added: string[];
  removed: string[];
  changed: { name: string; fields: string[] }[];
  /** firms that match an entry they did not match before, per tenant */
  alerts: { tenant: string; firmId: string; firmName: string; entityName: string; decision: string; score: number }[];
}

/** A version string not used yet: the list's own, or that with a suffix. */
async function freshVersion(graph: Graph, wanted: string): Promise<string> {
  const rows = await graph.read<{ version: string }>(Q.VERSION_NAMES);
  const used = new Set(rows.map((r) => r.version));
  if (!used.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!used.has(`${wanted}.${i}`)) return `${wanted}.${i}`;
}

export async function applyEntityListUpdate(
  graph: Graph,
  screening: ScreeningService,
  path: string,
  opts: { actor: string; version?: string; snapshotDate?: string },
): Promise<ListUpdateReport> {
  const current = await currentEntityList(graph);
  const update = prepareEntityListUpdate(path, current, { version: opts.version, snapshotDate: opts.snapshotDate });
  const list: EntityListVersion = { ...update.list, version: await freshVersion(graph, update.list.version) };
  return applyVersion(graph, screening, current, list, update.diff, update.format, opts.actor);
}

export async function applyVersion(
  graph: Graph,
  screening: ScreeningService,
  current: EntityListVersion,
  list: EntityListVersion,
  diff: EntityListDiff,
  format: string,
  actor: string,
): Promise<ListUpdateReport> {
  // Renamed entries keep their node (and so every review decision that points at it).
  const renames = diff.changed.filter((c) => c.previousKey && c.previousKey !== c.key).map((c) => ({ from: c.previousKey, to: c.key }));
  if (renames.length) await graph.write(Q.RENAME_LISTED_ENTITIES, { renames });
  const before = await graph.read<{ tenant: string; firmId: string; entryKey: string }>(Q.ALL_MATCH_KEYS);
  await storeEntityListVersion(graph, list);
  screening.invalidate();

  const tenants = (await graph.read<{ tenant: string }>(Q.TENANTS_WITH_FIRMS)).map((r) => r.tenant);
  for (const tenant of tenants)
    await rescreenTenant(graph, screening, tenant, list.version, {
      actor,
      action: 'LIST_UPDATE',
      target: list.version,
      detail: { previous: current.version, added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length },
    });
  const seen = new Set(before.map((b) => `${b.tenant}|${b.firmId}|${b.entryKey}`));
  const after = await graph.read<{
    tenant: string;
    firmId: string;
    firmName: string;
    entryKey: string;
    entityName: string;
    decision: string;
    score: number;
  }>(Q.ALL_MATCHES_WITH_NAMES);
  const alerts = after.filter((m) => !seen.has(`${m.tenant}|${m.firmId}|${m.entryKey}`)).map(({ entryKey: _k, ...rest }) => rest);
  return {
    previousVersion: current.version,
    version: list.version,
    format,
    added: diff.added.map((e) => e.name),
    removed: diff.removed.map((e) => e.name),
    changed: diff.changed.map((c) => ({ name: c.name, fields: c.fields })),
    alerts,
  };
}
