// Supply chain fingerprint: which firms and facilities ship which material to whom.
// Lot ids, quantities, dates and document numbers never enter it, so two shipments over
// the same chain share it (CBP accelerates shipments identical to one already cleared).
import { createHash } from 'node:crypto';
import type { ShipmentTrace } from '../trace/engine';

export interface HopSignature {
  fromFacilityId: string;
  fromFirmId: string;
  toFacilityId: string;
  materialId: string;
}

type TraceLike = Pick<ShipmentTrace, 'hops' | 'parties'>;

/** The firm that operates each hop's source facility, as the trace's parties name it. */
export function hopSignatures(trace: TraceLike): HopSignature[] {
  const firmOf = new Map<string, string>();
  for (const p of trace.parties) if (p.facilityId) firmOf.set(p.facilityId, p.firmId);
  const seen = new Map<string, HopSignature>();
  for (const h of trace.hops) {
    const sig = {
      fromFacilityId: h.fromFacilityId,
      fromFirmId: firmOf.get(h.fromFacilityId) ?? h.fromFacilityId,
      toFacilityId: h.toFacilityId,
      materialId: h.materialId,
    };
    seen.set(hopKey(sig), sig); // several lots over one edge are one hop
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}

export function hopKey(h: HopSignature): string {
  return JSON.stringify([h.fromFacilityId, h.fromFirmId, h.toFacilityId, h.materialId]);
}

export function importerOf(trace: Pick<ShipmentTrace, 'parties'>): string | null {
  return trace.parties.find((p) => p.tier === 0 && p.role === 'IMPORTER')?.firmId ?? null;
}

/**
 * sha256 (hex) over the sorted, de-duplicated hop signatures and the importer: the
 * importer is a party of the chain, so another importer over the same suppliers differs.
 */
export function fingerprintOf(trace: TraceLike): string {
  const lines = ['uflpa-trace fingerprint v1', `importer ${JSON.stringify(importerOf(trace))}`, ...hopSignatures(trace).map(hopKey)];
  return createHash('sha256').update(lines.join('\n'), 'utf8').digest('hex');
}

export const FINGERPRINT_PATTERN = /^[0-9a-f]{64}$/;
