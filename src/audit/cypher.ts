// Cypher of the audit log, named for what each does; every event is scoped by $tenant.

export const RECORD_EVENT = `
CREATE (e:AuditEvent {id: $id, tenant: $tenant, at: $at, actor: $actor, action: $action, target: $target, detail: $detail})`;

/**
 * The tenant's events newest first, before a time and of one action when asked. Every event
 * has its time: naming it lets the (tenant, at) index serve the read instead of a label scan.
 */
export const EVENTS_PAGE = `
MATCH (e:AuditEvent) USING INDEX e:AuditEvent(tenant, at)
WHERE e.tenant = $tenant AND e.at IS NOT NULL
  AND ($action IS NULL OR e.action = $action) AND ($before IS NULL OR e.at < $before)
RETURN e { .id, .at, .actor, .action, .target, .detail } AS event
ORDER BY e.at DESC, e.id DESC LIMIT toInteger($first)`;
