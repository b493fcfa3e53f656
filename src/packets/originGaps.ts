// The documents that would settle an origin signal on a hop (origin-checks.md): a
// certificate of origin for the goods, and the production records of the facility where
// the goods were, or are claimed to be, transformed. Read from the trace's flags; pure.
import type { TraceHop } from '../trace/engine';
import type { Lookup } from './lookup';

/** A document a hop is expected to have (the shape of gaps.ts's Expectation, which reads these). */
interface Expectation {
  key: string;
  accepts: string[];
  missingType: string;
  label: string;
}

const certificate = (label: string): Expectation => ({
  key: 'origin',
  accepts: ['CERTIFICATE_OF_ORIGIN'],
  missingType: 'CERTIFICATE_OF_ORIGIN',
  label,
});
const production = (label: string): Expectation => ({
  key: 'production',
  accepts: ['PRODUCTION_RECORD'],
  missingType: 'PRODUCTION_RECORD',
  label,
});

/** What each origin signal on the hop asks for, at most one expectation per key. */
export function originExpectations(l: Lookup, hop: TraceHop): Expectation[] {
  const kinds = new Set(l.data.trace.flags.filter((f) => f.flowId === hop.flowId).map((f) => f.kind));
  const out: Expectation[] = [];
  const add = (e: Expectation) => {
    if (!out.some((x) => x.key === e.key)) out.push(e);
  };
  if (kinds.has('ORIGIN_MISMATCH')) {
    add(certificate('Certificate of origin for the goods transformed here (the declared origin differs: ORIGIN_MISMATCH)'));
    add(production('Production records of the transforming facility, showing the change of heading (ORIGIN_MISMATCH)'));
  }
  if (kinds.has('TRANSSHIPMENT')) {
    add(certificate('Certificate of origin of the goods received from another country (TRANSSHIPMENT)'));
    add(production('Production records of this facility, showing any transformation done here (TRANSSHIPMENT)'));
  }
  if (kinds.has('YARN_FORWARD_FAIL')) {
    add(certificate('Certificate of origin of the yarn or fabric (YARN_FORWARD_FAIL)'));
    add(production('Production records of the spinning, weaving or knitting facility (YARN_FORWARD_FAIL)'));
  }
  return out;
}
