// What differs between a shipment's traced chain and an earlier (e.g. cleared) one, in
// the same terms as the fingerprint: parties, and hops as (source, firm, destination, material).
import type { ShipmentTrace } from '../trace/engine';
import { fingerprintOf, hopSignatures, HopSignature } from './fingerprint';

export interface SupplyChainDiff {
  shipmentId: string;
  againstShipmentId: string;
  sameFingerprint: boolean;
  partiesAdded: string[];
  partiesRemoved: string[];
  hopsAdded: string[];
  hopsRemoved: string[];
}

type TraceLike = Pick<ShipmentTrace, 'shipmentId' | 'hops' | 'parties'>;

/** Firm ids and facility ids of every party. */
function partyIds(t: TraceLike): Set<string> {
  const ids = new Set<string>();
  for (const p of t.parties) {
    ids.add(p.firmId);
    if (p.facilityId) ids.add(p.facilityId);
  }
  return ids;
}

export function hopLabel(h: HopSignature): string {
  return `${h.fromFacilityId} (${h.fromFirmId}) -> ${h.toFacilityId}: ${h.materialId}`;
}

const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const minus = (a: Set<string>, b: Set<string>) => sorted([...a].filter((x) => !b.has(x)));

/** "Added" is in the shipment but not in the one it is compared against; "removed" the reverse. */
export function diffTraces(shipment: TraceLike, against: TraceLike): SupplyChainDiff {
  const pa = partyIds(shipment);
  const pb = partyIds(against);
  const ha = new Set(hopSignatures(shipment).map(hopLabel));
  const hb = new Set(hopSignatures(against).map(hopLabel));
  return {
    shipmentId: shipment.shipmentId,
    againstShipmentId: against.shipmentId,
    sameFingerprint: fingerprintOf(shipment) === fingerprintOf(against),
    partiesAdded: minus(pa, pb),
    partiesRemoved: minus(pb, pa),
    hopsAdded: minus(ha, hb),
    hopsRemoved: minus(hb, ha),
  };
}
