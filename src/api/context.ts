// Per-request context: the store and the request's DataLoaders. A loader is
// made per statement on first use and lives as long as the request, so every
// relation field of one query level becomes one store call, whatever the
// number of parents.
import { initContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { runWith, type GraphStore, type ParamsOf, type RowOf, type StatementName } from '../store/types.js';
import { DEFAULT_MAX_FILE_BYTES } from '../ingest/read.js';
import type { WriteAccess } from './auth.js';
import { isIndexedStatement } from '../store/cooccurrence-index.js';
import { RequestStore } from './request-store.js';
import { ResponseBudget } from './response-budget.js';

export interface AppContext {
  store: GraphStore;
  /** Whether this request may run mutations (see auth.ts). */
  writeAccess: WriteAccess;
  /** The largest file ingestReport accepts as an upload, in bytes (GOVGRAPH_MAX_FILE_MB). */
  maxFileBytes: number;
  /** The bytes heavy fields may still return for this request (the HTTP handler gives every operation of a request the same one). */
  budget: ResponseBudget;
  /**
   * A loader that runs `statement` with `{[param]: keys}` and groups the rows
   * by `row[keyColumn]`: one list of rows per key, in key order; `extra` adds
   * the same parameters to every batch.
   */
  rowsBy<N extends StatementName>(
    statement: N,
    param: keyof ParamsOf<N> & string,
    keyColumn: string,
    extra?: Partial<ParamsOf<N>>,
  ): DataLoader<string, RowOf<N>[]>;
}

export function createContext(
  store: GraphStore,
  writeAccess: WriteAccess = 'disabled',
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
  budget = ResponseBudget.unlimited(),
): AppContext {
  const loaders = new Map<string, DataLoader<string, unknown[]>>();
  const view = new RequestStore(store);
  return {
    // Pothos keeps its own per-request caches (loadable nodes) here.
    ...initContextCache(),
    store: view,
    writeAccess,
    maxFileBytes,
    budget,
    rowsBy<N extends StatementName>(statement: N, param: string, keyColumn: string, extra?: Partial<ParamsOf<N>>) {
      const id = `${statement}|${param}|${keyColumn}${extra ? `|${JSON.stringify(extra)}` : ''}`;
      let loader = loaders.get(id) as DataLoader<string, RowOf<N>[]> | undefined;
      if (!loader) {
        loader = new DataLoader<string, RowOf<N>[]>(async (keys) => {
          const params = { ...extra, [param]: [...keys] };
          // (a ranking the store's co-occurrence index counts gives the statement's rows; null: the statement runs)
          const indexed = isIndexedStatement(statement) ? await view.indexedRows(statement, params as never) : null;
          const rows = (indexed as RowOf<N>[] | null) ?? (await runWith(view, statement, params));
          const grouped = new Map<string, RowOf<N>[]>(keys.map((k) => [k, []]));
          for (const row of rows) grouped.get(String((row as Record<string, unknown>)[keyColumn]))?.push(row);
          return keys.map((k) => grouped.get(k) ?? []);
        });
        loaders.set(id, loader as DataLoader<string, unknown[]>);
      }
      return loader;
    },
  };
}
