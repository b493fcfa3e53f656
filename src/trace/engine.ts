// The trace itself, as a pure function: an upstream subgraph in, verdict, flags and
// parties out. The Cypher that fetches the subgraph lives in cypher.ts; the rules that
// judge a single hop live in rules/.
import {
  controllingOwners,
  entitiesOf,
  holdingsBetweenEntities,
  indexOwnership,
  OwnershipIndex,
  verdictOf,
  FLAG_KINDS,
  specifiedFlagKinds,
} from './rules';
import type { FlagKind, FlagKindRule, Hop, Party, Verdict } from './rules';
import { computedOrigin, headingOf, type FlowOrigin, type OriginView } from './rules/origin';
import {
  inputsInIdOrder,
  type StoredMatch,
  type TraceFacility,
  type TraceFirm,
  type TraceFlow,
  type TraceMaterial,
  type TraceShipment,
} from './records';

export type { FlagKind, Verdict } from './rules';

// The records the engine judges, as the trace's Cypher reads them (see records.ts).
export type { StoredMatch, TraceFacility, TraceFirm, TraceFlow, TraceMaterial } from './records';
export interface TraceInput {
  shipment: TraceShipment;
  flows: TraceFlow[];
  facilities: TraceFacility[];
  materials: TraceMaterial[];
  firms: TraceFirm[];
}
export interface RiskFlag {
  kind: FlagKind;
  firmId: string | null;
  facilityId: string | null;
  flowId: string | null;
  tier: number;
  reason: string;
  path: string[];
  evidence: string[];
}
export interface TraceParty {
  firmId: string;
  facilityId: string | null;
  name: string;
  tier: number;
  role: string;
}
export interface TraceHop {
  flowId: string;
  tier: number;
  fromFacilityId: string;
  toFacilityId: string;
  materialId: string;
  inputs: string[];
  lotAllocated: boolean;
  documents: string[];
}
/** The computed origin of the shipment (origin-checks.md), beside what its entry declares. */
export interface ShipmentOrigin {
  declared: string | null;
  preferenceProgram: string | null;
  known: boolean;
  countries: string[];
  /** the transforming flows where the origin was decided, each reached through pass-throughs */
  decidedAt: { flowId: string; country: string; tier: number; path: string[] }[];
  /** the flows on the way that only passed the goods on, with their countries */
  passThrough: { flowId: string; country: string | null; heading: string; tier: number; path: string[] }[];
  /** why the origin is unknown; null when known */
  unknownReason: string | null;
}
export interface ShipmentTrace {
  shipmentId: string;
  verdict: Verdict;
  asOf: string;
  tiers: number;
  flags: RiskFlag[];
  parties: TraceParty[];
  hops: TraceHop[];
  truncated: boolean;
  entityListVersion: string;
  origin: ShipmentOrigin;
}

/** The matches that make a firm listed once effective (an auto MATCH or a confirmed candidate, never a rejected one), best first. */
function listingCandidates(firm: TraceFirm | undefined): StoredMatch[] {
  if (!firm) return [];
  return firm.matches
    .filter((m) => m.status !== 'REJECTED' && (m.decision === 'MATCH' || m.status === 'CONFIRMED'))
    .sort((a, b) => b.score - a.score);
}

/** The POSSIBLE matches no reviewer has decided, best first: they keep a trace from CLEAR (POSSIBLE_LISTING). */
function pendingCandidates(firm: TraceFirm | undefined): StoredMatch[] {
  if (!firm) return [];
  return firm.matches.filter((m) => m.status === 'PENDING' && m.decision === 'POSSIBLE').sort((a, b) => b.score - a.score);
}

/** A firm's listing that counts on asOf. */
export function effectiveListing(firm: TraceFirm | undefined, asOf: string): StoredMatch | undefined {
  return listingCandidates(firm).find((m) => m.effectiveDate <= asOf);
}

/** The registry's kinds in judging order (rules/flagKinds.ts), and those judged once per party. */
const RULES: readonly FlagKindRule<FlagKind>[] = specifiedFlagKinds;
const PARTY_RULES = RULES.some((r) => r.judgeParty);

/**
 * What the registry's judgeParty said of a (facility, firm) pair, kept on the records
 * themselves: the party cache (partyContext.ts) hands every trace the same objects until the
 * tenant's data or list version changes, so a supplier met by many traces is judged once per
 * version, without building the text memo's keys again (a third of a warm trace's rules time).
 * Weak, so the judgments go with the records the cache drops.
 */
const judgedParties = new WeakMap<object, WeakMap<object, unknown[]>>();
const NO_FIRM = {};
function judgeParty({ facility, firm }: Party): unknown[] {
  if (!PARTY_RULES) return [];
  // the rules see only the party, never the rest of the hop they are called from
  const judge = () => RULES.map((r) => r.judgeParty?.({ facility, firm }));
  const first = facility ?? firm;
  if (!first) return judge();
  let byFirm = judgedParties.get(first);
  if (!byFirm) judgedParties.set(first, (byFirm = new WeakMap()));
  let judged = byFirm.get(firm ?? NO_FIRM);
  if (!judged) byFirm.set(firm ?? NO_FIRM, (judged = judge()));
  return judged;
}

/** Ids in code-unit order: stable across machines and locales, and far cheaper than localeCompare in sorts of thousands. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Breadth-first over INPUT edges: each flow's tier (its source is tier depth+1) and the
 * flow it was reached from. Paths are built on demand from those links (`pathTo`): a
 * trace needs one only for a flow that raises a flag, and the batch view needs none.
 */
export function walkUpstream(startFlowId: string, flows: Map<string, TraceFlow>, maxTiers: number) {
  const tierOf = new Map<string, number>();
  const reachedFrom = new Map<string, string>();
  let truncated = false;
  const pathTo = (flowId: string): string[] => {
    const path = [flowId];
    for (let at = reachedFrom.get(flowId); at !== undefined; at = reachedFrom.get(at)) path.push(at);
    return path.reverse();
  };
  if (!flows.has(startFlowId)) return { tierOf, pathTo, truncated };
  tierOf.set(startFlowId, 1);
  let frontier = [startFlowId];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      const flow = flows.get(id)!;
      const tier = tierOf.get(id)!;
      // inputs in id order, whatever order the database returned them in: the path a flag
      // names is then the same on every run and in every tenant holding the same data
      for (const input of inputsInIdOrder(flow)) {
        if (tierOf.has(input.id)) continue; // cycles and diamonds: first (shallowest) visit wins
        if (tier >= maxTiers || !flows.has(input.id)) {
          truncated = true;
          continue;
        }
        tierOf.set(input.id, tier + 1);
        reachedFrom.set(input.id, id);
        next.push(input.id);
      }
    }
    frontier = next;
  }
  return { tierOf, pathTo, truncated };
}

/** Lookup tables over a trace's parties, built once and shared by every shipment of a batch. */
export interface TraceIndex {
  facilities: Map<string, TraceFacility>;
  materials: Map<string, TraceMaterial>;
  firms: Map<string, TraceFirm>;
  /** control chains per firm, filled as firms are met (they depend on this index's holdings) */
  controllers: Map<string, ReturnType<typeof controllingOwners>>;
  /** per facility (its firm is fixed): what each kind's judgeParty said (by position in the registry), judged once per index */
  parties: Map<string, unknown[]>;
  /** per firm: the matches that count as a listing once effective, best first */
  listings: Map<string, StoredMatch[]>;
  /** per firm: the POSSIBLE matches no reviewer has decided, best first */
  pending: Map<string, StoredMatch[]>;
  /** the holdings above every firm of the index between entities (records confirmed to be one legal entity as one), indexed once for the control rule */
  ownership: OwnershipIndex;
  /** each firm's entity: the least id among the records confirmed to be one legal entity with it (SAME_AS) */
  entity: (firmId: string) => string;
  /** an entity's records, for entities of more than one */
  records: Map<string, string[]>;
}

export function indexParties(ctx: Pick<TraceInput, 'facilities' | 'materials' | 'firms'>): TraceIndex {
  const entity = entitiesOf(ctx.firms.flatMap((f) => (f.sameEntityIds ?? []).map((o) => [f.id, o] as const)));
  const records = new Map<string, string[]>();
  for (const f of ctx.firms) {
    const e = entity(f.id);
    if (e !== f.id || f.sameEntityIds?.length) records.set(e, [...(records.get(e) ?? []), f.id]);
  }
  return {
    facilities: new Map(ctx.facilities.map((f) => [f.id, f])),
    materials: new Map(ctx.materials.map((m) => [m.id, m])),
    firms: new Map(ctx.firms.map((f) => [f.id, f])),
    controllers: new Map(),
    parties: new Map(),
    listings: new Map(),
    pending: new Map(),
    entity,
    records,
    ownership: indexOwnership(
      holdingsBetweenEntities(
        ctx.firms.flatMap((f) => f.holdings),
        entity,
      ),
    ),
  };
}

export function traceFromSubgraph(input: TraceInput, opts: TraceOptions): ShipmentTrace {
  return traceWithIndex(input.shipment, new Map(input.flows.map((f) => [f.id, f])), indexParties(input), opts);
}

interface TraceOptions {
  asOf: string;
  maxTiers: number;
  entityListVersion: string;
}

/**
 * The rules over one shipment's upstream: every flow judged once by each kind of the
 * registry, so at most one flag of each kind per flow. With `detail` it also builds each
 * flag's reason, evidence and path, the hops and the parties; without, only the kinds,
 * which is all the batch view shows. One pass serves both, so the view's verdicts are the
 * trace's by construction.
 */
function judgeUpstream(
  shipment: TraceInput['shipment'],
  flows: Map<string, TraceFlow>,
  index: TraceIndex,
  opts: TraceOptions,
  detail: boolean,
) {
  const walk = walkUpstream(shipment.flowId, flows, opts.maxTiers);
  return { ...judgeWalk(walk.tierOf, walk.pathTo, flows, index, opts, detail, shipment), truncated: walk.truncated, tierOf: walk.tierOf };
}

/**
 * The rules over flows whose tiers are known (a shipment's walk, or a network's flows at
 * their distance from its start): each flow judged once by each kind of the registry.
 */
function judgeWalk(
  tierOf: Map<string, number>,
  pathTo: (flowId: string) => string[],
  flows: Map<string, TraceFlow>,
  index: TraceIndex,
  opts: Pick<TraceOptions, 'asOf' | 'maxTiers'>,
  detail: boolean,
  shipment?: TraceInput['shipment'],
) {
  const { facilities, materials, firms } = index;
  // the walk's flows as the origin rules read them: a flow the walk did not reach is beyond the trace
  const origin: OriginView = {
    flow: (id) => (tierOf.has(id) ? flows.get(id) : undefined),
    heading: (id) => {
      const f = flows.get(id);
      return f ? headingOf(materials.get(f.materialId)?.hsCode) : null;
    },
    raw: (id) => {
      const f = flows.get(id);
      return !!(f && materials.get(f.materialId)?.raw);
    },
    country: (id) => {
      const f = flows.get(id);
      if (!f) return null;
      const fac = facilities.get(f.fromId);
      const country = fac?.country ?? firms.get(fac?.firmId ?? f.fromId)?.country;
      return country ? country.toUpperCase() : null;
    },
  };
  let carriedOrigin: FlowOrigin | undefined;
  const shipmentOrigin = () => {
    if (!shipment) return undefined;
    return (carriedOrigin ??= computedOrigin(origin, shipment.flowId));
  };
  // one hop object for the whole walk, refilled per flow: the rules read it during the call only
  const hop: Hop = {
    flowId: '',
    flow: undefined as unknown as TraceFlow,
    tier: 0,
    asOf: opts.asOf,
    maxTiers: opts.maxTiers,
    reached: (id) => tierOf.has(id),
    facility: undefined,
    firmId: '',
    firm: undefined,
    material: undefined,
    listingOf: (firmId) => {
      let candidates = index.listings.get(firmId);
      if (!candidates) index.listings.set(firmId, (candidates = listingCandidates(firms.get(firmId))));
      return candidates.find((m) => m.effectiveDate <= opts.asOf);
    },
    pendingListingOf: (firmId) => {
      let candidates = index.pending.get(firmId);
      if (!candidates) index.pending.set(firmId, (candidates = pendingCandidates(firms.get(firmId))));
      return candidates.find((m) => m.effectiveDate <= opts.asOf);
    },
    controllersOf: (firmId) => {
      let c = index.controllers.get(firmId);
      if (!c) {
        // the chains of the firm's entity, ending at the firm as asked
        c = controllingOwners(index.entity(firmId), index.ownership).map((ctl) => ({ ...ctl, chain: [...ctl.chain.slice(0, -1), firmId] }));
        index.controllers.set(firmId, c);
      }
      return c;
    },
    firmName: (firmId) => firms.get(firmId)?.name ?? firmId,
    otherRecordsOf: (firmId) => (index.records.get(index.entity(firmId)) ?? []).filter((id) => id !== firmId),
    shipment,
    origin,
    shipmentOrigin,
    pathTo,
  };

  const kinds: FlagKind[] = [];
  // the suppliers whose hops raised a presumptive flag (the dashboard's "suppliers behind flagged shipments")
  const presumptiveFirms = new Set<string>();
  const flags: RiskFlag[] = [];
  // suppliers by facility (a facility's firm is fixed), nearest tier first
  const parties = new Map<string, TraceParty>();
  const hops: TraceHop[] = [];
  let tiers = 0;

  // in tier order for the hops and parties; the kinds do not depend on it
  const ordered = detail ? [...tierOf.entries()].sort((a, b) => a[1] - b[1] || byText(a[0], b[0])) : tierOf.entries();
  for (const [flowId, tier] of ordered) {
    const flow = flows.get(flowId)!;
    if (tier > tiers) tiers = tier;
    const fac = facilities.get(flow.fromId);
    const firmId = fac?.firmId ?? flow.fromId;
    const firm = firms.get(firmId);
    const material = materials.get(flow.materialId);
    hop.flowId = flowId;
    hop.flow = flow;
    hop.tier = tier;
    hop.facility = fac;
    hop.firmId = firmId;
    hop.firm = firm;
    hop.material = material;
    if (detail) {
      const lotAllocated = !flow.inputs.some((i) => !i.lot);
      hops.push({
        flowId,
        tier,
        fromFacilityId: flow.fromId,
        toFacilityId: flow.toId,
        materialId: flow.materialId,
        inputs: inputsInIdOrder(flow).map((i) => i.id),
        lotAllocated,
        documents: flow.documentIds ?? [],
      });
      const prev = parties.get(flow.fromId);
      if (!prev || prev.tier > tier) {
        parties.set(flow.fromId, {
          firmId,
          facilityId: flow.fromId,
          name: fac ? `${fac.name} (${firm?.name ?? firmId})` : (firm?.name ?? firmId),
          tier,
          role: fac?.kind ? `${fac.kind}, ships ${material?.name ?? flow.materialId}` : `ships ${material?.name ?? flow.materialId}`,
        });
      }
    }

    let judged = index.parties.get(flow.fromId);
    if (!judged) {
      judged = judgeParty(hop);
      index.parties.set(flow.fromId, judged);
    }
    for (let r = 0; r < RULES.length; r++) {
      const rule = RULES[r];
      if (rule.findings) {
        for (const finding of rule.findings(hop, judged[r])) flag(rule, finding);
        continue;
      }
      const finding = rule.judge(hop, judged[r]);
      if (finding !== null && finding !== undefined) flag(rule, finding);
    }
  }
  function flag(rule: FlagKindRule<FlagKind>, finding: unknown) {
    kinds.push(rule.kind);
    if (rule.presumptive) presumptiveFirms.add(hop.firmId);
    if (!detail) return;
    flags.push({
      kind: rule.kind,
      firmId: hop.firmId,
      facilityId: rule.pinsFacility && hop.facility ? hop.facility.id : null,
      flowId: hop.flowId,
      tier: hop.tier,
      path: rule.path ? rule.path(hop, finding) : pathTo(hop.flowId),
      evidence: rule.evidence(hop, finding),
      reason: rule.reason(hop, finding),
    });
  }
  return { kinds, presumptiveFirms, flags, hops, parties, tiers, shipmentOrigin };
}

/**
 * The trace's rules over a network's flows outside any shipment (the explorer's firm
 * network): each flow judged as a hop at its tier (distance from the network's start,
 * 1 nearest), its path the flow alone.
 */
export function judgeFlows(tierOf: Map<string, number>, flows: Map<string, TraceFlow>, index: TraceIndex, asOf: string): RiskFlag[] {
  // a network is no walk cut at a tier limit: TIER_LIMIT has nothing to say there
  return judgeWalk(tierOf, (id) => [id], flows, index, { asOf, maxTiers: Number.POSITIVE_INFINITY }, true).flags;
}

/** The trace of one shipment over flows and party tables that may be shared with other shipments. */
export function traceWithIndex(
  shipment: TraceInput['shipment'],
  flows: Map<string, TraceFlow>,
  index: TraceIndex,
  opts: TraceOptions,
): ShipmentTrace {
  const judged = judgeUpstream(shipment, flows, index, opts, true);
  const importer = index.firms.get(shipment.importerId);
  const importerParty: TraceParty = {
    firmId: shipment.importerId,
    facilityId: null,
    name: importer?.name ?? shipment.importerId,
    tier: 0,
    role: 'IMPORTER',
  };
  return {
    shipmentId: shipment.id,
    verdict: verdictOf(judged.kinds) as Verdict,
    asOf: opts.asOf,
    tiers: judged.tiers,
    flags: judged.flags.sort((a, b) => a.tier - b.tier || byText(a.kind, b.kind) || byText(a.flowId ?? '', b.flowId ?? '')),
    parties: [importerParty, ...judged.parties.values()].sort(
      (a, b) => a.tier - b.tier || byText(a.firmId, b.firmId) || byText(a.facilityId ?? '', b.facilityId ?? ''),
    ),
    hops: judged.hops,
    truncated: judged.truncated,
    entityListVersion: opts.entityListVersion,
    origin: originOfShipment(shipment, judged.shipmentOrigin()!, judged.tierOf),
  };
}

/** The carried flow's computed origin as the trace shows it: each flow with its tier. */
function originOfShipment(shipment: TraceInput['shipment'], o: FlowOrigin, tierOf: Map<string, number>): ShipmentOrigin {
  const tier = (id: string) => tierOf.get(id) ?? 0;
  return {
    declared: shipment.countryOfOrigin ?? null,
    preferenceProgram: shipment.preferenceProgram ?? null,
    known: o.known,
    countries: o.countries,
    decidedAt: o.decidedAt.map((d) => ({ ...d, tier: tier(d.flowId) })),
    passThrough: o.passThrough.map((p) => ({ ...p, tier: tier(p.flowId) })),
    unknownReason: o.unknown?.why ?? null,
  };
}

/** What the batch view shows of a shipment: the trace's verdict, depth and flag counts, without building the flags. */
export interface ShipmentSummary {
  shipmentId: string;
  verdict: Verdict;
  tiers: number;
  truncated: boolean;
  /** flags per kind, in FLAG_KINDS order, kinds with none left out */
  flagCounts: { kind: FlagKind; count: number }[];
  /** firms whose hops raised a presumptive flag, by id */
  flaggedFirmIds: string[];
}

export function summarizeWithIndex(
  shipment: TraceInput['shipment'],
  flows: Map<string, TraceFlow>,
  index: TraceIndex,
  opts: TraceOptions,
): ShipmentSummary {
  const judged = judgeUpstream(shipment, flows, index, opts, false);
  const counts = new Map<FlagKind, number>();
  for (const kind of judged.kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const flagCounts = FLAG_KINDS.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind)! }));
  return {
    shipmentId: shipment.id,
    verdict: verdictOf(judged.kinds) as Verdict,
    tiers: judged.tiers,
    flagCounts,
    flaggedFirmIds: [...judged.presumptiveFirms].sort(byText),
    truncated: judged.truncated,
  };
}
