// Maps over a packet's records and the small naming helpers every section shares.
import type { TraceHop } from '../trace/engine';
import type { PacketData, PacketDocument, PacketFacility, PacketFirm, PacketFlow, PacketMaterial } from './types';

export interface Lookup {
  data: PacketData;
  flows: Map<string, PacketFlow>;
  facilities: Map<string, PacketFacility>;
  firms: Map<string, PacketFirm>;
  materials: Map<string, PacketMaterial>;
  documents: Map<string, PacketDocument>;
  hops: Map<string, TraceHop>;
  /** hops in reading order: tier, then flow id */
  orderedHops: TraceHop[];
  /** hops from the raw material to the importer: deepest tier first */
  upstreamFirst: TraceHop[];
}

/**
 * Puts everything that arrives in database order into a fixed order, so the same graph
 * always reads the same way (Markdown must be byte-identical).
 */
export function normalizeData(data: PacketData): PacketData {
  const key = (f: PacketData['trace']['flags'][number]) =>
    [String(f.tier).padStart(4, '0'), f.kind, f.flowId ?? '', f.firmId ?? '', f.facilityId ?? '', f.reason].join('\u0000');
  return {
    ...data,
    trace: {
      ...data.trace,
      hops: data.trace.hops.map((h) => ({ ...h, inputs: [...h.inputs].sort(cmp) })),
      flags: [...data.trace.flags].sort((a, b) => cmp(key(a), key(b))),
    },
    matches: [...data.matches].sort(
      (a, b) => cmp(a.firmId, b.firmId) || b.score - a.score || cmp(a.entityName, b.entityName) || cmp(a.id, b.id),
    ),
  };
}

export function buildLookup(data: PacketData): Lookup {
  const orderedHops = [...data.trace.hops].sort((a, b) => a.tier - b.tier || cmp(a.flowId, b.flowId));
  const upstreamFirst = [...data.trace.hops].sort((a, b) => b.tier - a.tier || cmp(a.flowId, b.flowId));
  return {
    data,
    flows: new Map(data.flows.map((f) => [f.id, f])),
    facilities: new Map(data.facilities.map((f) => [f.id, f])),
    firms: new Map(data.firms.map((f) => [f.id, f])),
    materials: new Map(data.materials.map((m) => [m.id, m])),
    documents: new Map(data.documents.map((d) => [d.id, d])),
    hops: new Map(data.trace.hops.map((h) => [h.flowId, h])),
    orderedHops,
    upstreamFirst,
  };
}

/** Locale-independent string order, so output never depends on the machine. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function firmOfFacility(l: Lookup, facilityId: string): PacketFirm | undefined {
  const fac = l.facilities.get(facilityId);
  return fac ? l.firms.get(fac.firmId) : l.firms.get(facilityId);
}
export function firmIdOfFacility(l: Lookup, facilityId: string): string {
  return l.facilities.get(facilityId)?.firmId ?? facilityId;
}
export function facilityName(l: Lookup, facilityId: string): string {
  return l.facilities.get(facilityId)?.name ?? facilityId;
}
export function firmName(l: Lookup, firmId: string | null | undefined): string {
  if (!firmId) return 'unknown';
  return l.firms.get(firmId)?.name ?? firmId;
}
/** "Plant name (Firm name)" */
export function siteLabel(l: Lookup, facilityId: string): string {
  const fac = l.facilities.get(facilityId);
  if (!fac) return facilityId;
  return `${fac.name} (${firmName(l, fac.firmId)})`;
}
export function materialName(l: Lookup, materialId: string): string {
  return l.materials.get(materialId)?.name ?? materialId;
}

/**
 * Address parts joined with commas, each left out where the text so far already holds it
 * (case-insensitive; as whole words in alphabetic scripts): a full street address that names
 * its city and state is not followed by the city and state again.
 */
export function joinPlace(parts: (string | null | undefined)[]): string {
  const out: string[] = [];
  for (const p of parts) {
    const t = p?.trim().replace(/\s+/g, ' ');
    if (!t || out.some((o) => holds(o, t))) continue;
    out.push(t);
  }
  return out.join(', ');
}
function holds(text: string, part: string): boolean {
  const hay = text.toLowerCase();
  const needle = part.toLowerCase();
  const at = hay.indexOf(needle);
  if (at < 0) return false;
  // scripts without spaces between words (Chinese) match anywhere; others on word boundaries
  if (!/[\p{L}\p{N}]/u.test(needle) || /\p{Script=Han}/u.test(needle)) return true;
  const word = /[\p{L}\p{N}]/u;
  for (let i = at; i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1] ?? ' ';
    const after = hay[i + needle.length] ?? ' ';
    if (!word.test(before) && !word.test(after)) return true;
  }
  return false;
}
/** The facility's place, or its firm's where the facility has none. */
export function placeOf(l: Lookup, facilityId: string): string {
  const fac = l.facilities.get(facilityId);
  const firm = firmOfFacility(l, facilityId);
  const facPlace = fac ? joinPlace([fac.address, fac.city, fac.province, fac.country]) : '';
  return facPlace || (firm ? joinPlace([firm.address, firm.city, firm.province, firm.country]) : '');
}
export function countryOf(l: Lookup, facilityId: string): string | null {
  return l.facilities.get(facilityId)?.country ?? firmOfFacility(l, facilityId)?.country ?? null;
}

export const DOC_LABEL: Record<string, string> = {
  PURCHASE_ORDER: 'Purchase order',
  CONTRACT: 'Contract',
  COMMERCIAL_INVOICE: 'Commercial invoice',
  PACKING_LIST: 'Packing list',
  BILL_OF_LADING: 'Bill of lading',
  TRANSPORT_RECORD: 'Transport record',
  PROOF_OF_PAYMENT: 'Proof of payment',
  PRODUCTION_RECORD: 'Production record',
  INVENTORY_RECORD: 'Inventory record',
  CERTIFICATE_OF_ORIGIN: 'Certificate of origin',
  MILL_CERTIFICATE: 'Mill certificate',
  AUDIT_REPORT: 'Audit report',
  AFFIDAVIT: 'Affidavit',
  LAB_TEST: 'Laboratory test',
  OTHER: 'Other document',
};
export const docLabel = (type: string) => DOC_LABEL[type] ?? type;

/** Locale-independent number formatting: 12,000.5 */
export function fmtNum(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const neg = n < 0;
  const fixed = Math.abs(n)
    .toFixed(maxDecimals)
    .replace(/\.?0+$/, '');
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}
export function fmtQty(q: number | null | undefined, unit: string | null | undefined): string {
  if (q === null || q === undefined) return 'quantity not stated';
  return `${fmtNum(q, 3)} ${unit?.trim() || '(unit not stated)'}`;
}

// money is formatted at the bottom layer, so the explorer shows it as the packets print it
export { fmtMoney, MONEY_LOCALE } from '../model/text/money';
