// A smoke run of the benchmarks (issue 7): a few generated reports through
// every section in a tiny configuration, checking that it runs and that the
// JSON has its shape with finite, positive figures. No timing assertions:
// `npm run bench` measures; this only proves it still works.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/corpus.js';
import { formatTable, parseBenchArgs, runBench } from '../../../bench/run.js';
import { extractReport } from '../../../src/extract/index.js';

const dir = mkdtempSync(join(tmpdir(), 'govgraph-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const positive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;

/** What the smoke run reads of runBench's results (bench/run.ts returns them as untyped JSON): the figures it checks are finite and positive stay unknown. */
interface BenchResults {
  extract: { extractMBps: unknown; jiebaMBps: unknown; ratio: unknown };
  linearity: { kinds: { points: { chars: unknown; ms: unknown }[] }[] };
  bulk: { runs: Array<{ reports: number; notWritten: number; reportsPerSecond: number; peakRssMiB: number; relationships: number }> };
  ingest: { ingested: unknown; wallSeconds: unknown; reportsPerSecond: unknown; peakRssMiB: unknown; checkpoints: unknown[] };
  query: {
    queries: {
      name: string;
      answered: unknown;
      error?: string;
      requests: unknown;
      rps: unknown;
      throughputVsBaseline: unknown;
      p50: unknown;
      p99: unknown;
      oneConnection: { rps: unknown; p50: unknown; errors: unknown };
    }[];
    targets: { countiesP50: { value: unknown; underLoad: unknown } };
  };
  batching: { jurisdictionPage: { size10: number } };
  scale: {
    ingested: number;
    reportsPerSecond: number;
    peakRssMiB: number;
    queries: Array<{ key: string; checkpoint: { samples: number; p50Ms: number; errors: number }; end: { samples: number; p50Ms: number; errors: number } }>;
  };
  growth: unknown;
  load: { requests: unknown; memoryAfterRun: { rssMiB: unknown }; errors: unknown; graphqlErrors: unknown };
}

describe('bench corpus', () => {
  it('is deterministic and extracts to the intended jurisdiction and year', () => {
    const a = generateCorpus({ reports: 12, out: join(dir, 'a'), seed: 5 });
    const b = generateCorpus({ reports: 12, out: join(dir, 'b'), seed: 5 });
    expect(a).toEqual(b);
    expect(readFileSync(join(dir, 'a', a[3].file), 'utf8')).toBe(readFileSync(join(dir, 'b', b[3].file), 'utf8'));
    let right = 0;
    for (const entry of a) {
      const graph = extractReport(readFileSync(join(dir, 'a', entry.file), 'utf8'));
      if (graph.jurisdiction?.adminCode === entry.code && graph.year === entry.year) right++;
      expect(graph.initiatives.length).toBeGreaterThan(3);
      expect(graph.regulations.length).toBeGreaterThan(2);
    }
    expect(right).toBeGreaterThanOrEqual(10);
  });

  it('has the degree distribution of real reports: a few regulations cited by most reports, a long tail cited once', () => {
    const entries = generateCorpus({ reports: 80, out: join(dir, 'degrees'), seed: 3 });
    const citing = new Map<string, number>();
    for (const entry of entries) {
      for (const r of extractReport(readFileSync(join(dir, 'degrees', entry.file), 'utf8')).regulations) citing.set(r.title, (citing.get(r.title) ?? 0) + 1);
    }
    const counts = [...citing.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(entries.length / 2); // a hub
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(counts.length / 2); // the long tail
  });
});

describe('npm run bench (smoke)', () => {
  // all but the hostile-client section: its parts wait out real timeouts (a slow body, kills and restarts) and each has its own tests
  it('runs every section on a few reports and writes finite, positive figures', async () => {
    const options = parseBenchArgs([
      '--only',
      'extract,linearity,ingest,query,batching,load,bulk,scale',
      '--reports',
      '12',
      '--corpus',
      join(dir, 'c'),
      '--duration',
      '1',
      '--connections',
      '2',
      '--load-duration',
      '1',
      '--load-warmup',
      '1',
      '--load-connections',
      '2',
      '--scale-reports',
      '12',
      '--scale-checkpoint',
      '6',
      '--scale-samples',
      '2',
      '--linearity-max',
      '10',
      '--extract-sample',
      '6',
      '--workers',
      '1',
      '--bulk-reports',
      '20',
      '--bulk-corpus',
      join(dir, 'bulk'),
      '--quiet',
    ]);
    const r = (await runBench(options)) as unknown as BenchResults;
    expect(positive(r.extract.extractMBps) && positive(r.extract.jiebaMBps) && positive(r.extract.ratio)).toBe(true);
    for (const k of r.linearity.kinds) {
      expect(k.points).toHaveLength(2);
      expect(k.points.every((p) => positive(p.chars) && positive(p.ms))).toBe(true);
    }
    expect(r.ingest.ingested).toBe(12);
    expect(positive(r.ingest.wallSeconds) && positive(r.ingest.reportsPerSecond) && positive(r.ingest.peakRssMiB)).toBe(true);
    expect(r.ingest.checkpoints.length).toBeGreaterThanOrEqual(2);
    expect(r.query.queries.map((q) => q.name)).toEqual([
      'typename (baseline)',
      'counties citing 三项制度',
      'jurisdiction page',
      'co-citation top 10',
      'similar jurisdictions top 10',
      'subgraph depth 2, 200 nodes',
      'search, first 20',
    ]);
    for (const q of r.query.queries) {
      expect(q.answered, `${q.name}: ${q.error ?? ''}`).toBe(true);
      expect(positive(q.requests) && positive(q.rps) && positive(q.throughputVsBaseline)).toBe(true);
      expect(Number.isFinite(q.p50) && Number.isFinite(q.p99)).toBe(true);
      // the latency on one connection, beside the figures under load
      expect(positive(q.oneConnection.rps) && Number.isFinite(q.oneConnection.p50)).toBe(true);
      expect(q.oneConnection.errors).toBe(0);
    }
    expect(r.query.targets.countiesP50.value).toBe(r.query.queries[1].oneConnection.p50);
    expect(r.query.targets.countiesP50.underLoad).toBe(r.query.queries[1].p50);
    expect(r.batching.jurisdictionPage.size10).toBeGreaterThan(0);
    // the scale section, small: every query of the table but the baseline, timed cold at both points, answered
    expect(r.scale.ingested).toBe(12);
    expect(positive(r.scale.reportsPerSecond) && positive(r.scale.peakRssMiB)).toBe(true);
    expect(r.scale.queries.map((q) => q.key)).toEqual(['counties', 'jurisdiction', 'cocitation', 'similar', 'subgraph', 'search']);
    for (const q of r.scale.queries) {
      for (const point of [q.checkpoint, q.end]) {
        expect(point.samples, q.key).toBe(2);
        expect(point.errors, q.key).toBe(0);
        expect(Number.isFinite(point.p50Ms), q.key).toBe(true);
      }
    }
    expect(r.growth).toHaveLength(r.ingest.checkpoints.length);
    expect(positive(r.load.requests) && positive(r.load.memoryAfterRun.rssMiB)).toBe(true);
    expect(r.load.errors).toBe(0);
    // GraphQL errors inside 200 responses are counted (none here), not taken for successes
    expect(r.load.graphqlErrors).toBe(0);
    // the bulk CSV section: a tenth of the corpus and all of it, with one worker and with every core, each run whole
    expect(r.bulk.runs.map((run) => run.reports)).toEqual([2, 2, 20, 20]);
    expect(r.bulk.runs.every((run) => run.notWritten === 0 && positive(run.reportsPerSecond) && positive(run.peakRssMiB) && positive(run.relationships))).toBe(
      true,
    );
    expect(formatTable(r)).toContain('| extraction |');
    expect(formatTable(r)).toContain('| bulk CSV: 20 reports, 1 worker(s) |');
  }, 120_000);
});
