// govgraph ingest PATH... — read, extract (on worker threads) and store
// reports. On a terminal: a progress bar (count, rate, ETA) with refused and
// failed files printed above it; otherwise one plain line per file. Both on
// stderr; the summary at the end (stdout with --json).
import cliProgress from 'cli-progress';
import { countInputFiles, describeSkipped, noSkippedFiles, nothingFoundMessage } from '../../ingest/files.js';
import { SUPPORTED_LIST } from '../../ingest/formats.js';
import { ingestPaths, type FileOutcome, type IngestSummary } from '../../ingest/pipeline.js';
import { defaultWorkerCount } from '../../ingest/pool.js';
import { DOCX_MAX_UNPACKED_BYTES, FILE_TIME_BUDGET_MS, formatSize, MAX_TEXT_BYTES, PDF_MAX_PAGES } from '../../ingest/limits.js';
import { DEFAULT_MAX_FILE_MB } from '../../ingest/read.js';
import { describeStore, openStore } from '../../store/open.js';
import { EXTRACTOR_VERSION } from '../../extract/index.js';
import { BulkCsvWriter, type BulkCsvSummary } from '../../export/bulk-csv.js';
import { ExportInputError, IMPORT_FILE } from '../../export/index.js';
import { availableParallelism } from 'node:os';
import type { Config } from '../config.js';
import { inputFilesAndLimit, parse } from '../args.js';
import { UsageError } from '../errors.js';

export const help = `Usage: govgraph ingest [options] PATH...

Reads report files, extracts them and writes each report to the store in one
transaction (all of it or nothing). PATH is a file, a directory (read
recursively) or a glob ('archive/**/*.pdf', quoted so that govgraph expands
it). A report already in the store with the same text and extractor version
is skipped and reported as unchanged, so re-running on a folder is cheap.

Formats: ${SUPPORTED_LIST}.
  Text encodings are detected (UTF-8 with or without BOM, GBK/GB18030,
  UTF-16, Big5); an HTML page is read in its declared charset and reduced to
  its article (title, publication date and source URL are kept); a PDF must
  have a text layer. Directories (symbolic links followed) yield these and
  the document formats that are refused with a hint (.doc, .wps, images…);
  other files in them are not read but counted in the summary by extension
  ("3 other file(s) not read (.md 1, …)"); hidden files (.name) are passed over.
Refused, with the reason: empty, binary, too large, undecodable or
  unsupported files, PDFs without text (scans), files that would cost more
  to read than a report can (a .docx unpacking to more than ${formatSize(DOCX_MAX_UNPACKED_BYTES)}, a PDF
  of more than ${PDF_MAX_PAGES} pages, a text over the store's ${formatSize(MAX_TEXT_BYTES)} per report), and texts
  that are not reports (too little Chinese text or governance vocabulary; or
  no report title and no numbered section, or the title of a notice or a news
  item). A file that takes longer than ${FILE_TIME_BUDGET_MS / 1000} s to read and extract fails; its
  worker is stopped and replaced.

Options:
  --dry-run        extract only, write nothing (no store is opened)
  --to-csv DIR     write no store: write the files \`neo4j-admin database import\`
                   reads into DIR (new or empty), straight from extraction, for a
                   corpus too large to pass through a store (see the README,
                   "A national corpus into Neo4j"); extraction then uses every
                   core (default --workers ${availableParallelism()})
  --json           print the summary as JSON on stdout
  --max-size MB    refuse files larger than this (default: GOVGRAPH_MAX_FILE_MB or ${DEFAULT_MAX_FILE_MB})
  --workers N      extraction worker threads (default: CPUs - 1, at least 1; here ${defaultWorkerCount()})
  -h, --help       this help

Output: a progress bar on a terminal (files done/total, rate, ETA), else one
line per file on stderr; then the summary: ingested (created, replaced),
unchanged, refused with reasons, failed with reasons, other files not read.

Store (without --to-csv): Neo4j when NEO4J_URI is set, else the embedded store in GOVGRAPH_DATA
(default ./data).
Exit code: 0 all ingested or unchanged (other files in directories, not read,
do not count), 1 some refused or failed, 2 usage error, including paths that
hold no report file at all (an empty directory, as a glob that matches nothing).`;

export function formatOutcome(outcome: FileOutcome): string {
  const twins = outcome.sameIssuerAndYear?.length ? ` (possible duplicate: same jurisdiction, issuer and year as ${outcome.sameIssuerAndYear.join(', ')})` : '';
  return `${outcome.status.padEnd(9)} ${outcome.file}${outcome.reason ? `: ${outcome.reason}` : ''}${twins}`;
}

/** The summary of a run; `toCsv`: of a run into CSV files, where nothing is stored or replaced. */
export function formatSummary(s: IngestSummary, toCsv = false): string {
  const parts = toCsv
    ? [`${s.created} written to CSV`, `${s.unchanged} skipped (the same report as an earlier file)`]
    : [`${s.ingested} ingested (${s.created} created, ${s.replaced} replaced)`, `${s.unchanged} unchanged (already stored, skipped)`];
  if (s.extracted) parts.unshift(`${s.extracted} extracted (dry run, nothing written)`);
  parts.push(`${s.refused.length} refused`, `${s.failed.length} failed`);
  const seconds = (s.durationMs / 1000).toFixed(1);
  const lines = [`${s.files} file(s) in ${seconds}s${s.workers ? ` on ${s.workers} worker thread(s)` : ''}: ${parts.join(', ')}`];
  for (const o of [...s.refused, ...s.failed]) lines.push(`  ${formatOutcome(o)}`);
  if (s.skipped?.count) lines.push(describeSkipped(s.skipped));
  if (s.possibleDuplicates.length) {
    lines.push(
      `${s.possibleDuplicates.length} possible duplicate(s): created, but another stored report has the same jurisdiction, issuer and year (the same report from another file? the deleteReport mutation removes one):`,
    );
    for (const o of s.possibleDuplicates) lines.push(`  ${o.file} ~ ${o.sameIssuerAndYear!.join(', ')}`);
  }
  return lines.join('\n');
}

function positiveInteger(raw: string, name: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1) throw new UsageError(`${name} must be a whole number of at least 1, not "${raw}"`);
  return n;
}

/** How a run reports each finished file; stop() ends a bar (before the summary is written). */
export interface ProgressReporter {
  onFile(outcome: FileOutcome, done: number): void;
  stop(): void;
}

/**
 * Progress on `stream`: a bar with count, rate and ETA when it is a terminal
 * (refused and failed files logged above it), else one plain line per file,
 * `[n/total] status file: reason`, which logs and pipes keep readable.
 */
export function progressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }, total: number): ProgressReporter {
  if (!stream.isTTY) {
    const width = String(total).length;
    return { onFile: (outcome, done) => void stream.write(`[${String(done).padStart(width)}/${total}] ${formatOutcome(outcome)}\n`), stop: () => {} };
  }
  const multibar = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: 'ingesting |{bar}| {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {file}',
      hideCursor: true,
      // the last frame (n/n, the rate, the time) stays on screen above the summary; it is also the one frame
      // a run shorter than the redraw interval is sure to show
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = multibar.create(total, 0, { rate: '0.0', file: '' });
  const started = Date.now();
  let stopped = false;
  return {
    onFile(outcome: FileOutcome, done: number) {
      if (outcome.status === 'refused' || outcome.status === 'failed') multibar.log(`${formatOutcome(outcome)}\n`);
      const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
      bar.update(done, { rate: rate.toFixed(1), file: outcome.file.length > 40 ? `…${outcome.file.slice(-39)}` : outcome.file });
    },
    // once: a second stop (the command's finally after its try) would move the cursor up over the summary
    stop: () => {
      if (stopped) return;
      stopped = true;
      multibar.stop();
    },
  };
}

export async function run(argv: string[], { store: config, maxFileBytes }: Config): Promise<number> {
  const { values, positionals } = parse(argv, {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    'max-size': { type: 'string' },
    workers: { type: 'string' },
    'to-csv': { type: 'string' },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  if (!positionals.length) throw new UsageError('ingest needs at least one PATH');
  const toCsv = values['to-csv'];
  if (toCsv !== undefined && values['dry-run']) throw new UsageError('--to-csv writes files and --dry-run writes nothing: give one of them');
  const maxBytes = inputFilesAndLimit(positionals, values['max-size'], maxFileBytes);
  // writing CSV lines leaves the main thread mostly idle, so extraction gets every core
  const workers =
    values.workers !== undefined ? positiveInteger(values.workers, '--workers') : toCsv !== undefined ? availableParallelism() : defaultWorkerCount();

  const skipped = noSkippedFiles();
  const total = countInputFiles(positionals, skipped);
  if (!total) throw new UsageError(nothingFoundMessage(positionals, skipped));
  if (toCsv !== undefined) return toCsvFiles(toCsv, positionals, total, { workers, maxBytes, json: Boolean(values.json) });
  const store = values['dry-run'] ? null : await openStore(config);
  process.stderr.write(
    store ? `ingesting ${total} file(s) into the ${describeStore(config)}\n` : `extracting ${total} file(s) (dry run: nothing is written)\n`,
  );
  const progress = progressReporter(process.stderr, total);
  try {
    const summary = await ingestPaths(store, positionals, { dryRun: Boolean(values['dry-run']), workers, maxBytes, onFile: progress.onFile });
    progress.stop();
    if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else process.stderr.write(`${formatSummary(summary)}\n`);
    return summary.refused.length || summary.failed.length ? 1 : 0;
  } finally {
    progress.stop();
    await store?.close();
  }
}

/** The CSV files' line of the summary: what was written where, and how to load it. */
export function formatBulkSummary(bulk: BulkCsvSummary): string {
  return `wrote ${bulk.files.length} files to ${bulk.dir}: ${bulk.nodes} nodes, ${bulk.relationships} relationships; load them with the command in ${IMPORT_FILE}`;
}

/** ingest --to-csv: the pipeline into BulkCsvWriter; on a failure that stops the run the partial files are removed. */
async function toCsvFiles(dir: string, paths: string[], total: number, options: { workers: number; maxBytes: number; json: boolean }): Promise<number> {
  let writer: BulkCsvWriter;
  try {
    writer = BulkCsvWriter.open(dir, EXTRACTOR_VERSION);
  } catch (error) {
    if (error instanceof ExportInputError) throw new UsageError(error.message);
    throw error;
  }
  process.stderr.write(`extracting ${total} file(s) into neo4j-admin CSV files in ${writer.dir}\n`);
  const progress = progressReporter(process.stderr, total);
  let done = false;
  try {
    const summary = await ingestPaths(writer, paths, {
      workers: options.workers,
      maxBytes: options.maxBytes,
      onFile: progress.onFile,
    });
    const bulk = await writer.finish();
    done = true;
    progress.stop();
    if (options.json) process.stdout.write(`${JSON.stringify({ ...summary, csv: bulk })}\n`);
    else process.stderr.write(`${formatSummary(summary, true)}\n${formatBulkSummary(bulk)}\n`);
    return summary.refused.length || summary.failed.length ? 1 : 0;
  } finally {
    progress.stop();
    if (!done) await writer.abort();
  }
}
