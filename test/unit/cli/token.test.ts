import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { runTokenCli } from '../../../src/cli/token';
import { fileAuthenticator } from '../../../src/api/auth';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'uflpa-token-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runTokenCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out, err: err.join('\n') };
}
const req = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, socket: {} }) as unknown as IncomingMessage;

describe('token CLI', () => {
  it('creates a token, prints it once and stores only its hash', async () => {
    const file = join(dir, 'tokens.json');
    const r = cli(['create', '--tenant', 'acme', '--role', 'IMPORTER', '--id', 'acme-import', '--file', file]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const token = r.out[0];
    expect(token).toMatch(/^uft_[A-Za-z0-9_-]{43}$/);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(4, 20));
    expect(JSON.parse(text).tokens[0]).toMatchObject({ id: 'acme-import', tenant: 'acme', role: 'IMPORTER' });
    expect(statSync(file).mode & 0o077).toBe(0); // readable by its owner only
    const auth = fileAuthenticator(file, { perMinute: 100 });
    expect(await auth(req(token))).toEqual({ tokenId: 'acme-import', tenant: 'acme', role: 'IMPORTER' });

    const second = cli(['create', '--tenant', 'acme', '--role', 'admin', '--file', file]);
    expect(second.out[0]).not.toBe(token);
    expect((await auth(req(second.out[0]))).role).toBe('ADMIN'); // picked up without a restart
  });

  it('revokes by id: the server stops accepting the token on its next request', async () => {
    const file = join(dir, 'revoke.json');
    const token = cli(['create', '--tenant', 'acme', '--role', 'IMPORTER', '--id', 'gone', '--file', file]).out[0];
    const keep = cli(['create', '--tenant', 'acme', '--role', 'IMPORTER', '--id', 'kept', '--file', file]).out[0];
    const auth = fileAuthenticator(file, { perMinute: 100 });
    expect((await auth(req(token))).tokenId).toBe('gone');
    // no wait for a new mtime: revoking shortens the file, and a change of size alone makes the server re-read it
    expect(cli(['revoke', '--id', 'gone', '--file', file]).code).toBe(0);
    await expect(auth(req(token))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect((await auth(req(keep))).tokenId).toBe('kept');
    expect(cli(['revoke', '--id', 'gone', '--file', file])).toMatchObject({
      code: 2,
      err: expect.stringContaining('no token with id "gone"'),
    });
  });

  it('creates cross-tenant investigators and lists tokens without secrets', () => {
    const file = join(dir, 'list.json');
    cli([
      'create',
      '--tenant',
      'hq',
      '--role',
      'INVESTIGATOR',
      '--tenants',
      'acme,globex',
      '--id',
      'hq-inv',
      '--note',
      'audit team',
      '--file',
      file,
    ]);
    const listed = cli(['list'], { API_TOKENS_FILE: file });
    expect(listed.out[0]).toMatch(/^hq-inv\tINVESTIGATOR\thq reads=acme,globex\tcreated .*\taudit team$/);
    expect(listed.out.join('\n')).not.toMatch(/[0-9a-f]{64}/);
  });

  it('refuses bad input with a usage message and leaves the file alone', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ tokens: [] }));
    const cases: [string[], RegExp][] = [
      [['create', '--tenant', 'acme', '--role', 'ROOT', '--file', file], /--role must be one of/],
      [['create', '--tenant', 'a b', '--role', 'ADMIN', '--file', file], /--tenant must be a tenant name/],
      [['create', '--tenant', 'acme', '--role', 'IMPORTER', '--tenants', '*', '--file', file], /INVESTIGATOR tokens only/],
      [['create', '--tenant', 'acme', '--role', 'IMPORTER'], /name the token file/],
      [['create', '--tenant', '--role', 'IMPORTER', '--file', file], /--tenant needs a value/],
      [['rotate', '--file', file], /unknown command "rotate"/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toEqual([]);
    }
    cli(['create', '--tenant', 'acme', '--role', 'IMPORTER', '--id', 'x', '--file', file]);
    expect(cli(['create', '--tenant', 'acme', '--role', 'IMPORTER', '--id', 'x', '--file', file]).err).toMatch(/exists/);
    expect(JSON.parse(readFileSync(file, 'utf8')).tokens).toHaveLength(1);
  });

  it('runs as `npx tsx src/cli/token.ts create ...`', () => {
    const file = join(dir, 'npx.json');
    const root = join(__dirname, '..', '..', '..');
    const r = spawnSync(
      join(root, 'node_modules', '.bin', 'tsx'),
      ['src/cli/token.ts', 'create', '--tenant', 'acme', '--role', 'IMPORTER', '--file', file],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^uft_[A-Za-z0-9_-]{43}$/);
    expect(r.stderr).toMatch(/shown once/);
  }, 30_000);

  it('refuses a note the text policy refuses, and lists notes with invisible characters escaped', () => {
    const file = join(dir, 'notes.json');
    const bad = cli(['create', '--tenant', 'acme', '--role', 'IMPORTER', '--note', 'ops \u202eteam', '--file', file]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain(
      'note must not contain direction overrides, embeddings or isolates (U+202E RIGHT-TO-LEFT OVERRIDE at character 5)',
    );
    expect(cli(['create', '--tenant', 'acme', '--role', 'IMPORTER', '--id', 'n1', '--note', 'ops\u200bteam', '--file', file]).code).toBe(0);
    expect(cli(['list', '--file', file]).out.join('\n')).toContain('ops⟨U+200B⟩team');
  });
});
