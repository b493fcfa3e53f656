// Bearer tokens from a JSON file (or the API_TOKENS variable), stored as SHA-256 hashes;
// the file is re-read when it changes (rotation without restart). Each token has a tenant
// and a role. With no tokens configured the server runs in local mode (every request is
// ADMIN of "default") and says so at start-up.
//
// Token file: {"tokens": [{"id": "acme-import", "tenant": "acme", "role": "IMPORTER", "sha256": "<hex>"}]}
// `npx tsx src/cli/token.ts create ...` writes records; nothing stores a token in clear.
//
// Cross-tenant reads: an INVESTIGATOR token whose record lists `"tenants": ["a", "b"]` (or
// `"*"`) may send `X-Tenant: a` to act in tenant a, but only where the deployment sets
// ALLOW_INVESTIGATOR_CROSS_TENANT=true. Everything downstream uses the principal's tenant,
// so that one decision here scopes every resolver and every query. Refusals read the same
// whether the tenant exists or not.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Principal, Role } from '../services';
import { normalizeText, textProblem } from '../model/text/policy';

export interface TokenRecord {
  id: string;
  tenant: string;
  role: Role;
  sha256: string;
  /** INVESTIGATOR only: other tenants this token may read through X-Tenant ("*" = any). */
  tenants?: string[] | '*';
  /** Free text for operators (who holds it, what for). */
  note?: string;
  createdAt?: string;
}
export const ROLES: Role[] = ['IMPORTER', 'INVESTIGATOR', 'ADMIN'];

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const TENANT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
/** Tenant names: letters, digits and . _ : - (at most 100), starting with a letter or digit. */
export const isTenantName = (s: unknown): s is string => typeof s === 'string' && TENANT_PATTERN.test(s);
const TOKEN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
export const isTokenId = (s: unknown): s is string => typeof s === 'string' && TOKEN_ID_PATTERN.test(s);

export function parseTokenFile(text: string, where: string): Map<string, TokenRecord> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${where}: not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  const list = (json as { tokens?: unknown } | null)?.tokens;
  if (!Array.isArray(list)) throw new Error(`${where}: expected {"tokens": [...]}`);
  const out = new Map<string, TokenRecord>();
  const ids = new Set<string>();
  list.forEach((t: Partial<TokenRecord> | null, i) => {
    if (!t || typeof t !== 'object') throw new Error(`${where}: tokens[${i}] must be an object`);
    if (!isTokenId(t.id)) throw new Error(`${where}: tokens[${i}].id must be 1-100 letters, digits or . _ : @ -`);
    if (!isTenantName(t.tenant))
      throw new Error(`${where}: tokens[${i}].tenant must be 1-100 letters, digits or . _ : - (starting with a letter or digit)`);
    if (!ROLES.includes(t.role as Role)) throw new Error(`${where}: tokens[${i}].role must be one of ${ROLES.join(', ')}`);
    if (typeof t.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(t.sha256))
      throw new Error(`${where}: tokens[${i}].sha256 must be the SHA-256 hex of the token`);
    let tenants: TokenRecord['tenants'];
    if (t.tenants !== undefined) {
      if (t.role !== 'INVESTIGATOR') throw new Error(`${where}: tokens[${i}].tenants is for INVESTIGATOR tokens only`);
      if (t.tenants === '*') tenants = '*';
      else if (Array.isArray(t.tenants) && t.tenants.every(isTenantName)) tenants = [...t.tenants];
      else throw new Error(`${where}: tokens[${i}].tenants must be "*" or a list of tenant names`);
    }
    if (t.note !== undefined) {
      const problem = typeof t.note === 'string' ? textProblem(t.note, 'note') : 'must be a string';
      if (problem) throw new Error(`${where}: tokens[${i}].note ${problem}`);
    }
    if (ids.has(t.id)) throw new Error(`${where}: tokens[${i}].id "${t.id}" is used twice`);
    ids.add(t.id);
    const sha256 = t.sha256.toLowerCase();
    if (out.has(sha256)) throw new Error(`${where}: tokens[${i}] has the same token as "${out.get(sha256)!.id}"`);
    out.set(sha256, {
      id: t.id,
      tenant: t.tenant,
      role: t.role as Role,
      sha256,
      ...(tenants !== undefined ? { tenants } : {}),
      ...(typeof t.note === 'string' ? { note: normalizeText(t.note, 'note') } : {}),
      ...(typeof t.createdAt === 'string' ? { createdAt: t.createdAt } : {}),
    });
  });
  return out;
}

class Unauthenticated extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}
class RateLimited extends GraphQLError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds } });
  }
}
class Forbidden extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}
class BadRequest extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_REQUEST' } });
  }
}

/** Token bucket per key: `perMinute` requests, refilled continuously. */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly perMinute: number,
    private readonly maxKeys = 100_000,
  ) {}
  take(key: string, now = Date.now()): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + ((now - b.at) / 60_000) * this.perMinute);
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    if (!this.buckets.has(key) && this.buckets.size >= this.maxKeys) this.evict(now);
    this.buckets.set(key, b);
    return ok;
  }
  /** Seconds until the key has a request again. */
  retryAfter(key: string): number {
    const b = this.buckets.get(key);
    if (!b || b.tokens >= 1) return 0;
    return Math.max(1, Math.ceil(((1 - b.tokens) / this.perMinute) * 60));
  }
  get size(): number {
    return this.buckets.size;
  }
  /** Drops full buckets (idle keys), else the oldest: the map never outgrows maxKeys. */
  private evict(now: number) {
    for (const [k, v] of this.buckets) {
      if (v.tokens + ((now - v.at) / 60_000) * this.perMinute >= this.perMinute) this.buckets.delete(k);
    }
    if (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
  }
}

export interface AuthOptions {
  /** Requests per minute per token. */
  perMinute: number;
  /** Failed authentications per minute per client address before RATE_LIMITED (default 60). */
  failuresPerMinute?: number;
  /** Honour X-Tenant for INVESTIGATOR tokens that list the tenant (ALLOW_INVESTIGATOR_CROSS_TENANT). */
  allowInvestigatorCrossTenant?: boolean;
}

export type Authenticator = (req: IncomingMessage) => Promise<Principal>;

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  if (Array.isArray(v)) {
    if (v.length > 1) throw new BadRequest(`send one ${name} header, not ${v.length}`);
    return v[0];
  }
  return v;
}

/** The tenant a request acts in: the token's own, or another one an investigator may read. */
export function tenantFor(record: TokenRecord, requested: string | undefined, allowCrossTenant: boolean): string {
  if (requested === undefined || requested === '' || requested === record.tenant) return record.tenant;
  if (!isTenantName(requested)) throw new BadRequest('X-Tenant must be a tenant name: letters, digits and . _ : - (at most 100)');
  if (record.role !== 'INVESTIGATOR')
    throw new Forbidden(`this ${record.role} token acts only in its own tenant; drop the X-Tenant header`);
  if (!allowCrossTenant) throw new Forbidden('cross-tenant reads are switched off on this server (ALLOW_INVESTIGATOR_CROSS_TENANT)');
  const allowed = record.tenants === '*' || (Array.isArray(record.tenants) && record.tenants.includes(requested));
  // The same answer whether or not the tenant exists: a refusal never confirms a tenant name.
  if (!allowed) throw new Forbidden(`this token may not read tenant "${requested}"`);
  return requested;
}

/** Authenticates against a set of token records that `load()` returns (re-read as it likes). */
export function tokenAuthenticator(load: () => Map<string, TokenRecord>, opts: AuthOptions): Authenticator {
  const limiter = new RateLimiter(opts.perMinute);
  const failures = new RateLimiter(opts.failuresPerMinute ?? 60);
  const allowCross = opts.allowInvestigatorCrossTenant ?? process.env.ALLOW_INVESTIGATOR_CROSS_TENANT === 'true';
  const fail = (req: IncomingMessage, message: string): never => {
    const who = req.socket?.remoteAddress ?? 'unknown';
    if (!failures.take(who)) {
      const wait = failures.retryAfter(who);
      throw new RateLimited(`too many failed authentications from this address; retry in ${wait} s`, wait);
    }
    throw new Unauthenticated(message);
  };
  return async (req: IncomingMessage): Promise<Principal> => {
    const header = headerValue(req, 'authorization') ?? '';
    const m = /^Bearer[ \t]+([\x21-\x7e]{1,512})[ \t]*$/i.exec(header);
    if (!m) return fail(req, 'send "Authorization: Bearer <token>"; this server has tokens configured');
    const record = load().get(hashToken(m[1]));
    if (!record) return fail(req, 'the token is not valid');
    if (!limiter.take(record.id)) {
      const wait = limiter.retryAfter(record.id);
      throw new RateLimited(
        `rate limit of ${opts.perMinute} requests per minute exceeded for token "${record.id}"; retry in ${wait} s`,
        wait,
      );
    }
    const tenant = tenantFor(record, headerValue(req, 'x-tenant')?.trim(), allowCross);
    return { tokenId: record.id, tenant, role: record.role };
  };
}

/**
 * Tokens from a file, re-read when its modification time or size changes. A file that
 * cannot be read or parsed after start-up (half written, removed for a moment) keeps the
 * last good set; at start-up it fails loudly.
 */
export function fileTokenSource(path: string, onError?: (message: string) => void): () => Map<string, TokenRecord> {
  let cache: { mtimeMs: number; size: number; tokens: Map<string, TokenRecord> } | undefined;
  let lastError = '';
  const load = () => {
    try {
      const st = statSync(path);
      if (!cache || cache.mtimeMs !== st.mtimeMs || cache.size !== st.size) {
        cache = { mtimeMs: st.mtimeMs, size: st.size, tokens: parseTokenFile(readFileSync(path, 'utf8'), path) };
        lastError = '';
      }
    } catch (e) {
      if (!cache) throw e;
      const message = (e as Error).message;
      if (message !== lastError) onError?.(`API token file not reloaded, keeping the last good set: ${message}`);
      lastError = message;
    }
    return cache.tokens;
  };
  load(); // fail at start-up on a bad file, not on the first request
  return load;
}

export function fileAuthenticator(path: string, opts: AuthOptions & { onError?: (message: string) => void }): Authenticator {
  return tokenAuthenticator(fileTokenSource(path, opts.onError), opts);
}

export interface AuthSettings {
  /** API_TOKENS_FILE: re-read on change. */
  apiTokensFile?: string;
  /** API_TOKENS: the same JSON in a variable, fixed until restart (used when there is no file). */
  apiTokens?: string;
  rateLimitPerMinute: number;
  /** ALLOW_INVESTIGATOR_CROSS_TENANT. */
  allowInvestigatorCrossTenant?: boolean;
}

/** The authenticator the settings ask for, and where its tokens come from; undefined in local mode. */
export function authenticatorFor(
  settings: AuthSettings,
  onError?: (message: string) => void,
): { authenticate: Authenticator; source: string } | undefined {
  const opts = { perMinute: settings.rateLimitPerMinute, allowInvestigatorCrossTenant: settings.allowInvestigatorCrossTenant ?? false };
  if (settings.apiTokensFile) {
    return { authenticate: fileAuthenticator(settings.apiTokensFile, { ...opts, onError }), source: `file ${settings.apiTokensFile}` };
  }
  if (settings.apiTokens) {
    const tokens = parseTokenFile(settings.apiTokens, 'API_TOKENS');
    return { authenticate: tokenAuthenticator(() => tokens, opts), source: 'the API_TOKENS variable' };
  }
  return undefined;
}

/** The same from environment variables (API_TOKENS_FILE, API_TOKENS, ALLOW_INVESTIGATOR_CROSS_TENANT). */
export function authenticatorFromEnv(
  env: NodeJS.ProcessEnv,
  opts: { perMinute: number; onError?: (message: string) => void },
): { authenticate: Authenticator; source: string } | undefined {
  return authenticatorFor(
    {
      apiTokensFile: env.API_TOKENS_FILE || undefined,
      apiTokens: env.API_TOKENS || undefined,
      rateLimitPerMinute: opts.perMinute,
      allowInvestigatorCrossTenant: env.ALLOW_INVESTIGATOR_CROSS_TENANT === 'true',
    },
    opts.onError,
  );
}
