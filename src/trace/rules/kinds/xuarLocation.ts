// XUAR_LOCATION: the shipping facility (or, without a located facility, its firm) lies in
// the Xinjiang Uyghur Autonomous Region. Presumptive. A facility that gives only its country
// is not located: in its firm's country, the firm's address says where it is ("CN" alone
// for the facility, Urumqi for the firm had read as nowhere, a CLEAR); in another country,
// the facility's country stands. A facility a reviewer confirmed to be the same site as another
// (SAME_SITE) is where either record says: an addressless record of a XUAR mill is in the XUAR.
// Where the firm's location is read, a firm registered in the XUAR (its unified social credit
// code's division) is in the XUAR whatever its address says (registeredInXuar.ts). A facility
// whose coordinates (lat, lon) lie inside the XUAR's outline is in the XUAR, in China or where
// no country is given, whatever its address fields say (xuarCoordinates.ts).
import type { TraceFacility, TraceFirm } from '../../records';
import { defineFlagKind, siteOf } from '../flagKind';
import { judgeLocation } from '../judges';
import type { XuarLocation } from '../xuarPlaceMatcher';
import { countryCodeOf } from '../../../model/gazetteer/countries';
import { registeredInXuar } from '../registeredInXuar';
import { coordinatesInXuar } from '../xuarCoordinates';

/** Whether a facility or firm gives a location beyond its country (its address fields). */
export const located = (p: Pick<TraceFacility, 'province' | 'city' | 'address'> | undefined) =>
  !!p && !!(p.province || p.city || p.address);
const fieldsOf = (p: Pick<TraceFacility, 'country' | 'province' | 'city' | 'address'>, country: string | null | undefined) => ({
  country: p.country ?? country ?? null,
  province: p.province ?? null,
  city: p.city ?? null,
  address: p.address ?? null,
});
const codeOf = (c: string | null | undefined) => (c ? countryCodeOf(c) : undefined);
/** Two country fields name different countries (a field the rule cannot read as a code, "Xinjiang", differs from none). */
export const otherCountry = (a: string | null | undefined, b: string | null | undefined) => {
  const [ca, cb] = [codeOf(a), codeOf(b)];
  return !!ca && !!cb && ca !== cb;
};
const withNote = (place: XuarLocation, note: string): XuarLocation => ({ ...place, evidence: [note, ...place.evidence] });

/** Where the rule places a site: in the XUAR (with its evidence) or not. */
export function locateSite(party: { facility: TraceFacility | undefined; firm: TraceFirm | undefined }): XuarLocation {
  const place = judgeByFields(party);
  if (place.inXuar) return place;
  return byCoordinates(party) ?? place;
}

/**
 * A facility whose coordinates lie inside the XUAR, in China or a country not given: whatever its
 * address fields say (an address elsewhere is named beside it, for the reviewer to weigh).
 */
function byCoordinates({ facility, firm }: { facility: TraceFacility | undefined; firm: TraceFirm | undefined }): XuarLocation | null {
  if (!facility) return null;
  const code = codeOf(facility.country ?? firm?.country);
  if (code && code !== 'CN') return null;
  const inside = coordinatesInXuar(facility.lat, facility.lon);
  if (!inside) return null;
  const written = [facility.address, facility.city, facility.province].filter(Boolean).join(', ');
  return {
    inXuar: true,
    confidence: 'definite',
    evidence: [`facility ${inside}`, ...(written ? [`note: its address fields ("${written}") do not name the XUAR`] : [])],
  };
}

function judgeByFields({ facility, firm }: { facility: TraceFacility | undefined; firm: TraceFirm | undefined }): XuarLocation {
  // a facility that gives nothing: its firm's location, as the firm of no facility
  if (!facility || !(facility.country || located(facility))) {
    const firmPlace = judgeLocation(fieldsOf(firm ?? {}, facility?.country));
    const place = firmPlace.inXuar ? firmPlace : (firm && registeredInXuar(firm)) || firmPlace;
    return facility && place.inXuar ? withNote(place, "the facility gives no location: its firm's location is read") : place;
  }
  // the facility's own location first, whatever follows
  const place = judgeLocation(fieldsOf(facility, firm?.country));
  if (place.inXuar) return place;
  if (!located(facility) && firm && !otherCountry(facility.country, firm.country)) {
    const there = located(firm) ? judgeLocation(fieldsOf(firm, facility.country)) : undefined;
    const registered = there?.inXuar ? there : registeredInXuar(firm);
    if (registered) return withNote(registered, `the facility gives only its country (${facility.country}): its firm's location is read`);
  }
  for (const site of facility.sameSite ?? []) {
    if (!located(site)) continue;
    const there = judgeLocation(fieldsOf(site, facility.country ?? firm?.country));
    if (there.inXuar) return withNote(there, `confirmed to be the same site as facility ${site.id} (duplicate records), which lies here:`);
  }
  return place;
}

export const xuarLocation = defineFlagKind({
  kind: 'XUAR_LOCATION',
  presumptive: true,
  verdictEffect: 'FLAGGED',
  judgeParty: locateSite,
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
      'The facility (by its address or its coordinates, or a record confirmed to be the same site), or the firm of a facility that gives no more than its country, lies in the Xinjiang Uyghur Autonomous Region, or the firm is registered there.',
  },
});
