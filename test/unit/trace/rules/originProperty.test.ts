// The origin rules against a second, independent reading of origin-checks.md on random
// graphs (cycles, fallback inputs, unknown headings and countries, cut walks), and the
// page's promise that the three signals never change the verdict.
import fc from 'fast-check';
import { walkUpstream } from '../../../../src/trace/engine';
import { verdictOf } from '../../../../src/trace/rules';
import { traceOf, originInput, type FlowSpec, type ShipmentSpec } from '../../../fixtures/originGraph';

const ORIGIN_KINDS = ['ORIGIN_MISMATCH', 'TRANSSHIPMENT', 'YARN_FORWARD_FAIL'];
const COUNTRIES = ['CN', 'VN', 'MX', 'HN', 'US', null];
const CODES = ['6205.20', '5208.32', '5205.12', '8541.43', '6006.22', null, '62'];

const graph = fc.integer({ min: 1, max: 7 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `F${i}`);
  const spec = fc.record({
    country: fc.constantFrom(...COUNTRIES),
    hs: fc.constantFrom(...CODES),
    raw: fc.boolean(),
    inputs: fc.subarray(ids).chain((ins) => fc.tuple(...ins.map((i) => fc.boolean().map((lot) => (lot ? i : `~${i}`))))),
  });
  return fc
    .tuple(...ids.map(() => spec))
    .map((specs) => specs.map((s, i): FlowSpec => ({ id: ids[i], ...s, inputs: s.inputs as string[] })));
});
const shipment = fc.record(
  {
    countryOfOrigin: fc.constantFrom('CN', 'VN', 'MX', 'HN', 'US'),
    preferenceProgram: fc.constantFrom('USMCA', 'CAFTA-DR', 'cafta dr', 'GSP'),
    htsCode: fc.constantFrom('6205.20', '8541.43', '5208.32'),
  },
  { requiredKeys: [] },
);

/** The page read as a least fixed point: every flow's origin starts empty and grows to a set, or to unknown. */
function fixpointOrigins(flows: FlowSpec[], reached: Set<string>): Map<string, 'unknown' | Set<string>> {
  const byId = new Map(flows.map((f) => [f.id, f]));
  const heading = (id: string) => {
    const d = (byId.get(id)?.hs ?? '').replace(/\D/g, '');
    return d.length >= 4 ? d.slice(0, 4) : null;
  };
  const inputIds = (f: FlowSpec) => (f.inputs ?? []).map((i) => i.replace(/^~/, ''));
  const value = new Map<string, 'unknown' | Set<string>>([...reached].map((id) => [id, new Set<string>()]));
  const local = (id: string): 'unknown' | Set<string> => {
    const f = byId.get(id)!;
    const own = () => (f.country ? new Set([f.country]) : ('unknown' as const));
    if (f.raw) return own();
    const h = heading(id);
    const ins = inputIds(f);
    if (h === null || ins.length === 0) return 'unknown';
    if (ins.some((i) => !reached.has(i) || heading(i) === null)) return 'unknown';
    const same = ins.filter((i) => heading(i) === h);
    if (same.length === 0) return own();
    const out = new Set<string>();
    for (const i of same) {
      const v = value.get(i)!;
      if (v === 'unknown') return 'unknown';
      v.forEach((c) => out.add(c));
    }
    return out;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const id of reached) {
      const before = value.get(id)!;
      const after = local(id);
      const same = before === after || (before !== 'unknown' && after !== 'unknown' && before.size === after.size);
      if (!same) {
        value.set(id, after);
        changed = true;
      }
    }
  }
  for (const [id, v] of value) if (v !== 'unknown' && v.size === 0) value.set(id, 'unknown');
  return value;
}

describe('origin rules, property-based', () => {
  it('the computed origin agrees with the fixed-point reading of the page, for every maxTiers', () => {
    fc.assert(
      fc.property(graph, fc.integer({ min: 1, max: 8 }), (flows, maxTiers) => {
        const input = originInput(flows);
        const { tierOf } = walkUpstream(flows[0].id, new Map(input.flows.map((f) => [f.id, f])), maxTiers);
        const expected = fixpointOrigins(flows, new Set(tierOf.keys())).get(flows[0].id)!;
        const { origin } = traceOf(flows, {}, maxTiers);
        if (expected === 'unknown') expect(origin).toMatchObject({ known: false, countries: [] });
        else expect(origin).toMatchObject({ known: true, countries: [...expected].sort() });
        // every deciding flow is reached through pass-throughs, and its path starts at the carried flow
        for (const d of origin.decidedAt) expect(d.path[0]).toBe(flows[0].id);
      }),
      { numRuns: 400 },
    );
  });

  it('TRANSSHIPMENT is one flag per reached flow and input it passes through across a border', () => {
    fc.assert(
      fc.property(graph, (flows) => {
        const byId = new Map(flows.map((f) => [f.id, f]));
        const input = originInput(flows);
        const { tierOf } = walkUpstream(flows[0].id, new Map(input.flows.map((f) => [f.id, f])), 15);
        const heading = (f: FlowSpec) => ((f.hs ?? '').replace(/\D/g, '').length >= 4 ? f.hs!.replace(/\D/g, '').slice(0, 4) : null);
        const expected: string[] = [];
        for (const id of tierOf.keys()) {
          const f = byId.get(id)!;
          if (f.raw || heading(f) === null || !f.country) continue;
          for (const i of new Set((f.inputs ?? []).map((x) => x.replace(/^~/, '')))) {
            const g = byId.get(i)!;
            if (tierOf.has(i) && heading(g) === heading(f) && g.country && g.country !== f.country) expected.push(`${id}>${i}`);
          }
        }
        const got = traceOf(flows)
          .flags.filter((f) => f.kind === 'TRANSSHIPMENT')
          .map((f) => `${f.flowId}>${f.path[f.path.length - 1]}`);
        expect(got.sort()).toEqual(expected.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('the declared origin and the preference claim never change the verdict, nor any flag but the three signals', () => {
    fc.assert(
      fc.property(graph, shipment, (flows, claim: ShipmentSpec) => {
        const plain = traceOf(flows);
        const claimed = traceOf(flows, claim);
        expect(claimed.verdict).toBe(plain.verdict);
        const others = (t: typeof plain) => t.flags.filter((f) => !ORIGIN_KINDS.includes(f.kind));
        expect(others(claimed)).toEqual(others(plain));
        // and with every origin signal struck from the list, the verdict is the same
        expect(verdictOf(others(claimed).map((f) => f.kind))).toBe(claimed.verdict);
      }),
      { numRuns: 300 },
    );
  });
});
