// The zero-set-up store: Grafeo, an in-process graph database with a Cypher
// front end, persisted in one file under the data directory.
//
// Grafeo is young, so this wrapper guards it: one process holds a directory at
// a time (the database file's kernel lock, lock.ts), every write inside a
// transaction (serialized by a queue, so two ingests never interleave), schema
// statements re-run on every open, and close() on shutdown.
import { mkdirSync } from 'node:fs';
import { type FileHandle, open as openFile, rm, statfs } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ReportGraph } from '../extract/types.js';
import { isNoSpace, StoreError } from './errors.js';
import { claimInProcess, createDatabaseOnce, heldElsewhere, isLockConflict, noteHolder, sweepStaged } from './lock.js';
import { loadStatements, schemaStatementNames, type Statement } from './statements.js';
import { KnownAliases } from './known-aliases.js';
import { completeRollups } from './rollup.js';
import type { GraphStore, ParamsOf, Row, RowOf, RunParams, StatementName, StoreCounts, StoreSnapshot, UpsertOutcome, NeighboursRequest } from './types.js';
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
  type WriteKind,
} from './write.js';
import { countsFromRows } from './counts.js';
import { loadEngine, type Grafeo } from './engine.js';
import { ReadCache } from './read-cache.js';
import { TEXT_SOURCES, TextIndex, type SearchedKind } from './text-index.js';
import { CooccurrenceIndex, type IndexedStatement, type NeighbourRow, type Tally } from './cooccurrence-index.js';
import { rowsFromIndex } from './indexed-rows.js';
import pLimit, { type LimitFunction } from 'p-limit';
import { availableParallelism } from 'node:os';

type Database = InstanceType<Grafeo['GrafeoDB']>;
type Executor = { executeCypher(query: string, params?: unknown): Promise<{ toArray(): Record<string, unknown>[] }> };

export const DATABASE_FILE = 'graph.grafeo';
/** Written, synced and removed by the writability probe (assertWritable). */
export const WRITE_PROBE_FILE = '.govgraph-write-probe';
/**
 * Free space below which the store reports that it cannot write: about the
 * largest report write it accepts, so that readiness fails before a write does.
 */
export const DEFAULT_MIN_FREE_BYTES = 16 * 2 ** 20;

export interface EmbeddedOptions {
  /** Data directory; omitted means an in-memory store (tests). */
  dir?: string;
  /** Where the statements are read from (default cypher/); tests point it at altered copies. */
  cypherDir?: string;
  /**
   * Keep the results of read statements until the next write (default true):
   * this store is the graph's only writer, so a result stays right until this
   * store writes. GOVGRAPH_READ_CACHE=0 turns it off (src/cli/config.ts).
   */
  readCache?: boolean;
  /**
   * Read statements running in the engine at once (default: the cores less
   * one). Reads beyond it wait their turn in arrival order; writes never wait
   * for them. The engine keeps a snapshot per read (MVCC), so writes need
   * not exclude reads; what they need is a core: on 2 cores, 20 readers with
   * no cap held writes to a few a second (every statement of a write queued
   * behind every read sent meanwhile). GOVGRAPH_READ_CONCURRENCY sets it.
   */
  readConcurrency?: number;
  /** Free bytes the data directory's disk must have for assertWritable() to pass (default DEFAULT_MIN_FREE_BYTES). */
  minFreeBytes?: number;
}

/** os.availableParallelism() - 1, at least 1: the rest of the machine is the writer's. */
export function defaultReadConcurrency(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** A statement that changes the graph (its comment lines aside). */
export function isWriteStatement(text: string): boolean {
  const code = text
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return /\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP)\b/i.test(code);
}

/**
 * How long requests' reads may wait behind writes before the writes let them run, and for how
 * long then (readersTurn), before a transaction of one report and before a batch of them.
 */
const READERS_TURN: Record<WriteKind, { afterMs: number; forMs: number }> = {
  one: { afterMs: 200, forMs: 40 },
  batch: { afterMs: 100, forMs: 50 },
};

export class EmbeddedStore implements GraphStore, Transactional {
  readonly kind = 'embedded' as const;
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** Requests' reads running in the engine at once (see readLane). */
  private readonly readLimit: LimitFunction;
  /** Reads outside a request's snapshot, one at a time (see readLane). */
  private readonly ownLimit = pLimit(1);
  private closed = false;
  /** Results of read statements, dropped on every write (null: no caching). */
  readonly cache: ReadCache | null;

  private constructor(
    private readonly db: Database,
    private readonly releaseLock: () => void,
    readonly location: string,
    private readonly statements: Map<string, Statement>,
    tuning: Pick<EmbeddedOptions, 'readCache' | 'readConcurrency'>,
  ) {
    this.cache = (tuning.readCache ?? true) ? new ReadCache() : null;
    this.readLimit = pLimit(tuning.readConcurrency ?? defaultReadConcurrency());
    for (const statement of statements.values()) this.writes.set(statement.name, isWriteStatement(statement.text));
  }

  private readonly writes = new Map<string, boolean>();
  /** Write statements running outside a transaction: while any is, no snapshot may use the cache. */
  private writesInFlight = 0;
  /** Settles when the write transaction running now ends (null: none runs). */
  private writing: Promise<void> | null = null;

  static async open(options: EmbeddedOptions = {}): Promise<EmbeddedStore> {
    const { GrafeoDB } = await loadEngine();
    if (!options.dir) {
      const store = new EmbeddedStore(GrafeoDB.create(), () => {}, 'memory', loadStatements('embedded', options.cypherDir), options);
      await store.createSchema();
      return store;
    }
    const dir = resolve(options.dir);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new StoreError(`cannot create the data directory ${dir}: ${(error as Error).message}`);
    }
    const forget = claimInProcess(dir);
    let opened: { db: Database; readOnly?: string };
    try {
      opened = openDatabase(GrafeoDB, dir);
    } catch (error) {
      forget();
      throw error;
    }
    const removeNote = opened.readOnly ? () => {} : noteHolder(dir);
    const release = () => {
      removeNote();
      forget();
    };
    const store = new EmbeddedStore(opened.db, release, dir, loadStatements('embedded', options.cypherDir), options);
    store.readOnly = opened.readOnly;
    store.minFreeBytes = options.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES;
    try {
      // A database opened for reading refuses schema statements; its reads work without them.
      if (!opened.readOnly) {
        await store.createSchema();
        await completeRollups(store);
      }
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  /** Constraints and indexes: Grafeo keeps them in memory, so they are created again on every open. */
  private async createSchema(): Promise<void> {
    for (const name of schemaStatementNames(this.statements)) {
      await this.db.executeCypher(this.statement(name).text);
    }
  }

  private statement(name: string): Statement {
    return statementNamed(this.statements, name);
  }

  private async exec(on: Executor, name: string, params: Record<string, unknown>): Promise<Row[]> {
    const result = await on.executeCypher(this.statement(name).text, sanitize(params));
    return result.toArray().map(toPlainRow);
  }

  async run<N extends StatementName>(name: N, ...[given]: RunParams<N>): Promise<RowOf<N>[]> {
    const params: Record<string, unknown> = given ?? {};
    this.assertOpen();
    if (this.writes.get(this.statement(name).name)) return (await this.runWrite(name, params)) as RowOf<N>[];
    // (a read outside a request's snapshot: the ingest's own lookups, the command line; its own lane, see readLane)
    return (await this.cachedRead(
      this.db as unknown as Executor,
      this.cache?.begin() ?? 0,
      this.writesInFlight === 0,
      name,
      params,
      this.ownLimit,
    )) as RowOf<N>[];
  }

  /**
   * A read transaction opened now: the engine keeps its state for it (MVCC),
   * so a request's statements agree with each other while reports are
   * written. Cached rows are used only while they describe that same state:
   * no commit since the snapshot began, and no write statement in flight.
   */
  snapshot(): StoreSnapshot {
    this.assertOpen();
    // a store opened for reading only cannot change, so its plain reads are already one state (and it refuses transactions)
    const tx = this.readOnly ? null : this.db.beginTransaction();
    const on = (tx ?? this.db) as unknown as Executor;
    const generation = this.cache?.begin() ?? 0;
    const cacheable = this.writesInFlight === 0;
    const began = this.moments++;
    const commitsBefore = this.commits;
    let released = false;
    // (the co-occurrence index, unless this snapshot is released or began while a write ran on its own: see indexedRows)
    const usableIndex = async () => {
      const index = await this.cooccurrenceIndex();
      return released || !cacheable ? null : index;
    };
    const snapshot: StoreSnapshot = {
      // The index holds every text committed since its build began, and the build reads what was
      // committed then; a snapshot older than the build may still see a node deleted before it, which
      // the index may lack: such a snapshot searches every node (and the index is built for the next).
      textCandidates: async (kind, texts) => {
        const candidates = await this.textCandidates(kind, texts);
        return began > this.textIndexSince ? candidates : null;
      },
      // The co-occurrence index describes the graph as the last commit left it (it follows each commit as
      // it happens, see indexWritten), and this snapshot the graph as it was after commit `commitsBefore`:
      // the index counts for that state by undoing, for the count only, what the commits since created and
      // deleted (answerAt; synchronous, so no commit comes in between), and the nodes' properties are read
      // from this snapshot. It cannot when the snapshot began while a write run on its own was in flight
      // (it commits at a moment this cannot see), or is older than the index's journal or build: then the
      // statement answers, from the snapshot.
      indexedRows: async (name, params) => {
        const index = await usableIndex();
        if (!index) return null;
        const older = commitsBefore !== this.commits;
        const rows = await rowsFromIndex(index, commitsBefore, name, params, (statement, keys) => snapshot.run(statement, keys as never));
        if (rows) this.cooccurrenceUse[older ? 'answeredOlder' : 'answered']++;
        else this.cooccurrenceUse.declined++;
        this.cooccurrenceUse.fromHubPairs = index.answersFromPairs;
        return rows;
      },
      indexedNeighbours: async ({ nodes, types, labels, limit }) => {
        const index = await usableIndex();
        if (!index) return null;
        const rows = index.answerAt(commitsBefore, () => index.neighbours(nodes, types, labels, limit));
        this.cooccurrenceUse[rows ? 'neighbours' : 'neighboursDeclined']++;
        return rows;
      },
      indexedTallies: async (label, keys) => {
        const index = await usableIndex();
        if (!index) return null;
        const tallied = index.answerAt(commitsBefore, () => index.tallies(label, keys));
        this.cooccurrenceUse[tallied ? 'tallied' : 'declined']++;
        return tallied;
      },
      run: async <N extends StatementName>(name: N, ...[given]: RunParams<N>): Promise<RowOf<N>[]> => {
        if (released) throw new StoreError('this snapshot has been released');
        this.assertOpen();
        if (this.writes.get(this.statement(name).name)) throw new StoreError(`a snapshot only reads; ${name} writes`);
        return (await this.cachedRead(on, generation, cacheable, name, given ?? {}, this.readLimit)) as RowOf<N>[];
      },
      release: () => {
        if (released) return;
        released = true;
        try {
          tx?.rollback();
        } catch {
          // the engine has already ended it (closed store): nothing is held
        }
      },
    };
    return snapshot;
  }

  /** A read statement: from the cache when its rows describe the state being read, else from the engine (filling the cache when they do). */
  private async cachedRead(
    on: Executor,
    generation: number,
    cacheable: boolean,
    name: string,
    params: Record<string, unknown>,
    lane: LimitFunction,
  ): Promise<Row[]> {
    const cache = this.cache;
    if (!cache || !cacheable || generation !== cache.begin()) return this.readLane(on, name, params, lane);
    const key = `${name}\n${JSON.stringify(params)}`;
    const cached = cache.get(key);
    if (cached) return cached;
    // Requests that miss on the same statement and parameters in the same generation share one read: after
    // a write, readers of a hub (the counties citing 三项制度) would otherwise each run the same cold query at
    // once. Their snapshots all began after the same commit, so the rows describe each one's state.
    const flightKey = `${generation}\n${key}`;
    const inFlight = this.readsInFlight.get(flightKey);
    // (if the shared read fails, say because its own request let go of its snapshot, this one reads for itself)
    if (inFlight) return inFlight.catch(() => this.readLane(on, name, params, lane));
    const read = this.readLane(on, name, params, lane).then((rows) => cache.set(key, rows, generation, this.dependencies(name, params)));
    this.readsInFlight.set(flightKey, read);
    try {
      return await read;
    } finally {
      this.readsInFlight.delete(flightKey);
    }
  }

  /** Cacheable reads being run, by generation and cache key: a second request for the same waits for the first. */
  private readonly readsInFlight = new Map<string, Promise<Row[]>>();

  /** What a read's rows depend on, by its statement's @cache-by (null: anything). */
  private dependencies(name: string, params: Record<string, unknown>): string[] | null {
    const by = this.statement(name).cacheBy;
    const keys = by ? params[by.param] : null;
    return Array.isArray(keys) ? keys.map((key) => `${by!.kind}:${String(key)}`) : null;
  }

  /**
   * Runs a read in a lane: requests' snapshots share readLimit; reads outside a snapshot (the ingest's
   * lookup of a created report's twins, the command line) have ownLimit, so that a writer's own read
   * never waits behind every client's queued read (with twenty readers it made ingestion four times slower).
   */
  private readLane(on: Executor, name: string, params: Record<string, unknown>, lane: LimitFunction): Promise<Row[]> {
    // (for readersTurn: when each request's read not yet in the engine was asked for, oldest first)
    const asked = lane === this.readLimit ? performance.now() : null;
    if (asked !== null) this.readsAsked.push(asked);
    return lane(async () => {
      // A read that gets the lane while a write transaction runs waits for it to end, holding the lane:
      // the write has the engine to itself but for the read in flight when it began (at most one a
      // write), and the reads go on between writes.
      while (this.writing) await this.writing;
      if (asked === null) return this.exec(on, name, params);
      this.readsAsked.splice(this.readsAsked.indexOf(asked), 1);
      try {
        return await this.exec(on, name, params);
      } finally {
        // (the requests' reads asked before it have all begun: when none waits and none runs, a readers' turn ends)
        if (!this.readsAsked.length && this.readLimit.activeCount <= 1) this.readsDone?.();
      }
    });
  }

  /** When the requests' reads waiting for the engine were asked for (readersTurn reads the oldest). */
  private readonly readsAsked: number[] = [];
  /** Ends the readers' turn under way, when their reads are all done (null: no turn). */
  private readsDone: (() => void) | null = null;

  /**
   * Before a write transaction begins: when the oldest of the requests' reads has waited
   * READERS_TURN.afterMs, they get the engine for up to READERS_TURN.forMs (or until none is
   * left). Writes otherwise go first, and an ingest that never pauses held 20 readers off for
   * seconds (p99 2.8 s at 5,000 reports). The turns come before each transaction, so a batch of
   * reports, which holds the engine several times as long as one report, lets readers in sooner
   * and longer. Measured with 20 readers: one report a transaction (bench hostile, the writer
   * alone against under readers), 200 / 40 ms gave the writer 0.55 of its rate alone and
   * 100 / 50 ms 0.36; batches (bench ingest-readers, 4,500 reports), 200 / 40 ms gave the ingest
   * 0.68 of alone but 57 reads/s, p99 0.91 s, and 100 / 50 ms 0.59, 95 reads/s, p99 0.65 s
   * (50 / 50 ms: 0.51, at the target's edge).
   */
  private async readersTurn(kind: WriteKind): Promise<void> {
    const { afterMs, forMs } = READERS_TURN[kind];
    if (!this.readsAsked.length || performance.now() - this.readsAsked[0] < afterMs) return;
    // (the turn ends when the last of the requests' reads is done, or at forMs: no polling)
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.readsDone?.(), forMs);
      this.readsDone = () => {
        clearTimeout(timer);
        this.readsDone = null;
        resolve();
      };
    });
  }

  /** A write statement outside a transaction (commits on its own, at a moment the caller cannot see): the cache is dropped before and after. */
  private async runWrite(name: string, params: Record<string, unknown>): Promise<Row[]> {
    this.writesInFlight++;
    this.cache?.invalidate();
    // (what a statement on its own does to aliases is not followed)
    this.knownAliases.forget();
    try {
      const rows = await this.exec(this.db as unknown as Executor, name, params);
      // (committed on its own: what it stored is searched from now on, as a transaction's is)
      this.indexWritten([{ name, params }]);
      return rows;
    } finally {
      this.writesInFlight--;
      this.cache?.invalidate();
    }
  }

  /** Runs work in a transaction, one at a time; commits if it says so, rolls back if not or if it throws. */
  writeTransaction<T>(work: (tx: Transaction) => Promise<TransactionResult<T>>, kind: WriteKind = 'one'): Promise<T> {
    const next = this.writeQueue.then(async () => {
      await this.readersTurn(kind);
      this.assertOpen();
      const tx = this.db.beginTransaction();
      const executor = tx as unknown as Executor;
      // set once the transaction exists, and cleared however it ends: reads wait on it (readLane)
      let ended!: () => void;
      this.writing = new Promise<void>((resolve) => (ended = resolve));
      try {
        // (the statements run, for the text index once they are committed: kept only while there is one)
        // (every write, whether an index exists or not: one whose build begins while this runs follows the whole transaction once committed)
        const ran: Array<{ name: string; params: Record<string, unknown> }> = [];
        const { commit, value, touched } = await work({
          run: (name, params) => {
            if (this.writes.get(this.statement(name).name)) ran.push({ name, params });
            // (an alias statement with every form known to be stored need not run)
            const narrowed = this.knownAliases.narrow(name, params);
            return narrowed ? this.exec(executor, name, narrowed) : Promise.resolve([]);
          },
        });
        if (commit) {
          tx.commit();
          this.knownAliases.committed(ran);
          this.cache?.invalidate(touched);
          this.indexWritten(ran);
        } else tx.rollback();
        return value;
      } catch (error) {
        try {
          tx.rollback();
        } catch {
          // the engine may already have aborted it; the original error matters
        }
        throw error;
      } finally {
        this.writing = null;
        ended();
      }
    });
    this.writeQueue = next.catch(() => undefined);
    return next;
  }

  /**
   * The index of the texts search looks in (src/store/text-index.ts), built on
   * the first search: until then a write notes nothing. It exists from the
   * moment its build begins, so a write committed during the build is added
   * as well as read by it (null: the build failed; search reads every node).
   */
  private textIndex: Promise<TextIndex | null> | null = null;

  /**
   * Keys of the nodes of a kind whose searched texts may hold one of the
   * texts (a superset of those that do; see src/store/text-index.ts), or null
   * when the index cannot narrow the search: then the search reads them all.
   */
  async textCandidates(kind: SearchedKind, texts: string[]): Promise<string[] | null> {
    this.assertOpen();
    this.textIndex ??= this.buildTextIndex();
    return (await this.textIndex)?.candidates(kind, texts) ?? null;
  }

  /**
   * Every commit passes here, with its write statements, at once (synchronously): the text index keeps
   * the texts they stored, and the co-occurrence index follows them (or, while it is being built, they
   * wait for it), so that it describes the graph as of the last commit.
   */
  private indexWritten(statements: Array<{ name: string; params: Record<string, unknown> }>): void {
    const commit = ++this.commits;
    if (this.cooccurrenceBuilt) {
      if (!this.cooccurrenceBuilt.follow(statements, commit)) this.dropCooccurrence();
    } else this.cooccurrencePending?.push({ commit, statements });
    if (statements.length) void this.textIndex?.then((index) => index?.addWritten(statements));
  }

  /** The aliases known to be stored, so that a write adds only those its nodes may lack (src/store/known-aliases.ts). */
  private readonly knownAliases = new KnownAliases();

  /** Commits so far (transactions, and write statements run on their own). */
  private commits = 0;

  /**
   * How often the co-occurrence index answered (for the latest commit, for an older snapshot), declined,
   * and was built, how many rankings its current build counted from a hub's pairs, how many levels
   * of a subgraph it expanded and declined to, and how many jurisdictions' features it tallied (for measuring).
   */
  readonly cooccurrenceUse = { answered: 0, answeredOlder: 0, declined: 0, builds: 0, fromHubPairs: 0, neighbours: 0, neighboursDeclined: 0, tallied: 0 };

  /** The co-occurrence index (src/store/cooccurrence-index.ts), built on first use (null: the build failed; the statements answer). */
  private cooccurrence: Promise<CooccurrenceIndex | null> | null = null;
  /** The same, once built and following the commits. */
  private cooccurrenceBuilt: CooccurrenceIndex | null = null;
  /** While it is being built: the commits since its build's snapshot began, for it to follow once built. */
  private cooccurrencePending: Array<{ commit: number; statements: Array<{ name: string; params: Record<string, unknown> }> }> | null = null;

  /**
   * Rows of a ranking (regulations_cocited, initiatives_comentioned, jurisdictions_similar) or a list
   * (by initiative, reports by their properties) from the co-occurrence index, for the latest committed
   * state; null when the index cannot give them (the caller runs the statement). Read through a
   * snapshot of its own (see snapshot().indexedRows).
   */
  indexedRows<N extends IndexedStatement>(name: N, params: ParamsOf<N>): Promise<RowOf<N>[] | null> {
    return this.onOwnSnapshot((snapshot) => snapshot.indexedRows!(name, params));
  }

  /** A level of the subgraph's expansion from the co-occurrence index, for the latest committed state (see snapshot().indexedNeighbours). */
  indexedNeighbours(request: NeighboursRequest): Promise<NeighbourRow[] | null> {
    return this.onOwnSnapshot((snapshot) => snapshot.indexedNeighbours!(request));
  }

  /** A jurisdiction's initiatives or regulations with their counts from the co-occurrence index, for the latest committed state (see snapshot().indexedTallies). */
  indexedTallies(label: 'Initiative' | 'Regulation', keys: string[]): Promise<Tally[] | null> {
    return this.onOwnSnapshot((snapshot) => snapshot.indexedTallies!(label, keys));
  }

  /** Reads through a snapshot of its own, released after. */
  private async onOwnSnapshot<T>(read: (snapshot: StoreSnapshot) => Promise<T>): Promise<T> {
    const snapshot = this.snapshot();
    try {
      return await read(snapshot);
    } finally {
      snapshot.release();
    }
  }

  /** The co-occurrence index, its build begun on the first call (not while a write run on its own is in flight: its commit could be read by the build and followed after it). */
  private cooccurrenceIndex(): Promise<CooccurrenceIndex | null> {
    if (!this.cooccurrence && this.writesInFlight > 0) return Promise.resolve(null);
    this.cooccurrence ??= this.buildCooccurrence();
    return this.cooccurrence;
  }

  /** Forgets the co-occurrence index (a commit it cannot follow): the next use builds it again. */
  private dropCooccurrence(): void {
    this.cooccurrence = null;
    this.cooccurrenceBuilt = null;
    this.cooccurrencePending = null;
  }

  private async buildCooccurrence(): Promise<CooccurrenceIndex | null> {
    // One snapshot for the whole read; the commits after it began wait in cooccurrencePending.
    this.cooccurrenceUse.builds++;
    const tx = this.readOnly ? null : this.db.beginTransaction();
    const since = this.commits;
    const pending: Array<{ commit: number; statements: Array<{ name: string; params: Record<string, unknown> }> }> = [];
    this.cooccurrencePending = pending;
    try {
      // (past the read cache: every report's links, read once)
      const on = (tx ?? this.db) as unknown as Executor;
      const rows = await this.readLane(on, 'cooccurrence_index_reports', {}, this.ownLimit);
      const places = await this.readLane(on, 'cooccurrence_index_jurisdictions', {}, this.ownLimit);
      const index = CooccurrenceIndex.fromRows(rows, since, places);
      // (dropped meanwhile: a commit it cannot follow; the next use builds it again)
      if (this.cooccurrencePending !== pending) return null;
      for (const { commit, statements } of pending) {
        if (!index.follow(statements, commit)) {
          this.dropCooccurrence();
          return null;
        }
      }
      this.cooccurrencePending = null;
      this.cooccurrenceBuilt = index;
      return index;
    } catch {
      // (the statements answer, as on a store without the index; the next use tries again)
      if (this.cooccurrencePending === pending) this.dropCooccurrence();
      return null;
    } finally {
      try {
        tx?.rollback();
      } catch {
        // the engine has already ended it (closed store)
      }
    }
  }

  /** Counts snapshots and index builds as they begin: which came first. */
  private moments = 0;
  /** When the text index began to be built (Infinity: not yet). */
  private textIndexSince = Number.POSITIVE_INFINITY;

  private async buildTextIndex(): Promise<TextIndex | null> {
    this.textIndexSince = this.moments++;
    const index = new TextIndex();
    try {
      for (const [kind, statement] of Object.entries(TEXT_SOURCES) as Array<[SearchedKind, StatementName]>) {
        // (past the read cache: these rows are every problem, title and alias of the graph, read once)
        index.addRows(kind, await this.readLane(this.db as unknown as Executor, statement, {}, this.ownLimit));
      }
      return index;
    } catch {
      // (a search without the index reads every node, as it would on a store that never built one)
      return null;
    }
  }

  upsertReport(graph: ReportGraph, meta: ReportWriteMeta = {}): Promise<UpsertOutcome> {
    return upsertReport(this, graph, meta);
  }

  /** How the writes of several reports went (for measuring, and for tests to tell a batch from its fallback). */
  readonly batchUse: BatchUse = { batches: 0, batchedReports: 0, oneByOne: 0 };

  upsertReports(graphs: readonly ReportGraph[], metas: readonly ReportWriteMeta[]): Promise<Array<UpsertOutcome | StoreError>> {
    return upsertReports(this, graphs, metas, '', this.batchUse);
  }

  deleteReport(id: string): Promise<boolean> {
    return deleteReport(this, id);
  }

  async counts(): Promise<StoreCounts> {
    return countsFromRows(await this.run('stats_labels'), await this.run('stats_types'));
  }

  /** Set when the disk was full at open: the database is open for reading only, and this says so. */
  private readOnly: string | undefined;
  private minFreeBytes = DEFAULT_MIN_FREE_BYTES;
  private closing: Promise<void> | undefined;
  private lastProbe: { at: number; result: Promise<void> } | undefined;

  /**
   * Closes the database and releases the directory. On a full disk Grafeo
   * cannot finish its checkpoint and refuses to close; the committed writes
   * are safe in its write-ahead log, so this says that in one line, keeps the
   * directory held, and a later close() tries again.
   */
  close(): Promise<void> {
    this.closing ??= this.closeDatabase().catch((error: unknown) => {
      this.closing = undefined;
      throw error;
    });
    return this.closing;
  }

  private async closeDatabase(): Promise<void> {
    this.closed = true;
    await this.writeQueue;
    try {
      this.db.close();
    } catch (error) {
      const where = this.location === 'memory' ? 'the in-memory database' : `the embedded database in ${this.location}`;
      if (isNoSpace(error)) {
        throw new StoreError(
          `could not close ${where} cleanly: the disk is full; its committed writes are kept in its write-ahead log and replayed on the next open`,
          { cause: error },
        );
      }
      throw new StoreError(`could not close ${where}: ${(error as Error).message}`, { cause: error });
    }
    this.releaseLock();
  }

  /**
   * Resolves when the store can write now, rejects with the reason when it
   * cannot: closed, opened for reading only, too little free space, or a
   * data directory that refuses a small write and fsync. An answer is kept
   * for a second, so that a flood of health checks costs one probe a second.
   */
  assertWritable(): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError('the store is closed'));
    const now = Date.now();
    if (this.lastProbe && now - this.lastProbe.at < 1000) return this.lastProbe.result;
    const result = this.probeWrite();
    result.catch(() => {}); // a caller may not be waiting for it any more
    this.lastProbe = { at: now, result };
    return result;
  }

  private async probeWrite(): Promise<void> {
    if (this.readOnly) throw new StoreError(this.readOnly);
    if (this.location === 'memory') return;
    const dir = this.location;
    const { bavail, bsize } = await statfs(dir);
    const free = bavail * bsize;
    if (free < this.minFreeBytes) {
      throw new StoreError(
        `the disk holding the data directory ${dir} has ${mebibytes(free)} free, under the ${mebibytes(this.minFreeBytes)} kept for writing`,
      );
    }
    const probe = join(dir, WRITE_PROBE_FILE);
    let handle: FileHandle | undefined;
    try {
      handle = await openFile(probe, 'w');
      await handle.write(Buffer.alloc(4096));
      await handle.sync();
    } catch (error) {
      throw new StoreError(
        isNoSpace(error)
          ? `the disk holding the data directory ${dir} is full`
          : `the data directory ${dir} does not accept writes: ${(error as Error).message}`,
      );
    } finally {
      await handle?.close().catch(() => {});
      await rm(probe, { force: true }).catch(() => {});
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('the store is closed');
  }
}

/**
 * Opens the directory's database for writing, creating it if there is none.
 * Its kernel lock decides who holds the directory (lock.ts). On a full disk
 * Grafeo cannot open for writing (it starts a new write-ahead log segment),
 * so the database is opened for reading, and every write says why it fails.
 */
function openDatabase(GrafeoDB: Grafeo['GrafeoDB'], dir: string): { db: Database; readOnly?: string } {
  const file = join(dir, DATABASE_FILE);
  const conflict = (error: unknown) => isLockConflict(new Error((error as Error).message.replaceAll(file, '')));
  try {
    createDatabaseOnce(file, (path) => GrafeoDB.create(path));
  } catch (error) {
    if (isNoSpace(error)) throw new StoreError(`cannot create the embedded database in ${dir}: the disk is full`, { cause: error });
    throw new StoreError(`cannot create the embedded database ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const db = GrafeoDB.open(file);
    sweepStaged(file);
    return { db };
  } catch (error) {
    if (conflict(error)) throw heldElsewhere(dir);
    if (!isNoSpace(error)) throw new StoreError(`cannot open the embedded database ${file}: ${(error as Error).message}`, { cause: error });
  }
  const readOnly = `the disk holding the data directory ${dir} was full when the store opened: it is open for reading only; free space and restart govgraph to write`;
  let db: Database;
  try {
    db = GrafeoDB.openReadOnly(file);
  } catch (error) {
    if (conflict(error)) throw heldElsewhere(dir);
    throw new StoreError(`cannot open the embedded database ${file}: the disk is full, and reading it failed too: ${(error as Error).message}`, {
      cause: error,
    });
  }
  // Grafeo would refuse each write with a message that names neither the directory nor the way out.
  const refuse = () => {
    throw new StoreError(readOnly);
  };
  const guarded = new Proxy(db, {
    get(target, key) {
      if (key === 'beginTransaction') return refuse;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: guarded, readOnly };
}

function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/**
 * Grafeo rejects undefined; JSON semantics (absent = null) are what the
 * statements expect. Parameters are plain data and rarely hold anything JSON
 * would change, so they are checked in place and copied only where needed
 * (a JSON round trip of every write's parameters was 7 % of ingest).
 */
export function sanitize(value: Record<string, unknown>): Record<string, unknown> {
  return clean(value) as Record<string, unknown>;
}

function clean(v: unknown): unknown {
  if (v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return null;
  if (v === null || typeof v !== 'object') return typeof v === 'function' || typeof v === 'symbol' ? null : typeof v === 'bigint' ? Number(v) : v;
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      const y = clean(x);
      if (y !== x && !out) out = v.slice(0, i);
      if (out) out.push(y);
    }
    return out ?? v;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)
    return JSON.parse(JSON.stringify(v, (_k, x) => (x === undefined ? null : x)));
  let out: Record<string, unknown> | null = null;
  const entries = Object.entries(v as Record<string, unknown>);
  for (let i = 0; i < entries.length; i++) {
    const [k, x] = entries[i];
    if (typeof x === 'function' || typeof x === 'symbol') {
      // JSON drops these keys
      if (!out) out = Object.fromEntries(entries.slice(0, i));
      continue;
    }
    const y = clean(x);
    if (y !== x && !out) out = Object.fromEntries(entries.slice(0, i));
    if (out) out[k] = y;
  }
  return out ?? v;
}
