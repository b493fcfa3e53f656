// What the trace reads of each stored record (src/model/records.ts): the fields its Cypher
// projects (cypher.ts) and, from the same lists, the types the engine judges (engine.ts).
import { FACILITY, FIRM, FLOW, listProjection, type Facility, type Firm, type Flow, type Material, type Shipment } from '../model/records';

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
] as const satisfies readonly (keyof Facility)[];

export type TraceShipment = Pick<Shipment, (typeof TRACE_SHIPMENT_FIELDS)[number]>;
/** A flow with its input edges (`lot`: lot lineage, not the facility-level fallback). */
export type TraceFlow = Pick<Flow, (typeof TRACE_FLOW_FIELDS)[number]> & { inputs: { id: string; lot: boolean }[] };
export type TraceFacility = Pick<Facility, (typeof TRACE_FACILITY_FIELDS)[number]>;
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
/** A firm with the holdings in it and its screening candidates. */
export type TraceFirm = Firm & { holdings: { owner: string; owned: string; share: number }[]; matches: StoredMatch[] };

// The rows traces read by the thousand, as lists (listProjection; cypher.ts returns them): read back here.
/** `u` with its input edges as [id, lot] pairs. */
export const UPSTREAM_FLOW = listProjection('u', FLOW, TRACE_FLOW_FIELDS, { inputs: '[(u)-[e:INPUT]->(v:Flow) | [v.id, e.lot]]' });
export const TRACED_FIRM = listProjection('f', FIRM, undefined, { holdings: 'holdings', matches: 'matches' });
export const TRACED_FACILITY = listProjection('fac', FACILITY, TRACE_FACILITY_FIELDS);

/** A flow row of UPSTREAM_FLOW. */
export type TraceFlowRow = readonly unknown[];
export function traceFlowOf(row: TraceFlowRow): TraceFlow {
  const flow = UPSTREAM_FLOW.read<TraceFlow>(row);
  flow.inputs = (flow.inputs as unknown as [string, boolean][]).map(([id, lot]) => ({ id, lot }));
  return flow;
}
/** Adds each `flow` row of an upstream read to `into`, by id. */
export function addTraceFlows(rows: readonly { flow: TraceFlowRow }[], into: Map<string, TraceFlow>): void {
  for (const { flow } of rows) {
    const f = traceFlowOf(flow);
    into.set(f.id, f);
  }
}
export const traceFacilityOf = (row: readonly unknown[]) => TRACED_FACILITY.read<TraceFacility>(row);
export const traceFirmOf = (row: readonly unknown[]) => TRACED_FIRM.read<TraceFirm>(row);
