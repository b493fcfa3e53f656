// After every import, in its transaction, as propose.ts does for firms: profile the tenant's
// new and changed facilities, store their blocking keys (OS ID, name), compare each with the
// facilities sharing a key, and store the pairs that look like one site for review.
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../../graph/graph';
import * as Q from './cypher';
import {
  FACILITY_PROFILE_VERSION,
  facilityBlockingKeys,
  facilityPairsInBlocks,
  facilityProfileOf,
  type FacilityForPairing,
  type FacilityProfile,
} from './facilityPairing';
import { MAX_BLOCK } from './pairing';
import type { ProposeReport } from './propose';

const BATCH = 2000;

export async function proposeFacilityDuplicatesInTx(tx: ManagedTransaction, tenant: string): Promise<ProposeReport> {
  const facilities = await runRows<FacilityForPairing>(tx, Q.FACILITIES_TO_PROFILE, { tenant, version: FACILITY_PROFILE_VERSION });
  if (!facilities.length) return { profiled: 0, pairs: 0, created: 0 };
  const profiles = facilities.map(facilityProfileOf);
  const rows = profiles.map((p) => ({ id: p.id, keys: facilityBlockingKeys(p), profile: JSON.stringify(p) }));
  for (let i = 0; i < rows.length; i += BATCH) {
    await runRows(tx, Q.STORE_FACILITY_PROFILES, { tenant, rows: rows.slice(i, i + BATCH), version: FACILITY_PROFILE_VERSION });
  }
  const keys = [...new Set(rows.flatMap((r) => r.keys))];
  const blocks: FacilityProfile[][] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const found = await runRows<{ key: string; profiles: string[] }>(tx, Q.FACILITY_BLOCKS_OF_KEYS, {
      tenant,
      keys: keys.slice(i, i + BATCH),
      maxBlock: MAX_BLOCK,
    });
    for (const b of found) blocks.push(b.profiles.map((p) => JSON.parse(p) as FacilityProfile));
  }
  const facilityIds = profiles.map((p) => p.id);
  const pairs = facilityPairsInBlocks(blocks, new Set(facilityIds), MAX_BLOCK);
  const run = randomUUID();
  const params = pairs.map((p) => ({ id: p.id, a: p.facilityIds[0], b: p.facilityIds[1], basis: p.basis, reason: p.reason }));
  let created = 0;
  for (let i = 0; i < params.length; i += BATCH) {
    const [row] = await runRows<{ created: number }>(tx, Q.STORE_FACILITY_CANDIDATES, { tenant, run, pairs: params.slice(i, i + BATCH) });
    created += row?.created ?? 0;
  }
  // once for all the facilities: the stamp comes off as each candidate is read (cypher.ts)
  await runRows(tx, Q.DROP_STALE_FACILITY_CANDIDATES, { tenant, run, facilityIds });
  return { profiled: profiles.length, pairs: pairs.length, created };
}
