// UNDECIDED_XUAR_PLACE: the site's address names a place in the XUAR, but the record leaves open
// whether the site is there. Three ways: neither the facility nor its firm gives a country (the
// reference data reads a name as the XUAR only with country CN: "Aksu" is also a town in Turkey),
// or the name is also a place elsewhere in China ("Beitun", "Xinxing", "Shuanghe") and nothing
// else in the address says which, or a XUAR postcode stands beside a place elsewhere ("Shanghai
// 830000": a slip in one or the other). XUAR_LOCATION rightly takes neither; read as nowhere, "Kashgar"
// with the country column left empty, or "Beitun" with no province, traced CLEAR. The verdict
// stays INCOMPLETE until the country or the province decides. Not presumptive. The record read
// is the one XUAR_LOCATION reads (the facility's, or its firm's where the facility gives none);
// a site that gives no address at all is UNLOCATED_XUAR_NAME's to read. With no country, names
// are read as written, not for slips: stripped of their countries, the generated sites abroad
// gave 575 "Minas" (Gerais) read as Manas, and none as written.
import { countryCodeOf } from '../../../model/gazetteer/countries';
import type { TraceFacility } from '../../records';
import { defineFlagKind, siteOf, type Party } from '../flagKind';
import { judgeLocation } from '../judges';
import { namesPlaceElsewhere } from '../placesElsewhere';
import { locateInXuar } from '../xuarPlaceMatcher';
import { readXuarPostcode } from '../xuarPostcode';
import { located, locateSite, otherCountry } from './xuarLocation';

interface Undecided {
  noCountry: boolean;
  evidence: string[];
}

type Fields = Pick<TraceFacility, 'country' | 'province' | 'city' | 'address'>;

/** The record XUAR_LOCATION reads for the site's address, with the country it is read with. */
function addressRead({ facility, firm }: Party): { fields: Fields; country: string | null } | null {
  if (located(facility)) return { fields: facility!, country: facility!.country ?? firm?.country ?? null };
  // the firm's address stands for a facility that gives none, unless the facility is in another country
  if (!located(firm) || otherCountry(facility?.country, firm!.country)) return null;
  return { fields: firm!, country: firm!.country ?? facility?.country ?? null };
}

function judgeParty(party: Party): Undecided | null {
  const read = addressRead(party);
  if (!read) return null;
  // in the XUAR already (characters, the region's name, a registration number, coordinates)
  if (locateSite(party).inXuar) return null;
  const { province, city, address } = read.fields;
  const noCountry = !read.country;
  // with no country, names are read as written: one letter from a XUAR name is a name elsewhere
  // ("Minas Gerais" is not Manas) more often than a slip
  const place = noCountry
    ? locateInXuar({ country: 'CN', province, city, address }, { misspellings: false, postcodes: false })
    : judgeLocation({ country: read.country, province, city, address });
  const whose = party.facility && read.fields === party.firm ? ["the facility gives no address: its firm's is read"] : [];
  if (place.inXuar) {
    // only the missing country stands between this address and XUAR_LOCATION
    return noCountry ? { noCountry, evidence: [...whose, ...place.evidence.map((e) => `with country CN: ${e}`)] } : null;
  }
  // a XUAR postcode the rest of the address contradicts ("Shanghai 830000"): a slip in either
  const postcode = read.country && countryCodeOf(read.country) === 'CN' ? xuarPostcodeIn(read.fields) : undefined;
  if (postcode) return { noCountry, evidence: [...whose, `${postcode}, but the rest of the address places the site elsewhere`] };
  if (!place.undecided || namesPlaceElsewhere([province, city, address].filter(Boolean).join(', '))) return null;
  return { noCountry, evidence: [...whose, ...place.undecided] };
}

/** The note of a XUAR postcode in the address fields of a site in China, if any. */
function xuarPostcodeIn(fields: Fields): string | undefined {
  for (const field of ['address', 'city', 'province'] as const) {
    const value = fields[field];
    const reading = value ? readXuarPostcode(field, value, true) : null;
    if (reading) return reading.note;
  }
  return undefined;
}

export const undecidedXuarPlace = defineFlagKind({
  kind: 'UNDECIDED_XUAR_PLACE',
  presumptive: false,
  verdictEffect: 'INCOMPLETE',
  judgeParty,
  judge: (_hop, found) => found,
  pinsFacility: true,
  reason: (hop, { noCountry, evidence }) =>
    `${siteOf(hop)} (tier ${hop.tier}) ` +
    (noCountry
      ? `gives no country, and its address names a place in the XUAR: ${evidence.join('; ')}. The site's country decides`
      : `gives an address naming a place that may be in the XUAR, and nothing in it says which: ${evidence.join('; ')}. The site's province or full address decides`) +
    '; until it is given the trace cannot be cleared.',
  evidence: (_hop, { noCountry, evidence }) => [...(noCountry ? ['neither the facility nor its firm gives a country'] : []), ...evidence],
  packetEvidence: (party, f) =>
    `${party} (tier ${f.tier}) gives an address that names a place in the XUAR without deciding it: the site's country, province and full address with a business record that shows them (business license, utility bill, bill of lading). ${f.reason}`,
  display: {
    label: 'XUAR place, undecided',
    icon: '?',
    severity: 'SIGNAL',
    legend: 'XUAR place named, location undecided',
    description:
      'The address names a place in the XUAR but does not decide that the site is there: no country is given, or the name is also a place elsewhere in China and nothing else in the address says which. The verdict stays INCOMPLETE until the country or province decides.',
  },
});
