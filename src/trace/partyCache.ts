// The trace's party cache: plain data in, plain data out, no database, so it is
// unit-tested on its own. partyContext.ts decides what to read and when to cache.
import { LRUCache } from 'lru-cache';
import type { TraceFacility, TraceFirm, TraceMaterial } from './engine';

export type Party =
  { kind: 'facility'; value: TraceFacility } | { kind: 'material'; value: TraceMaterial } | { kind: 'firm'; value: TraceFirm };

const SEP = '\u0000';
const keyOf = (tenant: string, kind: Party['kind'], id: string) => `${tenant}${SEP}${kind}${SEP}${id}`;
export const stampOf = (version: string, listVersion: string) => `${version}${SEP}${listVersion}`;

/**
 * Parties per tenant under one stamp (data version + Entity List version). A tenant's
 * entries live only as long as its stamp: the first entry cached under a new stamp drops
 * every entry of the old one, so a tenant that writes often holds one version's parties,
 * not a trail of dead versions waiting for the LRU to reach them. A look-up under any
 * other stamp misses, so nothing stale is served even before the old entries go.
 */
export class PartyCache {
  private readonly lru: LRUCache<string, { tenant: string; party: Party }>;
  private readonly tenants = new Map<string, { stamp: string; keys: Set<string> }>();

  constructor(max: number) {
    // an entry replaced under the same key keeps its place in the tenant's key set
    this.lru = new LRUCache({ max, noDisposeOnSet: true, dispose: (entry, key) => this.forgetKey(entry.tenant, key) });
  }

  /** Entries held, and tenants with any. */
  get size(): { entries: number; tenants: number } {
    return { entries: this.lru.size, tenants: this.tenants.size };
  }

  get(tenant: string, stamp: string, kind: Party['kind'], id: string): Party | undefined {
    if (this.tenants.get(tenant)?.stamp !== stamp) return undefined;
    return this.lru.get(keyOf(tenant, kind, id))?.party;
  }

  set(tenant: string, stamp: string, party: Party): void {
    let held = this.tenants.get(tenant);
    if (held && held.stamp !== stamp) {
      this.tenants.delete(tenant);
      for (const key of [...held.keys]) this.lru.delete(key);
      held = undefined;
    }
    if (!held) this.tenants.set(tenant, (held = { stamp, keys: new Set() }));
    const key = keyOf(tenant, party.kind, party.value.id);
    // in the set before the LRU evicts anything, so an eviction cannot empty it under us
    held.keys.add(key);
    this.lru.set(key, { tenant, party });
  }

  /**
   * A writer that began at stamp `from` and committed at `to`, changing only the `changed`
   * parties: the tenant's entries of `from` stand for `to` too, once the changed ones are dropped.
   * True when the tenant's entries now stand at `to` (none held counts), so a caller may add
   * more of `to`; false when they belong to another stamp (someone cached a later version).
   */
  carry(tenant: string, from: string, to: string, changed: readonly { kind: Party['kind']; id: string }[]): boolean {
    const held = this.tenants.get(tenant);
    if (!held || held.stamp === to) return true;
    if (held.stamp !== from) return false;
    held.stamp = to;
    for (const { kind, id } of changed) this.lru.delete(keyOf(tenant, kind, id));
    return true;
  }

  private forgetKey(tenant: string, key: string): void {
    const held = this.tenants.get(tenant);
    if (!held) return;
    held.keys.delete(key);
    if (!held.keys.size) this.tenants.delete(tenant);
  }
}
