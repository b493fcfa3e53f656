// YARN_FORWARD_FAIL (origin-checks.md): the shipment claims USMCA or CAFTA-DR, its HTS
// code is in chapters 50 to 63 (textiles and apparel), and a traced upstream flow of yarn
// or fabric leaves a facility outside the program's parties. One flag per such flow, at its
// tier. A flow whose country is unknown is not flagged (nothing shows it outside). A
// signal: it never changes the verdict.
import { defineFlagKind, materialNameOf, siteOf, type Hop } from '../flagKind';
import { chapterOf, isTextileChapter, PREFERENCE_PARTIES, preferenceProgramOf, textileStage } from '../origin';

interface OutsideParties {
  program: string;
  parties: readonly string[];
  country: string;
  stage: 'yarn' | 'fabric';
  heading: string;
}

function outsideParties(hop: Hop): OutsideParties | null {
  const s = hop.shipment;
  if (!s?.preferenceProgram) return null;
  const program = preferenceProgramOf(s.preferenceProgram);
  if (!program || !isTextileChapter(chapterOf(s.htsCode))) return null;
  const heading = hop.origin.heading(hop.flowId);
  const stage = textileStage(heading);
  if (!stage) return null;
  const country = hop.origin.country(hop.flowId);
  const parties = PREFERENCE_PARTIES[program];
  if (!country || parties.includes(country)) return null;
  return { program, parties, country, stage, heading: heading! };
}

export const yarnForwardFail = defineFlagKind({
  kind: 'YARN_FORWARD_FAIL',
  presumptive: false,
  verdictEffect: null,
  judge: outsideParties,
  pinsFacility: true,
  reason: (hop, o) =>
    `The entry claims ${o.program}, but its ${o.stage} ${materialNameOf(hop)} (heading ${o.heading}) comes from ${siteOf(hop)} ` +
    `in ${o.country} (tier ${hop.tier}), outside the parties (${o.parties.join(', ')}): the yarn-forward rule is not met.`,
  evidence: (hop, o) => [
    `preference program ${o.program} (parties ${o.parties.join(', ')})`,
    `entry HTS ${hop.shipment?.htsCode} (chapters 50 to 63)`,
    `flow ${hop.flowId}: ${o.stage}, heading ${o.heading}, leaves ${o.country}`,
  ],
  packetEvidence: (party, f) =>
    `${party} (tier ${f.tier}) made the yarn or fabric outside the program's parties: certificates of origin for the yarn and fabric, and the production records of the spinning and weaving or knitting facilities.`,
  display: {
    label: 'Yarn-forward fail',
    icon: '✂',
    severity: 'SIGNAL',
    legend: 'yarn-forward fail',
    description: 'A textile entry claims USMCA or CAFTA-DR, but yarn or fabric on its traced supply chain comes from outside the parties.',
  },
});
