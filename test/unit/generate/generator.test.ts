import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '../../../src/model/bundle';
import { loadSeedEntityList, SEED_DIR } from '../../../src/model/entityList';
import { parseBundleShape, checkReferences, type StoredRefs } from '../../../src/import/validate';
import {
  appendBundle,
  defaultShipments,
  emptyBundle,
  generateBundle,
  generateBundleChunks,
  loadXuarPlaces,
  tierRange,
  type GenerateOptions,
} from '../../../src/generate/generator';
import { mulberry32 } from '../../../src/generate/prng';

const KINDS = ['firms', 'facilities', 'materials', 'flows', 'documents', 'shipments'] as const;

/** Every problem with ids and references, allowing references to `earlier` (chunks already imported). */
function referenceProblems(b: Bundle, earlier: Bundle = emptyBundle()): string[] {
  const problems: string[] = [];
  const ids = (k: (typeof KINDS)[number]) => {
    const own = new Set<string>();
    for (const x of b[k]) {
      if (own.has(x.id)) problems.push(`${k}: duplicate id ${x.id}`);
      own.add(x.id);
    }
    const before = new Set(earlier[k].map((x) => x.id));
    for (const id of own) if (before.has(id)) problems.push(`${k}: id ${id} repeats an earlier chunk`);
    return (id: string | undefined) => id === undefined || own.has(id) || before.has(id);
  };
  const firm = ids('firms');
  const fac = ids('facilities');
  const mat = ids('materials');
  const flow = ids('flows');
  const doc = ids('documents');
  ids('shipments');
  const flowById = new Map([...earlier.flows, ...b.flows].map((f) => [f.id, f]));
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  b.facilities.forEach((f) => need(firm(f.firm), `${f.id}.firm ${f.firm}`));
  b.ownership.forEach((o, i) => {
    need(firm(o.owner), `ownership[${i}].owner`);
    need(firm(o.owned), `ownership[${i}].owned`);
    need(o.owner !== o.owned, `ownership[${i}] self`);
  });
  b.flows.forEach((f) => {
    need(fac(f.from), `${f.id}.from`);
    need(fac(f.to), `${f.id}.to`);
    need(mat(f.material), `${f.id}.material`);
    f.documents?.forEach((d) => need(doc(d), `${f.id}.documents ${d}`));
    f.inputs?.forEach((i) => {
      need(flow(i), `${f.id}.inputs ${i}`);
      const input = flowById.get(i);
      if (input) {
        need(input.to === f.from, `${f.id}: input ${i} goes to ${input.to}, not ${f.from}`);
        need(input.date! <= f.date!, `${f.id}: input ${i} dated after it`);
      }
    });
  });
  b.documents.forEach((d) => {
    need(firm(d.issuer), `${d.id}.issuer`);
    need(firm(d.payer), `${d.id}.payer`);
    need(firm(d.payee), `${d.id}.payee`);
  });
  b.shipments.forEach((s) => {
    need(firm(s.importer), `${s.id}.importer`);
    need(flow(s.flow), `${s.id}.flow`);
  });
  return problems;
}

/** Longest upstream path of each shipment, in tiers, following inputs and the facility-level fallback. */
function shipmentDepths(b: Bundle): Map<string, number> {
  const flows = new Map(b.flows.map((f) => [f.id, f]));
  const raw = new Set(b.materials.filter((m) => m.raw).map((m) => m.id));
  const into = new Map<string, string[]>();
  for (const f of b.flows) into.set(f.to, [...(into.get(f.to) ?? []), f.id]);
  const memo = new Map<string, number>();
  const depth = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const f = flows.get(id)!;
    let up = f.inputs ?? [];
    if (!up.length && !raw.has(f.material)) up = (into.get(f.from) ?? []).filter((g) => g !== id && flows.get(g)!.date! <= f.date!);
    const d = 1 + up.reduce((m, u) => Math.max(m, depth(u)), 0);
    memo.set(id, d);
    return d;
  };
  return new Map(b.shipments.map((s) => [s.id, depth(s.flow)]));
}

const json = (b: Bundle) => JSON.stringify(b);

describe('mulberry32', () => {
  it('is deterministic and spread over [0,1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe('generateBundle', () => {
  const opts: GenerateOptions = { flows: 6000, seed: 42 };
  const bundle = generateBundle(opts);

  it('is deterministic: the same seed gives the same bundle, another seed another', () => {
    expect(json(generateBundle(opts))).toBe(json(bundle));
    expect(json(generateBundle({ ...opts, seed: 43 }))).not.toBe(json(bundle));
  });

  it('makes exactly the requested number of flows and shipments', () => {
    expect(bundle.flows).toHaveLength(6000);
    expect(bundle.shipments).toHaveLength(defaultShipments(6000));
    for (const n of [1, 9, 150, 2345]) {
      const b = generateBundle({ flows: n, seed: n, shipments: Math.min(3, n) });
      expect(b.flows).toHaveLength(n);
      expect(b.shipments).toHaveLength(Math.min(3, n));
      expect(referenceProblems(b)).toEqual([]);
    }
    expect(generateBundle({ flows: 0 }).flows).toHaveLength(0);
  });

  it('has unique ids per kind and every reference resolves', () => {
    expect(referenceProblems(bundle)).toEqual([]);
  });

  it('passes the import validator (shape and references)', () => {
    const stored: StoredRefs = { firm: new Set(), facility: new Set(), material: new Map(), document: new Set(), flow: new Map() };
    const parsed = parseBundleShape(JSON.parse(json(bundle)));
    expect(checkReferences(parsed, stored)).toEqual([]);
  });

  it('keeps chains within the requested depth range', () => {
    const [min, max] = tierRange(12);
    expect([min, max]).toEqual([8, 12]);
    const depths = [...shipmentDepths(bundle).values()];
    expect(Math.min(...depths)).toBeGreaterThanOrEqual(min);
    expect(Math.max(...depths)).toBeLessThanOrEqual(max);
    const shallow = generateBundle({ flows: 3000, seed: 5, tiers: 6 });
    const d6 = [...shipmentDepths(shallow).values()];
    expect(Math.min(...d6)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...d6)).toBeLessThanOrEqual(6);
  });

  it('has lot lineage on most flows, ~5% facility-level fallbacks, and documents with gaps', () => {
    const raw = new Set(bundle.materials.filter((m) => m.raw).map((m) => m.id));
    const nonRaw = bundle.flows.filter((f) => !raw.has(f.material));
    const withoutInputs = nonRaw.filter((f) => !f.inputs?.length).length / nonRaw.length;
    expect(withoutInputs).toBeGreaterThan(0.02);
    expect(withoutInputs).toBeLessThan(0.09);
    const perFlow = bundle.documents.length / bundle.flows.length;
    expect(perFlow).toBeGreaterThan(2.5);
    expect(perFlow).toBeLessThan(3.5);
    expect(bundle.flows.some((f) => !f.documents)).toBe(true);
    const docs = new Map(bundle.documents.map((d) => [d.id, d]));
    for (const f of bundle.flows) {
      const ds = (f.documents ?? []).map((d) => docs.get(d)!);
      const inv = ds.find((d) => d.type === 'COMMERCIAL_INVOICE');
      const pay = ds.find((d) => d.type === 'PROOF_OF_PAYMENT');
      if (inv && pay) expect([pay.amount, pay.currency]).toEqual([inv.amount, inv.currency]);
    }
    expect(bundle.ownership.length).toBeGreaterThan(0);
  });

  it('uses real HS codes of the high-priority sectors and points shipments at flows into importers', () => {
    const prefixes = (
      JSON.parse(readFileSync(join(SEED_DIR, 'high-priority-sectors.json'), 'utf8')) as { sectors: { hs: string[] }[] }
    ).sectors.flatMap((s) => s.hs);
    const inSector = bundle.materials.filter((m) => prefixes.some((p) => m.hsCode!.replace(/\./g, '').startsWith(p)));
    expect(inSector.length).toBeGreaterThan(bundle.materials.length / 2);
    const facFirm = new Map(bundle.facilities.map((f) => [f.id, f.firm]));
    const flows = new Map(bundle.flows.map((f) => [f.id, f]));
    for (const s of bundle.shipments) expect(facFirm.get(flows.get(s.flow)!.to)).toBe(s.importer);
    expect(new Set(bundle.shipments.map((s) => s.flow)).size).toBe(bundle.shipments.length);
  });

  it('prefixes every id with tenantPrefix', () => {
    const b = generateBundle({ flows: 500, seed: 2, tenantPrefix: 'acme' });
    for (const k of KINDS) for (const x of b[k]) expect(x.id.startsWith('acme-')).toBe(true);
    expect(referenceProblems(b)).toEqual([]);
  });
});

describe('XUAR sites and listed entities', () => {
  const xuar = loadXuarPlaces();
  const listedNames = new Set(loadSeedEntityList().entries.flatMap((e) => [e.name, ...e.aliases, ...e.formerNames]));

  it('puts none in when the shares are 0', () => {
    const b = generateBundle({ flows: 5000, seed: 9, xuarShare: 0, listedShare: 0 });
    expect(b.facilities.filter((f) => f.province === 'Xinjiang')).toEqual([]);
    expect(b.firms.filter((f) => listedNames.has(f.name))).toEqual([]);
  });

  it('places XUAR sites in real XUAR cities and names listed firms as the Entity List does', () => {
    const b = generateBundle({ flows: 8000, seed: 11, xuarShare: 0.3, listedShare: 0.2 });
    const sites = b.facilities.filter((f) => f.province === 'Xinjiang');
    expect(sites.length).toBeGreaterThan(b.facilities.length * 0.05);
    for (const f of sites) expect(xuar.has(f.city!)).toBe(true);
    const listed = b.firms.filter((f) => listedNames.has(f.name));
    expect(listed.length).toBeGreaterThan(3);
    const facFirms = new Set(b.facilities.map((f) => f.firm));
    expect(listed.some((f) => facFirms.has(f.id))).toBe(true);
  });

  it('never writes an XUAR place name into a site outside the XUAR (look-alikes aside)', () => {
    const b = generateBundle({ flows: 20000, seed: 13 });
    const names = [...xuar.keys()].filter((n) => n.length > 3);
    const re = new RegExp(`\\b(${names.join('|')})\\b`, 'i');
    for (const f of b.facilities.filter((x) => x.province !== 'Xinjiang')) {
      const text = `${f.address} ${f.city} ${f.province ?? ''}`.replace('Xinjiang County', '');
      expect(`${f.id}: ${re.test(text) ? text : 'ok'}`).toBe(`${f.id}: ok`);
    }
  });
});

describe('generateBundleChunks', () => {
  const opts: GenerateOptions = { flows: 7500, seed: 21, xuarShare: 0.1, listedShare: 0.05 };

  it('yields chunks of chunkFlows flows that add up to generateBundle', () => {
    const chunks = [...generateBundleChunks(opts, 2000)];
    expect(chunks.map((c) => c.flows.length)).toEqual([2000, 2000, 2000, 1500]);
    const merged = chunks.reduce((acc, c) => appendBundle(acc, c), emptyBundle());
    expect(json(merged)).toBe(json(generateBundle(opts)));
  });

  it('makes each chunk valid given the chunks before it', () => {
    let earlier = emptyBundle();
    const stored: StoredRefs = { firm: new Set(), facility: new Set(), material: new Map(), document: new Set(), flow: new Map() };
    for (const c of generateBundleChunks(opts, 1700)) {
      expect(referenceProblems(c, earlier)).toEqual([]);
      expect(checkReferences(parseBundleShape(JSON.parse(json(c))), stored)).toEqual([]);
      earlier = appendBundle(earlier, c);
      c.firms.forEach((x) => stored.firm.add(x.id));
      c.facilities.forEach((x) => stored.facility.add(x.id));
      c.materials.forEach((x) => stored.material.set(x.id, { raw: !!x.raw }));
      c.documents.forEach((x) => stored.document.add(x.id));
      c.flows.forEach((x) => stored.flow.set(x.id, x.to));
    }
    expect(earlier.flows).toHaveLength(7500);
  });

  it('rejects bad options', () => {
    expect(() => generateBundle({ flows: 10, xuarShare: 2 })).toThrow(/xuarShare/);
    expect(() => generateBundle({ flows: -1 })).toThrow(/flows/);
    expect(() => generateBundle({ flows: 10, tiers: 0 })).toThrow(/tiers/);
    expect(() => [...generateBundleChunks({ flows: 10 }, 0)]).toThrow(/chunkFlows/);
  });
});
