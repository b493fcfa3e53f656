// Synthetic supply chains as bundle v1, for the benchmark and for trying the product at
// scale. The generator is deterministic: the same options (seed included) give the same
// bundle byte for byte, however it is chunked.
//
// The data is built as "networks". A network is one sector's supply web, 1 to 12+ tiers deep.
// Stage 0 ships a raw material (gins, mines, farms, quarries). Each later stage makes its
// lots from lots it received, so there is lot lineage with fan-in and fan-out, and the last
// stage ships to U.S. importers. On top of that there are:
// - a share of facilities in the XUAR;
// - firms named after real UFLPA Entity List entries (name, alias or former name);
// - ownership trees, some under listed parents whose listing covers subsidiaries;
// - about 3 documents per flow, with gaps;
// - about 5% of flows without `inputs` (facility-level fallback);
// - a few "spot" suppliers whose lots have no upstream (untraced inputs);
// - shipments on the last stage.
//
// Networks are generated one after another, upstream first. Each record is emitted before
// anything that refers to it. So a cut after any flow leaves chunks that are valid in order:
// a chunk refers only to itself and to earlier chunks.
//
// Here: the options, the run that turns them into records, and the records into chunks.
// The parts: network.ts (one network, step by step), firms.ts (naming and places),
// listedFirms.ts (Entity List firms), documents.ts (a flow's documents), context.ts (what
// they share), days.ts (the calendar).
import type { Bundle } from '../model/bundle';
import { loadSeedEntityList } from '../model/entityList';
import { OLDER_XUAR_NAMES } from '../model/gazetteer/olderNames';
import { xuarPlaces } from '../model/gazetteer/xuarPlaces';
import { MATERIALS, SECTORS } from './catalog';
import { GenContext, type Importer, type MaterialInfo, type Op } from './context';
import { FirmMaker } from './firms';
import { ListedFirms } from './listedFirms';
import { NetworkBuilder } from './network';
import { Random } from './prng';

export interface GenerateOptions {
  /** number of flows to generate (exactly) */
  flows: number;
  /** PRNG seed (default 1) */
  seed?: number;
  /** share of supplier facilities located in the XUAR, 0..1 (default 0.05) */
  xuarShare?: number;
  /** share of supplier facilities run by firms named after UFLPA Entity List entries, 0..1 (default 0.01) */
  listedShare?: number;
  /** deepest chain, in tiers; each network's depth is drawn from [tiers-4, tiers] (default 12, so 8..12) */
  tiers?: number;
  /** number of shipments (default flows/50, at least 1) */
  shipments?: number;
  /** prefix for every id, so several generated data sets can share a tenant (e.g. "g1" gives "g1-FL-1") */
  tenantPrefix?: string;
}

export const GENERATOR_DEFAULTS = { seed: 1, xuarShare: 0.05, listedShare: 0.01, tiers: 12 } as const;

/** The depth range networks are drawn from for a given `tiers`. */
export function tierRange(tiers: number = GENERATOR_DEFAULTS.tiers): [number, number] {
  const max = Math.max(1, Math.trunc(tiers));
  return [Math.max(1, max - 4), max];
}

export function defaultShipments(flows: number): number {
  return Math.max(1, Math.round(flows / 50));
}

export function emptyBundle(): Bundle {
  return { bundleVersion: 1, firms: [], facilities: [], ownership: [], materials: [], flows: [], documents: [], shipments: [] };
}

/** The whole data set as one bundle (fine up to a few hundred thousand flows). */
export function generateBundle(opts: GenerateOptions): Bundle {
  const out = emptyBundle();
  for (const chunk of generateBundleChunks(opts, Number.POSITIVE_INFINITY)) appendBundle(out, chunk);
  return out;
}

/**
 * The same data set as consecutive bundles of `chunkFlows` flows each (the last may be
 * smaller). Each chunk is valid once the chunks before it are imported: it refers only to
 * its own ids and to ids of earlier chunks. Memory stays bounded by one chunk plus one network.
 */
export function* generateBundleChunks(opts: GenerateOptions, chunkFlows = 50000): Generator<Bundle> {
  if (!(chunkFlows >= 1)) throw new Error('chunkFlows must be at least 1');
  const gen = new Gen(opts);
  let cur = emptyBundle();
  for (const ops of gen.run()) {
    for (const op of ops) {
      switch (op.k) {
        case 'material':
          cur.materials.push(op.v);
          break;
        case 'firm':
          cur.firms.push(op.v);
          break;
        case 'facility':
          cur.facilities.push(op.v);
          break;
        case 'own':
          cur.ownership.push(op.v);
          break;
        case 'flow':
          if (cur.flows.length >= chunkFlows) {
            yield cur;
            cur = emptyBundle();
          }
          for (const d of op.docs) cur.documents.push(d);
          cur.flows.push(op.v);
          break;
        case 'ship':
          cur.shipments.push(op.v);
          break;
      }
    }
  }
  if (cur.flows.length || cur.firms.length || cur.materials.length || cur.shipments.length) yield cur;
}

/** Appends every record of `b` to `into` (no dedup; chunks never repeat an id). */
export function appendBundle(into: Bundle, b: Bundle): Bundle {
  for (const k of ['firms', 'facilities', 'ownership', 'materials', 'flows', 'documents', 'shipments'] as const) {
    const target = into[k] as unknown[];
    for (const x of b[k] as unknown[]) target.push(x);
  }
  return into;
}

/** Unambiguous XUAR place names (English spelling or pinyin) with their Chinese names, from seed/xuar-places.json; today's spellings only (no Tihwa). */
export function loadXuarPlaces(): Map<string, string> {
  const raw = xuarPlaces();
  const out = new Map<string, string>();
  for (const section of [raw.prefectureLevel, raw.xpccCities, raw.countyLevel]) {
    for (const e of section ?? []) {
      if (e.ambiguous) continue;
      const older = new Set(OLDER_XUAR_NAMES[e.zh ?? ''] ?? []);
      for (const n of [e.pinyin ?? '', ...(e.names ?? [])]) if (/^[A-Za-z]+$/.test(n) && !older.has(n)) out.set(n, e.zh ?? '');
    }
  }
  return out;
}

/** Options to records, in order: materials and importers first, then one network after another. */
class Gen {
  private readonly ctx: GenContext;
  private readonly flowsTarget: number;
  private readonly shipTarget: number;
  private readonly firms: FirmMaker;
  private readonly importers: Importer[] = [];
  private readonly material = new Map<string, MaterialInfo>();
  private readonly networks: NetworkBuilder;

  constructor(opts: GenerateOptions) {
    if (!Number.isInteger(opts.flows) || opts.flows < 0) throw new Error(`flows must be a non-negative integer, got ${opts.flows}`);
    const share = (v: number | undefined, d: number, name: string) => {
      const x = v ?? d;
      if (!(x >= 0 && x <= 1)) throw new Error(`${name} must be in [0,1], got ${v}`);
      return x;
    };
    this.ctx = new GenContext(
      new Random(opts.seed ?? GENERATOR_DEFAULTS.seed),
      opts.tenantPrefix ? opts.tenantPrefix.replace(/-?$/, '-') : '',
    );
    this.flowsTarget = opts.flows;
    this.shipTarget = opts.flows === 0 ? 0 : Math.max(0, Math.trunc(opts.shipments ?? defaultShipments(opts.flows)));
    const xuarShare = share(opts.xuarShare, GENERATOR_DEFAULTS.xuarShare, 'xuarShare');
    const listedShare = share(opts.listedShare, GENERATOR_DEFAULTS.listedShare, 'listedShare');
    const tiers = opts.tiers ?? GENERATOR_DEFAULTS.tiers;
    if (!Number.isInteger(tiers) || tiers < 1 || tiers > 30) throw new Error(`tiers must be an integer from 1 to 30, got ${tiers}`);
    const [minT, maxT] = tierRange(tiers);
    const xuarZh = loadXuarPlaces();
    const entries = loadSeedEntityList().entries;
    /** words of Entity List names: synthetic firms never borrow them */
    const listWords = new Set<string>();
    for (const e of entries) {
      for (const n of [e.name, ...e.aliases, ...e.formerNames])
        for (const w of n.split(/[^A-Za-z]+/)) if (w) listWords.add(w.toLowerCase());
    }
    this.firms = new FirmMaker(this.ctx, listWords, xuarZh);
    const listed = new ListedFirms(this.ctx, this.firms, entries, xuarZh);
    this.networks = new NetworkBuilder(this.ctx, this.firms, listed, this.importers, this.material, { xuarShare, listedShare, minT, maxT });
  }

  *run(): Generator<Op[]> {
    const { ctx } = this;
    // materials and the importer pool first: everything else refers to them
    for (const m of MATERIALS) {
      const id = `${ctx.p}M-${m.key}`;
      this.material.set(m.key, { id, unit: m.unit, price: m.price, raw: !!m.raw, hs: m.hsCode });
      ctx.emit({ k: 'material', v: { id, name: m.name, hsCode: m.hsCode, ...(m.raw ? { raw: true } : {}) } });
    }
    const importerCount = Math.max(3, Math.min(400, Math.round(this.flowsTarget / 2500)));
    for (let i = 0; i < importerCount; i++) this.importers.push(this.firms.makeImporter(SECTORS[i % SECTORS.length].id));
    yield ctx.flush();

    let done = 0;
    while (done < this.flowsTarget) {
      const remaining = this.flowsTarget - done;
      let size = ctx.r.int(400, 3000);
      if (remaining - size < 400) size = remaining;
      const shipsBefore = Math.round((this.shipTarget * done) / this.flowsTarget);
      const shipsAfter = Math.round((this.shipTarget * (done + size)) / this.flowsTarget);
      this.networks.build(size, shipsAfter - shipsBefore);
      done += size;
      yield ctx.flush();
    }
  }
}
