// Reading a ZIP from a file with yauzl: the entry list from the central directory, each entry
// as a stream on demand (CRC-checked by yauzl as it is read).
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { Readable } from 'node:stream';

export interface ZipReader {
  entries: Map<string, Entry>;
  open(entry: Entry): Promise<Readable>;
  /** The whole entry, refusing one larger than `max` bytes. */
  text(entry: Entry, max: number): Promise<string>;
  close(): void;
}

export async function openZip(path: string): Promise<ZipReader> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const entries = new Map<string, Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: Entry) => {
      if (!e.fileName.endsWith('/')) entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  const open = (entry: Entry) =>
    new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
  return {
    entries,
    open,
    async text(entry, max) {
      if (entry.uncompressedSize > max) throw new Error(`${entry.fileName} is larger than ${max} bytes`);
      const chunks: Buffer[] = [];
      for await (const c of await open(entry)) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    close: () => zip.close(),
  };
}
