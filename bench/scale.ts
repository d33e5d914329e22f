// National scale (the issue's targets at 50,000 reports): the first `reports`
// of the corpus ingested into a fresh embedded store through the real
// pipeline, in one process and one pass, paused once at `checkpoint` reports
// to time the query table cold, then timed again at the end.
//
// Figures: ingest time and rate (target ≤ 250 s for 50,000, i.e. ≥ 200
// reports/s), peak RSS while ingesting (≤ 6 GiB), the write time per report
// by tenths (last ≤ 1.2× first), and each query's cold p50/p99 at both
// points (p99 ≤ 150 ms at the end; p50 grows ≤ 2× from the checkpoint).
//
// The store is opened with the read cache off for the whole run, so every
// answer is a cold one; the ingest loses nothing by it (with nothing read
// between writes, the cache would hold nothing for a write to drop).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, parse } from 'graphql';
import { createContext } from '../src/api/context.js';
import { schema } from '../src/api/schema/index.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { EmbeddedStore } from '../src/store/embedded.js';
import type { CorpusEntry } from './corpus.js';
import { benchQueries, timeAnswer, type QueryKey, type QuerySample } from './queries.js';
import { mb, median, percentile, round } from './stats.js';
import { timedStore } from './timed-store.js';

export interface ScaleOptions {
  corpusDir: string;
  /** The reports to ingest, in order (the first `reports` of the corpus). */
  entries: CorpusEntry[];
  /** Reports after which the ingest pauses for the first cold timing. */
  checkpoint: number;
  /** Samples per query at each point (each a different place, initiative, regulation), after one untimed warm-up. */
  samples: number;
  workers: number;
  log: (message: string) => void;
}

/** The issue's targets, for 50,000 reports. */
export const SCALE_TARGETS = { reportsPerSecond: 200, peakRssMiB: 6 * 1024, writeGrowth: 1.2, coldP99Ms: 150, coldGrowth: 2 };

interface ColdFigures {
  name: string;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  error?: string;
  /** Answers that found nothing (a place the extraction did not resolve): fast, so they flatter the percentiles. */
  empty: number;
}

/** The most cited initiatives and regulations, to spread the samples over (the heaviest answers are among them). */
async function hubs(store: EmbeddedStore, n: number): Promise<{ initiatives: string[]; regulations: string[] }> {
  const first = Math.min(100, Math.max(1, n));
  const result = await execute({
    schema,
    document: parse(`{ initiatives(first: ${first}) { nodes { name } } regulations(first: ${first}) { nodes { title } } }`),
    contextValue: createContext(store),
  });
  if (result.errors?.length) throw new Error(`listing initiatives and regulations: ${result.errors[0].message}`);
  const data = result.data as { initiatives: { nodes: Array<{ name: string }> }; regulations: { nodes: Array<{ title: string }> } };
  return { initiatives: data.initiatives.nodes.map((x) => x.name), regulations: data.regulations.nodes.map((x) => x.title) };
}

/**
 * Each query of the table asked once per sample, cold, the queries in turn
 * within a sample so that the machine's load falls on all of them alike.
 * Sample 0 warms the code paths (JIT) and is not counted.
 */
async function coldQueries(store: EmbeddedStore, ingested: CorpusEntry[], samples: number): Promise<Record<string, ColdFigures>> {
  const { initiatives, regulations } = await hubs(store, samples);
  const codes = [...new Set(ingested.map((e) => e.code))];
  // places spread over the ones ingested so far (the corpus draws them at random, so this mixes levels and sizes)
  const step = Math.max(1, codes.length / (samples + 1));
  const sampleAt = (i: number): QuerySample => {
    const code = codes[Math.floor(i * step) % codes.length];
    return { code, search: code, initiative: initiatives[i % initiatives.length], regulation: regulations[i % regulations.length] };
  };
  const times = new Map<QueryKey, { name: string; ms: number[]; errors: number; error?: string; empty: number }>();
  for (let i = 0; i <= samples; i++) {
    for (const q of benchQueries(sampleAt(i))) {
      if (q.key === 'typename') continue;
      const { ms, error, empty } = await timeAnswer(store, q);
      if (i === 0) continue;
      // the counties query's name carries its initiative: name the row after the table's default
      const row = times.get(q.key) ?? { name: q.key === 'counties' ? 'counties citing an initiative' : q.name, ms: [], errors: 0, empty: 0 };
      times.set(q.key, row);
      row.ms.push(ms);
      if (empty) row.empty++;
      if (error) {
        row.errors++;
        row.error ??= error;
      }
    }
  }
  const out: Record<string, ColdFigures> = {};
  for (const [key, row] of times) {
    const sorted = [...row.ms].sort((a, b) => a - b);
    out[key] = {
      name: row.name,
      samples: sorted.length,
      p50Ms: round(percentile(sorted, 50), 1),
      p99Ms: round(percentile(sorted, 99), 1),
      maxMs: round(sorted[sorted.length - 1], 1),
      errors: row.errors,
      empty: row.empty,
      ...(row.error ? { error: row.error } : {}),
    };
  }
  return out;
}

/** Bytes of the files under a directory: the store's database file stays small until close, its write-ahead log (a directory beside it) grows. */
function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true }).reduce<number>((sum, f) => {
    const stat = statSync(join(dir, String(f)));
    return sum + (stat.isFile() ? stat.size : 0);
  }, 0);
}

export async function scaleSection(options: ScaleOptions) {
  const { entries, log } = options;
  const files = entries.map((e) => join(options.corpusDir, e.file));
  const checkpoint = Math.min(options.checkpoint, files.length);
  const tenth = Math.max(1, Math.floor(files.length / 10));
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-bench-scale-'));
  const store = await EmbeddedStore.open({ dir, readCache: false });
  const timed = timedStore(store);
  // peak RSS of the whole process (main thread, extraction workers, the native store) while it ingests
  let ingesting = false;
  let peakRss = 0;
  const sampler = setInterval(() => {
    if (ingesting) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);
  let ingestMs = 0; // the ingest calls only: the pause for the queries is not ingest time
  let callStarted = 0;
  let before = 0; // files finished by the earlier call
  let failed = 0;
  let ingested = 0;
  const tenths: Array<{ reports: number; seconds: number; reportsPerSecond: number; writeMsMedian: number; rssMiB: number }> = [];
  let tenthStarted = 0;
  const onFile = (_: unknown, done: number) => {
    const reports = before + done;
    if (reports % tenth !== 0 || tenths.length >= 10) return;
    const now = ingestMs + (performance.now() - callStarted);
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    const t = {
      reports,
      seconds: round(now / 1000, 1),
      reportsPerSecond: round(tenth / ((now - tenthStarted) / 1000), 1),
      writeMsMedian: round(median(timed.writeMs.slice(reports - tenth, reports)), 2),
      rssMiB: round(mb(rss), 0),
    };
    tenthStarted = now;
    tenths.push(t);
    log(
      `scale: ${reports}/${files.length} in ${t.seconds} s (${t.reportsPerSecond} reports/s this tenth, write median ${t.writeMsMedian} ms, RSS ${t.rssMiB} MiB)`,
    );
  };
  const ingest = async (batch: string[]) => {
    ingesting = true;
    callStarted = performance.now();
    try {
      const summary = await ingestPaths(timed.store, batch, { workers: options.workers, onFile });
      failed += summary.failed.length + summary.refused.length;
      ingested += summary.ingested;
    } finally {
      ingestMs += performance.now() - callStarted;
      ingesting = false;
      before += batch.length;
    }
  };
  const measure = async (reports: number) => {
    log(`scale: cold queries at ${reports} reports (${options.samples} samples each)`);
    const t = performance.now();
    const queries = await coldQueries(store, entries.slice(0, reports), options.samples);
    for (const [key, q] of Object.entries(queries))
      log(
        `scale @${reports} ${key}: p50 ${q.p50Ms} ms, p99 ${q.p99Ms} ms${q.empty ? `, ${q.empty} found nothing` : ''}${q.errors ? `, ${q.errors} errors: ${q.error}` : ''}`,
      );
    return {
      reports,
      seconds: round((performance.now() - t) / 1000, 1),
      storeMiB: round(mb(dirBytes(dir)), 0),
      rssMiB: round(mb(process.memoryUsage().rss), 0),
      queries,
    };
  };
  try {
    await ingest(files.slice(0, checkpoint));
    const atCheckpoint = await measure(checkpoint);
    await ingest(files.slice(checkpoint));
    const atEnd = await measure(files.length);
    const writes = timed.writeMs;
    const firstTenth = median(writes.slice(0, tenth));
    const lastTenth = median(writes.slice(-tenth));
    const reportsPerSecond = files.length / (ingestMs / 1000);
    const queries = Object.keys(atEnd.queries).map((key) => {
      const start = atCheckpoint.queries[key];
      const end = atEnd.queries[key];
      const p50Growth = end.p50Ms / start.p50Ms;
      return {
        key,
        name: end.name,
        checkpoint: start,
        end,
        // the growth target is on the median: a p99 of 100 samples is one answer, and the machine is shared
        p50Growth: round(p50Growth, 2),
        p99Growth: round(end.p99Ms / start.p99Ms, 2),
        p99Met: end.p99Ms <= SCALE_TARGETS.coldP99Ms && end.errors === 0,
        growthMet: p50Growth <= SCALE_TARGETS.coldGrowth && start.errors === 0 && end.errors === 0,
      };
    });
    const targets = {
      rate: reportsPerSecond >= SCALE_TARGETS.reportsPerSecond,
      peakRss: mb(peakRss) <= SCALE_TARGETS.peakRssMiB,
      writeFlat: lastTenth <= SCALE_TARGETS.writeGrowth * firstTenth,
      coldP99: queries.every((q) => q.p99Met),
      coldGrowth: queries.every((q) => q.growthMet),
    };
    return {
      reports: files.length,
      checkpoint,
      samples: options.samples,
      workers: options.workers,
      ingested,
      failedOrRefused: failed,
      ingestSeconds: round(ingestMs / 1000, 1),
      reportsPerSecond: round(reportsPerSecond, 1),
      peakRssMiB: round(mb(peakRss), 0),
      // the process's peak over its life (the cold queries included), as the kernel counts it (KiB)
      maxRssMiB: round(process.resourceUsage().maxRSS / 1024, 0),
      writeMsFirstTenth: round(firstTenth, 2),
      writeMsLastTenth: round(lastTenth, 2),
      writeGrowth: round(lastTenth / firstTenth, 2),
      tenths,
      points: [atCheckpoint, atEnd].map(({ queries: _, ...rest }) => rest),
      queries,
      targets,
      met: Object.values(targets).every(Boolean),
    };
  } finally {
    clearInterval(sampler);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
