// One network: a sector's supply web, upstream first. Its stages are planned, sized and
// filled with facilities; some firms get owners; each facility gets customers in the next
// stage; then lots flow stage by stage, and the last stage ships to U.S. importers.
import type { BundleFlow, BundleShipment } from '../model/bundle';
import { PORTS, SECTORS, XINJIANG_COUNTY_SHANXI, type Place, type SectorDef } from './catalog';
import {
  AFFILIATE,
  LISTED,
  round2,
  XUAR,
  type FacInfo,
  type FirmInfo,
  type GenContext,
  type Importer,
  type Lot,
  type MaterialInfo,
  type PlannedStage,
} from './context';
import { isoOf, START_MAX, START_MIN } from './days';
import { documentsFor } from './documents';
import type { FirmMaker } from './firms';
import type { ListedFirms } from './listedFirms';
import type { Random } from './prng';

/** What is drawn for a network before any record: sector, depth and stages, start day, exposure. */
interface NetworkPlan {
  sector: SectorDef;
  depth: number;
  stages: PlannedStage[];
  startDay: number;
  /** chance that a facility is in the XUAR / run by a listed firm, in this network */
  pXuar: number;
  pListed: number;
}

/** Lots per stage (regular and from spot suppliers) and facilities per stage. */
interface StageSizes {
  regular: number[];
  spots: number[];
  width: number[];
}

interface NetworkFacilities {
  facs: FacInfo[][];
  newFirms: FirmInfo[];
  facsOfFirm: Map<string, FacInfo[]>;
}

interface LastStageLot {
  lot: Lot;
  importer: Importer;
  mat: string;
}

export interface NetworkSettings {
  xuarShare: number;
  listedShare: number;
  minT: number;
  maxT: number;
}

export class NetworkBuilder {
  private readonly r: Random;

  constructor(
    private readonly ctx: GenContext,
    private readonly firms: FirmMaker,
    private readonly listed: ListedFirms,
    private readonly importers: Importer[],
    private readonly material: Map<string, MaterialInfo>,
    private readonly settings: NetworkSettings,
  ) {
    this.r = ctx.r;
  }

  /** Emits one network of `budget` flows and `shipCount` shipments. */
  build(budget: number, shipCount: number): void {
    const net = this.plan(budget, shipCount);
    const sizes = this.stageSizes(net, budget, shipCount);
    const facilities = this.placeFacilities(net, sizes.width);
    this.addOwnership(net, facilities);
    const netImporters = this.linkCustomers(net, facilities.facs);
    const lastStage = this.emitFlows(net, sizes, facilities.facs, netImporters);
    this.emitShipments(lastStage, shipCount);
  }

  private plan(budget: number, shipCount: number): NetworkPlan {
    const sector = this.r.weighted(SECTORS, (s) => s.weight);
    // tiny budgets: shallower chains, so that every stage has a flow and the last stage one per shipment
    const depth = Math.max(1, Math.min(budget - Math.max(0, shipCount - 1), this.r.int(this.settings.minT, this.settings.maxT)));
    const stages = this.planStages(sector, depth);
    const startDay = this.r.int(START_MIN, START_MAX);
    // exposure clusters by network, as in real supply webs: a minority of networks source from
    // the XUAR or deal with listed entities, and do so at several sites; the rest do not at all
    const exposure = (share: number) => {
      const networks = Math.min(1, share * 3);
      return networks > 0 && this.r.chance(networks) ? share / networks : 0;
    };
    const pXuar = exposure(this.settings.xuarShare);
    const pListed = exposure(this.settings.listedShare);
    return { sector, depth, stages, startDay, pXuar, pListed };
  }

  private stageSizes(net: NetworkPlan, budget: number, shipCount: number): StageSizes {
    const { depth, stages } = net;
    // flows per stage: the raw stage has more, smaller lots; the last stage covers the shipments
    const weights = stages.map((_, s) => (s === 0 ? 1.5 : 1));
    const wsum = weights.reduce((a, b) => a + b, 0);
    const n = weights.map((w) => Math.floor((budget * w) / wsum));
    for (let s = depth - 1, left = budget - n.reduce((a, b) => a + b, 0); left > 0; s = (s - 1 + depth) % depth, left--) n[s]++;
    for (let s = 0; s < depth; s++) {
      while (n[s] < 1) {
        const big = n.indexOf(Math.max(...n));
        n[big]--;
        n[s]++;
      }
    }
    while (n[depth - 1] < shipCount) {
      let big = -1;
      for (let s = 0; s < depth - 1; s++) if (n[s] > 1 && (big < 0 || n[s] > n[big])) big = s;
      if (big < 0) break;
      n[big]--;
      n[depth - 1]++;
    }
    // spot suppliers (untraced inputs): a few lots into stages 2..depth-1
    const spots = n.map((ns, s) => (s >= 1 && s <= depth - 2 ? Math.min(Math.floor(ns * 0.004 + this.r.next()), ns - 1) : 0));
    const regular = n.map((ns, s) => ns - spots[s]);
    // facilities per stage; stage s needs at least one regular lot per facility
    const width: number[] = [];
    for (let s = 0; s < depth; s++) {
      const per = s === 0 ? this.r.int(2, 6) : this.r.int(3, 12);
      let w = Math.max(1, Math.ceil(regular[s] / per));
      w = Math.min(w, regular[s]);
      if (s > 0) w = Math.min(w, regular[s - 1]);
      width.push(w);
    }
    return { regular, spots, width };
  }

  private placeFacilities(net: NetworkPlan, width: number[]): NetworkFacilities {
    const r = this.r;
    const { sector, depth, stages, startDay, pXuar, pListed } = net;
    // facilities
    const facs: FacInfo[][] = [];
    const newFirms: FirmInfo[] = [];
    const facsOfFirm = new Map<string, FacInfo[]>();
    const usedAt = new Map<string, number>(); // shared facility id -> the stage it serves in this network
    for (let s = 0; s < depth; s++) {
      const stage = stages[s];
      const pos: keyof SectorDef['places'] = s === 0 ? 'raw' : s < depth * 0.6 ? 'mid' : 'late';
      const row: FacInfo[] = [];
      for (let i = 0; i < width[s]; i++) {
        const xuarWeight = s < depth / 2 ? 1.6 : 0.4;
        if (pListed > 0 && r.chance(pListed)) {
          const lf = this.listed.pick(sector, startDay);
          if (lf) {
            let fac = lf.facilities.get(stage.kind);
            if (!fac || (usedAt.has(fac.id) && usedAt.get(fac.id) !== s)) {
              fac = this.firms.newFacility(lf.firm, lf.place, stage.kind, (lf.xuar ? XUAR : 0) | LISTED, true);
              if (!lf.facilities.has(stage.kind)) lf.facilities.set(stage.kind, fac);
            }
            usedAt.set(fac.id, s);
            row.push(fac);
            continue;
          }
        }
        const prevFirm = row.length && !row[row.length - 1].shared && r.chance(0.1) ? row[row.length - 1].firm : undefined;
        let place: Place =
          pXuar > 0 && r.chance(Math.min(1, pXuar * xuarWeight)) ? this.firms.xuarPlace(sector) : r.pick(sector.places[pos]);
        if (prevFirm && prevFirm.country !== place.country) {
          const same = sector.places[pos].filter((p) => p.country === prevFirm.country);
          place = same.length
            ? r.pick(same)
            : r.pick(sector.places[pos].filter((p) => p.country !== 'CN').concat([{ country: prevFirm.country, city: 'Industrial Zone' }]));
        }
        const isXuar = place.province === 'Xinjiang';
        if (!isXuar && place.country === 'CN' && r.chance(0.004)) place = XINJIANG_COUNTY_SHANXI;
        const firm =
          prevFirm ??
          this.firms.newFirm(place, stage.noun, stage.nounZh, {
            xuar: isXuar,
            nameIndicator: !isXuar && place.country === 'CN' && r.chance(0.004),
          });
        const fac = this.firms.newFacility(firm, place, stage.kind, isXuar ? XUAR : 0, false);
        if (!prevFirm) newFirms.push(firm);
        const list = facsOfFirm.get(firm.id) ?? [];
        list.push(fac);
        facsOfFirm.set(firm.id, list);
        row.push(fac);
      }
      facs.push(row);
    }
    return { facs, newFirms, facsOfFirm };
  }

  /** Groups holding some of the network's firms, and subsidiaries of listed parents. */
  private addOwnership(net: NetworkPlan, { newFirms, facsOfFirm }: NetworkFacilities): void {
    const r = this.r;
    const { sector, startDay, pListed } = net;
    const owned = new Set<string>(); // firms that already have a holder in this network
    const groups = Math.floor(newFirms.length / 25 + r.next());
    for (let g = 0; g < groups && newFirms.length >= 2; g++) {
      const cnPlaces = sector.places.mid.filter((p) => p.country === 'CN');
      const hq: Place = r.chance(0.4) || !cnPlaces.length ? { country: 'HK', city: 'Hong Kong' } : r.pick(cnPlaces);
      const parent = this.firms.newFirm(hq, hq.country === 'HK' ? 'Industrial' : 'Investment', '投资', { holding: true });
      let owner = parent;
      if (r.chance(0.4)) {
        const mid = this.firms.newFirm(hq, 'Industrial Investment', '实业投资', {});
        this.ctx.emit({ k: 'own', v: { owner: parent.id, owned: mid.id, share: r.chance(0.6) ? 1 : round2(r.float(0.51, 0.95)) } });
        owner = mid;
      }
      for (const f of r.sample(newFirms, r.int(2, Math.min(5, newFirms.length)))) {
        if (owned.has(f.id)) continue;
        owned.add(f.id);
        this.ctx.emit({
          k: 'own',
          v: { owner: owner.id, owned: f.id, share: r.chance(0.8) ? round2(r.float(0.51, 1)) : round2(r.float(0.1, 0.49)) },
        });
      }
    }
    const affiliates = pListed > 0 ? Math.floor(newFirms.length * pListed * 0.5 + r.next()) : 0;
    for (let a = 0; a < affiliates; a++) {
      const lf = this.listed.pick(sector, startDay, true);
      const sub = r.pick(newFirms);
      if (!lf || owned.has(sub.id)) continue;
      owned.add(sub.id);
      this.ctx.emit({ k: 'own', v: { owner: lf.firm.id, owned: sub.id, share: round2(r.float(0.51, 0.9)) } });
      for (const fac of facsOfFirm.get(sub.id) ?? []) fac.flags |= AFFILIATE;
    }
  }

  /** Each facility sells to 1-3 facilities of the next stage (importers for the last); returns the network's importers. */
  private linkCustomers(net: NetworkPlan, facs: FacInfo[][]): Importer[] {
    const r = this.r;
    const { sector, depth } = net;
    const importers = this.importers.filter((im) => im.sector === sector.id);
    const pool = importers.length ? importers : this.importers;
    const netImporters = r.sample(pool, r.int(1, Math.min(4, pool.length)));
    for (let s = 0; s < depth; s++) {
      for (const fac of facs[s]) {
        const k = s < depth - 1 ? Math.min(facs[s + 1].length, r.int(1, 3)) : Math.min(netImporters.length, r.int(1, 2));
        fac.customers = r.sample(s < depth - 1 ? facs[s + 1].map((_, i) => i) : netImporters.map((_, i) => i), k);
      }
    }
    return netImporters;
  }

  /** Lots stage by stage, from the raw stage to the importers; returns the last stage's lots. */
  private emitFlows(net: NetworkPlan, { regular, spots }: StageSizes, facs: FacInfo[][], netImporters: Importer[]): LastStageLot[] {
    const r = this.r;
    const { sector, depth, stages, startDay } = net;
    let inbox: Lot[][] = []; // per facility of the current stage: lots received
    const lastStage: LastStageLot[] = [];
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
        const i =
          s === 0
            ? r.int(0, row.length - 1)
            : r.weighted(
                row.map((_, j) => j),
                (j) => mass[j] / outputs[j],
              );
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
          const lot: Lot = {
            id: `${this.ctx.p}FL-${++this.ctx.n.flow}`,
            day,
            qty: Math.max(1, Math.round(qty)),
            flags: fallback ? this.fallbackFlags(fac, inbox[i], day) : flags,
            spot: false,
          };
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
      this.spotLots(net, s, spots[s], nextInbox, facs);
      inbox = nextInbox.map((lots) => lots.sort((a, b) => a.day - b.day));
    }
    return lastStage;
  }

  /** Spot suppliers: lots with no upstream, into random next-stage facilities. */
  private spotLots(net: NetworkPlan, s: number, count: number, nextInbox: Lot[][], facs: FacInfo[][]): void {
    const r = this.r;
    const { sector, depth, stages, startDay } = net;
    const stage = stages[s];
    const mat = this.material.get(stage.material)!;
    const isLast = s === depth - 1;
    const nextWidth = isLast ? 0 : facs[s + 1].length;
    for (let k = 0; k < count && !isLast; k++) {
      const place = r.pick(sector.places[s < depth * 0.6 ? 'mid' : 'late']);
      const firm = this.firms.newFirm(place, stage.noun, stage.nounZh, {});
      const fac = this.firms.newFacility(firm, place, stage.kind, 0, false);
      const target = r.int(0, nextWidth - 1);
      const received = nextInbox[target];
      const ref = received.length ? received[r.int(0, received.length - 1)].day : startDay + 30 * s;
      const lot: Lot = {
        id: `${this.ctx.p}FL-${++this.ctx.n.flow}`,
        day: ref - r.int(0, 20),
        qty: r.int(500, 20000),
        flags: 0,
        spot: true,
      };
      received.push(lot);
      this.emitFlow(lot, fac, facs[s + 1][target], mat, undefined);
    }
  }

  private emitShipments(lastStage: LastStageLot[], shipCount: number): void {
    const r = this.r;
    for (const x of r.sample(lastStage, shipCount).sort((a, b) => a.lot.day - b.lot.day)) {
      const m = this.material.get(x.mat)!;
      const entryDay = x.lot.day + r.int(14, 40);
      const id = `${this.ctx.p}S-${++this.ctx.n.ship}`;
      const filer = x.importer.firm.code.slice(0, 3).padEnd(3, 'X');
      const serial = String(r.int(0, 9_999_999)).padStart(7, '0');
      const ship: BundleShipment = {
        id,
        entryNumber: `${filer}-${serial}-${r.int(0, 9)}`,
        importer: x.importer.firm.id,
        flow: x.lot.id,
        htsCode: `${m.hs}.00`,
        value: round2(x.lot.qty * m.price * r.float(0.9, 1.1)),
        currency: 'USD',
        entryDate: isoOf(entryDay),
        portOfEntry: r.pick(PORTS),
      };
      if (x.lot.flags && r.chance(0.3)) {
        const detained = entryDay + r.int(2, 7);
        ship.detention = { detainedOn: isoOf(detained), noticeDate: isoOf(detained + r.int(2, 5)) };
      }
      this.ctx.emit({ k: 'ship', v: ship });
    }
  }

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
      stages.splice(j + 1, 0, {
        kind: filler.kind,
        noun: filler.noun,
        nounZh: filler.nounZh,
        material: prev.material,
        factor: 1,
        coreIndex: prev.coreIndex,
      });
    }
    return stages;
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
      for (const c of [...cuts, reg.length]) {
        groups.push(reg.slice(from, c));
        from = c;
      }
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

  private emitFlow(lot: Lot, from: FacInfo, to: FacInfo, mat: MaterialInfo, inputs: Lot[] | undefined): void {
    const docs = documentsFor(this.ctx, lot, from, to, mat);
    const flow: BundleFlow = {
      id: lot.id,
      from: from.id,
      to: to.id,
      material: mat.id,
      quantity: lot.qty,
      unit: mat.unit,
      date: isoOf(lot.day),
      ...(inputs && inputs.length ? { inputs: inputs.map((l) => l.id) } : {}),
      ...(docs.length ? { documents: docs.map((d) => d.id) } : {}),
    };
    this.ctx.emit({ k: 'flow', v: flow, docs });
  }
}
