// The command-line tools as an operator runs them (`npm run generate / import / cli`): each a
// child process through tsx against the test's Neo4j (NEO4J_URI etc. in the environment),
// checked by exit code, output, what it wrote to disk and what it stored in the graph.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueTenant } from './harness';
import { chainBundle, cottonTiers } from '../fixtures/scenarios';
import { loadConfig } from '../../src/config';
import { createGraph, Graph } from '../../src/graph/graph';
import type { Bundle } from '../../src/model/bundle';
import { documentedChain } from '../fixtures/packet-scenarios';
import { tenantFolder } from '../../src/exhibits';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
jest.setTimeout(240_000);

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs a CLI to its end (asynchronously, so a slow start never blocks this process). */
function cli(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString('utf8');
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')}: no exit within 180 s; output:\n${out}\n${err}`));
    }, 180_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}
/** stderr without Node's engine warnings, which are not the tool's. */
const said = (r: Run) =>
  r.err
    .split('\n')
    .filter((l) => l && !/ExperimentalWarning|--trace-warnings/.test(l))
    .join('\n');

let dir: string;
let graph: Graph;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'uflpa-cli-'));
  graph = createGraph(loadConfig());
});
afterAll(async () => {
  await graph?.close();
});

/** Nodes stored for a tenant, by label. */
async function storedCounts(tenant: string): Promise<Record<string, number>> {
  const rows = await graph.read<{ label: string; n: number }>(
    'MATCH (n {tenant: $tenant}) WHERE n:Firm OR n:Facility OR n:Flow OR n:Document OR n:Shipment OR n:Material RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label',
    { tenant },
  );
  return Object.fromEntries(rows.map((r) => [r.label, r.n]));
}

describe('generate (src/generate/cli.ts)', () => {
  it('writes one bundle of the asked size, the same bytes for the same seed', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    const r = await cli('src/generate/cli.ts', ['--flows', '40', '--seed', '7', '--prefix', 'g1', '--out', a]);
    expect({ code: r.code, err: said(r) }).toEqual({ code: 0, err: '' });
    expect(r.out).toMatch(/^generating 40 flows, seed 7, /);
    expect(r.out).toMatch(
      /\nwrote 1 file, [\d.]+ MB in [\d.]+ s: 40 flows, \d+ documents, \d+ firms, \d+ facilities, \d+ holdings, \d+ materials, \d+ shipments\n/,
    );
    expect(r.out).toContain(`import with: npm run import -- ${a}`);
    const bundle = JSON.parse(readFileSync(a, 'utf8')) as Bundle;
    expect(bundle.bundleVersion).toBe(1);
    expect(bundle.flows).toHaveLength(40);
    expect(bundle.flows.every((f) => f.id.startsWith('g1-'))).toBe(true);
    const shipments = Number(/(\d+) shipments\n/.exec(r.out.split('\nwrote ')[1])![1]);
    expect(bundle.shipments).toHaveLength(shipments);
    expect((await cli('src/generate/cli.ts', ['--flows=40', '--seed=7', '--prefix=g1', `--out=${b}`])).code).toBe(0);
    expect(readFileSync(b)).toEqual(readFileSync(a));
  });

  it('writes chunk files of --chunk flows each into a folder', async () => {
    const out = join(dir, 'chunks') + '/';
    const r = await cli('src/generate/cli.ts', ['--flows', '40', '--seed', '7', '--prefix', 'g2', '--chunk', '15', '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['chunk-0001.json', 'chunk-0002.json', 'chunk-0003.json']);
    const sizes = readdirSync(out)
      .sort()
      .map((f) => (JSON.parse(readFileSync(join(out, f), 'utf8')) as Bundle).flows.length);
    expect(sizes).toEqual([15, 15, 10]);
    expect(r.out).toMatch(/wrote 3 files, /);
  });

  it.each([
    [['--flows', 'abc', '--out', 'x.json'], '--flows needs a number, got "abc"'],
    [['--flows', '0', '--out', 'x.json'], '--flows must be a positive integer, got 0'],
    [['--flows', '10'], '--out is required'],
    [['--out', 'x.json'], '--flows is required'],
    [['--flows', '10', '--out', 'x.json', '--colour', 'red'], 'unknown option "--colour"'],
  ])('refuses %j with exit code 2, the reason and the usage', async (args, reason) => {
    const r = await cli('src/generate/cli.ts', args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(said(r).split('\n')[0]).toBe(reason);
    expect(r.err).toContain('usage: npm run generate -- --flows N');
  });
});

describe('import (src/cli/import.ts)', () => {
  it('imports a bundle file into the named tenant and reports what it stored', async () => {
    const tenant = uniqueTenant('cli-import');
    const file = join(dir, 'chain.json');
    writeFileSync(file, JSON.stringify(chainBundle('CLI', cottonTiers(), { shipments: 2 })));
    const r = await cli('src/cli/import.ts', [file, '--tenant', tenant]);
    expect({ code: r.code, err: said(r) }).toEqual({ code: 0, err: '' });
    const line = r.out.trim();
    expect(line).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: imported into tenant "${tenant}" in [\\d.]+ s: \\{`),
    );
    expect(JSON.parse(line.slice(line.indexOf('{')))).toMatchObject({ firms: 5, facilities: 5, flows: 4, documents: 8, shipments: 2 });
    expect(await storedCounts(tenant)).toEqual({ Document: 8, Facility: 5, Firm: 5, Flow: 4, Material: 4, Shipment: 2 });
  });

  it('imports a folder of generated chunks in name order, each referring to the earlier ones', async () => {
    const tenant = uniqueTenant('cli-chunks');
    const out = join(dir, 'import-chunks') + '/';
    expect((await cli('src/generate/cli.ts', ['--flows', '30', '--seed', '3', '--prefix', 'g3', '--chunk', '12', '--out', out])).code).toBe(
      0,
    );
    const files = readdirSync(out).sort();
    const bundles = files.map((f) => JSON.parse(readFileSync(join(out, f), 'utf8')) as Bundle);
    const r = await cli('src/cli/import.ts', [out, '--tenant', tenant]);
    expect({ code: r.code, err: said(r) }).toEqual({ code: 0, err: '' });
    expect(
      r.out
        .trim()
        .split('\n')
        .map((l) => l.slice(0, l.indexOf(':'))),
    ).toEqual(files.map((f) => join(out, f)));
    const sum = (pick: (b: Bundle) => unknown[]) => bundles.reduce((n, b) => n + pick(b).length, 0);
    const counts = await storedCounts(tenant);
    expect(counts.Flow).toBe(30);
    expect(counts.Shipment).toBe(sum((b) => b.shipments));
    expect(counts.Document).toBe(sum((b) => b.documents));
  });

  it('rejects a bundle with broken references with exit code 1, each problem by place, and writes nothing', async () => {
    const tenant = uniqueTenant('cli-reject');
    const b = chainBundle('CLR', cottonTiers());
    b.flows[1].to = 'CLR-NOWHERE';
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(b));
    const r = await cli('src/cli/import.ts', [file, '--tenant', tenant]);
    expect(r.code).toBe(1);
    expect(said(r)).toBe(
      [
        `${file}: rejected, nothing was written. 2 error(s):`,
        '  flows[0].inputs[0]: flow "CLR-FL2" delivers to facility "CLR-NOWHERE", not to this flow\'s source "CLR-FAC1"',
        '  flows[1].to: no facility "CLR-NOWHERE"',
      ].join('\n'),
    );
    expect(await storedCounts(tenant)).toEqual({});
  });

  it.each([
    [[], 'import failed: name a workbook, a CSV folder or ZIP, or a bundle: npm run import -- suppliers.xlsx'],
    [['/nonexistent/bundle.json'], 'import failed: no such file or folder: /nonexistent/bundle.json'],
  ])('refuses arguments %j with exit code 1 and a clear line', async (args, line) => {
    const r = await cli('src/cli/import.ts', args);
    expect(r.code).toBe(1);
    expect(said(r)).toBe(line);
  });

  it('refuses a file that is not JSON with exit code 1', async () => {
    const file = join(dir, 'not.json');
    writeFileSync(file, '{"bundleVersion": 1,');
    const r = await cli('src/cli/import.ts', [file, '--tenant', uniqueTenant('cli-json')]);
    expect(r.code).toBe(1);
    expect(said(r)).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid JSON: `));
  });
});

describe('operator commands (src/cli/main.ts)', () => {
  it('screens a name: the listed entity first, as a MATCH with score 1', async () => {
    const r = await cli('src/cli/main.ts', ['screen', 'Hoshine Silicon Industry (Shanshan) Co., Ltd', '--country', 'CN']);
    expect({ code: r.code, err: said(r) }).toEqual({ code: 0, err: '' });
    const lines = r.out.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(lines[0]).toMatch(
      /^1\.000 MATCH {4}Hoshine Silicon Industry \(Shanshan\) Co\., Ltd {2}\(matched "Hoshine Silicon Industry \(Shanshan\) Co\., Ltd": /,
    );
    const scores = lines.map((l) => Number(l.slice(0, 5)));
    expect([...scores].sort((x, y) => y - x)).toEqual(scores); // best first
  });

  it('lists the stored Entity List versions, one JSON line each, exactly one current', async () => {
    const r = await cli('src/cli/main.ts', ['list-versions']);
    expect({ code: r.code, err: said(r) }).toEqual({ code: 0, err: '' });
    const versions = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { version: string; current: boolean; entries: unknown });
    expect(versions.length).toBeGreaterThan(0);
    const [stored] = await graph.read<{ n: number }>('MATCH (v:EntityListVersion) RETURN count(v) AS n');
    expect(versions).toHaveLength(stored.n);
    expect(versions.filter((v) => v.current)).toHaveLength(1);
  });

  it.each([
    [['bogus'], 'unknown command "bogus"; use update-list, list-versions, screen, attach-exhibits, template, export or restore'],
    [[], 'unknown command ""; use update-list, list-versions, screen, attach-exhibits, template, export or restore'],
    [['attach-exhibits'], 'usage: npm run cli -- attach-exhibits <bundle.json> [--dir DIR] [--tenant T]'],
    [['screen'], 'usage: npm run cli -- screen "<name>" [--country CN]'],
    [['update-list'], 'name the downloaded list file: npm run cli -- update-list uflpa.html'],
  ])('refuses %j with exit code 1 and a clear line', async (args, line) => {
    const r = await cli('src/cli/main.ts', args);
    expect(r.code).toBe(1);
    expect(said(r)).toBe(line);
    expect(r.out).toBe('');
  });

  it("attaches a bundle's exhibit files into the tenant's space, and writes nothing when run again", async () => {
    const tenant = uniqueTenant('cli-exhibits');
    const exhibitRoot = mkdtempSync(join(tmpdir(), 'cli-exhibits-'));
    const b = documentedChain('CLX');
    const folder = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
    for (const d of b.documents) {
      mkdirSync(join(folder, 'docs'), { recursive: true });
      writeFileSync(join(folder, d.file!), `file of ${d.id}`);
    }
    b.documents[0].file = '../outside.txt'; // refused: it would leave the bundle's folder
    writeFileSync(join(folder, 'bundle.json'), JSON.stringify(b));
    expect((await cli('src/cli/import.ts', [join(folder, 'bundle.json'), '--tenant', tenant])).code).toBe(0);
    const env = { EXHIBIT_ROOT: exhibitRoot };
    const first = await cli('src/cli/main.ts', ['attach-exhibits', join(folder, 'bundle.json'), '--tenant', tenant], env);
    expect(first.code).toBe(1); // one document's file was refused
    const lines = first.out.trim().split('\n');
    expect(lines[0]).toMatch(/^CLX-\S+ \.\.\/outside\.txt: failed: .*"\.\." part/);
    expect(lines.slice(1).every((l) => / docs\/\S+: attached$/.test(l))).toBe(true);
    expect(lines).toHaveLength(b.documents.length);
    const d = b.documents[1];
    expect(readFileSync(join(exhibitRoot, 'tenants', tenantFolder(tenant), d.file!), 'utf8')).toBe(`file of ${d.id}`);
    const again = await cli('src/cli/main.ts', ['attach-exhibits', join(folder, 'bundle.json'), '--tenant', tenant], env);
    expect(
      again.out
        .trim()
        .split('\n')
        .slice(1)
        .every((l) => l.endsWith(': unchanged')),
    ).toBe(true);
  });
});
