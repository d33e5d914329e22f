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

import { titledText, type SavedPage } from '../ingest/saved-page.js';

export type Reading = 'title' | 'body';
export const READINGS: Reading[] = ['title', 'body'];

/** The text the extractor is given for a reading. */
export function textFor(file: SavedPage, reading: Reading): string {
  return reading === 'title' ? titledText(file) : file.body;
}
