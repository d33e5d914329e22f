// PDF files: the text layer, through unpdf (Mozilla's pdf.js packaged for
// servers, no native code). pdf.js gives positioned text runs; lines are
// rebuilt from their positions, and a line that runs to the right margin is
// joined with the next (a paragraph the PDF wrapped), while a short line
// ends its paragraph. Bare page numbers (- 3 -, 第3页) are dropped. A PDF
// whose pages carry (almost) no text is a scan: refused, not ingested empty.
// A PDF over the page cap, or whose text passes what the store takes, is
// refused whole rather than read in part: a report cut at page N would be
// stored as if it were the whole report.
import { getDocumentProxy } from 'unpdf';
import { formatSize, MAX_TEXT_BYTES, PDF_MAX_PAGES } from './limits.js';
import { RefusedInput } from './refused.js';

export interface PdfLimits {
  maxPages: number;
  maxTextBytes: number;
}

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  left: number;
  right: number;
  fontSize: number;
}

const PAGE_NUMBER = /^(?:[-—–－~\s]*\d{1,4}[-—–－~\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;
// (a digit after 5. makes it a decimal the wrap split, 提速8 | 5.52%, not a heading)
const HEADING_START = /^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[章节部分])/;
const LATIN_END = /[A-Za-z0-9,.;:]$/;

function linesOf(runs: Run[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let lastY = Number.NaN;
  for (const run of runs) {
    const size = run.fontSize || 10;
    if (current && Math.abs(run.y - lastY) <= size * 0.5) {
      const gap = run.x - current.right;
      const space = gap > size * 0.25 && LATIN_END.test(current.text) && /^[A-Za-z0-9]/.test(run.str) ? ' ' : '';
      current.text += space + run.str;
      current.right = Math.max(current.right, run.x + run.width);
    } else if (run.str.trim() || current === null) {
      current = { text: run.str, left: run.x, right: run.x + run.width, fontSize: size };
      lines.push(current);
    } else {
      // an empty run off the line (a browser's PDF puts one at each paragraph's end, at the next
      // line's height): it must not move the line position, or the next line would be glued on
      continue;
    }
    lastY = run.y;
  }
  return lines.map((line) => ({ ...line, text: line.text.trim() })).filter((line) => line.text && !PAGE_NUMBER.test(line.text));
}

/** Latin words wrapped across lines get their space back; a number the wrap split (96. | 05%) does not. */
function wrappedWordsNeedSpace(previous: string, next: string): boolean {
  if (/\d[.,]?$/.test(previous) && /^\d/.test(next)) return false;
  return LATIN_END.test(previous) && /^[A-Za-z0-9]/.test(next);
}

/** The last two characters of a paragraph kept as pieces (all wrappedWordsNeedSpace reads of it). */
function endOf(pieces: string[]): string {
  let end = '';
  for (let k = pieces.length - 1; k >= 0 && end.length < 2; k--) end = pieces[k] + end;
  return end.slice(-2);
}

/** Joins wrapped lines: a line that reaches the right margin continues on the next, unless that one opens a heading. */
function paragraphs(pages: Line[][]): string {
  // each paragraph as its lines (with the spaces wrapped words get back), joined at the end: what a join
  // looks at is the end of the line before, not the paragraph so far (re-read for every line otherwise)
  const out: string[][] = [];
  let continues = false;
  for (const lines of pages) {
    const margin = Math.max(...lines.filter((l) => l.text.length > 5).map((l) => l.right), 0);
    for (const line of lines) {
      const paragraph = out.at(-1);
      if (continues && !HEADING_START.test(line.text) && paragraph) {
        if (wrappedWordsNeedSpace(endOf(paragraph), line.text)) paragraph.push(' ');
        paragraph.push(line.text);
      } else {
        out.push([line.text]);
      }
      continues = margin > 0 && line.right >= margin - line.fontSize * 1.5 && !/[。!?！？:：]$/.test(line.text);
    }
  }
  return out.map((paragraph) => paragraph.join('')).join('\n');
}

export async function readPdf(bytes: Uint8Array, limits: PdfLimits = { maxPages: PDF_MAX_PAGES, maxTextBytes: MAX_TEXT_BYTES }): Promise<string> {
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new RefusedInput('the PDF is password-protected');
    throw new RefusedInput(`not a readable PDF (${(error as Error).message})`);
  }
  try {
    if (document.numPages > limits.maxPages) {
      throw new RefusedInput(`the PDF has ${document.numPages} pages, over the ${limits.maxPages} a report has at most: refused`);
    }
    const pages: Line[][] = [];
    let textBytes = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items as Array<{ str?: string; transform: number[]; width: number; hasEOL: boolean }>) {
        if (item.str == null) continue;
        const [, , c, d, x, y] = item.transform;
        runs.push({ str: item.str, x, y, width: item.width, fontSize: Math.hypot(c, d), hasEOL: item.hasEOL });
      }
      const lines = linesOf(runs);
      pages.push(lines);
      page.cleanup();
      // counted as pages are read, so a PDF of endless text stops at the limit, not at the end
      for (const line of lines) textBytes += Buffer.byteLength(line.text) + 1;
      if (textBytes > limits.maxTextBytes) {
        throw new RefusedInput(
          `the PDF's text passes ${formatSize(limits.maxTextBytes)} (UTF-8) by page ${number} of ${document.numPages}, over what the store takes for one report`,
        );
      }
    }
    const text = paragraphs(pages);
    const visible = text.replace(/\s/g, '').length;
    if (visible < Math.max(50, 10 * document.numPages)) {
      throw new RefusedInput(
        `the PDF has no text layer (${document.numPages} page(s), ${visible} character(s) of text): it looks like a scan; run OCR on it first`,
      );
    }
    return text;
  } finally {
    // the document's loading task owns the parser's resources
    await document.cleanup();
    await document.loadingTask.destroy();
  }
}
