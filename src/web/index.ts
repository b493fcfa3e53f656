// The web page (/), the GraphQL console (/graphiql) and their assets (/assets/*), served from
// web/dist, which buildWebAssets() bundles from web/ with esbuild (no CDN: works offline).
// src/api/routes.ts serves them; the paths are decided here only.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { faceFile } from '../packets/fonts';

const ROOT = resolve(__dirname, '..', '..');
export const WEB_DIR = join(ROOT, 'web');
export const DIST_DIR = join(WEB_DIR, 'dist');
const KEY_FILE = join(DIST_DIR, '.build-key');
/** Font faces (packets/fonts.ts keys) copied to /assets/fonts/ for the page. */
const SERVED_FONTS: Record<string, string> = { hans: 'noto-sans-hans.otf' };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

// Everything loads from this origin; GraphiQL needs inline styles (React style attributes).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The pages by path; every other file is an asset under ASSETS_PATH. */
const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/graphiql': 'graphiql.html',
  '/graphiql/': 'graphiql.html',
};
const ASSETS_PATH = '/assets/';

/** Page paths: /, /index.html, /graphiql, /graphiql/ and /assets/<file>. They need no token (the page asks for one). */
export function isPublicWebPath(pathname: string): boolean {
  return Object.hasOwn(PAGES, pathname) || pathname.startsWith(ASSETS_PATH);
}

// ---------------------------------------------------------------------------------------------
// Build

function listFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== DIST_DIR && e.name !== 'node_modules') listFiles(p, out);
    } else out.push(p);
  }
  return out;
}

/** Server sources the page bundles too (the chart layout it shares with the packets). */
const SHARED_SOURCES = [join(ROOT, 'src', 'packets', 'tierLayout.ts')];

/** Cheap fingerprint of the inputs: web sources, installed packages, this builder. */
function inputKey(): string {
  const files = [...listFiles(WEB_DIR), ...SHARED_SOURCES, join(ROOT, 'package-lock.json'), __filename].filter((f) => existsSync(f)).sort();
  const h = createHash('sha256');
  for (const f of files) {
    const st = statSync(f);
    h.update(`${relative(ROOT, f)}|${st.size}|${st.mtimeMs}\n`);
  }
  return h.digest('hex');
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

let building: Promise<void> | undefined;

/** Bundles web/ into web/dist with esbuild; a fast no-op when the inputs have not changed. */
export function buildWebAssets(opts: { force?: boolean } = {}): Promise<void> {
  if (!building) {
    building = doBuild(!!opts.force).finally(() => {
      building = undefined;
    });
  }
  return building;
}

async function doBuild(force: boolean): Promise<void> {
  const key = inputKey();
  if (!force && existsSync(join(DIST_DIR, 'index.html'))) {
    const prev = await readFile(KEY_FILE, 'utf8').catch(() => '');
    if (prev.trim() === key) return;
  }
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { app: join(WEB_DIR, 'src', 'main.ts'), graphiql: join(WEB_DIR, 'src', 'graphiql.jsx') },
    outdir: join(DIST_DIR, 'assets'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome109', 'firefox115', 'safari16'],
    jsx: 'automatic',
    loader: { '.woff2': 'dataurl', '.woff': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    external: ['/assets/fonts/*'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    write: false,
    logLevel: 'silent',
  });
  for (const f of result.outputFiles) await writeAtomic(f.path, f.contents);
  // the Chinese face the packets print with, for browsers without one (styles.css loads it only for CJK text)
  for (const [key, file] of Object.entries(SERVED_FONTS))
    await writeAtomic(join(DIST_DIR, 'assets', 'fonts', file), await readFile(faceFile(key)));
  for (const page of new Set(Object.values(PAGES))) await writeAtomic(join(DIST_DIR, page), await readFile(join(WEB_DIR, page)));
  await writeAtomic(KEY_FILE, key);
}

// ---------------------------------------------------------------------------------------------
// Serve

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('x-content-type-options', 'nosniff');
  res.end(text);
}

/** Maps a URL path to a file in web/dist, or null when it is not one of ours or is unsafe. */
function fileFor(pathname: string): string | null | 'bad' {
  if (Object.hasOwn(PAGES, pathname)) return join(DIST_DIR, PAGES[pathname]);
  if (!pathname.startsWith(ASSETS_PATH)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(ASSETS_PATH.length));
  } catch {
    return 'bad';
  }
  if (!rel || rel.includes('..') || rel.includes('\\') || rel.includes('\0') || rel.startsWith('/') || rel.startsWith('.')) return 'bad';
  const base = join(DIST_DIR, 'assets');
  const file = resolve(base, rel);
  return file.startsWith(base + sep) ? file : 'bad';
}

/** Serves the page, the console and the assets; answers false for every other path. Needs no request context. */
export async function serveWeb(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  if (url.pathname.includes('..')) {
    if (!isPublicWebPath(url.pathname)) return false;
    sendText(res, 400, 'bad path');
    return true;
  }
  const file = fileFor(url.pathname);
  if (file === null) return false;
  if (file === 'bad') {
    sendText(res, 400, 'bad path');
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendText(res, 405, `${req.method} is not allowed here; use GET`);
    return true;
  }
  if (!existsSync(join(DIST_DIR, 'index.html'))) await buildWebAssets();
  const st = await stat(file).catch(() => null);
  if (!st || !st.isFile()) {
    sendText(res, 404, `no file ${url.pathname}`);
    return true;
  }
  const etag = `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`;
  res.setHeader('etag', etag);
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  if (extname(file) === '.html') {
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-frame-options', 'DENY');
  }
  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  const body = await readFile(file);
  res.statusCode = 200;
  res.setHeader('content-type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('content-length', String(body.length));
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
