// The HTTP face of govgraph: graphql-yoga serving the Pothos schema at
// /graphql (GraphiQL in a browser, served offline: graphiql.ts), one context — store plus fresh
// DataLoaders — per request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, createYoga, type Plugin } from 'graphql-yoga';
import { DEFAULT_MAX_FILE_BYTES } from '../ingest/read.js';
import type { GraphStore } from '../store/types.js';
import { writeAccess } from './auth.js';
import { answerClientError } from './client-error.js';
import { corsPolicy } from './cors.js';
import { serveExplorer } from './explore-route.js';
import { DEFAULT_EXPORT_LIMITS, type ExportLimits, exportGate, handleExportRequest, isExportPath } from './export-route.js';
import { createContext } from './context.js';
import { consistentReads } from './consistency-plugin.js';
import { graphiqlSecurityHeaders, renderOfflineGraphiQL } from './graphiql.js';
import { useResponseBudget } from './response-budget-plugin.js';
import { requestIdFrom, requestScope, silentLogger, yogaLogger, type Logger } from './logging.js';
import { queryNestingLimit } from './nesting-limit.js';
import { refuseAndClose } from './refuse.js';
import { schema } from './schema/index.js';

export interface ServerOptions {
  store: GraphStore;
  /** GOVGRAPH_TOKEN: the bearer token mutations require; without one, mutations are refused. */
  token?: string;
  /** GOVGRAPH_MAX_FILE_MB in bytes: the largest file ingestReport accepts (default 16 MB, the store's limit on one report's text). */
  maxFileBytes?: number;
  /** GOVGRAPH_MAX_RESPONSE_MB in bytes: what one request may answer, a batch's operations together (default 32 MB; response-budget.ts). */
  maxResponseBytes?: number;
  /** Where request and error logs go (default: nowhere). */
  logger?: Logger;
  /** GOVGRAPH_CORS_ORIGINS: origins (https://host[:port]) whose pages may call the API; none by default. */
  corsOrigins?: readonly string[];
  /** How long a client may take to send a request (GOVGRAPH_REQUEST_TIMEOUT_S) and its headers, and keep an idle connection. */
  timeouts?: Partial<ServerTimeouts>;
  /** How many exports may run at once, and how large an export may be without the token. */
  exportLimits?: Partial<ExportLimits>;
}

export interface ServerTimeouts {
  /** The whole request, body included, must arrive within this (ms). */
  requestMs: number;
  /** The request line and headers must arrive within this (ms). */
  headersMs: number;
  /** An idle keep-alive connection is closed after this (ms). */
  keepAliveMs: number;
  /** How often the two timeouts above are checked (ms): a request may overrun them by up to this. */
  checkIntervalMs: number;
}

/**
 * A request, body included, must arrive within 60 s: the largest upload (the
 * 16 MB file limit plus 1 MB of room) fits at 2.3 Mbit/s, while a client
 * sending a byte every few seconds holds its socket 60 s at most. Headers get
 * 10 s; idle keep-alive connections 5 s (Node's default); the timeouts are
 * checked every second (Node's default of 30 s would let a request overrun by that much).
 */
export const DEFAULT_TIMEOUTS: ServerTimeouts = { requestMs: 60_000, headersMs: 10_000, keepAliveMs: 5_000, checkIntervalMs: 1_000 };

/**
 * Limits on what a client may send: bytes of a JSON request body, characters
 * of a query, operations in one batched request. A multipart request (a file
 * upload) may be as large as the file size limit (GOVGRAPH_MAX_FILE_MB) plus
 * room for its other parts.
 */
export const REQUEST_LIMITS = { bodyBytes: 1_000_000, queryChars: 20_000, batchOperations: 10, multipartOverheadBytes: 1_000_000 };

/** Refuses an over-long query text before it is parsed. */
const queryLengthLimit: Plugin = {
  onParams({ params }) {
    if ((params.query?.length ?? 0) > REQUEST_LIMITS.queryChars) {
      throw createGraphQLError(`the query has ${params.query!.length} characters, over the limit of ${REQUEST_LIMITS.queryChars}`, {
        extensions: { code: 'QUERY_TOO_LONG', http: { status: 413 } },
      });
    }
  },
};

/**
 * CSRF: a browser sends a cross-site form or multipart POST without a
 * preflight; such requests must carry a header a page cannot set without CORS
 * consent (JSON POSTs, as GraphiQL, the explorer and most clients send, are
 * preflighted anyway). A GET is exempt: it can only run a query, which writes
 * nothing (yoga refuses a mutation over GET with 405), and standard clients
 * send queries as GET with no such header (urql's default).
 */
const csrfPrevention = useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'apollo-require-preflight'] });
const csrfExceptGet: Plugin = {
  onRequestParse(payload) {
    if (payload.request.method === 'GET') return;
    return csrfPrevention.onRequestParse!(payload);
  },
};

export function createGraphQLHandler(options: ServerOptions) {
  return createYoga({
    plugins: [
      queryLengthLimit,
      queryNestingLimit,
      csrfExceptGet,
      graphiqlSecurityHeaders,
      useResponseBudget(schema, options.maxResponseBytes),
      consistentReads,
    ],
    schema,
    // Off unless GOVGRAPH_CORS_ORIGINS lists origins (yoga's default echoes any origin, with credentials).
    cors: corsPolicy(options.corsOrigins ?? []),
    batching: { limit: REQUEST_LIMITS.batchOperations },
    logging: yogaLogger(options.logger ?? silentLogger),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    renderGraphiQL: renderOfflineGraphiQL,
    graphiql: {
      title: 'govgraph',
      defaultQuery: `# Which county-level jurisdictions' reports mention 三项制度?
{
  jurisdictions(filter: {level: COUNTY, mentionsInitiative: "三项制度"}) {
    totalCount
    edges { node { name fullName province { name } } }
  }
}
`,
    },
    // Unexpected errors reach the client as "Unexpected error." — never a
    // stack trace, Cypher or a file path; GraphQLErrors we throw keep their message.
    // isDev is pinned off: NODE_ENV=development must not put original errors in responses.
    maskedErrors: { isDev: false },
    context: ({ request }) =>
      createContext(options.store, writeAccess(request.headers.get('authorization'), options.token), options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES),
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * The store answers and can write, within two seconds, or the reason it does
 * not: a store that reads but cannot write (disk full, closed, a read-only
 * Neo4j) is not ready, since ingests would fail.
 */
async function readiness(store: GraphStore): Promise<{ ready: boolean; reason?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the store did not answer within 2 s')), 2000);
  });
  const probe = async () => {
    await store.run('ping');
    await store.assertWritable?.();
  };
  try {
    await Promise.race([probe(), timeout]);
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** The JSON error answer to an upload without the token, as the mutation itself would give it. */
function uploadRefusal(access: 'disabled' | 'denied'): { status: number; body: unknown; headers: Record<string, string> } {
  if (access === 'disabled') {
    const message = 'mutations are disabled on this server: start it with GOVGRAPH_TOKEN set to allow them';
    return { status: 403, body: { errors: [{ message, extensions: { code: 'FORBIDDEN' } }] }, headers: {} };
  }
  const message = 'mutations need the header "Authorization: Bearer <GOVGRAPH_TOKEN>"';
  return {
    status: 401,
    body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] },
    headers: { 'www-authenticate': 'Bearer realm="govgraph"' },
  };
}

export function createHttpServer(options: ServerOptions): Server {
  const yoga = createGraphQLHandler(options);
  const logger = options.logger ?? silentLogger;
  const uploadBytes = (options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES) + REQUEST_LIMITS.multipartOverheadBytes;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const exports = exportGate({ ...DEFAULT_EXPORT_LIMITS, ...options.exportLimits });

  function route(req: IncomingMessage, res: ServerResponse): void {
    // /healthz: the process is up. /readyz: the store is reachable and can write too.
    if (req.url === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    if (req.url === '/readyz') {
      void readiness(options.store).then((r) =>
        r.ready
          ? sendJson(res, 200, { status: 'ready', store: options.store.kind })
          : sendJson(res, 503, { status: 'unavailable', store: options.store.kind, reason: r.reason }),
      );
      return;
    }
    // Bodies are judged from the headers alone; a refused one is never read (refuse.ts).
    const length = Number(req.headers['content-length'] ?? 0);
    const multipart = (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
    const access = () => writeAccess(req.headers.authorization, options.token);
    // A multipart POST is an upload, and uploads are mutations: without the token its megabytes are not worth reading.
    if (multipart && req.method === 'POST') {
      const granted = access();
      if (granted !== 'granted') {
        const refusal = uploadRefusal(granted);
        refuseAndClose(req, res, refusal.status, refusal.body, refusal.headers);
        return;
      }
    }
    const limit = multipart ? uploadBytes : REQUEST_LIMITS.bodyBytes;
    if (length > limit) {
      refuseAndClose(req, res, 413, { errors: [{ message: `the request body has ${length} bytes, over the limit of ${limit}` }] });
      return;
    }
    if (req.method === 'POST' && req.headers['transfer-encoding'] && !req.headers['content-length']) {
      refuseAndClose(req, res, 411, { errors: [{ message: 'send a Content-Length: chunked request bodies are not accepted' }] });
      return;
    }
    if (serveExplorer(req, res)) return;
    if (isExportPath(req.url)) return void handleExportRequest(req, res, { store: options.store, logger, gate: exports, access: access() });
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    void yoga(req, res);
  }

  const server = createServer(
    {
      requestTimeout: timeouts.requestMs,
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    (req, res) => {
      const requestId = requestIdFrom(req.headers['x-request-id']);
      res.setHeader('x-request-id', requestId);
      const started = performance.now();
      res.once('finish', () => {
        // The path without its query string: GET queries may carry arguments a log should not keep.
        const path = (req.url ?? '').split('?')[0];
        logger.info({ reqId: requestId, method: req.method, path, status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 }, 'request');
      });
      requestScope.run({ requestId }, () => route(req, res));
    },
  );
  server.on('clientError', answerClientError);
  return server;
}
