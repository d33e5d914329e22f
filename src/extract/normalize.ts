// Normalizes scraped report text so that variants meet and offsets are
// stable: the normalized text is what the store keeps and what every Mention
// offset points into.
//
// - BOMs (anywhere), zero-width spaces and CR removed; full-width ASCII
//   letters, digits and brackets to half-width (（２０２１）→ (2021), ，→ ,);
//   ideographic, no-break and other Unicode spaces to plain spaces;
// - spaces between two CJK characters or digits dropped ("2021—2025 年");
// - web cruft lines dropped (<<返回主站, 主办:…, 技术支持:…, 责任编辑:…,
//   来源:…, 网站找错, the 序号/发布机构 header);
// - a line broken in the middle of a sentence by scraping is joined again.

const CRUFT_LINE = [
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

const FULL_WIDTH = /[\uff01-\uff5e]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e]/g;
const CJK_OR_DIGIT = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef0-9“”《》、，。：；（）,;:!?()%]/;
const SENTENCE_END = /[。！？!?;；:：》”)）]$/;
// A title line (…法治政府建设年度报告) is never continued by the next line.
const TITLE_LINE = /^[^,，。;；:：!！?？]{8,60}(报告|总结)$/;
const HEADING_START = /^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+[章节部分])/;

/** Returns the normalized text. Pure and total: any string in, a string out. */
export function normalizeText(raw: string): string {
  // a BOM (or zero-width space) is invisible wherever it sits: files pasted together carry one mid-text
  const text = raw.replace(/[\uFEFF\u200B]/g, '').replace(/\r\n?/g, '\n');
  const lines: string[] = [];
  // A blank or dropped line between two lines is a paragraph break: never join across it.
  let paragraphBreak = false;
  for (let line of text.split('\n')) {
    // (per UTF-16 unit: a surrogate half is never in the full-width block, so this equals the per-code-point map)
    if (FULL_WIDTH.test(line)) line = line.replace(FULL_WIDTH_ALL, toHalfWidth);
    line = line.replace(/[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
    // drop spaces that sit between CJK characters or digits: "2021—2025 年" → "2021—2025年"
    line = line.replace(/ +/g, (spaces, offset: number, whole: string) => {
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + spaces.length] ?? '';
      return before && after && (CJK_OR_DIGIT.test(before) || /[—\-–]/.test(before)) && (CJK_OR_DIGIT.test(after) || /[—\-–]/.test(after)) ? '' : ' ';
    });
    line = line.trim();
    if (!line || (line.length <= MAX_CRUFT_LINE && CRUFT_LINE.some((re) => re.test(line)))) {
      paragraphBreak = true;
      continue;
    }
    const previous = lines[lines.length - 1];
    // Scraping breaks long lines mid-sentence ("领导干部学法用\n法制度"): a long
    // line that does not end a sentence continues on the next one, unless that
    // one starts a heading.
    const previousIsHeading = previous !== undefined && ((HEADING_START.test(previous) && !previous.includes('。')) || TITLE_LINE.test(previous));
    if (!paragraphBreak && previous !== undefined && previous.length >= 20 && !previousIsHeading && !SENTENCE_END.test(previous) && !HEADING_START.test(line)) {
      lines[lines.length - 1] = previous + line;
    } else {
      lines.push(line);
    }
    paragraphBreak = false;
  }
  return lines.join('\n');
}

/** Page metadata that normalization drops but extraction still wants (publication date, 主办 footer). */
export function readPageMeta(raw: string): { published: string | null; host: string | null } {
  const published = /(?:网站发布|发布(?:时间|日期)|发文日期|成文日期)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(raw);
  const host = /主办\s*[:：]\s*([^\s,，|]+?)(?:\s|技术支持|$)/m.exec(raw);
  return {
    published: published ? `${published[1]}-${published[2].padStart(2, '0')}-${published[3].padStart(2, '0')}` : null,
    host: host ? host[1] : null,
  };
}
