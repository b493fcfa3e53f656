// What the trace reads of each stored record (src/model/records.ts): the fields its Cypher
// projects (cypher.ts) and, from the same lists, the types the engine judges (engine.ts).
import {
  FACILITY,
  FIRM,
  FLOW,
  listProjection,
  SAME_AS_DEPTH,
  type Facility,
  type Firm,
  type Flow,
  type Material,
  type Shipment,
} from '../model/records';

export const TRACE_SHIPMENT_FIELDS = [
  'id',
  'flowId',
  'importerId',
  'entryDate',
  'entryNumber',
  // origin-checks.md: the declared origin, the preference claim and the entry's HTS chapter
  'htsCode',
  'countryOfOrigin',
  'preferenceProgram',
] as const satisfies readonly (keyof Shipment)[];
export const TRACE_FLOW_FIELDS = ['id', 'fromId', 'toId', 'materialId', 'documentIds'] as const satisfies readonly (keyof Flow)[];
export const TRACE_FACILITY_FIELDS = [
  'id',
  'name',
  'firmId',
  'kind',
  'address',
  'city',
  'province',
  'country',
  'lat',
  'lon',
] as const satisfies readonly (keyof Facility)[];

export type TraceShipment = Pick<Shipment, (typeof TRACE_SHIPMENT_FIELDS)[number]>;
/** A flow with its input edges (`lot`: lot lineage, not the facility-level fallback). */
export type TraceFlow = Pick<Flow, (typeof TRACE_FLOW_FIELDS)[number]> & { inputs: { id: string; lot: boolean }[] };
/** Where a facility confirmed to be the same site (SAME_SITE) says it is. */
export type SameSiteRecord = Pick<Facility, 'id' | 'country' | 'province' | 'city' | 'address'>;
/** A facility, with the records a reviewer confirmed to be the same site (their locations are the site's too). */
export type TraceFacility = Pick<Facility, (typeof TRACE_FACILITY_FIELDS)[number]> & { sameSite?: SameSiteRecord[] };
export type TraceMaterial = Material;
/** A screening candidate of a firm, joined with the listed entity it was matched against. */
export interface StoredMatch {
  matchId: string;
  entryKey: string;
  entityName: string;
  matchedName: string;
  score: number;
  decision: 'MATCH' | 'POSSIBLE';
  status: 'PENDING' | 'CONFIRMED' | 'REJECTED';
  effectiveDate: string;
  sections?: string[] | null;
  coversSubsidiaries: boolean;
}
/** A firm with the holdings in it, its screening candidates and the firms confirmed to be the same legal entity (SAME_AS). */
export type TraceFirm = Firm & {
  holdings: { owner: string; owned: string; share: number }[];
  matches: StoredMatch[];
  sameEntityIds: string[];
};

// The rows traces read by the thousand, as lists (listProjection; cypher.ts returns them): read back here.
/** `u` with its input edges as [id, lot] pairs. */
export const UPSTREAM_FLOW = listProjection('u', FLOW, TRACE_FLOW_FIELDS, { inputs: '[(u)-[e:INPUT]->(v:Flow) | [v.id, e.lot]]' });
export const TRACED_FIRM = listProjection('f', FIRM, undefined, {
  holdings: 'holdings',
  matches: 'matches',
  sameEntityIds: '[(f)-[:SAME_AS]-(same:Firm) | same.id]',
});
export const TRACED_FACILITY = listProjection('fac', FACILITY, TRACE_FACILITY_FIELDS, {
  sameSite: `[(fac)-[:SAME_SITE*1..${SAME_AS_DEPTH}]-(o:Facility) WHERE o <> fac | [o.id, o.country, o.province, o.city, o.address]]`,
});

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// by id, then lot lineage before the fallback where one input came both ways: a total order
const byInputId = (a: { id: string; lot: boolean }, b: { id: string; lot: boolean }) =>
  byText(a.id, b.id) || (a.lot === b.lot ? 0 : a.lot ? -1 : 1);

/**
 * A flow's inputs in id order, whatever order they came in: walks, paths and hops are then
 * the same on every run. Flows read from the store already are (traceFlowOf sorts them once),
 * so this copies only inputs built elsewhere.
 */
export function inputsInIdOrder(flow: Pick<TraceFlow, 'inputs'>): TraceFlow['inputs'] {
  const inputs = flow.inputs;
  for (let i = 1; i < inputs.length; i++) if (byInputId(inputs[i - 1], inputs[i]) > 0) return [...inputs].sort(byInputId);
  return inputs;
}

/** A flow row of UPSTREAM_FLOW. */
export type TraceFlowRow = readonly unknown[];
export function traceFlowOf(row: TraceFlowRow): TraceFlow {
  const flow = UPSTREAM_FLOW.read<TraceFlow>(row);
  const inputs = (flow.inputs as unknown as [string, boolean][]).map(([id, lot]) => ({ id, lot }));
  flow.inputs = inputs.length > 1 ? inputs.sort(byInputId) : inputs;
  return flow;
}
/** Adds each `flow` row of an upstream read to `into`, by id. */
export function addTraceFlows(rows: readonly { flow: TraceFlowRow }[], into: Map<string, TraceFlow>): void {
  for (const { flow } of rows) {
    const f = traceFlowOf(flow);
    into.set(f.id, f);
  }
}
export function traceFacilityOf(row: readonly unknown[]): TraceFacility {
  const fac = TRACED_FACILITY.read<TraceFacility>(row);
  const sites = (fac.sameSite ?? []) as unknown as (string | null)[][];
  fac.sameSite = sites.map(([id, country, province, city, address]) => ({ id: id as string, country, province, city, address }));
  return fac;
}
export const traceFirmOf = (row: readonly unknown[]) => TRACED_FIRM.read<TraceFirm>(row);
