// ORIGIN_MISMATCH (origin-checks.md): the shipment declares a country of origin, the
// computed origin is known, and the declared country is not in it. One flag per flow where
// the computed origin was decided (a transforming flow reached through pass-throughs), at
// that flow's tier, its path the chain of pass-throughs from the carried flow. A signal: it
// never changes the verdict.
import { defineFlagKind, materialNameOf, siteOf, type Hop } from '../flagKind';
import type { OriginDecision } from '../origin';

interface Mismatch {
  declared: string;
  decision: OriginDecision;
  countries: string[];
}

function mismatchAt(hop: Hop): Mismatch | null {
  const declared = hop.shipment?.countryOfOrigin?.toUpperCase();
  if (!declared) return null;
  const origin = hop.shipmentOrigin();
  if (!origin?.known || origin.countries.includes(declared)) return null;
  const decision = origin.decidedAt.find((d) => d.flowId === hop.flowId);
  return decision ? { declared, decision, countries: origin.countries } : null;
}

export const originMismatch = defineFlagKind({
  kind: 'ORIGIN_MISMATCH',
  presumptive: false,
  verdictEffect: null,
  judge: mismatchAt,
  path: (_hop, m) => [...m.decision.path],
  pinsFacility: true,
  reason: (hop, m) =>
    `The entry declares origin ${m.declared}, but ${materialNameOf(hop)} was last transformed in ${m.decision.country} ` +
    `by ${siteOf(hop)} (tier ${hop.tier})` +
    (m.decision.path.length > 1 ? `, and only passed through the ${m.decision.path.length - 1} flow(s) after it.` : '.'),
  evidence: (hop, m) => [
    `declared country of origin ${m.declared}`,
    `computed origin ${m.countries.join(', ')}`,
    `flow ${hop.flowId} transforms in ${m.decision.country}` +
      (hop.material?.raw ? ' (raw material)' : ` (heading ${hop.origin.heading(hop.flowId)}, a change from every input's heading)`),
    ...(m.decision.path.length > 1 ? [`passed through unchanged: ${m.decision.path.slice(0, -1).join(' ← ')}`] : []),
  ],
  packetEvidence: (party, f) =>
    `${party} (tier ${f.tier}) is where the goods were last transformed, not the declared country: a certificate of origin and the production records of the transforming facility, or records showing a change of heading in the declared country.`,
  display: {
    label: 'Origin mismatch',
    icon: '≠',
    severity: 'SIGNAL',
    legend: 'origin mismatch',
    description:
      'The country of origin declared on the entry is not where the supply chain shows the goods were last transformed (a change of tariff heading).',
  },
});
