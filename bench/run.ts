// govgraph benchmarks. Every figure comes with a baseline measured in the same run, on
// the same machine, and is reported as a ratio as well, because the machines
// are shared and noisy.
//
//   npm run bench                          # 10,000 reports, everything (~5 min on 2 cores)
//   npm run bench -- --quick               # 1,000 reports, short load runs
//   npm run bench -- --only extract,query  # some sections (ingest is implied by query/batching/load)
//   npm run bench -- --reports 5000 --corpus /tmp/corpus --duration 10 --load-duration 60
//
// Sections: extract (MB/s vs @node-rs/jieba, medians of five alternating rounds), linearity (1×/10×/100× random and
// pathological text), ingest (10k reports into a fresh embedded store through
// ingestPaths, with growth checkpoints at 10 %, 50 % and 100 %), query
// (autocannon through the real HTTP server vs `{ __typename }`), batching
// (store round trips per request at page size 10 vs 100), load (mixed queries,
// 50 connections, memory after warm-up vs after the run), hostile (what
// hostile clients do to a server holding 500 reports: bench/hostile.ts), bulk
// (a corpus of --bulk-reports, 100,000 by default, and a tenth of it to
// neo4j-admin CSV with one worker and with every core: bench/bulk.ts), ask
// (what reading a question in Chinese costs beyond the query it runs:
// bench/ask.ts), scale (the national-scale issue's targets: --scale-reports,
// 50,000 by default, into a fresh embedded store in one pass, the query table
// timed cold at --scale-checkpoint, 5,000, and at the end: bench/scale.ts;
// ~15 min on 2 cores, so not run unless asked for with --only).
//
// Writes bench/results.json (or --out FILE) and prints a table.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import type autocannon from 'autocannon';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { createContext } from '../src/api/context.js';
import { schema } from '../src/api/schema/index.js';
import { extractReport, EXTRACTOR_VERSION } from '../src/extract/index.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { defaultWorkerCount } from '../src/ingest/pool.js';
import { runExtractTask } from '../src/ingest/task.js';
import { EmbeddedStore } from '../src/store/embedded.js';
import type { GraphStore } from '../src/store/types.js';
import { countingStore } from '../test/support/counting.js';
import { startServer } from './server.js';
import { hostileSection } from './hostile.js';
import { askSection } from './ask.js';
import { ingestReadersSection } from './ingest-readers.js';
import { bulkSection } from './bulk.js';
import { generateCorpus, rng, type CorpusEntry } from './corpus.js';
import { logLogSlope, mb, median, round } from './stats.js';
import { benchQueries, type NamedQuery } from './queries.js';
import { timedStore } from './timed-store.js';
import { SCALE_TARGETS, scaleSection } from './scale.js';
import { execute, parse } from 'graphql';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const SECTIONS = ['extract', 'linearity', 'ingest', 'query', 'batching', 'load', 'ingest-readers', 'hostile', 'bulk', 'ask', 'scale'] as const;
type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  reports: number;
  seed: number;
  corpus?: string;
  out: string;
  only: Section[];
  /** Seconds per query under autocannon. */
  duration: number;
  connections: number;
  /** Seconds of the mixed load run (60 by default) and of its warm-up. */
  loadDuration: number;
  loadWarmup: number;
  loadConnections: number;
  /** Largest multiple of the linearity check (100 = 1×, 10×, 100×). */
  linearityMax: number;
  /** Reports whose text the extraction section reads (a sample of the corpus). */
  extractSample: number;
  workers: number;
  /** Reports of the reads-during-ingestion section (ingested alone, then under readers), and its readers. */
  ingestReadersReports: number;
  ingestReadersConnections: number;
  /** Reports loaded for the hostile-client section, and its readers-plus-writer run. */
  hostileReports: number;
  contentionConnections: number;
  contentionSoloSeconds: number;
  contentionSeconds: number;
  lock: { restarts: number; rounds: number; racers: number; reports: number };
  /** Reports of the bulk CSV section's larger run (the smaller is a tenth), and where its corpus is kept. */
  bulkReports: number;
  bulkCorpus?: string;
  /** Reports of the scale section, where it pauses to time the queries cold, and the samples per query at each point. */
  scaleReports: number;
  scaleCheckpoint: number;
  scaleSamples: number;
  /** The embedded store's read cache (--no-cache turns it off, for before/after figures). */
  cache: boolean;
  quiet: boolean;
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const has = (flag: string) => argv.includes(flag);
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = has('--quick');
  const num = (flag: string, fallback: number) => {
    const v = get(flag);
    return v === undefined ? fallback : Number(v);
  };
  const only = (get('--only')
    ?.split(',')
    .map((s) => s.trim()) ?? SECTIONS.filter((s) => s !== 'scale')) as Section[];
  for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`unknown section "${s}": one of ${SECTIONS.join(', ')}`);
  return {
    reports: num('--reports', quick ? 1000 : 10_000),
    seed: num('--seed', 1),
    corpus: get('--corpus'),
    out: get('--out') ?? join(BENCH_DIR, 'results.json'),
    only,
    duration: num('--duration', quick ? 3 : 10),
    connections: num('--connections', 16),
    loadDuration: num('--load-duration', quick ? 10 : 60),
    loadWarmup: num('--load-warmup', quick ? 3 : 10),
    loadConnections: num('--load-connections', 50),
    linearityMax: num('--linearity-max', quick ? 10 : 100),
    extractSample: num('--extract-sample', quick ? 100 : 400),
    workers: num('--workers', defaultWorkerCount()),
    ingestReadersReports: num('--ingest-readers-reports', quick ? 1000 : 5000),
    ingestReadersConnections: num('--ingest-readers-connections', 20),
    hostileReports: num('--hostile-reports', 500),
    contentionConnections: num('--contention-connections', 20),
    contentionSoloSeconds: num('--contention-solo', quick ? 5 : 10),
    contentionSeconds: num('--contention-seconds', quick ? 10 : 60),
    lock: { restarts: quick ? 3 : 10, rounds: quick ? 3 : 10, racers: quick ? 4 : 8, reports: quick ? 5 : 20 },
    bulkReports: num('--bulk-reports', quick ? 2000 : 100_000),
    bulkCorpus: get('--bulk-corpus'),
    scaleReports: num('--scale-reports', 50_000),
    scaleCheckpoint: num('--scale-checkpoint', 5000),
    scaleSamples: num('--scale-samples', 100),
    cache: !has('--no-cache'),
    quiet: has('--quiet'),
  };
}

type Json = Record<string, unknown>;

const log = (options: BenchOptions, ...args: unknown[]) => {
  if (!options.quiet) console.error('[bench]', ...args);
};

// ---------------------------------------------------------------- corpus

function corpusFor(options: BenchOptions): { dir: string; entries: CorpusEntry[]; temporary: boolean } {
  const dir = options.corpus ?? mkdtempSync(join(tmpdir(), 'govgraph-bench-corpus-'));
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { seed: number; reports: number; entries: CorpusEntry[] };
    if (m.seed === options.seed && m.reports >= options.reports) return { dir, entries: m.entries.slice(0, options.reports), temporary: false };
  }
  log(options, `generating ${options.reports} reports in ${dir}`);
  return { dir, entries: generateCorpus({ reports: options.reports, out: dir, seed: options.seed }), temporary: !options.corpus };
}

// ---------------------------------------------------------------- 1. extraction vs jieba

/** Timed rounds of extraction and of jieba, alternating; their medians are compared. */
const EXTRACT_ROUNDS = 5;

function extractionSection(options: BenchOptions, dir: string, entries: CorpusEntry[]): Json {
  const sample = entries.slice(0, Math.min(entries.length, options.extractSample));
  const texts = sample.map((e) => readFileSync(join(dir, e.file), 'utf8'));
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const jieba = Jieba.withDict(dict);
  // Intended jurisdiction and year: the corpus makes extraction do real work.
  let placeRight = 0;
  let yearRight = 0;
  let initiatives = 0;
  let regulations = 0;
  sample.forEach((e, i) => {
    const g = extractReport(texts[i]);
    if (g.jurisdiction?.adminCode === e.code) placeRight++;
    if (g.year === e.year) yearRight++;
    initiatives += g.initiatives.length;
    regulations += g.regulations.length;
  });
  const runs = { extract: [] as number[], jieba: [] as number[] };
  // five rounds (the pass above warmed both up), alternating so that both see the same machine load; the
  // ratio is of the medians, as the issues set it
  for (let round_ = 0; round_ < EXTRACT_ROUNDS; round_++) {
    let t = performance.now();
    for (const text of texts) extractReport(text);
    runs.extract.push(performance.now() - t);
    t = performance.now();
    for (const text of texts) jieba.cut(text, false);
    runs.jieba.push(performance.now() - t);
  }
  const extractMBps = mb(bytes) / (median(runs.extract) / 1000);
  const jiebaMBps = mb(bytes) / (median(runs.jieba) / 1000);
  const best = (xs: number[]) => Math.min(...xs);
  return {
    reports: sample.length,
    megabytes: round(mb(bytes), 2),
    rounds: EXTRACT_ROUNDS,
    extractMBps: round(extractMBps, 3),
    extractMsPerReport: round(median(runs.extract) / sample.length, 2),
    jiebaMBps: round(jiebaMBps, 3),
    ratio: round(extractMBps / jiebaMBps, 3),
    bestRoundsRatio: round(best(runs.jieba) / best(runs.extract), 3),
    target: '>= 1.0',
    met: extractMBps / jiebaMBps >= 1,
    sampleCheck: {
      jurisdictionAccuracy: round(placeRight / sample.length, 3),
      yearAccuracy: round(yearRight / sample.length, 3),
      initiativesPerReport: round(initiatives / sample.length, 1),
      regulationsPerReport: round(regulations / sample.length, 1),
    },
  };
}

// ---------------------------------------------------------------- linearity

const GOVERNANCE = '法治政府建设依法行政行政执法';

/** Inputs of about `size` characters that are report-like enough to reach every extraction stage. */
function pathological(kind: string, size: number, random: () => number): string {
  const cjk = () => String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000));
  let out = '';
  switch (kind) {
    case 'randomUnicode': {
      // random code points of every plane, with the governance words sprinkled in so the report check passes
      while (out.length < size) {
        out += random() < 0.02 ? GOVERNANCE : random() < 0.6 ? cjk() : String.fromCodePoint(Math.floor(random() * 0x2ffff) % 0xd800);
      }
      return out;
    }
    case 'hugeLine': {
      while (out.length < size) out += random() < 0.05 ? `“${cjk()}${cjk()}制度”` : random() < 0.01 ? GOVERNANCE : cjk();
      return out;
    }
    case 'nestedBrackets': {
      // 《《《…》》》 and （（（…））） nested deep, in one paragraph after another
      while (out.length < size) {
        const depth = 1 + Math.floor(random() * 50);
        out += `${GOVERNANCE}${'《（“'.repeat(depth)}${cjk()}${cjk()}条例${'”）》'.repeat(depth)}。`;
      }
      return out;
    }
    case 'brokenLines': {
      // a page whose lines were broken every ~40 characters mid-sentence (hard-wrapped scraping): one paragraph
      // of tens of thousands of pieces, each joined to the one before
      while (out.length < size) {
        let line = '';
        while (line.length < 38) line += random() < 0.2 ? GOVERNANCE : cjk();
        out += `${line}\n`;
      }
      return out;
    }
    case 'headings': {
      // an endless outline: every line a heading, problems and plans sections repeated
      const heads = ['一、存在的问题和不足', '二、下一步工作打算', '(一)深入推进法治政府建设', '1.一是行政执法', '二是依法行政'];
      while (out.length < size) out += `${heads[Math.floor(random() * heads.length)]}${cjk()}${cjk()}\n`;
      return out;
    }
    default:
      throw new Error(kind);
  }
}

/** The log-log slope of time against size that still counts as linear (issue target: ≤ 1.15 up to a million characters). */
const LINEAR_SLOPE = 1.15;

function linearitySection(options: BenchOptions): Json {
  const base = 10_000;
  const multiples = [1, 10, 100].filter((m) => m <= options.linearityMax);
  const kinds = ['randomUnicode', 'hugeLine', 'nestedBrackets', 'brokenLines', 'headings'];
  const results: Json[] = [];
  for (const kind of kinds) {
    const points: Array<{ size: number; ms: number }> = [];
    let thrown = 0;
    for (const m of multiples) {
      const text = pathological(kind, base * m, rng(7 + m));
      // the fastest of several runs: one run at a million characters is at the mercy of a collection of the old heap
      const reps = m === 1 ? 5 : 3;
      const times: number[] = [];
      for (let r = 0; r < reps; r++) {
        const t = performance.now();
        try {
          extractReport(text);
        } catch {
          thrown++;
        }
        times.push(performance.now() - t);
      }
      points.push({ size: text.length, ms: Math.min(...times) });
    }
    const slope = logLogSlope(points);
    const first = points[0];
    const last = points[points.length - 1];
    results.push({
      kind,
      points: points.map((p) => ({ chars: p.size, ms: round(p.ms, 1) })),
      // time per character at the largest size over time per character at 1×: 1 is linear
      perCharRatio: round(last.ms / last.size / (first.ms / first.size), 2),
      logLogSlope: round(slope, 2),
      refused: thrown > 0,
      linear: slope <= LINEAR_SLOPE,
    });
  }
  return { multiples, kinds: results, met: results.every((r) => r.linear) };
}

// ---------------------------------------------------------------- 2. ingest (+ 5. growth)

/** Read and extraction time per report on this thread, for the stage shares (the workers' own time is not observable). */
async function stageSample(dir: string, entries: CorpusEntry[], n: number): Promise<{ readMs: number; extractMs: number }> {
  const sample = entries.slice(0, n);
  let total = 0;
  let extractOnly = 0;
  for (const e of sample) {
    const path = join(dir, e.file);
    const t = performance.now();
    await runExtractTask({ path, file: e.file, maxBytes: 20 * 1024 * 1024 });
    total += performance.now() - t;
    const text = readFileSync(path, 'utf8');
    const t2 = performance.now();
    extractReport(text);
    extractOnly += performance.now() - t2;
  }
  return { readMs: Math.max(0, (total - extractOnly) / n), extractMs: extractOnly / n };
}

interface Checkpoint {
  reports: number;
  batchMs: number;
  writeMsPerReport: number;
  reportsPerSecond: number;
  query?: Json;
}

async function ingestSection(options: BenchOptions, dir: string, entries: CorpusEntry[], store: EmbeddedStore, growthQuery: (() => Promise<Json>) | null) {
  const timed = timedStore(store);
  const files = entries.map((e) => join(dir, e.file));
  const marks = [...new Set([Math.round(files.length / 10), Math.round(files.length / 2), files.length])].filter((m) => m > 0);
  // peak memory of the whole process (main thread, workers, the native store), sampled during the ingest only
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const checkpoints: Checkpoint[] = [];
  let wall = 0;
  let done = 0;
  let failed = 0;
  let ingested = 0;
  try {
    for (const mark of marks) {
      const batch = files.slice(done, mark);
      const writesBefore = timed.writeMs.length;
      const t = performance.now();
      sampler.refresh();
      const summary = await ingestPaths(timed.store, batch, { workers: options.workers });
      const batchMs = performance.now() - t;
      wall += batchMs;
      failed += summary.failed.length + summary.refused.length;
      ingested += summary.ingested;
      const writes = timed.writeMs.slice(writesBefore);
      done = mark;
      log(
        options,
        `ingested ${done}/${files.length} (${(batch.length / (batchMs / 1000)).toFixed(1)} reports/s, write ${median(writes).toFixed(1)} ms median)`,
      );
      const cp: Checkpoint = {
        reports: done,
        batchMs: round(batchMs, 0),
        writeMsPerReport: round(writes.reduce((a, b) => a + b, 0) / Math.max(1, writes.length), 2),
        reportsPerSecond: round(batch.length / (batchMs / 1000), 1),
      };
      if (growthQuery && mark !== files.length) {
        clearInterval(sampler);
        cp.query = await growthQuery();
      }
      checkpoints.push(cp);
    }
  } finally {
    clearInterval(sampler);
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const stage = await stageSample(dir, entries, Math.min(100, entries.length));
  const writeTotal = timed.writeMs.reduce((a, b) => a + b, 0);
  const busy = {
    read: (stage.readMs * entries.length) / Math.max(1, options.workers),
    extract: (stage.extractMs * entries.length) / Math.max(1, options.workers),
    write: writeTotal,
  };
  const busySum = busy.read + busy.extract + busy.write;
  const writes = timed.writeMs;
  const tenth = Math.max(1, Math.floor(writes.length / 10));
  return {
    reports: entries.length,
    ingested,
    failedOrRefused: failed,
    workers: options.workers,
    wallSeconds: round(wall / 1000, 1),
    reportsPerSecond: round(entries.length / (wall / 1000), 1),
    peakRssMiB: round(mb(peakRss), 0),
    stageShares: {
      // busy time of each stage over the sum: read and extract run on the workers
      // in parallel with the writes on the main thread
      read: round(busy.read / busySum, 3),
      extract: round(busy.extract / busySum, 3),
      write: round(busy.write / busySum, 3),
    },
    stageMsPerReport: { read: round(stage.readMs, 2), extract: round(stage.extractMs, 2), write: round(writeTotal / Math.max(1, writes.length), 2) },
    writeMsFirstTenth: round(median(writes.slice(0, tenth)), 2),
    writeMsLastTenth: round(median(writes.slice(-tenth)), 2),
    checkpoints,
    target: { seconds: 120, peakRssMiB: 2048 },
    met: wall / 1000 <= 120 * (entries.length / 10_000) && peakRss <= 2 * 1024 ** 3,
  };
}

// ---------------------------------------------------------------- 3. queries

function requestOf(q: NamedQuery) {
  return {
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: q.query, variables: q.variables ?? {} }),
  };
}

/** What load-worker.mjs prints: autocannon's result as JSON, with `mismatches` when the run checks the bodies. */
type LoadResult = Pick<autocannon.Result, 'requests' | 'latency' | 'errors' | 'timeouts' | 'non2xx'> & { mismatches?: number };

async function autocannonRun(opts: Record<string, unknown>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./load-worker.mjs', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with code ${code}`));
      try {
        resolve(JSON.parse(out));
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.end(JSON.stringify(opts));
  });
}

async function checkAnswer(url: string, q: NamedQuery): Promise<{ ok: boolean; bytes: number; note?: string }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: q.query, variables: q.variables ?? {} }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string }> };
  if (body.errors?.length) return { ok: false, bytes: text.length, note: body.errors[0].message };
  return { ok: res.status === 200 && body.data != null, bytes: text.length };
}

function summarize(r: LoadResult) {
  return {
    requests: r.requests.total as number,
    rps: round(r.requests.average as number, 1),
    p50: r.latency.p50 as number,
    p99: r.latency.p99 as number,
    mean: round(r.latency.mean as number, 2),
    max: r.latency.max as number,
    /** 200 responses whose body carries GraphQL errors (counted when the run asks for graphqlErrors). */
    graphqlErrors: (r.mismatches as number | undefined) ?? 0,
    errors: (r.errors as number) + (r.timeouts as number) + (r.non2xx as number) + ((r.mismatches as number | undefined) ?? 0),
  };
}

async function querySection(options: BenchOptions, url: string, queries: NamedQuery[], duration: number) {
  const out: Json[] = [];
  let baseline: ReturnType<typeof summarize> | null = null;
  for (const q of queries) {
    const t = performance.now();
    const check = await checkAnswer(url, q);
    const firstRequestMs = round(performance.now() - t, 1);
    // a short warm-up fills the JIT and the caches the way a running server has them
    await autocannonRun({ url, connections: 4, duration: 1, requests: [requestOf(q)] });
    const r = summarize(await autocannonRun({ url, connections: options.connections, duration, requests: [requestOf(q)] }));
    // the latency of one request on its own (one connection, no queue in front of it): with 16
    // connections the p50 is mostly waiting behind the other 15 (p50 ≈ connections ÷ throughput)
    const single = summarize(await autocannonRun({ url, connections: 1, duration: Math.max(2, Math.ceil(duration / 2)), requests: [requestOf(q)] }));
    if (!baseline) baseline = r;
    out.push({
      name: q.name,
      answered: check.ok,
      ...(check.note ? { error: check.note } : {}),
      responseBytes: check.bytes,
      firstRequestMs,
      ...r,
      throughputVsBaseline: round(r.rps / baseline.rps, 3),
      oneConnection: { p50: single.p50, p99: single.p99, rps: single.rps, errors: single.errors },
    });
    log(options, `query ${q.name}: p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.rps} req/s; one connection: p50 ${single.p50} ms`);
  }
  const byName = (n: string) => out.find((x) => x.name === n)!;
  const counties = byName('counties citing 三项制度');
  const listed = out.filter((x) => x.name !== 'typename (baseline)');
  return {
    connections: options.connections,
    durationSeconds: duration,
    queries: out,
    targets: {
      // p50 is a latency: measured on one connection; at options.connections it is reported beside it
      countiesP50: {
        target: '<= 10 ms (one connection)',
        value: (counties.oneConnection as { p50: number }).p50,
        underLoad: counties.p50,
        met: (counties.oneConnection as { p50: number }).p50 <= 10,
      },
      countiesThroughput: { target: '>= 0.25 of baseline', value: counties.throughputVsBaseline, met: (counties.throughputVsBaseline as number) >= 0.25 },
      allP99: {
        target: '<= 100 ms each',
        worst: Math.max(...listed.map((x) => x.p99 as number)),
        met: listed.every((x) => (x.p99 as number) <= 100 && x.answered),
      },
    },
  };
}

/** Sequential latency of each query (no load): the growth checkpoints. */
async function quickLatency(url: string, queries: NamedQuery[], n = 20): Promise<Json> {
  const out: Json = {};
  for (const q of queries) {
    if (q.name.startsWith('typename')) continue;
    // the first request after an ingest pays the whole query (the read cache is empty); the rest are what a running server sees
    const times: number[] = [];
    let cold = 0;
    for (let i = 0; i < n + 3; i++) {
      const t = performance.now();
      await checkAnswer(url, q);
      if (i === 0) cold = performance.now() - t;
      if (i >= 3) times.push(performance.now() - t);
    }
    out[q.name] = { coldMs: round(cold, 1), warmMedianMs: round(median(times), 2) };
  }
  return out;
}

// ---------------------------------------------------------------- 4. batching

async function batchingSection(store: GraphStore, sample: { code: string }) {
  const counted = countingStore(store);
  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const before = counted.calls;
    const result = await execute({ schema, document: parse(query), contextValue: createContext(counted), variableValues: variables });
    if (result.errors?.length) throw new Error(result.errors[0].message);
    return { calls: counted.calls - before, data: result.data };
  };
  const page = (n: number) => `query($name: String!) { jurisdiction(name: $name) { name province { name }
      reports(first: ${n}) { edges { node { title year jurisdiction { name } problems(first: ${n}) { edges { node { text theme } } } initiatives(first: ${n}) { edges { node { name } } } } } }
      initiatives(first: ${n}) { edges { reportCount node { name category } } }
      regulations(first: ${n}) { edges { reportCount node { title } } } } }`;
  const list = (
    n: number,
  ) => `{ jurisdictions(first: ${n}, orderBy: {field: REPORTS, descending: true}) { edges { node { name province { name } prefecture { name }
      reports(first: 10) { edges { node { year initiatives(first: 10) { edges { node { name } } } regulations(first: 10) { edges { node { title } } } } } } } } } }`;
  const p10 = await run(page(10), { name: sample.code });
  const p100 = await run(page(100), { name: sample.code });
  const l10 = await run(list(10));
  const l100 = await run(list(100));
  const count = (d: unknown) => (d as { jurisdictions: { edges: unknown[] } }).jurisdictions.edges.length;
  return {
    jurisdictionPage: { size10: p10.calls, size100: p100.calls, constant: p10.calls === p100.calls },
    jurisdictionList: { size10: l10.calls, size100: l100.calls, results10: count(l10.data), results100: count(l100.data), constant: l10.calls === l100.calls },
    met: p10.calls === p100.calls && l10.calls === l100.calls,
  };
}

// ---------------------------------------------------------------- load

function memorySnapshot() {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rssMiB: round(mb(m.rss), 1), heapUsedMiB: round(mb(m.heapUsed), 1) };
}

async function loadSection(options: BenchOptions, url: string, queries: NamedQuery[], counter: { errors: number }) {
  const mixed = queries.filter((q) => !q.name.startsWith('typename')).map(requestOf);
  const errorsBefore = counter.errors;
  await autocannonRun({ url, connections: options.loadConnections, duration: options.loadWarmup, requests: mixed });
  const afterWarmup = memorySnapshot();
  const r = summarize(await autocannonRun({ url, connections: options.loadConnections, duration: options.loadDuration, requests: mixed, graphqlErrors: true }));
  const afterRun = memorySnapshot();
  const growth = afterRun.rssMiB / afterWarmup.rssMiB - 1;
  const serverErrors = counter.errors - errorsBefore;
  return {
    connections: options.loadConnections,
    durationSeconds: options.loadDuration,
    warmupSeconds: options.loadWarmup,
    ...r,
    serverErrors,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    memoryAfterWarmup: afterWarmup,
    memoryAfterRun: afterRun,
    rssGrowth: round(growth, 3),
    // the target is "memory after the run within 10 % of memory after warm-up": growth is what it guards
    // against; memory given back to the system during the run (a negative growth) is no leak
    met: r.errors === 0 && serverErrors === 0 && growth <= 0.1,
  };
}

// ---------------------------------------------------------------- the run

export async function runBench(options: BenchOptions): Promise<Json> {
  const started = Date.now();
  const wants = (s: Section) => options.only.includes(s);
  const needStore = wants('ingest') || wants('query') || wants('batching') || wants('load');
  const results: Json = {
    version: 1,
    startedAt: new Date(started).toISOString(),
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 1024 ** 3, 1),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      loadAverageAtStart: (await import('node:os')).loadavg().map((x) => round(x, 2)),
    },
    options: { ...options, out: undefined },
    extractorVersion: EXTRACTOR_VERSION,
  };
  const corpus = wants('extract') || needStore || wants('hostile') || wants('ingest-readers') ? corpusFor(options) : null;
  let dataDir: string | null = null;
  try {
    if (corpus) {
      const bytes = corpus.entries.slice(0, 200).reduce((s, e) => s + statSync(join(corpus.dir, e.file)).size, 0);
      results.corpus = { reports: corpus.entries.length, seed: options.seed, meanKiB: round(bytes / Math.min(200, corpus.entries.length) / 1024, 1) };
    }
    if (wants('extract') && corpus) {
      log(options, 'extraction vs jieba');
      results.extract = extractionSection(options, corpus.dir, corpus.entries);
    }
    if (wants('linearity')) {
      log(options, 'extractor linearity');
      results.linearity = linearitySection(options);
    }
    if (needStore && corpus) {
      dataDir = mkdtempSync(join(tmpdir(), 'govgraph-bench-store-'));
      const store = await EmbeddedStore.open({ dir: dataDir, readCache: options.cache });
      const { url, counter, close } = await startServer(store);
      try {
        const sampleEntry = corpus.entries.find((e) => e.level === 'county') ?? corpus.entries[0];
        // the subgraph starts from the search hit for the place's code (codes are unique, names are not)
        const queries = benchQueries({ code: sampleEntry.code, search: sampleEntry.code });
        const growthQuery = wants('query') ? () => quickLatency(url, queries) : null;
        log(options, `ingest of ${corpus.entries.length} reports (${options.workers} workers)`);
        results.ingest = await ingestSection(options, corpus.dir, corpus.entries, store, growthQuery);
        results.sample = { jurisdiction: sampleEntry.code, name: sampleEntry.name };
        if (wants('query')) {
          const final = await quickLatency(url, queries);
          const cps = (results.ingest as { checkpoints: Checkpoint[] }).checkpoints;
          cps[cps.length - 1].query = final;
          results.growth = cps.map((c) => ({
            reports: c.reports,
            reportsPerSecond: c.reportsPerSecond,
            writeMsPerReport: c.writeMsPerReport,
            queryMedianMs: c.query,
          }));
          log(options, 'queries under load');
          results.query = await querySection(options, url, queries, options.duration);
        }
        if (wants('batching')) results.batching = await batchingSection(store, sampleEntry);
        if (wants('load')) {
          log(options, `mixed load: ${options.loadConnections} connections for ${options.loadDuration} s`);
          results.load = await loadSection(options, url, queries, counter);
        }
      } finally {
        await close();
        await store.close();
      }
    }
    if (wants('ingest-readers') && corpus) {
      results.ingestReaders = await ingestReadersSection({
        corpusDir: corpus.dir,
        entries: corpus.entries,
        reports: options.ingestReadersReports,
        connections: options.ingestReadersConnections,
        workers: options.workers,
        cache: options.cache,
        queries: benchQueries,
        log: (message) => log(options, message),
      });
    }
    if (wants('hostile') && corpus) {
      results.hostile = await hostileSection({
        corpusDir: corpus.dir,
        entries: corpus.entries,
        reports: options.hostileReports,
        workers: options.workers,
        queries: benchQueries,
        contention: { connections: options.contentionConnections, soloSeconds: options.contentionSoloSeconds, loadSeconds: options.contentionSeconds },
        lock: options.lock,
        log: (message) => log(options, message),
      });
    }
    if (wants('ask')) {
      log(options, 'questions in Chinese: ask against the query it runs');
      results.ask = await askSection();
    }
    if (wants('bulk')) {
      const bulkCorpus = corpusFor({ ...options, reports: options.bulkReports, corpus: options.bulkCorpus });
      try {
        results.bulk = bulkSection(bulkCorpus.dir, options.bulkReports, (message) => log(options, message));
      } finally {
        if (bulkCorpus.temporary) rmSync(bulkCorpus.dir, { recursive: true, force: true });
      }
    }
    if (wants('scale')) {
      const scaleCorpus = corpusFor({ ...options, reports: options.scaleReports });
      try {
        log(options, `scale: ${options.scaleReports} reports, cold queries at ${options.scaleCheckpoint} and at the end`);
        results.scale = await scaleSection({
          corpusDir: scaleCorpus.dir,
          entries: scaleCorpus.entries,
          checkpoint: options.scaleCheckpoint,
          samples: options.scaleSamples,
          workers: options.workers,
          log: (message) => log(options, message),
        });
      } finally {
        if (scaleCorpus.temporary) rmSync(scaleCorpus.dir, { recursive: true, force: true });
      }
    }
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (corpus?.temporary) rmSync(corpus.dir, { recursive: true, force: true });
  }
  results.durationSeconds = round((Date.now() - started) / 1000, 1);
  return results;
}

const yes = (met: unknown) => (met === true ? 'met' : met === false ? 'MISSED' : '');
const mbOf = (bytes: number) => `${round(bytes / 1048576, 2)} MB`;

/** The results as a Markdown table (also pasted into the README). */
// biome-ignore lint/suspicious/noExplicitAny: the results as runBench returns them (and results.json holds them): each section optional, read as written
export function formatTable(r: any): string {
  const rows: string[][] = [];
  if (r.extract) {
    rows.push([
      'extraction',
      `${r.extract.extractMBps} MB/s (${r.extract.extractMsPerReport} ms/report)`,
      `jieba cut ${r.extract.jiebaMBps} MB/s`,
      `${r.extract.ratio} (medians of ${r.extract.rounds} rounds; best rounds ${r.extract.bestRoundsRatio})`,
      '≥ 1.0',
      yes(r.extract.met),
    ]);
  }
  if (r.linearity) {
    for (const k of r.linearity.kinds)
      rows.push([
        `linearity: ${k.kind}`,
        k.points.map((p: { chars: number; ms: number }) => `${p.chars / 1000}k chars ${p.ms} ms`).join(', '),
        '1× size',
        `per-char ×${k.perCharRatio}, slope ${k.logLogSlope}`,
        'slope ≤ 1.15',
        yes(k.linear),
      ]);
  }
  if (r.ingest) {
    const i = r.ingest;
    rows.push([
      'ingest',
      `${i.reports} reports in ${i.wallSeconds} s, ${i.reportsPerSecond}/s, peak RSS ${i.peakRssMiB} MiB`,
      `${i.workers} worker(s)`,
      `read ${i.stageShares.read} / extract ${i.stageShares.extract} / write ${i.stageShares.write}`,
      '≤ 120 s, ≤ 2 GiB',
      yes(i.met),
    ]);
    rows.push(['write ms/report', `first tenth ${i.writeMsFirstTenth}, last tenth ${i.writeMsLastTenth}`, '', '', 'flat', '']);
  }
  if (r.growth) {
    for (const g of r.growth)
      rows.push([
        `growth @${g.reports}`,
        `${g.reportsPerSecond} reports/s, write ${g.writeMsPerReport} ms`,
        'cold / warm ms',
        g.queryMedianMs
          ? Object.entries(g.queryMedianMs as Record<string, { coldMs: number; warmMedianMs: number }>)
              .map(([k, v]) => `${k.split(' ')[0]} ${v.coldMs}/${v.warmMedianMs}`)
              .join(', ')
          : '',
        'ingest linear, lookups flat',
        '',
      ]);
  }
  if (r.query) {
    for (const q of r.query.queries) {
      rows.push([
        `query: ${q.name}`,
        `p50 ${q.p50} ms, p99 ${q.p99} ms, ${q.rps} req/s; 1 conn: p50 ${q.oneConnection.p50} ms${q.answered ? '' : ' (NOT ANSWERED)'}`,
        '__typename',
        `${q.throughputVsBaseline}`,
        q.name.startsWith('counties') ? 'p50 (1 conn) ≤ 10, ≥ 0.25, p99 ≤ 100' : q.name.startsWith('typename') ? '' : 'p99 ≤ 100',
        q.name.startsWith('typename')
          ? ''
          : yes(
              q.name.startsWith('counties')
                ? q.oneConnection.p50 <= 10 && q.throughputVsBaseline >= 0.25 && q.p99 <= 100 && q.answered
                : q.p99 <= 100 && q.answered,
            ),
      ]);
    }
  }
  if (r.batching) {
    rows.push([
      'batching: jurisdiction page',
      `${r.batching.jurisdictionPage.size10} → ${r.batching.jurisdictionPage.size100} store calls`,
      'page 10 → 100',
      '',
      'constant',
      yes(r.batching.jurisdictionPage.constant),
    ]);
    rows.push([
      'batching: jurisdiction list',
      `${r.batching.jurisdictionList.size10} → ${r.batching.jurisdictionList.size100} store calls`,
      `${r.batching.jurisdictionList.results10} → ${r.batching.jurisdictionList.results100} results`,
      '',
      'constant',
      yes(r.batching.jurisdictionList.constant),
    ]);
  }
  if (r.load) {
    const l = r.load;
    rows.push([
      'load (mixed)',
      `${l.requests} requests, ${l.rps} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms, errors ${l.errors}+${l.serverErrors}`,
      `${l.connections} conns, ${l.durationSeconds} s`,
      `RSS ${l.memoryAfterWarmup.rssMiB} → ${l.memoryAfterRun.rssMiB} MiB (${round(l.rssGrowth * 100, 1)} %)`,
      '0 errors, memory growth ≤ 10 %',
      yes(l.met),
    ]);
  }
  if (r.ingestReaders) {
    const c = r.ingestReaders;
    const reads = c.underReaders.reads;
    rows.push([
      `ingest of ${c.reports - c.preloaded} reports under ${c.connections} readers`,
      `${c.underReaders.reportsPerSecond} reports/s; ${reads.requests} reads (${reads.perSecond}/s), p50 ${round(reads.p50Ms, 1)} ms, p99 ${round(reads.p99Ms, 1)} ms, max ${round(reads.maxMs, 0)} ms, errors ${reads.errors}+${c.underReaders.serverErrors}`,
      `alone ${c.alone.reportsPerSecond} reports/s`,
      `${c.ingestRateRatio}; ${reads.ghostRows} ghost rows, ${reads.countMismatches} count mismatches`,
      'ingest ≥ 0.5, read p99 ≤ 200 ms, 0 errors',
      yes(c.met),
    ]);
  }
  if (r.hostile?.contention) {
    const c = r.hostile.contention;
    rows.push([
      `writes under ${c.connections} readers`,
      `${c.writesUnderReaders.perSecond} writes/s (p50 ${c.writesUnderReaders.p50Ms} ms, p99 ${c.writesUnderReaders.p99Ms} ms); reads p50 ${round(c.readers.p50Ms, 1)} ms, p99 ${round(c.readers.p99Ms, 1)} ms`,
      `alone ${c.writesAlone.perSecond} writes/s`,
      `${c.writeRateRatio}; ${c.readers.ghostRows} ghost rows, ${c.readers.countMismatches} count mismatches in ${c.readers.requests} answers`,
      '≥ 0.5, 0 ghosts, 0 mismatches',
      yes(c.met),
    ]);
  }
  if (r.hostile?.budget) {
    const b = r.hostile.budget;
    rows.push([
      `250 × text on reports(first: 100)`,
      `alone ${b.alone.status} ${b.alone.bytes} B in ${b.alone.ms} ms; 3 at once ${b.threeAtOnce.statuses.join('/')} (/healthz ${b.threeAtOnce.healthzMs} ms); batch of 10 ${b.batchOfTen.status}`,
      `page of 100 texts ${b.legitimatePageOf100Texts.status}, ${mbOf(b.legitimatePageOf100Texts.bytes)}`,
      `RSS ${b.alone.rssBeforeMiB} → ${b.batchOfTen.rssAfterMiB} MiB`,
      'refused before it runs, RSS flat',
      yes(b.alone.status === 400 && b.batchOfTen.status === 400 && b.legitimatePageOf100Texts.status === 200),
    ]);
  }
  if (r.hostile?.http) {
    const { uploads: u, slowBody: slow, anonymousExport: a, tokenExport: t } = r.hostile.http;
    rows.push([
      `${u.uploads} anonymous ${u.announcedMiB} MB uploads at once`,
      `${JSON.stringify(u.statuses)} in ${u.msUntilAllAnsweredAndClosed} ms, server RSS +${u.rssPeakGrowthMiB} MiB`,
      '',
      `${u.sentMiBTotal} MiB reached the sockets`,
      'refused from the headers, unread',
      yes(Object.keys(u.statuses).every((s) => s === '401')),
    ]);
    rows.push([
      'slow body (1 byte / 5 s)',
      slow.closedByServer ? `${slow.status} and closed after ${slow.msUntilClosed} ms` : 'still open at the limit',
      '',
      '',
      'closed at the request timeout (60 s)',
      yes(slow.closedByServer),
    ]);
    rows.push([
      `${a.clients} whole-graph exports at once`,
      `anonymous ${JSON.stringify(a.statuses)} in ${a.msUntilAllAnswered} ms${t ? `; with the token ${JSON.stringify(t.statuses)}, ${t.servedMiB} MB each in ${t.msPerServedExport} ms, RSS +${t.rssPeakGrowthMiB} MiB` : ''}`,
      '',
      '',
      'capped without the token; 2 at once',
      yes(!('200' in a.statuses) && (!t || (t.statuses['200'] ?? 0) <= 2)),
    ]);
  }
  if (r.hostile?.files) {
    const f = r.hostile.files;
    rows.push([
      'zip bomb .docx (1.4 MB → 400 MB)',
      `reader ${f.reader.secondsToVerdict} s (+${f.reader.peakRssGrowthMiB} MiB), upload ${f.upload.secondsToVerdict} s, pipeline ${f.pipeline.secondsToVerdict} s`,
      `pipeline with one real report ${f.pipeline.baselineOneReportSeconds} s`,
      `hanging file stopped at ${f.hangingFile.secondsToVerdict} s (budget ${f.hangingFile.budgetSeconds} s)`,
      'refused < 1 s; stopped at its budget',
      yes(f.met),
    ]);
  }
  if (r.hostile?.lock) {
    const { pidNamespaceRestarts: p, staleLockRace: race, diskFull: d } = r.hostile.lock;
    rows.push([
      'kill and restart in a fresh PID namespace',
      p.skipped ?? `${p.opened}/${p.restarts} reopened (${p.samePidAsTheDeadHolder} with the dead holder's PID), ${p.reportsLost} reports lost`,
      '',
      p.skipped ? '' : `median reopen ${p.openMsMedian} ms`,
      'every restart opens, nothing lost',
      p.skipped ? 'skipped' : yes(p.opened === p.restarts && p.reportsLost === 0),
    ]);
    rows.push([
      "racing for a dead holder's directory",
      `${race.roundsWithExactlyOneWinner}/${race.rounds} rounds of ${race.racers} with exactly one winner`,
      '',
      race.otherErrors.length ? `other errors: ${race.otherErrors.join('; ')}` : '',
      'one winner',
      yes(race.roundsWithExactlyOneWinner === race.rounds),
    ]);
    rows.push([
      '/readyz on a full disk',
      d.skipped ?? `${d.whenFull.status} after ${d.whenFull.ms} ms full, ${d.afterFreeing.status} ${d.afterFreeing.ms} ms after freeing`,
      '',
      '',
      '503 when full, 200 again',
      d.skipped ? 'skipped' : yes(d.whenFull.status === 503 && d.afterFreeing.status === 200),
    ]);
  }
  if (r.bulk) {
    const b = r.bulk;
    for (const run of b.runs)
      rows.push([
        `bulk CSV: ${run.reports} reports, ${run.workers} worker(s)`,
        `${run.seconds} s, ${run.reportsPerSecond} reports/s, peak RSS ${run.peakRssMiB} MiB`,
        '',
        `${run.nodes} nodes, ${run.relationships} relationships, ${run.gib} GiB`,
        '',
        '',
      ]);
    rows.push([
      `bulk CSV: ${b.cores} workers vs 1`,
      `×${b.speedup} (×${b.speedupSmall} at a tenth)`,
      '1 worker, same corpus',
      `peak RSS ${b.peakRssMiB} MiB, ×${b.rssGrowth} from a tenth of the corpus`,
      '≥ 1.5×, ≤ 1 GiB, bounded (≤ 1.25×)',
      yes(b.met),
    ]);
  }
  if (r.ask) {
    const a = r.ask;
    rows.push([
      `ask: ${a.answered} of ${a.questions} questions answered`,
      `beyond the query: p50 ${a.extraMs.p50}, p99 ${a.extraMs.p99}, max ${a.extraMs.max} ms`,
      'the same query sent directly, same run',
      `reading alone: p50 ${a.readMs.p50}, p99 ${a.readMs.p99} ms`,
      '< 50 ms',
      yes(a.met),
    ]);
  }
  if (r.scale) {
    const s = r.scale;
    const t = SCALE_TARGETS;
    rows.push([
      `scale: ingest of ${s.reports} reports`,
      `${s.ingestSeconds} s, ${s.reportsPerSecond} reports/s (${s.failedOrRefused} failed or refused)`,
      `${s.workers} worker(s)`,
      '',
      `≥ ${t.reportsPerSecond} reports/s (${round(s.reports / t.reportsPerSecond, 0)} s)`,
      yes(s.targets.rate),
    ]);
    rows.push([
      'scale: peak RSS while ingesting',
      `${s.peakRssMiB} MiB`,
      '',
      `process peak ${s.maxRssMiB} MiB (cold queries included); RSS by tenth ${s.tenths.map((x: { rssMiB: number }) => x.rssMiB).join(' → ')} MiB`,
      `≤ ${t.peakRssMiB} MiB`,
      yes(s.targets.peakRss),
    ]);
    rows.push([
      'scale: write ms/report by tenth (median)',
      s.tenths.map((x: { writeMsMedian: number }) => x.writeMsMedian).join(' → '),
      'first tenth',
      `×${s.writeGrowth}`,
      `last ≤ ${t.writeGrowth}× first`,
      yes(s.targets.writeFlat),
    ]);
    for (const q of s.queries) {
      const errors = q.checkpoint.errors + q.end.errors;
      const empty = q.checkpoint.empty + q.end.empty;
      rows.push([
        `scale: ${q.name}, cold`,
        `@${s.checkpoint}: p50 ${q.checkpoint.p50Ms}, p99 ${q.checkpoint.p99Ms} ms; @${s.reports}: p50 ${q.end.p50Ms}, p99 ${q.end.p99Ms} ms${empty ? `; ${empty} of ${q.checkpoint.samples + q.end.samples} found nothing` : ''}${errors ? ` (${errors} NOT ANSWERED: ${q.end.error ?? q.checkpoint.error})` : ''}`,
        `@${s.checkpoint}`,
        `p50 ×${q.p50Growth} (p99 ×${q.p99Growth})`,
        `p99 ≤ ${t.coldP99Ms} ms; p50 ≤ ${t.coldGrowth}×`,
        `p99 ${yes(q.p99Met)}, growth ${yes(q.growthMet)}`,
      ]);
    }
  }
  const header = ['benchmark', 'result', 'baseline', 'ratio / detail', 'target', ''];
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const results = await runBench(options);
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatTable(results));
  console.log(`\nmachine: ${JSON.stringify(results.machine)}\nresults: ${options.out} (${results.durationSeconds} s)`);
  // worker threads of autocannon and the store's native handles must not keep the process alive
  process.exit(0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
