// Constraints and indexes, created at start-up. IF NOT EXISTS makes every run idempotent.
import type { Graph } from './graph';

export const TENANT_LABELS = [
  'Firm',
  'Facility',
  'Material',
  'Flow',
  'Document',
  'Shipment',
  'ScreeningMatch',
  'DuplicateCandidate',
  'FacilityDuplicate',
] as const;

/** The full-text index of firm and facility names (its query: src/lookup/cypher.ts). */
export const NAME_SEARCH_INDEX = 'name_search';

const STATEMENTS: string[] = [
  ...TENANT_LABELS.map(
    (l) => `CREATE CONSTRAINT ${l.toLowerCase()}_tenant_id IF NOT EXISTS FOR (n:${l}) REQUIRE (n.tenant, n.id) IS UNIQUE`,
  ),
  'CREATE CONSTRAINT firm_key IF NOT EXISTS FOR (n:FirmKey) REQUIRE (n.tenant, n.key) IS UNIQUE',
  'CREATE CONSTRAINT facility_key IF NOT EXISTS FOR (n:FacilityKey) REQUIRE (n.tenant, n.key) IS UNIQUE',
  'CREATE CONSTRAINT listed_entity_key IF NOT EXISTS FOR (n:ListedEntity) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT tenant_state IF NOT EXISTS FOR (n:TenantState) REQUIRE n.tenant IS UNIQUE',
  'CREATE CONSTRAINT entity_list_version IF NOT EXISTS FOR (n:EntityListVersion) REQUIRE n.version IS UNIQUE',
  'CREATE CONSTRAINT screening_state IF NOT EXISTS FOR (n:ScreeningState) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX flow_to IF NOT EXISTS FOR (n:Flow) ON (n.tenant, n.toId)',
  'CREATE INDEX flow_from IF NOT EXISTS FOR (n:Flow) ON (n.tenant, n.fromId)',
  // every tenant-scoped look-up is index-backed: a label scan crosses every tenant's data
  'CREATE INDEX facility_firm IF NOT EXISTS FOR (n:Facility) ON (n.tenant, n.firmId)',
  'CREATE INDEX shipment_importer IF NOT EXISTS FOR (n:Shipment) ON (n.tenant, n.importerId)',
  'CREATE INDEX shipment_fingerprint IF NOT EXISTS FOR (n:Shipment) ON (n.tenant, n.fingerprint)',
  // the name search (src/lookup/searchForms.ts): grams split on whitespace only, case kept, so
  // a tenant is one exact term; updated in the writing transaction, so an import is found at once
  `CREATE FULLTEXT INDEX ${NAME_SEARCH_INDEX} IF NOT EXISTS FOR (n:Firm|Facility) ON EACH [n.tenant, n.searchGrams]
   OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'whitespace', \`fulltext.eventually_consistent\`: false}}`,
  'CREATE INDEX match_status IF NOT EXISTS FOR (n:ScreeningMatch) ON (n.tenant, n.status)',
  'CREATE INDEX audit_tenant IF NOT EXISTS FOR (n:AuditEvent) ON (n.tenant, n.at)',
  // stored shipment summaries (trace/summaries/): the risk view's filters and orders seek these
  'CREATE CONSTRAINT shipment_summary_key IF NOT EXISTS FOR (n:ShipmentSummary) REQUIRE (n.tenant, n.shipmentId) IS UNIQUE',
  'CREATE INDEX summary_verdict IF NOT EXISTS FOR (n:ShipmentSummary) ON (n.tenant, n.verdict)',
  'CREATE INDEX summary_importer IF NOT EXISTS FOR (n:ShipmentSummary) ON (n.tenant, n.importerId)',
  'CREATE INDEX summary_entry IF NOT EXISTS FOR (n:ShipmentSummary) ON (n.tenant, n.entryDate)',
  'CREATE INDEX summary_day IF NOT EXISTS FOR (n:ShipmentSummary) ON (n.tenant, n.dayBound)',
  'CREATE INDEX summary_flag_kind IF NOT EXISTS FOR (n:SummaryFlag) ON (n.tenant, n.kind)',
];

export async function ensureSchema(graph: Graph): Promise<void> {
  for (const statement of STATEMENTS) await graph.write(statement);
  await graph.write('CALL db.awaitIndexes(120)');
}
