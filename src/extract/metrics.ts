// Metrics: a number with a counting unit about the jurisdiction's own work
// (会前学法19次, 出庭应诉率100%, 培训2万余人次, 两期轮训, 十余次). The
// indicator is the clause before the number (without the verbs and adverbs
// that open it) joined to the noun the unit counts (对26家行政执法单位 →
// 行政执法单位). Years, dates, ordinals, rules and targets, numbers inside
// names and document titles are not metrics.
//
// The hand-written scans below are exported for test/unit/extract/speed.test.ts,
// which checks each against the RegExp it replaced.
import { charSet, CN_DIGITS, codeBits, codesOf, hasBit, inSet, numeralKind, quoteBalance, TitleCursor, isCJK } from './scan.js';
import type { Sentences } from './sentences.js';
import type { MetricFact } from './types.js';

// Longest first, so 人次 wins over 人. 人(次) and (场)次 are written forms of 人次, 场次.
const UNITS = [
  '个工作日',
  '个百分点',
  '人(次)',
  '(场)次',
  '个月',
  '人次',
  '场次',
  '批次',
  '剂次',
  '户次',
  '万元',
  '亿元',
  '%',
  '次',
  '件',
  '宗',
  '起',
  '期',
  '个',
  '项',
  '条',
  '份',
  '名',
  '人',
  '户',
  '家',
  '场',
  '批',
  '篇',
  '部',
  '所',
  '天',
  '小时',
  '卷',
  '本',
  '类',
  '处',
  '张',
  '台',
  '套',
  '座',
  '艘',
  '辆',
  '轮',
  '元',
  '万',
];
const escapeUnit = (u: string) => u.replace(/[()%]/g, (c) => `\\${c}`);
const UNIT = UNITS.map(escapeUnit).join('|');
// digits, or Chinese numerals (两期, 十余次, 二十余场)
export const METRIC = new RegExp(`(\\d+(?:\\.\\d+)?|[${CN_DIGITS}]+)(万|亿)?(余|多)?(${UNIT})(以上|以内|内)?`, 'g');
// The same, anchored: run only where metricMatches finds that a match may start.
const METRIC_AT = new RegExp(METRIC.source, 'y');

// Units a Chinese numeral may count without a qualifier. 个/项/条/人 are left
// out: 四个意识, 两个维护, 三项制度, 二十条措施 are names, not counts.
const CN_UNITS = new Set(['次', '期', '场', '场次', '批', '批次', '轮', '名', '人次', '件', '起', '宗', '篇', '部', '家', '所', '个月', '个工作日', '天']);

/** A Chinese numeral as a number: 两 → 2, 十 → 10, 二十五 → 25, 一百二十 → 120; NaN if it is not one. */
const DIGIT = new Map(Object.entries({ 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }));
const POWER = new Map(Object.entries({ 十: 10, 百: 100, 千: 1000 }));
// The same by code unit (every key is one code unit; any other unit, a surrogate half included, is neither)
const DIGIT_OF = new Map([...DIGIT].map(([ch, d]) => [ch.charCodeAt(0), d]));
const POWER_OF = new Map([...POWER].map(([ch, p]) => [ch.charCodeAt(0), p]));

export function chineseNumeral(s: string): number {
  let total = 0;
  let current = -1;
  let lastPower = Infinity;
  // (by code unit, not a one-character string per character looked up)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = DIGIT_OF.get(c);
    const p = d === undefined ? POWER_OF.get(c) : undefined;
    if (d !== undefined) {
      if (current >= 0) return NaN; // 八五, 二三: not one number
      current = d;
    } else if (p !== undefined) {
      if (p >= lastPower) return NaN;
      total += (current < 0 ? 1 : current) * p;
      current = -1;
      lastPower = p;
    } else return NaN;
  }
  return total + Math.max(current, 0);
}

// Words that open the clause before a number (dropped from its indicator), as
// /^(?:w1|w2|…)+/ would drop them: in this order of preference.
export const OPENING_WORDS = [
  '全年',
  '累计',
  '共计',
  '总计',
  '合计',
  '共',
  '先后',
  '今年以来',
  '当年',
  '年内',
  '目前',
  '截至目前',
  '其中',
  '全区',
  '全县',
  '全市',
  '全省',
  '全旗',
  '各级',
  '各地',
  '各部门',
  '对',
  '从',
  '向',
  '经',
  '为',
  '将',
  '把',
  '已',
  '有',
  '均',
  '还',
  '又',
  '并',
  '同时',
  '通过',
  '开展了',
  '举办了',
  '组织了',
  '开展',
  '举办',
  '组织',
  '办理',
  '审查',
  '受理',
  '完成',
  '参与',
  '达到',
  '达',
  '发放',
  '实现',
  '新增',
  '新收',
  '收到',
  '处理',
  '化解',
  '集中',
];
// Words that close it, as /(?:w1|w2|…)+$/ would drop them.
export const CLOSING_WORDS = [
  '等',
  '共',
  '共计',
  '累计',
  '总计',
  '合计',
  '达到',
  '达',
  '高达',
  '为',
  '有',
  '约',
  '近',
  '超过',
  '突破',
  '逾',
  '了',
  '分别',
  '均',
  '各',
  '计',
  '已',
  '进行',
];
// A qualifier that ends it, as /(约|…)$/ finds it (none is a suffix of another: at most one ends a clause).
export const QUALIFIERS_BEFORE = ['约', '近', '超过', '突破', '逾', '不少于', '高达'];
// The noun a unit counts ends where a verb, a conjunction or punctuation begins
// (any of these characters, or any of these words).
export const NOUN_STOP_CHARS = ',，。;；、:：\n()（）0123456789“”和及与等的为以在是均并中上下内次';
export const NOUN_STOP_WORDS = new Set(['进行', '参加', '参与', '实现', '开展', '接受', '获得', '通过', '支持', '得到', '完成', '纳入', '覆盖', '涉及']);
// Names, not counts: 三件实事, 两个确立.
const NOT_A_COUNT_AFTER = /^(实事|大事|要事|确立|维护|意识|自信|全面|一批|一课|一做|全会|全体会议|党代会|代表大会|会议)/;

// Character classes of the per-match tests, as bits of one table indexed by
// UTF-16 code unit: a metric candidate is tested a dozen times, and a
// table read is far cheaper than a RegExp call on a one-character string.
const CLASS = new Uint8Array(0x10000);
const CLAUSE_END = 1; // , ， 。 ; ； : ： \n — where the clause of a number starts
const NOT_BEFORE = 2; // digits . 第 - — ~ ～ — before the number: part of a longer number, a range, an ordinal
const NOT_NEXT = 4; // 年月日号届 — after the unit: a date or a session
const NOUN_STOP = 8; // NOUN_STOP_CHARS
const CN_NOT_BEFORE = 16; // 第每这那前后近一数几 — before a Chinese numeral: an ordinal, a rule, a vague quantity
const CN_DIGIT_BEFORE = 32; // 零一二两三四五六七八九 — before a Chinese numeral: inside a longer numeral or a name
const IS_DIGIT = 64; // 0-9 (\d)
const NOUN_STOP_WORD_START = 128; // first characters of NOUN_STOP_WORDS
const classes: [number, string][] = [
  [CLAUSE_END, ',，。;；:：\n'],
  [NOT_BEFORE, '0123456789.第-—~～'],
  [NOT_NEXT, '年月日号届'],
  [NOUN_STOP, NOUN_STOP_CHARS],
  [CN_NOT_BEFORE, '第每这那前后近一数几'],
  [CN_DIGIT_BEFORE, '零一二两三四五六七八九'],
  [IS_DIGIT, '0123456789'],
  [NOUN_STOP_WORD_START, [...NOUN_STOP_WORDS].map((w) => w[0]).join('')],
];
const FOLLOWS_NUMERAL = new Uint8Array(0x10000); // first characters of what METRIC allows after its number: 万 亿 余 多 and the units
for (const w of ['万', '亿', '余', '多', ...UNITS]) FOLLOWS_NUMERAL[w.charCodeAt(0)] = 1;

/**
 * text.matchAll(METRIC), without trying the regex at every position. A match
 * starts with a run of digits or of Chinese numerals, and only the longest
 * number there (a digit run with its decimal part) can be followed by what
 * METRIC wants (a shorter one is followed by another digit, a '.' or a
 * numeral, none of which starts 万 亿 余 多 or a unit). So from each position
 * of a run the number ends at the same place: if the character there cannot
 * follow a number, or the anchored regex fails at the run's first position,
 * no match starts anywhere in the run. The first position whose anchored
 * match succeeds is where matchAll's next match starts (same lazy/greedy
 * choices: it is the same regex).
 */
export function metricMatches(text: string, codes: Uint16Array, runStarts?: readonly number[]): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  const n = text.length;
  let p = 0;
  // With runStarts (Sentences collects where each run of digits or of numerals starts, in its pass), the
  // scan jumps from run to run: the first numeral at or after p is always the start of a run, as p is
  // only ever the end of a match (after its unit) or the end of a run.
  let r = 0;
  while (p < n) {
    if (runStarts) {
      while (r < runStarts.length && runStarts[r] < p) r++;
      if (r === runStarts.length) break;
      p = runStarts[r];
    }
    const kind = numeralKind(codes[p]);
    if (!kind) {
      p++;
      continue;
    }
    // the run of the same kind from p, and where its longest number ends
    let b = p + 1;
    while (b < n && numeralKind(codes[b]) === kind) b++;
    let e = b;
    if (kind === 1 && b + 1 < n && codes[b] === 0x2e && numeralKind(codes[b + 1]) === 1) {
      e = b + 2;
      while (e < n && numeralKind(codes[e]) === 1) e++;
    }
    if (e < n && FOLLOWS_NUMERAL[codes[e]]) {
      METRIC_AT.lastIndex = p;
      const m = METRIC_AT.exec(text);
      if (m) {
        matches.push(m);
        p += m[0].length;
        continue;
      }
    }
    p = b;
  }
  return matches;
}
for (const [bit, chars] of classes) for (let i = 0; i < chars.length; i++) CLASS[chars.charCodeAt(i)] |= bit;
const is = (c: number, bit: number) => (CLASS[c] & bit) !== 0; // (NaN, past either end of the text: undefined & bit → 0)

/** Where the clause holding a number starts: after the last , ; 。 : line break, or a 、 that is not inside an enumeration closed by 等. */
export function clauseStartBefore(text: string, at: number): number {
  let depth = 0;
  let sawList = false;
  for (let i = at - 1; i >= 0 && at - i < 80; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x29 || c === 0xff09)
      depth++; // ) ）
    else if ((c === 0x28 || c === 0xff08) && depth > 0)
      depth--; // ( （
    else if (depth > 0) continue;
    else if (is(c, CLAUSE_END)) return i + 1;
    else if (c === 0x7b49 && i > at - 20)
      sawList = true; // 等
    else if (c === 0x3001 && !sawList) return i + 1; // 、
  }
  return Math.max(0, at - 80);
}

/** /\d(?:余|多)?(?:件|起|宗)$/ on the 4 characters before at. */
export function countBefore(text: string, at: number): boolean {
  const floor = Math.max(0, at - 4);
  let i = at - 1;
  if (i < floor) return false;
  const unit = text.charCodeAt(i);
  if (unit !== 0x4ef6 && unit !== 0x8d77 && unit !== 0x5b97) return false; // 件 起 宗
  i--;
  if (i >= floor && (text.charCodeAt(i) === 0x4f59 || text.charCodeAt(i) === 0x591a)) i--; // 余 多
  return i >= floor && is(text.charCodeAt(i), IS_DIGIT);
}

const RULE_PERIOD = charSet('年月周季天日');
const LEADING_JOINER = charSet('和及与、');

/**
 * /每[年月周季天日]?度?(至少|不少于)?$/ on the 6 characters before at. Every
 * optional part is a different set of characters, so the one way to match is
 * to take each part when it is there, from the end.
 */
export function ruleBefore(text: string, at: number): boolean {
  const floor = Math.max(0, at - 6);
  let i = at;
  if (endsWithAt(text, i, floor, '至少')) i -= 2;
  else if (endsWithAt(text, i, floor, '不少于')) i -= 3;
  if (endsWithAt(text, i, floor, '度')) i--;
  if (i - 1 >= floor && inSet(text.charCodeAt(i - 1), RULE_PERIOD)) i--;
  return endsWithAt(text, i, floor, '每');
}

/** text[floor, i) ends with word. */
const endsWithAt = (text: string, i: number, floor: number, word: string) => i - word.length >= floor && text.startsWith(word, i - word.length);

/** The qualifier head ends with (at most one can), or null. */
export function qualifierEnding(head: string): string | null {
  // (most clauses end in a character no qualifier ends in: one table read instead of the seven endsWith)
  if (!head || !hasBit(QUALIFIER_LAST, head.charCodeAt(head.length - 1))) return null;
  for (const q of QUALIFIERS_BEFORE) if (head.endsWith(q)) return q;
  return null;
}
const QUALIFIER_LAST = codeBits((c) => QUALIFIERS_BEFORE.some((q) => q.charCodeAt(q.length - 1) === c));

// The counts /.*\d(?:万|亿)?(?:余|多)?(?:个工作日|个月|人次|场次|[个项件名人家次期场份条起宗批所部类])/ finds (see lastCountLength).
const COUNT_UNITS = ['个工作日', '个月', '人次', '场次'];
const COUNT_UNIT = codeBits((c) => '个项件名人家次期场份条起宗批所部类'.includes(String.fromCharCode(c)));
// What . does not match (without the s flag).
const LINE_TERMINATOR = codeBits((c) => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029);

/** Length of the count (a digit, 万/亿, 余/多, a unit, as the RegExp tries them) at p, or 0. */
function countAt(s: string, p: number): number {
  if (!is(s.charCodeAt(p), IS_DIGIT)) return 0;
  const tens = s.charCodeAt(p + 1) === 0x4e07 || s.charCodeAt(p + 1) === 0x4ebf ? 1 : 0; // 万 亿
  for (let a = tens; a >= 0; a--) {
    const q = p + 1 + a;
    const more = s.charCodeAt(q) === 0x4f59 || s.charCodeAt(q) === 0x591a ? 1 : 0; // 余 多
    for (let b = more; b >= 0; b--) {
      const u = q + b;
      for (const unit of COUNT_UNITS) if (s.startsWith(unit, u)) return u + unit.length - p;
      if (u < s.length && hasBit(COUNT_UNIT, s.charCodeAt(u))) return u + 1 - p;
    }
  }
  return 0;
}

/**
 * The length of the match of /.*\d(?:万|亿)?(?:余|多)?(?:…units)/ in s, or
 * -1 for none: the match starts at the first line (between line terminators)
 * holding a count, and its greedy .* runs to the last count of that line.
 */
export function lastCountLength(s: string): number {
  for (let start = 0; start <= s.length; ) {
    let end = start;
    while (end < s.length && !hasBit(LINE_TERMINATOR, s.charCodeAt(end))) end++;
    for (let p = end - 1; p >= start; p--) {
      const length = countAt(s, p);
      if (length) return p - start + length;
    }
    start = end + 1;
  }
  return -1;
}

/** Words by their first character, each list in the order given (the order an alternation tries them). */
function byFirstChar(words: string[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of words) map.set(w.charCodeAt(0), [...(map.get(w.charCodeAt(0)) ?? []), w]);
  return map;
}
const OPENING_BY_FIRST = byFirstChar(OPENING_WORDS);
const CLOSING_BY_FIRST = byFirstChar(CLOSING_WORDS);
const CLOSING_MAX = Math.max(...CLOSING_WORDS.map((w) => w.length)); // (below 31: withoutClosing keeps them as bits)

/**
 * s.replace(/^(?:w1|w2|…)+/, '') for OPENING_WORDS. With nothing after the
 * group, a backtracking match is the greedy one that takes, at each step, the
 * first word in order that is there: so is this loop.
 */
export function withoutOpening(s: string): string {
  let i = 0;
  while (i < s.length) {
    const words = OPENING_BY_FIRST.get(s.charCodeAt(i));
    const word = words?.find((w) => s.startsWith(w, i));
    if (!word) break;
    i += word.length;
  }
  return i ? s.slice(i) : s;
}

/**
 * s.replace(/(?:w1|w2|…)+$/, '') for CLOSING_WORDS: the leftmost i from which
 * s is a sequence of closing words to its end. Positions are decided from the
 * end (i works when a word at i ends at the end or at a position that works);
 * once CLOSING_MAX positions in a row do not, none further left can.
 */
export function withoutClosing(s: string): string {
  // works, for the CLOSING_MAX positions after i, as bits of one number (bit k: position i + k works;
  // the end works): no array per call
  let works = 0b10;
  let leftmost = s.length;
  for (let i = s.length - 1, misses = 0; i >= 0 && misses < CLOSING_MAX; i--) {
    let ok = false;
    const words = CLOSING_BY_FIRST.get(s.charCodeAt(i));
    if (words) for (const w of words) if ((works >>> w.length) & 1 && s.startsWith(w, i)) ok = true;
    works = ((works << 1) | (ok ? 0b10 : 0)) >>> 0;
    if (ok) {
      leftmost = i;
      misses = 0;
    } else misses++;
  }
  return leftmost < s.length ? s.slice(0, leftmost) : s;
}

const QUOTES = /[“”"]/g;
/** s.replace(/[“”"]/g, ''), without the call when there is none. */
function withoutQuotes(s: string): string {
  // (one look at each character: not three searches of the string)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x201c || c === 0x201d || c === 0x22) return s.replace(QUOTES, '');
  }
  return s;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** A clause without its parenthetical asides: 行政复议直接纠错(含撤销、确认违法) → 行政复议直接纠错. */
const withoutAsides = (s: string) => (s.includes('(') || s.includes('（') ? s.replace(/[(（][^()（）]*[)）]/g, '') : s);

/**
 * The noun a unit counts: the text after it up to a noun stop, at most 8
 * characters. A short parenthetical belongs to the noun (乡(镇), 村(社区)):
 * the first ( or （ followed by 1–3 CJK characters and ) or ）, within the
 * 14 characters looked at, is not a stop, and comes out as ASCII ( ) (as
 * any 〔 〕 does: this equals the former slice, replace with 〔$1〕, exec
 * the stops as one regex, slice and replace back, without the strings).
 */
export function nounAfter(text: string, from: number): string {
  const end = Math.min(from + 14, text.length);
  let open = -1;
  let close = -1;
  for (let p = from; p < end && open < 0; p++) {
    const c = text.charCodeAt(p);
    if (c !== 0x28 && c !== 0xff08) continue;
    let q = p + 1;
    while (q < end && isCJK(text.charCodeAt(q))) q++;
    const r = q - p - 1;
    if (r >= 1 && r <= 3 && q < end && (text.charCodeAt(q) === 0x29 || text.charCodeAt(q) === 0xff09)) {
      open = p;
      close = q;
    }
  }
  let stop = from;
  for (; stop < end; stop++) {
    if (stop === open || stop === close) continue;
    const c = text.charCodeAt(stop);
    if (is(c, NOUN_STOP)) break;
    if (is(c, NOUN_STOP_WORD_START) && stop + 1 < end && NOUN_STOP_WORDS.has(text.slice(stop, stop + 2))) break;
  }
  const last = Math.min(stop, from + 8);
  const noun = text.slice(from, last);
  if (open < 0 || open >= last) return noun.includes('〔') || noun.includes('〕') ? noun.replace(/〔/g, '(').replace(/〕/g, ')') : noun;
  let out = '';
  for (let i = from; i < last; i++) {
    const ch = text[i];
    out += i === open || ch === '〔' ? '(' : i === close || ch === '〕' ? ')' : ch;
  }
  return out;
}

const SEPARATOR = /[,，。;；、\n]/g;
/** text.slice(from).split(SEPARATOR)[0], without copying and splitting the whole rest of the text. */
function untilSeparator(text: string, from: number): string {
  SEPARATOR.lastIndex = from;
  const m = SEPARATOR.exec(text);
  return text.slice(from, m ? m.index : text.length);
}

/** codes: the text's code units (codesOf), when the caller has them already. */
export function extractMetrics(text: string, sentences: Sentences, sectionPath: (o: number) => string[], codes: Uint16Array = codesOf(text)): MetricFact[] {
  const metrics: MetricFact[] = [];
  const titles = new TitleCursor(sentences.opens, sentences.closes);
  for (const m of metricMatches(text, codes, sentences.numeralRuns)) {
    const metric = metricOf(m, text, sentences, sectionPath, titles);
    if (metric) metrics.push(metric);
  }
  return metrics;
}

/**
 * The metric a match of METRIC stands for, or null. (A function of its own, not
 * the loop's body: the optimizing compiler compiles the loop and this each once,
 * not one very large function twice, on-stack and again, while extraction warms up.)
 */
function metricOf(m: RegExpExecArray, text: string, sentences: Sentences, sectionPath: (o: number) => string[], titles: TitleCursor): MetricFact | null {
  const at = m.index ?? 0;
  const end = at + m[0].length;
  const [, number, tenThousands, approx, rawUnit, after] = m;
  // (the tests below read code units through the CLASS table; each says which former RegExp test it is)
  const chinese = !is(number.charCodeAt(0), IS_DIGIT); // !/\d/.test(number): number is all digits or all numerals
  const before = text.charCodeAt(at - 1); // NaN at the start: in no class
  // part of a longer number or a range (1000-1500人), a date (3月), an ordinal (第3批), a name (12345热线)
  if (is(before, NOT_BEFORE) || is(text.charCodeAt(end), NOT_NEXT)) return null;
  // a second count of the same thing (177件214人): the first one is the metric
  if (countBefore(text, at)) return null;
  // a rule or target, not a result: 每月1次, 每季度至少1次
  if (ruleBefore(text, at)) return null;
  // inside a document title: 《…明确市县5个…》
  // (only the last 120 characters can hold its 《: a bounded look-back, not a scan back through the text)
  if (titles.openAt(at, 119)) return null;
  const unit0 = rawUnit.length > 2 ? rawUnit.replace(/[()]/g, '') : rawUnit; // 人(次), (场)次
  let value = chinese ? chineseNumeral(number) : Number(number);
  if (!Number.isFinite(value)) return null;
  if (chinese) {
    // a Chinese numeral counts only as 两期, 十余次: never 一 (an article), never inside a name or a quote
    if (value < 2 || number === '二' || is(before, CN_NOT_BEFORE | CN_DIGIT_BEFORE)) return null;
    if (!CN_UNITS.has(unit0) && !approx) return null;
    if (NOT_A_COUNT_AFTER.test(text.slice(end, end + 4))) return null;
    // more “ than ” since the sentence began: inside a quote
    if (quoteBalance(text, sentences.at(at).start, at) > 0) return null;
  }
  // the clause before the number names what is counted
  const clauseStart = clauseStartBefore(text, at);
  let head = withoutAsides(text.slice(clauseStart, at));
  // after an earlier count in the same clause (3个单位及5名个人): only what follows it and its noun
  // (the regex steps below run only on a clause that has what they look for: a digit, a 等)
  const lastCount = hasDigit(head) ? lastCountLength(head) : -1;
  if (lastCount >= 0) head = head.slice(lastCount).replace(/^[^和及与]*[和及与]/, '');
  // an enumeration of examples (抽调政法委、督查局等5个部门): the verb and the first example stand for it
  const list = head.includes('等') ? /、[^、]*等(?:方面|领域|类)?$/.exec(head) : null;
  if (list) head = head.slice(0, head.indexOf('、'));
  const qualifierBefore = qualifierEnding(head);
  // dates are not part of what is counted: 3月29日印发了15家单位…
  if (hasDigit(head)) head = head.replace(/(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|\d{4}年(?:度)?|\d{1,2}日/g, '');
  head = withoutQuotes(head).trim();
  const opened = withoutOpening(head);
  head = opened.length >= 2 ? opened : head;
  let lead = 0;
  while (lead < head.length && inSet(head.charCodeAt(lead), LEADING_JOINER)) lead++; // /^[和及与、]+/
  head = withoutClosing(lead ? head.slice(lead) : head);
  if (head.length > 16) head = head.slice(-16);
  // the noun the unit counts: 对26家行政执法单位开展… → 行政执法单位
  const noun = after ? '' : withoutQuotes(nounAfter(text, end));
  let indicator = (head + noun).trim();
  // 其中2起为结转案件, 209人通过考试: the words after the number name it
  if (indicator.length < 2)
    indicator = withoutQuotes(untilSeparator(text, end).replace(/^[为是]/, ''))
      .slice(0, 16)
      .trim();
  if (indicator.length < 2) return null;
  let unit: string | null = unit0;
  if (unit === '元' && tenThousands)
    unit = `${tenThousands}元`; // money keeps its stated unit: 5万余元 → 5 万元
  else if (tenThousands === '万')
    value *= 10000; // 34万余剂次 → 340000 剂次
  else if (tenThousands === '亿') value *= 100000000;
  if (unit === '万') {
    value *= 10000; // 用户数突破15.33万: a number without a counting unit
    unit = null;
  }
  value = Math.round(value * 1e6) / 1e6;
  if (unit === '元' || (unit === null && value < 10000)) return null; // bare 元 amounts and unit-less small numbers are noise
  return {
    indicator,
    value,
    unit,
    surface: text.slice(clauseStart, end).trim(),
    qualifier: approx ?? after ?? qualifierBefore,
    mentions: [{ start: at, end, sentence: sentences.textAt(at, end), section: sectionPath(at) }],
  };
}
