// TRANSSHIPMENT (origin-checks.md): a flow leaving a facility in country X passes through
// (ships on without a change of heading) an input that left a facility in country Y ≠ X.
// One flag per such pair, at the tier of the flow leaving X, its path running from the
// carried flow to the input. A signal: it never changes the verdict.
import { defineFlagKind, materialNameOf, siteOf, type Hop } from '../flagKind';
import { passedThrough } from '../origin';
import { inputsInIdOrder } from '../../records';

interface Transshipped {
  /** the country the flow leaves */
  x: string;
  /** the country its input left */
  y: string;
  inputId: string;
  heading: string;
}

function transshipments(hop: Hop): Transshipped[] {
  const through = passedThrough(hop.origin, hop.flowId);
  if (!through.length) return [];
  const x = hop.origin.country(hop.flowId);
  if (!x) return [];
  const heading = hop.origin.heading(hop.flowId)!;
  const found: Transshipped[] = [];
  for (const inputId of through) {
    const y = hop.origin.country(inputId);
    if (y && y !== x) found.push({ x, y, inputId, heading });
  }
  return found;
}

export const transshipment = defineFlagKind({
  kind: 'TRANSSHIPMENT',
  presumptive: false,
  verdictEffect: null,
  judge: (hop) => transshipments(hop)[0] ?? null,
  findings: transshipments,
  path: (hop, t) => [...hop.pathTo(hop.flowId), t.inputId],
  pinsFacility: true,
  reason: (hop, t) =>
    `${siteOf(hop)} in ${t.x} (tier ${hop.tier}) shipped ${materialNameOf(hop)} (heading ${t.heading}) as received from ${t.y} ` +
    `(flow ${t.inputId}), without a change of heading: the goods passed through ${t.x}.`,
  evidence: (hop, t) => [
    `flow ${hop.flowId} leaves ${t.x}, heading ${t.heading}`,
    `its input ${t.inputId} left ${t.y}, heading ${t.heading}`,
    inputsInIdOrder(hop.flow).find((i) => i.id === t.inputId)?.lot === false
      ? 'input by the facility-level fallback (not lot-allocated)'
      : 'input by lot',
  ],
  packetEvidence: (party, f) =>
    `${party} (tier ${f.tier}) shipped on goods received from another country without a change of heading: the production records of the facility showing the work done there, and the certificate of origin of the goods it received.`,
  display: {
    label: 'Transshipment',
    icon: '⇄',
    severity: 'SIGNAL',
    legend: 'transshipment',
    description:
      'A facility shipped on goods received from another country without a change of tariff heading: they passed through its country.',
  },
});
