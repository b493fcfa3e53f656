// Where a tenant's exhibit files live on disk, as pure functions of the tenant and the path a
// document names. Every tenant has a folder of its own under <root>/tenants/; a document's
// `file` is a path inside that folder and nowhere else. Paths are checked as text here, before
// any file is touched, so a refusal never depends on what exists on disk.
import { createHash } from 'node:crypto';

/** Longest exhibit path accepted, in characters, and deepest nesting. */
export const MAX_EXHIBIT_PATH = 1000;
export const MAX_EXHIBIT_DEPTH = 20;
/** Most bytes in one folder or file name (the common file-system limit). */
const MAX_SEGMENT_BYTES = 255;

/**
 * The folder name of a tenant's space: a readable prefix and 16 hex digits of the SHA-256 of
 * the exact tenant name. The hash keeps tenants apart where the prefix alone would not: on a
 * case-insensitive disk "Acme" and "acme", or names that differ only in characters the prefix
 * replaces.
 */
export function tenantFolder(tenant: string): string {
  const prefix = tenant
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .slice(0, 40);
  const hash = createHash('sha256').update(tenant, 'utf8').digest('hex').slice(0, 16);
  return `${prefix || 'tenant'}-${hash}`;
}

/** Characters no exhibit path may hold: C0 and C1 controls, DEL, the backslash, lone surrogates. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A document's `file` as the path of an exhibit inside its tenant's space ("docs/inv.pdf"), or
 * why it cannot be one. Folders are separated by "/"; no part may be empty, "." or "..".
 */
export function exhibitPath(file: unknown): { path: string } | { reason: string } {
  if (typeof file !== 'string' || !file.trim()) return { reason: 'the exhibit path is empty' };
  if (file.length > MAX_EXHIBIT_PATH) return { reason: `the exhibit path is longer than ${MAX_EXHIBIT_PATH} characters` };
  if (FORBIDDEN.test(file)) return { reason: 'the exhibit path holds a control character, a backslash or a lone surrogate' };
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file)) return { reason: 'the exhibit path is absolute; name it relative to the tenant' };
  const parts = file.split('/');
  if (parts.length > MAX_EXHIBIT_DEPTH) return { reason: `the exhibit path is nested deeper than ${MAX_EXHIBIT_DEPTH} folders` };
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..')
      return { reason: 'the exhibit path has an empty, "." or ".." part; name a file inside the tenant' };
    if (Buffer.byteLength(part, 'utf8') > MAX_SEGMENT_BYTES)
      return { reason: `a part of the exhibit path is longer than ${MAX_SEGMENT_BYTES} bytes` };
  }
  return { path: parts.join('/') };
}
