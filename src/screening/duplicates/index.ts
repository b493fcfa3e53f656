// Duplicate firms: pairs of a tenant's firms that look like one legal entity, proposed after
// every import and reviewed like screening matches; a confirmed pair is linked by SAME_AS.
export { proposeDuplicatesInTx } from './propose';
export type { ProposeReport } from './propose';
export { duplicatesPage, decideDuplicate } from './review';
export type { DuplicateRecord, DuplicatesPage } from './review';
export { profileOf, pairVerdict, pairsInBlocks, blockingKeys, pairId, nameKey, foldRegistration, MAX_BLOCK } from './pairing';
export type { FirmForPairing, FirmProfile, DuplicatePair, DuplicateBasis } from './pairing';
