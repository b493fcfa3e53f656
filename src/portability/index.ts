// Public surface of portability: a tenant's data out as one ZIP, and back into a tenant.
export { exportTenant } from './export';
export type { ExportOptions, PortabilityServices } from './export';
export { restoreTenant, tenantHasData } from './restore';
export type { RestoreOptions, RestoreReport, RestoreServices } from './restore';
export { EXPORT_FORMAT, MANIFEST_ENTRY, isExportManifest } from './format';
export type { ExportManifest } from './format';
export { isTenantExport, restoreUpload } from './upload';
