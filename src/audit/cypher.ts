// Cypher of the audit log, named for what each does; every event is scoped by $tenant.

export const RECORD_EVENT = `
CREATE (e:AuditEvent {id: $id, tenant: $tenant, at: $at, actor: $actor, action: $action, target: $target, detail: $detail})`;

/** The tenant's events newest first, before a time and of one action when asked. */
export const EVENTS_PAGE = `
MATCH (e:AuditEvent {tenant: $tenant})
WHERE ($action IS NULL OR e.action = $action) AND ($before IS NULL OR e.at < $before)
RETURN e { .id, .at, .actor, .action, .target, .detail } AS event
ORDER BY e.at DESC, e.id DESC LIMIT toInteger($first)`;
