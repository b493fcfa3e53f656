// The verdict of a trace from the kinds of flag its hops carry (API contract, "Verdict"):
// FLAGGED when any hop carries a kind whose verdictEffect is FLAGGED (XUAR_LOCATION,
// UFLPA_LISTED, LISTED_AFFILIATE); otherwise INCOMPLETE when any carries a kind whose
// effect is INCOMPLETE (UNTRACED_INPUT, POSSIBLE_LISTING,
// TIER_LIMIT); otherwise CLEAR. Kinds without an effect
// (NAME_INDICATOR, HIGH_PRIORITY_SECTOR, the origin signals) and unknown names never change it.
import { flagKindRule } from './flagKinds';

export const VERDICTS = ['CLEAR', 'INCOMPLETE', 'FLAGGED'] as const;
export type Verdict = (typeof VERDICTS)[number];

export function verdictOf(flagKinds: readonly string[]): Verdict {
  let incomplete = false;
  for (const kind of flagKinds) {
    const effect = flagKindRule(kind)?.verdictEffect;
    if (effect === 'FLAGGED') return 'FLAGGED';
    if (effect === 'INCOMPLETE') incomplete = true;
  }
  return incomplete ? 'INCOMPLETE' : 'CLEAR';
}
