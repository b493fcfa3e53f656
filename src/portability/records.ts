// Stored records back into bundle v1 records: the reverse of toRows (src/import/importBundle.ts).
// Pure functions; only the fields the bundle format names are kept, so properties the service
// derives (search text, fallback marks, summaries) never leak into an export.
import { BUNDLE_SECTIONS, bundleSectionSchemas, type BundleSection } from '../model/bundle';

/** Stored property name -> bundle field name, where they differ. */
const RENAMES: Partial<Record<BundleSection, Record<string, string>>> = {
  facilities: { firmId: 'firm' },
  flows: { fromId: 'from', toId: 'to', materialId: 'material', inputIds: 'inputs', documentIds: 'documents' },
  documents: { issuerId: 'issuer', payerId: 'payer', payeeId: 'payee' },
  shipments: { importerId: 'importer', flowId: 'flow' },
};

const FIELDS = Object.fromEntries(
  BUNDLE_SECTIONS.map((s) => [s, new Set(Object.keys((bundleSectionSchemas[s] as unknown as { shape: object }).shape))]),
) as Record<BundleSection, Set<string>>;

/** One stored node's properties as the bundle record of its section. */
export function toBundleRecord(section: BundleSection, stored: Record<string, unknown>): Record<string, unknown> {
  const renames = RENAMES[section] ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    const field = renames[key] ?? key;
    if (!FIELDS[section].has(field)) continue;
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue; // [] and absent mean the same
    if (section === 'materials' && field === 'raw' && value === false) continue;
    out[field] = value;
  }
  if (section === 'shipments' && (stored.detainedOn != null || stored.noticeDate != null)) {
    out.detention = {
      ...(stored.detainedOn != null ? { detainedOn: stored.detainedOn } : {}),
      ...(stored.noticeDate != null ? { noticeDate: stored.noticeDate } : {}),
    };
  }
  return out;
}
