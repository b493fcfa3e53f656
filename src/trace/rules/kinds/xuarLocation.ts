// XUAR_LOCATION: the shipping facility (or, without a located facility, its firm) lies in
// the Xinjiang Uyghur Autonomous Region. Presumptive.
import type { TraceFacility, TraceFirm } from '../../records';
import { defineFlagKind, siteOf } from '../flagKind';
import { judgeLocation } from '../judges';

/** The facility's own location when it has one, else its firm's. */
function locationOf(fac: TraceFacility | undefined, firm: TraceFirm | undefined) {
  const useFacility = fac && (fac.country || fac.province || fac.city || fac.address);
  const src = useFacility ? fac : firm;
  return {
    country: src?.country ?? firm?.country ?? null,
    province: src?.province ?? null,
    city: src?.city ?? null,
    address: src?.address ?? null,
  };
}

export const xuarLocation = defineFlagKind({
  kind: 'XUAR_LOCATION',
  presumptive: true,
  verdictEffect: 'FLAGGED',
  judgeParty: ({ facility, firm }) => judgeLocation(locationOf(facility, firm)),
  judge: (_hop, place) => (place.inXuar ? place : null),
  pinsFacility: true,
  reason: (hop, place) => `${siteOf(hop)} (tier ${hop.tier}) lies in the Xinjiang Uyghur Autonomous Region: ${place.evidence.join('; ')}.`,
  evidence: (_hop, place) => [...place.evidence],
  packetEvidence: (party, f) =>
    `${party} (tier ${f.tier}) lies in the XUAR: evidence that none of its workers came through government labor transfer, "poverty alleviation" or "pairing assistance" programs, with worker-level records; note that audits inside the XUAR are not regarded as reliable on their own.`,
  display: {
    label: 'In the XUAR',
    icon: '⚑',
    severity: 'FLAG',
    legend: 'XUAR location',
    description: 'The facility, or a firm with no located facility on the path, lies in the Xinjiang Uyghur Autonomous Region.',
  },
});
