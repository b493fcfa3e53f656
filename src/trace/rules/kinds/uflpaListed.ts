// UFLPA_LISTED: the shipping firm is on the UFLPA Entity List on asOf (an automatic MATCH or
// a confirmed candidate, never a rejected one). Presumptive.
import { defineFlagKind } from '../flagKind';

export const uflpaListed = defineFlagKind({
  kind: 'UFLPA_LISTED',
  presumptive: true,
  verdictEffect: 'FLAGGED',
  judge: (hop) => hop.listingOf(hop.firmId),
  pinsFacility: false,
  reason: (hop, listing) =>
    `${hop.firmName(hop.firmId)} (tier ${hop.tier}) is on the UFLPA Entity List as "${listing.entityName}" ` +
    `(matched "${listing.matchedName}", effective ${listing.effectiveDate}).`,
  evidence: (_hop, listing) => [
    `entry "${listing.entityName}"`,
    `matched name "${listing.matchedName}"`,
    `score ${listing.score.toFixed(2)}`,
    `${listing.status === 'CONFIRMED' ? 'confirmed by review' : 'automatic MATCH'}`,
    `effective ${listing.effectiveDate}`,
  ],
  packetEvidence: (party, f) =>
    `${party} (tier ${f.tier}) matches an Entity List entry: either evidence that it is not the listed entity (registration number, address, ownership; a reviewer may then reject the match), or evidence that these goods did not originate with the listed entity and involved no forced labor.`,
  display: {
    label: 'UFLPA Entity List',
    icon: '⚑',
    severity: 'FLAG',
    legend: 'UFLPA Entity List',
    description: 'The firm matches a UFLPA Entity List entry effective on the assessment date (a MATCH or a confirmed candidate).',
  },
});
