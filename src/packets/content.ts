// The packet as a list of blocks (headings, paragraphs, lists, tables, the chart), in
// the order CBP's guidance asks for. Markdown, HTML and PDF all render these blocks, so
// the three editions say the same thing. Pure and deterministic: no clock, no locale (the
// status date of the detention clock comes in with the analysis).
import type { RiskFlag, TraceHop } from '../trace/engine';
import { flagKindRule, specifiedFlagKinds } from '../trace/rules/flagKinds';
import type { PacketAnalysis } from './analyze';
import { detentionClock } from './detention';
import { hopFacts } from './gaps';
import {
  cmp,
  docLabel,
  facilityName,
  firmName,
  firmOfFacility,
  fmtMoney,
  fmtNum,
  fmtQty,
  joinPlace,
  Lookup,
  materialName,
  placeOf,
  siteLabel,
} from './lookup';
import { originBlocks } from './originSection';
import { chartModel, renderMermaid } from './svg';
import type { Block, PacketDocument, PacketFirm, PacketGap, Seg, Text } from './types';

export const KIND_LABEL = { APPLICABILITY_REVIEW: 'Applicability review', EXCEPTION_REQUEST: 'Exception request' } as const;

export const SECTIONS = [
  'Cover',
  'Table of contents',
  'Executive summary',
  'Supply chain flow chart',
  'Parties at every tier',
  'Raw material origin',
  'Origin',
  'Screening results',
  'Quantity reconciliation',
  'Payments against invoices',
  'Flags',
  'Gaps and completeness',
  'Exhibit index',
] as const;
type Section = (typeof SECTIONS)[number];
/** Sections that start a new page in the paged editions (PDF, printed HTML). */
const NEW_PAGE: readonly Section[] = ['Table of contents', 'Executive summary', 'Supply chain flow chart'];

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}
const sectionTitle = (s: Section) => `${SECTIONS.indexOf(s) + 1}. ${s}`;
/** "section 11" */
export const sectionRef = (s: Section) => `section ${SECTIONS.indexOf(s) + 1}`;
const h2 = (s: Section): Block => ({
  kind: 'h',
  level: 2,
  text: sectionTitle(s),
  id: slug(sectionTitle(s)),
  ...(NEW_PAGE.includes(s) ? { newPage: true } : {}),
});
const h3 = (text: string): Block => ({ kind: 'h', level: 3, text, id: slug(text) });
const p = (text: Text): Block => ({ kind: 'p', text });

const DOC_PURPOSE: Record<string, string> = {
  PURCHASE_ORDER: 'shows the buyer ordered these goods from the seller',
  CONTRACT: 'sets the terms on which the seller supplies the buyer',
  COMMERCIAL_INVOICE: 'bills the buyer for the lot and ties seller, buyer, goods and value together',
  PACKING_LIST: 'lists the packages and contents of the lot shipped',
  BILL_OF_LADING: "the carrier's receipt: shows the lot moved from seller to buyer",
  TRANSPORT_RECORD: 'shows the lot moved between the two sites',
  PROOF_OF_PAYMENT: 'shows the buyer paid the seller for the invoiced lot',
  PRODUCTION_RECORD: 'shows the lot was produced at the shipping facility and from which inputs',
  INVENTORY_RECORD: 'links the lots received to the lot shipped',
  CERTIFICATE_OF_ORIGIN: 'states where the goods or their raw material originated',
  MILL_CERTIFICATE: "the producer's certificate of the material's specification and origin",
  AUDIT_REPORT: "an independent review of the facility's labor practices",
  AFFIDAVIT: 'a sworn statement of a party about origin or labor conditions',
  LAB_TEST: "a scientific test (e.g. isotopic or DNA) of the material's origin",
  OTHER: 'supporting record',
};

function exhibitRef(a: PacketAnalysis, id: string): string {
  const d = a.l.documents.get(id);
  const ex = a.exhibitOf.get(id);
  if (!d) return `document ${id} (not on file)`;
  return `${ex ? `${ex} ` : ''}${docLabel(d.type).toLowerCase()} ${d.number ?? d.id}`;
}
function hopRecords(a: PacketAnalysis, hop: TraceHop): string {
  return hop.documents.length ? hop.documents.map((id) => exhibitRef(a, id)).join('; ') : 'no documents';
}
function needsTranslation(d: PacketDocument): boolean {
  return !!d.language && !/^en\b/i.test(d.language.trim());
}

// ---------- 1. cover ----------

function cover(a: PacketAnalysis): Block[] {
  const { data } = a.l;
  const s = data.shipment;
  const importer = a.l.firms.get(s.importerId);
  const flow = a.l.flows.get(s.flowId);
  const tier1 = a.l.hops.get(s.flowId);
  const merchandise = flow
    ? `${materialName(a.l, flow.materialId)}, ${fmtQty(flow.quantity, flow.unit)}, shipped by ${siteLabel(a.l, flow.fromId)}${flow.date ? ` on ${flow.date}` : ''}`
    : 'not recorded';
  const rows: Text[][] = [
    ['Packet', `${KIND_LABEL[a.kind]} (verdict ${a.verdict})`],
    [
      'Importer',
      importer
        ? `${importer.name}${importer.localName ? ` (${importer.localName})` : ''}; ${joinPlace([importer.address, importer.city, importer.province, importer.country]) || 'address not recorded'}`
        : s.importerId,
    ],
    ['Entry number', s.entryNumber ?? 'not recorded'],
    ['Shipment id', s.id],
    ['Port of entry', s.portOfEntry ?? 'not recorded'],
    ['Entry date', s.entryDate ?? 'not recorded'],
    ['Merchandise', merchandise],
    ['HTS code', s.htsCode ?? 'not recorded'],
    ['Entered value', s.value === null || s.value === undefined ? 'not recorded' : fmtMoney(s.value, s.currency)],
    [
      'Assessed as of',
      `${a.asOf}${a.asOfGiven ? '' : s.entryDate === a.asOf ? ' (the entry date, the default)' : ' (the day the packet was made: no entry date is recorded)'}`,
    ],
    [
      'UFLPA Entity List version',
      `${data.entityList.version}${data.entityList.snapshotDate ? ` (snapshot ${data.entityList.snapshotDate})` : ''}`,
    ],
    [
      'Supply chain',
      `${data.trace.tiers} tier(s), ${data.trace.hops.length} hop(s), ${data.trace.parties.length} part${data.trace.parties.length === 1 ? 'y' : 'ies'}${tier1 ? '' : " (the shipment's flow was not found)"}`,
    ],
    ['Supply chain fingerprint', [{ code: a.fingerprint }]],
    [
      'Detention',
      s.detainedOn || s.noticeDate
        ? `detained ${s.detainedOn ?? 'date not recorded'}; notice of detention ${s.noticeDate ?? 'date not recorded'}`
        : 'no detention recorded',
    ],
  ];
  const out: Block[] = [h2('Cover'), { kind: 'table', head: ['Item', 'Detail'], rows }];
  if (s.detainedOn || s.noticeDate) {
    const day = a.statusOn;
    const clock = a.clock ?? detentionClock(s, day);
    out.push(h3(`Detention clock (status on ${day})`));
    out.push(
      p(
        `Days left count from ${day}. Every edition of this packet (Markdown, HTML, PDF, ZIP) counts from this one day: ` +
          'the day the packet was asked for unless another was named (statusOn in the API, --status-on in the CLI).',
      ),
    );
    out.push({
      kind: 'table',
      head: ['Deadline', 'Date', 'Days left', 'Status', 'Basis'],
      rows: clock.deadlines.map((d) => [
        d.name,
        d.date,
        String(d.daysLeft),
        d.status === 'OPEN' ? 'open' : [{ b: d.status === 'PAST' ? 'PAST' : 'NEAR' }],
        d.basis,
      ]),
    });
  }
  return out;
}

// ---------- 2. executive summary ----------

/** "Gin (Firm) → (flow F4) → Spinning mill → (flow F3) → … → Importer's warehouse": the flagged site with its firm, then the facilities the goods passed. */
function shortPath(l: Lookup, path: string[]): string {
  const hops = [...path]
    .reverse()
    .map((id) => l.hops.get(id))
    .filter((h): h is TraceHop => !!h);
  if (!hops.length) return 'not recorded';
  return [siteLabel(l, hops[0].fromFacilityId), ...hops.map((h) => `(flow ${h.flowId}) → ${facilityName(l, h.toFacilityId)}`)].join(' → ');
}

function pathText(l: Lookup, path: string[]): string {
  // upstream first: raw material -> ... -> importer
  const parts: string[] = [];
  const hops = [...path]
    .reverse()
    .map((id) => l.hops.get(id))
    .filter((h): h is TraceHop => !!h);
  hops.forEach((h, i) => {
    if (i === 0) parts.push(`${siteLabel(l, h.fromFacilityId)} [tier ${h.tier}, ${placeOf(l, h.fromFacilityId) || 'place not recorded'}]`);
    parts.push(`--${materialName(l, h.materialId)} (flow ${h.flowId})-->`);
    parts.push(siteLabel(l, h.toFacilityId));
  });
  return parts.join(' ');
}

const EVIDENCE_ALWAYS = [
  "A description of the importer's due-diligence system: supplier code of conduct, risk assessment, supplier training, monitoring and remediation, and how it applies to these goods.",
  `Complete supply chain tracing from raw material to import for this entry, with every gap in ${sectionRef('Gaps and completeness')} closed.`,
  'Evidence that the goods were not mined, produced or manufactured wholly or in part by forced labor: worker recruitment channels, employment contracts, wage and payroll records with bank transfers, working-hours records and freedom-of-movement evidence for every worker at the flagged facilities.',
];

function evidenceFor(l: Lookup, f: RiskFlag): string {
  const party = f.facilityId ? siteLabel(l, f.facilityId) : firmName(l, f.firmId);
  return flagKindRule(f.kind)?.packetEvidence?.(party, f) ?? `${party} (tier ${f.tier}): ${f.reason}`;
}

function stepByStep(a: PacketAnalysis): Text[] {
  const l = a.l;
  const stepOf = new Map<string, number>();
  l.upstreamFirst.forEach((h, i) => stepOf.set(h.flowId, i + 1));
  return l.upstreamFirst.map((h) => {
    const facts = hopFacts(l, h);
    const flow = l.flows.get(h.flowId);
    const from = siteLabel(l, h.fromFacilityId);
    const fromPlace = placeOf(l, h.fromFacilityId);
    const material = materialName(l, h.materialId);
    let made: string;
    if (!h.inputs.length) {
      made = l.materials.get(h.materialId)?.raw
        ? `${material} originates at ${from}${fromPlace ? ` in ${fromPlace}` : ''} (raw material, where the trace ends).`
        : `${from}${fromPlace ? ` in ${fromPlace}` : ''} supplies ${material}, whose origin is not traced.`;
    } else {
      const ins = h.inputs.map((id) => {
        const n = stepOf.get(id);
        const inMat = l.flows.get(id)?.materialId ?? l.hops.get(id)?.materialId;
        return `${inMat ? materialName(l, inMat) : 'input'} of ${n ? `step ${n}` : `flow ${id} (beyond the traced tiers)`}`;
      });
      const verb = facts.passThrough ? 'passes on' : 'makes';
      made = `At ${from}${fromPlace ? ` in ${fromPlace}` : ''}, ${firmName(l, firmOfFacility(l, h.fromFacilityId)?.id)} ${verb} ${material} from the ${ins.join(', ')}${h.lotAllocated ? '' : ' (no lot lineage: every earlier delivery to the site)'}.`;
    }
    const to = siteLabel(l, h.toFacilityId);
    const moved = `It ships ${fmtQty(flow?.quantity, flow?.unit)} to ${to}${placeOf(l, h.toFacilityId) ? ` in ${placeOf(l, h.toFacilityId)}` : ''}${flow?.date ? ` on ${flow.date}` : ''} (flow ${h.flowId}, tier ${h.tier}; records: ${hopRecords(a, h)}).`;
    return `${made} ${moved}`;
  });
}

function oneRecord(a: PacketAnalysis, hop: TraceHop): string {
  const pref = ['COMMERCIAL_INVOICE', 'PURCHASE_ORDER', 'CONTRACT', 'BILL_OF_LADING', 'TRANSPORT_RECORD', 'PROOF_OF_PAYMENT'];
  const docs = hop.documents.map((id) => a.l.documents.get(id)).filter((d): d is PacketDocument => !!d);
  docs.sort((x, y) => (pref.indexOf(x.type) + 1 || 99) - (pref.indexOf(y.type) + 1 || 99) || cmp(x.id, y.id));
  return docs.length ? exhibitRef(a, docs[0].id) : 'none on file';
}

/** Gaps the summary lists before it points to the full table. */
const MISSING_IN_SUMMARY = 8;

function missingLine(a: PacketAnalysis, x: PacketGap): Text {
  const hop = x.flowId ? a.l.hops.get(x.flowId) : undefined;
  const where = hop
    ? `Flow ${x.flowId} (tier ${hop.tier}, ${firmName(a.l, firmOfFacility(a.l, hop.fromFacilityId)?.id)} to ${firmName(a.l, firmOfFacility(a.l, hop.toFacilityId)?.id)})`
    : x.flowId
      ? `Flow ${x.flowId}`
      : 'The shipment';
  return x.missing.length
    ? [`${where}: `, { b: x.missing.map((t) => docLabel(t).toLowerCase()).join(', ') }, ' missing.']
    : `${where}: ${x.note}`;
}

/** What the record still lacks, hop by hop: the first MISSING_IN_SUMMARY gaps, then where the rest are. */
function missingDocuments(a: PacketAnalysis): Block[] {
  const g = a.gaps;
  const out: Block[] = [h3('Missing documents')];
  if (!g.gaps.length) out.push(p('None: every document a reviewer expects for each hop is on file.'));
  else {
    const shown = g.gaps.slice(0, MISSING_IN_SUMMARY);
    out.push({ kind: 'ul', items: shown.map((x) => missingLine(a, x)) });
    if (g.gaps.length > shown.length)
      out.push(p(`${g.gaps.length - shown.length} more in ${sectionRef('Gaps and completeness')}, which lists every gap.`));
  }
  return out;
}

function executiveSummary(a: PacketAnalysis): Block[] {
  const l = a.l;
  const { data } = l;
  const s = data.shipment;
  const importer = firmName(l, s.importerId);
  const flow = l.flows.get(s.flowId);
  const goods = flow ? materialName(l, flow.materialId) : 'goods';
  const out: Block[] = [h2('Executive summary')];
  out.push(
    p(
      `This packet supports an ${KIND_LABEL[a.kind].toLowerCase()} for entry ${s.entryNumber ?? s.id} of ${goods} imported by ${importer}` +
        `${s.portOfEntry ? ` through ${s.portOfEntry}` : ''}${s.entryDate ? ` on ${s.entryDate}` : ''}. It traces the goods through ${data.trace.tiers} tier(s) ` +
        `of suppliers as of ${a.asOf}, against UFLPA Entity List version ${data.entityList.version}.`,
    ),
  );
  const untraced = data.trace.flags.filter((f) => flagKindRule(f.kind)?.verdictEffect === 'INCOMPLETE');
  const signals = data.trace.flags.filter((f) => flagKindRule(f.kind)?.verdictEffect === null);
  if (a.verdict === 'FLAGGED') {
    out.push(
      p([
        { b: `Verdict FLAGGED: ${a.presumptive.length} presumptive flag(s).` },
        ' The supply chain passes through a facility in the Xinjiang Uyghur Autonomous Region or a party on (or controlled by an entity on) the UFLPA Entity List, ' +
          'so the rebuttable presumption applies. This packet requests an exception and must show by clear and convincing evidence that the goods were not made wholly or in part with forced labor. ' +
          `The flagged paths are stated below and every flag is listed in ${sectionRef('Flags')}.`,
      ]),
    );
  } else if (a.verdict === 'INCOMPLETE') {
    const unreviewed = untraced.filter((f) => f.kind === 'POSSIBLE_LISTING').length;
    const open = untraced.length - unreviewed;
    const why = [
      ...(open
        ? [`${open} input(s) are not traced to their origin (${sectionRef('Raw material origin')} and ${sectionRef('Flags')})`]
        : []),
      ...(unreviewed
        ? [`${unreviewed} party(ies) possibly match an Entity List entry and the match is not yet reviewed (${sectionRef('Flags')})`]
        : []),
    ];
    out.push(
      p([
        { b: 'Verdict INCOMPLETE.' },
        ` The trace finds no facility in the XUAR and no listed or listed-controlled party, but ${why.join(', and ')}. ` +
          'Until that is resolved, the record cannot show that the presumption does not apply.',
      ]),
    );
  } else {
    out.push(
      p([
        { b: 'Verdict CLEAR.' },
        ' The trace finds no facility in the XUAR, no party on the UFLPA Entity List effective on the assessment date, and no party controlled by a listed entity; ' +
          'every input is traced to its origin. On this record the UFLPA presumption does not apply to these goods.',
      ]),
    );
  }
  const g = a.gaps;
  const docCount = a.exhibits.length;
  out.push(
    p(
      `The record holds ${docCount} document(s)${docCount ? ` (exhibits E1 to E${docCount})` : ''} over ${data.trace.hops.length} hop(s). ` +
        `${fmtNum(g.completeness * 100, 1)}% of the documents a reviewer expects are present; ${g.gaps.length} gap(s) remain (${sectionRef('Gaps and completeness')}). ` +
        `${signals.length ? `${signals.length} further signal(s) that do not change the verdict (name indicators, high-priority sectors) are listed in ${sectionRef('Flags')}.` : 'No further signals were raised.'}`,
    ),
  );

  if (a.verdict === 'FLAGGED') {
    out.push(h3('Flagged paths'));
    out.push({
      kind: 'ol',
      items: a.presumptive.map((f): Text => [{ b: `${f.kind} at tier ${f.tier}:` }, ` ${f.reason}`, ' Path: ', shortPath(l, f.path), '.']),
    });
    out.push(...missingDocuments(a));
    out.push(h3('Clear and convincing evidence still needed'));
    const perFlag = [...new Map(a.presumptive.map((f) => [`${f.kind}|${f.firmId}|${f.facilityId}`, f])).values()];
    out.push({ kind: 'ul', items: [...EVIDENCE_ALWAYS, ...perFlag.map((f) => evidenceFor(l, f))] });
  } else out.push(...missingDocuments(a));

  if (a.identical.length) {
    out.push(h3('Identical supply chain'));
    out.push(
      p(
        `Shipments of the same importer over the same suppliers, facilities and materials (fingerprint ${a.fingerprint.slice(0, 12)}): ` +
          a.identical
            .map((x) => `${x.shipmentId} (entry ${x.entryNumber ?? 'not recorded'}, ${x.entryDate ?? 'no entry date'}, ${x.verdict})`)
            .join('; ') +
          '.',
      ),
    );
    if (a.clearedIdentical.length) {
      out.push(h3('Summary tracing report'));
      out.push(
        p(
          `This supply chain is identical to that of ${a.clearedIdentical.map((x) => `${x.shipmentId} (entry ${x.entryNumber ?? 'not recorded'}, ${x.entryDate})`).join(', ')}, ` +
            'traced CLEAR before this entry. The suppliers at every stage, each with one business record:',
        ),
      );
      out.push({
        kind: 'table',
        head: ['Stage', 'Supplier', 'Address', 'Supplies', 'Business record'],
        rows: l.upstreamFirst.map((h) => [
          `tier ${h.tier}`,
          siteLabel(l, h.fromFacilityId),
          placeOf(l, h.fromFacilityId) || 'not recorded',
          `${materialName(l, h.materialId)} to ${facilityName(l, h.toFacilityId)}`,
          oneRecord(a, h),
        ]),
      });
    }
  }

  out.push(h3('Documents'));
  out.push(
    p(
      a.exhibits.length
        ? `Each of the ${a.exhibits.length} documents is annotated in ${sectionRef('Exhibit index')} (what it shows, its key facts, its file and checksum).`
        : 'No documents are attached to the traced flows.',
    ),
  );
  return out;
}

function keyFacts(l: Lookup, d: PacketDocument): string {
  const f: string[] = [`no. ${d.number ?? 'not stated'}`, `dated ${d.date ?? 'not stated'}`];
  if (d.amount !== null && d.amount !== undefined) f.push(`amount ${fmtMoney(d.amount, d.currency)}`);
  if (d.payerId || d.payeeId) f.push(`paid by ${firmName(l, d.payerId)} to ${firmName(l, d.payeeId)}`);
  if (d.language) f.push(`language ${d.language}${needsTranslation(d) ? ' (English translation needed)' : ''}`);
  f.push(d.file ? `file ${d.file}` : 'no file attached');
  return f.join('; ');
}

// ---------- 3. table of contents ----------

function tableOfContents(): Block[] {
  return [h2('Table of contents'), { kind: 'toc', entries: SECTIONS.map((s) => ({ title: s, id: slug(sectionTitle(s)) })) }];
}

// ---------- 4. chart ----------

function flowChart(a: PacketAnalysis): Block[] {
  const model = chartModel(a.l);
  return [
    h2('Supply chain flow chart'),
    p(
      'Each box is a facility with the firm that operates it, its place and what it ships, in rows by tier: the raw material at the top, the importer at the bottom. ' +
        'Each arrow is a hop in the direction the goods moved. Red boxes and arrows carry a presumptive flag and its path; dashed boxes an untraced input or a possible Entity List match not yet reviewed.',
    ),
    { kind: 'chart', mermaid: renderMermaid(model), model },
    h3('Supply chain step by step'),
    a.l.upstreamFirst.length ? { kind: 'ol', items: stepByStep(a) } : p('No supply chain is recorded for this shipment.'),
  ];
}

// ---------- 5. parties ----------

/** The firms a reviewer confirmed to be the same legal entity, each once by id: both names are the party's. */
function sameEntityNote(firm: PacketFirm | undefined): string {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const g of firm?.sameAs ?? []) {
    if (seen.has(g.id)) continue;
    seen.add(g.id);
    names.push(`${g.name}${g.localName ? ` (${g.localName})` : ''}, ${g.id}`);
  }
  return names.length ? `; the same legal entity as ${names.join('; ')} (confirmed duplicate)` : '';
}

function parties(a: PacketAnalysis): Block[] {
  const l = a.l;
  const { data } = l;
  const rows = data.trace.parties.map((party): Text[] => {
    const firm = l.firms.get(party.firmId);
    const fac = party.facilityId ? l.facilities.get(party.facilityId) : undefined;
    const name = fac ? `${fac.name}, operated by ${firm?.name ?? party.firmId}` : (firm?.name ?? party.name);
    const aliases = firm?.aliases?.length ? ` (also known as ${firm.aliases.join('; ')})` : '';
    const same = sameEntityNote(firm);
    const firmAddr = firm ? joinPlace([firm.address, firm.city, firm.province, firm.country]) : '';
    const facAddr = fac ? joinPlace([fac.address, fac.city, fac.province, fac.country]) : '';
    const osId = fac?.osId ? `, Open Supply Hub id ${fac.osId}` : '';
    const address = fac ? `facility: ${facAddr || 'not recorded'}${osId}; firm: ${firmAddr || 'not recorded'}` : firmAddr || 'not recorded';
    let records: string;
    if (party.role === 'IMPORTER' && !party.facilityId) {
      const into = l.orderedHops.filter((h) => h.flowId === data.shipment.flowId);
      records = [
        `entry ${data.shipment.entryNumber ?? data.shipment.id}`,
        ...into.map((h) => `buys flow ${h.flowId}: ${hopRecords(a, h)}`),
      ].join('; ');
    } else {
      const out = l.orderedHops
        .filter((h) => h.fromFacilityId === party.facilityId)
        .map((h) => `sells flow ${h.flowId}: ${hopRecords(a, h)}`);
      const inn = l.orderedHops.filter((h) => h.toFacilityId === party.facilityId).map((h) => `buys flow ${h.flowId}: ${hopRecords(a, h)}`);
      records = [...out, ...inn].join('; ') || 'no records';
    }
    const role = party.role === 'IMPORTER' ? 'Importer of record' : party.role;
    return [
      String(party.tier),
      `${name}${aliases}${same}`,
      firm?.localName ?? '',
      address,
      `${role}${firm?.registrationId ? `; registration ${firm.registrationId}` : ''}`,
      records,
    ];
  });
  return [
    h2('Parties at every tier'),
    p(
      'Every firm and facility on the traced supply chain, with the business records that tie it to the goods. Tier 0 is the importer; tier 1 ships to the importer.',
    ),
    { kind: 'table', head: ['Tier', 'Party', 'Local name', 'Address', 'Role', 'Business records'], rows },
  ];
}

// ---------- 6. raw material origin ----------

function rawOrigin(a: PacketAnalysis): Block[] {
  const l = a.l;
  const ends = l.upstreamFirst.filter((h) => !h.inputs.length);
  const origin = ['CERTIFICATE_OF_ORIGIN', 'LAB_TEST', 'MILL_CERTIFICATE', 'PRODUCTION_RECORD', 'AFFIDAVIT'];
  const out: Block[] = [h2('Raw material origin')];
  if (!ends.length) {
    out.push(
      p(
        a.l.data.trace.truncated
          ? 'The trace stopped at the tier limit before reaching the raw material; the origin is not shown.'
          : 'Every traced hop has inputs; the chain loops back on itself (recycled material) without a separate raw-material origin.',
      ),
    );
    return out;
  }
  out.push({
    kind: 'table',
    head: ['Material', 'Origin', 'Location', 'Basis', 'Origin records'],
    rows: ends.map((h) => {
      const raw = !!l.materials.get(h.materialId)?.raw;
      const recs = h.documents.filter((id) => origin.includes(l.documents.get(id)?.type ?? '')).map((id) => exhibitRef(a, id));
      return [
        materialName(l, h.materialId),
        siteLabel(l, h.fromFacilityId),
        placeOf(l, h.fromFacilityId) || 'not recorded',
        raw
          ? 'raw material produced at this site (the trace ends here)'
          : [{ b: 'NOT TRACED' }, ': not a raw material and no inputs are recorded'],
        recs.join('; ') || 'none on file',
      ];
    }),
  });
  return out;
}

// ---------- 8. screening ----------

function screening(a: PacketAnalysis): Block[] {
  const l = a.l;
  const { data } = l;
  const firmIds: string[] = [];
  for (const party of data.trace.parties) if (!firmIds.includes(party.firmId)) firmIds.push(party.firmId);
  const rows: Text[][] = [];
  for (const id of firmIds) {
    const ms = data.matches.filter((m) => m.firmId === id);
    if (!ms.length) {
      rows.push([firmName(l, id), 'no candidate', '', '', '', '', '']);
      continue;
    }
    for (const m of ms) {
      const review =
        m.status === 'PENDING'
          ? 'pending review'
          : `${m.status.toLowerCase()}${m.decidedBy ? ` by ${m.decidedBy}` : ''}${m.note ? ` ("${m.note}")` : ''}`;
      const stale = m.listVersion && m.listVersion !== data.entityList.version ? ` (screened against ${m.listVersion})` : '';
      rows.push([
        firmName(l, id),
        m.entityName,
        m.matchedName,
        fmtNum(m.score, 2),
        m.decision,
        review,
        `${m.effectiveDate ?? 'not stated'}${stale}`,
      ]);
    }
  }
  return [
    h2('Screening results'),
    p(
      `Every party was screened by name, aliases and local name against UFLPA Entity List version ${data.entityList.version}` +
        `${data.entityList.snapshotDate ? ` (snapshot ${data.entityList.snapshotDate})` : ''}. Candidates are shown with their score (0 to 1) and decision; ` +
        "a MATCH or a confirmed candidate sets UFLPA_LISTED from the entry's effective date, a rejected one never does.",
    ),
    { kind: 'table', head: ['Party', 'Entity List entry', 'Matched name', 'Score', 'Decision', 'Review', 'Effective'], rows },
  ];
}

// ---------- 9. quantities ----------

function quantities(a: PacketAnalysis): Block[] {
  const l = a.l;
  const recs = a.gaps.reconciliation;
  const label = {
    OK: 'accounted for',
    EXCESS: 'UNACCOUNTED',
    NOT_COMPARABLE: 'units not comparable',
    NOT_STATED: 'quantity missing',
    ORIGIN: 'origin',
    UNTRACED: 'UNTRACED',
  };
  const out: Block[] = [
    h2('Quantity reconciliation'),
    p(
      "Tier by tier, each hop's output against the inputs it was made from, on a common unit where the units allow, with the stated yield (output over inputs). " +
        'Output larger than its inputs cannot be accounted for and is called out.',
    ),
    {
      kind: 'table',
      head: ['Tier', 'Flow', 'Material', 'Output', 'Inputs', 'Yield', 'Result'],
      rows: recs.map((r) => [
        String(r.tier),
        r.flowId,
        materialName(l, r.materialId),
        fmtQty(r.output.quantity, r.output.unit),
        r.inputs.length
          ? r.inputs.map((i) => `${i.flowId}: ${fmtQty(i.quantity, i.unit)}`).join('; ') +
            (r.basis === 'FACILITY' ? ' (facility level)' : '')
          : '-',
        r.yield === null ? '-' : `${fmtNum(r.yield * 100, 1)}%`,
        r.status === 'EXCESS' || r.status === 'UNTRACED' ? [{ b: label[r.status] }] : label[r.status],
      ]),
    },
  ];
  const called = recs.filter((r) => r.status !== 'OK' && r.status !== 'ORIGIN');
  out.push(
    called.length
      ? { kind: 'ul', items: called.map((r) => `Flow ${r.flowId} (tier ${r.tier}): ${r.note}`) }
      : p("Every hop's quantities are accounted for by its inputs."),
  );
  return out;
}

// ---------- 10. payments ----------

function payments(a: PacketAnalysis): Block[] {
  const l = a.l;
  const money = (xs: { currency: string; amount: number }[]) =>
    xs.map((x) => fmtMoney(x.amount, x.currency === '?' ? null : x.currency)).join(' + ') || '-';
  const label = {
    MATCH: 'matches',
    MISMATCH: 'MISMATCH',
    NO_PAYMENT: 'no proof of payment',
    NO_INVOICE: 'no invoice',
    NONE: 'no invoice or payment',
  };
  const rows = a.gaps.payments.map((c): Text[] => [
    String(c.tier),
    c.flowId,
    `${firmName(l, c.sellerId)} to ${firmName(l, c.buyerId)}`,
    `${money(c.invoiced)}${c.invoices.length ? ` (${c.invoices.map((id) => a.exhibitOf.get(id) ?? id).join(', ')})` : ''}`,
    `${money(c.paid)}${c.payments.length ? ` (${c.payments.map((id) => a.exhibitOf.get(id) ?? id).join(', ')})` : ''}`,
    c.status === 'MISMATCH' ? [{ b: label[c.status] }] : label[c.status],
  ]);
  const issues = a.gaps.payments.filter((c) => c.issues.length);
  return [
    h2('Payments against invoices'),
    p(
      "For each hop the payer must be the invoice's buyer (the receiving firm), the payee its seller (the shipping firm), and the amounts paid must equal the amounts invoiced in each currency.",
    ),
    { kind: 'table', head: ['Tier', 'Flow', 'Seller to buyer', 'Invoiced', 'Paid', 'Result'], rows },
    issues.length
      ? { kind: 'ul', items: issues.map((c) => `Flow ${c.flowId} (tier ${c.tier}): ${c.issues.join('; ')}.`) }
      : p('No payment contradicts its invoice.'),
  ];
}

// ---------- 11. flags ----------

/** "A, B and C" */
const andList = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
/** What each kind does to the verdict, from the registry: "XUAR_LOCATION, ... make the verdict FLAGGED; ..." */
const FLAG_KINDS_LEGEND = (() => {
  const of = (effect: 'FLAGGED' | 'INCOMPLETE' | null) => specifiedFlagKinds.filter((k) => k.verdictEffect === effect).map((k) => k.kind);
  const parts: string[] = [];
  for (const effect of ['FLAGGED', 'INCOMPLETE'] as const) {
    const kinds = of(effect);
    if (kinds.length) parts.push(`${andList(kinds)} make${kinds.length === 1 ? 's' : ''} ${parts.length ? 'it' : 'the verdict'} ${effect}`);
  }
  const signals = of(null);
  if (signals.length) parts.push(`${andList(signals)} ${signals.length === 1 ? 'is a signal' : 'are signals'} shown for review`);
  return `${parts.join('; ')}.`;
})();

function flags(a: PacketAnalysis): Block[] {
  const l = a.l;
  const fl = l.data.trace.flags;
  const out: Block[] = [h2('Flags')];
  if (!fl.length) {
    out.push(p('The trace raised no flags.'));
    return out;
  }
  out.push(p(`Every flag the trace raised, presumptive or not. ${FLAG_KINDS_LEGEND}`));
  out.push({
    kind: 'ol',
    items: fl.map((f): Text => {
      const segs: Seg[] = [{ b: f.kind }, ` at tier ${f.tier}${f.flowId ? `, flow ${f.flowId}` : ''}: ${f.reason}`];
      if (f.path.length) segs.push(` Path: ${pathText(l, f.path)}.`);
      if (f.evidence.length) segs.push(` Evidence: ${f.evidence.join('; ')}.`);
      return segs;
    }),
  });
  return out;
}

// ---------- 12. gaps ----------

function gapsSection(a: PacketAnalysis): Block[] {
  const g = a.gaps;
  const items = g.coverage.flatMap((c) => c.items);
  const present = items.filter((i) => i.present.length).length;
  const out: Block[] = [
    h2('Gaps and completeness'),
    p(
      `Completeness ${fmtNum(g.completeness * 100, 1)}%: ${present} of ${items.length} expected documents are present. For each hop a reviewer expects an order or contract, ` +
        'a commercial invoice, proof of payment, a transport document and a production (or, for traders, inventory) record at the shipping facility, plus origin records where the product calls for them ' +
        '(gin or bale records for cotton, quartz and metallurgical silicon origin for polysilicon).',
    ),
  ];
  out.push(
    g.gaps.length
      ? {
          kind: 'table',
          head: ['Flow', 'Missing document types', 'Note'],
          rows: g.gaps.map((x) => [x.flowId ?? '(shipment)', x.missing.join(', ') || '-', x.note]),
        }
      : p('No gaps.'),
  );
  out.push(h3('Expected documents by hop'));
  out.push({
    kind: 'table',
    head: ['Tier', 'Flow', 'Expected', 'Present'],
    rows: g.coverage.flatMap((c) =>
      c.items.map((i): Text[] => [
        String(c.tier),
        c.flowId,
        i.expectation.label,
        i.present.length ? i.present.map((id) => exhibitRef(a, id)).join('; ') : [{ b: 'missing' }],
      ]),
    ),
  });
  return out;
}

// ---------- 13. exhibit index ----------

function exhibits(a: PacketAnalysis): Block[] {
  const l = a.l;
  const out: Block[] = [h2('Exhibit index')];
  if (!a.exhibits.length) {
    out.push(p('No documents are attached to the traced flows.'));
    return out;
  }
  out.push(
    p(
      'Each document attached to a traced flow, numbered in the order the packet cites them: what it shows and its key facts. ' +
        'Files are in the exhibits folder of the ZIP edition, with SHA-256 sums in its manifest.',
    ),
  );
  {
    out.push({
      kind: 'table',
      head: ['Exhibit', 'Document', 'What it shows', 'Key facts'],
      rows: a.exhibits.map((e) => {
        const d = l.documents.get(e.documentId)!;
        const flows = a.exhibitFlows.get(e.documentId) ?? [];
        const hop = l.hops.get(flows[0]);
        const purpose = `${DOC_PURPOSE[d.type] ?? DOC_PURPOSE.OTHER}${hop ? ` (flow ${flows.join(', ')}: ${materialName(l, hop.materialId)}, ${firmName(l, firmOfFacility(l, hop.fromFacilityId)?.id)} to ${firmName(l, firmOfFacility(l, hop.toFacilityId)?.id)})` : ''}`;
        return [e.number, e.title, purpose, keyFacts(l, d)];
      }),
    });
  }
  out.push(h3('Files and checksums'));
  out.push({
    kind: 'table',
    head: ['Exhibit', 'File', 'SHA-256 (declared)', 'Language'],
    rows: a.exhibits.map((e) => {
      const d = l.documents.get(e.documentId)!;
      return [
        e.number,
        d.file ?? 'no file attached',
        d.sha256 ? [{ code: d.sha256 }] : '-',
        d.language ? (needsTranslation(d) ? [`${d.language}: `, { b: 'English translation needed' }] : d.language) : '-',
      ];
    }),
  });
  const tr = a.gaps.translations;
  if (tr.length) {
    out.push(h3('Translations needed'));
    out.push({
      kind: 'ul',
      items: tr.map((t) => `${exhibitRef(a, t.documentId)} is in "${t.language}": attach a certified English translation.`),
    });
  }
  return out;
}

export function packetBlocks(a: PacketAnalysis): Block[] {
  const s = a.l.data.shipment;
  return [
    { kind: 'h', level: 1, text: `UFLPA ${KIND_LABEL[a.kind].toLowerCase()} packet: entry ${s.entryNumber ?? s.id}`, id: 'packet' },
    ...cover(a),
    ...tableOfContents(),
    ...executiveSummary(a),
    ...flowChart(a),
    ...parties(a),
    ...rawOrigin(a),
    ...originBlocks(a, h2('Origin'), h3),
    ...screening(a),
    ...quantities(a),
    ...payments(a),
    ...flags(a),
    ...gapsSection(a),
    ...exhibits(a),
  ];
}
