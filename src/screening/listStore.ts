// The Entity List in the graph: each version stored whole (for history and diffs), the
// current one also as ListedEntity nodes that screening matches point at.
import type { Graph } from '../graph/graph';
import { EntityListVersion, loadSeedEntityList } from '../model/entityList';
import * as Q from './cypher';

export async function storeEntityListVersion(graph: Graph, list: EntityListVersion): Promise<void> {
  const entries = list.entries.map((e) => ({ ...e, sections: e.sections.map((s) => `${s.section} effective ${s.effectiveDate}`) }));
  await graph.write(Q.STORE_LIST_VERSION, {
    version: list.version,
    snapshotDate: list.snapshotDate,
    source: list.source,
    entriesJson: JSON.stringify(list.entries),
    entries,
    keys: list.entries.map((e) => e.key),
    loadedAt: new Date().toISOString(),
  });
}

/** Loads the shipped snapshot when the graph has no list yet. */
export async function ensureEntityList(graph: Graph): Promise<string> {
  const [row] = await graph.read<{ version: string | null }>(Q.CURRENT_VERSION);
  if (row?.version) return row.version;
  const seed = loadSeedEntityList();
  await storeEntityListVersion(graph, seed);
  return seed.version;
}

/** Every stored version, oldest first: version, snapshotDate, loadedAt, current, entries. */
export async function storedVersions(graph: Graph): Promise<Record<string, unknown>[]> {
  return graph.read<Record<string, unknown>>(Q.ALL_VERSIONS);
}

export async function currentEntityList(graph: Graph): Promise<EntityListVersion> {
  const [row] = await graph.read<{ version: string; snapshotDate: string; source: string; entriesJson: string }>(Q.CURRENT_VERSION_DETAIL);
  if (!row) throw new Error('no Entity List version is stored; start-up loads the shipped snapshot');
  return { version: row.version, snapshotDate: row.snapshotDate, source: row.source, entries: JSON.parse(row.entriesJson) };
}
