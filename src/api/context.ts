// Per-request context: the store and the request's DataLoaders. A loader is
// made per statement on first use and lives as long as the request, so every
// relation field of one query level becomes one store call, whatever the
// number of parents.
import { initContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { GraphStore, Row } from '../store/types.js';
import { DEFAULT_MAX_FILE_BYTES } from '../ingest/read.js';
import type { WriteAccess } from './auth.js';

export interface AppContext {
  store: GraphStore;
  /** Whether this request may run mutations (see auth.ts). */
  writeAccess: WriteAccess;
  /** The largest file ingestReport accepts as an upload, in bytes (GOVGRAPH_MAX_FILE_MB). */
  maxFileBytes: number;
  /**
   * A loader that runs `statement` with `{[param]: keys}` and groups the rows
   * by `row[keyColumn]`: one list of rows per key, in key order.
   */
  /** A loader of `statement`'s rows for a batch of keys (passed as `param`), grouped by `keyColumn`; `extra` adds the same parameters to every batch. */
  rowsBy(statement: string, param: string, keyColumn: string, extra?: Record<string, unknown>): DataLoader<string, Row[]>;
}

export function createContext(store: GraphStore, writeAccess: WriteAccess = 'disabled', maxFileBytes = DEFAULT_MAX_FILE_BYTES): AppContext {
  const loaders = new Map<string, DataLoader<string, Row[]>>();
  return {
    // Pothos keeps its own per-request caches (loadable nodes) here.
    ...initContextCache(),
    store,
    writeAccess,
    maxFileBytes,
    rowsBy(statement, param, keyColumn, extra) {
      const id = `${statement}|${param}|${keyColumn}${extra ? `|${JSON.stringify(extra)}` : ''}`;
      let loader = loaders.get(id);
      if (!loader) {
        loader = new DataLoader<string, Row[]>(async (keys) => {
          const rows = await store.run(statement, { ...extra, [param]: [...keys] });
          const grouped = new Map<string, Row[]>(keys.map((k) => [k, []]));
          for (const row of rows) grouped.get(String(row[keyColumn]))?.push(row);
          return keys.map((k) => grouped.get(k) ?? []);
        });
        loaders.set(id, loader);
      }
      return loader;
    },
  };
}
