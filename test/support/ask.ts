// Asking the GraphQL handler as a client does: a JSON POST to /graphql, the
// answer parsed. One pair of helpers for every API test.
import { expect } from 'vitest';
import type { createGraphQLHandler } from '../../src/api/server.js';

export type Yoga = ReturnType<typeof createGraphQLHandler>;

/** The answer to a query as the server sent it: data and errors both (for tests of refusals). */
export async function postQuery(yoga: Yoga, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://govgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** The data of a query that must succeed: any error fails the test. */
export async function queryData(yoga: Yoga, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const body = await postQuery(yoga, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}
