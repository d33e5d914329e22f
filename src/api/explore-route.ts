// /explore: the explorer page's built files (dist/explorer, made by
// `npm run build:explorer`), served by the same node:http server as GraphQL
// so the page can call /graphql on its own origin.
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `vite build` writes the explorer (see explorer/vite.config.ts). */
export const EXPLORER_DIST = fileURLToPath(new URL('../../dist/explorer/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

// The page talks to its own origin only; sigma sets inline styles on its
// canvases, hence 'unsafe-inline' for styles (never for scripts).
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
};

/** Vite names bundled files with a content hash, so they can be cached for good; index.html must be revalidated to pick up new hashes. */
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>govgraph explorer not built</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5">
<h1>The explorer has not been built yet</h1>
<p>Run <code>npm run build:explorer</code> (or <code>npm ci</code> / <code>npm start</code>, which build it), then reload this page.</p>
<p>GraphQL is available meanwhile at <a href="/graphql">/graphql</a>.</p>
</body></html>`;

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, head: boolean): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(head ? undefined : body);
}

function plain(res: ServerResponse, status: number, message: string, head: boolean, extra: Record<string, string> = {}): void {
  send(res, status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra }, message, head);
}

/**
 * The file a request path names inside root, or null when the path would
 * leave it (../, encoded dots or slashes, backslashes, NUL) or is malformed.
 * '' (that is /explore or /explore/) is the page itself.
 */
export function resolveExplorePath(root: string, relative: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const base = resolve(root);
  const file = resolve(base, ...(segments.length ? segments : ['index.html']));
  return file.startsWith(base + sep) ? file : null;
}

/** The path after /explore ('' for the page), or null when the URL is not the explorer's. */
export function explorePathOf(url: string | undefined): string | null {
  const path = (url ?? '').split(/[?#]/)[0];
  if (path === '/explore' || path === '/explore/') return '';
  return path.startsWith('/explore/') ? path.slice('/explore/'.length) : null;
}

async function handle(root: string, relative: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) return plain(res, 405, 'the explorer serves GET and HEAD only\n', head, { allow: 'GET, HEAD' });
  const file = resolveExplorePath(root, relative);
  if (!file) return plain(res, 400, 'bad path\n', head);
  try {
    await stat(join(root, 'index.html'));
  } catch {
    return send(res, 503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '60' }, NOT_BUILT_PAGE, head);
  }
  let body: Buffer;
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    body = await readFile(file);
  } catch {
    return plain(res, 404, 'not found\n', head);
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const cache = HASHED_ASSET.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache';
  send(res, 200, { 'content-type': type, 'cache-control': cache }, body, head);
}

/**
 * A route for the explorer's files under root: returns false (and does
 * nothing) for URLs outside /explore, so the server can fall through to
 * GraphQL; otherwise answers the request.
 */
export function createExploreRoute(root: string = EXPLORER_DIST): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const relative = explorePathOf(req.url);
    if (relative === null) return false;
    handle(root, relative, req, res).catch(() => {
      // An I/O error we did not foresee: a plain 500, never a stack trace.
      if (!res.headersSent) plain(res, 500, 'the explorer could not be served\n', req.method === 'HEAD');
      else res.destroy();
    });
    return true;
  };
}

/** The route the server uses: files from dist/explorer. */
export const serveExplorer = createExploreRoute();
