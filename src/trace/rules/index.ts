// The rules that judge one hop of a trace: pure functions, plain data in, a result with its
// evidence out; and the registry of flag kinds built on them (flagKinds.ts).
export { locateInXuar } from './xuarPlaceMatcher';
export type { LocationInput, XuarLocation } from './xuarPlaceMatcher';
export { nameIndicators } from './nameIndicator';
export type { NameIndicatorHit } from './nameIndicator';
export { highPrioritySector, highPrioritySectors, normalizeHsCode } from './highPrioritySector';
export type { SectorDef, SectorMatch } from './highPrioritySector';
export {
  controllingOwners,
  entitiesOf,
  holdingsBetweenEntities,
  controlledFirms,
  indexOwnership,
  shareIn,
  ultimateOwners,
  CONTROL_THRESHOLD,
  MAX_OWNER_CHAINS,
} from './control';
export type { ControlledFirm, Holding, OwnerChain, OwnershipIndex } from './control';
export { specifiedFlagKinds, flagKindRule, isPresumptive, FLAG_KINDS, PRESUMPTIVE_FLAG_KINDS } from './flagKinds';
export type { FlagKind } from './flagKinds';
export type { FlagDisplay, FlagKindRule, Hop, Party, VerdictEffect } from './flagKind';
export { verdictOf, VERDICTS } from './verdict';
export type { Verdict } from './verdict';
export { judgeLocation, judgeNames, judgeSector } from './judges';
