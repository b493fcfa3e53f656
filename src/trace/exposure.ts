// Exposure of a firm: the shipments whose trace passes through its own facilities (or those of
// a firm confirmed to be the same legal entity) or through the facilities of a firm it controls (the control of rules/control.ts, the notion
// LISTED_AFFILIATE flags on), each saying which firm it passes through and how that firm
// is held.
import type { Graph } from '../graph/graph';
import { boundedInt } from '../args';
import * as Q from './cypher';
import type { FlagKind, ShipmentTrace, Verdict } from './engine';
import { controlledFirms, entitiesOf, FLAG_KINDS } from './rules';
import { readCurrentSummaries, StoredSummary } from './summaries';
import { cursorAt, offsetFromCursor, Page, pathTo, resolveFacilities } from './investigate';
import { traceShipment, DEFAULT_MAX_TIERS } from './traceShipment';

export type ExposureRoute = 'DIRECT' | 'CONTROLLED_SUBSIDIARY';

/** The firm on a shipment's path, and how the firm asked about holds it. */
export interface ExposureVia {
  kind: ExposureRoute;
  firmId: string;
  firmName: string;
  /** from the firm asked about down to firmId ([firmId] when DIRECT) */
  chain: string[];
  chainNames: string[];
  /** each link's share as a fraction, one fewer than chain */
  shares: number[];
  effectiveShare: number;
  /** where control adds holdings up: the firm whose holdings are added up (firmId or a holding company above it) */
  heldIn: string | null;
  /** and its holdings that count (control.ts); empty otherwise */
  heldWith: { firmId: string; firmName: string; share: number }[];
}
export interface ExposedShipment {
  shipmentId: string;
  tier: number;
  path: string[];
  via: ExposureVia;
  /** the shipment's verdict and flags, as the risk view shows them */
  verdict: Verdict;
  flagCounts: { kind: FlagKind; count: number }[];
}

/** The verdict and flag counts shown beside an exposed shipment: its stored summary when there is one, else the live trace's. */
export function judgementOf(
  trace: Pick<ShipmentTrace, 'verdict' | 'flags'>,
  stored: StoredSummary | undefined,
): Pick<ExposedShipment, 'verdict' | 'flagCounts'> {
  if (stored)
    return {
      verdict: stored.verdict as Verdict,
      flagCounts: (stored.flagKinds ?? []).map((kind, i) => ({ kind: kind as FlagKind, count: stored.flagCounts[i] })),
    };
  const counts = new Map<FlagKind, number>();
  for (const f of trace.flags) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return {
    verdict: trace.verdict,
    flagCounts: FLAG_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! })),
  };
}

/** A row of OWNERSHIP_BELOW: a holding out of a firm below the one asked about (owned null for a firm that holds nothing), or a same-entity link. */
export interface HoldingBelow {
  owner: string;
  ownerName: string;
  owned: string | null;
  ownedName: string | null;
  share: number | null;
  /** the row links two records confirmed to be one legal entity (SAME_AS), not a holding */
  sameEntity?: boolean | null;
}

/**
 * The routes by which a shipment can reach firmId: the firm itself and the firms confirmed to
 * be the same legal entity (`sameEntity`, DIRECT), then every firm it controls, nearest first
 * and then by id (controlledFirms' order). Records confirmed to be one entity are one firm at
 * every level: their holdings add up, and a controlled entity's every record is a route (its
 * chain naming one record of each entity on the way).
 */
export function exposureRoutes(
  firmId: string,
  below: readonly HoldingBelow[],
  sameEntity: readonly { id: string; name: string }[] = [],
): ExposureVia[] {
  const names = new Map<string, string>();
  const entity = entitiesOf([
    ...sameEntity.map((s) => [firmId, s.id] as const),
    ...below.flatMap((r) => (r.sameEntity && r.owned !== null ? [[r.owner, r.owned] as const] : [])),
  ]);
  const top = entity(firmId);
  const asOne = (id: string) => (entity(id) === top ? firmId : entity(id));
  const holdings = [];
  const records = new Map<string, Set<string>>();
  const seen = (id: string) => records.set(asOne(id), (records.get(asOne(id)) ?? new Set()).add(id));
  for (const r of below) {
    names.set(r.owner, r.ownerName);
    seen(r.owner);
    if (r.owned === null) continue;
    names.set(r.owned, r.ownedName ?? r.owned);
    seen(r.owned);
    if (r.sameEntity || asOne(r.owner) === asOne(r.owned)) continue;
    holdings.push({ owner: asOne(r.owner), owned: asOne(r.owned), share: Number(r.share ?? 0) });
  }
  for (const s of sameEntity) names.set(s.id, s.name);
  const nameOf = (id: string) => names.get(id) ?? id;
  const direct = [firmId, ...sameEntity.map((s) => s.id).filter((id) => id !== firmId)].map((id): ExposureVia => ({
    kind: 'DIRECT',
    firmId: id,
    firmName: nameOf(id),
    chain: [id],
    chainNames: [nameOf(id)],
    shares: [],
    effectiveShare: 1,
    heldIn: null,
    heldWith: [],
  }));
  return [
    ...direct,
    ...controlledFirms(firmId, holdings).flatMap((c) =>
      [...(records.get(c.firmId) ?? [c.firmId])].sort().map((record): ExposureVia => {
        const chain = [...c.chain.slice(0, -1), record];
        return {
          kind: 'CONTROLLED_SUBSIDIARY',
          firmId: record,
          firmName: nameOf(record),
          chain,
          chainNames: chain.map(nameOf),
          shares: c.shares,
          effectiveShare: c.effectiveShare,
          heldIn: c.heldIn ?? null,
          heldWith: (c.heldWith ?? []).map((h) => ({ firmId: h.ownerId, firmName: nameOf(h.ownerId), share: h.share })),
        };
      }),
    ),
  ];
}

type TraceHops = Pick<ShipmentTrace, 'hops' | 'parties'>;

/** The shallowest hop out of one of the firm's facilities (the first of equals), or null. */
function shallowestHopOf(trace: TraceHops, firmId: string): ShipmentTrace['hops'][number] | null {
  const facilities = new Set(trace.parties.filter((p) => p.firmId === firmId && p.facilityId).map((p) => p.facilityId));
  let best: ShipmentTrace['hops'][number] | null = null;
  for (const hop of trace.hops) if (facilities.has(hop.fromFacilityId) && (!best || hop.tier < best.tier)) best = hop;
  return best;
}

/**
 * How a traced shipment reaches the firm, given its routes in exposureRoutes' order: through
 * the firm's own facilities (or those of the same entity) whenever they are on the path, the
 * shallowest of them; otherwise through the controlled firm that ships nearest the importer
 * (the earlier route among equals). Null when none of the routes' firms ships on the traced path.
 */
export function routeOf(trace: TraceHops, routes: readonly ExposureVia[]): { via: ExposureVia; hop: ShipmentTrace['hops'][number] } | null {
  let direct: { via: ExposureVia; hop: ShipmentTrace['hops'][number] } | null = null;
  let best: { via: ExposureVia; hop: ShipmentTrace['hops'][number] } | null = null;
  for (const via of routes) {
    const hop = shallowestHopOf(trace, via.firmId);
    if (!hop) continue;
    if (via.kind === 'DIRECT') {
      if (!direct || hop.tier < direct.hop.tier) direct = { via, hop };
    } else if (!best || hop.tier < best.hop.tier) best = { via, hop };
  }
  return direct ?? best;
}

export async function exposure(
  graph: Graph,
  tenant: string,
  listVersion: string,
  args: { firmId: string; first?: number | null; after?: string | null; asOf?: string | null },
): Promise<Page<ExposedShipment>> {
  const first = boundedInt('first', args.first, 20, 200);
  const offset = offsetFromCursor(args.after);
  await resolveFacilities(graph, tenant, args.firmId);
  const below = await graph.read<HoldingBelow>(Q.OWNERSHIP_BELOW, { tenant, firmId: args.firmId });
  const sameEntity = await graph.read<{ id: string; name: string }>(Q.SAME_ENTITY_FIRMS, { tenant, firmId: args.firmId });
  const routes = exposureRoutes(args.firmId, below, sameEntity);
  const rows = await graph.read<{ shipmentId: string; firmIds: string[] }>(Q.exposureQuery(DEFAULT_MAX_TIERS - 1), {
    tenant,
    firmIds: routes.map((r) => r.firmId),
  });
  const page = rows.slice(offset, offset + first);
  // with the default as-of the verdicts are the stored summaries' (the risk view's); not all
  // current, or another day asked, they are the live traces' (the hop paths always are)
  const stored = args.asOf
    ? null
    : await readCurrentSummaries(
        graph,
        tenant,
        listVersion,
        page.map((r) => r.shipmentId),
      );
  const items: ExposedShipment[] = [];
  for (const { shipmentId, firmIds } of page) {
    const trace = await traceShipment(graph, tenant, { id: shipmentId, asOf: args.asOf }, listVersion);
    const through = new Set(firmIds);
    const route = routeOf(
      trace,
      routes.filter((r) => through.has(r.firmId)),
    );
    if (!route) continue;
    // the path of the shallowest hop shipped by the firm the shipment passes through
    const flag = trace.flags.find((f) => f.flowId === route.hop.flowId);
    items.push({
      shipmentId,
      tier: route.hop.tier,
      path: flag?.path ?? pathTo(trace.hops, route.hop.flowId),
      via: route.via,
      ...judgementOf(trace, stored?.get(shipmentId)),
    });
  }
  const end = offset + page.length;
  return { items, total: rows.length, endCursor: page.length ? cursorAt(end) : null, hasNextPage: end < rows.length };
}
