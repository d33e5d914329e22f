// The server store: Neo4j through the official neo4j-driver. Chosen when
// NEO4J_URI is set. Constraints and indexes are created on open; a report is
// written in one managed write transaction (retried by the driver on
// transient errors, which is safe because the write plan is idempotent).
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { ReportGraph } from '../extract/types.js';
import { countsFromRows } from './counts.js';
import { StoreError } from './errors.js';
import { loadStatements, schemaStatementNames, type Statement } from './statements.js';
import { completeRollups } from './rollup.js';
import type { GraphStore, Row, RowOf, RunParams, StatementName, StoreCounts, UpsertOutcome } from './types.js';
import { toPlainRow } from './values.js';
import {
  deleteReport,
  statementNamed,
  upsertReport,
  upsertReports,
  type BatchUse,
  type ReportWriteMeta,
  type Transaction,
  type TransactionResult,
  type Transactional,
} from './write.js';

export interface Neo4jOptions {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** Where the statements are read from (default cypher/). */
  cypherDir?: string;
}

type Runner = Pick<ManagedTransaction, 'run'>;

export class Neo4jStore implements GraphStore, Transactional {
  readonly kind = 'neo4j' as const;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    readonly location: string,
    private readonly statements: Map<string, Statement>,
  ) {}

  static async open(options: Neo4jOptions): Promise<Neo4jStore> {
    let driver: Driver;
    try {
      driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user ?? 'neo4j', options.password ?? ''), {
        // Counts and years fit in a double; plain numbers keep the API simple.
        disableLosslessIntegers: true,
      });
    } catch (error) {
      throw new StoreError(`NEO4J_URI ${options.uri} is not a valid Neo4j address: ${(error as Error).message}`);
    }
    try {
      await driver.verifyConnectivity({ database: options.database });
    } catch (error) {
      await driver.close();
      throw new StoreError(
        `cannot reach Neo4j at ${options.uri} as ${options.user ?? 'neo4j'}: ${(error as Error).message}` +
          ' (check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or unset NEO4J_URI to use the embedded store)',
      );
    }
    const store = new Neo4jStore(driver, options.database || undefined, options.uri, loadStatements('neo4j', options.cypherDir));
    await store.createSchema();
    await completeRollups(store);
    return store;
  }

  /** Schema statements cannot share a transaction with data writes, so each runs on its own. */
  private async createSchema(): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      for (const name of schemaStatementNames(this.statements)) await session.run(this.statement(name).text);
    } finally {
      await session.close();
    }
  }

  private statement(name: string): Statement {
    return statementNamed(this.statements, name);
  }

  private async exec(on: Runner, name: string, params: Record<string, unknown>): Promise<Row[]> {
    const result = await on.run(this.statement(name).text, toNeo4jParams(params));
    return result.records.map((record) => toPlainRow(record.toObject()));
  }

  async run<N extends StatementName>(name: N, ...[given]: RunParams<N>): Promise<RowOf<N>[]> {
    const params: Record<string, unknown> = given ?? {};
    const session = this.driver.session({ database: this.database });
    try {
      return (await this.exec(session, name, params)) as RowOf<N>[];
    } finally {
      await session.close();
    }
  }

  /**
   * Runs work in one managed write transaction: committed when work says so,
   * rolled back when it says not to or throws. The driver retries it on
   * transient errors, which is safe because the write plan is idempotent.
   */
  async writeTransaction<T>(work: (tx: Transaction) => Promise<TransactionResult<T>>): Promise<T> {
    const session = this.driver.session({ database: this.database });
    try {
      return await session.executeWrite(async (tx) => {
        const { commit, value } = await work({ run: (name, params) => this.exec(tx, name, params) });
        if (!commit) throw new RollBack(value);
        return value;
      });
    } catch (error) {
      if (error instanceof RollBack) return error.value as T;
      throw error;
    } finally {
      await session.close();
    }
  }

  upsertReport(graph: ReportGraph, meta: ReportWriteMeta = {}): Promise<UpsertOutcome> {
    return upsertReport(this, graph, meta, ' in Neo4j');
  }

  /** How the writes of several reports went (for measuring, and for tests to tell a batch from its fallback). */
  readonly batchUse: BatchUse = { batches: 0, batchedReports: 0, oneByOne: 0 };

  upsertReports(graphs: readonly ReportGraph[], metas: readonly ReportWriteMeta[]): Promise<Array<UpsertOutcome | StoreError>> {
    return upsertReports(this, graphs, metas, ' in Neo4j', this.batchUse);
  }

  deleteReport(id: string): Promise<boolean> {
    return deleteReport(this, id);
  }

  async counts(): Promise<StoreCounts> {
    return countsFromRows(await this.run('stats_labels'), await this.run('stats_types'));
  }

  /**
   * The server takes a write now: the ping runs in a write session, so it
   * goes to a server that accepts writes (a cluster's leader) and fails on a
   * database that is read-only or unavailable. Not retried: a health check
   * wants the answer now.
   */
  async assertWritable(): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(this.statement('ping').text);
    } catch (error) {
      throw new StoreError(`Neo4j at ${this.location} does not accept writes: ${(error as Error).message}`, { cause: error });
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** Thrown out of a managed transaction so that the driver rolls it back; carries the work's value. */
class RollBack {
  constructor(readonly value: unknown) {}
}

/**
 * JavaScript numbers reach Neo4j as floats, and SKIP/LIMIT, counts and years
 * must be integers: whole numbers are sent as Neo4j integers.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParams(v)]));
  }
  return value;
}
