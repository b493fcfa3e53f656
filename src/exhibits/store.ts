// The exhibit files on disk: <root>/tenants/<tenant folder>/<path the document names>.
// A tenant reads and writes only inside its own folder. Uploads stream into
// <root>/.incoming/ (the same disk) and are renamed into place once whole and checked, so
// nobody ever reads half a file. Any exhibit that is not there, not a file, or reached
// through a link that leaves the tenant's folder reads the same: the tenant has no such file.
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { BadInputError, LimitError, Sha256MismatchError } from '../errors';
import { exhibitPath, tenantFolder } from './layout';

export interface ExhibitLimits {
  /** EXHIBIT_MAX_BYTES: the largest single exhibit stored or packed. */
  maxBytes: number;
  /** EXHIBIT_TENANT_MAX_BYTES: the most one tenant's exhibits may hold together. */
  tenantMaxBytes: number;
}
export interface StoredExhibit {
  /** the path inside the tenant's space, "/"-separated */
  path: string;
  abs: string;
  bytes: number;
}
export interface SavedExhibit {
  path: string;
  bytes: number;
  sha256: string;
  /** true when a file was already stored at that path */
  replaced: boolean;
}

/** The one reason a packet gives for a file it cannot take from the tenant's space. */
export const NO_SUCH_EXHIBIT = 'the tenant has no exhibit file at this path';
/** Upload files older than this in .incoming/ are leftovers of a crash or a dropped client. */
const STALE_UPLOAD_MS = 60 * 60_000;

/** p is base or lies under it (a file named "..." does; "../x" does not). */
const inside = (base: string, p: string) => {
  const rel = relative(base, p);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};
const describe = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB (${bytes} bytes)` : `${bytes} bytes`);

export class ExhibitStore {
  constructor(
    readonly root: string,
    readonly limits: ExhibitLimits,
  ) {}

  static fromConfig(config: { exhibitRoot: string; exhibitMaxBytes: number; exhibitTenantMaxBytes: number }): ExhibitStore {
    return new ExhibitStore(config.exhibitRoot, { maxBytes: config.exhibitMaxBytes, tenantMaxBytes: config.exhibitTenantMaxBytes });
  }

  /** The tenant's own folder (it may not exist yet). */
  tenantRoot(tenant: string): string {
    return join(this.root, 'tenants', tenantFolder(tenant));
  }

  /** The tenant's exhibit at the path a document names, or why the packet goes without it. */
  async find(tenant: string, file: string): Promise<StoredExhibit | { reason: string }> {
    const checked = exhibitPath(file);
    if ('reason' in checked) return checked;
    const base = this.tenantRoot(tenant);
    let real: string;
    let realBase: string;
    try {
      [realBase, real] = await Promise.all([fs.realpath(base), fs.realpath(join(base, checked.path))]);
    } catch {
      return { reason: NO_SUCH_EXHIBIT };
    }
    if (!inside(realBase, real) || real === realBase) return { reason: NO_SUCH_EXHIBIT };
    const stat = await fs.stat(real).catch(() => null);
    if (!stat?.isFile()) return { reason: NO_SUCH_EXHIBIT };
    if (stat.size > this.limits.maxBytes)
      return { reason: `the file is larger than the exhibit limit of ${describe(this.limits.maxBytes)}` };
    return { path: checked.path, abs: real, bytes: stat.size };
  }

  /** The bytes of a file find() returned, refusing one that has grown past the limit since. */
  async read(found: StoredExhibit): Promise<Buffer> {
    const data = await fs.readFile(found.abs);
    if (data.length > this.limits.maxBytes)
      throw new LimitError(`exhibit "${found.path}" is larger than ${describe(this.limits.maxBytes)}`);
    return data;
  }

  /**
   * Stores a stream as the tenant's file at `file`, replacing what was there. The SHA-256 is
   * checked against `declaredSha256` when one is given; over a limit, on a mismatch or when
   * the stream fails, nothing is stored and the old file (if any) stays.
   */
  async save(
    tenant: string,
    file: string,
    body: AsyncIterable<Uint8Array>,
    opts: { declaredSha256?: string | null; contentLength?: number | null } = {},
  ): Promise<SavedExhibit> {
    const checked = exhibitPath(file);
    if ('reason' in checked) throw new BadInputError(`cannot store the exhibit: ${checked.reason}`, 'file');
    const max = this.limits.maxBytes;
    const tooLarge = () => new LimitError(`the exhibit is larger than the limit of ${describe(max)} (EXHIBIT_MAX_BYTES)`);
    if (opts.contentLength != null && opts.contentLength > max) throw tooLarge();

    const incoming = join(this.root, '.incoming');
    await fs.mkdir(incoming, { recursive: true, mode: 0o700 });
    const tmp = join(incoming, `${randomUUID()}.part`);
    const handle = await fs.open(tmp, 'wx', 0o640);
    let open = true;
    let stored = false;
    try {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of body) {
        bytes += chunk.length;
        if (bytes > max) throw tooLarge();
        hash.update(chunk);
        await handle.write(chunk);
      }
      await handle.sync();
      await handle.close();
      open = false;
      const sha256 = hash.digest('hex');
      const declared = opts.declaredSha256?.toLowerCase();
      if (declared && declared !== sha256) {
        throw new Sha256MismatchError(
          `the file's SHA-256 is ${sha256} but the document declares ${declared}; nothing was stored (send the file the document describes, or import the document with the right sha256)`,
          { declaredSha256: declared, receivedSha256: sha256 },
        );
      }
      const target = await this.targetFor(tenant, checked.path);
      const existing = await fs.lstat(target).catch(() => null);
      if (existing?.isDirectory())
        throw new BadInputError(`cannot store the exhibit: "${checked.path}" is a folder of the tenant's exhibits`, 'file');
      const used = await this.usage(tenant);
      const after = used - (existing?.isFile() ? existing.size : 0) + bytes;
      if (after > this.limits.tenantMaxBytes)
        throw new LimitError(
          `the tenant's exhibits would hold ${describe(after)}, over the limit of ${describe(this.limits.tenantMaxBytes)} (EXHIBIT_TENANT_MAX_BYTES)`,
        );
      await fs.rename(tmp, target);
      stored = true;
      return { path: checked.path, bytes, sha256, replaced: !!existing };
    } finally {
      if (open) await handle.close().catch(() => undefined);
      if (!stored) await fs.rm(tmp, { force: true }).catch(() => undefined);
    }
  }

  /** Bytes the tenant's exhibits hold now. */
  async usage(tenant: string): Promise<number> {
    let total = 0;
    const walk = async (dir: string): Promise<void> => {
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const p = join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.isFile()) total += (await fs.lstat(p).catch(() => null))?.size ?? 0;
      }
    };
    await walk(this.tenantRoot(tenant));
    return total;
  }

  /** Removes upload leftovers older than an hour (a crash or a dropped client mid-upload). */
  async sweepIncoming(now = Date.now()): Promise<number> {
    const incoming = join(this.root, '.incoming');
    const names = await fs.readdir(incoming).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const p = join(incoming, name);
      const st = await fs.lstat(p).catch(() => null);
      if (st?.isFile() && now - st.mtimeMs > STALE_UPLOAD_MS) {
        await fs.rm(p, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** The absolute path to rename an upload to: its folders made, and all of them inside the tenant's space. */
  private async targetFor(tenant: string, path: string): Promise<string> {
    const base = this.tenantRoot(tenant);
    const dir = dirname(join(base, path));
    try {
      await fs.mkdir(dir, { recursive: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTDIR')
        throw new BadInputError(`cannot store the exhibit: a folder on the path "${path}" is a file of the tenant's exhibits`, 'file');
      throw e;
    }
    const [realBase, realDir] = await Promise.all([fs.realpath(base), fs.realpath(dir)]);
    if (!inside(realBase, realDir))
      throw new BadInputError(`cannot store the exhibit: the path "${path}" leads out of the tenant's space`, 'file');
    return join(realDir, basename(path));
  }
}
