// The ingest pipeline for a list of paths: read → extract (on worker threads)
// → store (on this thread, in the order the files were listed, up to
// WRITE_BATCH new reports a transaction), or, for a bulk load, → the CSV
// files neo4j-admin imports (a ReportTarget; the workers then render the
// lines too). The file list is streamed and at most a few files per worker
// (and a batch or two) are in flight, so memory stays bounded however many
// files are given. A file that cannot be read, is not a report or fails to
// store is recorded with its reason and the others go on; each report is
// written all or nothing (a batch that fails is written again report by
// report), so a failure never leaves half a report behind.
// Outcomes name a file relative to the working directory, as it was given;
// the store records its absolute path, which means the same to every reader.
import { relative, resolve } from 'node:path';
import { EXTRACTOR_VERSION } from '../extract/index.js';
import type { RenderRequest } from '../export/bulk-csv.js';
import type { GraphStore, UpsertOutcome } from '../store/types.js';
import { sameIssuerAndYearParams } from '../store/write-plan.js';
import { listInputFiles, noSkippedFiles, type SkippedFiles } from './files.js';
import { defaultWorkerCount, ExtractPool, type PoolResult } from './pool.js';
import { DEFAULT_MAX_FILE_BYTES, type FileLimits } from './limits.js';
import { extractedReportId, runExtractTask, type ExtractedReport, type ExtractResult, type ExtractTask } from './task.js';

export interface FileOutcome {
  file: string;
  status: UpsertOutcome | 'refused' | 'failed' | 'extracted';
  reportId?: string;
  reason?: string;
  /** How the file was read: text, html, docx or pdf. */
  format?: string;
  /** For text and HTML: the detected encoding. */
  encoding?: string;
  /**
   * For a report just created: the other stored reports of the same jurisdiction, issuer and year
   * (their files, else ids) — most likely the same report from another file, now stored twice.
   */
  sameIssuerAndYear?: string[];
}

export interface IngestSummary {
  files: number;
  /** Files of other types in the directories walked: not read, counted by extension (hidden files are not counted). */
  skipped: SkippedFiles;
  /** created + replaced */
  ingested: number;
  created: number;
  replaced: number;
  /** Already in the store with the same text and extractor version: skipped. */
  unchanged: number;
  /** Extracted without writing (--dry-run). */
  extracted: number;
  refused: FileOutcome[];
  failed: FileOutcome[];
  /** Created reports with another stored report of the same jurisdiction, issuer and year (see FileOutcome.sameIssuerAndYear). */
  possibleDuplicates: FileOutcome[];
  /** Worker threads used for extraction (0: extraction ran on the main thread). */
  workers: number;
  durationMs: number;
}

export interface IngestOptions {
  /** Extract without writing. */
  dryRun?: boolean;
  /** Extraction worker threads; 0 extracts on this thread. Default: os.availableParallelism() - 1, at least 1. */
  workers?: number;
  /** Size limit per file in bytes (default: DEFAULT_MAX_FILE_BYTES, 16 MB). */
  maxBytes?: number;
  /** Lower caps on what reading one file may cost than limits.ts's (tests). */
  limits?: Partial<FileLimits>;
  /** Time to read and extract one file on a worker (default FILE_TIME_BUDGET_MS); with workers: 0 there is none. */
  timeBudgetMs?: number;
  /** The extraction worker script (default: the real one; tests substitute one that crashes or hangs). */
  workerUrl?: URL;
  /** Called after every file, in the order the files were listed; `done` counts files finished. */
  onFile?: (outcome: FileOutcome, done: number) => void;
}

/**
 * Where extracted reports go, in the order they were listed: a store (several
 * in one transaction, storeTarget) or the bulk CSV files (src/export/bulk-csv.ts).
 */
export interface ReportTarget {
  /** What the extraction workers render instead of handing on the graph (the bulk CSV rows: the work is then spread over them). */
  render?: RenderRequest;
  write(report: ExtractedReport, file: string): Promise<WriteResult>;
  /**
   * Writes several reports, in their order, each all or nothing: each one's result or the
   * error that kept it out. Absent: reports are written one at a time.
   */
  writeMany?(items: ReadonlyArray<{ report: ExtractedReport; file: string }>): Promise<Array<WriteResult | Error>>;
}

export interface WriteResult {
  status: UpsertOutcome;
  reason?: string;
  sameIssuerAndYear?: string[];
}

const UNCHANGED = 'already in the store (same text, same extractor version): skipped';

/** A store as a target: reports written all or nothing each (several in one transaction), and created ones checked for stored twins. */
export function storeTarget(store: GraphStore): ReportTarget {
  const target: ReportTarget = {
    async write(report, file) {
      const [written] = await writeToStore(store, [{ report, file }]);
      if (written instanceof Error) throw written;
      return written;
    },
  };
  if (store.upsertReports) target.writeMany = (items) => writeToStore(store, items);
  return target;
}

/**
 * Writes reports to a store in their order (several in one transaction where the store can) and
 * checks each created one for stored twins: the reports stored before it, not those this call
 * creates after it, so the answer is the one writing them one at a time gives.
 */
async function writeToStore(store: GraphStore, items: ReadonlyArray<{ report: ExtractedReport; file: string }>): Promise<Array<WriteResult | Error>> {
  const graphs = items.map(({ report }) => {
    if (!('graph' in report)) throw new Error('a store writes extracted graphs, not renderings');
    return report.graph;
  });
  const metas = items.map(({ file }) => ({ extractorVersion: EXTRACTOR_VERSION, file }));
  let outcomes: Array<UpsertOutcome | Error>;
  if (store.upsertReports) outcomes = await store.upsertReports(graphs, metas);
  else {
    outcomes = [];
    for (let n = 0; n < graphs.length; n++) outcomes.push(await store.upsertReport(graphs[n], metas[n]).catch((error: Error) => error));
  }
  // the twins of the created reports, in one lookup: a report this call created after the one
  // asked about is left out (one at a time, it was not stored yet); one stored before the call
  // (unchanged or replaced) is not
  const created = graphs.filter((_, n) => outcomes[n] === 'created');
  const twinParams = sameIssuerAndYearParams(created);
  // the lookup only informs: if it fails, the reports stay created (they are stored), just unflagged
  const twinRows = twinParams ? await store.run('report_same_issuer_year', twinParams).catch(() => []) : [];
  const createdAt = new Map(graphs.flatMap((graph, n) => (outcomes[n] === 'created' ? [[graph.reportId, n] as const] : [])));
  const results: Array<WriteResult | Error> = [];
  for (let n = 0; n < outcomes.length; n++) {
    const status = outcomes[n];
    if (status instanceof Error) {
      results.push(status);
      continue;
    }
    const others = twinRows.filter((row) => row.report === graphs[n].reportId && !((createdAt.get(row.id) ?? -1) > n));
    results.push({
      status,
      ...(status === 'unchanged' ? { reason: UNCHANGED } : {}),
      ...(others.length ? { sameIssuerAndYear: others.map((row) => String(row.file ?? row.id)) } : {}),
    });
  }
  return results;
}

/** At most this many reports are written in one transaction (a batch also waits for nothing: it takes what is there). */
export const WRITE_BATCH = 16;

/**
 * Writes the reports handed to it in the order they came, one batch at a
 * time: while a batch is being written the next reports gather, and the next
 * batch takes them all (up to `max`). So a batch is as large as the writes
 * are slow against the extraction, and a report never waits for others to
 * arrive.
 */
class BatchingWriter {
  private readonly waiting: Array<{ report: ExtractedReport; file: string; resolve: (written: WriteResult) => void; reject: (error: Error) => void }> = [];
  private busy = false;

  constructor(
    private readonly target: ReportTarget,
    private readonly max: number,
  ) {}

  write(report: ExtractedReport, file: string): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ report, file, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.busy || !this.waiting.length) return;
    this.busy = true;
    const batch = this.waiting.splice(0, this.max);
    // (a target that throws instead of rejecting fails its batch, and the writer goes on)
    const written = Promise.resolve().then(
      (): Promise<Array<WriteResult | Error>> =>
        this.target.writeMany && batch.length > 1
          ? this.target.writeMany(batch)
          : this.target.write(batch[0].report, batch[0].file).then(
              (result) => [result],
              (error: Error) => [error],
            ),
    );
    written
      .then(
        (results) => {
          for (const [n, item] of batch.entries()) {
            const outcome = results[n] ?? new Error('the target gave no outcome for this report');
            if (outcome instanceof Error) item.reject(outcome);
            else item.resolve(outcome);
          }
        },
        (error: Error) => {
          for (const item of batch) item.reject(error);
        },
      )
      .finally(() => {
        this.busy = false;
        this.next();
      });
  }
}

/**
 * Files in flight (taken from the list, not yet finished) for a number of
 * workers: two per worker, so none waits idle, and two more for the results
 * this thread is writing (or waiting to write): a worker's next file is not
 * held back while the last one is written. A store written in batches
 * (writeBatch: WRITE_BATCH) has two batches' worth more: the one being
 * written and the next one gathering.
 */
export function inFlightLimit(workers: number, writeBatch = 0): number {
  return Math.max(2, workers * 2) + 2 + 2 * writeBatch;
}

export async function ingestPaths(store: GraphStore | ReportTarget | null, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const skipped = noSkippedFiles();
  const summary = await ingestFiles(store, listInputFiles(paths, skipped), options);
  summary.skipped = skipped;
  return summary;
}

/** Ingests the files of a list taken one at a time, as files finish: never more than inFlightLimit ahead. */
export async function ingestFiles(destination: GraphStore | ReportTarget | null, files: Iterable<string>, options: IngestOptions = {}): Promise<IngestSummary> {
  const target = destination && 'upsertReport' in destination ? storeTarget(destination) : destination;
  const started = Date.now();
  const workers = options.workers ?? defaultWorkerCount();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const pool = workers > 0 ? new ExtractPool(workers, { workerUrl: options.workerUrl, timeBudgetMs: options.timeBudgetMs }) : null;
  const dryRun = Boolean(options.dryRun) || !target;

  const summary: IngestSummary = {
    files: 0,
    skipped: noSkippedFiles(),
    ingested: 0,
    created: 0,
    replaced: 0,
    unchanged: 0,
    extracted: 0,
    refused: [],
    failed: [],
    possibleDuplicates: [],
    workers: 0,
    durationMs: 0,
  };
  let done = 0;

  // Files are extracted in parallel but finished in the order they were listed: each waits for
  // the one listed before it (its turn) before its outcome is recorded, and its report is handed
  // to the writer in that order. The same files then give the same graph on every run and with
  // any number of workers (which report first names a shared node, which of two twins is
  // flagged). A target that writes several reports at once (a store) gets each report as soon
  // as the one before it is handed on, so the reports extracted while a batch is written make
  // the next batch; any other target gets the next report once the last one is finished.
  const batching = Boolean(target?.writeMany) && !dryRun;
  const limit = inFlightLimit(workers, batching ? WRITE_BATCH : 0);
  const writer = target && !dryRun ? new BatchingWriter(target, batching ? WRITE_BATCH : 1) : null;
  const one = async (path: string, handedBefore: Promise<void>, turn: Promise<void>, handOn: () => void): Promise<void> => {
    const file = relative(process.cwd(), path) || path;
    const recorded = resolve(path);
    const task: ExtractTask = { path, file: recorded, maxBytes, limits: options.limits, ...(target?.render && !dryRun ? { render: target.render } : {}) };
    let result: ExtractResult;
    let writing: Promise<{ written: WriteResult } | { error: Error }> | null = null;
    try {
      try {
        result = pool ? await pool.run(task) : await runExtractTask(task);
      } catch (error) {
        result = { ok: false, status: 'failed', reason: `extraction failed: ${(error as Error).message}` };
      }
      await handedBefore;
      if (result.ok && writer) {
        const { ok: _ok, format: _format, encoding: _encoding, ...report } = result;
        // (settled either way, so a failure waiting for its turn is never an unhandled rejection)
        writing = writer.write(report, recorded).then(
          (written) => ({ written }),
          (error: Error) => ({ error }),
        );
      }
    } finally {
      if (batching) handOn();
    }
    await turn;
    let outcome: FileOutcome;
    if (!result.ok) outcome = { file, status: result.status, reason: result.reason };
    else {
      const { ok: _ok, format, encoding, ...report } = result;
      const base = { file, reportId: extractedReportId(report), format, ...(encoding ? { encoding } : {}) };
      if (!writing) outcome = { ...base, status: 'extracted' };
      else {
        // (a rendering whose worker hands on only what the bulk merge has not taken in from it yet
        // waits for the answer: merged, or not; see src/export/shared-seen.ts)
        const acknowledge = 'rendered' in report ? report.rendered.acknowledge : undefined;
        // a created report is checked for stored twins as it is written, so the answer sees every
        // report listed before it (and none listed after)
        const settled = await writing;
        if ('written' in settled) {
          outcome = { ...base, ...settled.written };
          if (settled.written.sameIssuerAndYear) summary.possibleDuplicates.push(outcome);
          if (acknowledge) pool?.acknowledge((result as PoolResult).thread, { ...acknowledge, merged: settled.written.status === 'created' });
        } else {
          outcome = { ...base, status: 'failed', reason: `could not be stored: ${settled.error.message}` };
          if (acknowledge) pool?.acknowledge((result as PoolResult).thread, { ...acknowledge, merged: false });
        }
      }
    }
    if (outcome.status === 'refused' || outcome.status === 'failed') summary[outcome.status].push(outcome);
    else if (outcome.status === 'extracted') summary.extracted++;
    else summary[outcome.status]++;
    options.onFile?.(outcome, ++done);
  };

  const inFlight = new Set<Promise<void>>();
  const list = files[Symbol.iterator]();
  let lastTurn: Promise<void> = Promise.resolve();
  let lastHanded: Promise<void> = Promise.resolve();
  try {
    let index = 0;
    // wait for room before taking the next file, so the list (a directory walk) is not read ahead of the work
    for (;;) {
      while (inFlight.size >= limit) await Promise.race(inFlight);
      const next = list.next();
      if (next.done) break;
      index++;
      let handOn!: () => void;
      const handed = new Promise<void>((resolve) => (handOn = resolve));
      const job: Promise<void> = one(next.value, lastHanded, lastTurn, handOn).finally(() => inFlight.delete(job));
      inFlight.add(job);
      lastTurn = job.then(
        () => undefined,
        () => undefined,
      );
      // (a target written one report at a time gets the next once this one is finished)
      lastHanded = batching ? handed : lastTurn;
    }
    summary.files = index;
  } finally {
    list.return?.();
    await Promise.all(inFlight);
    summary.workers = pool?.threads.length ?? 0;
    await pool?.close();
  }
  summary.ingested = summary.created + summary.replaced;
  summary.durationMs = Date.now() - started;
  return summary;
}
