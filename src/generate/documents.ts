// The documents of one flow: about 3 per flow, with gaps, in the seller's or buyer's
// language and currency.
import type { BundleDocument, DocumentType } from '../model/bundle';
import { LANGUAGE } from './catalog';
import { round2, type FacInfo, type FirmInfo, type GenContext, type Lot } from './context';
import { isoOf } from './days';

/** Documents of the flow that carries `lot` from `from` to `to`. */
export function documentsFor(ctx: GenContext, lot: Lot, from: FacInfo, to: FacInfo, mat: { price: number }): BundleDocument[] {
  const r = ctx.r;
  const seller = from.firm;
  const buyer = to.firm;
  const cross = seller.country !== buyer.country;
  const euro = ['IT', 'ES', 'PT', 'DE', 'GR'];
  const currency =
    !cross && seller.country === 'CN' ? 'CNY' : euro.includes(seller.country) && euro.includes(buyer.country) ? 'EUR' : 'USD';
  const fx = currency === 'CNY' ? 7.1 : currency === 'EUR' ? 0.92 : 1;
  const amount = round2(lot.qty * mat.price * fx * r.float(0.9, 1.1));
  const yymm = isoOf(lot.day).slice(2, 7).replace('-', '');
  const out: BundleDocument[] = [];
  const add = (type: DocumentType, abbr: string, dayOffset: number, who: FirmInfo | undefined, extra: Partial<BundleDocument> = {}) => {
    const id = `${ctx.p}D-${++ctx.n.doc}`;
    const lang = LANGUAGE[(who ?? seller).country] ?? 'en';
    out.push({
      id,
      type,
      number: `${(who ?? seller).code}-${abbr}-${yymm}-${String(ctx.n.doc % 100000).padStart(5, '0')}`,
      date: isoOf(lot.day + dayOffset),
      ...(who ? { issuer: who.id } : {}),
      language: type === 'BILL_OF_LADING' ? 'en' : lang,
      ...extra,
    });
  };
  if (r.chance(0.62)) add('PURCHASE_ORDER', 'PO', -r.int(20, 60), buyer);
  const invoiced = r.chance(0.92);
  if (invoiced) add('COMMERCIAL_INVOICE', 'CI', 0, seller, { amount, currency });
  if (r.chance(0.5)) add('PACKING_LIST', 'PL', 0, seller);
  if (r.chance(0.45)) add(cross ? 'BILL_OF_LADING' : 'TRANSPORT_RECORD', cross ? 'BL' : 'TR', r.int(0, 3), undefined);
  if (r.chance(0.3)) add('PROOF_OF_PAYMENT', 'TT', r.int(0, 45), buyer, { amount, currency, payer: buyer.id, payee: seller.id });
  if (r.chance(0.15)) add('PRODUCTION_RECORD', 'PR', -r.int(1, 10), seller);
  if (cross && r.chance(0.05)) add('CERTIFICATE_OF_ORIGIN', 'CO', 1, undefined);
  if (r.chance(0.02)) {
    const t = r.pick(['LAB_TEST', 'AUDIT_REPORT', 'MILL_CERTIFICATE', 'AFFIDAVIT'] as const);
    add(t, t.slice(0, 2), -r.int(1, 30), t === 'MILL_CERTIFICATE' || t === 'AFFIDAVIT' ? seller : undefined);
  }
  return out;
}
