// Attach exhibit files to documents over HTTP, as a remote importer does (PUT /documents/{id}/file):
//   npx tsx src/cli/exhibit.ts put <documentId> <file>                   one file
//   npx tsx src/cli/exhibit.ts put-all <bundle.json> [--dir DIR]         every file the bundle's
//       documents name, read from DIR/<file> (DIR defaults to the bundle's folder)
// The server is --server URL (or UFLPA_SERVER, default http://127.0.0.1:4000); the token comes
// from UFLPA_TOKEN only, so it stays out of the shell history and the process list. The files
// land in the token's tenant; the server checks each against its document's sha256.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exhibitPath } from '../exhibits';

export const USAGE = [
  'usage: npx tsx src/cli/exhibit.ts put <documentId> <file> [--server URL]',
  '       npx tsx src/cli/exhibit.ts put-all <bundle.json> [--dir DIR] [--server URL]',
  '(the bearer token comes from UFLPA_TOKEN; the server from --server or UFLPA_SERVER)',
].join('\n');

export interface ExhibitCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

interface Upload {
  documentId: string;
  path: string;
  /** why this document's file is not read at all */
  refused?: string;
}

function parse(argv: string[], env: NodeJS.ProcessEnv) {
  const rest: string[] = [];
  let server = env.UFLPA_SERVER || 'http://127.0.0.1:4000';
  let dir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--server') server = value();
    else if (a === '--dir') dir = value();
    else if (a === '--help' || a === '-h') throw new Error(USAGE);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else rest.push(a);
  }
  const [command, ...args] = rest;
  let uploads: Upload[];
  if (command === 'put' && args.length === 2) uploads = [{ documentId: args[0], path: args[1] }];
  else if (command === 'put-all' && args.length === 1) uploads = bundleUploads(args[0], dir ?? dirname(args[0]));
  else throw new Error(USAGE);
  return { server: server.replace(/\/+$/, ''), uploads };
}

/** The documents of a bundle file that name a file, each with where that file is on this machine. */
function bundleUploads(bundlePath: string, dir: string): Upload[] {
  let bundle: { documents?: { id?: unknown; file?: unknown }[] };
  try {
    bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
  } catch (e) {
    throw new Error(`${bundlePath}: cannot read the bundle: ${(e as Error).message}`, { cause: e });
  }
  return (bundle.documents ?? [])
    .filter((d): d is { id: string; file: string } => typeof d?.id === 'string' && typeof d.file === 'string')
    .map((d) => {
      // the same check as the server's, before reading: a bundle cannot make this send a file outside DIR
      const checked = exhibitPath(d.file);
      return 'reason' in checked
        ? { documentId: d.id, path: d.file, refused: checked.reason }
        : { documentId: d.id, path: join(dir, checked.path) };
    });
}

async function upload(server: string, token: string | undefined, u: Upload): Promise<{ ok: boolean; line: string }> {
  if (u.refused) return { ok: false, line: `${u.documentId}: not sent: ${u.refused}` };
  let body: Buffer;
  try {
    body = await readFile(u.path);
  } catch (e) {
    return { ok: false, line: `${u.documentId}: cannot read ${u.path}: ${(e as Error).message}` };
  }
  const res = await fetch(`${server}/documents/${encodeURIComponent(u.documentId)}/file`, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await res.text();
  let answer: {
    file?: string;
    bytes?: number;
    sha256Verified?: boolean | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  try {
    answer = JSON.parse(text);
  } catch {
    return { ok: false, line: `${u.documentId}: HTTP ${res.status}: ${text.slice(0, 200)}` };
  }
  if (!res.ok) {
    const e = answer.errors?.[0];
    return { ok: false, line: `${u.documentId}: HTTP ${res.status} ${e?.extensions?.code ?? ''}: ${e?.message ?? text.slice(0, 200)}` };
  }
  const check = answer.sha256Verified ? 'sha256 verified' : 'no sha256 declared';
  return { ok: true, line: `${u.documentId}: stored as ${answer.file} (${answer.bytes} bytes, ${check})` };
}

/** Runs the CLI; returns the exit code (0 all stored, 1 some failed, 2 bad usage). */
export async function runExhibitCli(argv: string[], io: ExhibitCliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv, io.env);
  } catch (e) {
    io.err((e as Error).message);
    return 2;
  }
  let failed = 0;
  for (const u of parsed.uploads) {
    let r: { ok: boolean; line: string };
    try {
      r = await upload(parsed.server, io.env.UFLPA_TOKEN, u);
    } catch (e) {
      r = { ok: false, line: `${u.documentId}: ${parsed.server} did not answer: ${(e as Error).message}` };
    }
    (r.ok ? io.out : io.err)(r.line);
    if (!r.ok) failed++;
  }
  if (failed) io.err(`${failed} of ${parsed.uploads.length} file(s) not stored`);
  return failed ? 1 : 0;
}

if (require.main === module) {
  runExhibitCli(process.argv.slice(2), { out: console.log, err: console.error, env: process.env }).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`exhibit upload failed: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
