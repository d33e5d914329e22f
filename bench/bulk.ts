// The national path into Neo4j (govgraph ingest --to-csv): a corpus to the
// files neo4j-admin imports, at two sizes a tenth apart, each with one
// extraction worker (the baseline) and with every core. Each run is a process
// of its own (bench/bulk-run.ts), so its peak RSS is its own; the files are
// deleted after each run (100,000 reports make ~5 GB of CSV).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { round } from './stats.js';

export interface BulkRun {
  reports: number;
  workers: number;
  seconds: number;
  reportsPerSecond: number;
  peakRssMiB: number;
  nodes: number;
  relationships: number;
  gib: number;
  notWritten: number;
}

const RUNNER = fileURLToPath(new URL('./bulk-run.ts', import.meta.url));

function bulkRun(corpusDir: string, reports: number, workers: number): BulkRun {
  const out = join(mkdtempSync(join(tmpdir(), 'govgraph-bench-bulk-')), 'csv');
  try {
    const child = spawnSync(process.execPath, ['--import', 'tsx', RUNNER, corpusDir, String(reports), String(workers), out], {
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0)
      throw new Error(`the bulk run of ${reports} reports with ${workers} worker(s) failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
    return {
      reports: r.reports,
      workers: r.workers,
      seconds: round(r.seconds, 1),
      reportsPerSecond: round(r.reports / r.seconds, 1),
      peakRssMiB: round(r.peakRssMiB, 0),
      nodes: r.nodes,
      relationships: r.relationships,
      gib: round(r.bytes / 1024 ** 3, 2),
      notWritten: r.notWritten,
    };
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
}

/** Runs both sizes with one worker and with all cores; `log` reports progress. */
export function bulkSection(corpusDir: string, largest: number, log: (message: string) => void) {
  const cores = availableParallelism();
  const sizes = [Math.max(1, Math.round(largest / 10)), largest];
  const runs: BulkRun[] = [];
  for (const reports of sizes) {
    for (const workers of [1, cores]) {
      log(`bulk CSV: ${reports} reports, ${workers} worker(s)`);
      runs.push(bulkRun(corpusDir, reports, workers));
    }
  }
  const at = (reports: number, workers: number) => runs.find((r) => r.reports === reports && r.workers === workers)!;
  const [small, large] = sizes;
  const speedup = round(at(large, cores).reportsPerSecond / at(large, 1).reportsPerSecond, 2);
  const speedupSmall = round(at(small, cores).reportsPerSecond / at(small, 1).reportsPerSecond, 2);
  const peak = Math.max(...runs.map((r) => r.peakRssMiB));
  // bounded: the largest corpus costs about what a tenth of it costs
  const rssGrowth = round(at(large, cores).peakRssMiB / at(small, cores).peakRssMiB, 2);
  return {
    cores,
    runs,
    speedup,
    speedupSmall,
    peakRssMiB: peak,
    rssGrowth,
    met: speedup >= 1.5 && peak <= 1024 && rssGrowth <= 1.25 && runs.every((r) => r.notWritten === 0),
  };
}
