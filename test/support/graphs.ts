// Synthetic ReportGraph values for store tests that must not depend on the
// extractor: every kind of node and relationship, with offsets that point at
// the right characters of the text.
import type { Mention, ReportGraph } from '../../src/extract/types.js';

function mention(text: string, surface: string, section = ['一、主要工作']): Mention {
  const start = text.indexOf(surface);
  if (start < 0) throw new Error(`fixture text lacks ${surface}`);
  const sentenceStart = text.lastIndexOf('。', start) + 1;
  const sentenceEnd = text.indexOf('。', start) + 1 || text.length;
  return { start, end: start + surface.length, sentence: text.slice(sentenceStart, sentenceEnd), section };
}

/** Report number i of a synthetic county (罗江区); distinct text, so a distinct id. */
export function syntheticReport(i: number, overrides: Partial<ReportGraph> = {}): ReportGraph {
  const year = 2016 + (i % 10);
  const text =
    `罗江区${year}年法治政府建设情况报告(第${i}号)。` +
    `我区全面推行三项制度,深化放管服改革。` +
    `修订《德阳市罗江区重大经济事项决策规定实施细则》,贯彻《中华人民共和国行政复议法》。` +
    `全年会前学法19次。` +
    `存在的问题:一是行政执法人员能力不足。` +
    `下一步:深化三项制度。`;
  return {
    reportId: `synthetic-${i}`,
    title: `罗江区${year}年法治政府建设情况报告`,
    year,
    jurisdiction: { name: '罗江区', fullName: '四川省德阳市罗江区', province: '四川省', prefecture: '德阳市', level: 'county', adminCode: '510604' },
    issuer: { type: 'government', name: '罗江区人民政府' },
    regulations: [
      {
        title: '德阳市罗江区重大经济事项决策规定实施细则',
        surface: ['德阳市罗江区重大经济事项决策规定实施细则'],
        kind: 'normative_document',
        scope: 'local',
        action: 'revised',
        count: 1,
        mentions: [mention(text, '德阳市罗江区重大经济事项决策规定实施细则')],
        issuer: '罗江区',
      },
      {
        title: '行政复议法',
        surface: ['中华人民共和国行政复议法'],
        kind: 'law',
        scope: 'national',
        action: 'implemented',
        count: 1,
        mentions: [mention(text, '中华人民共和国行政复议法')],
      },
    ],
    initiatives: [
      { name: '行政执法三项制度', surface: ['三项制度'], category: 'law_enforcement', count: 1, mentions: [mention(text, '三项制度')] },
      { name: '放管服改革', surface: ['放管服改革'], category: 'business_environment', count: 1, mentions: [mention(text, '放管服改革')] },
    ],
    problems: [{ text: '行政执法人员能力不足', theme: 'enforcement_capacity', mentions: [mention(text, '行政执法人员能力不足', ['存在的问题'])] }],
    plans: [{ text: '深化三项制度', initiatives: ['行政执法三项制度'], mentions: [mention(text, '深化三项制度', ['下一步'])] }],
    metrics: [{ indicator: '会前学法', value: 19, unit: '次', surface: '会前学法19次', mentions: [mention(text, '会前学法19次')] }],
    text,
    ...overrides,
  };
}

/** Nodes and relationships one synthetic report adds to an empty store. */
export const SYNTHETIC_REPORT_SHAPE = {
  // Report, 3 Jurisdictions, Organization, 2 Regulations, 2 Initiatives, Problem, ProblemTheme, Plan, Indicator
  nodes: 13,
  // ABOUT, 2 PART_OF, ISSUED_BY, BELONGS_TO, 2 CITES, Regulation ISSUED_BY, 2 MENTIONS, IDENTIFIES, HAS_THEME, PLANS, CONCERNS, REPORTS
  relationships: 15,
};
