// Restore: a tenant export ZIP back into a tenant. Every entry is checked against the
// manifest's SHA-256 before anything is written; the bundle then goes through the same
// validation and the same all-or-nothing transaction as any import, and in that transaction
// the review decisions and the audit log are written back. Exhibits follow, each checked again
// as it is stored. A tenant that holds data is refused unless the caller asks to merge.
import { createHash } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Entry } from 'yauzl';
import { BadInputError } from '../errors';
import { runRows } from '../graph/graph';
import { importBundle, type ImportReport, type ImportServices } from '../import';
import { exhibitPath, type ExhibitStore } from '../exhibits';
import { recordAuditInTx } from '../audit';
import * as Q from './cypher';
import {
  AUDIT_ENTRY,
  BUNDLE_ENTRY,
  DECISIONS_ENTRY,
  EXHIBITS_PREFIX,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportManifest,
  isExportManifest,
  MANIFEST_ENTRY,
} from './format';
import { openZip, type ZipReader } from './zipReader';

export type RestoreServices = ImportServices & { exhibits: ExhibitStore };
export interface RestoreOptions {
  actor: string;
  /** write into a tenant that holds data already (records with the same ids are updated) */
  merge?: boolean;
}
export interface RestoreReport {
  tenant: string;
  from: { tenant: string; exportedAt: string; release: string; entityListVersion: string | null };
  imported: ImportReport;
  decisions: Record<string, { restored: number; skipped: string[] }>;
  auditEvents: number;
  exhibits: number;
}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const MAX_JSON_BYTES = 2 * 1024 * 1024 * 1024 - 1; // V8's longest string is a little under 2^29 chars anyway
const BATCH = 2000;

const bad = (message: string) => new BadInputError(`not a restorable tenant export: ${message}`, 'file');

async function sha256Of(zip: ZipReader, entry: Entry): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of await zip.open(entry)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** The manifest, with every entry present, listed and of the sum the manifest gives. */
async function checkedManifest(zip: ZipReader): Promise<ExportManifest> {
  const entry = zip.entries.get(MANIFEST_ENTRY);
  if (!entry) throw bad(`the ZIP has no ${MANIFEST_ENTRY}`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(await zip.text(entry, MAX_MANIFEST_BYTES));
  } catch (e) {
    throw bad(`${MANIFEST_ENTRY} is not valid JSON: ${(e as Error).message}`);
  }
  if (!isExportManifest(manifest)) throw bad(`${MANIFEST_ENTRY} does not say "format": "${EXPORT_FORMAT}"`);
  if (typeof manifest.formatVersion !== 'number' || manifest.formatVersion > EXPORT_FORMAT_VERSION)
    throw bad(
      `it is export format version ${manifest.formatVersion}; this release reads version ${EXPORT_FORMAT_VERSION} (restore it with the release that wrote it, ${manifest.release})`,
    );
  if (!Array.isArray(manifest.files)) throw bad(`${MANIFEST_ENTRY} lists no files`);
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of zip.entries.keys())
    if (name !== MANIFEST_ENTRY && !listed.has(name)) throw bad(`the ZIP holds "${name}", which the manifest does not list`);
  for (const required of [BUNDLE_ENTRY, DECISIONS_ENTRY, AUDIT_ENTRY])
    if (!listed.has(required)) throw bad(`the manifest lists no ${required}`);
  for (const f of manifest.files) {
    const e = zip.entries.get(f.path);
    if (!e) throw bad(`the manifest lists "${f.path}" but the ZIP does not hold it`);
    if (f.path.startsWith(EXHIBITS_PREFIX)) {
      const p = exhibitPath(f.path.slice(EXHIBITS_PREFIX.length));
      if ('reason' in p) throw bad(`exhibit "${f.path}": ${p.reason}`);
    }
    const got = await sha256Of(zip, e);
    if (got.sha256 !== String(f.sha256).toLowerCase() || got.bytes !== f.bytes)
      throw bad(
        `"${f.path}" has SHA-256 ${got.sha256} (${got.bytes} bytes) but the manifest says ${f.sha256} (${f.bytes} bytes): the file was changed or damaged`,
      );
  }
  return manifest;
}

async function readJson(zip: ZipReader, name: string): Promise<unknown> {
  try {
    return JSON.parse(await zip.text(zip.entries.get(name)!, MAX_JSON_BYTES));
  } catch (e) {
    throw bad(`${name} is not valid JSON: ${(e as Error).message}`);
  }
}

async function readAudit(zip: ZipReader): Promise<Record<string, unknown>[]> {
  const text = await zip.text(zip.entries.get(AUDIT_ENTRY)!, MAX_JSON_BYTES);
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      try {
        const e = JSON.parse(line) as Record<string, unknown>;
        if (typeof e.id !== 'string' || typeof e.at !== 'string') throw new Error('an event needs its "id" and "at"');
        return { ...e, detail: typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail ?? {}) };
      } catch (err) {
        throw bad(`${AUDIT_ENTRY} line ${i + 1}: ${(err as Error).message}`);
      }
    });
}

/** Which Cypher writes each kind of review record back (format.ts REVIEW_KINDS). */
const RESTORE_KIND: Record<string, string> = {
  screeningMatches: Q.RESTORE_SCREENING_MATCHES,
  duplicateCandidates: Q.RESTORE_DUPLICATE_CANDIDATES,
  facilityDuplicates: Q.RESTORE_FACILITY_DUPLICATES,
};

async function restoreDecisions(tx: ManagedTransaction, tenant: string, decisions: unknown) {
  const kinds = (decisions as { kinds?: Record<string, unknown> })?.kinds;
  if (!kinds || typeof kinds !== 'object') throw bad(`${DECISIONS_ENTRY} has no "kinds"`);
  const out: RestoreReport['decisions'] = {};
  for (const [kind, records] of Object.entries(kinds)) {
    const cypher = RESTORE_KIND[kind];
    if (!cypher) throw bad(`${DECISIONS_ENTRY} holds review records of kind "${kind}", which this release does not know`);
    if (!Array.isArray(records)) throw bad(`${DECISIONS_ENTRY}: "${kind}" is not a list`);
    const rows = records.map((r) => {
      const { tenant: _t, ...props } = r as Record<string, unknown>;
      return props;
    });
    const restored = new Set<string>();
    for (let i = 0; i < rows.length; i += BATCH) {
      for (const r of await runRows<{ id: string }>(tx, cypher, { tenant, rows: rows.slice(i, i + BATCH) })) restored.add(r.id);
    }
    // a record whose firm or Entity List entry is not there cannot be linked, and is named
    out[kind] = { restored: restored.size, skipped: rows.map((r) => String(r.id)).filter((id) => !restored.has(id)) };
  }
  return out;
}

/** Whether the tenant holds any record or audit event. */
export async function tenantHasData(services: Pick<ImportServices, 'graph'>, tenant: string): Promise<boolean> {
  const [row] = await services.graph.read<{ hasData: boolean }>(Q.TENANT_HAS_DATA, { tenant });
  return !!row?.hasData;
}

/** Restores a tenant export ZIP (a file) into `tenant`. POST /imports can call this once it sees an export's manifest. */
export async function restoreTenant(
  services: RestoreServices,
  tenant: string,
  zipPath: string,
  opts: RestoreOptions,
): Promise<RestoreReport> {
  let zip: ZipReader;
  try {
    zip = await openZip(zipPath);
  } catch (e) {
    throw bad(`cannot read it as a ZIP: ${(e as Error).message}`);
  }
  try {
    const manifest = await checkedManifest(zip);
    if (!opts.merge && (await tenantHasData(services, tenant)))
      throw new BadInputError(
        `tenant "${tenant}" already holds data; restore into an empty tenant, or ask to merge (--merge) to add the export to what is there`,
        'tenant',
      );
    const bundle = await readJson(zip, BUNDLE_ENTRY);
    const decisions = await readJson(zip, DECISIONS_ENTRY);
    const audit = await readAudit(zip);
    let decided: RestoreReport['decisions'] = {};
    const imported = await importBundle(services, tenant, bundle, {
      actor: opts.actor,
      afterWrite: async (tx) => {
        decided = await restoreDecisions(tx, tenant, decisions);
        for (let i = 0; i < audit.length; i += BATCH)
          await runRows(tx, Q.RESTORE_AUDIT_EVENTS, { tenant, rows: audit.slice(i, i + BATCH) });
        await recordAuditInTx(tx, {
          tenant,
          actor: opts.actor,
          action: 'TENANT_RESTORE',
          target: manifest.tenant,
          detail: { exportedAt: manifest.exportedAt, release: manifest.release, counts: manifest.counts, merge: !!opts.merge },
        });
      },
    });
    let exhibits = 0;
    for (const f of manifest.files) {
      if (!f.path.startsWith(EXHIBITS_PREFIX)) continue;
      // checked against the manifest's sum again as it is written: nothing half-stored on a mismatch
      await services.exhibits.save(tenant, f.path.slice(EXHIBITS_PREFIX.length), await zip.open(zip.entries.get(f.path)!), {
        declaredSha256: f.sha256,
      });
      exhibits++;
    }
    return {
      tenant,
      from: {
        tenant: manifest.tenant,
        exportedAt: manifest.exportedAt,
        release: manifest.release,
        entityListVersion: manifest.entityListVersion,
      },
      imported,
      decisions: decided,
      auditEvents: audit.length,
      exhibits,
    };
  } finally {
    zip.close();
  }
}
