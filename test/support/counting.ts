// A store that counts the statements run through it: the API tests use it to
// show batching (store calls bounded by query depth, not by results) and that
// refused queries reach no store at all.
import type { GraphStore } from '../../src/store/types.js';

export interface CountingStore extends GraphStore {
  /** run() calls made through this wrapper so far. */
  readonly calls: number;
}

export function countingStore(store: GraphStore): CountingStore {
  let calls = 0;
  return {
    kind: store.kind,
    run(name, ...params) {
      calls++;
      return store.run(name, ...params);
    },
    upsertReport: (graph, meta) => store.upsertReport(graph, meta),
    deleteReport: (id) => store.deleteReport(id),
    counts: () => store.counts(),
    close: () => store.close(),
    get calls() {
      return calls;
    },
  };
}
