// POSSIBLE_LISTING: the shipping firm, or a firm controlling it whose entry covers
// subsidiaries, matches an Entity List entry effective on asOf only as POSSIBLE (the name
// lacks the entry's place, is its parent or sibling form, or is close but not sure) and no
// reviewer has confirmed or rejected the match. Screening cannot clear such a firm on its
// own, so the verdict is at least INCOMPLETE until a reviewer decides: confirmed, the firm
// is UFLPA_LISTED (or LISTED_AFFILIATE); rejected, the flag goes. Not presumptive.
import type { StoredMatch } from '../../records';
import type { OwnerChain } from '../control';
import { defineFlagKind, Hop } from '../flagKind';

interface PendingListing {
  match: StoredMatch;
  /** the controlling chain when the match is on an owner, null when on the firm itself */
  ctl: OwnerChain | null;
}

/** The firm's own unreviewed match, else its nearest controller's (entries covering subsidiaries); none when a listing already flags it. */
function pendingListing(hop: Hop): PendingListing | null {
  if (hop.listingOf(hop.firmId)) return null;
  const own = hop.pendingListingOf(hop.firmId);
  if (own) return { match: own, ctl: null };
  const controllers = hop.controllersOf(hop.firmId);
  // a listed controller makes it LISTED_AFFILIATE already
  if (controllers.some((c) => hop.listingOf(c.ownerId)?.coversSubsidiaries)) return null;
  for (const ctl of controllers) {
    const match = hop.pendingListingOf(ctl.ownerId);
    if (match?.coversSubsidiaries) return { match, ctl };
  }
  return null;
}

const matchText = (m: StoredMatch) =>
  `"${m.matchedName}" is a POSSIBLE match (score ${m.score.toFixed(2)}) for the Entity List entry "${m.entityName}" (effective ${m.effectiveDate})`;

export const possibleListing = defineFlagKind({
  kind: 'POSSIBLE_LISTING',
  presumptive: false,
  verdictEffect: 'INCOMPLETE',
  judge: pendingListing,
  pinsFacility: false,
  reason: (hop, { match, ctl }) =>
    (ctl
      ? `${hop.firmName(hop.firmId)} (tier ${hop.tier}) is controlled by ${hop.firmName(ctl.ownerId)} (chain ${ctl.chain.join(' > ')}), whose name ${matchText(match)}, an entry that covers subsidiaries.`
      : `${hop.firmName(hop.firmId)} (tier ${hop.tier}): the name ${matchText(match)}.`) +
    ' No reviewer has decided the match, so the trace cannot be cleared: confirmed, the firm is treated as listed; rejected, this flag goes.',
  evidence: (hop, { match, ctl }) => [
    `entry "${match.entityName}"`,
    `matched name "${match.matchedName}"`,
    `score ${match.score.toFixed(2)}, decision POSSIBLE, not reviewed`,
    `effective ${match.effectiveDate}`,
    ...(ctl ? [`controlled by ${hop.firmName(ctl.ownerId)} through ${ctl.chain.join(' > ')}`] : []),
  ],
  packetEvidence: (party, f) =>
    `${party} (tier ${f.tier}) possibly matches an Entity List entry: its business license or registration record (registered name, ` +
    `registration number, address) and ownership, so that a reviewer can confirm or reject the match. ${f.reason}`,
  display: {
    label: 'Possible Entity List match',
    icon: '?',
    severity: 'SIGNAL',
    legend: 'possible Entity List match, not reviewed',
    description:
      'The firm (or a firm controlling it, for entries covering subsidiaries) matches an Entity List entry only as POSSIBLE and no reviewer has ' +
      'confirmed or rejected it; the verdict stays INCOMPLETE until one does.',
  },
});
