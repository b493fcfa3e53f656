// What a flag kind is: its name, its weight in the verdict, the rule that finds it on one
// hop, the text that explains a flag, and how packets and the page show it. Each kind is
// one module in kinds/, listed once in flagKinds.ts; the engine, the verdict, packets, the
// API (and through it the page) read that list.
import type { StoredMatch, TraceFacility, TraceFirm, TraceFlow, TraceMaterial, TraceShipment } from '../records';
import type { OwnerChain } from './control';
import type { FlowOrigin, OriginView } from './origin';

/** The verdict a flag of the kind leads to at least; null when it never changes the verdict. */
export type VerdictEffect = 'FLAGGED' | 'INCOMPLETE' | null;

/**
 * One hop as the rules see it: the flow, the facility and firm that ship it, the material,
 * and the look-ups the engine caches per trace. The engine reuses one object for every hop
 * of a trace (no allocation per hop): read it during the call, never keep it.
 */
export interface Hop {
  flowId: string;
  flow: TraceFlow;
  /** 1 for the flow into the importer, +1 per step upstream */
  tier: number;
  asOf: string;
  /** the deepest tier the walk follows (the trace's maxTiers) */
  maxTiers: number;
  /** whether the walk reached a flow (false for an input it stopped short of) */
  reached(flowId: string): boolean;
  /** the shipping facility; undefined when the flow's source is not a known facility */
  facility: TraceFacility | undefined;
  /** the facility's firm, or the flow's source id when no facility is known */
  firmId: string;
  firm: TraceFirm | undefined;
  material: TraceMaterial | undefined;
  /** a firm's Entity List listing that counts on asOf */
  listingOf(firmId: string): StoredMatch | undefined;
  /** a firm's best POSSIBLE match no reviewer has decided, effective on asOf (see kinds/possibleListing.ts) */
  pendingListingOf(firmId: string): StoredMatch | undefined;
  /** the firms that control a firm (more than 50% with the firms they control: control.ts), nearest first */
  controllersOf(firmId: string): readonly OwnerChain[];
  /** a firm's name, or its id when the firm is unknown */
  firmName(firmId: string): string;
  /** the firm's other records, confirmed to be one legal entity with it (SAME_AS): control chains name one record of each entity */
  otherRecordsOf(firmId: string): readonly string[];
  /** the shipment traced; undefined outside a shipment (the explorer's firm network) */
  shipment: TraceShipment | undefined;
  /** the walk's flows as the origin rules read them (origin.ts) */
  origin: OriginView;
  /** the computed origin of the flow that carried the shipment, worked out once per trace; undefined outside a shipment */
  shipmentOrigin(): FlowOrigin | undefined;
  /** flow ids from the walk's first flow to a reached flow, as the walk reached it */
  pathTo(flowId: string): string[];
}

/** What a rule may read when it judges a party once for every hop it ships (see judgeParty). */
export type Party = Pick<Hop, 'facility' | 'firm'>;

/** How the page and packets show a kind. */
export interface FlagDisplay {
  /** short name on badges, chips and graph labels */
  label: string;
  /** shown with the label, so colour is never the only signal */
  icon: string;
  /** FLAG: presumptive; SIGNAL: worth a look, shown as a signal; INFO: shown only in the lists */
  severity: 'FLAG' | 'SIGNAL' | 'INFO';
  /** lower-case phrase for the legend ("Presumptive flag: XUAR location, ...") */
  legend: string;
  /** one sentence: when the kind is raised */
  description: string;
}

export interface FlagKindRule<K extends string = string, F = unknown, P = unknown> {
  kind: K;
  /** raises the UFLPA rebuttable presumption (then verdictEffect is FLAGGED) */
  presumptive: boolean;
  verdictEffect: VerdictEffect;
  /**
   * For rules about who or where a party is: judged once per shipping facility of a trace
   * index (the engine keeps the result) and handed to judge for every hop the facility ships.
   */
  judgeParty?(party: Party): P;
  /** The finding on this hop, or null/undefined for none. Pure; at most one flag of a kind per flow, so the first finding. */
  judge(hop: Hop, party: P): F | null | undefined;
  /**
   * For kinds that may flag one flow several times (TRANSSHIPMENT: one flag per input passed
   * through): every finding on this hop, one flag each. When given, the engine reads it
   * instead of judge (which then gives the first finding).
   */
  findings?(hop: Hop, party: P): readonly F[];
  /** the flag's path when it is not the walk's path to the flow (a chain of pass-throughs, a flow and its input) */
  path?(hop: Hop, finding: F): string[];
  /** whether the flag names the shipping facility (facilityId) or only its firm */
  pinsFacility: boolean;
  reason(hop: Hop, finding: F): string;
  evidence(hop: Hop, finding: F): string[];
  /** Packets: what a reviewer needs to rebut a presumptive flag of this kind; absent, the flag's reason is quoted. */
  packetEvidence?(party: string, flag: { tier: number; reason: string }): string;
  display: FlagDisplay;
}

/** Declares a kind with its literal name kept, so FlagKind can be derived from the list. */
export function defineFlagKind<const K extends string, F, P = undefined>(rule: FlagKindRule<K, F, P>): FlagKindRule<K, F, P> {
  return rule;
}

/** "Gin 3 of Acme Co": the shipping site as reasons name it. */
export function siteOf(hop: Hop): string {
  return `${hop.facility?.name ?? hop.flow.fromId} of ${hop.firm?.name ?? hop.firmId}`;
}

export const materialNameOf = (hop: Hop) => hop.material?.name ?? hop.flow.materialId;
