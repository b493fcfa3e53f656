// Attaching an exhibit: the file a document of the caller's tenant names, stored in that
// tenant's space and checked against the document's sha256. The HTTP upload
// (PUT /documents/{id}/file), the operator CLI and the demo seed all come through here.
import { createReadStream, promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Graph } from '../graph/graph';
import { BadInputError, NotFoundError } from '../errors';
import { requiredId } from '../args';
import { recordAudit } from '../audit';
import * as Q from './cypher';
import { exhibitPath } from './layout';
import type { ExhibitStore } from './store';

export interface ExhibitServices {
  graph: Graph;
  exhibits: ExhibitStore;
}
export interface AttachedExhibit {
  documentId: string;
  /** the path inside the tenant's space (the document's `file`) */
  file: string;
  bytes: number;
  sha256: string;
  /** the document declares a sha256 and the file has it (null: it declares none) */
  sha256Verified: boolean | null;
  replaced: boolean;
}

async function documentFile(graph: Graph, tenant: string, documentId: string): Promise<{ file: string; sha256: string | null }> {
  const [doc] = await graph.read<{ file: string | null; sha256: string | null }>(Q.DOCUMENT_FILE, { tenant, id: documentId });
  // the same words whether the document is another tenant's or nobody's
  if (!doc) throw new NotFoundError(`no document "${documentId}"`);
  if (!doc.file)
    throw new BadInputError(
      `document "${documentId}" names no file: give it a "file" path in the bundle (e.g. "docs/${documentId}.pdf") and import it again`,
      'file',
    );
  return { file: doc.file, sha256: doc.sha256 ?? null };
}

/** Stores `body` as the exhibit of a document of the tenant; records EXHIBIT_UPLOAD. */
export async function attachExhibit(
  services: ExhibitServices,
  tenant: string,
  documentId: string,
  body: AsyncIterable<Uint8Array>,
  opts: { actor: string; contentLength?: number | null },
): Promise<AttachedExhibit> {
  const id = requiredId('documentId', documentId);
  const doc = await documentFile(services.graph, tenant, id);
  const saved = await services.exhibits.save(tenant, doc.file, body, { declaredSha256: doc.sha256, contentLength: opts.contentLength });
  await recordAudit(services.graph, {
    tenant,
    actor: opts.actor,
    action: 'EXHIBIT_UPLOAD',
    target: id,
    detail: { file: saved.path, bytes: saved.bytes, sha256: saved.sha256, replaced: saved.replaced },
  });
  return {
    documentId: id,
    file: saved.path,
    bytes: saved.bytes,
    sha256: saved.sha256,
    sha256Verified: doc.sha256 ? true : null,
    replaced: saved.replaced,
  };
}

export type FolderAttachment =
  | ({ status: 'attached' } & AttachedExhibit)
  | { status: 'unchanged'; documentId: string; file: string }
  | { status: 'failed'; documentId: string; file: string; reason: string };

const sha256Of = async (path: string) =>
  createHash('sha256')
    .update(await fs.readFile(path))
    .digest('hex');

/**
 * Attaches, for each document listed that names a file, that file read from `dir` (the
 * layout a bundle's own folder has: `dir/<file>`). A file the tenant already holds with the
 * same content is left alone, so loading the same folder again writes nothing.
 */
export async function attachFromFolder(
  services: ExhibitServices,
  tenant: string,
  documents: { id: string; file?: string | null }[],
  dir: string,
  opts: { actor: string },
): Promise<FolderAttachment[]> {
  const out: FolderAttachment[] = [];
  for (const d of documents) {
    if (!d.file) continue;
    const checked = exhibitPath(d.file);
    if ('reason' in checked) {
      out.push({ status: 'failed', documentId: d.id, file: d.file, reason: checked.reason });
      continue;
    }
    const source = join(dir, checked.path);
    const stat = await fs.stat(source).catch(() => null);
    if (!stat?.isFile()) {
      out.push({ status: 'failed', documentId: d.id, file: d.file, reason: `no file ${source}` });
      continue;
    }
    const held = await services.exhibits.find(tenant, checked.path);
    if (!('reason' in held) && held.bytes === stat.size && (await sha256Of(held.abs)) === (await sha256Of(source))) {
      out.push({ status: 'unchanged', documentId: d.id, file: checked.path });
      continue;
    }
    try {
      const attached = await attachExhibit(services, tenant, d.id, createReadStream(source), {
        actor: opts.actor,
        contentLength: stat.size,
      });
      out.push({ status: 'attached', ...attached });
    } catch (e) {
      out.push({ status: 'failed', documentId: d.id, file: d.file, reason: (e as Error).message });
    }
  }
  return out;
}
