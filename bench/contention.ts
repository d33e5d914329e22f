// Readers and a writer at once: the writer upserts and deletes reports of one
// jurisdiction through the store, first alone, then while `connections`
// readers (another process, bench/contention-readers.mjs) query the HTTP
// server without pause. Figures: writes per second under load against alone
// (the same run's baseline), write and read latencies, and what a consistent
// answer rules out (ghost rows, counts that disagree within one answer).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { EXTRACTOR_VERSION, extractReport } from '../src/extract/index.js';
import type { ReportGraph } from '../src/extract/types.js';
import type { GraphStore } from '../src/store/types.js';
import { percentile, round } from './stats.js';

export interface ContentionOptions {
  store: GraphStore;
  url: string;
  queries: Array<{ name: string; query: string; variables?: Record<string, unknown> }>;
  /** A report text: the writer's reports are copies of it, each with one line added (same place, new id). */
  text: string;
  connections: number;
  /** Seconds of the writer alone, and of readers plus writer. */
  soloSeconds: number;
  loadSeconds: number;
}

/** Copies of one report, each a different report id of the same jurisdiction. */
function writerGraphs(text: string, n: number): ReportGraph[] {
  return Array.from({ length: n }, (_, i) => extractReport(`${text}\n第${i + 1}次修订稿。`));
}

async function writeFor(store: GraphStore, graphs: ReportGraph[], seconds: number) {
  const latencies: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < deadline; i++) {
    const graph = graphs[i % graphs.length];
    const started = performance.now();
    // each report in turn is written, then deleted on the next round: the watched jurisdiction's count keeps changing
    if (Math.floor(i / graphs.length) % 2 === 0) await store.upsertReport(graph, { extractorVersion: EXTRACTOR_VERSION });
    else await store.deleteReport(graph.reportId);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return {
    writes: latencies.length,
    perSecond: round(latencies.length / seconds, 1),
    p50Ms: round(percentile(latencies, 50), 1),
    p99Ms: round(percentile(latencies, 99), 1),
  };
}

/** What the readers print when they stop (bench/contention-readers.mjs). */
export interface ReaderFigures {
  requests: number;
  errors: number;
  ghostRows: number;
  countMismatches: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  errorSamples: string[];
}

/**
 * Starts the readers in their own process: `connections` loops querying `url` for `durationMs`, or
 * until stop() (SIGTERM); `figures` settles with what they print then.
 */
export function startReaders(options: { url: string; connections: number; durationMs: number; queries: unknown[]; watched: string }) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./contention-readers.mjs', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const figures = new Promise<ReaderFigures>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the readers exited with code ${code}`))));
  });
  child.stdin.end(JSON.stringify(options));
  return { figures, stop: () => child.kill('SIGTERM') };
}

export async function contentionSection(options: ContentionOptions) {
  const graphs = writerGraphs(options.text, 20);
  const watched = graphs[0].jurisdiction?.name;
  if (!watched) throw new Error('the contention bench needs a report whose jurisdiction the extractor finds');
  const solo = await writeFor(options.store, graphs, options.soloSeconds);
  const loopBefore = performance.eventLoopUtilization();
  const [underLoad, readers] = await Promise.all([
    writeFor(options.store, graphs, options.loadSeconds),
    startReaders({ url: options.url, connections: options.connections, durationMs: options.loadSeconds * 1000, queries: options.queries, watched }).figures,
  ]);
  // how busy the server's main thread was: what the writer's steps wait for between statements
  const loop = performance.eventLoopUtilization(loopBefore);
  for (const graph of graphs) await options.store.deleteReport(graph.reportId);
  const ratio = round(underLoad.perSecond / solo.perSecond, 2);
  return {
    connections: options.connections,
    soloSeconds: options.soloSeconds,
    loadSeconds: options.loadSeconds,
    writesAlone: solo,
    writesUnderReaders: underLoad,
    writeRateRatio: ratio,
    readers,
    serverEventLoopUtilization: round(loop.utilization, 2),
    met: ratio >= 0.5 && readers.ghostRows === 0 && readers.countMismatches === 0,
  };
}
