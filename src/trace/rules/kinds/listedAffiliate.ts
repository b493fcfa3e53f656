// LISTED_AFFILIATE: a listed entity whose entry covers subsidiaries controls the shipping
// firm: through a chain of majority holdings, or holding more than half together with firms it
// controls (control.ts). Presumptive.
import type { StoredMatch } from '../../records';
import type { OwnerChain } from '../control';
import { defineFlagKind, Hop } from '../flagKind';

interface ListedController {
  ctl: OwnerChain;
  ownerListing: StoredMatch;
}

/** The nearest controller whose listing covers subsidiaries. */
function listedController(hop: Hop): ListedController | null {
  for (const ctl of hop.controllersOf(hop.firmId)) {
    const ownerListing = hop.listingOf(ctl.ownerId);
    if (ownerListing && ownerListing.coversSubsidiaries) return { ctl, ownerListing };
  }
  return null;
}

const percent = (share: number) => `${+(share * 100).toFixed(1)}%`;

/** "Hoshine 40% + Sunrise Holdings 20% = 60%" */
function addedUp(hop: Hop, ctl: OwnerChain): string {
  const held = ctl.heldWith ?? [];
  const total = held.reduce((s, h) => s + h.share, 0);
  return `${held.map((h) => `${hop.firmName(h.ownerId)} ${percent(h.share)}`).join(' + ')} = ${percent(Math.min(1, total))}`;
}

export const listedAffiliate = defineFlagKind({
  kind: 'LISTED_AFFILIATE',
  presumptive: true,
  verdictEffect: 'FLAGGED',
  judge: listedController,
  pinsFacility: false,
  reason: (hop, { ctl, ownerListing }) =>
    `${hop.firmName(hop.firmId)} (tier ${hop.tier}) is controlled by ${hop.firmName(ctl.ownerId)}, listed as "${ownerListing.entityName}" ` +
    `whose listing covers subsidiaries (${ctl.heldWith ? `holdings added up in ${hop.firmName(ctl.heldIn ?? hop.firmId)}: ${addedUp(hop, ctl)}` : `chain ${ctl.chain.join(' > ')}`}).`,
  evidence: (hop, { ctl, ownerListing }) => [
    `controlled by ${hop.firmName(ctl.ownerId)} through ${ctl.chain.join(' > ')}`,
    ...(ctl.heldWith
      ? [
          `control adds up holdings in ${hop.firmName(ctl.heldIn ?? hop.firmId)}: ${addedUp(hop, ctl)}, each held by ${hop.firmName(ctl.ownerId)} or a firm it controls`,
        ]
      : []),
    // a chain names one record of each entity; the holdings of its other records count as its own
    ...ctl.chain.flatMap((id) => {
      const others = hop.otherRecordsOf(id);
      return others.length
        ? [`${hop.firmName(id)} is one legal entity with ${others.map((o) => hop.firmName(o)).join(', ')} (confirmed duplicate records)`]
        : [];
    }),
    `effective share ${(ctl.effectiveShare * 100).toFixed(1)}%`,
    `entry "${ownerListing.entityName}" covers subsidiaries`,
  ],
  packetEvidence: (party, f) =>
    `${party} (tier ${f.tier}) is controlled by a listed entity: current corporate registry extracts of the ownership chain and, if control has ended, dated evidence of when, plus worker-level labor evidence for the facility.`,
  display: {
    label: 'Controlled by a listed entity',
    icon: '⚑',
    severity: 'FLAG',
    legend: 'controlled by a listed entity',
    description:
      'A listed entity whose entry covers subsidiaries controls the firm: it holds more than 50%, directly, through a chain of such holdings, or together with firms it controls.',
  },
});
