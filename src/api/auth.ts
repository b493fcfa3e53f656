// Bearer tokens from a JSON file, stored as SHA-256 hashes and re-read when the file
// changes (rotation without restart). Each token has a tenant and a role. With no file
// configured the server runs in local mode (every request is ADMIN of "default").
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Principal, Role } from './context';

export interface TokenRecord { id: string; tenant: string; role: Role; sha256: string }
const ROLES: Role[] = ['IMPORTER', 'INVESTIGATOR', 'ADMIN'];

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function parseTokenFile(text: string, where: string): Map<string, TokenRecord> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${where}: not valid JSON: ${(e as Error).message}`);
  }
  const list = (json as { tokens?: unknown }).tokens;
  if (!Array.isArray(list)) throw new Error(`${where}: expected {"tokens": [...]}`);
  const out = new Map<string, TokenRecord>();
  list.forEach((t: Partial<TokenRecord>, i) => {
    if (!t || typeof t.id !== 'string' || typeof t.tenant !== 'string' || !t.tenant) throw new Error(`${where}: tokens[${i}] needs "id" and "tenant"`);
    if (!ROLES.includes(t.role as Role)) throw new Error(`${where}: tokens[${i}].role must be one of ${ROLES.join(', ')}`);
    if (typeof t.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(t.sha256)) throw new Error(`${where}: tokens[${i}].sha256 must be the SHA-256 hex of the token`);
    out.set(t.sha256.toLowerCase(), { id: t.id, tenant: t.tenant, role: t.role as Role, sha256: t.sha256.toLowerCase() });
  });
  return out;
}

class Unauthenticated extends GraphQLError {
  constructor(message: string) { super(message, { extensions: { code: 'UNAUTHENTICATED' } }); }
}
class RateLimited extends GraphQLError {
  constructor(message: string) { super(message, { extensions: { code: 'RATE_LIMITED' } }); }
}

/** Token bucket per token id: `perMinute` requests, refilled continuously. */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly perMinute: number) {}
  take(key: string, now = Date.now()): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + ((now - b.at) / 60_000) * this.perMinute);
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    return ok;
  }
}

export function fileAuthenticator(path: string, opts: { perMinute: number }) {
  let cache: { mtimeMs: number; tokens: Map<string, TokenRecord> } | undefined;
  const limiter = new RateLimiter(opts.perMinute);
  const tokens = () => {
    const st = statSync(path);
    if (!cache || cache.mtimeMs !== st.mtimeMs) cache = { mtimeMs: st.mtimeMs, tokens: parseTokenFile(readFileSync(path, 'utf8'), path) };
    return cache.tokens;
  };
  tokens(); // fail at start-up on a bad file, not on the first request
  return async (req: IncomingMessage): Promise<Principal> => {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new Unauthenticated('send "Authorization: Bearer <token>"; this server has tokens configured');
    let record: TokenRecord | undefined;
    try {
      record = tokens().get(hashToken(m[1]));
    } catch {
      record = cache?.tokens.get(hashToken(m[1])); // a half-written file keeps the last good set
    }
    if (!record) throw new Unauthenticated('the token is not valid');
    if (!limiter.take(record.id)) throw new RateLimited(`rate limit of ${opts.perMinute} requests per minute exceeded for token "${record.id}"`);
    return { tokenId: record.id, tenant: record.tenant, role: record.role };
  };
}
