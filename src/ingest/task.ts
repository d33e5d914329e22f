// One unit of extraction work and its result, as it crosses to and from a
// worker thread (structured-clone-safe plain objects). The classification of
// errors lives here so that in-process and worker runs say the same thing.
import { NotAReportError } from '../extract/index.js';
import type { ReportGraph } from '../extract/types.js';
import { renderReport, type RenderAcknowledgement, type RenderedReport, type RenderRequest } from '../export/bulk-csv.js';
import { SharedSeen } from '../export/shared-seen.js';
import type { FileLimits } from './limits.js';
import { RefusedInput } from './refused.js';
import { extractBytes, extractFile } from './report.js';

export interface ExtractTask {
  /** Path to read; or, for an upload, its bytes (moved to the worker, not copied). */
  path?: string;
  bytes?: Uint8Array;
  /** The source file recorded in the report (for a path, absolute); for bytes, the name whose extension tells the format. */
  file: string;
  /** The page's address, when the caller knows it (an upload's `url`); a page's own comes first. */
  url?: string;
  maxBytes: number;
  /** Lower caps than limits.ts's (tests). */
  limits?: Partial<FileLimits>;
  /** Hand on the report rendered for its target (the bulk CSV lines), made where it was extracted (on the worker), instead of its graph. */
  render?: RenderRequest;
}

/**
 * A report as extraction hands it on: its graph, or, when the task asked for
 * a rendering, only that (what a bulk target writes; the graph would be
 * copied across threads for nothing).
 */
export type ExtractedReport = { graph: ReportGraph } | { rendered: RenderedReport };

/** The id of an extracted report, whichever form it came in. */
export const extractedReportId = (report: ExtractedReport): string => ('graph' in report ? report.graph.reportId : report.rendered.reportId);

/**
 * `refusedBy`: the file (RefusedInput: unreadable, over a limit) or its text
 * (NotAReportError); `workerLost`: the worker crashed, ran out of its heap or
 * was stopped at the time budget (set by the pool).
 */
export type ExtractResult =
  | ({ ok: true; format: string; encoding?: string } & ExtractedReport)
  | { ok: false; status: 'refused' | 'failed'; reason: string; refusedBy?: 'file' | 'text'; workerLost?: true };

/**
 * What the writer has taken in of the current bulk run's shared elements from
 * this extraction worker (shared-seen.ts): a worker renders for one run at a
 * time, its tasks one by one in the order they were listed. Only on a worker
 * (worker.ts says so): in-process extraction reads several files at once and
 * renders them out of their order, and has no copies across threads to spare.
 */
let onExtractionWorker = false;
let bulkRun: { run: string; within: SharedSeen } | null = null;
function seenIn(run: string): { run: string; within: SharedSeen } | undefined {
  if (!onExtractionWorker) return undefined;
  if (bulkRun?.run !== run) bulkRun = { run, within: new SharedSeen() };
  return bulkRun;
}

/** Called by the extraction worker's script: this thread takes tasks one at a time, in the order they are listed. */
export function serveAsExtractionWorker(): void {
  onExtractionWorker = true;
}

/** The writer's answer for a report this thread rendered (see RenderedReport.acknowledge). */
export function acknowledgeRendered(answer: RenderAcknowledgement): void {
  if (bulkRun?.run === answer.run) bulkRun.within.acknowledge(answer.token, Boolean(answer.merged));
}

export async function runExtractTask(task: ExtractTask): Promise<ExtractResult> {
  try {
    const options = { maxBytes: task.maxBytes, limits: task.limits, ...(task.url ? { url: task.url } : {}) };
    const { graph, format, encoding } = task.bytes
      ? await extractBytes(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.file, options)
      : await extractFile(task.path!, { ...options, file: task.file });
    const report: ExtractedReport = task.render
      ? { rendered: renderReport(graph, { extractorVersion: task.render.extractorVersion, file: task.file }, seenIn(task.render.run)) }
      : { graph };
    return { ok: true, format, ...(encoding ? { encoding } : {}), ...report };
  } catch (error) {
    if (error instanceof RefusedInput) return { ok: false, status: 'refused', reason: error.message, refusedBy: 'file' };
    if (error instanceof NotAReportError) return { ok: false, status: 'refused', reason: error.message, refusedBy: 'text' };
    const err = error as NodeJS.ErrnoException;
    if (err.code) return { ok: false, status: 'failed', reason: `cannot read the file: ${err.message}` };
    return { ok: false, status: 'failed', reason: `extraction failed: ${err?.message ?? String(error)}` };
  }
}
