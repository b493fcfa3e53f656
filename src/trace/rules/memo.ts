// Rule results remembered by the exact input they judged. The rules are pure, so a
// remembered answer never goes stale; the same supplier met by thousands of traces is
// judged once. Bounded, so a national-scale graph cannot grow it without limit.
import { LRUCache } from 'lru-cache';

export function memoByInput<A, R>(rule: (input: A) => R, keyOf: (input: A) => string, max = 50_000): (input: A) => R {
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
