// Screening as the server uses it: the current Entity List version from the graph, one
// matcher built per version (not per query), and the stored, reviewable candidates.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../graph/graph';
import { runRows } from '../graph/graph';
import type { EntityListVersion } from '../model/entityList';
import { buildEntityMatcher, ScreeningCandidate } from './matcher';
import { currentEntityList } from './listStore';
import * as Q from './cypher';

export interface FirmNames {
  id: string;
  name: string;
  aliases?: string[];
  localName?: string;
  country?: string;
  /** names of the facilities the firm operates: a plant named for a listed entity is a lead */
  facilityNames?: string[];
}
type Matcher = ReturnType<typeof buildEntityMatcher>;

/**
 * A facility's name matching an entry says the firm may run the listed entity's plant, not
 * that the firm is the entity: at most POSSIBLE, so a reviewer decides (and the trace is not
 * CLEAR until one does).
 */
function asFacilityLead(c: ScreeningCandidate, facilityName: string): ScreeningCandidate {
  return {
    ...c,
    decision: 'POSSIBLE',
    reason: `facility name "${facilityName}" of this firm (at most POSSIBLE: the firm's own names do not match) — ${c.reason}`,
  };
}

/** The best candidate per list entry over all of a firm's names, then its facilities' names. */
export function screenFirmNames(matcher: Matcher, firm: FirmNames): ScreeningCandidate[] {
  const best = new Map<string, ScreeningCandidate>();
  const country = firm.country ?? null;
  const names = [firm.name, ...(firm.aliases ?? []), ...(firm.localName ? [firm.localName] : [])];
  for (const name of names) {
    for (const c of matcher.screen(name, { country, limit: 5 })) {
      const prev = best.get(c.entryKey);
      if (!prev || c.score > prev.score) best.set(c.entryKey, c);
    }
  }
  for (const facilityName of new Set(firm.facilityNames ?? [])) {
    for (const c of matcher.screen(facilityName, { country, limit: 5 })) {
      // the firm's own names decide when they reach the entry at all
      if (!best.has(c.entryKey)) best.set(c.entryKey, asFacilityLead(c, facilityName));
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

export class ScreeningService {
  private cached?: { list: EntityListVersion; matcher: Matcher; checkedAt: number };
  constructor(
    private readonly graph: Graph,
    private readonly recheckMs = 30_000,
  ) {}

  /** The current list and its matcher; rebuilt only when the stored version changes. */
  async current(): Promise<{ list: EntityListVersion; matcher: Matcher }> {
    const now = Date.now();
    if (this.cached && now - this.cached.checkedAt < this.recheckMs) return this.cached;
    const [row] = await this.graph.read<{ version: string | null }>(Q.CURRENT_VERSION);
    if (this.cached && row?.version === this.cached.list.version) {
      this.cached.checkedAt = now;
      return this.cached;
    }
    const list = await currentEntityList(this.graph);
    this.cached = { list, matcher: buildEntityMatcher(list), checkedAt: now };
    return this.cached;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  async screenName(name: string, country: string | null | undefined, limit: number): Promise<ScreeningCandidate[]> {
    const { matcher } = await this.current();
    return matcher.screen(name, { country: country ?? null, limit });
  }

  /** The stored names of firms by id, read in the caller's transaction (firms a bundle's facilities name but it does not carry). */
  async firmNamesInTx(tx: ManagedTransaction, tenant: string, ids: string[]): Promise<FirmNames[]> {
    if (!ids.length) return [];
    const rows = await runRows<{ id: string; name: string; aliases: string[]; localName: string | null; country: string | null }>(
      tx,
      Q.FIRM_NAMES_BY_ID,
      { tenant, ids },
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      aliases: r.aliases,
      localName: r.localName ?? undefined,
      country: r.country ?? undefined,
    }));
  }

  /**
   * Stores each firm's candidates as reviewable matches inside the caller's transaction.
   * Review decisions already made are kept; pending candidates that no longer score are removed.
   */
  async screenFirmsInTx(tx: ManagedTransaction, tenant: string, firms: FirmNames[]): Promise<number> {
    const { list, matcher } = await this.current();
    // the stored facilities' names, read in the caller's transaction (the import has written them)
    const facilityNames = new Map<string, string[]>();
    for (let i = 0; i < firms.length; i += 5000) {
      const ids = firms.slice(i, i + 5000).map((f) => f.id);
      for (const r of await runRows<{ id: string; names: string[] }>(tx, Q.FACILITY_NAMES_OF_FIRMS, { tenant, ids }))
        facilityNames.set(r.id, r.names);
    }
    const rows = firms.map((f) => ({
      firmId: f.id,
      candidates: screenFirmNames(matcher, { ...f, facilityNames: f.facilityNames ?? facilityNames.get(f.id) }).map((c) => ({
        id: `${f.id}|${c.entryKey}`,
        entryKey: c.entryKey,
        matchedName: c.matchedName,
        score: c.score,
        decision: c.decision,
        agreedTokens: c.agreedTokens,
        reason: c.reason,
      })),
    }));
    let stored = 0;
    for (let i = 0; i < rows.length; i += 2000) {
      const batch = rows.slice(i, i + 2000);
      await runRows(tx, Q.STORE_FIRM_CANDIDATES, { tenant, rows: batch, listVersion: list.version });
      stored += batch.reduce((n, r) => n + r.candidates.length, 0);
    }
    return stored;
  }
}
