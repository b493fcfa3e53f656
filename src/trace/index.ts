// Public surface of tracing.
export { traceShipment, summarizeShipments, clampTiers, today, DEFAULT_MAX_TIERS, MAX_TIERS_CEILING } from './traceShipment';
export type { ShipmentTrace, RiskFlag, TraceParty, TraceHop, FlagKind, Verdict } from './engine';
export { supplierPaths, neighbourhood, ownershipChain, exposure } from './investigate';
export { shipmentRisks } from './riskView';
export { specifiedFlagKinds } from './rules';
