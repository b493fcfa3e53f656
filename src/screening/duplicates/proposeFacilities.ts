// After every import, in its transaction, as propose.ts does for firms (and after it: the
// firms' fresh candidates count as ties): profile the tenant's new and changed facilities,
// store their blocking keys (OS ID, name), compare each with the facilities sharing a key,
// and store the pairs that look like one site for review.
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
  type FirmLink,
} from './facilityPairing';
import { MAX_BLOCK, pairId } from './pairing';
import type { ProposeReport } from './propose';
import { ALL, PairStatements, storeProfilesAndReadBlocks, storeProposedPairs } from './proposeSteps';

const BATCH = 2000;

const FACILITY_STATEMENTS: PairStatements = {
  storeProfiles: Q.STORE_FACILITY_PROFILES,
  blocksOfKeys: Q.FACILITY_BLOCKS_OF_KEYS,
  storeCandidates: Q.STORE_FACILITY_CANDIDATES,
  dropStale: Q.DROP_STALE_FACILITY_CANDIDATES,
  version: FACILITY_PROFILE_VERSION,
};

export async function proposeFacilityDuplicatesInTx(
  tx: ManagedTransaction,
  tenant: string,
  opts: { first?: number } = {},
): Promise<ProposeReport> {
  const facilities = await runRows<FacilityForPairing>(tx, Q.FACILITIES_TO_PROFILE, {
    tenant,
    version: FACILITY_PROFILE_VERSION,
    first: opts.first ?? ALL,
  });
  if (!facilities.length) return { profiled: 0, pairs: 0, created: 0 };
  const profiles = facilities.map(facilityProfileOf);
  const blocks = await storeProfilesAndReadBlocks(tx, tenant, profiles, facilityBlockingKeys, FACILITY_STATEMENTS);
  const firms = await firmLinksAmong(tx, tenant, blocks);
  const facilityIds = profiles.map((p) => p.id);
  const pairs = facilityPairsInBlocks(blocks, new Set(facilityIds), MAX_BLOCK, firms);
  const stored = pairs.map((p) => ({ ...p, ids: p.facilityIds }));
  const created = await storeProposedPairs(tx, tenant, stored, facilityIds, FACILITY_STATEMENTS);
  return { profiled: profiles.length, pairs: pairs.length, created };
}

/** The ties (one entity, proposed as one) among the firms of the blocks' facilities, by pairId of the two firm ids. */
async function firmLinksAmong(tx: ManagedTransaction, tenant: string, blocks: FacilityProfile[][]): Promise<Map<string, FirmLink>> {
  // only the firms of blocks in which two firms meet can tie anything
  const firmIds = [...new Set(blocks.filter((b) => new Set(b.map((p) => p.firmId)).size > 1).flatMap((b) => b.map((p) => p.firmId)))];
  const among = new Set(firmIds);
  const links = new Map<string, FirmLink>();
  for (let i = 0; i < firmIds.length; i += BATCH) {
    const rows = await runRows<{ firm: string; other: string; link: FirmLink }>(tx, Q.FIRM_LINKS_OF, {
      tenant,
      firmIds: firmIds.slice(i, i + BATCH),
    });
    for (const r of rows) {
      if (!among.has(r.other)) continue;
      const id = pairId(r.firm, r.other);
      if (links.get(id) !== 'ONE_ENTITY') links.set(id, r.link);
    }
  }
  return links;
}
