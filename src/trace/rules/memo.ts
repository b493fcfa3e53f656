// Rule results remembered by the exact input they judged. The rules are pure, so a
// remembered answer never goes stale; the same supplier met by thousands of traces is
// judged once. Bounded, so a national-scale graph cannot grow it without limit, but large
// enough for the parties of a tenant of millions of flows: at 50,000 entries a 1M-flow tenant
// (71,387 facilities met by 2,701 shipments) cycled through the cache, every shipment judged its
// suppliers' texts again, and the rules took 4.8 s instead of 1.5 s; 145,000 entries held about
// 26 MiB (RULE_MEMO_ENTRIES sets the bound).
import { LRUCache } from 'lru-cache';

const DEFAULT_ENTRIES = Number(process.env.RULE_MEMO_ENTRIES) || 250_000;

export function memoByInput<A, R>(rule: (input: A) => R, keyOf: (input: A) => string, max = DEFAULT_ENTRIES): (input: A) => R {
  const cache = new LRUCache<string, { result: R }>({ max });
  return (input) => {
    const key = keyOf(input);
    const hit = cache.get(key);
    if (hit) return hit.result;
    const result = rule(input);
    cache.set(key, { result });
    return result;
  };
}
