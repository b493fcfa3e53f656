// The exhibit store on a real disk (no database): uploads land whole or not at all, inside
// the tenant's own folder, within the size limits, and with the declared SHA-256.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExhibitStore, NO_SUCH_EXHIBIT } from '../../../src/exhibits';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
async function* chunks(...parts: (string | Buffer)[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield Buffer.from(p);
}
async function* failingAfter(first: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(first);
  throw new Error('client went away');
}
const newStore = (limits = { maxBytes: 1000, tenantMaxBytes: 2500 }) =>
  new ExhibitStore(mkdtempSync(join(tmpdir(), 'exhibit-store-')), limits);
const leftovers = (s: ExhibitStore) => (existsSync(join(s.root, '.incoming')) ? readdirSync(join(s.root, '.incoming')) : []);

describe('ExhibitStore', () => {
  it('stores a stream at the path in the tenant folder and finds it there only', async () => {
    const s = newStore();
    const saved = await s.save('acme', 'docs/inv.txt', chunks('hello ', 'world'), { declaredSha256: sha('hello world').toUpperCase() });
    expect(saved).toEqual({ path: 'docs/inv.txt', bytes: 11, sha256: sha('hello world'), replaced: false });
    expect(readFileSync(join(s.tenantRoot('acme'), 'docs', 'inv.txt'), 'utf8')).toBe('hello world');
    const found = await s.find('acme', 'docs/inv.txt');
    expect(found).toMatchObject({ path: 'docs/inv.txt', bytes: 11 });
    expect((await s.read(found as never)).toString()).toBe('hello world');
    expect(await s.find('Acme', 'docs/inv.txt')).toEqual({ reason: NO_SUCH_EXHIBIT }); // another tenant, however alike
    expect(await s.find('globex', `../${s.tenantRoot('acme').split('/').pop()}/docs/inv.txt`)).toEqual({
      reason: expect.stringMatching(/"\.\." part/),
    });
    expect(leftovers(s)).toEqual([]);
  });

  it('replaces a file whole, and keeps the old one when the new one is refused or breaks off', async () => {
    const s = newStore();
    await s.save('acme', 'a.txt', chunks('old'));
    await expect(s.save('acme', 'a.txt', chunks('new'), { declaredSha256: sha('something else') })).rejects.toMatchObject({
      extensions: { code: 'SHA256_MISMATCH', receivedSha256: sha('new') },
    });
    await expect(s.save('acme', 'a.txt', chunks('x'.repeat(600), 'y'.repeat(600)))).rejects.toMatchObject({
      extensions: { code: 'LIMIT_EXCEEDED' },
      message: expect.stringMatching(/EXHIBIT_MAX_BYTES/),
    });
    await expect(s.save('acme', 'a.txt', chunks('x'), { contentLength: 5000 })).rejects.toMatchObject({
      extensions: { code: 'LIMIT_EXCEEDED' },
    });
    await expect(s.save('acme', 'a.txt', failingAfter('partial'))).rejects.toThrow(/went away/);
    expect(readFileSync(join(s.tenantRoot('acme'), 'a.txt'), 'utf8')).toBe('old');
    expect(leftovers(s)).toEqual([]);
    expect(await s.save('acme', 'a.txt', chunks('newer'))).toMatchObject({ replaced: true, bytes: 5 });
  });

  it("caps what one tenant holds (EXHIBIT_TENANT_MAX_BYTES), counting a replaced file's old size out", async () => {
    const s = newStore();
    await s.save('acme', 'a', chunks('x'.repeat(1000)));
    await s.save('acme', 'b', chunks('x'.repeat(1000)));
    await expect(s.save('acme', 'c', chunks('x'.repeat(600)))).rejects.toMatchObject({
      extensions: { code: 'LIMIT_EXCEEDED' },
      message: expect.stringMatching(/EXHIBIT_TENANT_MAX_BYTES/),
    });
    await s.save('acme', 'b', chunks('x'.repeat(1000))); // a replacement fits
    await s.save('globex', 'c', chunks('x'.repeat(1000))); // another tenant has its own allowance
    expect(await s.usage('acme')).toBe(2000);
  });

  it('refuses paths that leave the tenant, and folders a link leads out of', async () => {
    const s = newStore();
    for (const bad of ['../x', '/etc/passwd', 'a/../../x', 'a\\b']) {
      await expect(s.save('acme', bad, chunks('x'))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
    const outside = mkdtempSync(join(tmpdir(), 'exhibit-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    mkdirSync(s.tenantRoot('acme'), { recursive: true });
    symlinkSync(outside, join(s.tenantRoot('acme'), 'out'));
    await expect(s.save('acme', 'out/new.txt', chunks('x'))).rejects.toMatchObject({ message: expect.stringMatching(/leads out/) });
    expect(existsSync(join(outside, 'new.txt'))).toBe(false);
    expect(await s.find('acme', 'out/secret.txt')).toEqual({ reason: NO_SUCH_EXHIBIT });
    await s.save('acme', 'docs/a.txt', chunks('x'));
    await expect(s.save('acme', 'docs', chunks('x'))).rejects.toMatchObject({ message: expect.stringMatching(/is a folder/) });
    await expect(s.save('acme', 'docs/a.txt/b', chunks('x'))).rejects.toMatchObject({ message: expect.stringMatching(/is a file/) });
    expect(await s.find('acme', 'docs')).toEqual({ reason: NO_SUCH_EXHIBIT });
  });

  it('answers the same for a missing file, a folder and a link out, and names the size limit only for its own file', async () => {
    const s = newStore({ maxBytes: 10, tenantMaxBytes: 1000 });
    mkdirSync(join(s.tenantRoot('acme'), 'docs'), { recursive: true });
    writeFileSync(join(s.tenantRoot('acme'), 'docs', 'big.bin'), 'x'.repeat(11));
    expect(await s.find('acme', 'docs/none.txt')).toEqual({ reason: NO_SUCH_EXHIBIT });
    expect(await s.find('acme', 'docs')).toEqual({ reason: NO_SUCH_EXHIBIT });
    expect(await s.find('acme', 'docs/big.bin')).toEqual({ reason: expect.stringMatching(/larger than the exhibit limit/) });
  });

  it('clears upload leftovers older than an hour', async () => {
    const s = newStore();
    mkdirSync(join(s.root, '.incoming'), { recursive: true });
    writeFileSync(join(s.root, '.incoming', 'old.part'), 'x');
    expect(await s.sweepIncoming(Date.now() + 2 * 3600_000)).toBe(1);
    expect(leftovers(s)).toEqual([]);
  });
});
