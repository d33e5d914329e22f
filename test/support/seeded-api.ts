// The five sample reports of seed/ in a fresh in-memory embedded store, behind
// the GraphQL handler (yoga's fetch interface, no socket): the setup most API
// tests share. seededApi() makes one; useSeededApi() makes one for the
// enclosing describe (or file) in beforeAll and closes its store in afterAll.
// For a real port (browsers, raw HTTP) use serveStore({ seeded: true }) of
// served.ts instead.
import { afterAll, beforeAll } from 'vitest';
import { createGraphQLHandler, type ServerOptions } from '../../src/api/server.js';
import { ingestPaths, type IngestOptions, type IngestSummary } from '../../src/ingest/pipeline.js';
import { EmbeddedStore, type EmbeddedOptions } from '../../src/store/embedded.js';
import type { GraphStore } from '../../src/store/types.js';
import { type Answer, postQuery, queryData, type Yoga } from './ask.js';
import { SEED_DIR } from './served.js';

export interface SeededApiOptions<S extends GraphStore = EmbeddedStore> {
  /** Folders or files ingested after the seeds, in the same run (e.g. test/fixtures/second-year/). */
  also?: string[];
  /** Options of ingestPaths (e.g. `{ workers: 0 }`); its defaults otherwise. */
  ingest?: IngestOptions;
  /** Options of EmbeddedStore.open (e.g. `{ readCache: false }`); in memory, read cache on, otherwise. */
  storeOptions?: EmbeddedOptions;
  /** The handler's other options: token, logger, maxFileBytes. */
  server?: Omit<ServerOptions, 'store'>;
  /** What the handler reads through instead of the store (countingStore, recordingStore), made once the seeds are in. */
  wrap?: (store: EmbeddedStore) => S;
}

export interface SeededApi<S extends GraphStore = EmbeddedStore> {
  /** The seeded store (closed by close()). */
  readonly store: EmbeddedStore;
  /** What the handler was given: the wrapper `wrap` made, or the store itself. */
  readonly served: S;
  readonly yoga: Yoga;
  /** What ingesting the seeds (and `also`) said. */
  readonly summary: IngestSummary;
  /** The data of a query that must succeed (queryData of ask.ts: any error fails the test); `T` is the shape the query asks for. */
  ask<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The whole answer, data and errors (postQuery of ask.ts). */
  post<T = unknown>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Answer<T>>;
  /** Closes the store. */
  close(): Promise<void>;
}

/** A fresh store with the seeds in it and the GraphQL handler over it. */
export async function seededApi<S extends GraphStore = EmbeddedStore>(options: SeededApiOptions<S> = {}): Promise<SeededApi<S>> {
  const store = await EmbeddedStore.open(options.storeOptions);
  try {
    const summary = await ingestPaths(store, [SEED_DIR, ...(options.also ?? [])], options.ingest);
    const served = options.wrap ? options.wrap(store) : (store as GraphStore as S);
    const yoga = createGraphQLHandler({ ...options.server, store: served });
    return {
      store,
      served,
      yoga,
      summary,
      ask: <T>(query: string, variables: Record<string, unknown> = {}) => queryData<T>(yoga, query, variables),
      post: <T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => postQuery<T>(yoga, query, variables, headers),
      close: () => store.close(),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * A seeded API for the tests of the enclosing describe (or file): made in
 * beforeAll, its store closed in afterAll. The handle is there at once, but
 * its fields only from the tests and later hooks on (a beforeAll registered
 * after this call runs after the seeding: it can check `summary`).
 */
export function useSeededApi<S extends GraphStore = EmbeddedStore>(options: SeededApiOptions<S> = {}): SeededApi<S> {
  let api: SeededApi<S> | undefined;
  const ready = () => {
    if (!api) throw new Error('useSeededApi: the API is made in beforeAll; use it in a test or a later hook');
    return api;
  };
  beforeAll(async () => {
    api = await seededApi(options);
  });
  afterAll(async () => {
    await api?.close();
    api = undefined;
  });
  return {
    get store() {
      return ready().store;
    },
    get served() {
      return ready().served;
    },
    get yoga() {
      return ready().yoga;
    },
    get summary() {
      return ready().summary;
    },
    ask: <T>(query: string, variables?: Record<string, unknown>) => ready().ask<T>(query, variables),
    post: <T>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => ready().post<T>(query, variables, headers),
    close: () => ready().close(),
  };
}
