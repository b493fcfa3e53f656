// Upgrade from the previous release (issue 21, point 4) against the real Neo4j: that release's code,
// taken from git history, imports the demo seed (with its exhibits), a generated tenant and a
// tenant of duplicate firms, and its own GraphQL API records review decisions of every kind. The
// current code then starts on that store: the named migration steps apply (once; a second run
// changes nothing), and every trace, packet, screening and duplicate-firm decision (who, when,
// notes), exhibit and audit event reads the same as the previous release showed it. A store a
// newer release wrote is refused. Traces and packets are computed live by each release's API, so a
// later release that stores derived data (summaries) adds a migration step and this still holds.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { loadConfig } from '../../src/config';
import { RELEASE } from '../../src/config/release';
import { createServices } from '../../src/app';
import { startServer, RunningServer } from '../../src/api/server';
import { extraRoutes } from '../../src/api/routes';
import { connectWithRetry, createGraph, Graph } from '../../src/graph/graph';
import { migrate, MIGRATIONS, MODEL_KEY, MODEL_VERSION, storedModelVersion } from '../../src/graph/migrations';
import { generateBundle } from '../../src/generate/generator';
import type { Services } from '../../src/services';
import { uniqueTenant } from './harness';
import { migrationCapabilities } from '../../src/app';
import { exhibitReader, snapshotTenant, type TenantSnapshot } from './upgrade/snapshot';
import { testHeaders, type UpgradePlan } from './upgrade/previousRelease';

/**
 * The previous release: the last commit of main before the graph recorded its model version and
 * had migration steps ("Merge i16-explorer", the first parent of "Merge i21-durable"). Its stores
 * carry no ModelVersion node, so the current code must apply every step to them. It already had
 * screening review, duplicate-firm review and tenant exhibit folders, so all of those carry over.
 * When a later release changes the stored model again, move this to the release before it.
 */
const PREVIOUS_RELEASE = 'cab1efb3d761edf67774e0e7c41c869f6ebc7c1e';

jest.setTimeout(600_000);

const ROOT = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'uflpa-upgrade-'));
const exhibitRoot = join(work, 'exhibits');
const oldCode = join(work, 'previous-release');

let graph: Graph;
let modelBefore: Record<string, unknown> | undefined;

/** The previous release's code in its own folder, with the current node_modules and the two test helpers. */
function checkOutPreviousRelease(): void {
  try {
    execFileSync('git', ['cat-file', '-e', `${PREVIOUS_RELEASE}^{commit}`], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    throw new Error(
      `the upgrade test needs commit ${PREVIOUS_RELEASE} (the previous release) from main's history, and this checkout ` +
        `(${ROOT}) does not have it: run the tests in a full git clone of main (not a shallow one: git fetch --unshallow)`,
    );
  }
  mkdirSync(oldCode, { recursive: true });
  const tar = execFileSync(
    'git',
    ['archive', '--format=tar', PREVIOUS_RELEASE, 'src', 'scripts', 'seed', 'schema.graphql', 'package.json', 'tsconfig.json'],
    {
      cwd: ROOT,
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  execFileSync('tar', ['-x', '-C', oldCode], { input: tar });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(oldCode, 'node_modules'));
  const helpers = join(oldCode, 'test', 'integration', 'upgrade');
  mkdirSync(helpers, { recursive: true });
  for (const f of ['snapshot.ts', 'previousRelease.ts']) cpSync(join(__dirname, 'upgrade', f), join(helpers, f));
}

/** Runs the previous release's import and review on the test's Neo4j; returns what its API showed. */
async function buildStoreWithPreviousRelease(plan: Omit<UpgradePlan, 'out'>): Promise<Record<string, TenantSnapshot>> {
  const out = join(work, 'previous-release-snapshots.json');
  const planFile = join(work, 'plan.json');
  writeFileSync(planFile, JSON.stringify({ ...plan, out }));
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  try {
    await promisify(execFile)(process.execPath, [tsx, join('test', 'integration', 'upgrade', 'previousRelease.ts'), planFile], {
      cwd: oldCode,
      env: { ...process.env, EXHIBIT_ROOT: exhibitRoot, LOG_LEVEL: 'warn', LOAD_DEMO_SEED: 'false' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 480_000,
    });
  } catch (e) {
    const err = e as Error & { stderr?: string; stdout?: string };
    throw new Error(`the previous release's code failed: ${err.message}\n${err.stderr ?? ''}`, { cause: e });
  }
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** Two firms under two ids each (registration id, Chinese name), so the previous release proposes duplicate pairs. */
function duplicateFirmsBundle() {
  const firm = (id: string, name: string, more: Record<string, unknown> = {}) => ({ id, name, country: 'CN', ...more });
  const suppliers = [
    firm('DAQO', 'Daqo New Energy Co., Ltd.', { registrationId: '91652300-MA7A0001' }),
    firm('SUNRISE', 'Sunrise New Energy Materials Co', { registrationId: '91652300 ma7a0001' }),
    firm('JTY-EN', 'Jiangsu Jintaiyang Textile Co., Ltd.'),
    firm('JTY-ZH', '江苏金太阳纺织有限公司'),
    firm('HS-EN', 'Hoshine Silicon Ind. (Shanshan)'),
    firm('HS-ZH', '合盛硅业（鄯善）有限公司'),
  ];
  const ids = suppliers.map((f) => f.id);
  return {
    bundleVersion: 1,
    firms: [{ id: 'US', name: 'Example Importer Inc', country: 'US' }, ...suppliers],
    facilities: [
      { id: 'FAC-US', name: 'Example DC', firm: 'US', country: 'US' },
      ...ids.map((id) => ({ id: `FAC-${id}`, name: `Plant of ${id}`, firm: id, country: 'CN', province: 'Jiangsu' })),
    ],
    materials: [{ id: 'M-poly', name: 'Polysilicon', hsCode: '2804.61', raw: true }],
    flows: ids.map((id) => ({
      id: `FL-${id}`,
      from: `FAC-${id}`,
      to: 'FAC-US',
      material: 'M-poly',
      quantity: 1000,
      unit: 'kg',
      date: '2026-05-01',
    })),
    shipments: ids.map((id) => ({ id: `S-${id}`, importer: 'US', flow: `FL-${id}`, entryDate: '2026-06-01' })),
  };
}

/** The current code's services as start-up builds them, with the log lines kept. */
async function startCurrent(lines: string[]): Promise<{ services: Services; server: RunningServer }> {
  const config = { ...loadConfig({ ...process.env, EXHIBIT_ROOT: exhibitRoot }), port: 0 };
  const log = pino({ level: 'info', base: undefined }, { write: (s: string) => void lines.push(s) });
  const services = await createServices(config, log);
  services.authenticate = async (req) => ({
    tokenId: String(req.headers['x-test-actor']),
    tenant: String(req.headers['x-test-tenant']),
    role: 'ADMIN',
  });
  return { services, server: await startServer(config, services, log, extraRoutes(services)) };
}

beforeAll(async () => {
  graph = createGraph(loadConfig());
  await connectWithRetry(graph);
  const [row] = await graph.read<{ v: Record<string, unknown> }>('MATCH (v:ModelVersion {key: $k}) RETURN properties(v) AS v', {
    k: MODEL_KEY,
  });
  modelBefore = row?.v;
});
afterAll(async () => {
  // the store's version node as it was (or as start-up leaves it, if there was none)
  await graph.write('MATCH (v:ModelVersion {key: $k}) DELETE v', { k: MODEL_KEY });
  if (modelBefore) await graph.write('CREATE (v:ModelVersion) SET v = $p', { p: modelBefore });
  else await migrate(graph, { release: RELEASE, capabilities: migrationCapabilities() });
  await graph?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The flag kinds the previous release knew: its schema.graphql's enum FlagKind. */
function previousFlagKinds(): Set<string> {
  const schema = parse(readFileSync(join(oldCode, 'schema.graphql'), 'utf8'));
  const def = schema.definitions.find(
    (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'FlagKind',
  );
  if (!def?.values?.length) throw new Error("the previous release's schema.graphql has no enum FlagKind");
  return new Set(def.values.map((v) => v.name.value));
}

function withFlagsOf(trace: unknown, kinds: Set<string>): unknown {
  const t = trace as { flags: { kind: string }[] };
  return { ...t, flags: t.flags.filter((f) => kinds.has(f.kind)) };
}

/** What a packet states, whatever its layout: its verdict, its dates and the exhibits it cites. */
function packetFacts(markdown: string) {
  return {
    verdict: /\*\*Verdict (\w+)\.\*\*/.exec(markdown)?.[1] ?? null,
    dates: [...new Set(markdown.match(/\b20\d\d-\d\d-\d\d\b/g) ?? [])].sort(),
    exhibits: [...new Set(markdown.match(/\bE\d+\b/g) ?? [])].sort(),
  };
}

describe('upgrade from the previous release', () => {
  it('starts the current code on a store the previous release wrote: every step applied once, every trace, packet, decision and exhibit the same', async () => {
    checkOutPreviousRelease();
    const demo = JSON.parse(readFileSync(join(oldCode, 'seed', 'demo-bundle.json'), 'utf8')) as { documents: { file?: string }[] };
    const generatedFile = join(work, 'generated.json');
    writeFileSync(
      generatedFile,
      JSON.stringify(generateBundle({ flows: 400, seed: 421, listedShare: 0.5, xuarShare: 0.1, shipments: 10 })),
    );
    const dupesFile = join(work, 'duplicates.json');
    writeFileSync(dupesFile, JSON.stringify(duplicateFirmsBundle()));
    const plan = {
      tenants: [
        { tenant: uniqueTenant('up-demo'), demo: true, exhibitFiles: demo.documents.flatMap((d) => (d.file ? [d.file] : [])) },
        { tenant: uniqueTenant('up-gen'), bundleFile: generatedFile, exhibitFiles: [] },
        { tenant: uniqueTenant('up-dup'), bundleFile: dupesFile, exhibitFiles: [] },
      ],
    };

    // the store as the previous release leaves it: it knew no model version, nor which screening made its matches
    await graph.write('MATCH (v:ModelVersion {key: $k}) DELETE v', { k: MODEL_KEY });
    await graph.write("MATCH (s:ScreeningState {id: 'screening'}) DELETE s");
    const before = await buildStoreWithPreviousRelease(plan);
    expect((await storedModelVersion(graph)).version).toBe(0);

    // what the previous release showed has every kind of decision, so the comparison below means something
    const all = Object.values(before);
    const matches = all.flatMap((s) => s.screeningDecisions);
    expect(new Set(matches.map((m) => m.status))).toEqual(new Set(['CONFIRMED', 'REJECTED', 'PENDING']));
    expect(matches.some((m) => m.disputes.length > 0)).toBe(true);
    const pairs = all.flatMap((s) => s.duplicateDecisions);
    expect(new Set(pairs.map((p) => p.status))).toEqual(new Set(['CONFIRMED', 'REJECTED']));
    const demoSnap = before[plan.tenants[0].tenant];
    expect(Object.values(demoSnap.exhibits).filter(Boolean).length).toBeGreaterThan(0);
    expect(all.flatMap((s) => Object.values(s.traces) as { verdict: string }[]).some((t) => t.verdict !== 'CLEAR')).toBe(true);

    // start-up applies every named step, in order, once
    const lines: string[] = [];
    const current = await startCurrent(lines);
    try {
      const upgraded = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'graph model upgraded');
      expect(upgraded).toMatchObject({ from: 0, to: MODEL_VERSION, applied: MIGRATIONS.map((s) => s.name) });
      expect(await storedModelVersion(graph)).toEqual({ version: MODEL_VERSION, steps: MIGRATIONS.map((s) => s.name), release: RELEASE });
      // a second run is a no-op
      expect(await migrate(graph, { release: RELEASE, capabilities: migrationCapabilities() })).toEqual({
        from: MODEL_VERSION,
        to: MODEL_VERSION,
        applied: [],
      });

      // the current code, computing live, shows each tenant as the previous release did
      const api = { url: current.server.url, headers: testHeaders };
      for (const t of plan.tenants) {
        const after = await snapshotTenant(api, t.tenant, exhibitReader(current.services.exhibits), t.exhibitFiles);
        expect(after.shipments).toEqual(before[t.tenant].shipments);
        const known = previousFlagKinds();
        for (const id of after.shipments) {
          // a flag kind added since (a new signal) is new information, not a change to what was shown
          expect({ id, trace: withFlagsOf(after.traces[id], known) }).toEqual({ id, trace: before[t.tenant].traces[id] });
          // a packet's layout may change between releases (sections added); what it says may not
          expect({ id, packet: packetFacts(after.packets[id]) }).toEqual({ id, packet: packetFacts(before[t.tenant].packets[id]) });
        }
        expect(after.screeningDecisions).toEqual(before[t.tenant].screeningDecisions);
        expect(after.duplicateDecisions).toEqual(before[t.tenant].duplicateDecisions);
        expect(after.exhibits).toEqual(before[t.tenant].exhibits);
        // start-up screened the firms again (the store did not say which screening made its matches), and said so
        const rescreens = after.audit.filter((e) => e.action === 'RESCREEN');
        expect(rescreens).toEqual([expect.objectContaining({ actor: 'system' })]);
        expect(after.audit.filter((e) => e.action !== 'RESCREEN')).toEqual(before[t.tenant].audit);
      }
    } finally {
      await current.server.stop();
      await current.services.graph.close();
    }

    // a store a newer release wrote is refused at start-up, with what to do, and left as it was
    await graph.write('MATCH (v:ModelVersion {key: $k}) SET v.version = $v, v.release = $r', {
      k: MODEL_KEY,
      v: MODEL_VERSION + 1,
      r: '99.0.0',
    });
    await expect(startCurrent([])).rejects.toThrow(
      new RegExp(
        `written by a newer release \\(model version ${MODEL_VERSION + 1}, release 99\\.0\\.0\\).*Run that release or a later one`,
      ),
    );
    expect((await storedModelVersion(graph)).version).toBe(MODEL_VERSION + 1);
  });
});
