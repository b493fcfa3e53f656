// Tenant export: everything a tenant owns as one ZIP, streamed. The graph is read a page at a
// time and each page is written into the ZIP before the next is read, so memory stays bounded
// whatever the tenant's size; the ZIP goes to any writable (a file, an HTTP response).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { Graph } from '../graph/graph';
import { MODEL_VERSION } from '../graph/migrations';
import type { ExhibitStore } from '../exhibits';
import { RELEASE } from '../config/release';
import { BUNDLE_SECTIONS, type BundleSection } from '../model/bundle';
import { recordAudit } from '../audit';
import { toBundleRecord } from './records';
import * as Q from './cypher';
import {
  AUDIT_ENTRY,
  BUNDLE_ENTRY,
  DECISIONS_ENTRY,
  EXHIBITS_PREFIX,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportManifest,
  type ManifestFile,
  MANIFEST_ENTRY,
  REVIEW_KINDS,
} from './format';

export interface PortabilityServices {
  graph: Graph;
  exhibits: ExhibitStore;
}
export interface ExportOptions {
  actor: string;
  /** nodes read per query */
  pageSize?: number;
}

type Props = Record<string, unknown>;

/** Every node of a label of the tenant, a page at a time in id order. */
async function* nodes(graph: Graph, tenant: string, label: string, pageSize: number): AsyncGenerator<Props[]> {
  let after = '';
  for (;;) {
    const rows = await graph.read<{ r: Props }>(Q.nodePage(label), { tenant, after, first: pageSize });
    if (!rows.length) return;
    yield rows.map((row) => row.r);
    after = String(rows[rows.length - 1].r.id);
    if (rows.length < pageSize) return;
  }
}

const json = (v: unknown) => JSON.stringify(v);

/** bundle.json as text chunks: one page of records per chunk. */
async function* bundleText(graph: Graph, tenant: string, pageSize: number, counts: Record<string, number>): AsyncGenerator<string> {
  yield '{"bundleVersion":1';
  for (const section of BUNDLE_SECTIONS) {
    yield `,\n${json(section)}:[`;
    let n = 0;
    if (section === 'ownership') {
      for await (const firms of nodes(graph, tenant, 'Firm', pageSize)) {
        const edges = await graph.read<Props>(Q.OWNERSHIP_OF, { tenant, ids: firms.map((f) => f.id) });
        if (edges.length) yield (n ? ',\n' : '\n') + edges.map(json).join(',\n');
        n += edges.length;
      }
    } else {
      for await (const page of nodes(graph, tenant, Q.SECTION_LABELS[section as Exclude<BundleSection, 'ownership'>], pageSize)) {
        yield (n ? ',\n' : '\n') + page.map((r) => json(toBundleRecord(section, r))).join(',\n');
        n += page.length;
      }
    }
    counts[section] = n;
    yield ']';
  }
  yield '}\n';
}

/** decisions.json: every review record of each kind, all their properties. */
async function* decisionsText(graph: Graph, tenant: string, pageSize: number, counts: Record<string, number>): AsyncGenerator<string> {
  yield `{"formatVersion":${EXPORT_FORMAT_VERSION},"kinds":{`;
  for (const [i, { kind, label }] of REVIEW_KINDS.entries()) {
    yield `${i ? ',' : ''}\n${json(kind)}:[`;
    let n = 0;
    for await (const page of nodes(graph, tenant, label, pageSize)) {
      yield (n ? ',\n' : '\n') + page.map(json).join(',\n');
      n += page.length;
    }
    counts[kind] = n;
    yield ']';
  }
  yield '}}\n';
}

/** audit.jsonl: the tenant's audit events, oldest first, one a line (detail as an object). */
async function* auditText(graph: Graph, tenant: string, pageSize: number, counts: Record<string, number>): AsyncGenerator<string> {
  let at = '';
  let id = '';
  let n = 0;
  for (;;) {
    const rows = await graph.read<{ r: Props }>(Q.AUDIT_PAGE, { tenant, at, id, first: pageSize });
    if (!rows.length) break;
    yield rows.map(({ r }) => json({ ...r, detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail }) + '\n').join('');
    n += rows.length;
    at = String(rows[rows.length - 1].r.at);
    id = String(rows[rows.length - 1].r.id);
    if (rows.length < pageSize) break;
  }
  counts.auditEvents = n;
}

/** The chunks as bytes, summed up on the way through. */
async function* hashed(chunks: AsyncIterable<string | Buffer>, into: ManifestFile): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    hash.update(buf);
    into.bytes += buf.length;
    yield buf;
  }
  into.sha256 = hash.digest('hex');
}

/**
 * Writes the tenant's export ZIP to `out` and returns its manifest. Each entry is streamed in
 * turn (the next read starts when the ZIP has taken the previous page); manifest.json comes last,
 * with the SHA-256 of every other entry.
 */
export async function exportTenant(
  services: PortabilityServices,
  tenant: string,
  out: Writable,
  opts: ExportOptions,
): Promise<ExportManifest> {
  const pageSize = opts.pageSize ?? 5000;
  const { graph } = services;
  const [tenantState] = await graph.read<{ tenantVersion: string | null }>(Q.EXPORT_TENANT_VERSION, { tenant });
  const [storeState] = await graph.read<{ entityListVersion: string | null; modelVersion: number | null }>(Q.EXPORT_STORE_VERSIONS);
  const state = { ...tenantState, ...storeState };
  const zip = new ZipFile();
  const written = finished((zip.outputStream as unknown as Readable).pipe(out));
  written.catch(() => undefined); // awaited at the end; an early failure is reported where it happens
  const files: ManifestFile[] = [];
  const counts: Record<string, number> = {};
  const mtime = new Date();

  const add = async (path: string, chunks: AsyncIterable<string | Buffer>) => {
    const file: ManifestFile = { path, bytes: 0, sha256: '' };
    const source = Readable.from(hashed(chunks, file));
    zip.addReadStream(source, path, { mtime, compress: !path.startsWith(EXHIBITS_PREFIX) });
    // a client that went away ends the output: stop reading rather than wait for it
    await Promise.race([
      finished(source),
      written.then(() => Promise.reject(new Error('the ZIP output closed before the export was whole'))),
    ]);
    files.push(file);
  };
  try {
    await add(BUNDLE_ENTRY, bundleText(graph, tenant, pageSize, counts));
    await add(DECISIONS_ENTRY, decisionsText(graph, tenant, pageSize, counts));
    await add(AUDIT_ENTRY, auditText(graph, tenant, pageSize, counts));
    let exhibits = 0;
    for await (const docs of nodes(graph, tenant, 'Document', pageSize)) {
      for (const d of docs) {
        if (typeof d.file !== 'string') continue;
        const found = await services.exhibits.find(tenant, d.file);
        if ('reason' in found) continue; // a document whose file was never uploaded
        await add(EXHIBITS_PREFIX + found.path, createReadStream(found.abs));
        exhibits++;
      }
    }
    counts.exhibits = exhibits;
  } catch (e) {
    (zip.outputStream as unknown as Readable).destroy(e as Error);
    throw e;
  }
  // pages are read in separate transactions: an import or a decision in between would mix two states
  const [after] = await graph.read<{ tenantVersion: string | null }>(Q.EXPORT_TENANT_VERSION, { tenant });
  if ((after?.tenantVersion ?? null) !== (state?.tenantVersion ?? null)) {
    const e = new Error(`tenant "${tenant}" changed while it was being exported (an import or a review decision); export it again`);
    (zip.outputStream as unknown as Readable).destroy(e);
    throw e;
  }
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    tenant,
    exportedAt: mtime.toISOString(),
    release: RELEASE,
    modelVersion: state?.modelVersion ?? MODEL_VERSION,
    entityListVersion: state?.entityListVersion ?? null,
    counts,
    files,
  };
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST_ENTRY, { mtime });
  zip.end();
  await written;
  await recordAudit(graph, {
    tenant,
    actor: opts.actor,
    action: 'TENANT_EXPORT',
    target: tenant,
    detail: { counts, files: files.length },
  });
  return manifest;
}
