// Reads during ingestion: the same reports ingested twice into a fresh
// embedded store through the real pipeline (ingestPaths, extraction in
// workers), first alone, then while `connections` readers (another process,
// bench/contention-readers.mjs) query the HTTP server over that store without
// pause. Both runs first load the same tenth of the reports (untimed, so the
// readers' queries have a graph to answer from) and time the rest.
// Figures: ingest rate under readers against alone (the same run's baseline;
// target ≥ 0.5), read latencies (target p99 ≤ 200 ms), errors, and what a
// consistent answer rules out (ghost rows, counts that disagree within one
// answer). The read cache is on, as served: each write drops what it touched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { EmbeddedStore } from '../src/store/embedded.js';
import { startReaders } from './contention.js';
import type { CorpusEntry } from './corpus.js';
import { startServer } from './server.js';
import { round } from './stats.js';

export interface IngestReadersOptions {
  corpusDir: string;
  entries: CorpusEntry[];
  /** Reports ingested in each run (the first of the corpus). */
  reports: number;
  connections: number;
  workers: number;
  cache: boolean;
  queries: (sample: { code: string; search: string }) => Array<{ name: string; query: string; variables?: Record<string, unknown> }>;
  log: (message: string) => void;
}

/** The ingest of the files after `preload` into a fresh store, timed; with readers of the server over it, their figures too. */
async function ingestRun(options: IngestReadersOptions, files: string[], preload: number, withReaders: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-bench-ingest-readers-'));
  const store = await EmbeddedStore.open({ dir, readCache: options.cache });
  const server = withReaders ? await startServer(store) : null;
  try {
    await ingestPaths(store, files.slice(0, preload), { workers: options.workers });
    const timed = files.slice(preload);
    const sample = options.entries.slice(0, preload).find((e) => e.level === 'county') ?? options.entries[0];
    // (they query until stopped: the ingest decides how long the run is)
    const readers =
      server &&
      startReaders({
        url: server.url,
        connections: options.connections,
        durationMs: 86_400_000,
        queries: options.queries({ code: sample.code, search: sample.code }),
        watched: sample.code,
      });
    const t = performance.now();
    let ingested: number;
    try {
      ingested = (await ingestPaths(store, timed, { workers: options.workers })).ingested;
    } finally {
      readers?.stop();
    }
    const seconds = (performance.now() - t) / 1000;
    const run = { reports: timed.length, seconds: round(seconds, 1), reportsPerSecond: round(timed.length / seconds, 1), ingested };
    if (!readers || !server) return { ...run, reads: null, serverErrors: 0 };
    const reads = await readers.figures;
    return { ...run, reads: { ...reads, perSecond: round(reads.requests / seconds, 1) }, serverErrors: server.counter.errors };
  } finally {
    await server?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function ingestReadersSection(options: IngestReadersOptions) {
  const n = Math.min(options.reports, options.entries.length);
  const files = options.entries.slice(0, n).map((e) => join(options.corpusDir, e.file));
  const preload = Math.max(1, Math.round(n / 10));
  options.log(`reads during ingestion: ${n - preload} reports alone (after ${preload} preloaded)`);
  const alone = await ingestRun(options, files, preload, false);
  options.log(`reads during ingestion: the same reports under ${options.connections} readers`);
  const underReaders = await ingestRun(options, files, preload, true);
  const ratio = round(underReaders.reportsPerSecond / alone.reportsPerSecond, 2);
  const reads = underReaders.reads;
  return {
    reports: n,
    preloaded: preload,
    connections: options.connections,
    cache: options.cache,
    alone,
    underReaders,
    ingestRateRatio: ratio,
    target: { ingestRateRatio: 0.5, readP99Ms: 200 },
    met:
      ratio >= 0.5 &&
      reads !== null &&
      (reads.p99Ms ?? Number.POSITIVE_INFINITY) <= 200 &&
      reads.errors === 0 &&
      reads.ghostRows === 0 &&
      reads.countMismatches === 0,
  };
}
