// Bundle v1: the product's input format (see README "Data model").
// These types are the one TypeScript statement of it; the validator in src/import checks
// raw JSON against exactly these shapes.

export const DOCUMENT_TYPES = [
  'PURCHASE_ORDER', 'CONTRACT', 'COMMERCIAL_INVOICE', 'PACKING_LIST', 'BILL_OF_LADING',
  'TRANSPORT_RECORD', 'PROOF_OF_PAYMENT', 'PRODUCTION_RECORD', 'INVENTORY_RECORD',
  'CERTIFICATE_OF_ORIGIN', 'MILL_CERTIFICATE', 'AUDIT_REPORT', 'AFFIDAVIT', 'LAB_TEST', 'OTHER',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface BundleFirm {
  id: string; name: string; aliases?: string[]; localName?: string; country?: string;
  registrationId?: string; address?: string; city?: string; province?: string;
}
export interface BundleFacility {
  id: string; name: string; firm: string; kind?: string; address?: string; city?: string;
  province?: string; country?: string; lat?: number; lon?: number;
}
export interface BundleOwnership { owner: string; owned: string; share: number }
export interface BundleMaterial { id: string; name: string; hsCode?: string; raw?: boolean; sector?: string }
export interface BundleFlow {
  id: string; from: string; to: string; material: string; quantity?: number; unit?: string;
  date?: string; inputs?: string[]; documents?: string[];
}
export interface BundleDocument {
  id: string; type: DocumentType; number?: string; date?: string; issuer?: string; file?: string;
  sha256?: string; language?: string; amount?: number; currency?: string; payer?: string; payee?: string;
}
export interface BundleDetention { detainedOn?: string; noticeDate?: string }
export interface BundleShipment {
  id: string; entryNumber?: string; importer: string; flow: string; htsCode?: string; value?: number;
  currency?: string; entryDate?: string; portOfEntry?: string; detention?: BundleDetention;
}
export interface Bundle {
  bundleVersion: 1;
  firms: BundleFirm[]; facilities: BundleFacility[]; ownership: BundleOwnership[];
  materials: BundleMaterial[]; flows: BundleFlow[]; documents: BundleDocument[]; shipments: BundleShipment[];
}
