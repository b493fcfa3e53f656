import { buildLookup } from '../../../src/packets/lookup';
import {
  checkPayments,
  completenessOf,
  documentCoverage,
  expectedDocuments,
  hopFacts,
  packetGaps,
  reconcileQuantities,
  unitInfo,
} from '../../../src/packets/gaps';
import type { PacketData } from '../../../src/packets/types';
import { cottonPacketData, withoutDocument } from '../../fixtures/packet-data';

const analyse = (d: PacketData) => packetGaps(buildLookup(d));
const doc = (d: PacketData, id: string) => d.documents.find((x) => x.id === id)!;

describe('expected documents', () => {
  it('a fully documented chain has no gaps and completeness 1', () => {
    const g = analyse(cottonPacketData());
    expect(g.gaps).toEqual([]);
    expect(g.completeness).toBe(1);
  });

  it('expects order, invoice, payment, transport and production per hop, and origin for raw cotton', () => {
    const l = buildLookup(cottonPacketData());
    const keys = (flowId: string) => expectedDocuments(hopFacts(l, l.hops.get(flowId)!)).map((e) => e.key);
    expect(keys('FL1')).toEqual(['order', 'invoice', 'payment', 'transport', 'production']);
    expect(keys('FL4')).toEqual(['order', 'invoice', 'payment', 'transport', 'production', 'origin']);
    const gin = expectedDocuments(hopFacts(l, l.hops.get('FL4')!)).find((e) => e.key === 'production')!;
    expect(gin.label).toMatch(/gin or bale records/);
  });

  it('asks for a bill of lading across borders and a transport record within a country', () => {
    const d = cottonPacketData();
    d.facilities.find((f) => f.id === 'FAC3')!.country = 'CN';
    const l = buildLookup(d);
    const transport = (id: string) => expectedDocuments(hopFacts(l, l.hops.get(id)!)).find((e) => e.key === 'transport')!.missingType;
    expect(transport('FL2')).toBe('BILL_OF_LADING'); // CN -> BD
    expect(transport('FL3')).toBe('TRANSPORT_RECORD'); // CN -> CN
  });

  it('a removed proof of payment is a gap on that flow only', () => {
    const g = analyse(withoutDocument(cottonPacketData(), 'FL3', 'PROOF_OF_PAYMENT'));
    expect(g.gaps).toHaveLength(1);
    expect(g.gaps[0]).toMatchObject({ flowId: 'FL3', missing: ['PROOF_OF_PAYMENT'] });
    expect(g.gaps[0].note).toMatch(/proof of payment/i);
    expect(g.completeness).toBeCloseTo(20 / 21, 4);
  });

  it('a contract satisfies the order expectation', () => {
    const d = cottonPacketData();
    doc(d, 'D2-po').type = 'CONTRACT';
    expect(analyse(d).gaps).toEqual([]);
  });

  it('a trader passing lots on is expected to keep an inventory record, not a production record', () => {
    const d = cottonPacketData();
    d.flows.find((f) => f.id === 'FL2')!.materialId = 'M3';
    d.trace.hops.find((h) => h.flowId === 'FL2')!.materialId = 'M3';
    const g = analyse(d);
    expect(g.gaps).toHaveLength(1);
    expect(g.gaps[0]).toMatchObject({ flowId: 'FL2', missing: ['INVENTORY_RECORD'] });
  });

  it('polysilicon whose trace ends asks for the origin of its quartz and metallurgical silicon', () => {
    const d = cottonPacketData();
    const m = d.materials.find((x) => x.id === 'M4')!;
    Object.assign(m, { name: 'Polysilicon', hsCode: '2804.61', raw: true });
    const l = buildLookup(d);
    const origin = expectedDocuments(hopFacts(l, l.hops.get('FL4')!)).find((e) => e.key === 'origin')!;
    expect(origin.label).toMatch(/quartz and metallurgical/);
    expect(origin.accepts).toContain('MILL_CERTIFICATE');
  });

  it('completeness is the share of expectations met', () => {
    const l = buildLookup(withoutDocument(withoutDocument(cottonPacketData(), 'FL1', 'BILL_OF_LADING'), 'FL4', 'CERTIFICATE_OF_ORIGIN'));
    expect(completenessOf(documentCoverage(l))).toBeCloseTo(19 / 21, 4);
  });
});

describe('payments against invoices', () => {
  it('match when payer, payee, amount and currency agree', () => {
    expect(checkPayments(buildLookup(cottonPacketData())).map((c) => c.status)).toEqual(['MATCH', 'MATCH', 'MATCH', 'MATCH']);
  });

  it('call out a wrong amount, currency, payer or payee as a gap', () => {
    const d = cottonPacketData();
    doc(d, 'D1-pay').amount = 85000;
    doc(d, 'D2-pay').currency = 'CNY';
    doc(d, 'D3-pay').payerId = 'F-imp';
    doc(d, 'D4-pay').payeeId = 'F-elsewhere';
    const g = analyse(d);
    const byFlow = new Map(g.payments.map((c) => [c.flowId, c]));
    expect([...byFlow.values()].map((c) => c.status)).toEqual(['MISMATCH', 'MISMATCH', 'MISMATCH', 'MISMATCH']);
    expect(byFlow.get('FL1')!.issues.join()).toMatch(/invoiced USD 90,000.00 but paid USD 85,000.00/);
    expect(byFlow.get('FL2')!.issues.join()).toMatch(/invoiced USD 40,000.00 but paid USD 0.00/);
    expect(byFlow.get('FL2')!.issues.join()).toMatch(/invoiced CNY 0.00 but paid CNY 40,000.00/);
    expect(byFlow.get('FL3')!.issues.join()).toMatch(/paid by Acme Apparel Inc\., not by the buyer Blue River Fabrics Co/);
    expect(byFlow.get('FL4')!.issues.join()).toMatch(/paid to F-elsewhere, not to the seller Lubbock Cotton Gin LLC/);
    expect(g.gaps.map((x) => x.flowId)).toEqual(['FL1', 'FL2', 'FL3', 'FL4']);
    for (const gap of g.gaps) expect(gap.note).toMatch(/Payment does not match the invoice/);
  });

  it('an invoice issued by someone other than the seller is called out', () => {
    const d = cottonPacketData();
    doc(d, 'D2-inv').issuerId = 'F1';
    expect(checkPayments(buildLookup(d))[1].issues).toEqual([
      'commercial invoice INV-2 is issued by Evergreen Garments Ltd, not by the seller Blue River Fabrics Co',
    ]);
  });

  it('partial payments that add up to the invoice match', () => {
    const d = cottonPacketData();
    doc(d, 'D1-pay').amount = 30000;
    d.documents.push({ ...doc(d, 'D1-pay'), id: 'D1-pay2', number: 'PAY-1b', amount: 60000 });
    d.trace.hops[0].documents.push('D1-pay2');
    expect(checkPayments(buildLookup(d))[0]).toMatchObject({ status: 'MATCH', paid: [{ currency: 'USD', amount: 90000 }] });
  });
});

describe('quantity reconciliation', () => {
  it('converts units and states yields tier by tier', () => {
    const r = reconcileQuantities(buildLookup(cottonPacketData()));
    expect(r.map((x) => [x.flowId, x.status, x.yield === null ? null : Math.round(x.yield * 1000) / 1000])).toEqual([
      ['FL1', 'OK', 0.882],
      ['FL2', 'OK', 0.944],
      ['FL3', 'OK', 0.9],
      ['FL4', 'ORIGIN', null],
    ]);
    expect(unitInfo('MT')).toEqual({ dim: 'mass', factor: 1000 });
  });

  it('calls out output its inputs cannot account for, as a gap', () => {
    const d = cottonPacketData();
    d.flows.find((f) => f.id === 'FL2')!.quantity = 5000; // from 3.6 t of yarn
    const g = analyse(d);
    const fl2 = g.reconciliation.find((x) => x.flowId === 'FL2')!;
    expect(fl2.status).toBe('EXCESS');
    expect(fl2.unaccounted).toBeCloseTo(1400, 6);
    expect(fl2.note).toMatch(/1,400 kg cannot be accounted for/);
    expect(g.gaps.find((x) => x.flowId === 'FL2')!.note).toMatch(/cannot be accounted for/);
    // FL1 (3,000 kg from 5,000 kg) is fine
    expect(g.reconciliation.find((x) => x.flowId === 'FL1')!.status).toBe('OK');
  });

  it('says when units cannot be compared or quantities are missing', () => {
    const d = cottonPacketData();
    Object.assign(
      d.flows.find((f) => f.id === 'FL1')!,
      { quantity: 12000, unit: 'pcs' },
    );
    d.flows.find((f) => f.id === 'FL3')!.quantity = null;
    const r = new Map(reconcileQuantities(buildLookup(d)).map((x) => [x.flowId, x]));
    expect(r.get('FL1')!.status).toBe('NOT_COMPARABLE');
    expect(r.get('FL1')!.note).toMatch(/pcs cannot be compared with inputs in kg/);
    expect(r.get('FL2')!.status).toBe('NOT_STATED');
    expect(r.get('FL3')!.status).toBe('NOT_STATED');
  });

  it('an untraced non-raw input is called out', () => {
    const d = cottonPacketData();
    d.materials.find((m) => m.id === 'M4')!.raw = false;
    const g = analyse(d);
    expect(g.reconciliation.find((x) => x.flowId === 'FL4')!.status).toBe('UNTRACED');
    expect(g.gaps.find((x) => x.flowId === 'FL4')!.note).toMatch(/Untraced input/);
  });
});

describe('translations', () => {
  it('documents in other languages need a translation, noted as a gap', () => {
    const d = cottonPacketData();
    doc(d, 'D3-inv').language = 'zh';
    doc(d, 'D2-inv').language = 'en-GB';
    const g = packetGaps(buildLookup(d), (id) => (id === 'D3-inv' ? 'E11' : undefined));
    expect(g.translations).toEqual([{ documentId: 'D3-inv', flowIds: ['FL3'], language: 'zh' }]);
    expect(g.gaps).toEqual([expect.objectContaining({ flowId: 'FL3', missing: [] })]);
    expect(g.gaps[0].note).toMatch(/Translation needed: commercial invoice INV-3 \(exhibit E11\) is in "zh"/);
  });
});
