// UNLOCATED_XUAR_NAME: the shipping site gives no location (its facility nothing beyond the
// country, its firm no address either) and its name names a place in the XUAR ("Aksu Cotton
// Gin", "Kashgar Spinning Mill"). Supplier sheets often carry names without addresses; read as
// nowhere, such a site traced CLEAR. A name is not a location (a trade name may borrow a place:
// "Hami Melon Traders"), so this is no presumption: the verdict stays INCOMPLETE until the site's
// address decides. The name is read by the place rule as an address would be, with its rules
// for ambiguous names, look-alikes and street names, but not for misspellings (a pinyin trade
// name one letter from a place is a name); a name that also names a province or city elsewhere
// in China ("Xinyuan Tianjin Extrusion") says where it is. Not presumptive.
import { countryCodeOf } from '../../../model/gazetteer/countries';
import { defineFlagKind, siteOf, type Party } from '../flagKind';
import { registeredInXuar } from '../registeredInXuar';
import { locateInXuar, type XuarLocation } from '../xuarPlaceMatcher';
import { located } from './xuarLocation';
import { namesPlaceElsewhere } from '../placesElsewhere';

interface NamedPlace {
  whose: 'facility' | 'firm';
  name: string;
  place: XuarLocation;
}

// coordinates locate a site too (and place it, in the XUAR or not: xuarCoordinates.ts)
const locatedOrPlaced = (p: (Parameters<typeof located>[0] & { lat?: number | null }) | undefined) =>
  located(p) || typeof p?.lat === 'number';

function judgeParty({ facility, firm }: Party): NamedPlace | null {
  if (locatedOrPlaced(facility) || located(firm)) return null;
  // only a real other country rules the XUAR out, as in the place rule
  const country = facility?.country ?? firm?.country;
  const code = country ? countryCodeOf(country) : undefined;
  if (code && code !== 'CN') return null;
  // a registration number issued in the XUAR already places the firm there (XUAR_LOCATION)
  if (firm && registeredInXuar(firm)) return null;
  for (const [whose, name] of [
    ['facility', facility?.name],
    ['firm', firm?.name],
  ] as const) {
    // read as written: a trade name one slip from a place is a name ("Taiheng", not Tacheng)
    if (!name || namesPlaceElsewhere(name)) continue;
    const place = locateInXuar({ country: 'CN', address: name }, { misspellings: false });
    if (place.inXuar) return { whose, name, place };
  }
  return null;
}

export const unlocatedXuarName = defineFlagKind({
  kind: 'UNLOCATED_XUAR_NAME',
  presumptive: false,
  verdictEffect: 'INCOMPLETE',
  judgeParty,
  judge: (_hop, found) => found,
  pinsFacility: true,
  reason: (hop, { whose, place }) =>
    `${siteOf(hop)} (tier ${hop.tier}) gives no location, and its ${whose}'s name names a place in the XUAR: ` +
    `${place.evidence.map((e) => e.replace(/^address /, 'name ')).join('; ')}. The site's address decides whether it lies in the XUAR; until it is given the trace cannot be cleared.`,
  evidence: (_hop, { whose, name, place }) => [
    `the facility gives no location beyond its country, nor does its firm`,
    `${whose} name "${name}"`,
    ...place.evidence.map((e) => e.replace(/^address /, 'name ')),
  ],
  packetEvidence: (party, f) =>
    `${party} (tier ${f.tier}) gives no address and its name names a place in the XUAR: the site's full address with a business record that shows it (business license, utility bill, bill of lading). ${f.reason}`,
  display: {
    label: 'Unlocated, XUAR place in name',
    icon: '?',
    severity: 'SIGNAL',
    legend: 'no location given, XUAR place in the name',
    description:
      'The site gives no location (nothing beyond its country, nor does its firm) and its facility or firm name names a place in the XUAR; the verdict stays INCOMPLETE until its address decides.',
  },
});
