// What a reviewer checks hop by hop: the documents expected against those present, that
// payments match invoices, and that quantities add up from tier to tier. Pure.
import type { TraceHop } from '../trace/engine';
import { cmp, countryOf, docLabel, fmtMoney, fmtNum, fmtQty, firmIdOfFacility, firmName, Lookup, materialName, siteLabel } from './lookup';
import { originExpectations } from './originGaps';
import type { PacketDocument, PacketFlow, PacketGap, PacketMaterial } from './types';

// ---------- expected documents ----------

export interface Expectation {
  key: string;
  /** document types that satisfy it */
  accepts: string[];
  /** the type named in PacketGap.missing when none is present */
  missingType: string;
  label: string;
}
export interface HopCoverage {
  flowId: string;
  tier: number;
  items: { expectation: Expectation; present: string[] }[];
}

const has = (s: string | null | undefined, re: RegExp) => !!s && re.test(s);
const hsDigits = (m: PacketMaterial | undefined) => (m?.hsCode ?? '').replace(/\D/g, '');

export function isCotton(m: PacketMaterial | undefined): boolean {
  return !!m && (m.sector === 'COTTON' || /^520[1-7]/.test(hsDigits(m)) || has(m.name, /cotton|棉/i));
}
/** Raw cotton as it leaves the gin (lint, seed cotton, bales): where gin and bale records apply. */
export function isRawCotton(m: PacketMaterial | undefined): boolean {
  return !!m && isCotton(m) && (!!m.raw || /^520[1-3]/.test(hsDigits(m)) || has(m.name, /lint|seed cotton|bale|皮棉|籽棉/i));
}
export function isPolysilicon(m: PacketMaterial | undefined): boolean {
  return !!m && (hsDigits(m).startsWith('280461') || has(m.name, /poly-?silicon|多晶硅/i));
}
export function isTomato(m: PacketMaterial | undefined): boolean {
  return !!m && (hsDigits(m).startsWith('0702') || has(m.name, /tomato|番茄|西红柿/i));
}

export interface HopFacts {
  hop: TraceHop;
  flow: PacketFlow | undefined;
  material: PacketMaterial | undefined;
  docs: PacketDocument[];
  /** the hop's source facility makes the material (raw origin, untraced, or from other materials) */
  producing: boolean;
  /** inputs are the same material: a trader or warehouse passing lots on */
  passThrough: boolean;
  crossBorder: boolean;
  isImport: boolean;
}

export function hopFacts(l: Lookup, hop: TraceHop): HopFacts {
  const flow = l.flows.get(hop.flowId);
  const material = l.materials.get(hop.materialId);
  const docs = hop.documents.map((id) => l.documents.get(id)).filter((d): d is PacketDocument => !!d);
  const inputMaterials = hop.inputs.map((id) => l.flows.get(id)?.materialId ?? l.hops.get(id)?.materialId).filter((m): m is string => !!m);
  const passThrough = inputMaterials.length > 0 && inputMaterials.every((m) => m === hop.materialId);
  const from = countryOf(l, hop.fromFacilityId);
  const to = countryOf(l, hop.toFacilityId);
  return {
    hop,
    flow,
    material,
    docs,
    producing: !passThrough,
    passThrough,
    crossBorder: !from || !to || from.toUpperCase() !== to.toUpperCase(),
    isImport: hop.flowId === l.data.shipment.flowId,
  };
}

/** The documents a reviewer expects for one hop, after CBP's UFLPA importer guidance. */
export function expectedDocuments(f: HopFacts): Expectation[] {
  const out: Expectation[] = [
    { key: 'order', accepts: ['PURCHASE_ORDER', 'CONTRACT'], missingType: 'PURCHASE_ORDER', label: 'Purchase order or contract' },
    { key: 'invoice', accepts: ['COMMERCIAL_INVOICE'], missingType: 'COMMERCIAL_INVOICE', label: 'Commercial invoice' },
    { key: 'payment', accepts: ['PROOF_OF_PAYMENT'], missingType: 'PROOF_OF_PAYMENT', label: 'Proof of payment' },
    f.crossBorder
      ? {
          key: 'transport',
          accepts: ['BILL_OF_LADING', 'TRANSPORT_RECORD'],
          missingType: 'BILL_OF_LADING',
          label: 'Bill of lading (cross-border transport)',
        }
      : { key: 'transport', accepts: ['TRANSPORT_RECORD', 'BILL_OF_LADING'], missingType: 'TRANSPORT_RECORD', label: 'Transport record' },
  ];
  const m = f.material;
  const noUpstream = f.hop.inputs.length === 0;
  if (f.passThrough) {
    out.push({
      key: 'inventory',
      accepts: ['INVENTORY_RECORD'],
      missingType: 'INVENTORY_RECORD',
      label: 'Inventory record linking the lots received to the lot shipped',
    });
  } else {
    let label = 'Production record at the producing facility';
    if (isRawCotton(m)) label = 'Production record: gin or bale records (bale ids) for the lint';
    else if (isTomato(m) && m?.raw) label = 'Production record: farm and harvest records';
    out.push({ key: 'production', accepts: ['PRODUCTION_RECORD'], missingType: 'PRODUCTION_RECORD', label });
  }
  if (isRawCotton(m)) {
    out.push({
      key: 'origin',
      accepts: ['CERTIFICATE_OF_ORIGIN'],
      missingType: 'CERTIFICATE_OF_ORIGIN',
      label: 'Origin of the seed cotton (farm or growing region)',
    });
  } else if (isPolysilicon(m) && noUpstream) {
    // the trace ends at the polysilicon: its quartz and metallurgical silicon must be shown otherwise
    out.push({
      key: 'origin',
      accepts: ['CERTIFICATE_OF_ORIGIN', 'MILL_CERTIFICATE'],
      missingType: 'CERTIFICATE_OF_ORIGIN',
      label: 'Origin of the quartz and metallurgical-grade silicon',
    });
  } else if (m?.raw) {
    out.push({
      key: 'origin',
      accepts: ['CERTIFICATE_OF_ORIGIN'],
      missingType: 'CERTIFICATE_OF_ORIGIN',
      label: 'Origin of the raw material',
    });
  }
  return out;
}

export function documentCoverage(l: Lookup): HopCoverage[] {
  return l.orderedHops.map((hop) => {
    const f = hopFacts(l, hop);
    const expected = expectedDocuments(f);
    // an origin signal asks for its own documents; where the hop already expects the same kind, the signal's label says why
    for (const e of originExpectations(l, hop)) {
      const at = expected.findIndex((x) => x.key === e.key);
      if (at < 0) expected.push(e);
      else expected[at] = { ...e, accepts: [...new Set([...expected[at].accepts, ...e.accepts])] };
    }
    const items = expected.map((expectation) => ({
      expectation,
      present: f.docs.filter((d) => expectation.accepts.includes(d.type)).map((d) => d.id),
    }));
    return { flowId: hop.flowId, tier: hop.tier, items };
  });
}

/** Share of expected documents present over all hops, 0..1 (4 decimals). */
export function completenessOf(coverage: HopCoverage[]): number {
  const items = coverage.flatMap((c) => c.items);
  if (!items.length) return 0;
  const ok = items.filter((i) => i.present.length > 0).length;
  return Math.round((ok / items.length) * 10000) / 10000;
}

// ---------- payments against invoices ----------

export interface PaymentCheck {
  flowId: string;
  tier: number;
  sellerId: string;
  buyerId: string;
  invoices: string[];
  payments: string[];
  invoiced: { currency: string; amount: number }[];
  paid: { currency: string; amount: number }[];
  status: 'MATCH' | 'MISMATCH' | 'NO_PAYMENT' | 'NO_INVOICE' | 'NONE';
  issues: string[];
}

const AMOUNT_TOLERANCE = 0.01; // a cent: amounts on an invoice and its payments are exact

function totals(docs: PacketDocument[]): Map<string, number> {
  const t = new Map<string, number>();
  for (const d of docs) {
    if (d.amount === null || d.amount === undefined) continue;
    const c = (d.currency ?? '?').toUpperCase();
    t.set(c, (t.get(c) ?? 0) + d.amount);
  }
  return t;
}
const docRef = (d: PacketDocument) => `${docLabel(d.type).toLowerCase()} ${d.number ?? d.id}`;

export function checkPayments(l: Lookup): PaymentCheck[] {
  return l.orderedHops.map((hop) => {
    const docs = hop.documents.map((id) => l.documents.get(id)).filter((d): d is PacketDocument => !!d);
    const invoices = docs.filter((d) => d.type === 'COMMERCIAL_INVOICE');
    const payments = docs.filter((d) => d.type === 'PROOF_OF_PAYMENT');
    const sellerId = firmIdOfFacility(l, hop.fromFacilityId);
    const buyerId = firmIdOfFacility(l, hop.toFacilityId);
    const seller = firmName(l, sellerId);
    const buyer = firmName(l, buyerId);
    const issues: string[] = [];
    for (const inv of invoices) {
      if (inv.issuerId && inv.issuerId !== sellerId)
        issues.push(`${docRef(inv)} is issued by ${firmName(l, inv.issuerId)}, not by the seller ${seller}`);
      if (inv.payeeId && inv.payeeId !== sellerId) issues.push(`${docRef(inv)} names ${firmName(l, inv.payeeId)} as seller, not ${seller}`);
      if (inv.payerId && inv.payerId !== buyerId) issues.push(`${docRef(inv)} names ${firmName(l, inv.payerId)} as buyer, not ${buyer}`);
      if (payments.length && (inv.amount === null || inv.amount === undefined))
        issues.push(`${docRef(inv)} states no amount, so payments cannot be checked against it`);
    }
    for (const p of payments) {
      if (!p.payerId) issues.push(`${docRef(p)} does not name the payer (expected the buyer ${buyer})`);
      else if (p.payerId !== buyerId) issues.push(`${docRef(p)} is paid by ${firmName(l, p.payerId)}, not by the buyer ${buyer}`);
      if (!p.payeeId) issues.push(`${docRef(p)} does not name the payee (expected the seller ${seller})`);
      else if (p.payeeId !== sellerId) issues.push(`${docRef(p)} is paid to ${firmName(l, p.payeeId)}, not to the seller ${seller}`);
      if (p.amount === null || p.amount === undefined) issues.push(`${docRef(p)} states no amount`);
    }
    const inv = totals(invoices);
    const paid = totals(payments);
    if (invoices.length && payments.length) {
      for (const c of [...new Set([...inv.keys(), ...paid.keys()])].sort(cmp)) {
        const a = inv.get(c) ?? 0;
        const b = paid.get(c) ?? 0;
        if (Math.abs(a - b) > AMOUNT_TOLERANCE) {
          issues.push(
            `invoiced ${fmtMoney(a, c === '?' ? null : c)} but paid ${fmtMoney(b, c === '?' ? null : c)}${c === '?' ? ' (currency not stated)' : ''}`,
          );
        }
      }
    }
    if (payments.length && !invoices.length) issues.push('payments are recorded but no commercial invoice is');
    const status: PaymentCheck['status'] = issues.length
      ? 'MISMATCH'
      : invoices.length && payments.length
        ? 'MATCH'
        : invoices.length
          ? 'NO_PAYMENT'
          : payments.length
            ? 'NO_INVOICE'
            : 'NONE';
    const list = (t: Map<string, number>) =>
      [...t.entries()].sort(([a], [b]) => cmp(a, b)).map(([currency, amount]) => ({ currency, amount }));
    return {
      flowId: hop.flowId,
      tier: hop.tier,
      sellerId,
      buyerId,
      invoices: invoices.map((d) => d.id),
      payments: payments.map((d) => d.id),
      invoiced: list(inv),
      paid: list(paid),
      status,
      issues,
    };
  });
}

// ---------- quantity reconciliation ----------

const UNITS: Record<string, { dim: string; factor: number }> = {
  g: { dim: 'mass', factor: 0.001 },
  gram: { dim: 'mass', factor: 0.001 },
  grams: { dim: 'mass', factor: 0.001 },
  kg: { dim: 'mass', factor: 1 },
  kgs: { dim: 'mass', factor: 1 },
  kilogram: { dim: 'mass', factor: 1 },
  kilograms: { dim: 'mass', factor: 1 },
  t: { dim: 'mass', factor: 1000 },
  mt: { dim: 'mass', factor: 1000 },
  tonne: { dim: 'mass', factor: 1000 },
  tonnes: { dim: 'mass', factor: 1000 },
  'metric ton': { dim: 'mass', factor: 1000 },
  'metric tons': { dim: 'mass', factor: 1000 },
  lb: { dim: 'mass', factor: 0.45359237 },
  lbs: { dim: 'mass', factor: 0.45359237 },
  m: { dim: 'length', factor: 1 },
  km: { dim: 'length', factor: 1000 },
  yd: { dim: 'length', factor: 0.9144 },
  yard: { dim: 'length', factor: 0.9144 },
  yards: { dim: 'length', factor: 0.9144 },
  pcs: { dim: 'count', factor: 1 },
  pc: { dim: 'count', factor: 1 },
  piece: { dim: 'count', factor: 1 },
  pieces: { dim: 'count', factor: 1 },
  units: { dim: 'count', factor: 1 },
  unit: { dim: 'count', factor: 1 },
  ea: { dim: 'count', factor: 1 },
  dozen: { dim: 'count', factor: 12 },
  dz: { dim: 'count', factor: 12 },
};
export function unitInfo(unit: string | null | undefined): { dim: string; factor: number } | null {
  if (!unit) return null;
  return UNITS[unit.trim().toLowerCase()] ?? null;
}

export interface Reconciliation {
  flowId: string;
  tier: number;
  materialId: string;
  output: { quantity: number | null; unit: string | null };
  inputs: { flowId: string; materialId: string | null; quantity: number | null; unit: string | null; loaded: boolean }[];
  /** LOT: declared input lots; FACILITY: every earlier flow into the facility; ORIGIN: raw material; UNTRACED */
  basis: 'LOT' | 'FACILITY' | 'ORIGIN' | 'UNTRACED';
  /** output over inputs on a common unit; null where not comparable */
  yield: number | null;
  /** output the inputs cannot account for, in the output's unit */
  unaccounted: number | null;
  status: 'OK' | 'EXCESS' | 'NOT_COMPARABLE' | 'NOT_STATED' | 'ORIGIN' | 'UNTRACED';
  note: string;
}

const YIELD_EPSILON = 1e-9;

export function reconcileQuantities(l: Lookup): Reconciliation[] {
  return l.orderedHops.map((hop): Reconciliation => {
    const flow = l.flows.get(hop.flowId);
    const material = l.materials.get(hop.materialId);
    const output = { quantity: flow?.quantity ?? null, unit: flow?.unit ?? null };
    const inputs = hop.inputs.map((id) => {
      const f = l.flows.get(id);
      return { flowId: id, materialId: f?.materialId ?? null, quantity: f?.quantity ?? null, unit: f?.unit ?? null, loaded: !!f };
    });
    const base = { flowId: hop.flowId, tier: hop.tier, materialId: hop.materialId, output, inputs };
    if (!inputs.length) {
      if (material?.raw) {
        return {
          ...base,
          basis: 'ORIGIN',
          yield: null,
          unaccounted: null,
          status: 'ORIGIN',
          note: `${fmtQty(output.quantity, output.unit)} of ${materialName(l, hop.materialId)} originates at ${siteLabel(l, hop.fromFacilityId)} (raw material).`,
        };
      }
      return {
        ...base,
        basis: 'UNTRACED',
        yield: null,
        unaccounted: null,
        status: 'UNTRACED',
        note: `No inputs are recorded for ${fmtQty(output.quantity, output.unit)} of ${materialName(l, hop.materialId)}: the quantity cannot be accounted for.`,
      };
    }
    const basis = hop.lotAllocated ? 'LOT' : 'FACILITY';
    const outUnit = unitInfo(output.unit);
    if (output.quantity === null || inputs.some((i) => i.quantity === null)) {
      const which = [
        output.quantity === null ? `the output ${hop.flowId}` : null,
        ...inputs.filter((i) => i.quantity === null).map((i) => `input ${i.flowId}${i.loaded ? '' : ' (beyond the traced tiers)'}`),
      ].filter(Boolean);
      return {
        ...base,
        basis,
        yield: null,
        unaccounted: null,
        status: 'NOT_STATED',
        note: `Quantity not stated for ${which.join(', ')}: the hop cannot be reconciled.`,
      };
    }
    const inUnits = inputs.map((i) => unitInfo(i.unit));
    if (!outUnit || inUnits.some((u) => !u || u.dim !== outUnit.dim)) {
      const units = [...new Set(inputs.map((i) => i.unit ?? 'no unit'))].sort(cmp).join(', ');
      return {
        ...base,
        basis,
        yield: null,
        unaccounted: null,
        status: 'NOT_COMPARABLE',
        note: `Output in ${output.unit ?? 'no unit'} cannot be compared with inputs in ${units}; a bill of materials or unit weight is needed to reconcile.`,
      };
    }
    const inBase = inputs.reduce((s, i, k) => s + (i.quantity as number) * inUnits[k]!.factor, 0);
    const outBase = output.quantity * outUnit.factor;
    const y = inBase > 0 ? outBase / inBase : null;
    const inText = `${fmtNum(inBase / outUnit.factor, 3)} ${output.unit}`;
    const basisText = basis === 'LOT' ? 'the declared input lots' : 'every earlier flow into the facility (no lot lineage)';
    if (y === null || y > 1 + YIELD_EPSILON) {
      const unaccounted = (outBase - inBase) / outUnit.factor;
      return {
        ...base,
        basis,
        yield: y,
        unaccounted,
        status: 'EXCESS',
        note: `${fmtQty(output.quantity, output.unit)} shipped from ${inText} of inputs (${basisText}): ${fmtNum(unaccounted, 3)} ${output.unit} cannot be accounted for.`,
      };
    }
    return {
      ...base,
      basis,
      yield: y,
      unaccounted: 0,
      status: 'OK',
      note: `${fmtQty(output.quantity, output.unit)} from ${inText} of inputs (${basisText}): yield ${fmtNum(y * 100, 1)}%.`,
    };
  });
}

// ---------- translations ----------

export interface TranslationNeed {
  documentId: string;
  flowIds: string[];
  language: string;
}

export function translationNeeds(l: Lookup): TranslationNeed[] {
  const byDoc = new Map<string, TranslationNeed>();
  for (const hop of l.orderedHops) {
    for (const id of hop.documents) {
      const d = l.documents.get(id);
      const lang = d?.language?.trim();
      if (!d || !lang || /^en\b/i.test(lang)) continue;
      const need = byDoc.get(id) ?? { documentId: id, flowIds: [], language: lang };
      if (!need.flowIds.includes(hop.flowId)) need.flowIds.push(hop.flowId);
      byDoc.set(id, need);
    }
  }
  return [...byDoc.values()];
}

// ---------- gaps ----------

export interface GapAnalysis {
  coverage: HopCoverage[];
  completeness: number;
  payments: PaymentCheck[];
  reconciliation: Reconciliation[];
  translations: TranslationNeed[];
  gaps: PacketGap[];
}

/** One gap per flow that lacks anything (document types in `missing`, every issue in `note`), then the shipment-level ones. */
export function packetGaps(l: Lookup, exhibitOf: (documentId: string) => string | undefined = () => undefined): GapAnalysis {
  const coverage = documentCoverage(l);
  const payments = checkPayments(l);
  const reconciliation = reconcileQuantities(l);
  const translations = translationNeeds(l);
  const gaps: PacketGap[] = [];
  for (const hop of l.orderedHops) {
    const missing: string[] = [];
    const notes: string[] = [];
    const cov = coverage.find((c) => c.flowId === hop.flowId)!;
    const lacking = cov.items.filter((i) => !i.present.length);
    for (const i of lacking) if (!missing.includes(i.expectation.missingType)) missing.push(i.expectation.missingType);
    if (lacking.length) notes.push(`Missing: ${lacking.map((i) => i.expectation.label.toLowerCase()).join('; ')}.`);
    const pay = payments.find((p) => p.flowId === hop.flowId)!;
    if (pay.issues.length) notes.push(`Payment does not match the invoice: ${pay.issues.join('; ')}.`);
    const rec = reconciliation.find((r) => r.flowId === hop.flowId)!;
    if (rec.status === 'EXCESS' || rec.status === 'NOT_STATED') notes.push(`Quantity: ${rec.note}`);
    if (rec.status === 'UNTRACED')
      notes.push(`Untraced input: the origin of ${materialName(l, hop.materialId)} is not documented; add the flows it was made from.`);
    if (!hop.lotAllocated)
      notes.push('No lot lineage: the trace assumed every earlier flow into the facility; name the input lots to narrow it.');
    for (const t of translations.filter((x) => x.flowIds.includes(hop.flowId))) {
      const d = l.documents.get(t.documentId)!;
      const ex = exhibitOf(t.documentId);
      notes.push(`Translation needed: ${docRef(d)}${ex ? ` (exhibit ${ex})` : ''} is in "${t.language}"; attach an English translation.`);
    }
    if (missing.length || notes.length) {
      gaps.push({ flowId: hop.flowId, missing, note: `${describeHop(l, hop)}. ${notes.join(' ')}` });
    }
  }
  if (l.data.trace.truncated) {
    gaps.push({
      flowId: null,
      missing: [],
      note: 'The trace stopped at the tier limit before the chain ended; the deeper tiers are not in this packet.',
    });
  }
  if (!l.data.trace.hops.length) {
    gaps.push({ flowId: null, missing: [], note: "The shipment's flow could not be traced; no supply chain is recorded." });
  }
  return { coverage, completeness: completenessOf(coverage), payments, reconciliation, translations, gaps };
}

export function describeHop(l: Lookup, hop: TraceHop): string {
  return `Tier ${hop.tier} flow ${hop.flowId}: ${materialName(l, hop.materialId)} from ${siteLabel(l, hop.fromFacilityId)} to ${siteLabel(l, hop.toFacilityId)}`;
}
