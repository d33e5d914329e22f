// Page sizes and the three ways a connection is filled: from the store with
// SKIP/LIMIT (top-level lists), from a ranking the store computes with its
// size (search and the analytics), or from an already batched list (relations).
import { resolveArrayConnection, resolveOffsetConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

function checkPageSize(args: ConnectionArgs): void {
  for (const key of ['first', 'last'] as const) {
    const value = args[key];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`\`${key}\` must be between 0 and ${MAX_PAGE_SIZE} (got ${value})`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  }
}

/** A page fetched from the store: `fetch` gets offset and limit, `count` the total. */
export async function storeConnection<T>(
  args: ConnectionArgs,
  fetch: (page: { offset: number; limit: number }) => Promise<T[]>,
  count: () => Promise<number>,
) {
  checkPageSize(args);
  const [page, totalCount] = await Promise.all([
    resolveOffsetConnection({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE }, fetch),
    count(),
  ]);
  return { ...page, totalCount };
}

/** A page of a list a DataLoader already fetched for this parent. */
export function listConnection<T>(args: ConnectionArgs, items: T[]) {
  checkPageSize(args);
  return {
    ...resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE }, items),
    totalCount: items.length,
  };
}

/**
 * A page of a ranking the store computes: `load(upTo)` returns the first `upTo` items and how
 * many the ranking holds in all (the search and analytics statements return both, so a page
 * costs one statement, not a second one to count).
 */
export async function rankedConnection<T>(
  args: ConnectionArgs,
  load: (upTo: number) => Promise<{ items: T[]; total: number }>,
  defaultSize = DEFAULT_PAGE_SIZE,
) {
  checkPageSize(args);
  let totalCount = 0;
  const page = await resolveOffsetConnection({ args, defaultSize, maxSize: MAX_PAGE_SIZE }, async ({ offset, limit }) => {
    const ranked = await load(offset + limit);
    totalCount = ranked.total;
    // A page past the end has no row to carry the total: ask for the first item's.
    if (!ranked.items.length && offset > 0) totalCount = (await load(1)).total;
    return ranked.items.slice(offset, offset + limit);
  });
  return { ...page, totalCount };
}

/** The total a ranked statement returns on each of its rows (0 when it returns none). */
export const rankedTotal = (rows: Array<Record<string, unknown>>): number => Number(rows[0]?.total ?? 0);
