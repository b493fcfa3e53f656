// Origin concentration (issue 17): for a material heading, how much of the tenant's supply
// of it was made in each country. Each flow of the heading that transforms (rules/origin.ts:
// raw, or every input under another known heading) is a quantity made at its source
// facility; flows that pass goods of the heading on are the same goods again and are not
// counted; flows whose inputs' headings are unknown, or that have no inputs, are reported
// as unresolved. Quantities add up per unit only. The Herfindahl index is the sum of the
// countries' squared shares (0 to 1; 1 is one country).
import type { Graph } from '../graph/graph';
import { BadInputError } from '../errors';
import * as Q from './cypher';
import { headingOf } from './rules/origin';

export interface ConcentrationFlow {
  flowId: string;
  quantity: number | null;
  unit: string | null;
  raw: boolean;
  hsCode: string | null;
  country: string | null;
  /** the inputs' HS codes ('' for an input with none) */
  inputCodes: string[];
}
export interface CountryQuantity {
  country: string;
  quantity: number;
  share: number;
  flows: number;
}
export interface UnitConcentration {
  unit: string | null;
  total: number;
  countries: CountryQuantity[];
  largestCountry: string | null;
  largestShare: number;
  herfindahl: number;
}
export interface OriginConcentration {
  heading: string;
  materialIds: string[];
  units: UnitConcentration[];
  transformingFlows: number;
  passThroughFlows: number;
  /** flows of the heading whose transformation cannot be told (unknown input headings, no inputs, no country, no quantity) */
  unresolvedFlows: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** What one flow of the heading is: made here (in a known country, with a quantity), passed on, or not to be told. */
function standing(f: ConcentrationFlow, heading: string): 'made' | 'passes' | 'unresolved' {
  if (!f.raw) {
    const inputs = f.inputCodes.map(headingOf);
    if (!inputs.length || inputs.some((h) => h === null)) return 'unresolved';
    if (inputs.includes(heading)) return 'passes';
  }
  return f.country && f.quantity !== null && f.quantity !== undefined ? 'made' : 'unresolved';
}

export function concentrationOf(heading: string, materialIds: string[], flows: ConcentrationFlow[]): OriginConcentration {
  let transformingFlows = 0;
  let passThroughFlows = 0;
  let unresolvedFlows = 0;
  const perUnit = new Map<string, Map<string, { quantity: number; flows: number }>>();
  for (const f of flows) {
    const s = standing(f, heading);
    if (s === 'passes') passThroughFlows++;
    else if (s === 'unresolved') unresolvedFlows++;
    else {
      transformingFlows++;
      const unit = (f.unit ?? '').trim().toLowerCase();
      const country = f.country!.toUpperCase();
      const byCountry = perUnit.get(unit) ?? new Map();
      perUnit.set(unit, byCountry);
      const c = byCountry.get(country) ?? { quantity: 0, flows: 0 };
      c.quantity += f.quantity!;
      c.flows++;
      byCountry.set(country, c);
    }
  }
  const units = [...perUnit.entries()]
    .map(([unit, byCountry]): UnitConcentration => {
      const total = [...byCountry.values()].reduce((s, c) => s + c.quantity, 0);
      const countries = [...byCountry.entries()]
        .map(([country, c]) => ({ country, quantity: round(c.quantity), flows: c.flows, share: total > 0 ? round(c.quantity / total) : 0 }))
        .sort((a, b) => b.quantity - a.quantity || byText(a.country, b.country));
      const shares = total > 0 ? [...byCountry.values()].map((c) => c.quantity / total) : [];
      return {
        unit: unit || null,
        total: round(total),
        countries,
        largestCountry: countries[0]?.country ?? null,
        largestShare: countries[0]?.share ?? 0,
        herfindahl: round(shares.reduce((s, x) => s + x * x, 0)),
      };
    })
    .sort((a, b) => b.total - a.total || byText(a.unit ?? '', b.unit ?? ''));
  return { heading, materialIds, units, transformingFlows, passThroughFlows, unresolvedFlows };
}

/** The tenant's origin concentration for the heading of `code` (a heading, or any HS code under it). */
export async function originConcentration(graph: Graph, tenant: string, code: string): Promise<OriginConcentration> {
  const heading = headingOf(code);
  if (!heading) throw new BadInputError(`heading "${code.slice(0, 40)}" has fewer than four digits (e.g. "5205" or "5205.12")`, 'heading');
  const materials = await graph.read<{ id: string; hsCode: string | null; raw: boolean }>(Q.TENANT_MATERIAL_CODES, { tenant });
  const materialIds = materials
    .filter((m) => headingOf(m.hsCode) === heading)
    .map((m) => m.id)
    .sort(byText);
  const flows = materialIds.length ? await graph.read<ConcentrationFlow>(Q.FLOWS_OF_MATERIALS, { tenant, materialIds }) : [];
  return concentrationOf(heading, materialIds, flows);
}
