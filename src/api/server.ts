// The HTTP face of govgraph: graphql-yoga serving the Pothos schema at
// /graphql (GraphiQL in a browser), one context — store plus fresh
// DataLoaders — per request.
import { createServer, type Server } from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { GraphStore } from '../store/types.js';
import { writeAccess } from './auth.js';
import { createContext } from './context.js';
import { schema } from './schema/index.js';

export interface ServerOptions {
  store: GraphStore;
  /** GOVGRAPH_TOKEN: the bearer token mutations require; without one, mutations are refused. */
  token?: string;
}

export function createGraphQLHandler(options: ServerOptions) {
  return createYoga({
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

export function createHttpServer(options: ServerOptions): Server {
  const yoga = createGraphQLHandler(options);
  return createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    void yoga(req, res);
  });
}
