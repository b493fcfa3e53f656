// What the page shows now, and the actions the views call on each other.
import type { Facility, Firm, Packet, RiskFlag, Shipment, ShipmentTrace, StoredMatch } from './api';
import type { Selection } from './graph';

/** A row of shipmentRisks, as the table and the dashboard read it. */
export interface Risk {
  shipmentId: string;
  entryNumber: string | null;
  importerId: string;
  verdict: string;
  tiers: number;
  flagCounts: { kind: string; count: number }[];
  entryDate: string | null;
  detainedOn: string | null;
  flaggedFirmIds: string[];
}

export interface AppState {
  mode: 'empty' | 'trace' | 'firm' | 'exposure';
  shipmentId: string | null;
  trace: ShipmentTrace | null;
  shipment: Shipment | null;
  packet: Packet | null;
  packetError: string | null;
  firmId: string | null;
  firms: Map<string, Firm>;
  facilities: Map<string, Facility>;
  matches: StoredMatch[] | null;
  selection: Selection | null;
  pathFrom: string | null;
  pathTo: string | null;
  /** every shipment of the tenant with its verdict (shipmentRisks), once loaded */
  risks: Risk[] | null;
  /** the network view's flags (the trace's rules over its flows) */
  netFlags: RiskFlag[];
}

export const state: AppState = {
  mode: 'empty',
  shipmentId: null,
  trace: null,
  shipment: null,
  packet: null,
  packetError: null,
  firmId: null,
  firms: new Map(),
  facilities: new Map(),
  matches: null,
  selection: null,
  pathFrom: null,
  pathTo: null,
  risks: null,
  netFlags: [],
};

export interface Actions {
  openShipment(id: string): Promise<void>;
  openFirm(id: string): Promise<void>;
  /** every shipment through a firm or a firm it controls, on the graph and in a list */
  openExposure(id: string): Promise<void>;
  expand(id: string): Promise<void>;
  select(kind: 'facility' | 'firm' | 'flow', id: string): void;
  setPathEnd(which: 'from' | 'to', id: string): void;
  decide(matchId: string, decision: 'confirm' | 'reject', note: string): Promise<void>;
  downloadPacket(format: 'pdf' | 'zip' | 'html' | 'markdown'): Promise<void>;
  status(msg: string, kind?: 'info' | 'error'): void;
}

export const names = {
  firmName: (id: string) => state.firms.get(id)?.name ?? '',
  facilityName: (id: string) => state.facilities.get(id)?.name ?? '',
  firmOf: (facilityId: string) => state.facilities.get(facilityId)?.firmId ?? null,
  /** A display name for a firm or facility id. */
  listed: (firmId: string) =>
    (state.matches ?? []).some(
      (m) => m.firmId === firmId && m.status !== 'REJECTED' && (m.decision === 'MATCH' || m.status === 'CONFIRMED'),
    ),
  any: (id: string) => state.facilities.get(id)?.name ?? state.firms.get(id)?.name ?? id,
};
