// Writing generated bundles to disk with bounded memory: either one bundle JSON file
// (sections streamed through temporary files, so 1M flows never sit in memory at once), or a
// folder of chunk files chunk-0001.json, chunk-0002.json ... that `npm run import -- <folder>`
// reads in name order.
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Bundle } from '../model/bundle';

const SECTIONS = ['firms', 'facilities', 'ownership', 'materials', 'flows', 'documents', 'shipments'] as const;

export interface WriteStats {
  files: { path: string; bytes: number; flows: number }[];
  bytes: number;
  counts: Record<(typeof SECTIONS)[number], number>;
}

function zeroCounts(): WriteStats['counts'] {
  return { firms: 0, facilities: 0, ownership: 0, materials: 0, flows: 0, documents: 0, shipments: 0 };
}

function count(into: WriteStats['counts'], b: Bundle) {
  for (const k of SECTIONS) into[k] += b[k].length;
}

/** Writes each chunk as its own bundle file in `dir` (chunk-0001.json ...). */
export function writeChunks(chunks: Iterable<Bundle>, dir: string, onChunk?: (path: string, bytes: number, b: Bundle) => void): WriteStats {
  mkdirSync(dir, { recursive: true });
  const stats: WriteStats = { files: [], bytes: 0, counts: zeroCounts() };
  let i = 0;
  for (const b of chunks) {
    const path = join(dir, `chunk-${String(++i).padStart(4, '0')}.json`);
    const fd = openSync(path, 'w');
    try {
      // section by section, so no single string holds the whole chunk
      writeSync(fd, '{"bundleVersion":1');
      for (const k of SECTIONS) writeArray(fd, k, b[k]);
      writeSync(fd, '}\n');
    } finally {
      closeSync(fd);
    }
    const bytes = statSync(path).size;
    stats.files.push({ path, bytes, flows: b.flows.length });
    stats.bytes += bytes;
    count(stats.counts, b);
    onChunk?.(path, bytes, b);
  }
  return stats;
}

function writeArray(fd: number, key: string, items: readonly unknown[]) {
  writeSync(fd, `,"${key}":[`);
  const BATCH = 5000;
  for (let i = 0; i < items.length; i += BATCH) {
    const part = items
      .slice(i, i + BATCH)
      .map((x) => JSON.stringify(x))
      .join(',');
    writeSync(fd, i === 0 ? part : `,${part}`);
  }
  writeSync(fd, ']');
}

/**
 * Writes all chunks as ONE bundle file. Each section goes to its own temporary file as
 * chunks arrive. The sections are then joined into `path`, so memory holds one chunk at a time.
 */
export function writeSingle(chunks: Iterable<Bundle>, path: string, onChunk?: (b: Bundle) => void): WriteStats {
  mkdirSync(dirname(path), { recursive: true });
  const tmpDir = `${path}.parts-${process.pid}`;
  mkdirSync(tmpDir, { recursive: true });
  const stats: WriteStats = { files: [], bytes: 0, counts: zeroCounts() };
  const fds = new Map(SECTIONS.map((k) => [k, openSync(join(tmpDir, k), 'w')]));
  const started = new Set<string>();
  try {
    for (const b of chunks) {
      for (const k of SECTIONS) {
        const items = b[k] as readonly unknown[];
        const BATCH = 5000;
        for (let i = 0; i < items.length; i += BATCH) {
          const part = items
            .slice(i, i + BATCH)
            .map((x) => JSON.stringify(x))
            .join(',');
          writeSync(fds.get(k)!, started.has(k) ? `,${part}` : part);
          started.add(k);
        }
      }
      count(stats.counts, b);
      onChunk?.(b);
    }
    for (const fd of fds.values()) closeSync(fd);
    fds.clear();
    const tmpOut = `${path}.tmp-${process.pid}`;
    const out = openSync(tmpOut, 'w');
    try {
      writeSync(out, '{"bundleVersion":1');
      const buf = Buffer.allocUnsafe(8 << 20);
      for (const k of SECTIONS) {
        writeSync(out, `,"${k}":[`);
        const fd = openSync(join(tmpDir, k), 'r');
        try {
          let n: number;
          while ((n = readSync(fd, buf, 0, buf.length, null)) > 0) writeSync(out, buf, 0, n);
        } finally {
          closeSync(fd);
        }
        writeSync(out, ']');
      }
      writeSync(out, '}\n');
    } finally {
      closeSync(out);
    }
    renameSync(tmpOut, path);
  } finally {
    for (const fd of fds.values()) closeSync(fd);
    rmSync(tmpDir, { recursive: true, force: true });
  }
  const bytes = statSync(path).size;
  stats.files.push({ path, bytes, flows: stats.counts.flows });
  stats.bytes = bytes;
  return stats;
}
