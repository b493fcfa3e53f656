// UNTRACED_INPUT: a material that is not raw reaches the trace with no input lots and
// nothing earlier flowing into its facility, so its origin is unknown. Makes the verdict
// INCOMPLETE unless a presumptive flag makes it FLAGGED.
import { defineFlagKind, materialNameOf, siteOf } from '../flagKind';

export const untracedInput = defineFlagKind({
  kind: 'UNTRACED_INPUT',
  presumptive: false,
  verdictEffect: 'INCOMPLETE',
  judge: (hop) => (!hop.material?.raw && hop.flow.inputs.length === 0 ? true : null),
  pinsFacility: true,
  reason: (hop) =>
    `The origin of ${materialNameOf(hop)} shipped by ${siteOf(hop)} (tier ${hop.tier}) is not traced: ` +
    'the flow names no input lots and nothing earlier flowed into the facility.',
  evidence: (hop) => [`material ${materialNameOf(hop)} is not raw`, 'no input lots and no earlier flow into the facility'],
  display: {
    label: 'Untraced input',
    icon: '⚠',
    severity: 'SIGNAL',
    legend: 'untraced input',
    description: 'A material that is not raw has no input lots and nothing earlier flowed into its facility: its origin is not traced.',
  },
});
