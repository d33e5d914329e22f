// One unit of extraction work and its result, as it crosses to and from a
// worker thread (structured-clone-safe plain objects). The classification of
// errors lives here so that in-process and worker runs say the same thing.
import { NotAReportError } from '../extract/index.js';
import type { ReportGraph } from '../extract/types.js';
import { RefusedInput } from './refused.js';
import { extractFile } from './report.js';

export interface ExtractTask {
  /** Path to read. */
  path: string;
  /** Path as shown and stored (relative to the working directory). */
  file: string;
  maxBytes: number;
}

export type ExtractResult = { ok: true; graph: ReportGraph; format: string; encoding?: string } | { ok: false; status: 'refused' | 'failed'; reason: string };

export async function runExtractTask(task: ExtractTask): Promise<ExtractResult> {
  try {
    const { graph, format, encoding } = await extractFile(task.path, { file: task.file, maxBytes: task.maxBytes });
    return { ok: true, graph, format, ...(encoding ? { encoding } : {}) };
  } catch (error) {
    if (error instanceof RefusedInput || error instanceof NotAReportError) return { ok: false, status: 'refused', reason: error.message };
    const err = error as NodeJS.ErrnoException;
    if (err.code) return { ok: false, status: 'failed', reason: `cannot read the file: ${err.message}` };
    return { ok: false, status: 'failed', reason: `extraction failed: ${err?.message ?? String(error)}` };
  }
}
