// How many duplicate-facility pairs the rules propose on generated data, and on what basis:
// the pure rules over the generator's facilities, blocked as the import blocks them (keys,
// MAX_BLOCK), every facility new as on a first import, the firms' ties the duplicate-firm
// candidates the same import proposes (pending). Not part of `npm run bench`.
//   npx tsx bench/facilityPairCounts.ts --flows 10000 [--no-address] [--seed 1] [--show 5]
import { generateBundleChunks } from '../src/generate/generator';
import {
  blockingKeys,
  facilityBlockingKeys,
  facilityPairsInBlocks,
  facilityProfileOf,
  MAX_BLOCK,
  pairsInBlocks,
  profileOf,
} from '../src/screening/duplicates';
import type { FacilityProfile, FirmLinks, FirmProfile } from '../src/screening/duplicates';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const flows = Number(arg('flows', '10000'));
const seed = Number(arg('seed', '1'));
const show = Number(arg('show', '5'));
const noAddress = process.argv.includes('--no-address');

const profiles: FacilityProfile[] = [];
const firmProfiles: FirmProfile[] = [];
for (const chunk of generateBundleChunks({ flows, seed })) {
  for (const f of chunk.firms) firmProfiles.push(profileOf({ ...f, address: undefined, listedEntries: [] } as never));
  for (const f of chunk.facilities) {
    profiles.push(facilityProfileOf({ ...f, firmId: f.firm, address: noAddress ? null : f.address }));
  }
}
function blocksOf<T>(items: T[], keysOf: (t: T) => string[]): T[][] {
  const byKey = new Map<string, T[]>();
  for (const t of items) for (const k of keysOf(t)) byKey.set(k, [...(byKey.get(k) ?? []), t]);
  return [...byKey.values()];
}
const firmPairs = pairsInBlocks(blocksOf(firmProfiles, blockingKeys), new Set(firmProfiles.map((p) => p.id)));
const firmLinks: FirmLinks = new Map(firmPairs.map((p) => [p.id, 'CANDIDATE' as const]));
const blocks = blocksOf(profiles, facilityBlockingKeys);
const pairs = facilityPairsInBlocks(blocks, new Set(profiles.map((p) => p.id)), MAX_BLOCK, firmLinks);
const byId = new Map(profiles.map((p) => [p.id, p]));
const classes = new Map<string, number>();
for (const pair of pairs) {
  const [a, b] = pair.facilityIds.map((id) => byId.get(id)!);
  const cls = `${pair.basis} ${a.firmId === b.firmId ? 'same firm' : 'two firms'}`;
  classes.set(cls, (classes.get(cls) ?? 0) + 1);
}
const oversize = blocks.filter((b) => b.length > MAX_BLOCK).length;
console.log(
  `flows ${flows} seed ${seed} ${noAddress ? 'without' : 'with'} addresses: firms ${firmProfiles.length} (candidate pairs ${firmPairs.length}), facilities ${profiles.length}, blocks>=2 ${blocks.filter((b) => b.length >= 2).length} (over ${MAX_BLOCK}: ${oversize}), pairs ${pairs.length}`,
);
for (const [cls, n] of [...classes].sort()) console.log(`  ${cls}: ${n}`);
for (const pair of pairs.slice(0, show)) {
  const [a, b] = pair.facilityIds.map((id) => byId.get(id)!);
  console.log(`  e.g. ${a.id} (${a.firmId}) "${a.name}" ~ ${b.id} (${b.firmId}) "${b.name}": ${pair.reason}`);
}
