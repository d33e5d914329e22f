// Asking the GraphQL handler as a client does: a JSON POST to /graphql, the
// answer parsed. One pair of helpers for every API test.
import { expect } from 'vitest';
import type { createGraphQLHandler } from '../../src/api/server.js';

export type Yoga = ReturnType<typeof createGraphQLHandler>;

/** A connection as a query reads it: the nodes it asked for, and their count. */
export interface Connection<N> {
  totalCount: number;
  nodes: N[];
}

/** An error of a GraphQL answer, as far as the tests read it. */
export interface AnswerError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/** A GraphQL answer: `T` is the shape of the data the test asked for (unknown unless it says). */
export interface Answer<T = unknown> {
  data?: T;
  errors?: AnswerError[];
}

/**
 * The answer to a query as the server sent it: data and errors both (for tests of refusals).
 * `T` names the shape the query asks for; nothing checks it (it is the test's reading of the schema).
 */
export async function postQuery<T = unknown>(
  yoga: Yoga,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const response = await yoga.fetch('http://govgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer<T>;
}

/** The data of a query that must succeed: any error fails the test. `T` as for postQuery. */
export async function queryData<T = unknown>(yoga: Yoga, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await postQuery<T>(yoga, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}
