// The ingest pipeline for a list of paths: read → extract (on worker threads)
// → store (one report at a time, on this thread, in the order the files were
// listed), or, for a bulk load, → the CSV files neo4j-admin imports (a
// ReportTarget; the workers then render the lines too). The file list is
// streamed and at most
// a few files per worker are in flight, so memory stays bounded however many
// files are given. A file that cannot be read, is not a report or fails to
// store is recorded with its reason and the others go on; each report is
// written in one transaction, so a failure never leaves half a report behind.
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
 * Where extracted reports go, one at a time: a store (one transaction each,
 * storeTarget) or the bulk CSV files (src/export/bulk-csv.ts).
 */
export interface ReportTarget {
  /** What the extraction workers render instead of handing on the graph (the bulk CSV rows: the work is then spread over them). */
  render?: RenderRequest;
  write(report: ExtractedReport, file: string): Promise<{ status: UpsertOutcome; reason?: string; sameIssuerAndYear?: string[] }>;
}

const UNCHANGED = 'already in the store (same text, same extractor version): skipped';

/** A store as a target: the report in one transaction, and a created one checked for stored twins. */
export function storeTarget(store: GraphStore): ReportTarget {
  return {
    async write(report, file) {
      if (!('graph' in report)) throw new Error('a store writes extracted graphs, not renderings');
      const { graph } = report;
      const status = await store.upsertReport(graph, { extractorVersion: EXTRACTOR_VERSION, file });
      const twinParams = status === 'created' ? sameIssuerAndYearParams(graph) : null;
      // the lookup only informs: if it fails, the report stays created (it is stored), just unflagged
      const others = twinParams ? await store.run('report_same_issuer_year', twinParams).catch(() => []) : [];
      return {
        status,
        ...(status === 'unchanged' ? { reason: UNCHANGED } : {}),
        ...(others.length ? { sameIssuerAndYear: others.map((row) => String(row.file ?? row.id)) } : {}),
      };
    },
  };
}

/**
 * Files in flight (taken from the list, not yet finished) for a number of
 * workers: two per worker, so none waits idle, and two more for the results
 * this thread is writing (or waiting to write): a worker's next file is not
 * held back while the last one is written.
 */
export function inFlightLimit(workers: number): number {
  return Math.max(2, workers * 2) + 2;
}

export async function ingestPaths(store: GraphStore | ReportTarget | null, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const skipped = noSkippedFiles();
  const summary = await ingestFiles(store, listInputFiles(paths, skipped), options);
  summary.skipped = skipped;
  return summary;
}

/** Ingests the files of a list taken one at a time, as files finish: never more than inFlightLimit(workers) ahead. */
export async function ingestFiles(destination: GraphStore | ReportTarget | null, files: Iterable<string>, options: IngestOptions = {}): Promise<IngestSummary> {
  const target = destination && 'upsertReport' in destination ? storeTarget(destination) : destination;
  const started = Date.now();
  const workers = options.workers ?? defaultWorkerCount();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const pool = workers > 0 ? new ExtractPool(workers, { workerUrl: options.workerUrl, timeBudgetMs: options.timeBudgetMs }) : null;
  const limit = inFlightLimit(workers);
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
  // the one listed before it (its turn) before its report is written. The same files then give
  // the same graph on every run and with any number of workers (which report first names a shared
  // node, which of two twins is flagged), and writes go one at a time.
  const one = async (path: string, turn: Promise<void>): Promise<void> => {
    const file = relative(process.cwd(), path) || path;
    const recorded = resolve(path);
    const task: ExtractTask = { path, file: recorded, maxBytes, limits: options.limits, ...(target?.render && !dryRun ? { render: target.render } : {}) };
    let result: ExtractResult;
    try {
      result = pool ? await pool.run(task) : await runExtractTask(task);
    } catch (error) {
      result = { ok: false, status: 'failed', reason: `extraction failed: ${(error as Error).message}` };
    }
    await turn;
    let outcome: FileOutcome;
    if (!result.ok) outcome = { file, status: result.status, reason: result.reason };
    else {
      const { ok: _ok, format, encoding, ...report } = result;
      const base = { file, reportId: extractedReportId(report), format, ...(encoding ? { encoding } : {}) };
      if (dryRun) outcome = { ...base, status: 'extracted' };
      else {
        // (a rendering whose worker hands on only what the bulk merge has not taken in from it yet
        // waits for the answer: merged, or not; see src/export/shared-seen.ts)
        const acknowledge = 'rendered' in report ? report.rendered.acknowledge : undefined;
        try {
          // a created report is checked for stored twins in its turn, so the answer sees every
          // report listed before it (and none listed after)
          const written = await target!.write(report, recorded);
          outcome = { ...base, ...written };
          if (written.sameIssuerAndYear) summary.possibleDuplicates.push(outcome);
          if (acknowledge) pool?.acknowledge((result as PoolResult).thread, { ...acknowledge, merged: written.status === 'created' });
        } catch (error) {
          outcome = { ...base, status: 'failed', reason: `could not be stored: ${(error as Error).message}` };
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
  try {
    let index = 0;
    // wait for room before taking the next file, so the list (a directory walk) is not read ahead of the work
    for (;;) {
      while (inFlight.size >= limit) await Promise.race(inFlight);
      const next = list.next();
      if (next.done) break;
      index++;
      const job: Promise<void> = one(next.value, lastTurn).finally(() => inFlight.delete(job));
      inFlight.add(job);
      lastTurn = job.then(
        () => undefined,
        () => undefined,
      );
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
