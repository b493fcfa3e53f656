// The computed origin of a flow (origin-checks.md): where the goods were last substantially
// transformed, read from the tracing graph. A flow transforms at its source facility when
// its material is raw, or when its heading and every input's heading are known and none of
// them equals it (a change of tariff heading); it passes through an input whose heading it
// shares. Its computed origin is its source country where it transforms, otherwise the
// union of the origins of the inputs it passes through; unknown where a heading is unknown
// or the flow is untraced. Pure: the graph comes in as a view.
import { inputsInIdOrder, type TraceFlow } from '../records';

/** What the origin rules read of a trace: only the flows the walk reached are visible. */
export interface OriginView {
  /** a flow the walk reached, with its inputs; undefined for any other */
  flow(flowId: string): TraceFlow | undefined;
  /** the heading of the flow's material (headingOf its hsCode), null when unknown */
  heading(flowId: string): string | null;
  /** whether the flow's material is raw */
  raw(flowId: string): boolean;
  /** the country of the flow's source facility (or, where the facility has none, of its firm), upper case; null when unknown */
  country(flowId: string): string | null;
}

const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** The heading of an HS/HTS code: its first four digits once non-digits are removed; null when missing or shorter. */
export function headingOf(hsCode: string | null | undefined): string | null {
  // most codes begin with their four digits: those need no regular expression (traces ask per hop)
  if (hsCode && hsCode.length >= 4 && isDigit(hsCode, 0) && isDigit(hsCode, 1) && isDigit(hsCode, 2) && isDigit(hsCode, 3)) {
    return hsCode.slice(0, 4);
  }
  const digits = (hsCode ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(0, 4) : null;
}

/** The chapter of an HS/HTS code: its first two digits once non-digits are removed; null when shorter. */
export function chapterOf(hsCode: string | null | undefined): number | null {
  const digits = (hsCode ?? '').replace(/\D/g, '');
  return digits.length >= 2 ? Number(digits.slice(0, 2)) : null;
}

/** How one flow stands for its origin, from its own heading and its inputs' alone. */
export type OriginStep = { kind: 'transforms' } | { kind: 'passes'; through: string[] } | { kind: 'unknown'; why: string };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The inputs a flow passes through: those whose heading is known and equals the flow's (in id order). */
export function passedThrough(view: OriginView, flowId: string): string[] {
  const flow = view.flow(flowId);
  const heading = view.heading(flowId);
  if (!flow || heading === null || view.raw(flowId)) return [];
  const through: string[] = [];
  for (const { id } of inputsInIdOrder(flow)) if (view.flow(id) !== undefined && view.heading(id) === heading) through.push(id);
  return through;
}

/** Whether the flow transforms, passes through some inputs, or cannot be told. */
export function originStep(view: OriginView, flowId: string): OriginStep {
  const flow = view.flow(flowId);
  if (!flow) return { kind: 'unknown', why: `flow ${flowId} is beyond the trace` };
  if (view.raw(flowId)) return { kind: 'transforms' };
  const heading = view.heading(flowId);
  if (heading === null) return { kind: 'unknown', why: `the heading of flow ${flowId}'s material is unknown` };
  if (flow.inputs.length === 0) return { kind: 'unknown', why: `flow ${flowId} is untraced (no inputs)` };
  const through: string[] = [];
  for (const { id } of inputsInIdOrder(flow)) {
    if (!view.flow(id)) return { kind: 'unknown', why: `input ${id} of flow ${flowId} is beyond the trace` };
    const h = view.heading(id);
    if (h === null) return { kind: 'unknown', why: `the heading of input ${id}'s material is unknown` };
    if (h === heading && !through.includes(id)) through.push(id);
  }
  return through.length ? { kind: 'passes', through } : { kind: 'transforms' };
}

/** A flow where the origin was decided: it transforms, and is reached from the start through pass-throughs. */
export interface OriginDecision {
  flowId: string;
  country: string;
  /** flow ids from the start to this flow, each passing through the next */
  path: string[];
}
/** A flow on the way that only passed goods on, with its country. */
export interface OriginPassThrough {
  flowId: string;
  country: string | null;
  heading: string;
  path: string[];
}
export interface FlowOrigin {
  flowId: string;
  known: boolean;
  /** the computed origin: the countries of the deciding flows, sorted; empty when unknown */
  countries: string[];
  decidedAt: OriginDecision[];
  passThrough: OriginPassThrough[];
  /** why the origin is unknown, at the first flow where it could not be told */
  unknown: { flowId: string; why: string; path: string[] } | null;
}

/**
 * The computed origin of a flow: breadth-first through the flows it passes through (each
 * once, so a cycle of pass-throughs ends), collecting the transforming flows. One flow that
 * cannot be told makes the whole origin unknown (a union with an unknown part is unknown);
 * so does a cycle that never reaches a transforming flow.
 */
export function computedOrigin(view: OriginView, flowId: string): FlowOrigin {
  const decidedAt: OriginDecision[] = [];
  const passThrough: OriginPassThrough[] = [];
  let unknown: FlowOrigin['unknown'] = null;
  const seen = new Set([flowId]);
  let frontier: string[][] = [[flowId]];
  while (frontier.length && !unknown) {
    const next: string[][] = [];
    for (const path of frontier) {
      const at = path[path.length - 1];
      const step = originStep(view, at);
      if (step.kind === 'unknown') {
        unknown = { flowId: at, why: step.why, path };
        break;
      }
      if (step.kind === 'transforms') {
        const country = view.country(at);
        if (country === null) {
          unknown = { flowId: at, why: `flow ${at} transforms at a facility with no country`, path };
          break;
        }
        decidedAt.push({ flowId: at, country, path });
        continue;
      }
      passThrough.push({ flowId: at, country: view.country(at), heading: view.heading(at)!, path });
      for (const id of step.through) {
        if (seen.has(id)) continue;
        seen.add(id);
        next.push([...path, id]);
      }
    }
    frontier = next;
  }
  if (!unknown && decidedAt.length === 0) {
    unknown = { flowId, why: `flow ${flowId} passes through a cycle of flows that never transform`, path: [flowId] };
  }
  return {
    flowId,
    known: unknown === null,
    countries: unknown ? [] : [...new Set(decidedAt.map((d) => d.country))].sort(byText),
    decidedAt: unknown ? [] : decidedAt,
    passThrough,
    unknown,
  };
}

/** The trade-preference programs whose yarn-forward rule the trace checks, and their parties. */
export const PREFERENCE_PARTIES: Readonly<Record<string, readonly string[]>> = {
  USMCA: ['US', 'CA', 'MX'],
  'CAFTA-DR': ['US', 'CR', 'DO', 'GT', 'HN', 'NI', 'SV'],
};

/** The program a claim names ("cafta dr", "CAFTA-DR", "usmca"), or null for any other. */
export function preferenceProgramOf(claim: string | null | undefined): string | null {
  const squashed = (claim ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return Object.keys(PREFERENCE_PARTIES).find((p) => p.replace(/[^A-Z0-9]/g, '') === squashed) ?? null;
}

const inRanges = (heading: number, ranges: readonly (readonly [number, number])[]) =>
  ranges.some(([lo, hi]) => heading >= lo && heading <= hi);
const YARN: readonly (readonly [number, number])[] = [
  [5204, 5207],
  [5401, 5406],
  [5508, 5511],
];
const FABRIC: readonly (readonly [number, number])[] = [
  [5208, 5212],
  [5407, 5408],
  [5512, 5516],
  [6001, 6006],
];

/** Whether a heading is yarn or fabric in the yarn-forward sense, or neither. */
export function textileStage(heading: string | null): 'yarn' | 'fabric' | null {
  if (heading === null) return null;
  const h = Number(heading);
  return inRanges(h, YARN) ? 'yarn' : inRanges(h, FABRIC) ? 'fabric' : null;
}

/** Textiles and apparel: HTS chapters 50 to 63. */
export const isTextileChapter = (chapter: number | null) => chapter !== null && chapter >= 50 && chapter <= 63;
