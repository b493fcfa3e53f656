// Public surface of the packets capability.
export { buildPacket, loadPacketData, shipmentsWithFingerprint, supplyChainDiff, detentionClockFor } from './load';
export type { PacketServices } from './load';
export { assemblePacket, blocksOf, packetTitle } from './packet';
export type { Packet } from './packet';
export { renderMarkdown } from './markdown';
export { renderHtml } from './html';
export { renderPdf } from './pdf';
export { renderSvg, layoutChart, chartModel } from './svg';
export { buildZip } from './zip';
export type { Manifest } from './zip';
export {
  renderPacketAs,
  renderPacketFile,
  renderPacketHtml,
  renderPacketPdf,
  renderPacketZip,
  downloadUrls,
  PACKET_FORMATS,
} from './render';
export type { PacketFormat, RenderOptions, RenderedFile } from './render';
export { fingerprintOf, hopSignatures } from './fingerprint';
export { diffTraces } from './diff';
export { detentionClock } from './detention';
export { packetGaps, expectedDocuments, checkPayments, reconcileQuantities } from './gaps';
export type { PacketData, PacketGap, Exhibit, PacketKind } from './types';
