// A cache of read-statement results for a store that is the only writer to
// its graph (the embedded store: a lock file keeps other processes out). The
// graph changes only through this store's writes, so every committed write
// invalidates everything; analytics (co-citation, similarity, the filtered
// jurisdiction lists) then cost one query per distinct request between ingests
// instead of one per request. Callers share the cached rows and must treat
// them as read-only (they are not frozen: Pothos brands node objects with
// their GraphQL type, which is the same on every request).
import type { Row } from './types.js';

export interface ReadCacheOptions {
  /** Most entries kept (least recently used dropped first). */
  maxEntries?: number;
  /** Approximate characters of JSON kept over all entries. */
  maxChars?: number;
  /** Results larger than this (JSON characters) are not kept. */
  maxEntryChars?: number;
}

interface Entry {
  rows: Row[];
  chars: number;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;
  /** Bumped by every invalidation: a read that started before a write must not fill the cache after it. */
  private generation = 0;
  hits = 0;
  misses = 0;
  private readonly maxEntries: number;
  private readonly maxChars: number;
  private readonly maxEntryChars: number;

  constructor(options: ReadCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 5_000;
    this.maxChars = options.maxChars ?? 32 * 1024 * 1024;
    this.maxEntryChars = options.maxEntryChars ?? 4 * 1024 * 1024;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached rows for a key, or undefined; a hit becomes the most recently used. */
  get(key: string): Row[] | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.rows;
  }

  /** A token to pass to set(): the generation the read started in. */
  begin(): number {
    return this.generation;
  }

  /** Stores rows read in `generation`, unless a write has happened since. Returns the rows. */
  set(key: string, rows: Row[], generation: number): Row[] {
    if (generation !== this.generation) return rows;
    const chars = approximateChars(rows, this.maxEntryChars);
    if (chars > this.maxEntryChars) return rows;
    this.entries.set(key, { rows, chars });
    this.chars += chars;
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.entries.keys().next().value as string;
      this.chars -= this.entries.get(oldest)!.chars;
      this.entries.delete(oldest);
    }
    return rows;
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.chars = 0;
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
