// A cache of read-statement results for a store that is the only writer to
// its graph (the embedded store: a lock file keeps other processes out). The
// graph changes only through this store's writes, so every committed write
// invalidates everything; analytics (co-citation, similarity, the filtered
// jurisdiction lists) then cost one query per distinct request between ingests
// instead of one per request. Callers share the cached rows and must treat
// them as read-only (they are not frozen: Pothos brands node objects with
// their GraphQL type, which is the same on every request).
import { LRUCache } from 'lru-cache';
import type { Row } from './types.js';

export interface ReadCacheOptions {
  /** Most entries kept (least recently used dropped first). */
  maxEntries?: number;
  /** Approximate characters of JSON kept over all entries. */
  maxChars?: number;
  /** Results larger than this (JSON characters) are not kept. */
  maxEntryChars?: number;
}

export class ReadCache {
  /** Least recently used first out, bounded by entries and by approximate characters (lru-cache does the bookkeeping). */
  private readonly entries: LRUCache<string, Row[]>;
  /** Bumped by every invalidation: a read that started before a write must not fill the cache after it. */
  private generation = 0;
  hits = 0;
  misses = 0;

  constructor(options: ReadCacheOptions = {}) {
    const maxEntryChars = options.maxEntryChars ?? 4 * 1024 * 1024;
    this.entries = new LRUCache<string, Row[]>({
      max: options.maxEntries ?? 5_000,
      maxSize: options.maxChars ?? 32 * 1024 * 1024,
      maxEntrySize: maxEntryChars, // larger results are not kept
      sizeCalculation: (rows) => approximateChars(rows, maxEntryChars),
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached rows for a key, or undefined; a hit becomes the most recently used. */
  get(key: string): Row[] | undefined {
    const rows = this.entries.get(key);
    if (rows) this.hits++;
    else this.misses++;
    return rows;
  }

  /** A token to pass to set(): the generation the read started in. */
  begin(): number {
    return this.generation;
  }

  /** Stores rows read in `generation`, unless a write has happened since. Returns the rows. */
  set(key: string, rows: Row[], generation: number): Row[] {
    if (generation === this.generation) this.entries.set(key, rows);
    return rows;
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }
}

/** Characters of strings plus a few per value, stopping once over `limit`. */
function approximateChars(value: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length && total <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length + 2;
    else if (Array.isArray(v)) {
      total += 2;
      for (const x of v) stack.push(x);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        total += k.length + 3;
        stack.push(x);
      }
    } else total += 8;
  }
  return total;
}
