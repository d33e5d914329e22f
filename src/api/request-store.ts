// One request's view of the store. While an operation runs (the consistency
// plugin holds it), its reads go to one snapshot of the graph, where the
// store has snapshots: a page of reports and the jurisdictions, initiatives
// and counts loaded for it afterwards describe the same state, even while
// reports are written or deleted meanwhile. A write through this view ends
// the snapshot, so what a mutation answers is read after it. Outside an
// operation (a context used directly, as the bench does), reads go to the
// store as they are.
import type { ReportGraph } from '../extract/types.js';
import type { SearchedKind } from '../store/text-index.js';
import type { IndexedStatement, NeighbourRow, Tally } from '../store/cooccurrence-index.js';
import type { GraphStore, ParamsOf, RowOf, RunParams, StatementName, StoreCounts, StoreSnapshot, UpsertOutcome, NeighboursRequest } from '../store/types.js';

export class RequestStore implements GraphStore {
  private current: StoreSnapshot | null = null;
  /** Operations of this request running now (a batched request runs several). */
  private holds = 0;

  constructor(private readonly store: GraphStore) {}

  get kind() {
    return this.store.kind;
  }

  /** An operation begins: reads from now on share one snapshot (opened on the first read). */
  hold(): void {
    this.holds++;
  }

  /** An operation ended; the last one to end releases the snapshot. */
  letGo(): void {
    this.holds = Math.max(0, this.holds - 1);
    if (this.holds === 0) this.endSnapshot();
  }

  run<N extends StatementName>(name: N, ...params: RunParams<N>): Promise<RowOf<N>[]> {
    return this.reader().run(name, ...params);
  }

  async upsertReport(graph: ReportGraph, meta?: { extractorVersion?: string; file?: string }): Promise<UpsertOutcome> {
    try {
      return await this.store.upsertReport(graph, meta);
    } finally {
      this.endSnapshot();
    }
  }

  async deleteReport(id: string): Promise<boolean> {
    try {
      return await this.store.deleteReport(id);
    } finally {
      this.endSnapshot();
    }
  }

  counts(): Promise<StoreCounts> {
    return this.store.counts();
  }

  /**
   * What statements and the store's indexes are asked through: the snapshot this request reads
   * when it holds one (begun on the first question), else the store itself.
   */
  private reader(): Pick<StoreSnapshot, 'run' | 'textCandidates' | 'indexedRows' | 'indexedNeighbours' | 'indexedTallies'> {
    if (this.holds === 0 || !this.store.snapshot) return this.store;
    this.current ??= this.store.snapshot();
    return this.current;
  }

  /** The candidates of the store's text index (see text-index.ts). */
  textCandidates(kind: SearchedKind, texts: string[]): Promise<string[] | null> {
    return this.reader().textCandidates?.(kind, texts) ?? Promise.resolve(null);
  }

  /** Rows of a ranking or list statement from the store's co-occurrence index (see cooccurrence-index.ts). */
  indexedRows<N extends IndexedStatement>(name: N, params: ParamsOf<N>): Promise<RowOf<N>[] | null> {
    return this.reader().indexedRows?.(name, params) ?? Promise.resolve(null);
  }

  /** A level of the subgraph's expansion from the store's co-occurrence index. */
  indexedNeighbours(request: NeighboursRequest): Promise<NeighbourRow[] | null> {
    return this.reader().indexedNeighbours?.(request) ?? Promise.resolve(null);
  }

  /** A jurisdiction's initiatives or regulations with their counts from the store's co-occurrence index. */
  indexedTallies(label: 'Initiative' | 'Regulation', keys: string[]): Promise<Tally[] | null> {
    return this.reader().indexedTallies?.(label, keys) ?? Promise.resolve(null);
  }

  /** The store outlives requests: closing it is the server's business, not a request's. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private endSnapshot(): void {
    this.current?.release();
    this.current = null;
  }
}
