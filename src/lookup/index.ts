// Records by id and the firm name search, each scoped to the caller's tenant: what the API
// answers for firm, facility, shipment, searchFirms, a firm's facilities and the firms it is
// confirmed to be (SAME_AS).
import type { Graph } from '../graph/graph';
import * as Q from './cypher';
import type { FirmShape } from './cypher';
export type { FirmShape } from './cypher';
import { nameSearch } from './searchForms';
export { backfillSearchForms } from './backfill';

/** A node's stored properties, as its Cypher projection returns them. */
type Properties = Record<string, unknown>;

/** A firm by id, with what the shape asks for (every stored field by default), in one query. */
export async function firmById(graph: Graph, tenant: string, id: string, shape: FirmShape = Q.WHOLE_FIRM): Promise<Properties | null> {
  const [row] = await graph.read<{ firm: Properties }>(Q.firmById(shape), { tenant, id });
  return row?.firm ?? null;
}

export async function facilityById(graph: Graph, tenant: string, id: string): Promise<Properties | null> {
  const [row] = await graph.read<{ facility: Properties }>(Q.FACILITY_BY_ID, { tenant, id });
  return row?.facility ?? null;
}

export async function shipmentById(graph: Graph, tenant: string, id: string): Promise<Properties | null> {
  const [row] = await graph.read<{ shipment: Properties }>(Q.SHIPMENT_BY_ID, { tenant, id });
  return row?.shipment ?? null;
}

export async function facilitiesOfFirm(graph: Graph, tenant: string, firmId: string): Promise<Properties[]> {
  const rows = await graph.read<{ facility: Properties }>(Q.FACILITIES_OF_FIRM, { tenant, id: firmId });
  return rows.map((r) => r.facility);
}

/**
 * Index hits a search reads: ten per firm asked for (facilities and a firm's several names share
 * hits), 100 to 1,000. Each hit costs a node read and a check in Cypher, so a common word (thousands
 * of firms contain "textile") cost 20 to 40 ms at 180k firms when every search read 1,000. The
 * index ranks shorter names first (its length norm) and a name holding the text as written and in
 * its screening form above one holding either, so the hits read are the ones the answer wants.
 */
export const searchCandidates = (limit: number): number => Math.min(1000, Math.max(100, limit * 10));

/**
 * Firms whose names (name, aliases, local name) or whose facilities' names contain the text,
 * as written or in its screening form (searchForms.ts), case-insensitive; shortest name first
 * (of the searchCandidates names the index ranks first, where more contain the text).
 * Firms confirmed to be one legal entity count as one firm, answered once (by the first of
 * them found, whose `sameAs` names the others).
 */
export async function searchFirms(
  graph: Graph,
  tenant: string,
  text: string,
  limit: number,
  shape: FirmShape = Q.WHOLE_FIRM,
): Promise<Properties[]> {
  const rows = await graph.read<{ firm: Properties }>(Q.searchFirmsQuery(shape), {
    tenant,
    ...nameSearch(tenant, text),
    limit,
    // twice the limit ranked, so that entities found under two names still fill the answer
    ranked: limit * 2,
    candidates: searchCandidates(limit),
  });
  return rows.map((r) => r.firm);
}

/** The firms confirmed to be the same legal entity as this one, by id. */
export async function sameEntityAs(graph: Graph, tenant: string, firmId: string): Promise<Properties[]> {
  const rows = await graph.read<{ firm: Properties }>(Q.SAME_ENTITY_AS, { tenant, id: firmId });
  return rows.map((r) => r.firm);
}
