// What one report file may cost to read, stated once. Every limit is far
// above what a real report reaches (a report is a few hundred KB of text, a
// .docx of one unpacks to well under 10 MB, a PDF of one has under 200
// pages) and low enough that a hostile file (a zip bomb, a PDF of a million
// pages, a reader that never returns) is refused quickly with memory bounded.
import { RefusedInput } from './refused.js';

const MiB = 1024 * 1024;

/**
 * The largest report text the store takes: the embedded store (Grafeo)
 * refuses a property over 16 MiB of UTF-8, and a report's text is one
 * property. A text over it is refused when it is read, before extraction.
 */
export const MAX_TEXT_BYTES = 16 * MiB;

/**
 * The file size limit when none is configured (GOVGRAPH_MAX_FILE_MB,
 * --max-size), in MB: the store's text limit, so a plain-text file under it
 * is never refused by the store (a text that decodes to more, GBK to UTF-8,
 * is refused by MAX_TEXT_BYTES with its reason).
 */
export const DEFAULT_MAX_FILE_MB = MAX_TEXT_BYTES / MiB;
export const DEFAULT_MAX_FILE_BYTES = DEFAULT_MAX_FILE_MB * MiB;

/** Entries of a .docx (a real one has 10 to a few hundred: parts, images, fonts). */
export const DOCX_MAX_ENTRIES = 5_000;
/** Bytes a .docx may unpack to, counted as they are inflated. */
export const DOCX_MAX_UNPACKED_BYTES = 64 * MiB;
/** Pages of a PDF: more is refused, not read in part (a report with its annexes runs to a few hundred). */
export const PDF_MAX_PAGES = 2_000;
/** Time to read and extract one file on a worker thread; past it the worker is stopped and the file fails. */
export const FILE_TIME_BUDGET_MS = 60_000;
/** The heap of an extraction worker, in MB: the extractor needs a few hundred MB on a text at MAX_TEXT_BYTES. */
export const WORKER_HEAP_MB = 1_024;

/** What reading one file may cost; each field defaults to the constant above (tests lower them). */
export interface FileLimits {
  maxTextBytes: number;
  docxMaxEntries: number;
  docxMaxUnpackedBytes: number;
  pdfMaxPages: number;
}

export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxTextBytes: MAX_TEXT_BYTES,
  docxMaxEntries: DOCX_MAX_ENTRIES,
  docxMaxUnpackedBytes: DOCX_MAX_UNPACKED_BYTES,
  pdfMaxPages: PDF_MAX_PAGES,
};

export function fileLimits(overrides?: Partial<FileLimits>): FileLimits {
  return { ...DEFAULT_FILE_LIMITS, ...overrides };
}

/** "16 MB", "512 bytes": sizes in messages, in MiB as the limits are. */
export function formatSize(bytes: number): string {
  return bytes >= MiB ? `${Number((bytes / MiB).toFixed(1))} MB` : `${bytes} bytes`;
}

/** Refuses a text the store would not take; `what` names where it came from ("the file's text"). */
export function checkTextSize(text: string, maxTextBytes: number, what = 'the text read from the file'): void {
  // a string has at most 3 UTF-8 bytes per UTF-16 unit: most texts are passed without counting
  if (text.length * 3 <= maxTextBytes) return;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxTextBytes) {
    throw new RefusedInput(`${what} is ${formatSize(bytes)} (UTF-8), over the ${formatSize(maxTextBytes)} the store takes for one report`);
  }
}
