// XUAR_LOCATION: the shipping facility (or, without a located facility, its firm) lies in
// the Xinjiang Uyghur Autonomous Region. Presumptive. A facility that gives only its country
// is not located: in its firm's country, the firm's address says where it is ("CN" alone
// for the facility, Urumqi for the firm had read as nowhere, a CLEAR); in another country,
// the facility's country stands. A facility a reviewer confirmed to be the same site as another
// (SAME_SITE) is where either record says: an addressless record of a XUAR mill is in the XUAR.
import type { TraceFacility, TraceFirm } from '../../records';
import { defineFlagKind, siteOf } from '../flagKind';
import { judgeLocation } from '../judges';
import type { XuarLocation } from '../xuarPlaceMatcher';

const located = (p: Pick<TraceFacility, 'province' | 'city' | 'address'> | undefined) => !!p && !!(p.province || p.city || p.address);

/** The facility's own location when it says where it is, else its firm's; and whether the firm's was read. */
function locationOf(fac: TraceFacility | undefined, firm: TraceFirm | undefined) {
  const countryOnly = !!fac?.country && !located(fac);
  const elsewhere = countryOnly && !!firm?.country && firm.country !== fac!.country;
  const src = located(fac) || elsewhere || (countryOnly && !located(firm)) ? fac : firm;
  return {
    location: {
      country: src?.country ?? fac?.country ?? firm?.country ?? null,
      province: src?.province ?? null,
      city: src?.city ?? null,
      address: src?.address ?? null,
    },
    firmRead: !!fac && src === firm,
  };
}

function judgeParty({ facility, firm }: { facility: TraceFacility | undefined; firm: TraceFirm | undefined }): XuarLocation {
  const { location, firmRead } = locationOf(facility, firm);
  const place = judgeLocation(location);
  if (place.inXuar && firmRead) {
    const said = facility!.country ? `gives only its country (${facility!.country})` : 'gives no location';
    return { ...place, evidence: [`the facility ${said}: its firm's location is read`, ...place.evidence] };
  }
  if (place.inXuar) return place;
  for (const site of facility?.sameSite ?? []) {
    if (!located(site)) continue;
    const there = judgeLocation({
      country: site.country ?? facility?.country ?? firm?.country ?? null,
      province: site.province ?? null,
      city: site.city ?? null,
      address: site.address ?? null,
    });
    if (there.inXuar)
      return {
        ...there,
        evidence: [`confirmed to be the same site as facility ${site.id} (duplicate records), which lies here:`, ...there.evidence],
      };
  }
  return place;
}

export const xuarLocation = defineFlagKind({
  kind: 'XUAR_LOCATION',
  presumptive: true,
  verdictEffect: 'FLAGGED',
  judgeParty,
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
    description:
      'The facility (or a record confirmed to be the same site), or the firm of a facility that gives no more than its country, lies in the Xinjiang Uyghur Autonomous Region.',
  },
});
