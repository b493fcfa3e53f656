// The ZIP edition: packet.md, packet.html, packet.pdf, every exhibit file the records
// reference (read from the caller's tenant's space of the exhibit store, never another
// tenant's), and manifest.json with the SHA-256 of every file. The generation time lives
// only in the manifest, never in the packet text.
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import type { ExhibitStore } from '../exhibits';
import type { Packet } from './packet';

export interface ZipInput {
  packet: Packet;
  markdown: string;
  html: string;
  pdf: Buffer;
  /** the caller's tenant: exhibits come from its space in the store and nowhere else */
  tenant: string;
  exhibits: ExhibitStore;
  generatedAt?: Date;
}
export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
  documentIds?: string[];
  exhibits?: string[];
  declaredSha256?: string[];
  declaredMatches?: boolean;
}
export interface Manifest {
  format: string;
  generatedAt: string;
  shipmentId: string;
  entryNumber: string | null;
  kind: string;
  verdict: string;
  asOf: string;
  statusOn: string;
  fingerprint: string;
  entityListVersion: string;
  completeness: number;
  files: ManifestFile[];
  missingExhibits: { exhibit: string; documentId: string; file: string | null; reason: string }[];
}

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export async function buildZip(input: ZipInput): Promise<{ zip: Buffer; manifest: Manifest }> {
  const { packet } = input;
  const generatedAt = input.generatedAt ?? new Date();
  const zip = new JSZip();
  const files: ManifestFile[] = [];
  const add = (path: string, data: Buffer, extra: Partial<ManifestFile> = {}) => {
    zip.file(path, data, { date: generatedAt, binary: true, createFolders: false });
    files.push({ path, bytes: data.length, sha256: sha256(data), ...extra });
  };
  add('packet.md', Buffer.from(input.markdown, 'utf8'));
  add('packet.html', Buffer.from(input.html, 'utf8'));
  add('packet.pdf', input.pdf);

  const missingExhibits: Manifest['missingExhibits'] = [];
  const byPath = new Map<string, ManifestFile>();
  for (const ex of packet.exhibits) {
    const doc = packet.analysis.l.documents.get(ex.documentId);
    const file = doc?.file ?? null;
    if (!file) {
      missingExhibits.push({ exhibit: ex.number, documentId: ex.documentId, file: null, reason: 'the document record names no file' });
      continue;
    }
    const found = await input.exhibits.find(input.tenant, file);
    if ('reason' in found) {
      missingExhibits.push({ exhibit: ex.number, documentId: ex.documentId, file, reason: found.reason });
      continue;
    }
    const path = `exhibits/${found.path}`;
    let entry = byPath.get(path);
    if (!entry) {
      const data = await input.exhibits.read(found);
      add(path, data, { documentIds: [], exhibits: [] });
      entry = files[files.length - 1];
      byPath.set(path, entry);
    }
    entry.documentIds!.push(ex.documentId);
    entry.exhibits!.push(ex.number);
    if (doc?.sha256) {
      entry.declaredSha256 = [...(entry.declaredSha256 ?? []), doc.sha256.toLowerCase()];
      entry.declaredMatches = entry.declaredSha256.every((d) => d === entry!.sha256);
    }
  }
  const manifest: Manifest = {
    format: 'uflpa-trace packet v1',
    generatedAt: generatedAt.toISOString(),
    shipmentId: packet.shipmentId,
    entryNumber: packet.entryNumber,
    kind: packet.kind,
    verdict: packet.verdict,
    asOf: packet.asOf,
    statusOn: packet.statusOn,
    fingerprint: packet.fingerprint,
    entityListVersion: packet.data.entityList.version,
    completeness: packet.completeness,
    files,
    missingExhibits,
  };
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: generatedAt });
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
  return { zip: out, manifest };
}
