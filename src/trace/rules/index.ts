// The rules that judge one hop of a trace: pure functions, plain data in, a result with its
// evidence out.
export { locateInXuar } from './xuarPlaceMatcher';
export type { LocationInput, XuarLocation } from './xuarPlaceMatcher';
export { nameIndicators } from './nameIndicator';
export type { NameIndicatorHit } from './nameIndicator';
export { highPrioritySector, highPrioritySectors, normalizeHsCode } from './highPrioritySector';
export type { SectorDef, SectorMatch } from './highPrioritySector';
export { controllingOwners, ultimateOwners, CONTROL_THRESHOLD, MAX_OWNER_CHAINS } from './control';
export type { Holding, OwnerChain } from './control';
export { verdictOf, FLAG_KINDS, PRESUMPTIVE_FLAG_KINDS, VERDICTS } from './verdict';
export type { FlagKind, Verdict } from './verdict';
