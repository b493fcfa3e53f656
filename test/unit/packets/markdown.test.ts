import { assemblePacket } from '../../../src/packets/packet';
import { mdEscape } from '../../../src/packets/markdown';
import { SECTIONS } from '../../../src/packets/content';
import { cottonPacketData, flagGin, withoutDocument } from '../../fixtures/packet-data';

const DATES = { statusOn: '2024-06-20' };

describe('packet markdown', () => {
  it('is byte-identical for the same data', () => {
    expect(assemblePacket(cottonPacketData(), DATES).markdown).toBe(assemblePacket(cottonPacketData(), DATES).markdown);
  });

  it('has the sections in the order CBP asks for', () => {
    const md = assemblePacket(cottonPacketData(), DATES).markdown;
    const at = SECTIONS.map((s, i) => md.indexOf(`## ${i + 1}. ${s}`));
    expect(at.every((x) => x > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // contents right after the cover; the summary points to the exhibit index, its own section
    expect(SECTIONS.slice(0, 3)).toEqual(['Cover', 'Table of contents', 'Executive summary']);
    const summary = md.slice(at[2], at[3]);
    expect(summary).toContain('### Missing documents');
    expect(summary).toContain('annotated in section 13');
    expect(md.slice(at[3], at[4])).toContain('### Supply chain step by step');
    expect(md.slice(at[12])).toContain('| Exhibit | Document | What it shows | Key facts |');
    expect(md).toContain('[Exhibit index](#13-exhibit-index)');
    expect(md).toContain('```mermaid\nflowchart TB');
  });

  it('has the cover facts', () => {
    const md = assemblePacket(cottonPacketData(), DATES).markdown;
    for (const s of [
      'Acme Apparel Inc.',
      'ABC-1234567-8',
      'Los Angeles',
      '2024-06-10',
      'Cotton T-shirts',
      '6109.10.0012',
      'USD 250,000.00',
    ]) {
      expect(md.slice(0, md.indexOf('## 2.'))).toContain(s);
    }
  });

  it('lists every party with its records, screening and exhibits', () => {
    const d = cottonPacketData();
    d.firms.find((f) => f.id === 'F3')!.localName = '金线纺织有限公司';
    d.matches.push({
      id: 'F3|x',
      firmId: 'F3',
      entityName: 'Golden Thread Listed Co',
      matchedName: 'Golden Thread',
      score: 0.7123,
      decision: 'POSSIBLE',
      status: 'REJECTED',
      decidedBy: 'analyst-1',
      listVersion: '2026-08-03',
    });
    const p = assemblePacket(d, DATES);
    const parties = p.markdown.slice(p.markdown.indexOf('## 5.'), p.markdown.indexOf('## 6.'));
    for (const party of d.trace.parties) {
      const name = d.firms.find((f) => f.id === party.firmId)!.name;
      const row = parties.split('\n').find((l) => l.includes(name) && l.startsWith(`| ${party.tier} |`));
      expect(row).toBeDefined();
      if (party.tier > 0) for (const type of ['PO', 'INV', 'BL']) expect(row).toContain(`${type}-${party.tier}`);
    }
    expect(parties).toContain('金线纺织有限公司');
    const screening = p.markdown.slice(p.markdown.indexOf('## 8.'), p.markdown.indexOf('## 9.'));
    expect(screening).toContain('version 2026-08-03');
    expect(screening).toContain(
      '| Golden Thread Spinning Co | Golden Thread Listed Co | Golden Thread | 0.71 | POSSIBLE | rejected by analyst-1 |',
    );
    expect(p.exhibits).toHaveLength(21);
    expect(p.exhibits[0]).toEqual({
      number: 'E1',
      documentId: 'D1-po',
      type: 'PURCHASE_ORDER',
      title: 'Purchase order PO-1 of 2024-05-01 issued by Acme Apparel Inc.',
    });
  });

  it('is an applicability review when CLEAR and states no flagged path', () => {
    const p = assemblePacket(cottonPacketData(), DATES);
    expect(p.kind).toBe('APPLICABILITY_REVIEW');
    expect(p.markdown).toContain('Verdict CLEAR.');
    expect(p.markdown).not.toContain('### Flagged paths');
  });

  it('is an exception request when FLAGGED, with the flagged path and the evidence still needed', () => {
    const p = assemblePacket(flagGin(cottonPacketData()), DATES);
    expect(p.kind).toBe('EXCEPTION_REQUEST');
    const md = p.markdown;
    const flagged = md.slice(md.indexOf('### Flagged paths'), md.indexOf('### Clear and convincing evidence still needed'));
    expect(flagged).toContain('XUAR_LOCATION at tier 4');
    expect(flagged).toContain('Path: Lubbock gin (Lubbock Cotton Gin LLC) → (flow FL4) → Golden Thread spinning mill → (flow FL3) →');
    expect(flagged).toContain('(flow FL1) → Acme DC.');
    // the summary says what is missing right after the flagged paths
    expect(md.slice(md.indexOf('## 3.'), md.indexOf('## 4.'))).toContain('### Missing documents');
    expect(md).toContain('### Clear and convincing evidence still needed');
    expect(md).toMatch(/class n\d flagged/);
  });

  it('flags stay in the packet even when they do not change the verdict', () => {
    const d = cottonPacketData();
    d.trace.flags.push({
      kind: 'HIGH_PRIORITY_SECTOR',
      firmId: 'F4',
      facilityId: 'FAC4',
      flowId: 'FL4',
      tier: 4,
      path: ['FL1', 'FL2', 'FL3', 'FL4'],
      evidence: ['sector COTTON'],
      reason: 'Cotton lint falls in the FLETF high-priority sector COTTON.',
    });
    const md = assemblePacket(d, DATES).markdown;
    expect(md.slice(md.indexOf('## 11.'))).toContain('**HIGH_PRIORITY_SECTOR** at tier 4, flow FL4');
  });

  it('lists gaps and calls out payment and quantity mismatches', () => {
    const d = withoutDocument(cottonPacketData(), 'FL2', 'PROOF_OF_PAYMENT');
    d.documents.find((x) => x.id === 'D3-pay')!.amount = 1;
    d.flows.find((f) => f.id === 'FL2')!.quantity = 9000;
    const p = assemblePacket(d, DATES);
    expect(p.gaps.find((g) => g.flowId === 'FL2')!.missing).toEqual(['PROOF_OF_PAYMENT']);
    expect(p.markdown).toContain('| FL2 | PROOF_OF_PAYMENT |');
    expect(p.markdown).toMatch(/Flow FL3 \(tier 3\): invoiced USD 20,000.00 but paid USD 1.00/);
    expect(p.markdown).toContain('- Flow FL2 (tier 2, Blue River Fabrics Co to Evergreen Garments Ltd): **proof of payment** missing.');
    expect(p.markdown).toMatch(/5,400 kg cannot be accounted for/);
  });

  it('shows a summary tracing report when an identical chain was cleared before', () => {
    const d = cottonPacketData();
    d.identical = [
      { shipmentId: 'S0', entryNumber: 'ABC-0000001-1', entryDate: '2024-01-10', verdict: 'CLEAR' },
      { shipmentId: 'S9', entryNumber: 'ABC-0000009-9', entryDate: '2024-09-10', verdict: 'CLEAR' },
    ];
    const p = assemblePacket(d, DATES);
    expect(p.identicalShipments).toEqual(['S0', 'S9']);
    const report = p.markdown.slice(p.markdown.indexOf('### Summary tracing report'), p.markdown.indexOf('### Documents'));
    expect(report).toContain('identical to that of S0 (entry ABC-0000001-1, 2024-01-10)');
    expect(report).not.toContain('S9 (entry');
    expect(report).toContain(
      '| tier 4 | Lubbock gin (Lubbock Cotton Gin LLC) | Lubbock, US | Cotton lint to Golden Thread spinning mill | E17 commercial invoice INV-4 |',
    );
    expect(assemblePacket(cottonPacketData(), DATES).markdown).not.toContain('Summary tracing report');
  });

  it('shows the detention clock on the cover, counted from the status date, and says which day that is', () => {
    const d = cottonPacketData();
    Object.assign(d.shipment, { detainedOn: '2024-06-14', noticeDate: '2024-06-18' });
    d.trace.asOf = '2024-06-10';
    const md = assemblePacket(d, { statusOn: '2024-07-16' }).markdown;
    const cover = md.slice(0, md.indexOf('## 2.'));
    expect(cover).toContain('### Detention clock (status on 2024-07-16)');
    expect(cover).toContain(
      'Days left count from 2024-07-16. Every edition of this packet (Markdown, HTML, PDF, ZIP) counts from this one day',
    );
    expect(cover).toContain('unless another was named (statusOn in the API, --status-on in the CLI)');
    expect(cover).toContain('| Importer response to the detention notice | 2024-07-18 | 2 | **NEAR** |');
    expect(cover).toContain('| CBP admissibility decision (otherwise deemed excluded) | 2024-07-14 | -2 | **PAST** |');
  });

  it('notes documents that need a translation', () => {
    const d = cottonPacketData();
    d.documents.find((x) => x.id === 'D3-inv')!.language = 'zh';
    const md = assemblePacket(d, DATES).markdown;
    expect(md).toContain('language zh (English translation needed)');
    expect(md).toContain('### Translations needed');
  });
});

describe('mdEscape', () => {
  it('keeps names readable and markup inert', () => {
    expect(mdEscape('XUAR_LOCATION')).toBe('XUAR_LOCATION');
    expect(mdEscape('A | B *C* [x](y) <b>')).toBe('A \\| B \\*C\\* \\[x](y) \\<b>');
    expect(mdEscape('line\nbreak')).toBe('line break');
  });
});
