// GraphiQL at /graphql in a browser, entirely from this server: yoga's own
// page loads its scripts, styles and editor workers from a CDN, which an
// offline or intranet machine cannot reach. @graphql-yoga/render-graphiql is
// the same page with everything inlined (scripts, styles, workers as blobs).
import type { Plugin } from 'graphql-yoga';

type Render = typeof import('@graphql-yoga/render-graphiql')['renderGraphiQL'];
type GraphiQLOptions = Parameters<Render>[0];

let rendered: { key: string; page: Promise<string> } | undefined;

/**
 * The page, rendered once: its options are the same on every request, and
 * the package (9 MB of inlined script) is loaded only when a browser first
 * asks for it, not on every start of the server or the CLI.
 */
export function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options ?? {});
  if (rendered?.key !== key) {
    rendered = { key, page: import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => renderGraphiQL(options)) };
  }
  return rendered.page;
}

/**
 * What the page may load: from this origin, inline (the package inlines its
 * scripts and styles) and blob: workers (the editor's); nothing elsewhere,
 * so the browser itself enforces that GraphiQL stays on the machine.
 */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Adds the CSP and nosniff to the GraphiQL page (the only HTML yoga answers with). */
export const graphiqlSecurityHeaders: Plugin = {
  onResponse({ response }) {
    if (response.headers.get('content-type')?.startsWith('text/html')) {
      response.headers.set('content-security-policy', GRAPHIQL_CSP);
      response.headers.set('x-content-type-options', 'nosniff');
    }
  },
};
