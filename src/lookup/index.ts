// Records by id and the firm name search, each scoped to the caller's tenant: what the API
// answers for firm, facility, shipment, searchFirms and a firm's facilities.
import type { Graph } from '../graph/graph';
import * as Q from './cypher';

/** A node's stored properties, as its Cypher projection returns them. */
type Properties = Record<string, unknown>;

export async function firmById(graph: Graph, tenant: string, id: string): Promise<Properties | null> {
  const [row] = await graph.read<{ firm: Properties }>(Q.FIRM_BY_ID, { tenant, id });
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

/** Firms whose stored search text (name, aliases and local name, lower case) contains the text, shortest name first. */
export async function searchFirms(graph: Graph, tenant: string, text: string, limit: number): Promise<Properties[]> {
  const rows = await graph.read<{ firm: Properties }>(Q.SEARCH_FIRMS, { tenant, text: text.toLowerCase(), limit });
  return rows.map((r) => r.firm);
}
