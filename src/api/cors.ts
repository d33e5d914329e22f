// Which other sites' pages may call the API from a browser. None unless
// GOVGRAPH_CORS_ORIGINS lists them: GraphiQL and the explorer are served
// from the API's own origin and need no CORS at all. A listed origin gets
// its own name back (never `*`, never an echo of an unlisted one) and no
// credentials: the API authenticates with a bearer token, not cookies.
import type { CORSOptions } from 'graphql-yoga';

/** Headers a listed page may send: JSON, the token, the CSRF header an upload needs, a request id. */
const ALLOWED_HEADERS = ['content-type', 'authorization', 'x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-request-id'];

/** yoga's `cors` option for an allow-list of origins. */
export function corsPolicy(origins: readonly string[]): (request: Request) => CORSOptions | false {
  const allowed = new Set(origins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false;
    return {
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    };
  };
}

/**
 * Reads GOVGRAPH_CORS_ORIGINS: origins separated by commas, each a scheme,
 * host and optional port exactly as a browser sends it (https://a.example,
 * http://localhost:5173), or a message saying what is wrong.
 */
export function parseCorsOrigins(raw: string, from = 'GOVGRAPH_CORS_ORIGINS'): string[] {
  const origins = raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new Error(
        `${from} must list origins such as https://a.example or http://localhost:5173 (scheme, host, optional port; no path or *), not "${origin}"`,
      );
    }
  }
  return origins;
}
