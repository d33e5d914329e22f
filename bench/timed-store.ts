// A store with its writes timed, for the ingest and scale sections (bench/run.ts, bench/scale.ts).
import type { GraphStore } from '../src/store/types.js';

export interface Timed {
  store: GraphStore;
  /** Time of each report's write, in the order they finished (a batch's time shared out among its reports). */
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
    ...(store.upsertReports
      ? {
          // a batch's time shared out among its reports
          async upsertReports(graphs, metas) {
            const t = performance.now();
            try {
              return await store.upsertReports!(graphs, metas);
            } finally {
              const each = (performance.now() - t) / Math.max(1, graphs.length);
              for (let n = 0; n < graphs.length; n++) writeMs.push(each);
            }
          },
        }
      : {}),
    deleteReport: (id) => store.deleteReport(id),
    counts: () => store.counts(),
    close: () => store.close(),
  };
  return { store: wrapped, writeMs };
}
