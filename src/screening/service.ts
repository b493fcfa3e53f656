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
}
type Matcher = ReturnType<typeof buildEntityMatcher>;

/** The best candidate per list entry over all of a firm's names. */
export function screenFirmNames(matcher: Matcher, firm: FirmNames): ScreeningCandidate[] {
  const best = new Map<string, ScreeningCandidate>();
  const names = [firm.name, ...(firm.aliases ?? []), ...(firm.localName ? [firm.localName] : [])];
  for (const name of names) {
    for (const c of matcher.screen(name, { country: firm.country ?? null, limit: 5 })) {
      const prev = best.get(c.entryKey);
      if (!prev || c.score > prev.score) best.set(c.entryKey, c);
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

  /**
   * Stores each firm's candidates as reviewable matches inside the caller's transaction.
   * Review decisions already made are kept; pending candidates that no longer score are removed.
   */
  async screenFirmsInTx(tx: ManagedTransaction, tenant: string, firms: FirmNames[]): Promise<number> {
    const { list, matcher } = await this.current();
    const rows = firms.map((f) => ({
      firmId: f.id,
      candidates: screenFirmNames(matcher, f).map((c) => ({
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
