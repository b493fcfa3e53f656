// What a tenant's data looks like through the API, for comparing two servers (or two tenants) record
// by record: every shipment's trace and packet, every screening and duplicate-firm decision with
// who, when and notes, every exhibit's bytes and the audit log. It talks only HTTP and the exhibit
// store's find(), which the previous release has too: the upgrade test copies this file beside
// that release's code and runs it there, so both sides are read by the same code.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface ApiClient {
  /** base URL of a running server */
  url: string;
  /** headers that make a request act for `tenant` as an ADMIN named `actor` */
  headers(tenant: string, actor?: string): Record<string, string>;
}

/** The exhibit file stored for a document's `file` path in a tenant's space, or null. */
export type ExhibitReader = (tenant: string, file: string) => Promise<Buffer | null>;

/** Packet dates fixed, so a packet made today and one made tomorrow state the same dates. */
export const PACKET_DATES = { asOf: '2026-11-30', statusOn: '2026-12-01' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function gql(api: ApiClient, tenant: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...api.headers(tenant) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL for tenant ${tenant}: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

export async function shipmentIds(api: ApiClient, tenant: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const d = await gql(
      api,
      tenant,
      'query($after: String) { shipmentRisks(first: 200, after: $after) { items { shipmentId } hasNextPage endCursor } }',
      { after },
    );
    ids.push(...d.shipmentRisks.items.map((i: { shipmentId: string }) => i.shipmentId));
    if (!d.shipmentRisks.hasNextPage) return ids.sort();
    after = d.shipmentRisks.endCursor;
  }
}

const MATCH_FIELDS = `id firmId entityName status decidedBy decidedAt note agreedBy
  pendingDecision { status proposedBy note } disputes { by at note }`;
const DUPLICATE_FIELDS =
  'id firmIds basis reason status createdAt decidedBy decidedAt note agreedBy pendingDecision { status proposedBy note }';

export async function screeningDecisions(api: ApiClient, tenant: string) {
  const d = await gql(api, tenant, `{ screeningMatches(first: 500) { items { ${MATCH_FIELDS} } } }`);
  return d.screeningMatches.items as { id: string; status: string; disputes: unknown[] }[];
}

export async function duplicateDecisions(api: ApiClient, tenant: string) {
  const d = await gql(api, tenant, `{ duplicateFirms(first: 500) { items { ${DUPLICATE_FIELDS} } } }`);
  return d.duplicateFirms.items as { id: string; status: string }[];
}

/** Every shipment's trace as the API computes it now (verdict, tiers, each flag with its whole path). */
export async function traces(api: ApiClient, tenant: string, ids?: string[]) {
  const out: Record<string, unknown> = {};
  for (const id of ids ?? (await shipmentIds(api, tenant))) {
    const d = await gql(api, tenant, 'query($id: ID!) { traceShipment(id: $id) { verdict tiers flags { kind tier reason path } } }', {
      id,
    });
    out[id] = d.traceShipment;
  }
  return out;
}

/** Every shipment's packet in its markdown form, on fixed dates. */
export async function packets(api: ApiClient, tenant: string, ids?: string[]) {
  const out: Record<string, string> = {};
  const q = new URLSearchParams(PACKET_DATES).toString();
  for (const id of ids ?? (await shipmentIds(api, tenant))) {
    const res = await fetch(`${api.url}/packets/${encodeURIComponent(id)}.md?${q}`, { headers: api.headers(tenant) });
    if (res.status !== 200) throw new Error(`packet of ${tenant}/${id}: HTTP ${res.status} ${await res.text()}`);
    out[id] = await res.text();
  }
  return out;
}

/** SHA-256 and size of each named exhibit file in the tenant's space (null where none is stored). */
export async function exhibits(tenant: string, read: ExhibitReader, files: string[]) {
  const out: Record<string, { sha256: string; bytes: number } | null> = {};
  for (const file of [...new Set(files)].sort()) {
    const data = await read(tenant, file);
    out[file] = data && { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
  }
  return out;
}

/** The audit log, oldest first, without packet downloads (reading packets adds those). */
export async function auditLog(api: ApiClient, tenant: string) {
  const d = await gql(api, tenant, '{ auditLog(first: 1000) { id at actor action target detail } }');
  return (d.auditLog as { action: string; at: string; id: string }[])
    .filter((e) => e.action !== 'PACKET_DOWNLOAD')
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** `exhibitFiles`: the document `file` paths of the bundles the tenant was given. */
export async function snapshotTenant(api: ApiClient, tenant: string, read: ExhibitReader, exhibitFiles: string[]) {
  const ids = await shipmentIds(api, tenant);
  return {
    shipments: ids,
    traces: await traces(api, tenant, ids),
    packets: await packets(api, tenant, ids),
    screeningDecisions: await screeningDecisions(api, tenant),
    duplicateDecisions: await duplicateDecisions(api, tenant),
    exhibits: await exhibits(tenant, read, exhibitFiles),
    audit: await auditLog(api, tenant),
  };
}
export type TenantSnapshot = Awaited<ReturnType<typeof snapshotTenant>>;

/**
 * Decides some of every kind: matches confirmed, rejected and disputed in turn, duplicate pairs
 * confirmed and rejected in turn, each with a note, so every kind of decision is there to carry over.
 */
export async function reviewTenant(api: ApiClient, tenant: string): Promise<void> {
  for (const [i, m] of (await screeningDecisions(api, tenant)).entries()) {
    if (i % 3 === 0)
      await gql(api, tenant, 'mutation($id: ID!) { confirmMatch(id: $id, note: "same firm, checked register") { status } }', { id: m.id });
    else if (i % 3 === 1)
      await gql(api, tenant, 'mutation($id: ID!) { rejectMatch(id: $id, note: "different city") { status } }', { id: m.id });
    else
      await gql(api, tenant, 'mutation($id: ID!) { disputeMatch(id: $id, note: "our supplier is not this entity") { status } }', {
        id: m.id,
      });
  }
  for (const [i, p] of (await duplicateDecisions(api, tenant)).entries()) {
    if (i % 2 === 0)
      await gql(api, tenant, 'mutation($id: ID!) { confirmDuplicate(id: $id, note: "one registration, two files") { status } }', {
        id: p.id,
      });
    else await gql(api, tenant, 'mutation($id: ID!) { rejectDuplicate(id: $id, note: "different plants") { status } }', { id: p.id });
  }
}

/** Reads an exhibit through an exhibit store's find() (the same call in both releases). */
export function exhibitReader(store: { find(tenant: string, file: string): Promise<{ abs: string } | { reason: string }> }): ExhibitReader {
  return async (tenant, file) => {
    const found = await store.find(tenant, file);
    return 'abs' in found ? readFileSync(found.abs) : null;
  };
}
