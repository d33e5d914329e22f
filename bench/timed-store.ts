// A store with its writes timed, for the ingest and scale sections (bench/run.ts, bench/scale.ts).
import type { GraphStore } from '../src/store/types.js';

export interface Timed {
  store: GraphStore;
  /** Time of each upsertReport, in the order they finished. */
  writeMs: number[];
}

/** The store with its writes timed: the ingest's store stage, exactly. */
export function timedStore(store: GraphStore): Timed {
  const writeMs: number[] = [];
  const wrapped: GraphStore = {
    kind: store.kind,
    run: (name, ...params) => store.run(name, ...params),
    async upsertReport(graph, meta) {
      const t = performance.now();
      try {
        return await store.upsertReport(graph, meta);
      } finally {
        writeMs.push(performance.now() - t);
      }
    },
    deleteReport: (id) => store.deleteReport(id),
    counts: () => store.counts(),
    close: () => store.close(),
  };
  return { store: wrapped, writeMs };
}
