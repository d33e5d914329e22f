// Cross-report linkage through the real yoga server. First on a small graph
// whose answers can be worked out by hand: three 罗江区 reports of consecutive
// years (2016–2018) and one 台前县 report (2016) that mentions 三项制度 but
// not 放管服改革; then over the seeds and a second-year report (below).
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler } from '../../../src/api/server.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import type { ReportGraph } from '../../../src/extract/types.js';
import { syntheticReport } from '../../support/graphs.js';
import { type Connection, queryData } from '../../support/ask.js';
import { useSeededApi } from '../../support/seeded-api.js';

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
  const ask = <T>(query: string) => queryData<T>(yoga, query);

  beforeAll(async () => {
    store = await EmbeddedStore.open();
    for (let i = 0; i < 3; i++) await store.upsertReport(syntheticReport(i), { extractorVersion: 't' });
    await store.upsertReport(taiqian(), { extractorVersion: 't' });
    yoga = createGraphQLHandler({ store });
  });
  afterAll(() => store.close());

  it('co-citation: counts shared reports and computes lift = shared·N / (citedA·citedB)', async () => {
    const data = await ask<{ regulation: { coCited: unknown } }>(
      `{ regulation(title: "行政复议法") { coCited { totalCount nodes { regulation { title } count lift pmi } } } }`,
    );
    // 4 reports; 行政复议法 cited by all 4, the 罗江区 rule by the 3 罗江区 reports, together in 3.
    expect(data.regulation.coCited).toEqual({
      totalCount: 1,
      nodes: [{ regulation: { title: '德阳市罗江区重大经济事项决策规定实施细则' }, count: 3, lift: (3 * 4) / (4 * 3), pmi: 0 }],
    });
  });

  it('co-mention: 放管服改革 appears only beside 三项制度 in 罗江区, so its lift is above 1', async () => {
    const data = await ask<{ initiative: { name: string; coMentioned: unknown } }>(
      `{ initiative(name: "放管服") { name coMentioned { totalCount nodes { initiative { name } count lift } } } }`,
    );
    expect(data.initiative.name).toBe('放管服改革');
    expect(data.initiative.coMentioned).toEqual({ totalCount: 1, nodes: [{ initiative: { name: '行政执法三项制度' }, count: 3, lift: (3 * 4) / (3 * 4) }] });
  });

  it('similarity: Jaccard of initiatives ∪ regulations, with the measure named', async () => {
    const data = await ask<{ jurisdiction: { similar: unknown } }>(
      `{ jurisdiction(name: "台前县") { similar(first: 5) { totalCount nodes { jurisdiction { name } shared score measure } } } }`,
    );
    // 台前县 {三项制度, 行政复议法}; 罗江区 {三项制度, 放管服改革, 行政复议法, 罗江区 rule}: 2 shared of 4.
    expect(data.jurisdiction.similar).toEqual({
      totalCount: 1,
      nodes: [{ jurisdiction: { name: '罗江区' }, shared: 2, score: 0.5, measure: 'jaccard(initiatives ∪ regulations)' }],
    });
  });

  it('comparison: shared and distinct initiatives, regulations and problem themes', async () => {
    const data = await ask<{ compareJurisdictions: unknown }>(`{ compareJurisdictions(a: "罗江区", b: "410927") {
      a { name } b { name } similarity
      sharedInitiatives { nodes { name } } onlyAInitiatives { nodes { name } } onlyBInitiatives { totalCount nodes { name } }
      sharedRegulations { nodes { title } } onlyARegulations { nodes { title } }
      sharedProblemThemes onlyAProblemThemes onlyBProblemThemes } }`);
    expect(data.compareJurisdictions).toEqual({
      a: { name: '罗江区' },
      b: { name: '台前县' },
      similarity: 0.5,
      sharedInitiatives: { nodes: [{ name: '行政执法三项制度' }] },
      onlyAInitiatives: { nodes: [{ name: '放管服改革' }] },
      onlyBInitiatives: { totalCount: 0, nodes: [] },
      sharedRegulations: { nodes: [{ title: '行政复议法' }] },
      onlyARegulations: { nodes: [{ title: '德阳市罗江区重大经济事项决策规定实施细则' }] },
      sharedProblemThemes: [],
      onlyAProblemThemes: ['enforcement_capacity'],
      onlyBProblemThemes: ['legal_publicity'],
    });
  });

  it('diffusion: first year per jurisdiction, adopters per year and per province', async () => {
    const data = await ask<{ initiative: { diffusion: unknown } }>(`{ initiative(name: "三项制度") { diffusion {
      adoptions { totalCount nodes { jurisdiction { name } year } } byYear { year adopters cumulative } byProvince { province adopters firstYear } } } }`);
    expect(data.initiative.diffusion).toEqual({
      // same first year: by full name (四川省… before 河南省… in code point order)
      adoptions: {
        totalCount: 2,
        nodes: [
          { jurisdiction: { name: '罗江区' }, year: 2016 },
          { jurisdiction: { name: '台前县' }, year: 2016 },
        ],
      },
      byYear: [{ year: 2016, adopters: 2, cumulative: 2 }],
      // a tie on adopters and first year is broken by name (code point order)
      byProvince: [
        { province: '四川省', adopters: 1, firstYear: 2016 },
        { province: '河南省', adopters: 1, firstYear: 2016 },
      ],
    });
  });

  it('recurrence: a theme 罗江区 admits in three years; the most widespread theme of a year', async () => {
    const data = await ask<{
      recurringProblemThemes: unknown;
      problemThemesOfYear: Connection<unknown>;
    }>(`{ recurringProblemThemes { totalCount nodes { jurisdiction { name } theme years } }
      problemThemesOfYear(year: 2016) { totalCount nodes { theme jurisdictions reports } } }`);
    expect(data.recurringProblemThemes).toEqual({
      totalCount: 1,
      nodes: [{ jurisdiction: { name: '罗江区' }, theme: 'enforcement_capacity', years: [2016, 2017, 2018] }],
    });
    expect(data.problemThemesOfYear.totalCount).toBe(2);
    expect(data.problemThemesOfYear.nodes).toEqual([
      { theme: 'enforcement_capacity', jurisdictions: 1, reports: 1 },
      { theme: 'legal_publicity', jurisdictions: 1, reports: 1 },
    ]);
  });

  it('follow-through: the 2016 plan 深化三项制度 is mentioned as done in 2017, and 2017’s in 2018, with evidence', async () => {
    const data = await ask<{
      jurisdiction: { followThrough: Connection<unknown> };
    }>(`{ jurisdiction(name: "罗江区") { followThrough { totalCount nodes { plan plannedYear doneYear initiative { name }
      evidence { sentence report { year } } planMentions { sentence } } } } }`);
    expect(data.jurisdiction.followThrough.totalCount).toBe(2);
    expect(data.jurisdiction.followThrough.nodes).toEqual(
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

// The same capabilities over the five seed reports plus a second-year report
// of 罗江区 made up for these tests (test/fixtures/second-year/luojiang-2025.txt:
// it reports done what 罗江区's 2024 seed planned — 领导干部述法, 法治督察,
// 提升行政执法质量三年行动… — names 领导干部学法用法 only in its own plans, and
// admits two problem themes of 2024 again). Everything goes through the real
// pipeline: read, extract, store, then the server.
describe('cross-report linkage over the seeds and a second-year report', () => {
  const seeded = useSeededApi({ also: [fileURLToPath(new URL('../../fixtures/second-year/', import.meta.url))], ingest: { workers: 0 } });
  const ask = <T>(query: string) => seeded.ask<T>(query);

  beforeAll(() => {
    expect(seeded.summary.ingested).toBe(6);
  });

  it('co-citation of the 纲要: cited by 3 of the 6 reports, so a regulation cited once beside it has lift 6/3 = 2', async () => {
    const data = await ask<{ regulation: { title: string; coCited: Connection<unknown> } }>(
      `{ regulation(title: "法治政府建设实施纲要(2021-2025年)") { title coCited(first: 2) { totalCount nodes { regulation { title } count lift pmi } } } }`,
    );
    expect(data.regulation.title).toBe('法治政府建设实施纲要（2021—2025年）');
    // the regulations 罗江区 2024 and 清远市 2024 cite besides it (the second-year report cites only the 纲要)
    expect(data.regulation.coCited.totalCount).toBe(21);
    expect(data.regulation.coCited.nodes).toEqual([
      { regulation: { title: '2024年清远市普法依法治理工作要点' }, count: 1, lift: 2, pmi: 1 },
      { regulation: { title: '“发挥调解职能作用做好矛盾纠纷排查化解”专项行动实施方案' }, count: 1, lift: 2, pmi: 1 },
    ]);
  });

  it('co-mention and diffusion of 三项制度 (by its alias): 昌江区 2021, 清远市 2024, 罗江区 2025', async () => {
    const data = await ask<{
      initiative: { name: string; coMentioned: Connection<unknown>; diffusion: unknown };
    }>(`{ initiative(name: "三项制度") { name coMentioned(first: 2) { totalCount nodes { initiative { name } count lift } }
      diffusion { adoptions { totalCount nodes { jurisdiction { name } year } } byYear { year adopters cumulative } byProvince { province adopters firstYear } } } }`);
    expect(data.initiative.name).toBe('行政执法三项制度');
    // three reports mention it; 第一责任人职责 is in all three (and in all six: lift 3·6/(3·6) = 1), 国家宪法日 in two of them and nowhere else (2·6/(3·2) = 2)
    expect(data.initiative.coMentioned.nodes).toEqual([
      { initiative: { name: '党政主要负责人履行推进法治建设第一责任人职责' }, count: 3, lift: 1 },
      { initiative: { name: '国家宪法日' }, count: 2, lift: 2 },
    ]);
    expect(data.initiative.coMentioned.totalCount).toBe(77);
    expect(data.initiative.diffusion).toEqual({
      adoptions: {
        totalCount: 3,
        nodes: [
          { jurisdiction: { name: '昌江区' }, year: 2021 },
          { jurisdiction: { name: '清远市' }, year: 2024 },
          { jurisdiction: { name: '罗江区' }, year: 2025 },
        ],
      },
      byYear: [
        { year: 2021, adopters: 1, cumulative: 1 },
        { year: 2024, adopters: 1, cumulative: 2 },
        { year: 2025, adopters: 1, cumulative: 3 },
      ],
      byProvince: [
        { province: '江西省', adopters: 1, firstYear: 2021 },
        { province: '广东省', adopters: 1, firstYear: 2024 },
        { province: '四川省', adopters: 1, firstYear: 2025 },
      ],
    });
  });

  it('similarity ranks the other four places, and the comparison of two of them agrees with it', async () => {
    type Similar = { jurisdiction: { name: string }; shared: number; score: number };
    const data = await ask<{ jurisdiction: { similar: Connection<Similar> } }>(
      `{ jurisdiction(name: "罗江区") { similar { totalCount nodes { jurisdiction { name } shared score } } } }`,
    );
    const similar = data.jurisdiction.similar;
    expect(similar.totalCount).toBe(4);
    expect(similar.nodes.map((s) => s.jurisdiction.name)).toEqual(['清远市', '昌江区', '台前县', '沅江市']);
    expect(similar.nodes[0]).toEqual({ jurisdiction: { name: '清远市' }, shared: 13, score: 13 / 86 });
    type Part = { totalCount: number };
    type Comparison = {
      similarity: number;
      sharedInitiatives: Connection<{ name: string }>;
      onlyAInitiatives: Part;
      onlyBInitiatives: Part;
      sharedRegulations: Part;
      onlyARegulations: Part;
      onlyBRegulations: Part;
      sharedProblemThemes: string[];
      onlyAProblemThemes: string[];
      onlyBProblemThemes: string[];
    };
    const compared = (
      await ask<{ compareJurisdictions: Comparison }>(`{ compareJurisdictions(a: "罗江区", b: "台前县") { similarity
        sharedInitiatives { totalCount nodes { name } } onlyAInitiatives { totalCount } onlyBInitiatives { totalCount }
        sharedRegulations { totalCount } onlyARegulations { totalCount } onlyBRegulations { totalCount }
        sharedProblemThemes onlyAProblemThemes onlyBProblemThemes } }`)
    ).compareJurisdictions;
    const taiqian = similar.nodes.find((s) => s.jurisdiction.name === '台前县')!;
    // the comparison's parts add up to the similarity's figures
    expect(compared.similarity).toBe(taiqian.score);
    expect(compared.sharedInitiatives.totalCount + compared.sharedRegulations.totalCount).toBe(taiqian.shared);
    const union = [
      compared.sharedInitiatives,
      compared.onlyAInitiatives,
      compared.onlyBInitiatives,
      compared.sharedRegulations,
      compared.onlyARegulations,
      compared.onlyBRegulations,
    ].reduce((sum, part) => sum + part.totalCount, 0);
    expect(taiqian.shared / union).toBe(taiqian.score);
    expect(compared.sharedInitiatives.nodes.map((i) => i.name).sort()).toEqual(
      ['以案释法', '党政主要负责人履行推进法治建设第一责任人职责', '放管服改革', '法律顾问制度', '重大行政决策事项目录管理制度', '重大行政决策法定程序'].sort(),
    );
    expect([compared.sharedProblemThemes, compared.onlyAProblemThemes, compared.onlyBProblemThemes]).toEqual([
      ['执法能力不足'],
      ['法治宣传不足', '机制不健全'],
      ['工作推进不平衡'],
    ]);
  });

  it('recurrence: the two themes 罗江区 admits in 2024 and again in 2025; the most widespread theme of 2021', async () => {
    const data = await ask<{
      recurringProblemThemes: unknown;
      problemThemesOfYear: unknown;
      jurisdiction: { problemThemes: unknown };
    }>(`{ recurringProblemThemes { totalCount nodes { jurisdiction { name } theme years } }
      problemThemesOfYear(year: 2021, first: 1) { totalCount nodes { theme jurisdictions reports } }
      jurisdiction(name: "罗江区") { problemThemes { totalCount nodes { theme reports } } } }`);
    expect(data.recurringProblemThemes).toEqual({
      totalCount: 2,
      nodes: [
        { jurisdiction: { name: '罗江区' }, theme: '执法能力不足', years: [2024, 2025] },
        { jurisdiction: { name: '罗江区' }, theme: '法治宣传不足', years: [2024, 2025] },
      ],
    });
    // 2021: 台前县 and 昌江区 both admit 执法能力不足; three other themes once each
    expect(data.problemThemesOfYear).toEqual({ totalCount: 4, nodes: [{ theme: '执法能力不足', jurisdictions: 2, reports: 2 }] });
    expect(data.jurisdiction.problemThemes).toEqual({
      totalCount: 3,
      nodes: [
        { theme: '执法能力不足', reports: 2 },
        { theme: '法治宣传不足', reports: 2 },
        { theme: '机制不健全', reports: 1 },
      ],
    });
  });

  it('recurrence asks for at least minYears years, and a comparison names a place it does not know', async () => {
    const data = await ask(
      `{ two: recurringProblemThemes(minYears: 2) { totalCount } three: recurringProblemThemes(minYears: 3) { totalCount nodes { theme } } }`,
    );
    expect(data).toEqual({ two: { totalCount: 2 }, three: { totalCount: 0, nodes: [] } });
    const body = await seeded.post('{ compareJurisdictions(a: "罗江区", b: "不存在县") { similarity } }');
    expect(body.errors![0]).toMatchObject({ message: 'no jurisdiction "不存在县" in the graph', extensions: { code: 'NOT_FOUND' } });
  });

  it('follow-through: what 罗江区 planned for after 2024 that its 2025 report reports done, with the sentences', async () => {
    type FollowThrough = {
      plannedYear: number;
      doneYear: number;
      initiative: { name: string };
      evidence: { sentence: string; report: { year: number } }[];
      planMentions: { report: { year: number } }[];
    };
    const data = await ask<{ jurisdiction: { followThrough: Connection<FollowThrough> } }>(
      `{ jurisdiction(name: "罗江区") { followThrough(first: 20) { totalCount nodes { plannedYear doneYear initiative { name } evidence { sentence report { year } } planMentions { report { year } } } } } }`,
    );
    const found = data.jurisdiction.followThrough;
    const done = Object.fromEntries(found.nodes.map((f) => [f.initiative.name, [...new Set(f.evidence.map((m) => m.sentence))]]));
    expect(done).toEqual({
      党政主要负责人履行推进法治建设第一责任人职责: [
        '1.落实第一责任人职责。',
        '区政府主要负责同志认真履行推进法治建设第一责任人职责,全年专题研究法治政府建设工作4次。',
      ],
      法治督察: ['2.开展法治督察。', '围绕行政执法、行政复议等重点工作开展法治督察2轮,督促整改问题23个。'],
      领导干部述法: ['组织开展领导干部述法,18个区级部门主要负责人在区政府常务会上现场述法,述法情况纳入年度考核。'],
      提升行政执法质量三年行动: ['1.完成提升行政执法质量三年行动。'],
      行政执法协调监督工作体系: ['2.健全行政执法协调监督工作体系。'],
      综合行政执法规范化建设: ['3.深化综合行政执法规范化建设。'],
    });
    // planned in 2024 too, but the 2025 report names it only in its own plans: not done
    expect(done).not.toHaveProperty('领导干部学法用法制度');
    expect(found.totalCount).toBe(6);
    for (const f of found.nodes) {
      expect([f.plannedYear, f.doneYear]).toEqual([2024, 2025]);
      expect(f.planMentions.map((m) => m.report.year)).toEqual([2024]);
      expect(f.evidence.every((m) => m.report.year === 2025)).toBe(true);
    }
  });

  it('orders by counts of reports and of mentions, and by name, either way', async () => {
    type Counted = { name: string; mentions: { totalCount: number }; reports: { totalCount: number } };
    const initiatives = async (order: string) =>
      (
        await ask<{ initiatives: Connection<Counted> }>(
          `{ initiatives(first: 100, ${order}) { totalCount nodes { name mentions { totalCount } reports { totalCount } } } }`,
        )
      ).initiatives;
    const byMentions = await initiatives('orderBy: {field: MENTIONS}');
    const byReports = await initiatives('orderBy: {field: REPORTS}');
    const count = (i: Counted, key: 'mentions' | 'reports') => i[key].totalCount;
    const sorted = (list: Counted[], key: 'mentions' | 'reports', sign: number) =>
      [...list].sort((a, b) => sign * (count(b, key) - count(a, key)) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // the order's key is what each initiative's own mentions and reports count
    expect(byMentions.nodes).toEqual(sorted(byMentions.nodes, 'mentions', 1));
    expect(byReports.nodes).toEqual(sorted(byReports.nodes, 'reports', 1));
    expect(byMentions.nodes.slice(0, 2).map((i) => [i.name, count(i, 'mentions'), count(i, 'reports')])).toEqual([
      ['法律顾问制度', 26, 5],
      // (争创全省法治政府建设示范县, 创建国家法治政府建设示范市 and 法治政府建设示范县创建 are mentions of the campaign too)
      ['法治政府建设示范创建', 20, 1],
    ]);
    // 第一责任人职责 is the only initiative all six reports mention; REPORTS is also the default
    expect(byReports.nodes[0]).toMatchObject({ name: '党政主要负责人履行推进法治建设第一责任人职责', reports: { totalCount: 6 } });
    expect((await initiatives('')).nodes).toEqual(byReports.nodes);
    const fewestMentions = await initiatives('orderBy: {field: MENTIONS, descending: false}');
    expect(fewestMentions.nodes).toEqual(sorted(fewestMentions.nodes, 'mentions', -1));
    expect(count(fewestMentions.nodes[0], 'mentions')).toBe(1);
    expect(fewestMentions.totalCount).toBe(byMentions.totalCount);

    const regulations = (
      await ask<{ regulations: { nodes: unknown } }>(
        `{ regulations(first: 2, orderBy: {field: MENTIONS}) { nodes { title mentions { totalCount } citedBy { totalCount } } } }`,
      )
    ).regulations;
    expect(regulations.nodes).toEqual([
      { title: '法治政府建设实施纲要（2021—2025年）', mentions: { totalCount: 4 }, citedBy: { totalCount: 3 } },
      { title: '民法典', mentions: { totalCount: 3 }, citedBy: { totalCount: 2 } },
    ]);
    type Titles = { regulations: { nodes: { title: string }[] } };
    const titles = (await ask<Titles>(`{ regulations(first: 100, orderBy: {field: NAME, descending: true}) { nodes { title } } }`)).regulations.nodes.map(
      (g) => g.title,
    );
    expect(titles).toEqual([...titles].sort().reverse());
    expect((await ask<Titles>(`{ regulations(first: 100, byName: true) { nodes { title } } }`)).regulations.nodes.map((g) => g.title)).toEqual(
      [...titles].reverse(),
    );

    // jurisdictions by report count: 罗江区 has two (2024 and 2025), the others one each, ties by full name
    const places = await ask<{ jurisdictions: { nodes: { name: string; reports: { totalCount: number } }[] } }>(
      `{ jurisdictions(filter: {level: COUNTY}, orderBy: {field: REPORTS, descending: true}) { nodes { name reports { totalCount } } } }`,
    );
    expect(places.jurisdictions.nodes.map((j) => [j.name, j.reports.totalCount])).toEqual([
      ['罗江区', 2],
      ['昌江区', 1],
      ['台前县', 1],
      ['沅江市', 1],
    ]);
    const ascending = await ask<{ jurisdictions: { nodes: { name: string }[] } }>(
      `{ jurisdictions(filter: {level: COUNTY}, orderBy: {field: REPORTS}) { nodes { name } } }`,
    );
    expect(ascending.jurisdictions.nodes.map((j) => j.name)).toEqual(['昌江区', '台前县', '沅江市', '罗江区']);

    // the same order where the filter names an initiative (the rollup's statement), which counts reports only for this order
    type CountedPlaces = { jurisdictions: { nodes: { name: string; fullName: string; reports: { totalCount: number } }[] } };
    const citing = await ask<CountedPlaces>(
      `{ jurisdictions(filter: {level: COUNTY, mentionsInitiative: "三项制度"}, orderBy: {field: REPORTS}) { nodes { name fullName reports { totalCount } } } }`,
    );
    const rows = citing.jurisdictions.nodes.map((j) => ({ name: j.name, fullName: j.fullName, reports: j.reports.totalCount }));
    // 罗江区 (two reports) comes first by full name and last by this order
    expect(rows.at(-1)).toMatchObject({ name: '罗江区', reports: 2 });
    expect(rows).toEqual([...rows].sort((a, b) => a.reports - b.reports || (a.fullName < b.fullName ? -1 : 1)));
    const byName = await ask<CountedPlaces>(
      `{ jurisdictions(filter: {level: COUNTY, mentionsInitiative: "三项制度"}) { nodes { name fullName reports { totalCount } } } }`,
    );
    expect(byName.jurisdictions.nodes.map((j) => j.fullName)).toEqual(rows.map((j) => j.fullName).sort());
    expect(byName.jurisdictions.nodes[0].name).toBe('罗江区');
  });

  it('facets: all six, for the counties of the filter', async () => {
    type Facet = { value: string; count: number }[];
    type Facets = { province: Facet; level: Facet; year: Facet; initiativeCategory: Facet; regulationKind: Facet; problemTheme: Facet };
    const data = await ask<{
      jurisdictions: { totalCount: number; facets: Facets };
    }>(`{ jurisdictions(filter: {level: COUNTY}) { totalCount facets { province { value count } level { value count } year { value count }
      initiativeCategory { value count } regulationKind { value count } problemTheme { value count } } } }`);
    const f = data.jurisdictions.facets;
    expect(data.jurisdictions.totalCount).toBe(4);
    expect(f.level).toEqual([{ value: 'county', count: 4 }]);
    // a facet counts jurisdictions: 罗江区 is in both 2024 and 2025
    expect(f.year).toEqual([
      { value: '2021', count: 2 },
      { value: '2023', count: 1 },
      { value: '2024', count: 1 },
      { value: '2025', count: 1 },
    ]);
    expect(f.province).toEqual(['四川省', '江西省', '河南省', '湖南省'].map((value) => ({ value, count: 1 })));
    // (台前县's “法治台前”公众号 is a digital-government platform: all four counties have one)
    expect(f.initiativeCategory.slice(0, 4)).toEqual(
      ['business_environment', 'decision_making', 'digital_government', 'legal_publicity'].map((value) => ({ value, count: 4 })),
    );
    expect(f.initiativeCategory).toHaveLength(8);
    expect(f.regulationKind[0]).toEqual({ value: 'normative_document', count: 4 });
    expect(f.regulationKind.find((k) => k.value === 'law')).toEqual({ value: 'law', count: 3 });
    // 执法能力不足: 罗江区, 台前县, 昌江区 (as in the gold standard); 法治宣传不足 only 罗江区
    expect(f.problemTheme[0]).toEqual({ value: '执法能力不足', count: 3 });
    expect(f.problemTheme.find((t) => t.value === '法治宣传不足')).toEqual({ value: '法治宣传不足', count: 1 });
    for (const facet of Object.values(f)) {
      expect(facet.map((v) => v.count)).toEqual([...facet.map((v) => v.count)].sort((a, b) => b - a));
    }
  });
});
