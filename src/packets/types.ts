// The records a packet is built from (as loaded by cypher.ts) and the packet itself.
// Everything downstream of PacketData is pure, so the same data gives the same packet.
import type { ShipmentTrace, Verdict } from '../trace/engine';
import type { ChartLayout } from './chartLayout';

export type PacketKind = 'APPLICABILITY_REVIEW' | 'EXCEPTION_REQUEST';

export interface PacketShipment {
  id: string; entryNumber?: string | null; importerId: string; flowId: string; htsCode?: string | null;
  value?: number | null; currency?: string | null; entryDate?: string | null; portOfEntry?: string | null;
  detainedOn?: string | null; noticeDate?: string | null;
}
export interface PacketFirm {
  id: string; name: string; aliases?: string[] | null; localName?: string | null; country?: string | null;
  registrationId?: string | null; address?: string | null; city?: string | null; province?: string | null;
}
export interface PacketFacility {
  id: string; name: string; firmId: string; kind?: string | null; address?: string | null; city?: string | null;
  province?: string | null; country?: string | null; lat?: number | null; lon?: number | null;
}
export interface PacketMaterial { id: string; name: string; hsCode?: string | null; raw?: boolean | null; sector?: string | null }
export interface PacketFlow {
  id: string; fromId: string; toId: string; materialId: string; quantity?: number | null; unit?: string | null;
  date?: string | null; inputIds?: string[] | null; documentIds?: string[] | null; fallback?: boolean | null;
}
export interface PacketDocument {
  id: string; type: string; number?: string | null; date?: string | null; issuerId?: string | null; file?: string | null;
  sha256?: string | null; language?: string | null; amount?: number | null; currency?: string | null;
  payerId?: string | null; payeeId?: string | null;
}
export interface PacketMatch {
  id: string; firmId: string; entityName: string; entityKey?: string | null; matchedName: string; score: number;
  decision: string; status: string; listVersion?: string | null; decidedBy?: string | null; note?: string | null;
  sections?: string[] | null; effectiveDate?: string | null;
}
/** Another shipment of the tenant whose traced supply chain has the same fingerprint. */
export interface IdenticalShipment { shipmentId: string; entryNumber?: string | null; entryDate?: string | null; verdict: Verdict }

export interface PacketData {
  shipment: PacketShipment;
  trace: ShipmentTrace;
  flows: PacketFlow[];
  documents: PacketDocument[];
  facilities: PacketFacility[];
  firms: PacketFirm[];
  materials: PacketMaterial[];
  matches: PacketMatch[];
  entityList: { version: string; snapshotDate?: string | null };
  identical: IdenticalShipment[];
}

export interface PacketGap { flowId: string | null; missing: string[]; note: string }
export interface Exhibit { number: string; documentId: string; type: string; title: string }

/** Inline text: plain strings are escaped by each renderer; the objects carry emphasis, code and links. */
export type Seg = string | { b: string } | { code: string } | { a: string; href: string };
export type Text = string | Seg[];
export type Block =
  | { kind: 'h'; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: 'p'; text: Text }
  | { kind: 'ul' | 'ol'; items: Text[] }
  | { kind: 'table'; head: string[]; rows: Text[][] }
  | { kind: 'chart'; mermaid: string; layout: ChartLayout; portrait: ChartLayout };
