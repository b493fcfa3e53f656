// What the generator's parts share: the random stream, the id prefix and counters, the
// records emitted so far (taken in order by the chunker), and the working records of firms,
// facilities and lots.
import type {
  BundleDocument,
  BundleFacility,
  BundleFirm,
  BundleFlow,
  BundleMaterial,
  BundleOwnership,
  BundleShipment,
} from '../model/bundle';
import type { Place, SectorDef, StageDef } from './catalog';
import type { Random } from './prng';

/** One record to emit; a flow carries its documents. */
export type Op =
  | { k: 'material'; v: BundleMaterial }
  | { k: 'firm'; v: BundleFirm }
  | { k: 'facility'; v: BundleFacility }
  | { k: 'own'; v: BundleOwnership }
  | { k: 'flow'; v: BundleFlow; docs: BundleDocument[] }
  | { k: 'ship'; v: BundleShipment };

/** Exposure flags of a facility or lot. */
export const XUAR = 1,
  LISTED = 2,
  AFFILIATE = 4;

export interface FirmInfo {
  id: string;
  country: string;
  code: string;
  word: string;
}
export interface FacInfo {
  id: string;
  firm: FirmInfo;
  flags: number;
  shared: boolean;
  /** next stage customers (facility indexes) or importer facilities */
  customers: number[];
}
export interface Lot {
  id: string;
  day: number;
  qty: number;
  flags: number;
  spot: boolean;
}
export interface ListedFirm {
  firm: FirmInfo;
  place: Place;
  xuar: boolean;
  effectiveDay: number;
  facilities: Map<string, FacInfo>;
}
export interface Importer {
  firm: FirmInfo;
  fac: FacInfo;
  sector: SectorDef['id'];
}
export interface PlannedStage extends StageDef {
  coreIndex: number;
}
export interface MaterialInfo {
  id: string;
  unit: string;
  price: number;
  raw: boolean;
  hs: string;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

export class GenContext {
  /** last number used per kind of id */
  readonly n = { firm: 0, fac: 0, flow: 0, doc: 0, ship: 0 };
  private ops: Op[] = [];

  /** `p`: the id prefix ("g1-" or "") */
  constructor(
    readonly r: Random,
    readonly p: string,
  ) {}

  emit(op: Op): void {
    this.ops.push(op);
  }

  /** The records emitted since the last flush, in order. */
  flush(): Op[] {
    const out = this.ops;
    this.ops = [];
    return out;
  }
}
