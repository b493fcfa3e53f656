// GraphQL over fetch, with the bearer token kept in this browser tab's session storage.
import type * as Schema from './generated/types';

const TOKEN_KEY = 'uflpa-trace.token';

export function getToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}
export function setToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage disabled: the token lasts for this page only */
  }
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

function authHeaders(): Record<string, string> {
  const t = getToken();
  return t ? { authorization: `Bearer ${t}` } : {};
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers name the answer's type where they use it
export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeaders() },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new ApiError(`cannot reach the server: ${(e as Error).message}`);
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`the server answered ${res.status} without JSON`, undefined, res.status);
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    if (e.extensions?.code === 'UNAUTHENTICATED') window.dispatchEvent(new CustomEvent('uflpa:unauthenticated', { detail: e.message }));
    throw new ApiError(e.message, e.extensions?.code, res.status);
  }
  return body.data as T;
}

/** POSTs a file as the request body with the token; the status and the JSON answer (errors included). */
export async function postFile(path: string, file: Blob, contentType: string): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: { 'content-type': contentType, ...authHeaders() }, body: file });
  } catch (e) {
    throw new ApiError(`cannot reach the server: ${(e as Error).message}`);
  }
  try {
    return { status: res.status, body: await res.json() };
  } catch {
    throw new ApiError(`the server answered ${res.status} without JSON`, undefined, res.status);
  }
}

/** Fetches a file with the token and hands it to the browser as a download. */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const res = await fetch(path, { headers: authHeaders() });
  if (!res.ok) {
    let msg = `download failed (${res.status})`;
    try {
      const j = await res.json();
      msg = j.errors?.[0]?.message ?? msg;
    } catch {
      /* not JSON */
    }
    throw new ApiError(msg, undefined, res.status);
  }
  const blob = await res.blob();
  const m = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  const name = m?.[1] ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}

/** Ids per look-up request: the server refuses more than 100 aliases in one (GRAPHQL_MAX_ALIASES). */
export const LOOKUP_CHUNK = 50;

/** Looks up many firms and facilities by id: 50 of each per request (aliased fields), the requests in parallel. */
export async function lookup(
  firmIds: string[],
  facilityIds: string[],
): Promise<{ firms: Map<string, Firm>; facilities: Map<string, Facility> }> {
  const firms = new Map<string, Firm>();
  const facilities = new Map<string, Facility>();
  const allFirms = [...new Set(firmIds)];
  const allFacilities = [...new Set(facilityIds)];
  const chunks = Math.ceil(Math.max(allFirms.length, allFacilities.length) / LOOKUP_CHUNK);
  const parts = await Promise.all(
    Array.from({ length: chunks }, (_, c) =>
      lookupChunk(allFirms.slice(c * LOOKUP_CHUNK, (c + 1) * LOOKUP_CHUNK), allFacilities.slice(c * LOOKUP_CHUNK, (c + 1) * LOOKUP_CHUNK)),
    ),
  );
  for (const part of parts) {
    for (const [k, v] of part.firms) firms.set(k, v);
    for (const [k, v] of part.facilities) facilities.set(k, v);
  }
  return { firms, facilities };
}

async function lookupChunk(fi: string[], fa: string[]): Promise<{ firms: Map<string, Firm>; facilities: Map<string, Facility> }> {
  const firms = new Map<string, Firm>();
  const facilities = new Map<string, Facility>();
  if (!fi.length && !fa.length) return { firms, facilities };
  const vars: Record<string, string> = {};
  const decl: string[] = [];
  const fields: string[] = [];
  fi.forEach((id, i) => {
    vars[`m${i}`] = id;
    decl.push(`$m${i}: ID!`);
    fields.push(`m${i}: firm(id: $m${i}) { ...Fm }`);
  });
  fa.forEach((id, i) => {
    vars[`a${i}`] = id;
    decl.push(`$a${i}: ID!`);
    fields.push(`a${i}: facility(id: $a${i}) { ...Fa }`);
  });
  const q = `query Lookup(${decl.join(', ')}) { ${fields.join('\n')} }
${fi.length ? 'fragment Fm on Firm { id name aliases localName country registrationId address city province }' : ''}
${fa.length ? 'fragment Fa on Facility { id name firmId kind address city province country lat lon osId }' : ''}`;
  const data = await gql<Record<string, Firm | Facility | null>>(q, vars);
  for (const [k, v] of Object.entries(data)) {
    if (!v) continue;
    if (k.startsWith('m')) firms.set(v.id, v as Firm);
    else facilities.set(v.id, v as Facility);
  }
  return { firms, facilities };
}

// What the page reads, as the types generated from schema.graphql (npm run codegen) narrowed to the fields it selects.
export type Firm = Pick<
  Schema.Firm,
  'id' | 'name' | 'aliases' | 'localName' | 'country' | 'registrationId' | 'address' | 'city' | 'province'
> & {
  facilities?: Pick<Schema.Facility, 'id' | 'name' | 'city' | 'country'>[];
};
export type Facility = Schema.Facility;
export type RiskFlag = Schema.RiskFlag;
export type TraceHop = Schema.TraceHop;
export type TraceParty = Schema.TraceParty;
export type ShipmentTrace = Schema.ShipmentTrace;
export type Shipment = Schema.Shipment;
export type Packet = Pick<
  Schema.RebuttalPacket,
  'kind' | 'verdict' | 'completeness' | 'fingerprint' | 'exhibits' | 'gaps' | 'downloads' | 'identicalShipments'
>;
export type StoredMatch = Schema.StoredScreeningMatch;
export type GraphNode = Schema.GraphNode;
export type GraphEdge = Omit<Schema.GraphEdge, 'date'> & { date?: Schema.GraphEdge['date'] };
export type ExposedShipment = Pick<Schema.ExposedShipment, 'shipmentId' | 'tier' | 'path'> & {
  via: Pick<Schema.ExposureVia, 'kind' | 'firmId' | 'firmName' | 'chain' | 'chainNames' | 'shares' | 'heldIn'> & {
    heldWith: Pick<Schema.HeldShare, 'firmName' | 'share'>[];
  };
};
