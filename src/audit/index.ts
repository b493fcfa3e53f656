// The audit log: who did what, when, per tenant. Events are written in the same
// transaction as the change they describe where there is one, so a rolled-back import
// leaves no event behind.
import type { ManagedTransaction } from 'neo4j-driver';
import { randomUUID } from 'node:crypto';
import type { Graph } from '../graph/graph';
import * as Q from './cypher';

/** What the log records, in the order schema.graphql's enum AuditAction lists them (a unit test checks the two agree). */
export const AUDIT_ACTIONS = [
  'IMPORT',
  'LIST_UPDATE',
  'RESCREEN',
  'MATCH_DECISION',
  'MATCH_DISPUTE',
  'DUPLICATE_DECISION',
  'FACILITY_DUPLICATE_DECISION',
  'PACKET_DOWNLOAD',
  'EXHIBIT_UPLOAD',
  'TENANT_EXPORT',
  'TENANT_RESTORE',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export interface AuditEvent {
  tenant: string;
  actor: string;
  action: AuditAction;
  target: string;
  detail?: Record<string, unknown>;
}

function params(e: AuditEvent) {
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    tenant: e.tenant,
    actor: e.actor,
    action: e.action,
    target: e.target,
    detail: JSON.stringify(e.detail ?? {}),
  };
}

export async function recordAuditInTx(tx: ManagedTransaction, e: AuditEvent): Promise<void> {
  await tx.run(Q.RECORD_EVENT, params(e));
}
export async function recordAudit(graph: Graph, e: AuditEvent): Promise<void> {
  await graph.write(Q.RECORD_EVENT, params(e));
}
export async function auditPage(graph: Graph, tenant: string, opts: { first: number; before?: string | null; action?: string | null }) {
  const rows = await graph.read<{ event: { id: string; at: string; actor: string; action: string; target: string; detail: string } }>(
    Q.EVENTS_PAGE,
    {
      tenant,
      first: opts.first,
      before: opts.before ?? null,
      action: opts.action ?? null,
    },
  );
  return rows.map((r) => ({ ...r.event, detail: JSON.parse(r.event.detail) }));
}
