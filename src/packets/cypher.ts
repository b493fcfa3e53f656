// Every Cypher statement the packets capability runs, named for what it asks. Input
// arrives only as parameters, and every match is scoped by $tenant.
import { DOCUMENT, FACILITY, FIRM, FLOW, MATERIAL, projection, SAME_AS_DEPTH, SHIPMENT } from '../model/records';

/** A firm with the firms confirmed to be the same legal entity (SAME_AS): the packet names them all. */
const PACKET_FIRM = projection('f', FIRM, undefined, {
  sameAs: `[(f)-[:SAME_AS*1..${SAME_AS_DEPTH}]-(g:Firm) WHERE g <> f | g { .id, .name, .localName }]`,
});

/**
 * The records behind one traced shipment: its flows, their documents, the facilities,
 * materials, the firms that operate the facilities or appear on the documents (issuer,
 * payer, payee), and the stored screening candidates of the chain's firms (with those of the
 * firms confirmed to be the same entity, under the party's id).
 */
export const PACKET_RECORDS = `
MATCH (s:Shipment {tenant: $tenant, id: $shipmentId})
CALL () {
  UNWIND $flowIds AS id
  MATCH (f:Flow {tenant: $tenant, id: id})
  RETURN collect(${projection('f', FLOW)}) AS flows
}
CALL () {
  UNWIND $documentIds AS id
  MATCH (d:Document {tenant: $tenant, id: id})
  RETURN collect(${projection('d', DOCUMENT)}) AS documents
}
CALL () {
  UNWIND $facilityIds AS id
  MATCH (fac:Facility {tenant: $tenant, id: id})
  RETURN collect(${projection('fac', FACILITY)}) AS facilities
}
CALL () {
  UNWIND $materialIds AS id
  MATCH (m:Material {tenant: $tenant, id: id})
  RETURN collect(${projection('m', MATERIAL)}) AS materials
}
CALL () {
  UNWIND $documentIds AS id
  OPTIONAL MATCH (d:Document {tenant: $tenant, id: id})
  WITH collect(d.issuerId) + collect(d.payerId) + collect(d.payeeId) AS docFirmIds
  UNWIND $facilityIds + [''] AS id
  OPTIONAL MATCH (:Facility {tenant: $tenant, id: id})-[:OPERATED_BY]->(op:Firm)
  WITH docFirmIds, collect(op.id) AS operatorIds
  UNWIND operatorIds + docFirmIds + $firmIds AS fid
  WITH DISTINCT fid
  MATCH (f:Firm {tenant: $tenant, id: fid})
  RETURN collect(${PACKET_FIRM}) AS firms
}
CALL () {
  UNWIND $firmIds AS fid
  MATCH (f:Firm {tenant: $tenant, id: fid})-[:SAME_AS*0..${SAME_AS_DEPTH}]-(:Firm)-[:SCREENED]->(m:ScreeningMatch)-[:AGAINST]->(e:ListedEntity)
  WHERE NOT coalesce(e.removed, false)
  WITH DISTINCT f, m, e
  RETURN collect({ id: m.id, firmId: f.id, entityName: e.name, entityKey: e.key, matchedName: m.matchedName, score: m.score,
                   decision: m.decision, status: m.status, listVersion: m.listVersion, decidedBy: m.decidedBy, note: m.note,
                   sections: e.sections, effectiveDate: e.effectiveDate }) AS matches
}
RETURN ${projection('s', SHIPMENT)} AS shipment,
       flows, documents, facilities, materials, firms, matches`;

/**
 * Shipments that could share this one's fingerprint: same importer and same first hop
 * (source, destination, material). Only these need tracing to compare fingerprints.
 */
export const IDENTICAL_CANDIDATES = `
MATCH (s:Shipment {tenant: $tenant, id: $shipmentId})-[:CARRIED_BY]->(f:Flow)
MATCH (o:Shipment {tenant: $tenant, importerId: s.importerId})-[:CARRIED_BY]->(g:Flow)
WHERE o.id <> s.id AND g.fromId = f.fromId AND g.toId = f.toId AND g.materialId = f.materialId
RETURN o.id AS id, o.entryNumber AS entryNumber, o.entryDate AS entryDate, o.flowId AS flowId
ORDER BY coalesce(o.entryDate, '') DESC, o.id
LIMIT $limit`;

export const TENANT_SHIPMENTS = `
MATCH (s:Shipment) USING INDEX s:Shipment(tenant, id)
WHERE s.tenant = $tenant AND s.id IS NOT NULL
RETURN s.id AS id, s.flowId AS flowId, s.importerId AS importerId ORDER BY s.id`;

export const SHIPMENT_DETENTION = `
MATCH (s:Shipment {tenant: $tenant, id: $shipmentId})
RETURN ${projection('s', SHIPMENT, ['id', 'detainedOn', 'noticeDate'])} AS shipment`;
