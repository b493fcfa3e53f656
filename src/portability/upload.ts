// A tenant export sent as an upload (POST /imports): told from a ZIP of CSV files by its
// manifest, then restored from a private temporary file, since restore reads the ZIP by
// random access and checks every entry against the manifest before writing anything.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { isExportManifest, MANIFEST_ENTRY } from './format';
import { restoreTenant, type RestoreOptions, type RestoreReport, type RestoreServices } from './restore';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes are a ZIP whose manifest.json says it is a tenant export. */
export function isTenantExport(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) return false;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === MANIFEST_ENTRY && f.originalSize < 64 * 1024 * 1024 });
    const manifest = files[MANIFEST_ENTRY];
    return !!manifest && isExportManifest(JSON.parse(Buffer.from(manifest).toString('utf8')));
  } catch {
    return false; // not a readable ZIP, or no manifest: the upload's own readers say what is wrong
  }
}

/** Restores an uploaded export into the tenant (see restoreTenant), the bytes held in a temporary file meanwhile. */
export async function restoreUpload(
  services: RestoreServices,
  tenant: string,
  bytes: Uint8Array,
  opts: RestoreOptions,
): Promise<RestoreReport> {
  const dir = mkdtempSync(join(tmpdir(), 'uflpa-restore-'));
  try {
    const file = join(dir, 'export.zip');
    writeFileSync(file, bytes, { mode: 0o600 });
    return await restoreTenant(services, tenant, file, opts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
