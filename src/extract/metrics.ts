// Metrics: a number with a counting unit about the jurisdiction's own work
// (会前学法19次, 出庭应诉率100%). The indicator is the clause before the
// number, without the verbs and adverbs that open it. Years, dates, ordinals
// and numbers inside names are not metrics.
import type { Sentences } from './sentences.js';
import type { MetricFact } from './types.js';

// Longest first, so 人次 wins over 人. 人(次) and (场)次 are written forms of 人次, 场次.
const UNITS = ['个工作日', '人(次)', '(场)次', '个月', '人次', '场次', '批次', '剂次', '户次', '万元', '亿元', '%', '次', '件', '宗', '起', '期', '个', '项', '条', '份', '名', '人', '户', '家', '场', '批', '篇', '部', '所', '天', '小时', '卷', '本', '类', '处', '张', '台', '套', '座', '艘', '辆', '元', '万'];
const escape = (u: string) => u.replace(/[()%]/g, (c) => `\\${c}`);
const METRIC = new RegExp(`(\\d+(?:\\.\\d+)?)(万|亿)?(余|多)?(${UNITS.map(escape).join('|')})`, 'g');
const OPENING_WORDS = /^(全年|累计|共计|共|先后|今年以来|目前|截至目前|其中|全区|全县|全市|开展|举办|组织|办理|审查|受理|完成|参与|达到|达|发放|培训|实现|新增|新收|收到|处理|化解)+/;

export function extractMetrics(text: string, sentences: Sentences, sectionPath: (o: number) => string[]): MetricFact[] {
  const metrics: MetricFact[] = [];
  for (const m of text.matchAll(METRIC)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    const before = text[at - 1] ?? '';
    const after = text[end] ?? '';
    // part of a longer number or a range (1000-1500人), a date (3月), an ordinal (第3批), a name (12345热线)
    if (/[\d.第\-—~]/.test(before) || /[年月日号届]/.test(after)) continue;
    // a rule or target, not a result: 每月1次, 每季度至少1次
    if (/每[年月周季天日]?度?(至少|不少于)?$/.test(text.slice(Math.max(0, at - 6), at))) continue;
    // inside a document title: 《…明确市县5个…》
    const open = text.lastIndexOf('《', at);
    if (open >= 0 && open > text.lastIndexOf('》', at) && at - open < 120) continue;
    // the clause before the number names what is counted
    const clauseStart = Math.max(text.lastIndexOf(',', at), text.lastIndexOf(',', at), text.lastIndexOf('。', at), text.lastIndexOf('、', at), text.lastIndexOf(';', at), text.lastIndexOf('\n', at), text.lastIndexOf(':', at)) + 1;
    let indicator = text.slice(clauseStart, at).replace(OPENING_WORDS, '').replace(/[“”"]/g, '').trim();
    // 其中2起为结转案件, 209人通过考试: the words after the number name it
    if (indicator.length < 2) indicator = text.slice(end).split(/[,，。;；、\n]/)[0].replace(/^[为是]/, '').replace(/[“”"]/g, '').trim();
    if (indicator.length > 24) indicator = indicator.slice(-24);
    if (indicator.length < 2) continue;
    const qualifier = m[3] ?? null;
    let value = Number(m[1]);
    let unit: string | null = m[4].replace(/[()]/g, '');
    if (unit === '元' && m[2]) unit = `${m[2]}元`; // money keeps its stated unit: 5万余元 → 5 万元
    else if (m[2] === '万') value *= 10000; // 34万余剂次 → 340000 剂次
    else if (m[2] === '亿') value *= 100000000;
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
      qualifier,
      mentions: [{ start: at, end, sentence: sentences.textAt(at), section: sectionPath(at) }],
    });
  }
  return metrics;
}
