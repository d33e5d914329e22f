// A report saved from a web page as text with the page's title and address
// on header lines before a blank line (the layout of ../shared/devset and
// test/fresh):
//
//   url: http://…
//   source-title: 海东市人民政府关于2021年度法治政府建设工作情况的报告
//
//   <the report's text>
//
// "(title not shown in excerpt)" before a source-title says the page showed
// no title and the words after it describe the report; they are read as its
// title all the same. The text reader (read.ts) gives the extractor the title
// line and the body, and the address as the page's (an HTML page's og:url);
// `govgraph eval` reads the files the same way (src/eval/readings.ts).
const HEADER = /^(url|source-title):[ \t]*(.*)$/;
const NOT_SHOWN = /^\(title not shown in excerpt\)\s*/;

export interface SavedPage {
  /** The page's title line, or null when the file has no source-title header. */
  title: string | null;
  url: string | null;
  body: string;
}

/** Splits a file into its header lines (url:, source-title:) and its body; a file without them is all body. */
export function readSavedPage(raw: string): SavedPage {
  // (most texts have no header: they are not split into lines to find that out)
  if (!raw.startsWith('url:') && !raw.startsWith('source-title:')) return { title: null, url: null, body: raw };
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
  // the blank line that ends the header
  while (k < lines.length && !lines[k].trim()) k++;
  return { title, url, body: lines.slice(k).join('\n') };
}

/** The page as a report arrives: its title line, then its body. */
export function titledText(page: SavedPage): string {
  return page.title ? `${page.title}\n${page.body}` : page.body;
}
