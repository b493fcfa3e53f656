// API tokens for the file that API_TOKENS_FILE names. The token itself is printed once and
// never stored: the file keeps its SHA-256 only. The server re-reads the file on change,
// so creating or revoking a token needs no restart.
//
//   npx tsx src/cli/token.ts create --tenant acme --role IMPORTER --file tokens.json [--id acme-import] [--note "..."]
//   npx tsx src/cli/token.ts create --tenant hq --role INVESTIGATOR --tenants acme,globex --file tokens.json
//   npx tsx src/cli/token.ts revoke --id acme-import --file tokens.json
//   npx tsx src/cli/token.ts list --file tokens.json
//
// --file defaults to API_TOKENS_FILE. Writes go to a temporary file renamed over the old
// one, so the server never reads half a file.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { Role } from '../services';
import { hashToken, isTenantName, isTokenId, parseTokenFile, ROLES, TokenRecord } from '../api/auth';
import { showInvisible } from '../model/text/policy';

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

const USAGE = `usage:
  token create --tenant <tenant> --role IMPORTER|INVESTIGATOR|ADMIN [--id <id>] [--tenants a,b|*] [--note <text>] [--file tokens.json]
  token revoke --id <id> [--file tokens.json]
  token list [--file tokens.json]
(--file defaults to API_TOKENS_FILE)`;

function parseArgs(args: string[]): { command: string | undefined; opts: Map<string, string> } {
  const [command, ...rest] = args;
  const opts = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    if (eq > 0) {
      opts.set(a.slice(2, eq), a.slice(eq + 1));
      continue;
    }
    const v = rest[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
    opts.set(a.slice(2), v);
    i += 1;
  }
  return { command, opts };
}

/** A new token: 32 random bytes, base64url, with a prefix that makes leaked tokens easy to grep for. */
export function newToken(): string {
  return `uft_${randomBytes(32).toString('base64url')}`;
}

function readRecords(file: string): TokenRecord[] {
  if (!existsSync(file)) return [];
  return [...parseTokenFile(readFileSync(file, 'utf8'), file).values()];
}

function writeRecords(file: string, records: TokenRecord[]): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const text = `${JSON.stringify({ tokens: records }, null, 2)}\n`;
  parseTokenFile(text, file); // never write a file the server would refuse
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
  try {
    chmodSync(file, 0o600);
  } catch {
    /* not ours to change */
  }
}

export function runTokenCli(args: string[], io: CliIO): number {
  try {
    const { command, opts } = parseArgs(args);
    const file = opts.get('file') ?? io.env.API_TOKENS_FILE;
    if (command === undefined || command === 'help' || command === '--help') {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    if (!file) throw new UsageError('name the token file with --file (or set API_TOKENS_FILE)');
    switch (command) {
      case 'create': {
        const tenant = opts.get('tenant');
        const role = opts.get('role')?.toUpperCase() as Role | undefined;
        if (!isTenantName(tenant)) throw new UsageError('--tenant must be a tenant name: letters, digits and . _ : - (at most 100)');
        if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
        const records = readRecords(file);
        const id = opts.get('id') ?? `${tenant}-${role.toLowerCase()}-${randomBytes(3).toString('hex')}`;
        if (!isTokenId(id)) throw new UsageError('--id must be 1-100 letters, digits or . _ : @ -');
        if (records.some((r) => r.id === id))
          throw new UsageError(`a token with id "${id}" exists; revoke it first or choose another --id`);
        let tenants: TokenRecord['tenants'];
        const raw = opts.get('tenants');
        if (raw !== undefined) {
          if (role !== 'INVESTIGATOR') throw new UsageError('--tenants is for INVESTIGATOR tokens only');
          tenants =
            raw === '*'
              ? '*'
              : raw
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean);
          if (tenants !== '*' && (!tenants.length || !tenants.every(isTenantName)))
            throw new UsageError('--tenants must be "*" or a comma-separated list of tenant names');
        }
        const token = newToken();
        const record: TokenRecord = {
          id,
          tenant,
          role,
          sha256: hashToken(token),
          ...(tenants !== undefined ? { tenants } : {}),
          ...(opts.has('note') ? { note: opts.get('note') } : {}),
          createdAt: new Date().toISOString(),
        };
        writeRecords(file, [...records, record]);
        io.err(
          `token "${id}" (${role} of tenant "${tenant}"${tenants ? `, may read ${tenants === '*' ? 'every tenant' : tenants.join(', ')}` : ''}) added to ${file}.`,
        );
        io.err('It is shown once, here; only its SHA-256 is stored. Send it as "Authorization: Bearer <token>".');
        io.out(token);
        return 0;
      }
      case 'revoke': {
        const id = opts.get('id');
        if (!id) throw new UsageError('revoke needs --id');
        const records = readRecords(file);
        const left = records.filter((r) => r.id !== id);
        if (left.length === records.length) throw new UsageError(`no token with id "${id}" in ${file}`);
        writeRecords(file, left);
        io.err(`token "${id}" revoked; the server stops accepting it on its next request.`);
        return 0;
      }
      case 'list': {
        for (const r of readRecords(file)) {
          const extra = r.tenants ? ` reads=${r.tenants === '*' ? '*' : r.tenants.join(',')}` : '';
          io.out(
            `${r.id}\t${r.role}\t${r.tenant}${extra}${r.createdAt ? `\tcreated ${r.createdAt}` : ''}${r.note ? `\t${showInvisible(r.note)}` : ''}`,
          );
        }
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    io.err(e instanceof UsageError ? `${e.message}\n${USAGE}` : (e as Error).message);
    return e instanceof UsageError ? 2 : 1;
  }
}

if (require.main === module) {
  process.exitCode = runTokenCli(process.argv.slice(2), {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    env: process.env,
  });
}
