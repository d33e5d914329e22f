// Normalizes scraped report text so that variants meet and offsets are
// stable: the normalized text is what the store keeps and what every Mention
// offset points into.
//
// - BOMs (anywhere), zero-width spaces and CR removed; full-width ASCII
//   letters, digits and brackets to half-width (（２０２１）→ (2021), ，→ ,);
// - CJK and Kangxi radicals and compatibility ideographs to the ideographs
//   they stand for (⼀ U+2F00 → 一, ⻔ → 门; knowledge/radical-forms.json): PDF
//   fonts map shared glyphs to them, and a report printed to PDF by a browser
//   comes back with ⼀、 for 一、 and ⾏政 for 行政, and —— as ⸺;
//   ideographic, no-break and other Unicode spaces to plain spaces;
// - spaces between two CJK characters or digits dropped ("2021—2025 年");
// - web cruft lines dropped (<<返回主站, 主办:…, 技术支持:…, 责任编辑:…,
//   来源:…, 网站找错, the 序号/发布机构 header);
// - a line broken in the middle of a sentence by scraping is joined again;
// - a text in traditional characters is converted to simplified (traditional.ts).

import { createRequire } from 'node:module';
import { charSet, codeBits, hasBit, inSet, ScratchCodes } from './scan.js';
import { simplified } from './traditional.js';

const require = createRequire(import.meta.url);
const RADICAL_FORMS: Record<string, string> = (require('./knowledge/radical-forms.json') as { forms: Record<string, string> }).forms;
// A font's one glyph for two or three em dashes comes back from a PDF as the two- or three-em dash.
const DASH_RUNS: Record<string, string> = { '\u2e3a': '——', '\u2e3b': '———' };

/** Lines of web-page cruft (navigation, imprint, print links); exported for the test that holds the line scan to a plain test of every line. */
export const CRUFT_LINE = [
  /^<<\s*返回/,
  /^(主办|承办|技术支持|责任编辑|来源|编辑|审核|供稿|协办)\s*[:：]/,
  /(政府)?网站找错/,
  /^序号\s*[:：].*(发布机构|公开形式)/,
  /^(打印|关闭)(本页|窗口)?$/,
  /^【?(字体|字号)\s*[:：]/,
];
// Cruft is a short line. A long one that merely starts (or ends) like cruft is
// content: a page scraped onto one line (<<返回主站…the whole report…政府网站找错)
// must not lose the report.
const MAX_CRUFT_LINE = 120;

function toHalfWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  // Full-width digits, letters and ASCII punctuation (０-９, Ａ-ｚ, （）, ，：；！？)
  // become ASCII, as most scraped reports already write them: the same report
  // from two sources then normalizes to the same text (and the same id).
  // 。、“”《》 are not in this block and stay as written.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return ch;
}

const FULL_WIDTH_ALL = /[\uff01-\uff5e]/g;
const CJK_OR_DIGIT = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef0-9“”《》、，。：；（）,;:!?()%]/;
const SENTENCE_END = /[。！？!?;；:：》”)）]$/;
// A title line (…法治政府建设年度报告) is never continued by the next line.
const TITLE_LINE = /^[^,，。;；:：!！?？]{8,60}(报告|总结)$/;
const HEADING_START = /^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+[章节部分])/;

// What a code unit is to the rewrites below, as values of one table.
const HAS_FULL_WIDTH = 1; // U+FF01–U+FF5E
const HAS_ODD_SPACE = 2; // tab, VT, FF, NBSP, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000 (made plain spaces)
const HAS_SPACE = 4; // a plain space
const NEWLINE = 8;
const REMOVED = 16; // BOM, zero-width space, CR: removed (CR LF and a lone CR → LF) before the text is cut into lines
const HAS_GLYPH_FORM = 32; // U+2E80–U+2FDF (radicals), U+F900–U+FAFF (compatibility ideographs), U+2E3A/B (⸺ ⸻): what they stand for
const NORMALIZES = new Uint8Array(0x10000);
for (let c = 0xff01; c <= 0xff5e; c++) NORMALIZES[c] = HAS_FULL_WIDTH;
for (const c of [0x09, 0x0b, 0x0c, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000]) NORMALIZES[c] = HAS_ODD_SPACE;
for (let c = 0x2000; c <= 0x200a; c++) NORMALIZES[c] = HAS_ODD_SPACE;
NORMALIZES[0x20] = HAS_SPACE;
NORMALIZES[0x0a] = NEWLINE;
for (const c of [0xfeff, 0x200b, 0x0d]) NORMALIZES[c] = REMOVED;
for (let c = 0x2e80; c <= 0x2fdf; c++) NORMALIZES[c] = HAS_GLYPH_FORM;
for (let c = 0xf900; c <= 0xfaff; c++) NORMALIZES[c] = HAS_GLYPH_FORM;
for (const c of [0x2e3a, 0x2e3b]) NORMALIZES[c] = HAS_GLYPH_FORM;
// The code units with a value above, as a bit table: the test made at every character (see codeBits).
const SPECIAL = codeBits((c) => NORMALIZES[c] !== 0);

/**
 * The line with full-width characters made half-width, odd spaces plain, and
 * spaces between CJK characters or digits dropped; `has` says which of these
 * it holds. (Apart from normalizeText's loop: the line rewrites are rare, and
 * reaching one for the first time would throw away the loop's optimized code.)
 */
function rewritten(line: string, has: number): string {
  // (per UTF-16 unit: a surrogate half is never in the full-width block, so this equals the per-code-point map)
  if (has & HAS_FULL_WIDTH) line = line.replace(FULL_WIDTH_ALL, toHalfWidth);
  // (one character for one: the ideograph the radical's glyph stands for, else the NFKC form, else as written)
  if (has & HAS_GLYPH_FORM)
    line = line.replace(/[\u2e3a\u2e3b\u2e80-\u2fdf\uf900-\ufaff]/g, (ch) => DASH_RUNS[ch] ?? RADICAL_FORMS[ch] ?? ch.normalize('NFKC'));
  if (has & HAS_ODD_SPACE) line = line.replace(/[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
  // drop spaces that sit between CJK characters or digits: "2021—2025 年" → "2021—2025年"
  if (has & (HAS_SPACE | HAS_ODD_SPACE))
    line = line.replace(/ +/g, (spaces, offset: number, whole: string) => {
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + spaces.length] ?? '';
      return before && after && (CJK_OR_DIGIT.test(before) || /[—\-–]/.test(before)) && (CJK_OR_DIGIT.test(after) || /[—\-–]/.test(after)) ? '' : ' ';
    });
  return line;
}

// Cheap tests first, for the line-by-line checks (a few per line of every report):
// - every CRUFT_LINE pattern but the one for 网站找错 is anchored at the line's start, so a line that
//   starts with none of their first characters and has no 网站找错 is not cruft;
// - SENTENCE_END looks at the last character only;
// - a HEADING_START match starts with a numeral, a digit, a parenthesis or 第.
const CRUFT_FIRST = charSet('<主承技责来编审供协序打关【字');
const SENTENCE_END_CHARS = charSet(SENTENCE_END.source.slice(1, -2)); // the class of /[…]$/
const HEADING_FIRST = charSet('一二三四五六七八九十(（0123456789第');

function isCruft(line: string): boolean {
  if (line.length > MAX_CRUFT_LINE) return false;
  if (!inSet(line.charCodeAt(0), CRUFT_FIRST) && !line.includes('网站找错')) return false;
  return CRUFT_LINE.some((re) => re.test(line));
}

const headingStart = (line: string) => inSet(line.charCodeAt(0), HEADING_FIRST) && HEADING_START.test(line);

/**
 * A line of the result as it is built: scraped pieces joined (below) are kept
 * apart until the end, with what `continues` asks of the whole — so a long
 * paragraph made of many pieces is never re-read (nor its pieces re-joined)
 * each time another piece is joined to it.
 */
interface Joined {
  pieces: string[];
  length: number;
  /** Its last code unit. */
  last: number;
  /** Whether it starts a heading; null while its first piece is all a heading's start could be (一二三, (12, 第一), which the next piece decides. */
  heading: boolean | null;
  /** Whether any piece holds 。. */
  period: boolean;
}

/** A line that is, whole, the start of a heading number without its end: whether it is a heading depends on what follows. */
const HEADING_UNDECIDED = /^(?:[一二三四五六七八九十]+|[(（][一二三四五六七八九十\d]*|\d+|第[一二三四五六七八九十]*)$/;

const joined = (line: string): Joined => ({
  pieces: [line],
  length: line.length,
  last: line.charCodeAt(line.length - 1),
  heading: headingStart(line) || (HEADING_UNDECIDED.test(line) ? null : false),
  period: line.includes('。'),
});

function join(previous: Joined, line: string): void {
  previous.pieces.push(line);
  previous.length += line.length;
  previous.last = line.charCodeAt(line.length - 1);
  previous.period ||= line.includes('。');
}

/** TITLE_LINE's longest match: 60 characters and 报告 or 总结. */
const TITLE_LINE_MAX = 62;

/**
 * Whether `line` continues `previous`: a long line that does not end a
 * sentence, is not a heading or a title, and is not followed by a heading.
 * (The heading tests run only when the line could be joined: they are pure, so
 * the order does not matter. A function of its own: a test reached for the
 * first time throws away the optimized code of the function holding it, and
 * this one is small.)
 */
function continues(previous: Joined, line: string): boolean {
  return (
    previous.length >= 20 &&
    !inSet(previous.last, SENTENCE_END_CHARS) && // !SENTENCE_END.test(previous)
    !(
      ((previous.heading ?? headingStart(previous.pieces.join(''))) && !previous.period) ||
      (previous.length <= TITLE_LINE_MAX && TITLE_LINE.test(previous.pieces.join('')))
    ) &&
    !headingStart(line)
  );
}

/** Returns the normalized text. Pure and total: any string in, a string out. */
export function normalizeText(original: string): string {
  // a page in traditional characters (a site's 繁體 copy) is read in simplified ones, as everything the
  // extractor knows is, before its lines are read (a title line is known by its 报告)
  const raw = simplified(original);
  // a BOM (or zero-width space) is invisible wherever it sits: files pasted together carry one mid-text;
  // the line scan stops at the first such character or CR, and the text without them is scanned instead
  return normalizedLines(raw, true) ?? normalizedLines(withoutRemoved(raw), false)!;
}

// (the code units of the text being normalized: read by the line scan only, while it runs)
const lineScan = new ScratchCodes();

/** The text without BOMs and zero-width spaces, CR LF and a lone CR made LF. */
function withoutRemoved(raw: string): string {
  return raw.replace(/[\uFEFF\u200B]/g, '').replace(/\r\n?/g, '\n');
}

/**
 * The normalized lines of the text, joined; with stopAtRemoved, null as soon
 * as a character to remove (a BOM, a zero-width space, a CR) is met.
 */
function normalizedLines(text: string, stopAtRemoved: boolean): string | null {
  const codes = lineScan.of(text);
  const lines: Joined[] = [];
  // A blank or dropped line between two lines is a paragraph break: never join across it.
  let paragraphBreak = false;
  // The lines of text.split('\n'), each with what it holds: most lines of a report have no full-width
  // character, no odd space and no space at all, and skip the three rewrites.
  for (let lineStart = 0, end = 0; lineStart <= codes.length; lineStart = end + 1) {
    let has = 0;
    for (end = lineStart; end < codes.length; end++) {
      const c = codes[end];
      if (!hasBit(SPECIAL, c)) continue;
      const k = NORMALIZES[c];
      if (k === NEWLINE) break;
      if (k === REMOVED && stopAtRemoved) return null;
      has |= k;
    }
    let line = text.slice(lineStart, end);
    if (has) line = rewritten(line, has);
    line = line.trim();
    if (!line || isCruft(line)) {
      paragraphBreak = true;
      continue;
    }
    const previous = lines[lines.length - 1];
    // Scraping breaks long lines mid-sentence ("领导干部学法用\n法制度"): a long
    // line that does not end a sentence continues on the next one, unless that
    // one starts a heading.
    if (!paragraphBreak && previous !== undefined && continues(previous, line)) join(previous, line);
    else lines.push(joined(line));
    paragraphBreak = false;
  }
  return lines.map((l) => (l.pieces.length === 1 ? l.pieces[0] : l.pieces.join(''))).join('\n');
}

const PUBLISHED = /(?:网站发布|发布(?:时间|日期)|发文日期|成文日期)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;

/**
 * Page metadata that normalization drops but extraction still wants: the publication date, the
 * site owner (主办 footer) and the publisher a page names for this article (发布机构), which on a
 * county's site is often a township or a department rather than the site's owner.
 */
export function readPageMeta(raw: string): { published: string | null; host: string | null; publisher: string | null } {
  // (every label holds 发布 or 文日期: a text with neither, most, is not searched with the alternation at each position)
  const published = raw.includes('发布') || raw.includes('文日期') ? PUBLISHED.exec(raw) : null;
  const host = /主办\s*[:：]\s*([^\s,，|]+?)(?:\s|技术支持|$)/m.exec(raw);
  // only a full organization name (白河镇人民政府, 县司法局), not a short form like 县政府办
  const publisher = /发布机构\s*[:：]?\s*([^\s,，|:：]+?(?:人民政府|局|委员会|办公室))(?=\s|[^\u4e00-\u9fff]|$)/m.exec(raw);
  return {
    published: published ? `${published[1]}-${published[2].padStart(2, '0')}-${published[3].padStart(2, '0')}` : null,
    host: host ? host[1] : null,
    publisher: publisher ? publisher[1] : null,
  };
}
