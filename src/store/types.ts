// The store stage's narrow interface. Both backends (embedded Grafeo and Neo4j)
// implement it, and both execute the same named statements from cypher/.
import type { ReportGraph } from '../extract/types.js';

/** A row of a statement's result: only scalars, lists and maps (statements project, never return raw nodes). */
export type Row = Record<string, unknown>;

export type UpsertOutcome = 'created' | 'unchanged' | 'replaced';

export interface StoreCounts {
  nodes: number;
  relationships: number;
  byLabel: Record<string, number>;
  byType: Record<string, number>;
}

export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  /**
   * Runs the named statement of cypher/ (file name without extension) with
   * parameters. Values come back as plain JS: integers as numbers, maps as objects.
   */
  run<T extends Row = Row>(name: string, params?: Record<string, unknown>): Promise<T[]>;
  /**
   * Writes one report and everything extracted from it in one transaction:
   * all of it or none. Idempotent by report id: the same report with the same
   * extractor version is 'unchanged' and writes nothing.
   */
  upsertReport(graph: ReportGraph, meta?: { extractorVersion?: string; file?: string }): Promise<UpsertOutcome>;
  /** Deletes a report with the nodes only it owned; false if there was no such report. */
  deleteReport(id: string): Promise<boolean>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}
