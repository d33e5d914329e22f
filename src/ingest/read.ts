// Reads one report file into text, whatever it came as: plain text in any
// encoding Chinese reports use, an HTML page, a Word .docx or a PDF with a
// text layer. Everything that cannot give report text is refused with a
// reason (RefusedInput): empty, too large, binary, undecodable, unsupported,
// a scan without text; and so is a file that would cost more to read than a
// report can (limits.ts): a zip bomb, a PDF of endless pages, a text over
// what the store takes.
import { open, stat } from 'node:fs/promises';
import { decodeText } from './decode.js';
import { readDocx } from './docx.js';
import { formatOf, type Format } from './formats.js';
import { isWebAddress, readHtml, type PageMeta } from './html.js';
import { checkTextSize, DEFAULT_MAX_FILE_BYTES, type FileLimits, fileLimits } from './limits.js';
import { readPdf } from './pdf.js';
import { RefusedInput } from './refused.js';
import { readSavedPage, titledText } from './saved-page.js';

export { RefusedInput } from './refused.js';
export { SUPPORTED_EXTENSIONS } from './formats.js';
export { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILE_MB } from './limits.js';

/** "5", "0.5" → bytes; anything else is an error naming where the value came from. */
export function parseMegabytes(raw: string, from: string): number {
  const mb = Number(raw);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(raw) || !(mb > 0)) throw new Error(`${from} must be a positive number of megabytes, not "${raw}"`);
  return Math.round(mb * 1024 * 1024);
}

export interface ReadOptions {
  /** Files larger than this are refused (default: DEFAULT_MAX_FILE_BYTES). */
  maxBytes?: number;
  /** Lower caps than limits.ts's (tests); each omitted one is the default. */
  limits?: Partial<FileLimits>;
}

export interface ReportInput {
  /** The text handed to the extractor. */
  text: string;
  format: Format;
  /** For text and HTML: the encoding the bytes were decoded from. */
  encoding?: string;
  /** What an HTML page says about itself. */
  meta: PageMeta;
}

const MB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${bytes} bytes`);

/**
 * The extractor's input for an HTML page: the title as the first line (unless
 * the article already opens with it), the article, and the page's 主办 footer,
 * publisher (发布机构) and publication date on last lines of the form normalization drops as web
 * cruft but the extractor still reads (readPageMeta): they help it find the
 * issuer and the year without changing the report's text or its id.
 */
export function composeHtmlText(body: string, meta: PageMeta): string {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const opening = body.split('\n').slice(0, 5).map(squash);
  const lines: string[] = [];
  if (meta.title && !opening.some((line) => line.includes(squash(meta.title!)))) lines.push(meta.title);
  lines.push(body);
  if (meta.host) lines.push(`主办:${meta.host}`);
  // one line normalization drops as cruft (来源:…), so the text and its id stay the page's article
  if (meta.published || meta.publisher) {
    lines.push(`来源:网页${meta.publisher ? ` 发布机构:${meta.publisher}` : ''}${meta.published ? ` 发布日期:${meta.published}` : ''}`);
  }
  return lines.join('\n');
}

export async function readReportFile(path: string, options: ReadOptions = {}): Promise<ReportInput> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const info = await stat(path);
  if (!info.isFile()) throw new RefusedInput('not a regular file');
  if (info.size === 0) throw new RefusedInput('the file is empty');
  if (info.size > maxBytes) throw new RefusedInput(`the file is ${size(info.size)}, over the ${size(maxBytes)} limit (GOVGRAPH_MAX_FILE_MB or --max-size)`);
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  return readReportBytes(bytes, path, { maxBytes, limits: options.limits });
}

/**
 * A text file saved from a web page with its title and address on header
 * lines (saved-page.ts): the title line and the body for the extractor, the
 * address as the page's own (as an HTML page's og:url); any other text as it is.
 */
function savedPageInput(text: string): Pick<ReportInput, 'text' | 'meta'> {
  const page = readSavedPage(text);
  if (page.body === text) return { text, meta: {} };
  const url = page.url && isWebAddress(page.url) ? page.url : undefined;
  return { text: titledText(page), meta: { ...(page.title ? { title: page.title } : {}), ...(url ? { url } : {}) } };
}

/**
 * The same readers for bytes that did not come from the file system (a file
 * uploaded over GraphQL): `name` is the file name, whose extension decides
 * the format where the content does not.
 */
export async function readReportBytes(bytes: Buffer, name: string, options: ReadOptions = {}): Promise<ReportInput> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const limits = fileLimits(options.limits);
  if (bytes.length === 0) throw new RefusedInput('the file is empty');
  if (bytes.length > maxBytes) throw new RefusedInput(`the file is ${size(bytes.length)}, over the ${size(maxBytes)} limit (GOVGRAPH_MAX_FILE_MB)`);
  const format = formatOf(name, bytes);
  let input: ReportInput;
  switch (format) {
    case 'text': {
      const { text, encoding } = decodeText(bytes);
      input = { ...savedPageInput(text), format, encoding };
      break;
    }
    case 'html': {
      const { body, meta, encoding } = readHtml(bytes);
      input = { text: composeHtmlText(body, meta), format, encoding, meta };
      if (!body.trim()) throw new RefusedInput('the page has no article text');
      break;
    }
    case 'docx':
      input = { text: await readDocx(bytes, { maxEntries: limits.docxMaxEntries, maxUnpackedBytes: limits.docxMaxUnpackedBytes }), format, meta: {} };
      break;
    case 'pdf':
      input = { text: await readPdf(bytes, { maxPages: limits.pdfMaxPages, maxTextBytes: limits.maxTextBytes }), format, meta: {} };
      break;
  }
  checkTextSize(input.text, limits.maxTextBytes);
  if (!input.text.trim()) throw new RefusedInput(`the ${format === 'text' ? 'file' : format} has no text`);
  return input;
}
