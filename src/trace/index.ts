// Public surface of tracing.
export { traceShipment, summarizeShipments, clampTiers, today, DEFAULT_MAX_TIERS, MAX_TIERS_CEILING } from './traceShipment';
export type { ShipmentTrace, RiskFlag, TraceParty, TraceHop, FlagKind, Verdict } from './engine';
export { supplierPaths, neighbourhood, ownershipChain } from './investigate';
export { exposure } from './exposure';
export { networkFlags } from './networkFlags';
export type { ExposedShipment, ExposureVia } from './exposure';
export { shipmentRisks } from './riskView';
export { specifiedFlagKinds } from './rules';
export { originConcentration, concentrationOf } from './originConcentration';
export type { OriginConcentration } from './originConcentration';
