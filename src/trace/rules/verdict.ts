// The verdict of a trace from the kinds of flag its hops carry (API contract, "Verdict"):
// FLAGGED when any hop carries XUAR_LOCATION, UFLPA_LISTED or LISTED_AFFILIATE; otherwise
// INCOMPLETE when any hop carries UNTRACED_INPUT; otherwise CLEAR. NAME_INDICATOR and
// HIGH_PRIORITY_SECTOR are reported but never change it.

export const FLAG_KINDS = [
  'XUAR_LOCATION', 'UFLPA_LISTED', 'LISTED_AFFILIATE', 'NAME_INDICATOR', 'HIGH_PRIORITY_SECTOR', 'UNTRACED_INPUT',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** The flags that raise the UFLPA rebuttable presumption. */
export const PRESUMPTIVE_FLAG_KINDS: readonly FlagKind[] = ['XUAR_LOCATION', 'UFLPA_LISTED', 'LISTED_AFFILIATE'];

export const VERDICTS = ['CLEAR', 'INCOMPLETE', 'FLAGGED'] as const;
export type Verdict = (typeof VERDICTS)[number];

export function verdictOf(flagKinds: readonly string[]): Verdict {
  if (flagKinds.some((k) => (PRESUMPTIVE_FLAG_KINDS as readonly string[]).includes(k))) return 'FLAGGED';
  if (flagKinds.includes('UNTRACED_INPUT')) return 'INCOMPLETE';
  return 'CLEAR';
}
