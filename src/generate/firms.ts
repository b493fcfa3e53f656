// Naming and placing synthetic firms and facilities: unique names that never borrow an
// Entity List word, addresses, XUAR places, and the U.S. importers.
import type { BundleFacility, BundleFirm } from '../model/bundle';
import {
  COMPANY_SUFFIX,
  EN_STREETS,
  EN_WORDS,
  ROADS,
  US_IMPORT_PLACES,
  XINJIANG_COUNTY_SHANXI,
  ZH_SYLLABLES,
  ZH_WORDS,
  type Place,
  type SectorDef,
} from './catalog';
import type { FacInfo, FirmInfo, GenContext, Importer } from './context';

export class FirmMaker {
  private readonly usedNames = new Set<string>();
  private readonly nameCounter = new Map<string, number>();

  /** `listWords`: words of Entity List names; `xuarZh`: XUAR place names with their Chinese names */
  constructor(
    private readonly ctx: GenContext,
    private readonly listWords: ReadonlySet<string>,
    private readonly xuarZh: ReadonlyMap<string, string>,
  ) {}

  /** Marks a name as used (a listed firm's). */
  reserveName(name: string): void {
    this.usedNames.add(name);
  }

  /** A name not used before: tries `make(attempt)`, then numbers the base name. */
  private uniqueName(make: (attempt: number) => string): string {
    for (let a = 0; a < 8; a++) {
      const name = make(a);
      if (!this.usedNames.has(name)) {
        this.usedNames.add(name);
        return name;
      }
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
      const [w, z] =
        attempt < 3
          ? this.ctx.r.pick(ZH_WORDS)
          : (() => {
              const [a, az] = this.ctx.r.pick(ZH_SYLLABLES);
              const [b, bz] = this.ctx.r.pick(ZH_SYLLABLES);
              return (a === b ? ['', ''] : [a + b.toLowerCase(), az + bz]) as [string, string];
            })();
      if (!this.listWords.has(w.toLowerCase()) && w.length > 3) return [w, z];
    }
  }

  private enBrand(attempt: number): string {
    for (;;) {
      const w = attempt < 3 ? this.ctx.r.pick(EN_WORDS) : `${this.ctx.r.pick(EN_WORDS)} ${this.ctx.r.pick(EN_WORDS)}`;
      if (!w.split(' ').some((x) => this.listWords.has(x.toLowerCase())) && new Set(w.split(' ')).size === w.split(' ').length) return w;
    }
  }

  newFirm(place: Place, noun: string, nounZh: string, opts: { nameIndicator?: boolean; xuar?: boolean; holding?: boolean } = {}): FirmInfo {
    const id = `${this.ctx.p}F-${++this.ctx.n.firm}`;
    const r = this.ctx.r;
    let name: string;
    let localName: string | undefined;
    let word: string;
    if (place.country === 'CN') {
      const head = place.city === XINJIANG_COUNTY_SHANXI.city ? 'Shanxi' : r.chance(0.7) ? place.city : (place.province ?? place.city);
      const headZh = head === 'Shanxi' ? '山西' : head === place.city ? (place.cityZh ?? '') : (place.provinceZh ?? '');
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
    const firm: BundleFirm = {
      id,
      name,
      ...(localName ? { localName } : {}),
      country: place.country,
      address,
      city: place.city,
      ...(place.province ? { province: place.province } : {}),
    };
    this.ctx.emit({ k: 'firm', v: firm });
    return { id, country: place.country, code: word.slice(0, 4).toUpperCase(), word };
  }

  address(place: Place): string {
    const r = this.ctx.r;
    const no = r.int(1, 988);
    if (place.country === 'CN') {
      if (place.city === XINJIANG_COUNTY_SHANXI.city) return `No. ${no} ${r.pick(ROADS)} Road, Xinjiang County, Yuncheng, Shanxi`;
      return `No. ${no} ${r.pick(ROADS)} Road, ${place.city}, ${place.province ?? ''}`.replace(/, $/, '');
    }
    return `${no} ${r.pick(EN_STREETS)}, ${place.city}${place.province ? `, ${place.province}` : ''}`;
  }

  newFacility(firm: FirmInfo, place: Place, kind: string, flags: number, shared: boolean): FacInfo {
    const id = `${this.ctx.p}FAC-${++this.ctx.n.fac}`;
    const f: BundleFacility = {
      id,
      name: `${firm.word} ${place.city} ${kind.toLowerCase().replace(/_/g, ' ')}`,
      firm: firm.id,
      kind,
      address: this.address(place),
      city: place.city,
      ...(place.province ? { province: place.province } : {}),
      country: place.country,
    };
    this.ctx.emit({ k: 'facility', v: f });
    return { id, firm, flags, shared, customers: [] };
  }

  xuarPlace(sector: SectorDef, prefer?: string): Place {
    const city = prefer ?? this.ctx.r.pick(sector.xuarCities);
    return { country: 'CN', city, cityZh: this.xuarZh.get(city) ?? '', province: 'Xinjiang', provinceZh: '新疆' };
  }

  makeImporter(sector: SectorDef['id']): Importer {
    const nouns: Record<SectorDef['id'], string[]> = {
      COTTON: ['Apparel', 'Outfitters', 'Brands', 'Clothing'],
      SOLAR: ['Solar Supply', 'Renewables', 'Energy Products'],
      ALUMINUM: ['Building Products', 'Metals', 'Architectural Systems'],
      TOMATO: ['Foods', 'Provisions', 'Food Brands'],
      PVC: ['Flooring', 'Building Supply', 'Surfaces'],
    };
    const place = this.ctx.r.pick(US_IMPORT_PLACES);
    const firm = this.newFirm(place, this.ctx.r.pick(nouns[sector]), '');
    const fac = this.newFacility(firm, place, 'DISTRIBUTION_CENTER', 0, true);
    return { firm, fac, sector };
  }
}
