// Duplicate firms: pairs of a tenant's firms that look like one legal entity, proposed after
// every import and reviewed like screening matches; a confirmed pair is linked by SAME_AS.
// Duplicate facilities likewise (one site under two ids, an Open Supply Hub id the strong
// evidence); a confirmed pair is linked by SAME_SITE.
export { proposeDuplicatesInTx } from './propose';
export type { ProposeReport } from './propose';
export { proposeFacilityDuplicatesInTx } from './proposeFacilities';
export { duplicatesPage, decideDuplicate, facilityDuplicatesPage, decideFacilityDuplicate, sameSiteAs } from './review';
export type { DuplicateRecord, DuplicatesPage } from './review';
export { profileOf, pairVerdict, pairsInBlocks, blockingKeys, pairId, nameKey, foldRegistration, MAX_BLOCK } from './pairing';
export type { FirmForPairing, FirmProfile, DuplicatePair, DuplicateBasis } from './pairing';
export { facilityProfileOf, facilityPairVerdict, facilityPairsInBlocks, facilityBlockingKeys, foldOsId } from './facilityPairing';
export type {
  FacilityForPairing,
  FacilityProfile,
  FacilityDuplicatePair,
  FacilityDuplicateBasis,
  FirmLink,
  FirmLinks,
} from './facilityPairing';
export { isSiteWord } from './siteWords';
