// Firms named after real UFLPA Entity List entries (name, alias or former name), one per
// entry, placed in the XUAR when the name says so.
import type { BundleFirm } from '../model/bundle';
import type { EntityListEntry } from '../model/entityList';
import type { Place, SectorDef } from './catalog';
import type { GenContext, ListedFirm } from './context';
import { dayOf } from './days';
import type { FirmMaker } from './firms';

export class ListedFirms {
  private readonly listed = new Map<number, ListedFirm>();

  constructor(
    private readonly ctx: GenContext,
    private readonly firms: FirmMaker,
    private readonly entries: EntityListEntry[],
    private readonly xuarZh: ReadonlyMap<string, string>,
  ) {}

  /** A listed firm active by `startDay`, fitting the sector when one does; only listings covering subsidiaries with `coveringOnly`. */
  pick(sector: SectorDef, startDay: number, coveringOnly = false): ListedFirm | undefined {
    const eligible: number[] = [];
    const fitting: number[] = [];
    this.entries.forEach((e, i) => {
      if (dayOf(e.effectiveDate) > startDay) return;
      if (coveringOnly && !e.coversSubsidiaries) return;
      eligible.push(i);
      if (sector.listedPattern.test(e.name) || e.aliases.some((a) => sector.listedPattern.test(a))) fitting.push(i);
    });
    if (!eligible.length) return undefined;
    const idx = this.ctx.r.pick(fitting.length && !coveringOnly ? fitting : eligible);
    let lf = this.listed.get(idx);
    if (lf) return lf;
    const e = this.entries[idx];
    // the name as written in the data: the listed name, or an alias / former name
    const roll = this.ctx.r.next();
    const name =
      roll < 0.3 && e.aliases.length
        ? this.ctx.r.pick(e.aliases)
        : roll < 0.4 && e.formerNames.length
          ? this.ctx.r.pick(e.formerNames)
          : e.name;
    const words = e.name.split(/[\s,()]+/);
    const xuarCity = words.find((w) => this.xuarZh.has(w));
    const inXuar = !!xuarCity || /xinjiang|xpcc|bingtuan/i.test(e.name);
    const place: Place = inXuar
      ? this.firms.xuarPlace(sector, xuarCity)
      : {
          ...this.ctx.r.pick(
            sector.places.mid.filter((p) => p.country === 'CN').concat(sector.places.late.filter((p) => p.country === 'CN')),
          ),
        };
    const id = `${this.ctx.p}F-${++this.ctx.n.firm}`;
    this.firms.reserveName(name);
    const firm: BundleFirm = {
      id,
      name,
      ...(e.localNames.length ? { localName: e.localNames[0] } : {}),
      country: 'CN',
      address: this.firms.address(place),
      city: place.city,
      ...(place.province ? { province: place.province } : {}),
    };
    this.ctx.emit({ k: 'firm', v: firm });
    const word = name.split(/\s+/)[0].replace(/[^A-Za-z]/g, '') || 'Listed';
    lf = {
      firm: { id, country: 'CN', code: word.slice(0, 4).toUpperCase(), word },
      place,
      xuar: inXuar,
      effectiveDay: dayOf(e.effectiveDate),
      facilities: new Map(),
    };
    this.listed.set(idx, lf);
    return lf;
  }
}
