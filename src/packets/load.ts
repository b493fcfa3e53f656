// The packet's reads: trace the shipment, load the records behind the trace, find
// identical chains; then the pure stages assemble the packet.
import neo4j from 'neo4j-driver';
import type { Graph } from '../graph/graph';
import type { ScreeningService } from '../screening/service';
import { BadInputError, NotFoundError } from '../errors';
import { optionalDate, requiredId } from '../args';
import { traceShipment, today } from '../trace';
import type { ShipmentTrace } from '../trace/engine';
import { mapConcurrent } from '../trace/concurrency';
import * as Q from './cypher';
import { detentionClock, DetentionClock } from './detention';
import { diffTraces, SupplyChainDiff } from './diff';
import { fingerprintOf, FINGERPRINT_PATTERN } from './fingerprint';
import { assemblePacket, Packet } from './packet';
import type { IdenticalShipment, PacketData } from './types';
import { quotedId } from '../model/text/policy';

export interface PacketServices {
  graph: Graph;
  screening: Pick<ScreeningService, 'current'>;
}

/** Identical-chain candidates traced per packet; beyond this the list is the most recent ones. */
export const IDENTICAL_CANDIDATE_LIMIT = 200;
const TRACE_CONCURRENCY = 6;

async function entityList(services: PacketServices): Promise<{ version: string; snapshotDate: string | null }> {
  const { list } = await services.screening.current();
  return { version: list.version, snapshotDate: list.snapshotDate ?? null };
}

async function identicalShipments(
  services: PacketServices,
  tenant: string,
  trace: ShipmentTrace,
  version: string,
): Promise<IdenticalShipment[]> {
  const candidates = await services.graph.read<{ id: string; entryNumber: string | null; entryDate: string | null; flowId: string }>(
    Q.IDENTICAL_CANDIDATES,
    { tenant, shipmentId: trace.shipmentId, limit: neo4j.int(IDENTICAL_CANDIDATE_LIMIT) },
  );
  const mine = fingerprintOf(trace);
  // a trace depends only on the carrying flow and asOf: shipments sharing both are traced once
  const memo = new Map<string, Promise<ShipmentTrace>>();
  const traceOf = (c: (typeof candidates)[number]) => {
    const key = JSON.stringify([c.flowId, c.entryDate]);
    if (!memo.has(key)) memo.set(key, traceShipment(services.graph, tenant, { id: c.id }, version));
    return memo.get(key)!;
  };
  const traced = await mapConcurrent(candidates, TRACE_CONCURRENCY, async (c): Promise<IdenticalShipment | null> => {
    const t = await traceOf(c);
    return fingerprintOf(t) === mine ? { shipmentId: c.id, entryNumber: c.entryNumber, entryDate: c.entryDate, verdict: t.verdict } : null;
  });
  return traced.filter((x): x is IdenticalShipment => !!x);
}

export async function loadPacketData(
  services: PacketServices,
  tenant: string,
  shipmentId: string,
  asOf?: string | null,
): Promise<PacketData> {
  const id = requiredId('shipmentId', shipmentId);
  const date = optionalDate('asOf', asOf);
  const list = await entityList(services);
  const trace = await traceShipment(services.graph, tenant, { id, asOf: date }, list.version);
  const facilityIds = new Set<string>();
  const materialIds = new Set<string>();
  const documentIds = new Set<string>();
  const flowIds = new Set<string>();
  for (const h of trace.hops) {
    facilityIds.add(h.fromFacilityId);
    facilityIds.add(h.toFacilityId);
    materialIds.add(h.materialId);
    h.documents.forEach((d) => documentIds.add(d));
    flowIds.add(h.flowId);
    h.inputs.forEach((i) => flowIds.add(i)); // inputs beyond maxTiers still show their quantities
  }
  const firmIds = [...new Set(trace.parties.map((p) => p.firmId))];
  const [row] = await services.graph.read<Omit<PacketData, 'trace' | 'entityList' | 'identical'>>(Q.PACKET_RECORDS, {
    tenant,
    shipmentId: id,
    flowIds: [...flowIds],
    documentIds: [...documentIds],
    facilityIds: [...facilityIds],
    materialIds: [...materialIds],
    firmIds,
  });
  if (!row) throw new NotFoundError(`no shipment ${quotedId(id)}`);
  const identical = await identicalShipments(services, tenant, trace, list.version);
  return { ...row, trace, entityList: list, identical };
}

/**
 * The whole packet for a shipment of the tenant; asOf defaults to the entry date, statusOn
 * (the day the detention clock counts from) to today. Every edition made from the packet
 * states the same day, read from the clock here, once.
 */
export async function buildPacket(
  services: PacketServices,
  tenant: string,
  shipmentId: string,
  asOf?: string | null,
  statusOn?: string | null,
): Promise<Packet> {
  const given = optionalDate('statusOn', statusOn);
  const data = await loadPacketData(services, tenant, shipmentId, asOf);
  return assemblePacket(data, { statusOn: given ?? today(), asOfGiven: !!optionalDate('asOf', asOf) });
}

/** Shipments of the tenant whose traced chain has this fingerprint (one trace per distinct chain start; fine at today's sizes). */
export async function shipmentsWithFingerprint(services: PacketServices, tenant: string, fingerprint: string): Promise<string[]> {
  if (typeof fingerprint !== 'string' || !FINGERPRINT_PATTERN.test(fingerprint.trim().toLowerCase())) {
    throw new BadInputError('fingerprint must be 64 hexadecimal characters (a SHA-256), as rebuttalPacket returns it', 'fingerprint');
  }
  const wanted = fingerprint.trim().toLowerCase();
  const { version } = await entityList(services);
  const shipments = await services.graph.read<{ id: string; flowId: string; importerId: string }>(Q.TENANT_SHIPMENTS, { tenant });
  // the fingerprint depends only on the carrying flow and the importer: one trace per pair
  const byChain = new Map<string, string[]>();
  for (const s of shipments) {
    const key = JSON.stringify([s.flowId, s.importerId]);
    const ids = byChain.get(key);
    if (ids) ids.push(s.id);
    else byChain.set(key, [s.id]);
  }
  const groups = [...byChain.values()];
  const hits = await mapConcurrent(groups, TRACE_CONCURRENCY, async (ids) => {
    const t = await traceShipment(services.graph, tenant, { id: ids[0] }, version);
    return fingerprintOf(t) === wanted ? ids : [];
  });
  return hits.flat().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function supplyChainDiff(
  services: PacketServices,
  tenant: string,
  shipmentId: string,
  againstShipmentId: string,
): Promise<SupplyChainDiff> {
  const a = requiredId('shipmentId', shipmentId);
  const b = requiredId('againstShipmentId', againstShipmentId);
  const { version } = await entityList(services);
  const [ta, tb] = await Promise.all([
    traceShipment(services.graph, tenant, { id: a }, version),
    traceShipment(services.graph, tenant, { id: b }, version),
  ]);
  return diffTraces(ta, tb);
}

export async function detentionClockFor(
  services: Pick<PacketServices, 'graph'>,
  tenant: string,
  shipmentId: string,
  day?: string | null,
): Promise<DetentionClock> {
  const id = requiredId('shipmentId', shipmentId);
  const on = optionalDate('today', day) ?? today();
  const [row] = await services.graph.read<{ shipment: { id: string; detainedOn?: string | null; noticeDate?: string | null } }>(
    Q.SHIPMENT_DETENTION,
    { tenant, shipmentId: id },
  );
  if (!row) throw new NotFoundError(`no shipment ${quotedId(id)}`);
  return detentionClock(row.shipment, on);
}
