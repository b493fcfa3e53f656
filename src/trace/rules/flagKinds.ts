// Every flag kind the trace raises, as graphql-js lists its validation rules in
// `specifiedRules`. The engine judges them in this order, verdictOf weighs them, packets,
// the API's `flagKinds` query (and through it the web page) and schema.graphql's
// `enum FlagKind` read them from here.
//
// To add a kind: write one module in kinds/ exporting `defineFlagKind({...})` (see
// flagKind.ts for the fields; kinds/untracedInput.ts is the smallest example) and add it
// to the list below. Then run `npx tsx scripts/flag-kind-enum.ts` to write the kind into
// schema.graphql (test/unit/rules/flagKinds.test.ts fails until the two agree).
import type { FlagKindRule } from './flagKind';
import { disguisedName } from './kinds/disguisedName';
import { highPrioritySector } from './kinds/highPrioritySector';
import { listedAffiliate } from './kinds/listedAffiliate';
import { nameIndicator } from './kinds/nameIndicator';
import { originMismatch } from './kinds/originMismatch';
import { possibleListing } from './kinds/possibleListing';
import { tierLimit } from './kinds/tierLimit';
import { transshipment } from './kinds/transshipment';
import { uflpaListed } from './kinds/uflpaListed';
import { undecidedXuarPlace } from './kinds/undecidedXuarPlace';
import { untracedInput } from './kinds/untracedInput';
import { unlocatedXuarName } from './kinds/unlocatedXuarName';
import { xuarLocation } from './kinds/xuarLocation';
import { yarnForwardFail } from './kinds/yarnForwardFail';

export const specifiedFlagKinds = [
  xuarLocation,
  uflpaListed,
  listedAffiliate,
  possibleListing,
  nameIndicator,
  disguisedName,
  highPrioritySector,
  untracedInput,
  tierLimit,
  unlocatedXuarName,
  undecidedXuarPlace,
  originMismatch,
  transshipment,
  yarnForwardFail,
] as const;

export type FlagKind = (typeof specifiedFlagKinds)[number]['kind'];

/** The kinds' names, in list order (the order of summaries and of the schema enum). */
export const FLAG_KINDS: readonly FlagKind[] = specifiedFlagKinds.map((k) => k.kind);

/** The kinds that raise the UFLPA rebuttable presumption. */
export const PRESUMPTIVE_FLAG_KINDS: readonly FlagKind[] = specifiedFlagKinds.filter((k) => k.presumptive).map((k) => k.kind);

const BY_KIND: ReadonlyMap<string, FlagKindRule> = new Map(specifiedFlagKinds.map((k) => [k.kind, k as FlagKindRule]));

/** The registry entry of a kind; undefined for a name that is not a kind. */
export function flagKindRule(kind: string): FlagKindRule | undefined {
  return BY_KIND.get(kind);
}

export function isPresumptive(kind: string): boolean {
  return BY_KIND.get(kind)?.presumptive ?? false;
}
