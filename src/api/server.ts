// The HTTP face of govgraph: graphql-yoga serving the Pothos schema at
// /graphql (GraphiQL in a browser), one context — store plus fresh
// DataLoaders — per request.
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createGraphQLError, createYoga, type Plugin } from 'graphql-yoga';
import type { GraphStore } from '../store/types.js';
import { writeAccess } from './auth.js';
import { createContext } from './context.js';
import { schema } from './schema/index.js';

export interface ServerOptions {
  store: GraphStore;
  /** GOVGRAPH_TOKEN: the bearer token mutations require; without one, mutations are refused. */
  token?: string;
}

/** Limits on what a client may send: bytes of a request body and characters of a query. */
export const REQUEST_LIMITS = { bodyBytes: 1_000_000, queryChars: 20_000 };

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

export function createGraphQLHandler(options: ServerOptions) {
  return createYoga({
    plugins: [queryLengthLimit],
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
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
    maskedErrors: true,
    context: ({ request }) => createContext(options.store, writeAccess(request.headers.get('authorization'), options.token)),
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The store answers within two seconds, or the reason it does not. */
async function readiness(store: GraphStore): Promise<{ ready: boolean; reason?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the store did not answer within 2 s')), 2000);
  });
  try {
    await Promise.race([store.run('ping'), timeout]);
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

export function createHttpServer(options: ServerOptions): Server {
  const yoga = createGraphQLHandler(options);
  return createServer((req, res) => {
    // /healthz: the process is up. /readyz: the store is reachable too.
    if (req.url === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (req.url === '/readyz') {
      void readiness(options.store).then((r) =>
        r.ready ? sendJson(res, 200, { status: 'ready', store: options.store.kind }) : sendJson(res, 503, { status: 'unavailable', store: options.store.kind, reason: r.reason }),
      );
      return;
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > REQUEST_LIMITS.bodyBytes) {
      req.resume();
      return sendJson(res, 413, { errors: [{ message: `the request body has ${length} bytes, over the limit of ${REQUEST_LIMITS.bodyBytes}` }] });
    }
    if (req.method === 'POST' && req.headers['transfer-encoding'] && !req.headers['content-length']) {
      req.resume();
      return sendJson(res, 411, { errors: [{ message: 'send a Content-Length: chunked request bodies are not accepted' }] });
    }
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    void yoga(req, res);
  });
}
