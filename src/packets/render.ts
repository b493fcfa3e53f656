// One packet in each download format, shared by the HTTP routes and the CLI.
import { today } from '../trace';
import { KIND_LABEL } from './content';
import { renderHtml } from './html';
import { buildPacket, PacketServices } from './load';
import { blocksOf, Packet, packetTitle } from './packet';
import { renderPdf } from './pdf';
import { showInvisible } from '../model/text/policy';
import { buildZip } from './zip';
import type { ExhibitStore } from '../exhibits';

export const PACKET_FORMATS = ['md', 'html', 'pdf', 'zip'] as const;
export type PacketFormat = (typeof PACKET_FORMATS)[number];

export interface RenderOptions {
  /** where the tenants' exhibit files live; the ZIP takes only the packet tenant's own */
  exhibits?: ExhibitStore;
  /** TTF/OTF for the PDF where names use scripts beyond Latin-1 (default PACKET_PDF_FONT) */
  pdfFont?: string | null;
  pdfBoldFont?: string | null;
  /** the day the HTML and PDF detention clock counts from (default today) */
  today?: string;
  now?: Date;
}

export interface RenderedFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

const CONTENT_TYPE: Record<PacketFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

export function safeFileName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'shipment';
}

export function renderPacketHtml(packet: Packet, opts: RenderOptions = {}): string {
  return renderHtml(blocksOf(packet, { clockDate: opts.today ?? today() }), packetTitle(packet));
}

export function renderPacketPdf(packet: Packet, opts: RenderOptions = {}): Promise<Buffer> {
  return renderPdf(blocksOf(packet, { clockDate: opts.today ?? today() }), {
    title: packetTitle(packet),
    footer: `Entry ${showInvisible(packet.entryNumber ?? packet.shipmentId)} | ${KIND_LABEL[packet.kind]} | as of ${packet.asOf}`,
    fontPath: opts.pdfFont === undefined ? process.env.PACKET_PDF_FONT : opts.pdfFont,
    boldFontPath: opts.pdfBoldFont === undefined ? process.env.PACKET_PDF_BOLD_FONT : opts.pdfBoldFont,
  });
}

/** The ZIP edition of a packet of `tenant`, with that tenant's exhibit files. */
export async function renderPacketZip(packet: Packet, tenant: string, opts: RenderOptions = {}): Promise<Buffer> {
  if (!opts.exhibits) throw new Error('a packet ZIP needs the exhibit store (RenderOptions.exhibits)');
  const [html, pdf] = [renderPacketHtml(packet, opts), await renderPacketPdf(packet, opts)];
  const { zip } = await buildZip({ packet, markdown: packet.markdown, html, pdf, tenant, exhibits: opts.exhibits, generatedAt: opts.now });
  return zip;
}

export async function renderPacketAs(
  packet: Packet,
  tenant: string,
  format: PacketFormat,
  opts: RenderOptions = {},
): Promise<RenderedFile> {
  let body: Buffer;
  switch (format) {
    case 'md':
      body = Buffer.from(packet.markdown, 'utf8');
      break;
    case 'html':
      body = Buffer.from(renderPacketHtml(packet, opts), 'utf8');
      break;
    case 'pdf':
      body = await renderPacketPdf(packet, opts);
      break;
    case 'zip':
      body = await renderPacketZip(packet, tenant, opts);
      break;
  }
  return { body, contentType: CONTENT_TYPE[format], filename: `packet-${safeFileName(packet.shipmentId)}.${format}` };
}

/** Load, build and render in one call. */
export async function renderPacketFile(
  services: PacketServices,
  tenant: string,
  shipmentId: string,
  format: PacketFormat,
  asOf?: string | null,
  opts: RenderOptions = {},
): Promise<RenderedFile> {
  return renderPacketAs(await buildPacket(services, tenant, shipmentId, asOf), tenant, format, opts);
}

/** Stable download URLs for a packet, as the GraphQL field `downloads` gives them. */
export function downloadUrls(
  publicUrl: string,
  shipmentId: string,
  asOf?: string | null,
): Record<'markdown' | 'html' | 'pdf' | 'zip', string> {
  const base = `${publicUrl.replace(/\/+$/, '')}/packets/${encodeURIComponent(shipmentId)}`;
  const q = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
  return { markdown: `${base}.md${q}`, html: `${base}.html${q}`, pdf: `${base}.pdf${q}`, zip: `${base}.zip${q}` };
}
