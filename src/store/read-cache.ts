// A cache of read-statement results for a store that is the only writer to
// its graph (the embedded store: a lock file keeps other processes out). The
// graph changes only through this store's writes, so a committed write
// invalidates what it may have changed: results that depend only on named
// reports or jurisdictions (their statements say so: `@cache-by`) are dropped
// when the write touched one of those keys, everything else (analytics,
// lists, rankings) on every write. Analytics then cost one query per distinct
// request between ingests instead of one per request. Callers share the
// cached rows and must treat them as read-only (they are not frozen: Pothos
// brands node objects with their GraphQL type, which is the same on every
// request).
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

/** A key a write touched or a result depends on: "report:ID", "jurisdiction:KEY". */
export type Dependency = string;

interface Entry {
  rows: Row[];
  /** What the rows depend on; null: anything (dropped by every write). */
  dependsOn: Dependency[] | null;
}

export class ReadCache {
  /** Least recently used first out, bounded by entries and by approximate characters (lru-cache does the bookkeeping). */
  private readonly entries: LRUCache<string, Entry>;
  /** Cache keys of the entries that depend on anything, and of those that depend on each key. */
  private readonly general = new Set<string>();
  private readonly byDependency = new Map<Dependency, Set<string>>();
  /** Bumped by every invalidation: a read that started before a write must not fill the cache after it. */
  private generation = 0;
  hits = 0;
  misses = 0;

  constructor(options: ReadCacheOptions = {}) {
    const maxEntryChars = options.maxEntryChars ?? 4 * 1024 * 1024;
    this.entries = new LRUCache<string, Entry>({
      max: options.maxEntries ?? 5_000,
      maxSize: options.maxChars ?? 32 * 1024 * 1024,
      maxEntrySize: maxEntryChars, // larger results are not kept
      sizeCalculation: (entry) => approximateChars(entry.rows, maxEntryChars),
      // however an entry leaves (evicted, replaced, invalidated), the indexes forget it
      dispose: (entry, key) => this.unindex(key, entry),
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached rows for a key, or undefined; a hit becomes the most recently used. */
  get(key: string): Row[] | undefined {
    const entry = this.entries.get(key);
    if (entry) this.hits++;
    else this.misses++;
    return entry?.rows;
  }

  /** A token to pass to set(): the generation the read started in. */
  begin(): number {
    return this.generation;
  }

  /**
   * Stores rows read in `generation`, unless a write has happened since, with
   * what they depend on (null: anything). Returns the rows.
   */
  set(key: string, rows: Row[], generation: number, dependsOn: Dependency[] | null = null): Row[] {
    if (generation !== this.generation) return rows;
    this.entries.set(key, { rows, dependsOn });
    if (!this.entries.has(key)) return rows; // too large to keep
    if (!dependsOn) this.general.add(key);
    else
      for (const dependency of dependsOn) {
        const keys = this.byDependency.get(dependency) ?? new Set<string>();
        this.byDependency.set(dependency, keys);
        keys.add(key);
      }
    return rows;
  }

  /** A write committed: drops what it may have changed (everything, when it does not say what it touched). */
  invalidate(touched?: readonly Dependency[]): void {
    this.generation++;
    if (!touched) {
      this.entries.clear();
      return;
    }
    const doomed = new Set(this.general);
    for (const dependency of touched) for (const key of this.byDependency.get(dependency) ?? []) doomed.add(key);
    for (const key of doomed) this.entries.delete(key);
  }

  private unindex(key: string, entry: Entry): void {
    if (!entry.dependsOn) {
      this.general.delete(key);
      return;
    }
    for (const dependency of entry.dependsOn) {
      const keys = this.byDependency.get(dependency);
      keys?.delete(key);
      if (keys?.size === 0) this.byDependency.delete(dependency);
    }
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
