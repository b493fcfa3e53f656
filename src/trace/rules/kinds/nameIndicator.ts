// NAME_INDICATOR: a name of the shipping firm or facility contains Xinjiang, XPCC, Bingtuan,
// 新疆, 兵团... A signal for review; it does not change the verdict.
import { defineFlagKind } from '../flagKind';
import { judgeNames } from '../judges';

export const nameIndicator = defineFlagKind({
  kind: 'NAME_INDICATOR',
  presumptive: false,
  verdictEffect: null,
  judgeParty: ({ facility, firm }) =>
    judgeNames([firm?.name, ...(firm?.aliases ?? []), firm?.localName, facility?.name].filter((n): n is string => !!n)),
  judge: (_hop, hits) => hits[0],
  pinsFacility: false,
  reason: (hop, hit) =>
    `The name "${hit.name}" (tier ${hop.tier}) contains "${hit.term}", a signal worth checking but not presumptive on its own.`,
  evidence: (_hop, hit) => [`"${hit.term}" in "${hit.name}"`],
  display: {
    label: 'Name indicator',
    icon: '⚠',
    severity: 'SIGNAL',
    legend: 'name indicator',
    description:
      'A name of the firm or facility contains Xinjiang (or Sinkiang, XUAR), XPCC, Bingtuan, 新疆 or 兵团; worth checking, not presumptive on its own.',
  },
});
