// What a V8 heap snapshot holds, by constructor, and what grew between two snapshots:
// the soak writes one before and one after its measured run (--heap-snapshots DIR), and
// this names the objects behind any growth instead of guessing.
//
//   npx tsx bench/heapSummary.ts before.heapsnapshot after.heapsnapshot   -> top growth
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Self size and count per "type:name" (e.g. "object:Map", "string", "closure:get"). */
export function summarizeHeap(path: string): Map<string, { count: number; bytes: number }> {
  const snap = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const at = (f: string) => fields.indexOf(f);
  const [iType, iName, iSize, width] = [at('type'), at('name'), at('self_size'), fields.length];
  const out = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType]];
    // strings and numbers are summed by type: their "name" is their content
    const key = type === 'object' || type === 'closure' || type === 'native' ? `${type}:${snap.strings[snap.nodes[i + iName]]}` : type;
    const e = out.get(key) ?? { count: 0, bytes: 0 };
    e.count += 1;
    e.bytes += snap.nodes[i + iSize];
    out.set(key, e);
  }
  return out;
}

export function heapGrowth(beforePath: string, afterPath: string, top = 15): string[] {
  const before = summarizeHeap(beforePath);
  const after = summarizeHeap(afterPath);
  const rows = [...after].map(([k, a]) => {
    const b = before.get(k) ?? { count: 0, bytes: 0 };
    return { k, dCount: a.count - b.count, dBytes: a.bytes - b.bytes };
  });
  rows.sort((x, y) => y.dBytes - x.dBytes);
  const total = (m: Map<string, { bytes: number }>) => [...m.values()].reduce((n, e) => n + e.bytes, 0);
  const MiB = 2 ** 20;
  return [
    `snapshot totals: ${(total(before) / MiB).toFixed(1)} MiB before, ${(total(after) / MiB).toFixed(1)} MiB after`,
    ...rows.slice(0, top).map((r) => `${(r.dBytes / MiB).toFixed(2).padStart(8)} MiB  ${String(r.dCount).padStart(8)} objects  ${r.k}`),
  ];
}

if (require.main === module) {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) {
    console.error('usage: heapSummary.ts BEFORE.heapsnapshot AFTER.heapsnapshot');
    process.exit(2);
  }
  console.log(heapGrowth(a, b).join('\n'));
}
