// Refuses a query nested deeper than any real one before graphql-js parses
// it: the parser recurses once per bracket, so a list literal or selection
// set a few thousand levels deep overflows the stack (a 500) before the
// depth limit of the schema ever sees a document.
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Brackets ({ [ () open at once. The schema's own depth limit is 14 selection
 * levels; arguments, input objects and lists add a few more. 64 leaves room
 * for any query a person or tool writes.
 */
export const MAX_QUERY_NESTING = 64;

/**
 * The deepest bracket nesting of a GraphQL text, not counting brackets in
 * strings, block strings or comments; stops counting past `stopAbove`.
 */
export function queryNesting(query: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  const n = query.length;
  for (let i = 0; i < n; i++) {
    const c = query[i];
    if (c === '#') {
      while (i < n && query[i] !== '\n' && query[i] !== '\r') i++;
    } else if (c === '"') {
      if (query.startsWith('"""', i)) {
        // A block string ends at the next """ that is not escaped as \""".
        i += 3;
        while (i < n && !query.startsWith('"""', i)) i += query.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        i++;
        while (i < n && query[i] !== '"' && query[i] !== '\n') i += query[i] === '\\' ? 2 : 1;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === '}' || c === ']' || c === ')') {
      if (depth > 0) depth--;
    }
  }
  return max;
}

/** The yoga plugin: a 400 with a plain message for a query nested deeper than MAX_QUERY_NESTING. */
export const queryNestingLimit: Plugin = {
  onParams({ params }) {
    const query = params.query;
    if (typeof query !== 'string') return;
    if (queryNesting(query, MAX_QUERY_NESTING) > MAX_QUERY_NESTING) {
      throw createGraphQLError(`the query nests brackets more than ${MAX_QUERY_NESTING} deep, over the depth limit`, {
        extensions: { code: 'QUERY_TOO_DEEP', http: { status: 400 } },
      });
    }
  },
};
