// TIER_LIMIT: the walk stopped at maxTiers with inputs of this flow not followed, so
// whatever lies upstream of them (a XUAR gin, a listed smelter) was never judged. A trace
// that did not look cannot say CLEAR: the verdict is at least INCOMPLETE, and tracing
// again with a larger maxTiers settles it. Not presumptive.
import { defineFlagKind, siteOf, type Hop } from '../flagKind';
import { inputsInIdOrder } from '../../records';

/** The inputs of the hop's flow the walk stopped short of, at the tier limit only. */
function inputsBeyondLimit(hop: Hop): string[] | null {
  if (hop.tier < hop.maxTiers) return null;
  // in id order, so the evidence reads the same whatever order the inputs came in
  const cut = inputsInIdOrder(hop.flow)
    .filter((i) => !hop.reached(i.id))
    .map((i) => i.id);
  return cut.length ? cut : null;
}

export const tierLimit = defineFlagKind({
  kind: 'TIER_LIMIT',
  presumptive: false,
  verdictEffect: 'INCOMPLETE',
  judge: inputsBeyondLimit,
  pinsFacility: true,
  reason: (hop, cut) =>
    `The trace stopped at tier ${hop.tier} (maxTiers ${hop.maxTiers}) without following ${cut.length} input flow(s) of ${siteOf(hop)} ` +
    `(${cut.join(', ')}): nothing upstream of them was judged. Trace again with a larger maxTiers.`,
  evidence: (hop, cut) => [`maxTiers ${hop.maxTiers}`, `input flows not followed: ${cut.join(', ')}`],
  display: {
    label: 'Tier limit reached',
    icon: '…',
    severity: 'SIGNAL',
    legend: 'tier limit reached',
    description: 'The walk stopped at maxTiers before the chain ended: inputs beyond it were not judged, so the trace cannot be CLEAR.',
  },
});
