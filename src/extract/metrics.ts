// Metrics: a number with a counting unit about the jurisdiction's own work
// (会前学法19次, 出庭应诉率100%). The indicator is the clause before the
// number, without the verbs and adverbs that open it. Years, dates, ordinals
// and numbers inside names are not metrics.
import type { Sentences } from './sentences.js';
import type { MetricFact } from './types.js';

const UNITS = ['个工作日', '个月', '人次', '场次', '批次', '万元', '亿元', '%', '次', '件', '宗', '起', '期', '个', '项', '条', '份', '名', '人', '户', '家', '场', '批', '篇', '部', '所', '天', '小时', '万'];
const METRIC = new RegExp(`(\\d+(?:\\.\\d+)?)(万)?(余|多)?(${UNITS.map((u) => u.replace('%', '%')).join('|')})`, 'g');
const OPENING_WORDS = /^(全年|累计|共计|共|先后|今年以来|目前|截至目前|其中|全区|全县|全市|开展|举办|组织|办理|审查|受理|完成|参与|达到|达|发放|培训|实现|新增|新收|收到|处理|化解)+/;

export function extractMetrics(text: string, sentences: Sentences, sectionPath: (o: number) => string[]): MetricFact[] {
  const metrics: MetricFact[] = [];
  for (const m of text.matchAll(METRIC)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    const before = text[at - 1] ?? '';
    const after = text[end] ?? '';
    // part of a longer number, a year/date, an ordinal (第3批), or a name (12345热线)
    if (/[\d.第]/.test(before) || /^\d/.test(after) || /[年月日号届]/.test(after) || /^(19|20)\d\d$/.test(m[1])) continue;
    if (m[4] === '万' && !/[元人户家件条个]/.test(after)) {
      // a bare 万 ("突破15.33万") is a number without a unit
    }
    // the clause before the number names what is counted
    const clauseStart = Math.max(text.lastIndexOf(',', at), text.lastIndexOf(',', at), text.lastIndexOf('。', at), text.lastIndexOf('、', at), text.lastIndexOf(';', at), text.lastIndexOf('\n', at), text.lastIndexOf(':', at)) + 1;
    let indicator = text.slice(clauseStart, at).replace(OPENING_WORDS, '').replace(/[“”"]/g, '').trim();
    if (indicator.length > 24) indicator = indicator.slice(-24);
    if (indicator.length < 2) continue;
    const qualifier = m[3] ?? null;
    let value = Number(m[1]);
    let unit: string | null = m[4];
    if (m[2] === '万' && unit !== '万元') value *= 10000;
    if (unit === '万') unit = null;
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
