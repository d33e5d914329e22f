// The store stage's narrow interface. Both backends (embedded Grafeo and Neo4j)
// implement it, and both execute the same named statements from cypher/.
import type { ReportGraph } from '../extract/types.js';
import type { ParamsOf, RowOf, StatementName } from './catalogue.js';
import type { SearchedKind } from './text-index.js';
import type { IndexedStatement, NeighbourRow, Tally } from './cooccurrence-index.js';

export type { ParamsOf, RowOf, StatementName } from './catalogue.js';

/** The parameters run() takes for a statement: required when it declares any. */
export type RunParams<N extends StatementName> = [keyof ParamsOf<N>] extends [never] ? [params?: ParamsOf<N>] : [params: ParamsOf<N>];

/**
 * Runs a statement with parameters built at run time (a batch of keys under a
 * parameter name the caller chooses), which the compiler cannot check: for
 * the few generic helpers (loaders, rankings); the name is still checked.
 */
export function runWith<N extends StatementName>(store: Pick<GraphStore, 'run'>, name: N, params: Record<string, unknown>): Promise<RowOf<N>[]> {
  return store.run(name, ...([params] as RunParams<N>));
}

export type { Row } from './rows.js';

export type UpsertOutcome = 'created' | 'unchanged' | 'replaced';

export interface StoreCounts {
  nodes: number;
  relationships: number;
  byLabel: Record<string, number>;
  byType: Record<string, number>;
  /** Rollup relationships (REPORTS_MENTION, REPORTS_CITE) by type: derived from the reports, not in `relationships`. */
  rollup: Record<string, number>;
}

/**
 * Reads from one state of the graph: every statement run through it sees the
 * graph as it was when the snapshot began, whatever is written meanwhile.
 * Release it when done (it holds that state in the engine).
 */
/** One level of the subgraph's expansion: from `nodes`, through `types`, to nodes of `labels`, at most `limit` rows. */
export interface NeighboursRequest {
  nodes: ReadonlyArray<{ label: string; key: string }>;
  types: readonly string[];
  labels: readonly string[];
  limit: number;
}

export interface StoreSnapshot {
  run<N extends StatementName>(name: N, ...params: RunParams<N>): Promise<RowOf<N>[]>;
  /** As GraphStore.textCandidates, for the state this snapshot reads. */
  textCandidates?(kind: SearchedKind, texts: string[]): Promise<string[] | null>;
  /** As GraphStore.indexedRows, for the state this snapshot reads. */
  indexedRows?<N extends IndexedStatement>(name: N, params: ParamsOf<N>): Promise<RowOf<N>[] | null>;
  /** As GraphStore.indexedNeighbours, for the state this snapshot reads. */
  indexedNeighbours?(request: NeighboursRequest): Promise<NeighbourRow[] | null>;
  /** As GraphStore.indexedTallies, for the state this snapshot reads. */
  indexedTallies?(label: 'Initiative' | 'Regulation', keys: string[]): Promise<Tally[] | null>;
  release(): void;
}

export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  /**
   * Runs the named statement of cypher/ (file name without extension) with
   * parameters. Values come back as plain JS: integers as numbers, maps as
   * objects. Names, parameters and rows are typed by the catalogue generated
   * from the statements' headers (src/store/catalogue.ts).
   */
  run<N extends StatementName>(name: N, ...params: RunParams<N>): Promise<RowOf<N>[]>;
  /**
   * Writes one report and everything extracted from it in one transaction:
   * all of it or none. Idempotent by report id: the same report with the same
   * extractor version is 'unchanged' and writes nothing.
   */
  upsertReport(graph: ReportGraph, meta?: { extractorVersion?: string; file?: string }): Promise<UpsertOutcome>;
  /**
   * Writes several reports, in order, each all or nothing (new ones in one
   * transaction, see src/store/write.ts): each one's outcome, or the error
   * that kept it out. Absent: the caller writes them one at a time.
   */
  upsertReports?(graphs: readonly ReportGraph[], metas: ReadonlyArray<{ extractorVersion?: string; file?: string }>): Promise<Array<UpsertOutcome | Error>>;
  /** Deletes a report with the nodes only it owned; false if there was no such report. */
  deleteReport(id: string): Promise<boolean>;
  counts(): Promise<StoreCounts>;
  /**
   * A consistent view for the reads of one request, where the engine has
   * snapshots (the embedded store). Absent: each statement reads the latest
   * committed state (Neo4j: read committed).
   */
  snapshot?(): StoreSnapshot;
  /**
   * Keys of the nodes of a kind (Problem, Report, Regulation) whose searched
   * texts may hold one of the texts: a superset of those that do, for the
   * search statements' `_among` forms. Absent, or null for a text it cannot
   * narrow: the search reads every node of the kind (Neo4j's own text indexes
   * serve CONTAINS).
   */
  textCandidates?(kind: SearchedKind, texts: string[]): Promise<string[] | null>;
  /**
   * The rows a ranking statement (co-citation, co-mention, similarity) or a
   * list (by initiative, reports by their properties) would give, counted by
   * the store's own index (src/store/cooccurrence-index.ts): the same rows,
   * cheaper. Absent, or null when the index cannot answer for the state read:
   * the caller runs the statement (Neo4j has no such index).
   */
  indexedRows?<N extends IndexedStatement>(name: N, params: ParamsOf<N>): Promise<RowOf<N>[] | null>;
  /**
   * The rows graph_neighbours would give for one level of the subgraph's
   * expansion, without the reached nodes' properties, from the same index.
   * Absent, or null when the index cannot give them all: the caller runs the
   * statement.
   */
  indexedNeighbours?(request: NeighboursRequest): Promise<NeighbourRow[] | null>;
  /**
   * The rows jurisdiction_initiatives (label Initiative) or
   * jurisdiction_regulations (Regulation) would give, in their order, without
   * the nodes' properties, from the same index: a page of a jurisdiction's
   * initiatives reads only its own nodes. Absent, or null: the caller runs
   * the statement.
   */
  indexedTallies?(label: 'Initiative' | 'Regulation', keys: string[]): Promise<Tally[] | null>;
  /**
   * Resolves when the store can take a write now; rejects with the reason
   * when it cannot (closed, disk full, opened for reading only, server not
   * accepting writes). Cheap enough for a health check. Optional so that
   * wrappers of a store (tests, benchmarks) need not forward it.
   */
  assertWritable?(): Promise<void>;
  close(): Promise<void>;
}
