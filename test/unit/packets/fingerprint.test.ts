import { fingerprintOf, hopSignatures } from '../../../src/packets/fingerprint';
import { diffTraces } from '../../../src/packets/diff';
import type { ShipmentTrace } from '../../../src/trace/engine';
import { cottonPacketData } from '../../fixtures/packet-data';

const trace = (): ShipmentTrace => cottonPacketData().trace;

/** The same chain over other lots: new flow ids, quantities, documents. */
function otherLots(t: ShipmentTrace, suffix: string): ShipmentTrace {
  const c: ShipmentTrace = JSON.parse(JSON.stringify(t));
  c.shipmentId = `S-${suffix}`;
  c.hops = c.hops.map((h) => ({
    ...h,
    flowId: `${h.flowId}-${suffix}`,
    inputs: h.inputs.map((i) => `${i}-${suffix}`),
    documents: [`doc-${suffix}`],
  }));
  return c;
}

describe('fingerprint', () => {
  it('is a sha256 hex digest', () => {
    expect(fingerprintOf(trace())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores lot ids, documents and hop order', () => {
    const a = trace();
    const b = otherLots(a, 'lot2');
    b.hops.reverse();
    b.parties.reverse();
    expect(fingerprintOf(b)).toBe(fingerprintOf(a));
  });

  it('treats several lots over the same edge as one hop', () => {
    const a = trace();
    const b = trace();
    b.hops.push({ ...b.hops[3], flowId: 'FL4-second-lot' });
    expect(hopSignatures(b)).toHaveLength(4);
    expect(fingerprintOf(b)).toBe(fingerprintOf(a));
  });

  it('changes when a supplier changes', () => {
    const a = trace();
    const b = trace();
    const gin = b.hops.find((h) => h.tier === 4)!;
    gin.fromFacilityId = 'FAC4-other';
    b.parties.find((p) => p.facilityId === 'FAC4')!.facilityId = 'FAC4-other';
    expect(fingerprintOf(b)).not.toBe(fingerprintOf(a));
  });

  it('changes when the firm operating a facility changes, or the material, or the importer', () => {
    const a = trace();
    const firm = trace();
    firm.parties.find((p) => p.facilityId === 'FAC3')!.firmId = 'F3-new-owner';
    const material = trace();
    material.hops[1].materialId = 'M-other';
    const importer = trace();
    importer.parties[0].firmId = 'F-other-importer';
    for (const t of [firm, material, importer]) expect(fingerprintOf(t)).not.toBe(fingerprintOf(a));
  });
});

describe('diffTraces', () => {
  it('reports nothing for the same chain over other lots', () => {
    const a = trace();
    const d = diffTraces(otherLots(a, 'x'), a);
    expect(d).toMatchObject({ sameFingerprint: true, partiesAdded: [], partiesRemoved: [], hopsAdded: [], hopsRemoved: [] });
  });

  it('names the changed supplier and its hops', () => {
    const cleared = trace();
    const now = trace();
    now.shipmentId = 'S2';
    const gin = now.hops.find((h) => h.tier === 4)!;
    gin.fromFacilityId = 'FAC9';
    const party = now.parties.find((p) => p.facilityId === 'FAC4')!;
    Object.assign(party, { facilityId: 'FAC9', firmId: 'F9' });
    const d = diffTraces(now, cleared);
    expect(d.shipmentId).toBe('S2');
    expect(d.againstShipmentId).toBe('S1');
    expect(d.sameFingerprint).toBe(false);
    expect(d.partiesAdded).toEqual(['F9', 'FAC9']);
    expect(d.partiesRemoved).toEqual(['F4', 'FAC4']);
    expect(d.hopsAdded).toEqual(['FAC9 (F9) -> FAC3: M4']);
    expect(d.hopsRemoved).toEqual(['FAC4 (F4) -> FAC3: M4']);
  });
});
