// Page sizes, cursors, and the three ways a connection is filled: from the
// store with SKIP/LIMIT (top-level lists), from a ranking the store computes
// with its size (search and the analytics), or from an already batched list
// (relations).
//
// A cursor names its item, not only its place: it carries the item's position
// when it was handed out and a hash of the item's identity (its id, key, name
// or title; for items without one, the item itself). A page `after` (or
// `before`) a cursor starts at wherever that item is now, so reports written
// or deleted between two page requests neither repeat nor skip items. The item
// is looked for around its old position (within CURSOR_DRIFT places in the
// store's lists; anywhere in a batched list or a ranking, which are read from
// their start anyway); when it is not there (deleted, no longer matching the
// filter, or moved too far) the cursor is refused with a clear error.
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** How many places an item may have moved since its cursor was handed out and still be found (store lists). */
export const CURSOR_DRIFT = 100;

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

const IDENTITY_PROPERTIES = ['id', 'key', 'name', 'title'] as const;

/** An object's own id, key, name or title, if it has one. */
function ownIdentity(o: Record<string, unknown>): string | null {
  for (const p of IDENTITY_PROPERTIES) if (typeof o[p] === 'string' || typeof o[p] === 'number') return `${p}=${o[p]}`;
  return null;
}

/**
 * What identifies a page item: its own id/key/name/title; else its plain fields
 * with the identities of the nodes it holds (a relation edge's node and report,
 * a mention's report and offsets). Lists and objects without an identity (a
 * relationship's provenance) are left out: they describe the item, and their
 * stored form may change without the item changing.
 */
function identityOf(item: unknown): string {
  if (!item || typeof item !== 'object') return JSON.stringify(item) ?? '';
  const o = item as Record<string, unknown>;
  const own = ownIdentity(o);
  if (own) return own;
  const parts: string[] = [];
  for (const k of Object.keys(o).sort()) {
    const v = o[k];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') parts.push(`${k}=${v}`);
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = ownIdentity(v as Record<string, unknown>);
      if (inner) parts.push(`${k}.${inner}`);
    }
  }
  return parts.join('&');
}

const itemHash = (item: unknown) => createHash('sha256').update(identityOf(item)).digest('base64url').slice(0, 12);

const CURSOR = /^c1:(\d{1,9}):([A-Za-z0-9_-]{12})$/;

export function encodeCursor(position: number, item: unknown): string {
  return Buffer.from(`c1:${position}:${itemHash(item)}`).toString('base64');
}

interface Cursor {
  position: number;
  hash: string;
}

function decodeCursor(cursor: string, arg: 'after' | 'before'): Cursor {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64').toString('latin1'));
  if (!match || Buffer.from(match[0], 'latin1').toString('base64') !== cursor) {
    throw new GraphQLError(`\`${arg}\` is not a cursor of this API: pass the \`cursor\`, \`startCursor\` or \`endCursor\` of an earlier page`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return { position: Number(match[1]), hash: match[2] };
}

/** An ordered list read in slices: `slice(from, to)` the items at [from, to), `total()` how many there are. */
interface Source<T> {
  slice(from: number, to: number): Promise<T[]>;
  total(): Promise<number>;
  /** Where to look for a cursor's item: [from, to) around its old position. */
  window(position: number): { from: number; to: number };
}

/** The current position of a cursor's item, or a clear error when it is no longer in the list. */
async function locate<T>(source: Source<T>, cursor: Cursor, arg: 'after' | 'before'): Promise<number> {
  const { from, to } = source.window(cursor.position);
  const items = await source.slice(from, to);
  let found = -1;
  items.forEach((item, i) => {
    if (itemHash(item) === cursor.hash && (found < 0 || Math.abs(from + i - cursor.position) < Math.abs(found - cursor.position))) found = from + i;
  });
  if (found < 0) {
    throw new GraphQLError(
      `\`${arg}\`: the cursor's item is no longer in this list (deleted, no longer matching, or moved more than ${CURSOR_DRIFT} places since); ask for the first page again`,
      { extensions: { code: 'STALE_CURSOR' } },
    );
  }
  return found;
}

/** The page `args` asks for, with Relay page info and the total. */
async function page<T>(args: ConnectionArgs, source: Source<T>, defaultSize: number) {
  checkPageSize(args);
  const after = args.after ? decodeCursor(args.after, 'after') : null;
  const before = args.before ? decodeCursor(args.before, 'before') : null;
  let start = after ? (await locate(source, after, 'after')) + 1 : 0;
  let end = before ? await locate(source, before, 'before') : Infinity;
  const first = args.first ?? (args.last == null ? defaultSize : null);
  if (first != null) end = Math.min(end, start + first);
  // `last` alone counts back from the end of the list
  if (args.last != null) {
    if (end === Infinity) end = await source.total();
    start = Math.max(start, end - args.last);
  }
  end = Math.max(start, end);
  // one item past the page says whether another page follows
  const [fetched, totalCount] = await Promise.all([source.slice(start, end + 1), source.total()]);
  const items = fetched.slice(0, end - start);
  const edges = items.map((node, i) => ({ cursor: encodeCursor(start + i, node), node }));
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage: start > 0,
      hasNextPage: fetched.length > items.length,
    },
    totalCount,
  };
}

/**
 * A page fetched from the store: `fetch` gets offset and limit and returns
 * those items and how many the list holds in all (the list statements return
 * both, so a page costs one statement, not a second one to count).
 */
export function storeConnection<T>(args: ConnectionArgs, fetch: (page: { offset: number; limit: number }) => Promise<{ items: T[]; total: number }>) {
  // the rows read last: the page after a cursor usually lies inside the window read to find it
  let read: { from: number; rows: T[]; asked: number } | undefined;
  let pending: Promise<unknown> | undefined;
  let total: number | undefined;
  const load = (offset: number, limit: number) => {
    const loaded = fetch({ offset, limit }).then((result) => {
      total = result.total;
      return result.items;
    });
    pending = loaded;
    return loaded;
  };
  const slice = (from: number, to: number): Promise<T[]> => {
    if (to <= from) return Promise.resolve([]);
    const r = read;
    if (r && from >= r.from && (to <= r.from + r.rows.length || r.rows.length < r.asked)) return Promise.resolve(r.rows.slice(from - r.from, to - r.from));
    return load(from, to - from).then((rows) => {
      read = { from, rows, asked: to - from };
      return rows;
    });
  };
  return page(
    args,
    {
      slice,
      total: async () => {
        if (pending) await pending;
        if (total === undefined) await load(0, 0);
        return total!;
      },
      window: (position) => ({ from: Math.max(0, position - CURSOR_DRIFT), to: position + CURSOR_DRIFT + 1 }),
    },
    DEFAULT_PAGE_SIZE,
  );
}

/** A page of a list a DataLoader already fetched for this parent. */
export function listConnection<T>(args: ConnectionArgs, items: T[]) {
  return page(
    args,
    {
      slice: async (from, to) => items.slice(from, to),
      total: async () => items.length,
      window: () => ({ from: 0, to: items.length }),
    },
    DEFAULT_PAGE_SIZE,
  );
}

/**
 * A page of a list whose length is known and whose items are made only for
 * the slices asked (`slice(from, to)`): the same pages and cursors as
 * listConnection over the whole list.
 */
export function lazyListConnection<T>(args: ConnectionArgs, length: number, slice: (from: number, to: number) => Promise<T[]>) {
  return page(args, { slice, total: async () => length, window: () => ({ from: 0, to: length }) }, DEFAULT_PAGE_SIZE);
}

/**
 * A page of a ranking the store computes: `load(upTo)` returns the first `upTo` items and how
 * many the ranking holds in all (the search and analytics statements return both, so a page
 * costs one statement, not a second one to count).
 */
export function rankedConnection<T>(args: ConnectionArgs, load: (upTo: number) => Promise<{ items: T[]; total: number }>, defaultSize = DEFAULT_PAGE_SIZE) {
  // the longest prefix loaded so far: a shorter slice, or the total, needs no second statement
  let loaded: { upTo: number; ranked: Promise<{ items: T[]; total: number }> } | undefined;
  const prefix = (upTo: number) => {
    if (!loaded || loaded.upTo < upTo) loaded = { upTo: Math.max(upTo, 1), ranked: load(Math.max(upTo, 1)) };
    return loaded.ranked;
  };
  return page(
    args,
    {
      slice: async (from, to) => (await prefix(to)).items.slice(from, to),
      total: async () => (await prefix(loaded?.upTo ?? 1)).total,
      window: (position) => ({ from: 0, to: position + CURSOR_DRIFT + 1 }),
    },
    defaultSize,
  );
}

/** The total a ranked statement returns on each of its rows (0 when it returns none). */
export const rankedTotal = (rows: Array<Record<string, unknown>>): number => Number(rows[0]?.total ?? 0);
