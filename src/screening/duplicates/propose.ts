// After every import, in its transaction: profile the tenant's new and changed firms, store
// their blocking keys, compare each with the firms sharing a key, and store the pairs that
// look like one legal entity as candidates for review. The cost follows the firms that
// changed and the size of their blocks (at most MAX_BLOCK), never the square of the tenant.
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../../graph/graph';
import * as Q from './cypher';
import { blockingKeys, FirmForPairing, FirmProfile, MAX_BLOCK, pairsInBlocks, PROFILE_VERSION, profileOf } from './pairing';

const BATCH = 2000;

export interface ProposeReport {
  /** firms profiled again (new, re-imported, or of an older profile version) */
  profiled: number;
  /** candidate pairs the rules found among them (decided pairs keep their decision) */
  pairs: number;
  /** candidates stored for the first time (pairs never proposed before) */
  created: number;
}

/** `everyFirm`: profile every firm of the tenant again, not only new and changed ones (after a list update). */
export async function proposeDuplicatesInTx(
  tx: ManagedTransaction,
  tenant: string,
  opts: { everyFirm?: boolean } = {},
): Promise<ProposeReport> {
  const firms = await runRows<FirmForPairing>(tx, Q.FIRMS_TO_PROFILE, { tenant, version: PROFILE_VERSION, all: opts.everyFirm ?? false });
  if (!firms.length) return { profiled: 0, pairs: 0, created: 0 };
  const profiles = firms.map(profileOf);
  const rows = profiles.map((p) => ({ id: p.id, keys: blockingKeys(p), profile: JSON.stringify(p) }));
  for (let i = 0; i < rows.length; i += BATCH) {
    await runRows(tx, Q.STORE_FIRM_PROFILES, { tenant, rows: rows.slice(i, i + BATCH), version: PROFILE_VERSION });
  }
  const keys = [...new Set(rows.flatMap((r) => r.keys))];
  const blocks: FirmProfile[][] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const found = await runRows<{ key: string; profiles: string[] }>(tx, Q.BLOCKS_OF_KEYS, {
      tenant,
      keys: keys.slice(i, i + BATCH),
      maxBlock: MAX_BLOCK,
    });
    for (const b of found) blocks.push(b.profiles.map((p) => JSON.parse(p) as FirmProfile));
  }
  const firmIds = profiles.map((p) => p.id);
  const pairs = pairsInBlocks(blocks, new Set(firmIds));
  const run = randomUUID();
  const params = pairs.map((p) => ({ id: p.id, a: p.firmIds[0], b: p.firmIds[1], basis: p.basis, reason: p.reason }));
  let created = 0;
  for (let i = 0; i < params.length; i += BATCH) {
    const [row] = await runRows<{ created: number }>(tx, Q.STORE_CANDIDATES, { tenant, run, pairs: params.slice(i, i + BATCH) });
    created += row?.created ?? 0;
  }
  // once for all the firms: the stamp comes off as each candidate is read (cypher.ts)
  await runRows(tx, Q.DROP_STALE_CANDIDATES, { tenant, run, firmIds });
  return { profiled: profiles.length, pairs: pairs.length, created };
}
