// The two steps every kind of pair takes after an import, in its transaction: store the
// profiles and blocking keys and read back the blocks they fall in; then store the pairs the
// rules found and drop the pending ones they no longer find. The rules in between are the kind's own.
import type { ManagedTransaction } from 'neo4j-driver';
import { randomUUID } from 'node:crypto';
import { runRows } from '../../graph/graph';
import { MAX_BLOCK } from './pairing';

const BATCH = 2000;

/** One kind's statements (cypher.ts) and its profile version. */
export interface PairStatements {
  storeProfiles: string;
  blocksOfKeys: string;
  storeCandidates: string;
  dropStale: string;
  version: number;
}

/** Stores the profiles with their keys; returns every block (2 to MAX_BLOCK profiles) of those keys, stored profiles included. */
export async function storeProfilesAndReadBlocks<P extends { id: string }>(
  tx: ManagedTransaction,
  tenant: string,
  profiles: readonly P[],
  keysOf: (p: P) => string[],
  q: PairStatements,
): Promise<P[][]> {
  const rows = profiles.map((p) => ({ id: p.id, keys: keysOf(p), profile: JSON.stringify(p) }));
  for (let i = 0; i < rows.length; i += BATCH) {
    await runRows(tx, q.storeProfiles, { tenant, rows: rows.slice(i, i + BATCH), version: q.version });
  }
  const keys = [...new Set(rows.flatMap((r) => r.keys))];
  const blocks: P[][] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const found = await runRows<{ key: string; profiles: string[] }>(tx, q.blocksOfKeys, {
      tenant,
      keys: keys.slice(i, i + BATCH),
      maxBlock: MAX_BLOCK,
    });
    for (const b of found) blocks.push(b.profiles.map((p) => JSON.parse(p) as P));
  }
  return blocks;
}

/** Stores the pairs found among the re-profiled records (`ids`), drops their pending pairs no longer found; returns how many are new. */
export async function storeProposedPairs(
  tx: ManagedTransaction,
  tenant: string,
  pairs: readonly { id: string; ids: readonly [string, string]; basis: string; reason: string }[],
  ids: readonly string[],
  q: PairStatements,
): Promise<number> {
  const run = randomUUID();
  const params = pairs.map((p) => ({ id: p.id, a: p.ids[0], b: p.ids[1], basis: p.basis, reason: p.reason }));
  let created = 0;
  for (let i = 0; i < params.length; i += BATCH) {
    const [row] = await runRows<{ created: number }>(tx, q.storeCandidates, { tenant, run, pairs: params.slice(i, i + BATCH) });
    created += row?.created ?? 0;
  }
  // once for all the records: the stamp comes off as each candidate is read (cypher.ts)
  await runRows(tx, q.dropStale, { tenant, run, ids });
  return created;
}

/** The batch size that takes every record waiting to be profiled (one statement text serves both). */
export const ALL = 2 ** 31 - 1;
