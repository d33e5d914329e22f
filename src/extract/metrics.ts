// Metrics: a number with a counting unit about the jurisdiction's own work
// (会前学法19次, 出庭应诉率100%, 培训2万余人次, 两期轮训, 十余次). The
// indicator is the clause before the number (without the verbs and adverbs
// that open it) joined to the noun the unit counts (对26家行政执法单位 →
// 行政执法单位). Years, dates, ordinals, rules and targets, numbers inside
// names and document titles are not metrics.
import type { Sentences } from './sentences.js';
import type { MetricFact } from './types.js';

// Longest first, so 人次 wins over 人. 人(次) and (场)次 are written forms of 人次, 场次.
const UNITS = ['个工作日', '个百分点', '人(次)', '(场)次', '个月', '人次', '场次', '批次', '剂次', '户次', '万元', '亿元', '%', '次', '件', '宗', '起', '期', '个', '项', '条', '份', '名', '人', '户', '家', '场', '批', '篇', '部', '所', '天', '小时', '卷', '本', '类', '处', '张', '台', '套', '座', '艘', '辆', '轮', '元', '万'];
const escape = (u: string) => u.replace(/[()%]/g, (c) => `\\${c}`);
const UNIT = UNITS.map(escape).join('|');
const CN_DIGITS = '零一二两三四五六七八九十百千';
// digits, or Chinese numerals (两期, 十余次, 二十余场)
const METRIC = new RegExp(`(\\d+(?:\\.\\d+)?|[${CN_DIGITS}]+)(万|亿)?(余|多)?(${UNIT})(以上|以内|内)?`, 'g');

// Units a Chinese numeral may count without a qualifier. 个/项/条/人 are left
// out: 四个意识, 两个维护, 三项制度, 二十条措施 are names, not counts.
const CN_UNITS = new Set(['次', '期', '场', '场次', '批', '批次', '轮', '名', '人次', '件', '起', '宗', '篇', '部', '家', '所', '个月', '个工作日', '天']);

/** A Chinese numeral as a number: 两 → 2, 十 → 10, 二十五 → 25, 一百二十 → 120; NaN if it is not one. */
export function chineseNumeral(s: string): number {
  const digit: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const power: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let current = -1;
  let lastPower = Infinity;
  for (const ch of s) {
    if (ch in digit) {
      if (current >= 0) return NaN; // 八五, 二三: not one number
      current = digit[ch];
    } else if (ch in power) {
      const p = power[ch];
      if (p >= lastPower) return NaN;
      total += (current < 0 ? 1 : current) * p;
      current = -1;
      lastPower = p;
    } else return NaN;
  }
  return total + (current < 0 ? 0 : current);
}

const OPENING_WORDS =
  /^(?:全年|累计|共计|总计|合计|共|先后|今年以来|当年|年内|目前|截至目前|其中|全区|全县|全市|全省|全旗|各级|各地|各部门|对|从|向|经|为|将|把|已|有|均|还|又|并|同时|通过|开展了|举办了|组织了|开展|举办|组织|办理|审查|受理|完成|参与|达到|达|发放|实现|新增|新收|收到|处理|化解|集中)+/;
const CLOSING_WORDS = /(?:等|共|共计|累计|总计|合计|达到|达|高达|为|有|约|近|超过|突破|逾|了|分别|均|各|计|已|进行)+$/;
const QUALIFIER_BEFORE = /(约|近|超过|突破|逾|不少于|高达)$/;
// The noun a unit counts ends where a verb, a conjunction or punctuation begins.
const NOUN_AFTER_STOP = /[,，。;；、:：\n()（）\d“”]|进行|参加|参与|实现|开展|接受|获得|通过|支持|得到|完成|纳入|覆盖|涉及|和|及|与|等|的|为|以|在|是|均|并|中|上|下|内|次/;
// Names, not counts: 三件实事, 两个确立.
const NOT_A_COUNT_AFTER = /^(实事|大事|要事|确立|维护|意识|自信|全面|一批|一课|一做|全会|全体会议|党代会|代表大会|会议)/;

/** Where the clause holding a number starts: after the last , ; 。 : line break, or a 、 that is not inside an enumeration closed by 等. */
function clauseStartBefore(text: string, at: number): number {
  let depth = 0;
  let sawList = false;
  for (let i = at - 1; i >= 0 && at - i < 80; i--) {
    const ch = text[i];
    if (ch === ')' || ch === '）') depth++;
    else if ((ch === '(' || ch === '（') && depth > 0) depth--;
    else if (depth > 0) continue;
    else if (/[,，。;；:：\n]/.test(ch)) return i + 1;
    else if (ch === '等' && i > at - 20) sawList = true;
    else if (ch === '、' && !sawList) return i + 1;
  }
  return Math.max(0, at - 80);
}

/** A clause without its parenthetical asides: 行政复议直接纠错(含撤销、确认违法) → 行政复议直接纠错. */
const withoutAsides = (s: string) => s.replace(/[(（][^()（）]*[)）]/g, '');

function nounAfter(text: string, from: number): string {
  // 乡(镇), 村(社区): a short parenthetical belongs to the noun
  const rest = text.slice(from, from + 14).replace(/[(（]([\u4e00-\u9fff]{1,3})[)）]/, '〔$1〕');
  const stop = NOUN_AFTER_STOP.exec(rest);
  return (stop ? rest.slice(0, stop.index) : rest).slice(0, 8).replace(/〔/g, '(').replace(/〕/g, ')');
}

const SEPARATOR = /[,，。;；、\n]/g;
/** text.slice(from).split(SEPARATOR)[0], without copying and splitting the whole rest of the text. */
function untilSeparator(text: string, from: number): string {
  SEPARATOR.lastIndex = from;
  const m = SEPARATOR.exec(text);
  return text.slice(from, m ? m.index : text.length);
}

export function extractMetrics(text: string, sentences: Sentences, sectionPath: (o: number) => string[]): MetricFact[] {
  const metrics: MetricFact[] = [];
  for (const m of text.matchAll(METRIC)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    const [, number, tenThousands, approx, rawUnit, after] = m;
    const chinese = !/\d/.test(number);
    const before = text[at - 1] ?? '';
    const next = text[end] ?? '';
    // part of a longer number or a range (1000-1500人), a date (3月), an ordinal (第3批), a name (12345热线)
    if (/[\d.第\-—~～]/.test(before) || /[年月日号届]/.test(next)) continue;
    // a second count of the same thing (177件214人): the first one is the metric
    if (/\d(?:余|多)?(?:件|起|宗)$/.test(text.slice(Math.max(0, at - 4), at))) continue;
    // a rule or target, not a result: 每月1次, 每季度至少1次
    if (/每[年月周季天日]?度?(至少|不少于)?$/.test(text.slice(Math.max(0, at - 6), at))) continue;
    // inside a document title: 《…明确市县5个…》
    // (only the last 120 characters can hold its 《: a bounded look-back, not a scan back through the text)
    const behind = text.slice(Math.max(0, at - 119), at);
    if (behind.lastIndexOf('《') > behind.lastIndexOf('》')) continue;
    const unit0 = rawUnit.replace(/[()]/g, '');
    let value = chinese ? chineseNumeral(number) : Number(number);
    if (!Number.isFinite(value)) continue;
    if (chinese) {
      // a Chinese numeral counts only as 两期, 十余次: never 一 (an article), never inside a name or a quote
      if (value < 2 || number === '二' || /[第每这那前后近一数几]/.test(before) || /[\u4e00-\u9fff]/.test(text[at - 1] ?? '') && /[零一二两三四五六七八九]/.test(text[at - 1])) continue;
      if (!CN_UNITS.has(unit0) && !approx) continue;
      if (NOT_A_COUNT_AFTER.test(text.slice(end, end + 4))) continue;
      const sentenceStart = sentences.at(at).start;
      const quotes = text.slice(sentenceStart, at);
      if ((quotes.match(/“/g) ?? []).length > (quotes.match(/”/g) ?? []).length) continue;
    }
    // the clause before the number names what is counted
    const clauseStart = clauseStartBefore(text, at);
    let head = withoutAsides(text.slice(clauseStart, at));
    // after an earlier count in the same clause (3个单位及5名个人): only what follows it and its noun
    const lastCount = /.*\d(?:万|亿)?(?:余|多)?(?:个工作日|个月|人次|场次|[个项件名人家次期场份条起宗批所部类])/.exec(head);
    if (lastCount) head = head.slice(lastCount[0].length).replace(/^[^和及与]*[和及与]/, '');
    // an enumeration of examples (抽调政法委、督查局等5个部门): the verb and the first example stand for it
    const list = /、[^、]*等(?:方面|领域|类)?$/.exec(head);
    if (list) head = head.slice(0, head.indexOf('、'));
    const qualifierBefore = QUALIFIER_BEFORE.exec(head)?.[1] ?? null;
    // dates are not part of what is counted: 3月29日印发了15家单位…
    head = head.replace(/(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|\d{4}年(?:度)?|\d{1,2}日/g, '');
    head = head.replace(/[“”"]/g, '').trim();
    const opened = head.replace(OPENING_WORDS, '');
    head = (opened.length >= 2 ? opened : head).replace(/^[和及与、]+/, '').replace(CLOSING_WORDS, '');
    if (head.length > 16) head = head.slice(-16);
    // the noun the unit counts: 对26家行政执法单位开展… → 行政执法单位
    const noun = after ? '' : nounAfter(text, end).replace(/[“”"]/g, '');
    let indicator = (head + noun).trim();
    // 其中2起为结转案件, 209人通过考试: the words after the number name it
    if (indicator.length < 2) indicator = untilSeparator(text, end).replace(/^[为是]/, '').replace(/[“”"]/g, '').slice(0, 16).trim();
    if (indicator.length < 2) continue;
    let unit: string | null = unit0;
    if (unit === '元' && tenThousands) unit = `${tenThousands}元`; // money keeps its stated unit: 5万余元 → 5 万元
    else if (tenThousands === '万') value *= 10000; // 34万余剂次 → 340000 剂次
    else if (tenThousands === '亿') value *= 100000000;
    if (unit === '万') {
      value *= 10000; // 用户数突破15.33万: a number without a counting unit
      unit = null;
    }
    value = Math.round(value * 1e6) / 1e6;
    if (unit === '元' || (unit === null && value < 10000)) continue; // bare 元 amounts and unit-less small numbers are noise
    metrics.push({
      indicator,
      value,
      unit,
      surface: text.slice(clauseStart, end).trim(),
      qualifier: approx ?? after ?? qualifierBefore,
      mentions: [{ start: at, end, sentence: sentences.textAt(at), section: sectionPath(at) }],
    });
  }
  return metrics;
}
