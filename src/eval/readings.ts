// The two ways a report reaches the extractor, as `govgraph eval --reading`
// feeds a scored file: with its title line first (as a report arrives) or its
// body alone (a page that lost its title). A devset file carries its page's
// title and address as header lines before a blank line:
//
//   url: http://…
//   source-title: 海东市人民政府关于2021年度法治政府建设工作情况的报告
//
//   <the report's text>
//
// "(title not shown in excerpt)" before a source-title says the page showed
// no title and the words after it describe the report; they are fed all the
// same in the title reading (the "without the marker"). A file without
// such header lines (the seeds) reads the same in both readings: its text.
// The address goes with both readings (runEval), as a page keeps its address
// when its title is lost.

export type Reading = 'title' | 'body';
export const READINGS: Reading[] = ['title', 'body'];

const HEADER = /^(url|source-title):[ \t]*(.*)$/;
const NOT_SHOWN = /^\(title not shown in excerpt\)\s*/;

export interface ScoredFile {
  /** The page's title line, or null when the file has no source-title header. */
  title: string | null;
  url: string | null;
  body: string;
}

/** Splits a file into its header lines (url:, source-title:) and its body; a file without them is all body. */
export function parseScoredFile(raw: string): ScoredFile {
  const lines = raw.split('\n');
  let title: string | null = null;
  let url: string | null = null;
  let k = 0;
  for (; k < lines.length; k++) {
    const m = HEADER.exec(lines[k].replace(/\r$/, ''));
    if (!m) break;
    if (m[1] === 'url') url = m[2].trim() || null;
    else title = m[2].replace(NOT_SHOWN, '').trim() || null;
  }
  if (k === 0) return { title: null, url: null, body: raw };
  // the blank line that ends the header
  while (k < lines.length && !lines[k].trim()) k++;
  return { title, url, body: lines.slice(k).join('\n') };
}

/** The text the extractor is given for a reading. */
export function textFor(file: ScoredFile, reading: Reading): string {
  return reading === 'title' && file.title ? `${file.title}\n${file.body}` : file.body;
}
