// One packet in each download format, shared by the HTTP routes and the CLI. Every edition is
// drawn from the one packet object, so they state the same asOf and the same status date.
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
  /** a TTF/OTF/WOFF the PDF falls back to for scripts its own fonts lack (default PACKET_PDF_FONT) */
  pdfFont?: string | null;
  /** the ZIP manifest's generation time (default now) */
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

export function renderPacketHtml(packet: Packet): Promise<string> {
  return renderHtml(blocksOf(packet), packetTitle(packet));
}

export function renderPacketPdf(packet: Packet, opts: RenderOptions = {}): Promise<Buffer> {
  const entry = showInvisible(packet.entryNumber ?? packet.shipmentId);
  return renderPdf(blocksOf(packet), {
    title: packetTitle(packet),
    subject: `${KIND_LABEL[packet.kind]} for U.S. entry ${entry} (verdict ${packet.verdict}, as of ${packet.asOf})`,
    keywords: ['UFLPA', `entry ${entry}`, `shipment ${showInvisible(packet.shipmentId)}`, packet.verdict, packet.kind].join('; '),
    // the status date matters, and is stated, where there is a detention clock
    footer: `Entry ${entry} | ${KIND_LABEL[packet.kind]} | as of ${packet.asOf}${packet.analysis.clock ? ` | status on ${packet.statusOn}` : ''}`,
    extraFont: opts.pdfFont === undefined ? process.env.PACKET_PDF_FONT : opts.pdfFont,
  });
}

/** The ZIP edition of a packet of `tenant`, with that tenant's exhibit files. */
export async function renderPacketZip(packet: Packet, tenant: string, opts: RenderOptions = {}): Promise<Buffer> {
  if (!opts.exhibits) throw new Error('a packet ZIP needs the exhibit store (RenderOptions.exhibits)');
  const [html, pdf] = await Promise.all([renderPacketHtml(packet), renderPacketPdf(packet, opts)]);
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
      body = Buffer.from(await renderPacketHtml(packet), 'utf8');
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
  dates: { asOf?: string | null; statusOn?: string | null } = {},
  opts: RenderOptions = {},
): Promise<RenderedFile> {
  return renderPacketAs(await buildPacket(services, tenant, shipmentId, dates.asOf, dates.statusOn), tenant, format, opts);
}

/** Stable download URLs for a packet, as the GraphQL field `downloads` gives them: the same asOf and status date. */
export function downloadUrls(
  publicUrl: string,
  shipmentId: string,
  asOf?: string | null,
  statusOn?: string | null,
): Record<'markdown' | 'html' | 'pdf' | 'zip', string> {
  const base = `${publicUrl.replace(/\/+$/, '')}/packets/${encodeURIComponent(shipmentId)}`;
  const params = new URLSearchParams();
  if (asOf) params.set('asOf', asOf);
  if (statusOn) params.set('statusOn', statusOn);
  const q = params.toString() ? `?${params.toString()}` : '';
  return { markdown: `${base}.md${q}`, html: `${base}.html${q}`, pdf: `${base}.pdf${q}`, zip: `${base}.zip${q}` };
}
