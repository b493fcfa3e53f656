// After every import, in its transaction: profile the tenant's new and changed firms, store
// their blocking keys, compare each with the firms sharing a key, and store the pairs that
// look like one legal entity as candidates for review. The cost follows the firms that
// changed and the size of their blocks (at most MAX_BLOCK), never the square of the tenant.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../../graph/graph';
import * as Q from './cypher';
import { blockingKeys, FirmForPairing, pairsInBlocks, PROFILE_VERSION, profileOf } from './pairing';
import { ALL, PairStatements, storeProfilesAndReadBlocks, storeProposedPairs } from './proposeSteps';

export interface ProposeReport {
  /** firms profiled again (new, re-imported, or of an older profile version) */
  profiled: number;
  /** candidate pairs the rules found among them (decided pairs keep their decision) */
  pairs: number;
  /** candidates stored for the first time (pairs never proposed before) */
  created: number;
}

const FIRM_STATEMENTS: PairStatements = {
  storeProfiles: Q.STORE_FIRM_PROFILES,
  blocksOfKeys: Q.BLOCKS_OF_KEYS,
  storeCandidates: Q.STORE_CANDIDATES,
  dropStale: Q.DROP_STALE_CANDIDATES,
  version: PROFILE_VERSION,
};

/** `everyFirm`: profile every firm of the tenant again, not only new and changed ones (after a list update). */
export async function proposeDuplicatesInTx(
  tx: ManagedTransaction,
  tenant: string,
  opts: { everyFirm?: boolean; first?: number } = {},
): Promise<ProposeReport> {
  const firms = await runRows<FirmForPairing>(tx, Q.FIRMS_TO_PROFILE, {
    tenant,
    version: PROFILE_VERSION,
    all: opts.everyFirm ?? false,
    first: opts.first ?? ALL,
  });
  if (!firms.length) return { profiled: 0, pairs: 0, created: 0 };
  const profiles = firms.map(profileOf);
  const blocks = await storeProfilesAndReadBlocks(tx, tenant, profiles, blockingKeys, FIRM_STATEMENTS);
  const firmIds = profiles.map((p) => p.id);
  const pairs = pairsInBlocks(blocks, new Set(firmIds));
  const stored = pairs.map((p) => ({ ...p, ids: p.firmIds }));
  const created = await storeProposedPairs(tx, tenant, stored, firmIds, FIRM_STATEMENTS);
  return { profiled: profiles.length, pairs: pairs.length, created };
}
