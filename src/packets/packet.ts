// A packet from its loaded data: findings, blocks and the Markdown. Pure.
import type { Verdict } from '../trace/engine';
import { analyzePacket, PacketAnalysis, PacketDates } from './analyze';
import { KIND_LABEL, packetBlocks } from './content';
import { renderMarkdown } from './markdown';
import { shownBlocks } from './display';
import { showInvisible } from '../model/text/policy';
import type { Block, Exhibit, PacketData, PacketGap, PacketKind } from './types';

export interface Packet {
  shipmentId: string;
  entryNumber: string | null;
  kind: PacketKind;
  verdict: Verdict;
  asOf: string;
  /** the day the detention clock counts from, stated alike in every edition */
  statusOn: string;
  fingerprint: string;
  markdown: string;
  gaps: PacketGap[];
  exhibits: Exhibit[];
  completeness: number;
  identicalShipments: string[];
  data: PacketData;
  analysis: PacketAnalysis;
}

export function assemblePacket(data: PacketData, dates: PacketDates): Packet {
  const analysis = analyzePacket(data, dates);
  return {
    shipmentId: data.shipment.id,
    entryNumber: data.shipment.entryNumber ?? null,
    kind: analysis.kind,
    verdict: analysis.verdict,
    asOf: analysis.asOf,
    statusOn: analysis.statusOn,
    fingerprint: analysis.fingerprint,
    markdown: renderMarkdown(shownBlocks(packetBlocks(analysis))),
    gaps: analysis.gaps.gaps,
    exhibits: analysis.exhibits,
    completeness: analysis.gaps.completeness,
    identicalShipments: analysis.identical.map((s) => s.shipmentId),
    data,
    analysis,
  };
}

/** Blocks for the HTML and PDF editions: the same as the Markdown's. */
export function blocksOf(packet: Packet): Block[] {
  return shownBlocks(packetBlocks(packet.analysis));
}

export function packetTitle(packet: Packet): string {
  return `UFLPA ${KIND_LABEL[packet.kind].toLowerCase()} packet: entry ${showInvisible(packet.entryNumber ?? packet.shipmentId)}`;
}
