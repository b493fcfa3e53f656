// Where exhibits live, as pure rules: each tenant a folder of its own that no other tenant
// name maps to, and document paths that can only name files inside it.
import fc from 'fast-check';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { exhibitPath, tenantFolder, MAX_EXHIBIT_PATH } from '../../../src/exhibits';
import { hostileString } from '../../fixtures/arbitraries';

const BASE = resolve('/srv/exhibits/tenants/t-0');

/** Path strings an attacker tries, built from traversal pieces and hostile text. */
const hostilePath = fc.oneof(
  hostileString(),
  fc
    .array(
      fc.oneof(
        fc.constantFrom('..', '.', '', '...', 'docs', 'a b', '%2e%2e', '..\\..', 'C:', '~', '\u0000', '\u202e', '新疆'),
        hostileString(),
      ),
      {
        maxLength: 8,
      },
    )
    .map((parts) => parts.join('/')),
  fc.constantFrom('/etc/passwd', '//server/share', 'C:\\Windows\\win.ini', 'c:/x', 'docs/../../other/x', './docs/a', 'docs/./a', 'docs//a'),
);

describe('tenant folders', () => {
  it('give every tenant its own folder, also tenants a case-insensitive disk or the readable prefix would merge', () => {
    const names = ['Acme', 'acme', 'ACME', 'a.c:me', 'a_c_me', 'a-c-me', 'acme ', '..', 'default'];
    const folders = names.map(tenantFolder);
    expect(new Set(folders.map((f) => f.toLowerCase())).size).toBe(names.length);
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.string({ maxLength: 120 }), (a, b) => {
        fc.pre(a !== b);
        expect(tenantFolder(a).toLowerCase()).not.toBe(tenantFolder(b).toLowerCase());
      }),
    );
  });

  it('is one plain folder name whatever the tenant is called', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(), fc.string({ unit: 'binary', maxLength: 300 })), (t) => {
        const f = tenantFolder(t);
        expect(f).toMatch(/^[a-z0-9_-]{1,40}-[0-9a-f]{16}$/);
        expect(f).not.toMatch(/^\.|\.\./);
      }),
    );
  });
});

describe('exhibit paths', () => {
  it('accept the paths bundles use', () => {
    expect(exhibitPath('docs/inv-2024-0301.pdf')).toEqual({ path: 'docs/inv-2024-0301.pdf' });
    expect(exhibitPath('合同/发票 2024.pdf')).toEqual({ path: '合同/发票 2024.pdf' });
    expect(exhibitPath('.well-known/x')).toEqual({ path: '.well-known/x' });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['/etc/passwd', /absolute/],
    ['C:/Windows/win.ini', /absolute/],
    ['../other-tenant/contract.txt', /"\.\." part/],
    ['docs/../../x', /"\.\." part/],
    ['docs//a', /empty/],
    ['./a', /"\."/],
    ['docs\\..\\x', /backslash/],
    ['a\u0000b', /control/],
    ['a\ud800b', /surrogate/],
    ['x'.repeat(MAX_EXHIBIT_PATH + 1), /longer than/],
    [`${'x'.repeat(256)}/a`, /longer than 255 bytes/],
    [Array(21).fill('a').join('/'), /deeper/],
  ])('refuse %j', (file, reason) => {
    expect(exhibitPath(file)).toEqual({ reason: expect.stringMatching(reason) });
  });

  it('never name a place outside the tenant folder, whatever the text', () => {
    fc.assert(
      fc.property(hostilePath, (file) => {
        const r = exhibitPath(file);
        if ('reason' in r) return;
        const abs = resolve(BASE, r.path);
        const rel = relative(BASE, abs);
        expect(rel).not.toBe('');
        expect(rel === '..' || rel.startsWith('../') || isAbsolute(rel)).toBe(false);
        expect(join(BASE, r.path)).toBe(abs); // nothing for the platform to normalise away
        expect(r.path.split('/')).not.toContain('..');
      }),
      { numRuns: 2000 },
    );
  });
});
