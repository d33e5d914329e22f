// Page sizes and the two ways a connection is filled: from the store with
// SKIP/LIMIT (top-level lists) or from an already batched list (relations).
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
