// A stored summary from the trace engine: the shipments' upstreams and parties read inside
// the caller's transaction (so a writer judges what it has just written; the parties it left
// alone may come from the committed store beside it, committedParties.ts), then the engine's
// own batch summary (summarizeWithIndex), the one the live view runs. No verdict logic here.
import type { ManagedTransaction } from 'neo4j-driver';
import { runRows } from '../../graph/graph';
import { upstreamFlowsBatchQuery } from '../cypher';
import { indexParties, summarizeWithIndex, TraceFlow, TraceInput } from '../engine';
import { loadPartyContextInTx } from '../partyContext';
import type { CommittedPartyReader } from '../committedParties';
import { chunks } from '../concurrency';
import { addTraceFlows, type TraceFlowRow } from '../records';
import { clampTiers, partyIdsOf, today } from '../traceShipment';
import { specifiedFlagKinds, VERDICTS } from '../rules';

export interface ShipmentToSummarize {
  shipment: TraceInput['shipment'];
  detainedOn: string | null;
}

/** A summary as stored on a ShipmentSummary node (absent values are left out by Neo4j). */
export interface StoredSummary {
  shipmentId: string;
  entryNumber: string | null;
  importerId: string;
  entryDate: string | null;
  detainedOn: string | null;
  verdict: string;
  /** VERDICTS order (CLEAR 0, INCOMPLETE 1, FLAGGED 2), for sorting by severity */
  verdictRank: number;
  tiers: number;
  truncated: boolean;
  /** kinds with flags, in FLAG_KINDS order, and their counts (parallel lists) */
  flagKinds: string[];
  flagCounts: number[];
  /** flags of FLAG severity (presumptive) and of SIGNAL severity */
  presumptiveFlags: number;
  signals: number;
  flaggedFirmIds: string[];
  /** the day judged: the entry date, or the day of computing when the shipment has none */
  asOf: string;
  /** set only when asOf is the day of computing: such a summary is current that day only */
  dayBound: string | null;
  listVersion: string;
  tenantVersion: string;
  computedAt: string;
}

const severityOf = new Map(specifiedFlagKinds.map((r) => [r.kind as string, r.display.severity]));

/** The summaries of the given shipments as the default trace (entry date or today, default tiers) judges them, read in tx. */
export async function summarizeInTx(
  tx: ManagedTransaction,
  tenant: string,
  shipments: ShipmentToSummarize[],
  versions: { listVersion: string; tenantVersion: string },
  committedReads?: CommittedPartyReader,
): Promise<StoredSummary[]> {
  if (!shipments.length) return [];
  const maxTiers = clampTiers(null);
  const importerIds = shipments.map((s) => s.shipment.importerId);
  // the parties the writer left alone are read beside the transaction as the upstream names them
  committedReads?.want({ firmIds: importerIds });
  const flows = new Map<string, TraceFlow>();
  for (const flowIds of chunks([...new Set(shipments.map((s) => s.shipment.flowId))], 1000)) {
    const part = new Map<string, TraceFlow>();
    addTraceFlows(await runRows<{ flow: TraceFlowRow }>(tx, upstreamFlowsBatchQuery(maxTiers - 1), { tenant, flowIds }), part);
    for (const [id, f] of part) flows.set(id, f);
    committedReads?.want(partyIdsOf(part.values(), []));
  }
  const ids = partyIdsOf(flows.values(), importerIds);
  const index = indexParties(committedReads ? await committedReads.contextInTx(tx, ids) : await loadPartyContextInTx(tx, tenant, ids));
  const day = today();
  const computedAt = new Date().toISOString();
  return shipments.map(({ shipment, detainedOn }) => {
    const asOf = shipment.entryDate ?? day;
    const s = summarizeWithIndex(shipment, flows, index, { asOf, maxTiers, entityListVersion: versions.listVersion });
    const count = (severity: string) => s.flagCounts.filter((c) => severityOf.get(c.kind) === severity).reduce((n, c) => n + c.count, 0);
    return {
      shipmentId: shipment.id,
      entryNumber: shipment.entryNumber ?? null,
      importerId: shipment.importerId,
      entryDate: shipment.entryDate ?? null,
      detainedOn,
      verdict: s.verdict,
      verdictRank: VERDICTS.indexOf(s.verdict),
      tiers: s.tiers,
      truncated: s.truncated,
      flagKinds: s.flagCounts.map((c) => c.kind),
      flagCounts: s.flagCounts.map((c) => c.count),
      presumptiveFlags: count('FLAG'),
      signals: count('SIGNAL'),
      flaggedFirmIds: s.flaggedFirmIds,
      asOf,
      dayBound: shipment.entryDate ? null : day,
      listVersion: versions.listVersion,
      tenantVersion: versions.tenantVersion,
      computedAt,
    };
  });
}
