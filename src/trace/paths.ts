// Path finding over the facility graph, as pure functions over an adjacency map that the
// investigator queries fill level by level from Neo4j.

/** facility id -> next facility id -> flow ids (first few) on that hop */
export type Adjacency = Map<string, Map<string, string[]>>;

export interface FoundPath {
  nodes: string[];
  flows: string[];
}

/**
 * Every simple path (no facility twice) from a source to a target, at most maxDepth hops,
 * shortest first, stopping at `limit` paths or `budget` expansions (whichever comes first).
 */
export function simplePaths(
  adj: Adjacency,
  sources: string[],
  targets: Set<string>,
  maxDepth: number,
  limit: number,
  budget = 200_000,
): FoundPath[] {
  const found: FoundPath[] = [];
  let queue: FoundPath[] = sources.map((s) => ({ nodes: [s], flows: [] }));
  let work = 0;
  for (let depth = 0; depth < maxDepth && queue.length && found.length < limit; depth++) {
    const next: FoundPath[] = [];
    for (const p of queue) {
      const last = p.nodes[p.nodes.length - 1];
      const outs = adj.get(last);
      if (!outs) continue;
      for (const [to, flows] of [...outs.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
        if (++work > budget) return found;
        if (p.nodes.includes(to)) continue;
        const path = { nodes: [...p.nodes, to], flows: [...p.flows, flows[0]] };
        if (targets.has(to)) {
          found.push(path);
          if (found.length >= limit) return found;
        } else next.push(path);
      }
    }
    queue = next;
  }
  return found;
}

export function addEdge(adj: Adjacency, from: string, to: string, flows: string[]): void {
  let outs = adj.get(from);
  if (!outs) adj.set(from, (outs = new Map()));
  const prev = outs.get(to) ?? [];
  outs.set(to, [...prev, ...flows.filter((f) => !prev.includes(f))]);
}
