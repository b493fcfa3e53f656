// What the trace reads of each stored record (src/model/records.ts): the fields its Cypher
// projects (cypher.ts) and, from the same lists, the types the engine judges (engine.ts).
import type { Facility, Firm, Flow, Material, Shipment } from '../model/records';

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
/** A flow as the trace's Cypher returns it (cypher.ts UPSTREAM_FLOW): TRACE_FLOW_FIELDS in order, then its inputs as [id, lot] pairs. */
export type TraceFlowRow = readonly unknown[];
export function traceFlowOf(row: TraceFlowRow): TraceFlow {
  const flow: Record<string, unknown> = {};
  for (let i = 0; i < TRACE_FLOW_FIELDS.length; i++) flow[TRACE_FLOW_FIELDS[i]] = row[i];
  flow.inputs = (row[TRACE_FLOW_FIELDS.length] as [string, boolean][]).map(([id, lot]) => ({ id, lot }));
  return flow as TraceFlow;
}
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
