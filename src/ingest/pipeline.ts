// The ingest pipeline for a list of paths: read → extract → store, one file
// at a time. A file that cannot be read, is not a report or fails to store is
// recorded with its reason and the others go on; each report is written in
// one transaction, so a failure never leaves half a report behind.
import { relative } from 'node:path';
import { EXTRACTOR_VERSION, extractReport, NotAReportError } from '../extract/index.js';
import type { GraphStore, UpsertOutcome } from '../store/types.js';
import { listInputFiles } from './files.js';
import { readReportFile, RefusedInput } from './read.js';

export interface FileOutcome {
  file: string;
  status: UpsertOutcome | 'refused' | 'failed' | 'extracted';
  reportId?: string;
  reason?: string;
}

export interface IngestSummary {
  files: number;
  created: number;
  replaced: number;
  unchanged: number;
  refused: FileOutcome[];
  failed: FileOutcome[];
}

export interface IngestOptions {
  /** Extract without writing. */
  dryRun?: boolean;
  /** Called after every file. */
  onFile?: (outcome: FileOutcome, done: number) => void;
}

export async function ingestPaths(store: GraphStore | null, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { files: 0, created: 0, replaced: 0, unchanged: 0, refused: [], failed: [] };
  for (const file of listInputFiles(paths)) {
    const outcome = await ingestFile(store, file, options);
    summary.files++;
    if (outcome.status === 'refused') summary.refused.push(outcome);
    else if (outcome.status === 'failed') summary.failed.push(outcome);
    else if (outcome.status !== 'extracted') summary[outcome.status]++;
    options.onFile?.(outcome, summary.files);
  }
  return summary;
}

async function ingestFile(store: GraphStore | null, file: string, options: IngestOptions): Promise<FileOutcome> {
  const shown = relative(process.cwd(), file) || file;
  let graph;
  try {
    graph = extractReport(readReportFile(file), { file: shown });
  } catch (error) {
    if (error instanceof RefusedInput || error instanceof NotAReportError) {
      return { file: shown, status: 'refused', reason: error.message };
    }
    const reason = (error as NodeJS.ErrnoException).code ? `cannot read the file: ${(error as Error).message}` : `extraction failed: ${(error as Error).message}`;
    return { file: shown, status: 'failed', reason };
  }
  if (options.dryRun || !store) return { file: shown, status: 'extracted', reportId: graph.reportId };
  try {
    const status = await store.upsertReport(graph, { extractorVersion: EXTRACTOR_VERSION, file: shown });
    return { file: shown, status, reportId: graph.reportId };
  } catch (error) {
    return { file: shown, status: 'failed', reportId: graph.reportId, reason: (error as Error).message };
  }
}
