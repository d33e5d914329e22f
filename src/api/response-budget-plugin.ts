// The response budget as a yoga plugin (see response-budget.ts): one budget
// per HTTP request, shared by the operations of a batch. Before any operation
// runs, the estimates of all of them together are held to the limit; while
// they run, the context's `budget` counts what heavy fields return.
import { type DocumentNode, type GraphQLError, type GraphQLSchema, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { QUERY_LIMITS } from './builder.js';
import { estimateResponse, heaviestField, sumEstimates, type Estimate } from './response-estimate.js';
import { DEFAULT_MAX_RESPONSE_BYTES, formatBytes, RESPONSE_TOO_LARGE, ResponseBudget, responseTooLarge } from './response-budget.js';

interface Params {
  query?: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/**
 * Estimates of recent requests, so that a repeated query (a client's usual ones) is not parsed
 * and walked again: keyed by query text, operation name and variables, bounded by their characters.
 */
const estimates = new LRUCache<string, { estimate: Estimate | null }>({ maxSize: 1_000_000, sizeCalculation: (_value, key) => Math.max(1, key.length) });

function estimateOf(schema: GraphQLSchema, params: Params): Estimate | null {
  if (typeof params.query !== 'string') return null;
  // an upload's File variables serialize as {}: they do not change the estimate
  const key = `${params.operationName ?? ''}\u0000${JSON.stringify(params.variables ?? {})}\u0000${params.query}`;
  const cached = estimates.get(key);
  if (cached) return cached.estimate;
  let document: DocumentNode | null;
  try {
    document = parse(params.query, { noLocation: true });
  } catch {
    document = null; // a syntax error (or nesting past the stack): yoga's own parse answers it
  }
  const estimate = document && estimateResponse(schema, document, params.variables, params.operationName);
  estimates.set(key, { estimate });
  return estimate;
}

function refusal(estimate: Estimate, limit: number, operations: number): GraphQLError {
  const heaviest = heaviestField(estimate);
  const most = heaviest
    ? ` (most of it ${heaviest.coordinate}, asked for up to ${heaviest.count.toLocaleString('en-US')} times, about ${formatBytes(heaviest.bytes)})`
    : '';
  const batch = operations > 1 ? `, fewer operations in the batch (${operations} counted together)` : '';
  return responseTooLarge(
    `this request could answer about ${formatBytes(estimate.bytes)}, over this server's limit of ${formatBytes(limit)} per request${most}; ask for fewer items (a smaller \`first\`), fewer aliases or heavy fields${batch}, and page through in several requests`,
    400,
  );
}

/** Refuses requests whose estimate is over `maxBytes` and gives every operation the request's budget as `context.budget`. */
export function useResponseBudget(schema: GraphQLSchema, maxBytes = DEFAULT_MAX_RESPONSE_BYTES): Plugin<{ budget?: ResponseBudget }> {
  const budgets = new WeakMap<Request, ResponseBudget>();
  return {
    onRequestParse({ request }) {
      return {
        onRequestParseDone({ requestParserResult }) {
          const all: Params[] = Array.isArray(requestParserResult) ? requestParserResult : [requestParserResult];
          const estimates: Estimate[] = [];
          for (const params of all) {
            const estimate = estimateOf(schema, params);
            // one the complexity limit refuses gets that limit's own error, when it runs
            const refusedAnyway =
              estimate && (estimate.depth > QUERY_LIMITS.depth || estimate.breadth > QUERY_LIMITS.breadth || estimate.complexity > QUERY_LIMITS.complexity);
            if (estimate && !refusedAnyway) estimates.push(estimate);
          }
          const total = sumEstimates(estimates);
          if (total.bytes > maxBytes) throw refusal(total, maxBytes, all.length);
          budgets.set(request, new ResponseBudget(maxBytes));
        },
      };
    },
    onContextBuilding({ context, extendContext }) {
      const request = (context as { request?: Request }).request;
      let budget = request && budgets.get(request);
      if (!budget) {
        budget = new ResponseBudget(maxBytes);
        if (request) budgets.set(request, budget);
      }
      extendContext({ budget });
    },
    // Every heavy field after the limit fails with the same error: one of them says it, with the count of the others.
    onExecutionResult({ result, setResult }) {
      if (!result || typeof result !== 'object' || !('errors' in result) || !result.errors?.length) return;
      const errors = result.errors;
      const over = errors.filter((e) => e.extensions?.code === RESPONSE_TOO_LARGE);
      if (over.length < 2) return;
      const first = over[0];
      const kept = errors.filter((e) => e === first || e.extensions?.code !== RESPONSE_TOO_LARGE);
      first.extensions.fieldsRefused = over.length;
      setResult({ ...result, errors: kept });
    },
  };
}
