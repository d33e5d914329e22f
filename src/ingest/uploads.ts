// Files uploaded to the server (ingestReport) are read and extracted on a
// small pool of worker threads, as `govgraph ingest` reads files: with the
// same caps (limits.ts), the same time budget per file and a heap limit per
// worker, so a hostile upload costs a worker, never the server's main thread
// or its memory. The pool starts on the first upload; its idle workers do not
// keep the process alive, and closeUploadReaders() stops them on shutdown.
import { NotAReportError } from '../extract/index.js';
import type { ReportGraph } from '../extract/types.js';
import { ExtractPool } from './pool.js';
import { RefusedInput } from './refused.js';

/** Uploads read at once; more wait their turn (each is at most GOVGRAPH_MAX_FILE_MB). */
export const UPLOAD_READERS = 2;

let pool: ExtractPool | null = null;

/**
 * The report in an uploaded file. Throws RefusedInput (the file is unreadable,
 * over a limit, or its reading crashed, ran out of memory or out of time) or
 * NotAReportError (the text); anything else is a failure of the server's.
 * The bytes are moved to the worker: the caller must not use them after.
 */
export async function readUpload(bytes: Uint8Array, name: string, maxBytes: number, url?: string): Promise<ReportGraph> {
  pool ??= new ExtractPool(UPLOAD_READERS, { unref: true });
  const result = await pool.run({ bytes, file: name, maxBytes, ...(url ? { url } : {}) });
  if (result.ok) {
    if ('graph' in result) return result.graph;
    throw new Error('the upload reader rendered the report instead of extracting its graph');
  }
  if (result.refusedBy === 'text') {
    const error = new NotAReportError('');
    error.message = result.reason; // already "not a report: …"
    throw error;
  }
  if (result.refusedBy === 'file' || result.workerLost) throw new RefusedInput(result.reason);
  throw new Error(result.reason);
}

/** Thread ids of the upload readers started so far (diagnostics, tests). */
export function uploadReaderThreads(): readonly number[] {
  return pool?.threads ?? [];
}

/** Stops the upload readers; the next upload starts new ones. Call when the server closes. */
export async function closeUploadReaders(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.close();
}
