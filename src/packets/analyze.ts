// From loaded records to the packet's findings: kind, exhibits, gaps, the detention
// clock and identical cleared shipments. Pure; content.ts turns this into text.
import type { RiskFlag, Verdict } from '../trace/engine';
import { isPresumptive } from '../trace/rules/flagKinds';
import { detentionClock, DetentionClock } from './detention';
import { fingerprintOf } from './fingerprint';
import { GapAnalysis, packetGaps } from './gaps';
import { buildLookup, docLabel, firmName, Lookup, normalizeData } from './lookup';
import type { Exhibit, IdenticalShipment, PacketData, PacketDocument, PacketKind } from './types';

export interface PacketAnalysis {
  l: Lookup;
  kind: PacketKind;
  verdict: Verdict;
  asOf: string;
  /** the day the detention clock counts from: the caller's, or the day the packet was made */
  statusOn: string;
  /** whether the caller chose asOf (or it is the entry date) */
  asOfGiven: boolean;
  fingerprint: string;
  exhibits: Exhibit[];
  exhibitOf: Map<string, string>;
  /** flow ids each exhibit's document is attached to */
  exhibitFlows: Map<string, string[]>;
  gaps: GapAnalysis;
  clock: DetentionClock | null;
  presumptive: RiskFlag[];
  /** identical shipments (same fingerprint), and those of them entered earlier with a CLEAR verdict */
  identical: IdenticalShipment[];
  clearedIdentical: IdenticalShipment[];
}

export function kindOf(verdict: Verdict): PacketKind {
  return verdict === 'FLAGGED' ? 'EXCEPTION_REQUEST' : 'APPLICABILITY_REVIEW';
}

export function exhibitTitle(l: Lookup, d: PacketDocument): string {
  const parts = [`${docLabel(d.type)} ${d.number ?? d.id}`];
  if (d.date) parts.push(`of ${d.date}`);
  if (d.issuerId) parts.push(`issued by ${firmName(l, d.issuerId)}`);
  return parts.join(' ');
}

/** Exhibits in reading order: the import hop's documents first, then tier by tier upstream. */
export function numberExhibits(l: Lookup): { exhibits: Exhibit[]; exhibitOf: Map<string, string>; exhibitFlows: Map<string, string[]> } {
  const exhibits: Exhibit[] = [];
  const exhibitOf = new Map<string, string>();
  const exhibitFlows = new Map<string, string[]>();
  for (const hop of l.orderedHops) {
    for (const id of hop.documents) {
      const d = l.documents.get(id);
      if (!d) continue;
      exhibitFlows.set(id, [...(exhibitFlows.get(id) ?? []), hop.flowId]);
      if (exhibitOf.has(id)) continue;
      const number = `E${exhibits.length + 1}`;
      exhibitOf.set(id, number);
      exhibits.push({ number, documentId: id, type: d.type, title: exhibitTitle(l, d) });
    }
  }
  return { exhibits, exhibitOf, exhibitFlows };
}

/** "Previously cleared": an identical chain entered before this one whose trace is CLEAR. */
export function previouslyCleared(data: PacketData): IdenticalShipment[] {
  const mine = data.shipment.entryDate;
  return data.identical.filter((s) => s.verdict === 'CLEAR' && !!s.entryDate && (!mine || s.entryDate < mine));
}

export interface PacketDates {
  statusOn: string;
  asOfGiven?: boolean;
}

export function analyzePacket(raw: PacketData, dates: PacketDates): PacketAnalysis {
  const data = normalizeData(raw);
  const l = buildLookup(data);
  const { exhibits, exhibitOf, exhibitFlows } = numberExhibits(l);
  const hasDetention = !!(data.shipment.detainedOn || data.shipment.noticeDate);
  const identical = [...data.identical].sort((a, b) => (a.shipmentId < b.shipmentId ? -1 : a.shipmentId > b.shipmentId ? 1 : 0));
  return {
    l,
    kind: kindOf(data.trace.verdict),
    verdict: data.trace.verdict,
    asOf: data.trace.asOf,
    statusOn: dates.statusOn,
    asOfGiven: !!dates.asOfGiven,
    fingerprint: fingerprintOf(data.trace),
    exhibits,
    exhibitOf,
    exhibitFlows,
    gaps: packetGaps(l, (id) => exhibitOf.get(id)),
    // one clock for every edition: the day is an input, never read here
    clock: hasDetention ? detentionClock(data.shipment, dates.statusOn) : null,
    presumptive: data.trace.flags.filter((f) => isPresumptive(f.kind)),
    identical,
    clearedIdentical: previouslyCleared({ ...data, identical }),
  };
}
