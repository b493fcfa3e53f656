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
import type {
  Bundle, BundleDocument, BundleFacility, BundleFirm, BundleFlow, BundleMaterial, BundleOwnership, BundleShipment, DocumentType,
} from '../model/bundle';
import { loadSeedEntityList, type EntityListEntry } from '../model/entityList';
import { xuarPlaces } from '../model/gazetteer/xuarPlaces';
import {
  COMPANY_SUFFIX, EN_STREETS, EN_WORDS, LANGUAGE, MATERIALS, PORTS, ROADS, SECTORS, US_IMPORT_PLACES, XINJIANG_COUNTY_SHANXI, ZH_SYLLABLES, ZH_WORDS,
  type Place, type SectorDef, type StageDef,
} from './catalog';
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
        case 'material': cur.materials.push(op.v); break;
        case 'firm': cur.firms.push(op.v); break;
        case 'facility': cur.facilities.push(op.v); break;
        case 'own': cur.ownership.push(op.v); break;
        case 'flow':
          if (cur.flows.length >= chunkFlows) { yield cur; cur = emptyBundle(); }
          for (const d of op.docs) cur.documents.push(d);
          cur.flows.push(op.v);
          break;
        case 'ship': cur.shipments.push(op.v); break;
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

// ---------------------------------------------------------------------------------------

type Op =
  | { k: 'material'; v: BundleMaterial } | { k: 'firm'; v: BundleFirm } | { k: 'facility'; v: BundleFacility }
  | { k: 'own'; v: BundleOwnership } | { k: 'flow'; v: BundleFlow; docs: BundleDocument[] } | { k: 'ship'; v: BundleShipment };

const XUAR = 1, LISTED = 2, AFFILIATE = 4;

interface FirmInfo { id: string; country: string; code: string; word: string }
interface FacInfo {
  id: string; firm: FirmInfo; flags: number; shared: boolean;
  /** next stage customers (facility indexes) or importer facilities */
  customers: number[];
}
interface Lot { id: string; day: number; qty: number; flags: number; spot: boolean }
interface ListedFirm { firm: FirmInfo; place: Place; xuar: boolean; effectiveDay: number; facilities: Map<string, FacInfo> }
interface Importer { firm: FirmInfo; fac: FacInfo; sector: SectorDef['id'] }
interface PlannedStage extends StageDef { coreIndex: number }

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoCache = new Map<number, string>();
const isoOf = (day: number) => {
  let s = isoCache.get(day);
  if (s === undefined) { s = new Date(day * DAY_MS).toISOString().slice(0, 10); isoCache.set(day, s); }
  return s;
};
const START_MIN = dayOf('2023-07-01');
const START_MAX = dayOf('2025-06-30');
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Unambiguous XUAR place names (English spelling or pinyin) with their Chinese names, from seed/xuar-places.json. */
export function loadXuarPlaces(): Map<string, string> {
  const raw = xuarPlaces();
  const out = new Map<string, string>();
  for (const section of [raw.prefectureLevel, raw.xpccCities, raw.countyLevel]) {
    for (const e of section ?? []) {
      if (e.ambiguous) continue;
      for (const n of [e.pinyin ?? '', ...(e.names ?? [])]) if (/^[A-Za-z]+$/.test(n)) out.set(n, e.zh ?? '');
    }
  }
  return out;
}

class Gen {
  private readonly r: Random;
  private readonly p: string;
  private readonly flowsTarget: number;
  private readonly shipTarget: number;
  private readonly xuarShare: number;
  private readonly listedShare: number;
  private readonly minT: number;
  private readonly maxT: number;
  private n = { firm: 0, fac: 0, flow: 0, doc: 0, ship: 0 };
  private readonly usedNames = new Set<string>();
  private readonly nameCounter = new Map<string, number>();
  /** words of Entity List names: synthetic firms never borrow them */
  private readonly listWords = new Set<string>();
  private readonly xuarZh: Map<string, string>;
  private readonly entries: EntityListEntry[];
  private readonly listed = new Map<number, ListedFirm>();
  private readonly importers: Importer[] = [];
  private readonly material = new Map<string, { id: string; unit: string; price: number; raw: boolean; hs: string }>();
  private ops: Op[] = [];

  constructor(opts: GenerateOptions) {
    if (!Number.isInteger(opts.flows) || opts.flows < 0) throw new Error(`flows must be a non-negative integer, got ${opts.flows}`);
    const share = (v: number | undefined, d: number, name: string) => {
      const x = v ?? d;
      if (!(x >= 0 && x <= 1)) throw new Error(`${name} must be in [0,1], got ${v}`);
      return x;
    };
    this.r = new Random(opts.seed ?? GENERATOR_DEFAULTS.seed);
    this.p = opts.tenantPrefix ? opts.tenantPrefix.replace(/-?$/, '-') : '';
    this.flowsTarget = opts.flows;
    this.shipTarget = opts.flows === 0 ? 0 : Math.max(0, Math.trunc(opts.shipments ?? defaultShipments(opts.flows)));
    this.xuarShare = share(opts.xuarShare, GENERATOR_DEFAULTS.xuarShare, 'xuarShare');
    this.listedShare = share(opts.listedShare, GENERATOR_DEFAULTS.listedShare, 'listedShare');
    const tiers = opts.tiers ?? GENERATOR_DEFAULTS.tiers;
    if (!Number.isInteger(tiers) || tiers < 1 || tiers > 30) throw new Error(`tiers must be an integer from 1 to 30, got ${tiers}`);
    [this.minT, this.maxT] = tierRange(tiers);
    this.xuarZh = loadXuarPlaces();
    this.entries = loadSeedEntityList().entries;
    for (const e of this.entries) {
      for (const n of [e.name, ...e.aliases, ...e.formerNames]) for (const w of n.split(/[^A-Za-z]+/)) if (w) this.listWords.add(w.toLowerCase());
    }
  }

  *run(): Generator<Op[]> {
    // materials and the importer pool first: everything else refers to them
    for (const m of MATERIALS) {
      const id = `${this.p}M-${m.key}`;
      this.material.set(m.key, { id, unit: m.unit, price: m.price, raw: !!m.raw, hs: m.hsCode });
      this.ops.push({ k: 'material', v: { id, name: m.name, hsCode: m.hsCode, ...(m.raw ? { raw: true } : {}) } });
    }
    const importerCount = Math.max(3, Math.min(400, Math.round(this.flowsTarget / 2500)));
    for (let i = 0; i < importerCount; i++) this.importers.push(this.makeImporter(SECTORS[i % SECTORS.length].id));
    yield this.flush();

    let done = 0;
    while (done < this.flowsTarget) {
      const remaining = this.flowsTarget - done;
      let size = this.r.int(400, 3000);
      if (remaining - size < 400) size = remaining;
      const shipsBefore = Math.round((this.shipTarget * done) / this.flowsTarget);
      const shipsAfter = Math.round((this.shipTarget * (done + size)) / this.flowsTarget);
      this.buildNetwork(size, shipsAfter - shipsBefore);
      done += size;
      yield this.flush();
    }
  }

  private flush(): Op[] {
    const out = this.ops;
    this.ops = [];
    return out;
  }

  // ------------------------------------------------------------------ naming and places

  /** A name not used before: tries `make(attempt)`, then numbers the base name. */
  private uniqueName(make: (attempt: number) => string): string {
    for (let a = 0; a < 8; a++) {
      const name = make(a);
      if (!this.usedNames.has(name)) { this.usedNames.add(name); return name; }
    }
    const base = make(0);
    let k = this.nameCounter.get(base) ?? 2;
    while (this.usedNames.has(`${base} (No. ${k})`)) k++;
    this.nameCounter.set(base, k + 1);
    const name = `${base} (No. ${k})`;
    this.usedNames.add(name);
    return name;
  }

  /** A brand word (English, Chinese) for a firm name: from the list, or two syllables on later attempts. */
  private brand(attempt: number): [string, string] {
    for (;;) {
      const [w, z] = attempt < 3 ? this.r.pick(ZH_WORDS) : (() => {
        const [a, az] = this.r.pick(ZH_SYLLABLES);
        const [b, bz] = this.r.pick(ZH_SYLLABLES);
        return (a === b ? ['', ''] : [a + b.toLowerCase(), az + bz]) as [string, string];
      })();
      if (!this.listWords.has(w.toLowerCase()) && w.length > 3) return [w, z];
    }
  }

  private enBrand(attempt: number): string {
    for (;;) {
      const w = attempt < 3 ? this.r.pick(EN_WORDS) : `${this.r.pick(EN_WORDS)} ${this.r.pick(EN_WORDS)}`;
      if (!w.split(' ').some((x) => this.listWords.has(x.toLowerCase())) && new Set(w.split(' ')).size === w.split(' ').length) return w;
    }
  }

  private newFirm(place: Place, noun: string, nounZh: string, opts: { nameIndicator?: boolean; xuar?: boolean; holding?: boolean } = {}): FirmInfo {
    const id = `${this.p}F-${++this.n.firm}`;
    const r = this.r;
    let name: string;
    let localName: string | undefined;
    let word: string;
    if (place.country === 'CN') {
      const head = place.city === XINJIANG_COUNTY_SHANXI.city ? 'Shanxi' : r.chance(0.7) ? place.city : place.province ?? place.city;
      const headZh = head === 'Shanxi' ? '山西' : head === place.city ? place.cityZh ?? '' : place.provinceZh ?? '';
      const ind = opts.nameIndicator ? ' Xinjiang' : '';
      const indZh = opts.nameIndicator ? '新疆' : '';
      const suffix = opts.holding ? 'Group Co., Ltd.' : 'Co., Ltd.';
      const suffixZh = opts.holding ? '集团有限公司' : '有限公司';
      let chosen: [string, string] = ['', ''];
      name = this.uniqueName((a) => {
        chosen = this.brand(a);
        return `${head}${ind} ${chosen[0]} ${noun} ${suffix}`;
      });
      word = chosen[0];
      localName = `${opts.xuar && r.chance(0.5) ? '新疆' : ''}${headZh}${indZh}${chosen[1]}${nounZh}${suffixZh}`;
    } else {
      const suffixes = COMPANY_SUFFIX[place.country] ?? ['Ltd.'];
      const sfx = opts.holding ? (place.country === 'HK' ? 'Holdings Limited' : 'Holdings') : r.pick(suffixes);
      const withCity = r.chance(0.4);
      let chosen = '';
      name = this.uniqueName((a) => {
        chosen = this.enBrand(a);
        return sfx === 'PT' ? `PT ${chosen} ${noun}` : `${withCity ? `${place.city} ` : ''}${chosen} ${noun} ${sfx}`;
      });
      word = chosen.split(' ')[0];
    }
    const address = this.address(place);
    const firm: BundleFirm = { id, name, ...(localName ? { localName } : {}), country: place.country, address, city: place.city, ...(place.province ? { province: place.province } : {}) };
    this.ops.push({ k: 'firm', v: firm });
    return { id, country: place.country, code: word.slice(0, 4).toUpperCase(), word };
  }

  private address(place: Place): string {
    const r = this.r;
    const no = r.int(1, 988);
    if (place.country === 'CN') {
      if (place.city === XINJIANG_COUNTY_SHANXI.city) return `No. ${no} ${r.pick(ROADS)} Road, Xinjiang County, Yuncheng, Shanxi`;
      return `No. ${no} ${r.pick(ROADS)} Road, ${place.city}, ${place.province ?? ''}`.replace(/, $/, '');
    }
    return `${no} ${r.pick(EN_STREETS)}, ${place.city}${place.province ? `, ${place.province}` : ''}`;
  }

  private newFacility(firm: FirmInfo, place: Place, kind: string, flags: number, shared: boolean): FacInfo {
    const id = `${this.p}FAC-${++this.n.fac}`;
    const f: BundleFacility = {
      id, name: `${firm.word} ${place.city} ${kind.toLowerCase().replace(/_/g, ' ')}`,
      firm: firm.id, kind, address: this.address(place), city: place.city,
      ...(place.province ? { province: place.province } : {}), country: place.country,
    };
    this.ops.push({ k: 'facility', v: f });
    return { id, firm, flags, shared, customers: [] };
  }

  private xuarPlace(sector: SectorDef, prefer?: string): Place {
    const city = prefer ?? this.r.pick(sector.xuarCities);
    return { country: 'CN', city, cityZh: this.xuarZh.get(city) ?? '', province: 'Xinjiang', provinceZh: '新疆' };
  }

  private makeImporter(sector: SectorDef['id']): Importer {
    const nouns: Record<SectorDef['id'], string[]> = {
      COTTON: ['Apparel', 'Outfitters', 'Brands', 'Clothing'], SOLAR: ['Solar Supply', 'Renewables', 'Energy Products'],
      ALUMINUM: ['Building Products', 'Metals', 'Architectural Systems'], TOMATO: ['Foods', 'Provisions', 'Food Brands'],
      PVC: ['Flooring', 'Building Supply', 'Surfaces'],
    };
    const place = this.r.pick(US_IMPORT_PLACES);
    const firm = this.newFirm(place, this.r.pick(nouns[sector]), '');
    const fac = this.newFacility(firm, place, 'DISTRIBUTION_CENTER', 0, true);
    return { firm, fac, sector };
  }

  // ------------------------------------------------------------------ listed entities

  private listedFirm(sector: SectorDef, startDay: number, coveringOnly = false): ListedFirm | undefined {
    const eligible: number[] = [];
    const fitting: number[] = [];
    this.entries.forEach((e, i) => {
      if (dayOf(e.effectiveDate) > startDay) return;
      if (coveringOnly && !e.coversSubsidiaries) return;
      eligible.push(i);
      if (sector.listedPattern.test(e.name) || e.aliases.some((a) => sector.listedPattern.test(a))) fitting.push(i);
    });
    if (!eligible.length) return undefined;
    const idx = this.r.pick(fitting.length && !coveringOnly ? fitting : eligible);
    let lf = this.listed.get(idx);
    if (lf) return lf;
    const e = this.entries[idx];
    // the name as written in the data: the listed name, or an alias / former name
    const roll = this.r.next();
    const name = roll < 0.3 && e.aliases.length ? this.r.pick(e.aliases) : roll < 0.4 && e.formerNames.length ? this.r.pick(e.formerNames) : e.name;
    const words = e.name.split(/[\s,()]+/);
    const xuarCity = words.find((w) => this.xuarZh.has(w));
    const inXuar = !!xuarCity || /xinjiang|xpcc|bingtuan/i.test(e.name);
    const place: Place = inXuar ? this.xuarPlace(sector, xuarCity) : { ...this.r.pick(sector.places.mid.filter((p) => p.country === 'CN').concat(sector.places.late.filter((p) => p.country === 'CN'))) };
    const id = `${this.p}F-${++this.n.firm}`;
    this.usedNames.add(name);
    const firm: BundleFirm = {
      id, name, ...(e.localNames.length ? { localName: e.localNames[0] } : {}), country: 'CN',
      address: this.address(place), city: place.city, ...(place.province ? { province: place.province } : {}),
    };
    this.ops.push({ k: 'firm', v: firm });
    const word = name.split(/\s+/)[0].replace(/[^A-Za-z]/g, '') || 'Listed';
    lf = { firm: { id, country: 'CN', code: word.slice(0, 4).toUpperCase(), word }, place, xuar: inXuar, effectiveDay: dayOf(e.effectiveDate), facilities: new Map() };
    this.listed.set(idx, lf);
    return lf;
  }

  // ------------------------------------------------------------------ one network

  private planStages(sector: SectorDef, depth: number): PlannedStage[] {
    const core = this.r.pick(sector.variants);
    let stages: PlannedStage[] = core.map((s, i) => ({ ...s, coreIndex: i }));
    if (depth < stages.length) {
      // keep the raw stage and the last depth-1 stages; fold the dropped yields into the first kept one
      const kept = stages.slice(stages.length - (depth - 1));
      if (kept.length) {
        const dropped = stages.slice(1, stages.length - (depth - 1));
        kept[0] = { ...kept[0], factor: dropped.reduce((f, s) => f * s.factor, kept[0].factor) };
      }
      stages = [stages[0], ...kept].slice(0, depth);
    }
    const half = core.length / 2;
    while (stages.length < depth) {
      const filler = this.r.pick(sector.fillers);
      const early = /WAREHOUSE|PROCESSING|STORAGE/.test(filler.kind) && !/COLD/.test(filler.kind);
      const late = /EXPORT|SEWING|WASHING|DISTRIBUTOR|ANODIZING/.test(filler.kind);
      const allowed: number[] = [];
      stages.forEach((s, j) => {
        if (early && s.coreIndex >= half) return;
        if (late && s.coreIndex < half - 0.5) return;
        allowed.push(j);
      });
      const j = allowed.length ? this.r.pick(allowed) : stages.length - 1;
      const prev = stages[j];
      stages.splice(j + 1, 0, { kind: filler.kind, noun: filler.noun, nounZh: filler.nounZh, material: prev.material, factor: 1, coreIndex: prev.coreIndex });
    }
    return stages;
  }

  private buildNetwork(budget: number, shipCount: number): void {
    const r = this.r;
    const sector = r.weighted(SECTORS, (s) => s.weight);
    // tiny budgets: shallower chains, so that every stage has a flow and the last stage one per shipment
    const depth = Math.max(1, Math.min(budget - Math.max(0, shipCount - 1), r.int(this.minT, this.maxT)));
    const stages = this.planStages(sector, depth);
    const startDay = r.int(START_MIN, START_MAX);
    // exposure clusters by network, as in real supply webs: a minority of networks source from
    // the XUAR or deal with listed entities, and do so at several sites; the rest do not at all
    const exposure = (share: number) => {
      const networks = Math.min(1, share * 3);
      return networks > 0 && r.chance(networks) ? share / networks : 0;
    };
    const pXuar = exposure(this.xuarShare);
    const pListed = exposure(this.listedShare);

    // flows per stage: the raw stage has more, smaller lots; the last stage covers the shipments
    const weights = stages.map((_, s) => (s === 0 ? 1.5 : 1));
    const wsum = weights.reduce((a, b) => a + b, 0);
    const n = weights.map((w) => Math.floor((budget * w) / wsum));
    for (let s = depth - 1, left = budget - n.reduce((a, b) => a + b, 0); left > 0; s = (s - 1 + depth) % depth, left--) n[s]++;
    for (let s = 0; s < depth; s++) {
      while (n[s] < 1) { const big = n.indexOf(Math.max(...n)); n[big]--; n[s]++; }
    }
    while (n[depth - 1] < shipCount) {
      let big = -1;
      for (let s = 0; s < depth - 1; s++) if (n[s] > 1 && (big < 0 || n[s] > n[big])) big = s;
      if (big < 0) break;
      n[big]--; n[depth - 1]++;
    }
    // spot suppliers (untraced inputs): a few lots into stages 2..depth-1
    const spots = n.map((ns, s) => (s >= 1 && s <= depth - 2 ? Math.min(Math.floor(ns * 0.004 + r.next()), ns - 1) : 0));
    const regular = n.map((ns, s) => ns - spots[s]);
    // facilities per stage; stage s needs at least one regular lot per facility
    const width: number[] = [];
    for (let s = 0; s < depth; s++) {
      const per = s === 0 ? r.int(2, 6) : r.int(3, 12);
      let w = Math.max(1, Math.ceil(regular[s] / per));
      w = Math.min(w, regular[s]);
      if (s > 0) w = Math.min(w, regular[s - 1]);
      width.push(w);
    }

    // facilities
    const facs: FacInfo[][] = [];
    const newFirms: FirmInfo[] = [];
    const facsOfFirm = new Map<string, FacInfo[]>();
    const usedAt = new Map<string, number>(); // shared facility id -> the stage it serves in this network
    const owned = new Set<string>(); // firms that already have a holder in this network
    for (let s = 0; s < depth; s++) {
      const stage = stages[s];
      const pos: keyof SectorDef['places'] = s === 0 ? 'raw' : s < depth * 0.6 ? 'mid' : 'late';
      const row: FacInfo[] = [];
      for (let i = 0; i < width[s]; i++) {
        const xuarWeight = s < depth / 2 ? 1.6 : 0.4;
        if (pListed > 0 && r.chance(pListed)) {
          const lf = this.listedFirm(sector, startDay);
          if (lf) {
            let fac = lf.facilities.get(stage.kind);
            if (!fac || (usedAt.has(fac.id) && usedAt.get(fac.id) !== s)) {
              fac = this.newFacility(lf.firm, lf.place, stage.kind, (lf.xuar ? XUAR : 0) | LISTED, true);
              if (!lf.facilities.has(stage.kind)) lf.facilities.set(stage.kind, fac);
            }
            usedAt.set(fac.id, s);
            row.push(fac);
            continue;
          }
        }
        const prevFirm = row.length && !row[row.length - 1].shared && r.chance(0.1) ? row[row.length - 1].firm : undefined;
        let place: Place = pXuar > 0 && r.chance(Math.min(1, pXuar * xuarWeight)) ? this.xuarPlace(sector) : r.pick(sector.places[pos]);
        if (prevFirm && prevFirm.country !== place.country) {
          const same = sector.places[pos].filter((p) => p.country === prevFirm.country);
          place = same.length ? r.pick(same) : r.pick(sector.places[pos].filter((p) => p.country !== 'CN').concat([{ country: prevFirm.country, city: 'Industrial Zone' }]));
        }
        const isXuar = place.province === 'Xinjiang';
        if (!isXuar && place.country === 'CN' && r.chance(0.004)) place = XINJIANG_COUNTY_SHANXI;
        const firm = prevFirm ?? this.newFirm(place, stage.noun, stage.nounZh, { xuar: isXuar, nameIndicator: !isXuar && place.country === 'CN' && r.chance(0.004) });
        const fac = this.newFacility(firm, place, stage.kind, isXuar ? XUAR : 0, false);
        if (!prevFirm) newFirms.push(firm);
        const list = facsOfFirm.get(firm.id) ?? [];
        list.push(fac);
        facsOfFirm.set(firm.id, list);
        row.push(fac);
      }
      facs.push(row);
    }

    // ownership: groups holding some of the network's firms, and subsidiaries of listed parents
    const groups = Math.floor(newFirms.length / 25 + r.next());
    for (let g = 0; g < groups && newFirms.length >= 2; g++) {
      const cnPlaces = sector.places.mid.filter((p) => p.country === 'CN');
      const hq: Place = r.chance(0.4) || !cnPlaces.length ? { country: 'HK', city: 'Hong Kong' } : r.pick(cnPlaces);
      const parent = this.newFirm(hq, hq.country === 'HK' ? 'Industrial' : 'Investment', '投资', { holding: true });
      let owner = parent;
      if (r.chance(0.4)) {
        const mid = this.newFirm(hq, 'Industrial Investment', '实业投资', {});
        this.ops.push({ k: 'own', v: { owner: parent.id, owned: mid.id, share: r.chance(0.6) ? 1 : round2(r.float(0.51, 0.95)) } });
        owner = mid;
      }
      for (const f of r.sample(newFirms, r.int(2, Math.min(5, newFirms.length)))) {
        if (owned.has(f.id)) continue;
        owned.add(f.id);
        this.ops.push({ k: 'own', v: { owner: owner.id, owned: f.id, share: r.chance(0.8) ? round2(r.float(0.51, 1)) : round2(r.float(0.1, 0.49)) } });
      }
    }
    const affiliates = pListed > 0 ? Math.floor(newFirms.length * pListed * 0.5 + r.next()) : 0;
    for (let a = 0; a < affiliates; a++) {
      const lf = this.listedFirm(sector, startDay, true);
      const sub = r.pick(newFirms);
      if (!lf || owned.has(sub.id)) continue;
      owned.add(sub.id);
      this.ops.push({ k: 'own', v: { owner: lf.firm.id, owned: sub.id, share: round2(r.float(0.51, 0.9)) } });
      for (const fac of facsOfFirm.get(sub.id) ?? []) fac.flags |= AFFILIATE;
    }

    // customers: each facility sells to 1-3 facilities of the next stage (importers for the last)
    const importers = this.importers.filter((im) => im.sector === sector.id);
    const pool = importers.length ? importers : this.importers;
    const netImporters = r.sample(pool, r.int(1, Math.min(4, pool.length)));
    for (let s = 0; s < depth; s++) {
      for (const fac of facs[s]) {
        const k = s < depth - 1 ? Math.min(facs[s + 1].length, r.int(1, 3)) : Math.min(netImporters.length, r.int(1, 2));
        fac.customers = r.sample(s < depth - 1 ? facs[s + 1].map((_, i) => i) : netImporters.map((_, i) => i), k);
      }
    }

    // flows, stage by stage
    let inbox: Lot[][] = []; // per facility of the current stage: lots received
    const lastStage: { lot: Lot; importer: Importer; mat: string }[] = [];
    for (let s = 0; s < depth; s++) {
      const stage = stages[s];
      const mat = this.material.get(stage.material)!;
      const row = facs[s];
      const isLast = s === depth - 1;
      const nextInbox: Lot[][] = isLast ? [] : facs[s + 1].map(() => []);
      // regular outputs per facility: one each, the rest spread by how much each received
      const outputs = row.map(() => 1);
      const mass = s === 0 ? [] : inbox.map((lots) => lots.reduce((q, l) => q + l.qty, 0) + 1);
      for (let extra = regular[s] - row.length; extra > 0; extra--) {
        const i = s === 0 ? r.int(0, row.length - 1) : r.weighted(row.map((_, j) => j), (j) => mass[j] / outputs[j]);
        outputs[i]++;
      }
      // coverage: the first regular outputs go one to each next-stage facility
      let cover = 0;
      const nextWidth = isLast ? 0 : facs[s + 1].length;
      for (let i = 0; i < row.length; i++) {
        const fac = row[i];
        const groups = s === 0 ? [] : this.groupInputs(inbox[i], outputs[i]);
        const useCount = new Map<Lot, number>();
        for (const g of groups) for (const l of g) useCount.set(l, (useCount.get(l) ?? 0) + 1);
        for (let j = 0; j < outputs[i]; j++) {
          let qty: number;
          let day: number;
          let inputs: Lot[] = [];
          if (s === 0) {
            qty = r.int(sector.rawLot[0], sector.rawLot[1]);
            day = startDay + r.int(0, 90);
          } else {
            inputs = groups[j];
            qty = 0;
            day = 0;
            for (const lot of inputs) {
              qty += lot.qty / (useCount.get(lot) ?? 1);
              day = Math.max(day, lot.day);
            }
            qty *= stage.factor * r.float(0.97, 1.02);
            day += r.int(2, 25);
          }
          const flags = fac.flags | inputs.reduce((f, l) => f | l.flags, 0);
          const fallback = s > 0 && !mat.raw && !fac.shared && r.chance(0.05);
          const lot: Lot = { id: `${this.p}FL-${++this.n.flow}`, day, qty: Math.max(1, Math.round(qty)), flags: fallback ? this.fallbackFlags(fac, inbox[i], day) : flags, spot: false };
          let to: FacInfo;
          let importer: Importer | undefined;
          if (isLast) {
            importer = netImporters[r.pick(fac.customers)];
            to = importer.fac;
          } else {
            const target = cover < nextWidth ? cover++ : r.pick(fac.customers);
            to = facs[s + 1][target];
            nextInbox[target].push(lot);
          }
          this.emitFlow(lot, fac, to, mat, fallback ? undefined : inputs);
          if (isLast && importer) lastStage.push({ lot, importer, mat: stage.material });
        }
      }
      // spot suppliers: lots with no upstream, into random next-stage facilities
      for (let k = 0; k < spots[s] && !isLast; k++) {
        const place = r.pick(sector.places[s < depth * 0.6 ? 'mid' : 'late']);
        const firm = this.newFirm(place, stage.noun, stage.nounZh, {});
        const fac = this.newFacility(firm, place, stage.kind, 0, false);
        const target = r.int(0, nextWidth - 1);
        const received = nextInbox[target];
        const ref = received.length ? received[r.int(0, received.length - 1)].day : startDay + 30 * s;
        const lot: Lot = { id: `${this.p}FL-${++this.n.flow}`, day: ref - r.int(0, 20), qty: r.int(500, 20000), flags: 0, spot: true };
        received.push(lot);
        this.emitFlow(lot, fac, facs[s + 1][target], mat, undefined);
      }
      inbox = nextInbox.map((lots) => lots.sort((a, b) => a.day - b.day));
    }

    // shipments on the last stage
    for (const x of r.sample(lastStage, shipCount).sort((a, b) => a.lot.day - b.lot.day)) {
      const m = this.material.get(x.mat)!;
      const entryDay = x.lot.day + r.int(14, 40);
      const id = `${this.p}S-${++this.n.ship}`;
      const filer = x.importer.firm.code.slice(0, 3).padEnd(3, 'X');
      const serial = String(r.int(0, 9_999_999)).padStart(7, '0');
      const ship: BundleShipment = {
        id, entryNumber: `${filer}-${serial}-${r.int(0, 9)}`, importer: x.importer.firm.id, flow: x.lot.id,
        htsCode: `${m.hs}.00`, value: round2(x.lot.qty * m.price * r.float(0.9, 1.1)), currency: 'USD', entryDate: isoOf(entryDay),
        portOfEntry: r.pick(PORTS),
      };
      if (x.lot.flags && r.chance(0.3)) {
        const detained = entryDay + r.int(2, 7);
        ship.detention = { detainedOn: isoOf(detained), noticeDate: isoOf(detained + r.int(2, 5)) };
      }
      this.ops.push({ k: 'ship', v: ship });
    }
  }

  /** Splits a facility's received lots (by date) into `m` input groups: fan-in, some lots split across outputs. */
  private groupInputs(lots: Lot[], m: number): Lot[][] {
    const r = this.r;
    const reg = lots.filter((l) => !l.spot);
    const spot = lots.filter((l) => l.spot);
    const groups: Lot[][] = [];
    if (m <= reg.length) {
      // m contiguous groups of about equal size: cut points evenly spaced, each moved by up to one lot
      const cuts: number[] = [];
      for (let j = 1; j < m; j++) cuts.push(Math.round((j * reg.length) / m));
      for (let j = 0; j < cuts.length; j++) {
        const lo = j === 0 ? 1 : cuts[j - 1] + 1;
        const hi = j === cuts.length - 1 ? reg.length - 1 : cuts[j + 1] - 1;
        cuts[j] = Math.min(hi, Math.max(lo, cuts[j] + r.int(-1, 1)));
      }
      let from = 0;
      for (const c of [...cuts, reg.length]) { groups.push(reg.slice(from, c)); from = c; }
      for (let j = 0; j + 1 < groups.length; j++) {
        if (r.chance(0.15)) groups[j + 1].unshift(groups[j][groups[j].length - 1]); // one lot split across two outputs
      }
    } else {
      for (let j = 0; j < m; j++) groups.push([reg[Math.floor((j * reg.length) / m)]]);
    }
    for (const l of spot) groups[r.int(0, groups.length - 1)].push(l);
    return groups;
  }

  /** Taint of a facility-level fallback: everything that came into the facility by that day. */
  private fallbackFlags(fac: FacInfo, lots: Lot[], day: number): number {
    let f = fac.flags;
    for (const l of lots) if (l.day <= day) f |= l.flags;
    return f;
  }

  private emitFlow(lot: Lot, from: FacInfo, to: FacInfo, mat: { id: string; unit: string; price: number }, inputs: Lot[] | undefined): void {
    const docs = this.documents(lot, from, to, mat);
    const flow: BundleFlow = {
      id: lot.id, from: from.id, to: to.id, material: mat.id, quantity: lot.qty, unit: mat.unit, date: isoOf(lot.day),
      ...(inputs && inputs.length ? { inputs: inputs.map((l) => l.id) } : {}),
      ...(docs.length ? { documents: docs.map((d) => d.id) } : {}),
    };
    this.ops.push({ k: 'flow', v: flow, docs });
  }

  private documents(lot: Lot, from: FacInfo, to: FacInfo, mat: { price: number }): BundleDocument[] {
    const r = this.r;
    const seller = from.firm;
    const buyer = to.firm;
    const cross = seller.country !== buyer.country;
    const euro = ['IT', 'ES', 'PT', 'DE', 'GR'];
    const currency = !cross && seller.country === 'CN' ? 'CNY' : euro.includes(seller.country) && euro.includes(buyer.country) ? 'EUR' : 'USD';
    const fx = currency === 'CNY' ? 7.1 : currency === 'EUR' ? 0.92 : 1;
    const amount = round2(lot.qty * mat.price * fx * r.float(0.9, 1.1));
    const yymm = isoOf(lot.day).slice(2, 7).replace('-', '');
    const out: BundleDocument[] = [];
    const add = (type: DocumentType, abbr: string, dayOffset: number, who: FirmInfo | undefined, extra: Partial<BundleDocument> = {}) => {
      const id = `${this.p}D-${++this.n.doc}`;
      const lang = LANGUAGE[(who ?? seller).country] ?? 'en';
      out.push({
        id, type, number: `${(who ?? seller).code}-${abbr}-${yymm}-${String(this.n.doc % 100000).padStart(5, '0')}`,
        date: isoOf(lot.day + dayOffset), ...(who ? { issuer: who.id } : {}), language: type === 'BILL_OF_LADING' ? 'en' : lang, ...extra,
      });
    };
    if (r.chance(0.62)) add('PURCHASE_ORDER', 'PO', -r.int(20, 60), buyer);
    const invoiced = r.chance(0.92);
    if (invoiced) add('COMMERCIAL_INVOICE', 'CI', 0, seller, { amount, currency });
    if (r.chance(0.5)) add('PACKING_LIST', 'PL', 0, seller);
    if (r.chance(0.45)) add(cross ? 'BILL_OF_LADING' : 'TRANSPORT_RECORD', cross ? 'BL' : 'TR', r.int(0, 3), undefined);
    if (r.chance(0.3)) add('PROOF_OF_PAYMENT', 'TT', r.int(0, 45), buyer, { amount, currency, payer: buyer.id, payee: seller.id });
    if (r.chance(0.15)) add('PRODUCTION_RECORD', 'PR', -r.int(1, 10), seller);
    if (cross && r.chance(0.05)) add('CERTIFICATE_OF_ORIGIN', 'CO', 1, undefined);
    if (r.chance(0.02)) {
      const t = r.pick(['LAB_TEST', 'AUDIT_REPORT', 'MILL_CERTIFICATE', 'AFFIDAVIT'] as const);
      add(t, t.slice(0, 2), -r.int(1, 30), t === 'MILL_CERTIFICATE' || t === 'AFFIDAVIT' ? seller : undefined);
    }
    return out;
  }
}
