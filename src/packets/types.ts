// The records a packet is built from (as loaded by cypher.ts) and the packet itself.
// Everything downstream of PacketData is pure, so the same data gives the same packet.
import type { ShipmentTrace, Verdict } from '../trace/engine';
import type { ChartModel } from './chartLayout';
import type { Document, Facility, Firm, Flow, Material, Shipment } from '../model/records';

export type PacketKind = 'APPLICABILITY_REVIEW' | 'EXCEPTION_REQUEST';

// The stored records as packets read them: every field (src/model/records.ts).
export type PacketShipment = Shipment;
/** A firm confirmed to be the same legal entity as a party (SAME_AS), as the packet names it. */
export interface SameEntityFirm {
  id: string;
  name: string;
  localName?: string | null;
}
export type PacketFirm = Firm & { sameAs?: SameEntityFirm[] | null };
export type PacketFacility = Facility;
export type PacketMaterial = Material;
export type PacketFlow = Flow;
export type PacketDocument = Document;
export interface PacketMatch {
  id: string;
  firmId: string;
  entityName: string;
  entityKey?: string | null;
  matchedName: string;
  score: number;
  decision: string;
  status: string;
  listVersion?: string | null;
  decidedBy?: string | null;
  note?: string | null;
  sections?: string[] | null;
  effectiveDate?: string | null;
}
/** Another shipment of the tenant whose traced supply chain has the same fingerprint. */
export interface IdenticalShipment {
  shipmentId: string;
  entryNumber?: string | null;
  entryDate?: string | null;
  verdict: Verdict;
}

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

export interface PacketGap {
  flowId: string | null;
  missing: string[];
  note: string;
}
export interface Exhibit {
  number: string;
  documentId: string;
  type: string;
  title: string;
}

/** Inline text: plain strings are escaped by each renderer; the objects carry emphasis, code and links. */
export type Seg = string | { b: string } | { code: string } | { a: string; href: string };
export type Text = string | Seg[];
export type Block =
  /** newPage: starts a new page in the paged editions (PDF, printed HTML) */
  | { kind: 'h'; level: 1 | 2 | 3; text: string; id?: string; newPage?: boolean }
  /** the table of contents: links in Markdown and HTML, page numbers and links in the PDF */
  | { kind: 'toc'; entries: { title: string; id: string }[] }
  | { kind: 'p'; text: Text }
  | { kind: 'ul' | 'ol'; items: Text[] }
  | { kind: 'table'; head: string[]; rows: Text[][] }
  | { kind: 'chart'; mermaid: string; model: ChartModel };
