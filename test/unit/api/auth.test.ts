import { mkdtempSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { GraphQLError } from 'graphql';
import {
  authenticatorFromEnv,
  fileAuthenticator,
  hashToken,
  parseTokenFile,
  RateLimiter,
  tenantFor,
  tokenAuthenticator,
  TokenRecord,
} from '../../../src/api/auth';

const req = (headers: Record<string, string | string[]> = {}, address = '127.0.0.1') =>
  ({ headers, socket: { remoteAddress: address } }) as unknown as IncomingMessage;
const bearer = (token: string, extra: Record<string, string> = {}) => req({ authorization: `Bearer ${token}`, ...extra });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return String((e as GraphQLError).extensions?.code ?? (e as Error).message);
  }
}

const rec = (id: string, tenant: string, role: TokenRecord['role'], token: string, extra: Partial<TokenRecord> = {}) => ({
  id,
  tenant,
  role,
  sha256: hashToken(token),
  ...extra,
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'uflpa-auth-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('token file', () => {
  it('parses records and keys them by hash, never by the token', () => {
    const m = parseTokenFile(JSON.stringify({ tokens: [rec('a', 'acme', 'IMPORTER', 'secret-a')] }), 'f');
    expect([...m.keys()]).toEqual([hashToken('secret-a')]);
    expect(JSON.stringify([...m.values()])).not.toContain('secret-a');
  });

  it.each([
    ['not json', '{', /not valid JSON/],
    ['no list', '{"tokens": 1}', /expected \{"tokens"/],
    ['bad role', JSON.stringify({ tokens: [{ ...rec('a', 'acme', 'IMPORTER', 'x'), role: 'ROOT' }] }), /role must be one of/],
    ['bad hash', JSON.stringify({ tokens: [{ ...rec('a', 'acme', 'IMPORTER', 'x'), sha256: 'abc' }] }), /sha256 must be/],
    ['bad tenant', JSON.stringify({ tokens: [rec('a', 'ac me\n', 'IMPORTER', 'x')] }), /tenant must be/],
    ['duplicate id', JSON.stringify({ tokens: [rec('a', 'acme', 'IMPORTER', 'x'), rec('a', 'acme', 'ADMIN', 'y')] }), /used twice/],
    ['duplicate token', JSON.stringify({ tokens: [rec('a', 'acme', 'IMPORTER', 'x'), rec('b', 'acme', 'ADMIN', 'x')] }), /same token/],
    [
      'tenants on an importer',
      JSON.stringify({ tokens: [rec('a', 'acme', 'IMPORTER', 'x', { tenants: '*' })] }),
      /INVESTIGATOR tokens only/,
    ],
    ['bad tenants', JSON.stringify({ tokens: [rec('a', 'acme', 'INVESTIGATOR', 'x', { tenants: 'all' as '*' })] }), /tenants must be/],
  ])('rejects %s with a clear message', (_name, text, message) => {
    expect(() => parseTokenFile(text, 'tokens.json')).toThrow(message);
  });
});

describe('file authenticator', () => {
  it('authenticates, rejects a missing or wrong token, and rotates without restart', async () => {
    const file = join(dir, 'rotate.json');
    writeFileSync(file, JSON.stringify({ tokens: [rec('old', 'acme', 'IMPORTER', 'old-token')] }));
    const auth = fileAuthenticator(file, { perMinute: 1000 });
    expect(await auth(bearer('old-token'))).toEqual({ tokenId: 'old', tenant: 'acme', role: 'IMPORTER' });
    expect(await codeOf(auth(req()))).toBe('UNAUTHENTICATED');
    expect(await codeOf(auth(req({ authorization: 'Basic abc' })))).toBe('UNAUTHENTICATED');
    expect(await codeOf(auth(bearer('wrong')))).toBe('UNAUTHENTICATED');

    writeFileSync(file, JSON.stringify({ tokens: [rec('new', 'acme', 'ADMIN', 'new-token')] }));
    utimesSync(file, new Date(), new Date(Date.now() + 5000)); // a new mtime even on coarse clocks
    expect(await codeOf(auth(bearer('old-token')))).toBe('UNAUTHENTICATED');
    expect(await auth(bearer('new-token'))).toEqual({ tokenId: 'new', tenant: 'acme', role: 'ADMIN' });
  });

  it('keeps the last good set when the file is half written or gone, and fails at start on a bad file', async () => {
    const file = join(dir, 'half.json');
    writeFileSync(file, JSON.stringify({ tokens: [rec('a', 'acme', 'IMPORTER', 'tok')] }));
    const notes: string[] = [];
    const auth = fileAuthenticator(file, { perMinute: 1000, onError: (m) => notes.push(m) });
    writeFileSync(file, '{"tokens": [');
    expect((await auth(bearer('tok'))).tokenId).toBe('a');
    rmSync(file);
    expect((await auth(bearer('tok'))).tokenId).toBe('a');
    expect(notes.join('\n')).toMatch(/keeping the last good set/);
    writeFileSync(join(dir, 'bad.json'), 'nope');
    expect(() => fileAuthenticator(join(dir, 'bad.json'), { perMinute: 1 })).toThrow(/not valid JSON/);
  });

  it('rate-limits per token with RATE_LIMITED and a retry time', async () => {
    const tokens = parseTokenFile(
      JSON.stringify({ tokens: [rec('a', 'acme', 'IMPORTER', 'ta'), rec('b', 'acme', 'IMPORTER', 'tb')] }),
      'f',
    );
    const auth = tokenAuthenticator(() => tokens, { perMinute: 3 });
    for (let i = 0; i < 3; i++) await auth(bearer('ta'));
    let err: GraphQLError | undefined;
    try {
      await auth(bearer('ta'));
    } catch (e) {
      err = e as GraphQLError;
    }
    expect(err?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(err?.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(err?.message).toMatch(/rate limit of 3 requests per minute exceeded for token "a"/);
    expect((await auth(bearer('tb'))).tokenId).toBe('b'); // another token has its own budget
  });

  it('slows down guessing: failed authentications per address are limited too', async () => {
    const auth = tokenAuthenticator(() => new Map(), { perMinute: 100, failuresPerMinute: 5 });
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) codes.push(await codeOf(auth(req({ authorization: `Bearer guess${i}` }, '10.0.0.9'))));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect(await codeOf(auth(req({ authorization: 'Bearer x' }, '10.0.0.10')))).toBe('UNAUTHENTICATED');
  });
});

describe('rate limiter', () => {
  it('refills continuously and bounds its memory', () => {
    const l = new RateLimiter(60, 100);
    for (let i = 0; i < 60; i++) expect(l.take('k', 0)).toBe(true);
    expect(l.take('k', 0)).toBe(false);
    expect(l.take('k', 500)).toBe(false);
    expect(l.take('k', 1100)).toBe(true); // one request per second comes back
    for (let i = 0; i < 1000; i++) l.take(`key-${i}`, 2000 + i);
    expect(l.size).toBeLessThanOrEqual(100);
  });
});

describe('cross-tenant reads (X-Tenant)', () => {
  const investigator = rec('inv', 'hq', 'INVESTIGATOR', 't', { tenants: ['acme'] });
  const anywhere = rec('inv2', 'hq', 'INVESTIGATOR', 't', { tenants: '*' });
  const plain = rec('inv3', 'hq', 'INVESTIGATOR', 't');
  const importer = rec('imp', 'acme', 'IMPORTER', 't');

  const codeFor = (r: TokenRecord, requested: string | undefined, allow: boolean) => {
    try {
      return tenantFor(r, requested, allow);
    } catch (e) {
      return `${(e as GraphQLError).extensions.code}: ${(e as Error).message}`;
    }
  };

  it("acts in the token's own tenant by default and when X-Tenant names it", () => {
    expect(codeFor(importer, undefined, false)).toBe('acme');
    expect(codeFor(importer, 'acme', false)).toBe('acme');
    expect(codeFor(investigator, '', true)).toBe('hq');
  });

  it('lets a listed investigator read another tenant only where the deployment allows it', () => {
    expect(codeFor(investigator, 'acme', true)).toBe('acme');
    expect(codeFor(anywhere, 'globex', true)).toBe('globex');
    expect(codeFor(investigator, 'acme', false)).toMatch(/^FORBIDDEN: cross-tenant reads are switched off/);
  });

  it('refuses everyone else the same way whether or not the tenant exists', () => {
    expect(codeFor(investigator, 'globex', true)).toBe('FORBIDDEN: this token may not read tenant "globex"');
    expect(codeFor(investigator, 'no-such-tenant', true)).toBe('FORBIDDEN: this token may not read tenant "no-such-tenant"');
    expect(codeFor(plain, 'acme', true)).toMatch(/^FORBIDDEN: this token may not read tenant/);
    expect(codeFor(importer, 'globex', true)).toMatch(/^FORBIDDEN: this IMPORTER token acts only in its own tenant/);
    expect(codeFor(investigator, "acme' OR 1=1", true)).toMatch(/^BAD_REQUEST: X-Tenant must be a tenant name/);
  });

  it('wires X-Tenant through the authenticator', async () => {
    const tokens = parseTokenFile(JSON.stringify({ tokens: [rec('inv', 'hq', 'INVESTIGATOR', 'ti', { tenants: ['acme'] })] }), 'f');
    const allowed = tokenAuthenticator(() => tokens, { perMinute: 100, allowInvestigatorCrossTenant: true });
    expect(await allowed(bearer('ti', { 'x-tenant': 'acme' }))).toEqual({ tokenId: 'inv', tenant: 'acme', role: 'INVESTIGATOR' });
    const off = tokenAuthenticator(() => tokens, { perMinute: 100, allowInvestigatorCrossTenant: false });
    expect(await codeOf(off(bearer('ti', { 'x-tenant': 'acme' })))).toBe('FORBIDDEN');
    expect(await codeOf(allowed(req({ authorization: 'Bearer ti', 'x-tenant': ['acme', 'hq'] })))).toBe('BAD_REQUEST');
  });
});

describe('configuration', () => {
  it('reads tokens from API_TOKENS_FILE or API_TOKENS, and is off without either', async () => {
    expect(authenticatorFromEnv({}, { perMinute: 10 })).toBeUndefined();
    const fromEnv = authenticatorFromEnv(
      { API_TOKENS: JSON.stringify({ tokens: [rec('e', 'acme', 'ADMIN', 'env-token')] }) },
      { perMinute: 10 },
    );
    expect(fromEnv?.source).toBe('the API_TOKENS variable');
    expect(await fromEnv!.authenticate(bearer('env-token'))).toEqual({ tokenId: 'e', tenant: 'acme', role: 'ADMIN' });
    const file = join(dir, 'env-file.json');
    writeFileSync(file, JSON.stringify({ tokens: [rec('f', 'acme', 'IMPORTER', 'file-token')] }));
    const fromFile = authenticatorFromEnv({ API_TOKENS_FILE: file, API_TOKENS: '{}' }, { perMinute: 10 });
    expect(fromFile?.source).toBe(`file ${file}`);
    expect((await fromFile!.authenticate(bearer('file-token'))).tokenId).toBe('f');
  });
});
