// NO_COUNTRY_XUAR_PLACE: the site's address fields name a place in the XUAR, but neither the
// facility nor its firm gives a country. The reference data reads a name as the XUAR only with
// country CN ("Aksu" is also a town in Turkey and one in Kazakhstan), so XUAR_LOCATION does not
// take a romanized name alone; read as nowhere, "Urumqi" with the country column left empty
// traced CLEAR. Judged as XUAR_LOCATION would judge the site were its country CN: what stands
// between CLEAR and FLAGGED is the missing country, so the verdict stays INCOMPLETE until it is
// given. Not presumptive. A site that gives no address at all is UNLOCATED_XUAR_NAME's to read.
import { defineFlagKind, siteOf, type Party } from '../flagKind';
import type { XuarLocation } from '../xuarPlaceMatcher';
import { located, locateSite } from './xuarLocation';

function judgeParty({ facility, firm }: Party): XuarLocation | null {
  if (facility?.country || firm?.country) return null;
  if (!located(facility) && !located(firm)) return null;
  // in the XUAR already (characters, the region's name, a registration number, coordinates)
  if (locateSite({ facility, firm }).inXuar) return null;
  // the country given to the firm, which the facility's fields are read with (to the facility
  // itself, it would read as "the facility gives only its country")
  const asIfChina = firm
    ? locateSite({ facility, firm: { ...firm, country: 'CN' } })
    : locateSite({ facility: facility && { ...facility, country: 'CN' }, firm });
  return asIfChina.inXuar ? asIfChina : null;
}

export const noCountryXuarPlace = defineFlagKind({
  kind: 'NO_COUNTRY_XUAR_PLACE',
  presumptive: false,
  verdictEffect: 'INCOMPLETE',
  judgeParty,
  judge: (_hop, found) => found,
  pinsFacility: true,
  reason: (hop, place) =>
    `${siteOf(hop)} (tier ${hop.tier}) gives no country, and its address names a place in the XUAR: ${place.evidence.join('; ')}. ` +
    `A place name means the XUAR only in China, and some are also used elsewhere: the site's country decides; until it is given the trace cannot be cleared.`,
  evidence: (_hop, place) => ['neither the facility nor its firm gives a country', ...place.evidence.map((e) => `with country CN: ${e}`)],
  packetEvidence: (party, f) =>
    `${party} (tier ${f.tier}) gives no country and its address names a place in the XUAR: the site's country and full address with a business record that shows them (business license, utility bill, bill of lading). ${f.reason}`,
  display: {
    label: 'No country, XUAR place in address',
    icon: '?',
    severity: 'SIGNAL',
    legend: 'no country given, XUAR place in the address',
    description:
      'Neither the facility nor its firm gives a country, and the address names a place that, in China, lies in the XUAR; the verdict stays INCOMPLETE until the country decides.',
  },
});
