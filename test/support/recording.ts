// A store that records the statements run through it, in order, with their
// parameters: the TCK suite (test/tck/) renders the record of each documented
// query and compares it with a checked-in file. Modelled on counting.ts, which
// only counts.
//
// Reads reach the store through run(). Writes do not: upsertReport and
// deleteReport run the write plan (src/store/write.ts) inside the store's own
// writeTransaction. To record those statements too, the store's own method is
// called on a view of the store (a prototype child) whose writeTransaction
// hands the work a transaction that records each statement before running it;
// the store's code, the plan and the transaction are otherwise its own.
//
// The wrapper sits above the store: a store-level read cache (the embedded
// store's, src/store/read-cache.ts) cannot hide a statement from the record,
// but it decides whether the engine executes it; open the store without one
// when the record must be what the engine runs.
import type { GraphStore } from '../../src/store/types.js';
import type { Transactional } from '../../src/store/write.js';

export interface RecordedStatement {
  /** The statement's name: its file in cypher/ without the extension. */
  name: string;
  /** The parameters as they were passed (a copy taken at the call: later changes by the caller do not show). */
  params: Record<string, unknown>;
  /** Run inside a write transaction (upsertReport, deleteReport), not through run(). */
  write: boolean;
}

export interface RecordingStore extends GraphStore {
  /** The statements recorded since the last take(), in the order they were run. */
  readonly recorded: readonly RecordedStatement[];
  /** The statements recorded so far; the record starts again empty. */
  take(): RecordedStatement[];
}

export function recordingStore(store: GraphStore & Transactional): RecordingStore {
  let recorded: RecordedStatement[] = [];
  const note = (name: string, params: Record<string, unknown> | undefined, write: boolean) => {
    recorded.push({ name, params: structuredClone(params ?? {}), write });
  };
  const writeTransaction: Transactional['writeTransaction'] = (work, kind) =>
    store.writeTransaction(
      (tx) =>
        work({
          run(name, params) {
            note(name, params, true);
            return tx.run(name, params);
          },
        }),
      kind,
    );
  const recordingTransactions: GraphStore & Transactional = Object.create(store, { writeTransaction: { value: writeTransaction } });
  return {
    kind: store.kind,
    run(name, ...params) {
      note(name, params[0] as Record<string, unknown> | undefined, false);
      return store.run(name, ...params);
    },
    upsertReport: (graph, meta) => store.upsertReport.call(recordingTransactions, graph, meta),
    deleteReport: (id) => store.deleteReport.call(recordingTransactions, id),
    counts: () => store.counts(),
    close: () => store.close(),
    get recorded() {
      return recorded;
    },
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
  };
}
