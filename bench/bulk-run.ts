// One bulk CSV run (govgraph ingest --to-csv, without the command's progress
// output) in a process of its own, so that its peak RSS is its own. Prints
// one JSON line. Run by bench/bulk.ts:
//   node --import tsx bench/bulk-run.ts CORPUS_DIR REPORTS WORKERS OUT_DIR
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BulkCsvWriter } from '../src/export/bulk-csv.js';
import { EXTRACTOR_VERSION } from '../src/extract/index.js';
import { ingestFiles } from '../src/ingest/pipeline.js';
import type { CorpusEntry } from './corpus.js';

const [corpusDir, reports, workers, out] = process.argv.slice(2);
const { entries } = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')) as { entries: CorpusEntry[] };
const files = entries.slice(0, Number(reports)).map((e) => join(corpusDir, e.file));
const started = performance.now();
const writer = BulkCsvWriter.open(out, EXTRACTOR_VERSION);
const summary = await ingestFiles(writer, files, { workers: Number(workers) });
const csv = await writer.finish();
const seconds = (performance.now() - started) / 1000;
const bytes = csv.files.reduce((sum, f) => sum + statSync(join(out, f.file)).size, 0);
process.stdout.write(
  `${JSON.stringify({
    reports: summary.created,
    notWritten: summary.files - summary.created,
    workers: summary.workers,
    seconds,
    // resourceUsage's maxRSS is in KiB and covers the worker threads (one process)
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    nodes: csv.nodes,
    relationships: csv.relationships,
    files: csv.files.length,
    bytes,
  })}\n`,
);
