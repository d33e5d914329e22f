// Is this text a report at all? The genre checks run before extraction: a menu
// page, a news item or a notice about a 法治 meeting is refused with the reason
// (NotAReportError), not decomposed into a graph of what it happens to mention.
// The words that tell the genres apart are data (knowledge/report-genres.json).
import { createRequire } from 'node:module';
import { findTitle, leadingLines } from './title.js';

const require = createRequire(import.meta.url);

export class NotAReportError extends Error {
  constructor(reason: string) {
    super(`not a report: ${reason}`);
    this.name = 'NotAReportError';
  }
}

const GOVERNANCE_WORDS = /法治|依法行政|行政执法|政府|法制|普法|依法治/g;

const GENRES: {
  titleEndings: Record<string, string>;
  headlineVerbs: Record<string, string>;
  closings: Record<string, string>;
  openings: Record<string, string>;
  reportTitleNewsVerbs: Record<string, string>;
} = require('./knowledge/report-genres.json');
const GENRE_ENDINGS = Object.keys(GENRES.titleEndings);
const HEADLINE_VERBS = Object.keys(GENRES.headlineVerbs);
const CLOSINGS = Object.keys(GENRES.closings);
const OPENINGS = Object.keys(GENRES.openings);
const REPORT_TITLE_NEWS_VERBS = Object.keys(GENRES.reportTitleNewsVerbs);
// A report combined with next year's plan (…工作总结暨2024年工作要点): a report's title whatever it ends in.
const COMBINED_REPORT_TITLE = /(报告|总结)暨/;
// A news item's first sentence carries the day (6月11日,…; 近日,…); a report's opens on its year (2023年,…).
const NEWS_DATELINE = /\d{1,2}月\d{1,2}日|^(近日|日前|昨日)/;
// What a report says of itself in its opening: 现将2023年法治政府建设情况报告如下.
const REPORT_FORMULA = /现将[^。]{0,40}报告如下/;
// Where a document says what it is (…制定本方案。): its first sentences, before the first section.
const OPENING_HEAD = 300;
// A notice's 特此通知 comes last, before at most the issuer, the date and a line or two of attachments.
const CLOSING_TAIL = 200;
// A heading line (一、 (一) 1.), which is the start of the body, not a title, though short and unpunctuated.
const NUMBERED_LINE = /^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))/;
// A numbered section heading, 一、 (not 一、二季度) or (一), found anywhere: checked to stand at a line
// start or after punctuation by the caller (a page scraped onto one line keeps its headings after 。).
const SECTION_NUMBER = /[一二三四五六七八九十]+、(?![一二三四五六七八九十])|[(（][一二三四五六七八九十]+[)）]/g;

/**
 * Report-likeness, explained: enough Chinese text, the vocabulary of
 * governance reports recurring through it, and the shape of a report — a
 * title naming a report (…情况报告, …工作总结; not a news headline about one,
 * …听取…报告), or else no title, opening or closing formula of another kind of
 * text (通知, 方案, 讲话, a news headline: …召开…推进会; …制定本方案; 特此通知)
 * and no day in the first sentence (a news item's dateline), with numbered
 * sections (一、, (一)) or 现将…报告如下. A menu page fails the first two; a news
 * item or a notice about a 法治 meeting, full of the vocabulary, fails the last.
 * `title`: findTitle(text), when the caller has it already.
 */
export function checkReportLike(text: string, title: string | null = findTitle(text)): void {
  // Both counts matter only up to their thresholds (the exact number is reported only below them):
  // counting stops there, a few hundred characters into a report, instead of running over all of it.
  let chinese = 0;
  for (let i = 0; i < text.length && chinese < 300; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) chinese++;
  }
  if (!text.trim()) throw new NotAReportError('the text is empty');
  if (chinese < 300) throw new NotAReportError(`only ${chinese} Chinese characters (a report has at least 300)`);
  let governance = 0;
  GOVERNANCE_WORDS.lastIndex = 0;
  while (governance < 5 && GOVERNANCE_WORDS.exec(text)) governance++; // the matches text.match(GOVERNANCE_WORDS) would count, up to 5
  if (governance < 5) throw new NotAReportError(`the governance vocabulary (法治, 依法行政, 行政执法, 政府…) occurs only ${governance} times`);
  // A report's own title settles it (the extractor reads the same title, and passes it), unless it is a
  // news headline about a report (…听取…情况报告); only texts without one are looked at further.
  if (title) {
    const verb = REPORT_TITLE_NEWS_VERBS.find((w) => title.includes(w));
    if (!verb) return;
    throw new NotAReportError(`its title "${title}" holds ${verb}: ${GENRES.reportTitleNewsVerbs[verb]}, not the report`);
  }
  const other = otherGenreOf(text);
  if (other) throw new NotAReportError(other);
  // One numbered heading is enough: a news item has none, and a short report may have a single section;
  // asking for two would refuse the one-section texts users paste and the tests make. A short report
  // that counts 一是…二是… instead still says what it is: 现将…报告如下.
  if (!hasNumberedSection(text) && !REPORT_FORMULA.test(text.slice(0, OPENING_HEAD)))
    throw new NotAReportError(
      'no report title (a line near the top ending in 报告 or 总结), no numbered section (一、 or (一) starting a line or a sentence) and no 现将…报告如下: a news item or a page, not a report',
    );
}

/** Why the text is another kind of document or a news item, from a title line near the top, its opening or its closing formula; null if nothing says so. */
function otherGenreOf(text: string): string | null {
  // the lines findTitle looks at: the first four, short, without sentence punctuation, not a numbered heading
  for (const line of leadingLines(text)) {
    if (line.length < 6 || line.length > 60 || /[。,，]/.test(line) || NUMBERED_LINE.test(line)) continue;
    if (COMBINED_REPORT_TITLE.test(line)) return null;
    const ending = GENRE_ENDINGS.find((w) => line.endsWith(w));
    if (ending) return `its title "${line}" ends in ${ending}: ${GENRES.titleEndings[ending]}, not a report`;
    const verb = HEADLINE_VERBS.find((w) => line.includes(w));
    if (verb) return `its title "${line}" is a headline (${verb}): ${GENRES.headlineVerbs[verb]}, not a report`;
  }
  const tail = text.slice(-CLOSING_TAIL);
  for (const closing of CLOSINGS) if (tail.includes(closing)) return `it closes with ${closing}: ${GENRES.closings[closing]}, not a report`;
  const head = text.slice(0, OPENING_HEAD);
  for (const opening of OPENINGS) if (head.includes(opening)) return `it opens with …${opening}: ${GENRES.openings[opening]}, not a report`;
  const dateline = NEWS_DATELINE.exec(firstSentenceOf(head));
  if (dateline) return `its first sentence carries a day (${dateline[0]}): a news item, not a report (which opens on its year)`;
  return null;
}

/** The first sentence of the body (to its first 。): of the first line with sentence punctuation, past a headline and a 发布时间 line. */
function firstSentenceOf(head: string): string {
  for (const line of head.split('\n')) if (/[。,，]/.test(line)) return line.trim().split('。')[0];
  return '';
}

/** Whether a numbered section heading (一、 or (一)) starts a line, or follows punctuation; stops at the first. */
function hasNumberedSection(text: string): boolean {
  SECTION_NUMBER.lastIndex = 0;
  for (let m = SECTION_NUMBER.exec(text); m; m = SECTION_NUMBER.exec(text)) {
    // not 统一、 唯一、 第一、 or 第(一)项: the mark must not continue a word
    const before = m.index ? text.charCodeAt(m.index - 1) : 0x0a;
    if (before < 0x4e00 || before > 0x9fff) return true;
  }
  return false;
}
