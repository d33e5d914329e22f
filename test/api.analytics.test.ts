// Cross-report linkage through the real yoga server on a small graph whose
// answers can be worked out by hand: three 罗江区 reports of consecutive
// years (2016–2018) and one 台前县 report (2016) that mentions 三项制度 but
// not 放管服改革.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler } from '../src/api/server.js';
import { EmbeddedStore } from '../src/store/embedded.js';
import type { ReportGraph } from '../src/extract/types.js';
import { syntheticReport } from './support/graphs.js';

function taiqian(): ReportGraph {
  const base = syntheticReport(10); // year 2016
  return {
    ...base,
    jurisdiction: { name: '台前县', fullName: '河南省濮阳市台前县', province: '河南省', prefecture: '濮阳市', level: 'county', adminCode: '410927' },
    initiatives: base.initiatives.filter((i) => i.name === '行政执法三项制度'),
    regulations: base.regulations.filter((r) => r.title === '行政复议法'),
    problems: [{ ...base.problems[0], theme: 'legal_publicity' }],
    plans: [],
  };
}

describe('cross-report linkage', () => {
  let store: EmbeddedStore;
  let yoga: ReturnType<typeof createGraphQLHandler>;
  const ask = async (query: string) => {
    const response = await yoga.fetch('http://govgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  beforeAll(async () => {
    store = await EmbeddedStore.open();
    for (let i = 0; i < 3; i++) await store.upsertReport(syntheticReport(i), { extractorVersion: 't' });
    await store.upsertReport(taiqian(), { extractorVersion: 't' });
    yoga = createGraphQLHandler({ store });
  });
  afterAll(() => store.close());

  it('co-citation: counts shared reports and computes lift = shared·N / (citedA·citedB)', async () => {
    const data = await ask(`{ regulation(title: "行政复议法") { coCited { regulation { title } count lift pmi } } }`);
    // 4 reports; 行政复议法 cited by all 4, the 罗江区 rule by the 3 罗江区 reports, together in 3.
    expect(data.regulation.coCited).toEqual([{ regulation: { title: '德阳市罗江区重大经济事项决策规定实施细则' }, count: 3, lift: (3 * 4) / (4 * 3), pmi: 0 }]);
  });

  it('co-mention: 放管服改革 appears only beside 三项制度 in 罗江区, so its lift is above 1', async () => {
    const data = await ask(`{ initiative(name: "放管服") { name coMentioned { initiative { name } count lift } } }`);
    expect(data.initiative.name).toBe('放管服改革');
    expect(data.initiative.coMentioned).toEqual([{ initiative: { name: '行政执法三项制度' }, count: 3, lift: (3 * 4) / (3 * 4) }]);
  });

  it('similarity: Jaccard of initiatives ∪ regulations, with the measure named', async () => {
    const data = await ask(`{ jurisdiction(name: "台前县") { similar(first: 5) { jurisdiction { name } shared score measure } } }`);
    // 台前县 {三项制度, 行政复议法}; 罗江区 {三项制度, 放管服改革, 行政复议法, 罗江区 rule}: 2 shared of 4.
    expect(data.jurisdiction.similar).toEqual([{ jurisdiction: { name: '罗江区' }, shared: 2, score: 0.5, measure: 'jaccard(initiatives ∪ regulations)' }]);
  });

  it('comparison: shared and distinct initiatives, regulations and problem themes', async () => {
    const data = await ask(`{ compareJurisdictions(a: "罗江区", b: "410927") {
      a { name } b { name } similarity
      sharedInitiatives { name } onlyAInitiatives { name } onlyBInitiatives { name }
      sharedRegulations { title } onlyARegulations { title }
      sharedProblemThemes onlyAProblemThemes onlyBProblemThemes } }`);
    expect(data.compareJurisdictions).toEqual({
      a: { name: '罗江区' },
      b: { name: '台前县' },
      similarity: 0.5,
      sharedInitiatives: [{ name: '行政执法三项制度' }],
      onlyAInitiatives: [{ name: '放管服改革' }],
      onlyBInitiatives: [],
      sharedRegulations: [{ title: '行政复议法' }],
      onlyARegulations: [{ title: '德阳市罗江区重大经济事项决策规定实施细则' }],
      sharedProblemThemes: [],
      onlyAProblemThemes: ['enforcement_capacity'],
      onlyBProblemThemes: ['legal_publicity'],
    });
  });

  it('diffusion: first year per jurisdiction, adopters per year and per province', async () => {
    const data = await ask(`{ initiative(name: "三项制度") { diffusion {
      adoptions { jurisdiction { name } year } byYear { year adopters cumulative } byProvince { province adopters firstYear } } } }`);
    expect(data.initiative.diffusion).toEqual({
      // same first year: by full name (四川省… before 河南省… in code point order)
      adoptions: [
        { jurisdiction: { name: '罗江区' }, year: 2016 },
        { jurisdiction: { name: '台前县' }, year: 2016 },
      ],
      byYear: [{ year: 2016, adopters: 2, cumulative: 2 }],
      // a tie on adopters and first year is broken by name (code point order)
      byProvince: [
        { province: '四川省', adopters: 1, firstYear: 2016 },
        { province: '河南省', adopters: 1, firstYear: 2016 },
      ],
    });
  });

  it('recurrence: a theme 罗江区 admits in three years; the most widespread theme of a year', async () => {
    const data = await ask(`{ recurringProblemThemes { jurisdiction { name } theme years }
      problemThemesOfYear(year: 2016) { theme jurisdictions reports } }`);
    expect(data.recurringProblemThemes).toEqual([{ jurisdiction: { name: '罗江区' }, theme: 'enforcement_capacity', years: [2016, 2017, 2018] }]);
    expect(data.problemThemesOfYear).toEqual([
      { theme: 'enforcement_capacity', jurisdictions: 1, reports: 1 },
      { theme: 'legal_publicity', jurisdictions: 1, reports: 1 },
    ]);
  });

  it('follow-through: the 2016 plan 深化三项制度 is mentioned as done in 2017, and 2017’s in 2018, with evidence', async () => {
    const data = await ask(`{ jurisdiction(name: "罗江区") { followThrough { plan plannedYear doneYear initiative { name }
      evidence { sentence report { year } } planMentions { sentence } } } }`);
    expect(data.jurisdiction.followThrough).toEqual(
      [2016, 2017].map((year) => ({
        plan: '深化三项制度',
        plannedYear: year,
        doneYear: year + 1,
        initiative: { name: '行政执法三项制度' },
        evidence: [{ sentence: '我区全面推行三项制度,深化放管服改革。', report: { year: year + 1 } }],
        planMentions: [{ sentence: '下一步:深化三项制度。' }],
      })),
    );
  });
});
