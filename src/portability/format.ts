// The tenant export ZIP: its entries, its manifest, and the kinds of review record it carries.
// One ZIP holds everything a tenant owns: bundle.json (bundle v1), decisions.json (every review
// record, one list per kind), audit.jsonl (the audit log, one event a line), exhibits/<path>
// (the tenant's exhibit files at the paths its documents name) and manifest.json (what is in
// it, with SHA-256 sums, written last).

export const EXPORT_FORMAT = 'uflpa-trace-tenant-export';
export const EXPORT_FORMAT_VERSION = 1;

export const BUNDLE_ENTRY = 'bundle.json';
export const DECISIONS_ENTRY = 'decisions.json';
export const AUDIT_ENTRY = 'audit.jsonl';
export const MANIFEST_ENTRY = 'manifest.json';
export const EXHIBITS_PREFIX = 'exhibits/';

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}
export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  tenant: string;
  exportedAt: string;
  /** package.json version of the release that wrote it */
  release: string;
  /** the graph model version (src/graph/migrations.ts) of the store it was read from */
  modelVersion: number;
  /** the Entity List version the tenant's matches were screened against when exported */
  entityListVersion: string | null;
  counts: Record<string, number>;
  files: ManifestFile[];
}

/**
 * A kind of review record: nodes of one label, keyed by (tenant, id), that a reviewer's
 * decisions live on. Export writes every property of each; restore writes them back and links
 * each to what it reviews. A label the store does not have exports as an empty list.
 */
export interface ReviewKind {
  kind: string;
  label: string;
}
export const REVIEW_KINDS: readonly ReviewKind[] = [
  { kind: 'screeningMatches', label: 'ScreeningMatch' },
  { kind: 'duplicateCandidates', label: 'DuplicateCandidate' },
  { kind: 'facilityDuplicates', label: 'FacilityDuplicate' },
];

/** Whether a ZIP entry name is the manifest of a tenant export (POST /imports can tell an export from a bundle by it). */
export const isExportManifest = (value: unknown): value is ExportManifest =>
  !!value && typeof value === 'object' && (value as { format?: unknown }).format === EXPORT_FORMAT;
