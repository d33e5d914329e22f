// Writing and deleting reports (one, or several new ones at once): the
// transactions both stores run. Each store supplies what differs (how a
// transaction is begun, committed or rolled back, and how a statement is sent
// to its engine); the steps, their order and the
// outcome are decided here, once.
import type { ReportGraph } from '../extract/types.js';
import { StoreError, UnknownStatementError } from './errors.js';
import type { Statement } from './statements.js';
import type { Row, UpsertOutcome } from './types.js';
import { jurisdictionChain } from './jurisdiction-chain.js';
import { planReportDelete, planReportWrite, planReportsWrite, storedAsIsParams, type PlannedStatement, type ReportLinks } from './write-plan.js';

/** A statement run inside an open transaction. */
export interface Transaction {
  run(name: string, params: Record<string, unknown>): Promise<Row[]>;
}

/** What a unit of work decided: commit its writes, or leave the graph as it was. */
export interface TransactionResult<T> {
  commit: boolean;
  value: T;
  /**
   * The reports and jurisdictions the writes touched ("report:ID",
   * "jurisdiction:KEY"), for a read cache to drop only what may have changed;
   * absent: anything may have.
   */
  touched?: string[];
}

/**
 * A store's write transactions: `work` runs inside one transaction; the store
 * commits when it returns `commit: true`, and rolls back (or writes nothing)
 * when it returns `commit: false` or throws. All of it or none.
 */
export interface Transactional {
  /** `kind` says whether the transaction writes one report (or other small work) or a batch of reports: a store may let readers in by it. */
  writeTransaction<T>(work: (tx: Transaction) => Promise<TransactionResult<T>>, kind?: WriteKind): Promise<T>;
}

/** A write transaction's size: one report (or a delete, a rollup) or a batch of reports. */
export type WriteKind = 'one' | 'batch';

export interface ReportWriteMeta {
  extractorVersion?: string;
  file?: string;
}

/** The statement of cypher/ by its name, or an UnknownStatementError (a programming error). */
export function statementNamed(statements: Map<string, Statement>, name: string): Statement {
  const statement = statements.get(name);
  if (!statement) throw new UnknownStatementError(name);
  return statement;
}

/**
 * A report's write touches the report (replaced whole), the jurisdiction nodes of its chain (created if
 * new; the rollup and featureCount of its own), and the initiatives and regulations it mentions and cites
 * (their reports, their rollup; aliases it adds).
 */
function touchedBy(graph: ReportGraph): string[] {
  const chain = graph.jurisdiction ? jurisdictionChain(graph.jurisdiction) : null;
  return [
    `report:${graph.reportId}`,
    ...(chain?.nodes ?? []).map((node) => `jurisdiction:${node.key}`),
    ...graph.initiatives.map((i) => `initiative:${i.name}`),
    ...graph.regulations.map((r) => `regulation:${r.title}`),
  ];
}

/**
 * Runs the steps in order; returns what the steps say they changed
 * ("jurisdiction:KEY"): a removal's rollup, which a report's own touched keys
 * do not name when it moves to another place or is deleted.
 */
async function runAll(tx: Transaction, steps: PlannedStatement[]): Promise<string[]> {
  const touched: string[] = [];
  for (const planned of steps) {
    // (a step may be followed by one made from its rows: see PlannedStatement.next)
    for (let step: PlannedStatement | null = planned; step; ) {
      const rows = await tx.run(step.name, step.params);
      if (step.touchesJurisdictions) for (const row of rows) touched.push(`jurisdiction:${row.key}`);
      step = step.next?.(rows) ?? null;
    }
  }
  return touched;
}

/**
 * Removes a stored report and whatever only it held up; returns what the
 * removal changed beyond the report itself: the jurisdiction of its rollup,
 * and the initiatives and regulations it mentioned and cited (a read cache
 * drops what depended on them), read first, while its links still say so.
 */
async function removeReport(tx: Transaction, id: string): Promise<string[]> {
  const [links] = (await tx.run('report_features', { id })) as ReportLinks[];
  if (!links) return [];
  const touched = await runAll(tx, planReportDelete(id, links));
  for (const name of links.initiatives) touched.push(`initiative:${name}`);
  for (const title of links.regulations) touched.push(`regulation:${title}`);
  return touched;
}

/**
 * Writes one report in one transaction: unchanged when it is stored as it
 * would be written now; otherwise the stored one (if any) is deleted and the
 * report written. `where` names the store in the error message (" in Neo4j").
 */
export async function upsertReport(store: Transactional, graph: ReportGraph, meta: ReportWriteMeta = {}, where = ''): Promise<UpsertOutcome> {
  const version = meta.extractorVersion ?? 'unknown';
  try {
    return await store.writeTransaction(async (tx) => {
      const [existing] = await tx.run('report_stored_as', storedAsIsParams([graph], version));
      if (existing?.same === true) return { commit: false, value: 'unchanged' as const };
      const removed = existing ? await removeReport(tx, graph.reportId) : [];
      await runAll(tx, planReportWrite(graph, { extractorVersion: version, file: meta.file }));
      return { commit: true, value: existing ? ('replaced' as const) : ('created' as const), touched: [...touchedBy(graph), ...removed] };
    });
  } catch (error) {
    throw storeFailure(error, graph.reportId, where);
  }
}

/** A failure to store a report as the caller sees it: a StoreError naming the report (and the store). */
function storeFailure(error: unknown, reportId: string, where: string): StoreError {
  if (error instanceof StoreError) return error;
  return new StoreError(`could not store report ${reportId}${where}: ${(error as Error).message}`, { cause: error });
}

/** How a store's writes of several reports went: transactions of several, the reports in them, and reports written one at a time instead. */
export interface BatchUse {
  batches: number;
  batchedReports: number;
  oneByOne: number;
}

/**
 * Writes several reports, in their order, each all or nothing: new reports
 * (distinct ids, one extractor version) go in one transaction, each statement
 * once for all of them (planReportsWrite), and those stored as they would be
 * written now are left unchanged. A batch holding a stored report to replace
 * is written one report at a time, as upsertReport does (its removal and
 * write in its turn); so is a batch that fails, each report then in its own
 * transaction with its own outcome, so one bad report keeps only itself out.
 * Returns each report's outcome, or the error that kept it out; `use` counts
 * how the reports went.
 */
export async function upsertReports(
  store: Transactional,
  graphs: readonly ReportGraph[],
  metas: readonly ReportWriteMeta[],
  where = '',
  use?: BatchUse,
): Promise<Array<UpsertOutcome | StoreError>> {
  const version = metas[0]?.extractorVersion ?? 'unknown';
  const batchable =
    graphs.length > 1 && new Set(graphs.map((g) => g.reportId)).size === graphs.length && metas.every((m) => (m.extractorVersion ?? 'unknown') === version);
  if (batchable) {
    try {
      const outcomes = await store.writeTransaction(async (tx) => {
        const stored = await tx.run('report_stored_as', storedAsIsParams(graphs, version));
        if (stored.some((row) => row.same !== true)) return { commit: false, value: null };
        const unchanged = new Set(stored.map((row) => row.id));
        const fresh = graphs.flatMap((graph, n) =>
          unchanged.has(graph.reportId) ? [] : [{ graph, meta: { extractorVersion: version, file: metas[n].file } }],
        );
        if (fresh.length)
          await runAll(
            tx,
            planReportsWrite(
              fresh.map((f) => f.graph),
              fresh.map((f) => f.meta),
            ),
          );
        return {
          commit: fresh.length > 0,
          value: graphs.map((graph) => (unchanged.has(graph.reportId) ? ('unchanged' as const) : ('created' as const))),
          touched: fresh.flatMap((f) => touchedBy(f.graph)),
        };
      }, 'batch');
      if (outcomes) {
        if (use) {
          use.batches++;
          use.batchedReports += graphs.length;
        }
        return outcomes;
      }
    } catch {
      // the batch wrote nothing: each report is tried on its own below, for its own outcome
    }
  }
  if (use) use.oneByOne += graphs.length;
  const outcomes: Array<UpsertOutcome | StoreError> = [];
  for (let n = 0; n < graphs.length; n++) {
    try {
      outcomes.push(await upsertReport(store, graphs[n], metas[n], where));
    } catch (error) {
      outcomes.push(storeFailure(error, graphs[n].reportId, where));
    }
  }
  return outcomes;
}

/** Deletes a report with the nodes only it held up, in one transaction; false when there is no such report. */
export function deleteReport(store: Transactional, id: string): Promise<boolean> {
  return store.writeTransaction(async (tx) => {
    const existing = await tx.run('report_version', { id });
    if (!existing.length) return { commit: false, value: false };
    // jurisdiction nodes outlive their reports; only the rollup of the report's own one changes
    const removed = await removeReport(tx, id);
    return { commit: true, value: true, touched: [`report:${id}`, ...removed] };
  });
}
