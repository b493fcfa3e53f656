// The packet's Origin section and the gaps the origin signals open, over a real trace of the
// packet's own records (the page's worked example with a CAFTA-DR claim on top).
import { assemblePacket } from '../../../src/packets/packet';
import { traceFromSubgraph } from '../../../src/trace/engine';
import type { PacketData } from '../../../src/packets/types';
import { COTTON_TIERS, cottonPacketData, type TierDef } from '../../fixtures/packet-data';

const DATES = { statusOn: '2024-06-20' };

// shirts repacked in Vietnam, made in China from Chinese fabric, cotton from the U.S.
const REPACKED: TierDef[] = [
  {
    ...COTTON_TIERS[0],
    firmName: 'Saigon Repack Co',
    facilityName: 'Saigon warehouse',
    country: 'VN',
    city: 'Ho Chi Minh City',
    materialName: 'Shirts',
    hsCode: '6205.20',
  },
  { ...COTTON_TIERS[1], firmName: 'Ningbo Shirt Co', facilityName: 'Ningbo sewing plant', materialName: 'Shirts', hsCode: '6205.20' },
  { ...COTTON_TIERS[2], materialName: 'Woven cotton fabric', hsCode: '5208.32' },
  COTTON_TIERS[3],
];

/** The packet data with its trace worked out by the engine from the packet's own records. */
function traced(data: PacketData, shipment: Partial<PacketData['shipment']>): PacketData {
  const s = { ...data.shipment, ...shipment };
  const trace = traceFromSubgraph(
    {
      shipment: s,
      flows: data.flows.map((f) => ({ ...f, inputs: (f.inputIds ?? []).map((id) => ({ id, lot: true })) })),
      facilities: data.facilities,
      materials: data.materials,
      firms: data.firms.map((f) => ({ ...f, holdings: [], matches: [], sameEntityIds: [] })),
    },
    { asOf: '2024-06-10', maxTiers: 15, entityListVersion: data.entityList.version },
  );
  return { ...data, shipment: s, trace };
}

const section = (md: string) => md.slice(md.indexOf('## 7. Origin'), md.indexOf('## 8.'));

describe('packet: Origin section', () => {
  const data = traced(cottonPacketData(REPACKED), { countryOfOrigin: 'VN', preferenceProgram: 'CAFTA-DR', htsCode: '6205.20.2003' });
  const packet = assemblePacket(data, DATES);
  const md = section(packet.markdown);

  it('gives the declared and computed origins, where it was decided and the pass-through countries', () => {
    expect(md).toContain('The entry declares origin VN and claims CAFTA-DR');
    expect(md).toContain('**Computed origin: CN.**');
    expect(md).toMatch(/ORIGIN_MISMATCH 1, TRANSSHIPMENT 1, YARN_FORWARD_FAIL 1/);
    expect(md).toMatch(
      /### Where the origin was decided[\s\S]*\| FL2 \| 2 \| Ningbo sewing plant \(Ningbo Shirt Co\) \| CN \| Shirts \| FL2 → FL1 \|/,
    );
    expect(md).toMatch(/### Pass-through countries[\s\S]*\| FL1 \| 1 \| Saigon warehouse \(Saigon Repack Co\) \| VN \| 6205 \|/);
  });

  it('for the preference claim lists the yarn and fabric flows with their countries', () => {
    expect(md).toContain('### Preference claim: CAFTA-DR');
    expect(md).toContain('CAFTA-DR parties: US, CR, DO, GT, HN, NI, SV.');
    expect(md).toMatch(/\| FL3 \| 3 \| fabric \| 5208 \| .* \| CN \| NO \|/);
  });

  it('asks for the documents that would settle each signal on its flow', () => {
    const gap = (flowId: string) => packet.gaps.find((g) => g.flowId === flowId)!;
    // every hop has a production record in the fixture: the certificates are what is missing
    expect(gap('FL1').missing).toContain('CERTIFICATE_OF_ORIGIN');
    expect(gap('FL1').note).toMatch(/certificate of origin of the goods received from another country \(transshipment\)/);
    expect(gap('FL2').missing).toContain('CERTIFICATE_OF_ORIGIN');
    expect(gap('FL2').note).toMatch(/origin_mismatch/);
    expect(gap('FL3').missing).toContain('CERTIFICATE_OF_ORIGIN');
    expect(gap('FL3').note).toMatch(/yarn or fabric \(yarn_forward_fail\)/);
    // the raw cotton's own certificate is on file and no signal sits there
    expect(packet.gaps.find((g) => g.flowId === 'FL4')?.missing ?? []).not.toContain('CERTIFICATE_OF_ORIGIN');
  });

  it('says plainly when nothing is declared and the origin is where the goods were made', () => {
    const plain = section(assemblePacket(traced(cottonPacketData(), {}), DATES).markdown);
    expect(plain).toContain('The entry declares no country of origin and claims no trade preference');
    expect(plain).toContain('**Computed origin: BD.**');
    expect(plain).toContain('No origin signal was raised');
    expect(plain).toContain('No flow on the way to the transforming facility passed the goods on unchanged.');
    expect(plain).not.toContain('Preference claim');
  });
});
