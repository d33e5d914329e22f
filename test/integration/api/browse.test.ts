// Browsing the five seed reports through the real yoga server: combined
// filters, ordering, facets, search and metric provenance. Expected answers
// follow from the gold standard: 罗江区 2024, 台前县 2021, 沅江市 2023 (a
// department report), 昌江区 2021, 清远市 2024 (prefecture-level).
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../support/ask.js';
import { useSeededApi } from '../../support/seeded-api.js';

describe('browsing the seeds', () => {
  const seeded = useSeededApi();
  const ask = <T>(query: string) => seeded.ask<T>(query);
  type Edges<N> = { edges: { node: N }[] };
  const names = async (filter: string, order = '') =>
    (
      await ask<{ jurisdictions: Edges<{ name: string }> }>(`{ jurisdictions(filter: ${filter} ${order}) { totalCount edges { node { name } } } }`)
    ).jurisdictions.edges.map((e) => e.node.name);

  it.each([
    ['{level: COUNTY}', ['台前县', '罗江区', '沅江市', '昌江区'].sort()],
    ['{level: COUNTY, province: "江西省"}', ['昌江区']],
    ['{prefecture: "德阳市"}', ['德阳市', '罗江区'].sort()],
    ['{issuerType: DEPARTMENT}', ['沅江市']],
    ['{level: COUNTY, yearFrom: 2023}', ['沅江市', '罗江区'].sort()],
    ['{mentionsInitiative: "三项制度", yearTo: 2020}', []],
    ['{citesRegulation: "法治政府建设实施纲要(2021-2025年)"}', ['清远市', '罗江区'].sort()],
    ['{regulationKind: LOCAL_REGULATION}', ['清远市']],
    ['{level: PROVINCE}', ['四川省', '江西省', '河南省', '湖南省', '广东省'].sort()],
    ['{text: "江"}', ['罗江区', '江西省', '景德镇市', '昌江区', '沅江市'].sort()],
    ['{level: COUNTY, yearTo: 2021}', ['昌江区', '台前县'].sort()],
    ['{level: COUNTY, problemTheme: "执法能力不足"}', ['罗江区', '昌江区', '台前县'].sort()],
    ['{level: COUNTY, initiativeCategory: DIGITAL_GOVERNMENT}', ['罗江区', '昌江区', '沅江市', '台前县'].sort()],
  ])('filter %s', async (filter, expected) => {
    expect((await names(filter)).sort()).toEqual(expected);
  });

  it.each([
    [
      'jurisdictions citing a provincial regulation',
      '{ jurisdictions(filter: {regulationScope: PROVINCIAL}) { totalCount nodes { name } } }',
      { jurisdictions: { totalCount: 1, nodes: [{ name: '昌江区' }] } },
    ],
    [
      'initiatives by a word of a name or alias',
      '{ initiatives(filter: {text: "三项"}) { totalCount nodes { name } } }',
      { initiatives: { totalCount: 1, nodes: [{ name: '行政执法三项制度' }] } },
    ],
    [
      'regulations of provincial scope',
      '{ regulations(filter: {scope: PROVINCIAL}, orderBy: {field: NAME}) { totalCount nodes { title } } }',
      { regulations: { totalCount: 2, nodes: [{ title: '江西省政府信息公开规定' }, { title: '江西省统一行政权力清单（2021年）' }] } },
    ],
    [
      'regulations by a word of the title',
      '{ regulations(filter: {text: "复议"}, orderBy: {field: NAME}) { totalCount nodes { title } } }',
      { regulations: { totalCount: 2, nodes: [{ title: '昌江区行政复议体制改革实施方案' }, { title: '行政复议法' }] } },
    ],
    [
      'problems of one theme (罗江区 and 清远市 admit 法治宣传不足)',
      '{ problems(filter: {theme: "法治宣传不足"}) { totalCount nodes { report { jurisdiction { name } } } } }',
      { problems: { totalCount: 2, nodes: [{ report: { jurisdiction: { name: '罗江区' } } }, { report: { jurisdiction: { name: '清远市' } } }] } },
    ],
  ])('filter: %s', async (_case, query, expected) => {
    const data = await ask<{ problems: Connection<{ report: { jurisdiction: { name: string } } }> }>(query);
    // order within a page is the list's own (newest reports first for problems): compare as sets where it is not the point
    if ('problems' in expected) {
      expect(data.problems.totalCount).toBe(expected.problems.totalCount);
      expect(data.problems.nodes.map((n) => n.report.jurisdiction.name).sort()).toEqual(expected.problems.nodes.map((n) => n.report.jurisdiction.name).sort());
    } else expect(data).toEqual(expected);
  });

  it('counts initiatives of a lexicon category', async () => {
    const data = await ask<{ initiatives: Connection<{ category: string }> }>(
      '{ initiatives(filter: {category: REVIEW_LITIGATION}, first: 100) { totalCount nodes { category } } }',
    );
    expect(data.initiatives.totalCount).toBe(11);
    expect(data.initiatives.nodes.every((i) => i.category === 'REVIEW_LITIGATION')).toBe(true);
  });

  it('orders by name, descending', async () => {
    const result = await names('{level: COUNTY}', ', orderBy: {field: NAME, descending: true}');
    expect(result).toEqual([...result].sort().reverse());
    expect(result).toHaveLength(4);
  });

  it('facets count the whole filter, not just the page', async () => {
    type Facet = { value: string; count: number }[];
    type Page = { totalCount: number; edges: unknown[]; facets: { province: Facet; level: Facet; year: Facet } };
    const data = await ask<{ jurisdictions: Page }>(`{ jurisdictions(first: 1, filter: {level: COUNTY}) { totalCount edges { node { name } }
      facets { province { value count } level { value count } year { value count } } } }`);
    const j = data.jurisdictions;
    expect(j.totalCount).toBe(4);
    expect(j.edges).toHaveLength(1);
    expect(j.facets.level).toEqual([{ value: 'county', count: 4 }]);
    expect(j.facets.year).toEqual(
      expect.arrayContaining([
        { value: '2021', count: 2 },
        { value: '2023', count: 1 },
        { value: '2024', count: 1 },
      ]),
    );
    expect(j.facets.year).toHaveLength(3);
    expect(j.facets.province.map((p) => p.value).sort()).toEqual(['四川省', '江西省', '河南省', '湖南省'].sort());
    expect(j.facets.province.every((p) => p.count === 1)).toBe(true);
  });

  type Hit = { type: string; label: string; match: string };
  const hits = async (text: string, page = '') =>
    (await ask<{ search: Connection<Hit> }>(`{ search(text: ${JSON.stringify(text)} ${page}) { totalCount nodes { type label match } } }`)).search;

  it('search ranks the name itself, then an alias or title variant, then a prefix, then a substring', async () => {
    expect(await hits('行政执法三项制度', 'first: 1')).toEqual({ totalCount: 1, nodes: [{ type: 'Initiative', label: '行政执法三项制度', match: 'EXACT' }] });
    // the lexicon alias finds the initiative; the problem that quotes it is a substring hit
    const alias = await hits('三项制度');
    expect(alias.totalCount).toBe(2);
    expect(alias.nodes[0]).toEqual({ type: 'Initiative', label: '行政执法三项制度', match: 'ALIAS' });
    expect(alias.nodes[1]).toMatchObject({ type: 'Problem', match: 'SUBSTRING' });
    expect(alias.nodes[1].label).toContain('“三项制度”落实不够好');
    expect(await hits('行政复议法')).toEqual({ totalCount: 1, nodes: [{ type: 'Regulation', label: '行政复议法', match: 'EXACT' }] });
    // a title variant (ASCII brackets and hyphen) is an alias of the canonical title
    expect(await hits('法治政府建设实施纲要(2021-2025年)')).toEqual({
      totalCount: 1,
      nodes: [{ type: 'Regulation', label: '法治政府建设实施纲要（2021—2025年）', match: 'ALIAS' }],
    });
  });

  it('search finds a jurisdiction by prefix before the documents that contain the text, shortest first', async () => {
    const data = await ask<{ search: Connection<Hit & { node: unknown }> }>(
      `{ search(text: "罗江") { totalCount nodes { type label match node { __typename ... on Jurisdiction { code } } } } }`,
    );
    expect(data.search.totalCount).toBe(7);
    expect(data.search.nodes[0]).toEqual({
      type: 'Jurisdiction',
      label: '四川省德阳市罗江区',
      match: 'PREFIX',
      node: { __typename: 'Jurisdiction', code: '510604' },
    });
    const rest = data.search.nodes.slice(1);
    expect(rest.every((h) => h.type === 'Regulation' && h.match === 'SUBSTRING' && h.label.includes('德阳市罗江区'))).toBe(true);
    expect(rest.map((h) => h.label.length)).toEqual(rest.map((h) => h.label.length).sort((a, b) => a - b));
  });

  it('search finds reports by title or id, and problems by their words', async () => {
    const title = '台前县关于2021年法治政府建设工作情况的报告';
    const report = await ask<{ search: unknown }>(`{ search(text: "${title}") { totalCount nodes { type match node { ... on Report { reportId year } } } } }`);
    expect(report.search).toEqual({
      totalCount: 1,
      nodes: [{ type: 'Report', match: 'EXACT', node: { reportId: '3e86c94772305bcd4a86265ef0382619', year: 2021 } }],
    });
    expect((await hits('3e86c94772305bcd4a86265ef0382619')).nodes).toEqual([{ type: 'Report', label: title, match: 'EXACT' }]);
    expect((await hits('台前县关于')).nodes).toEqual([{ type: 'Report', label: title, match: 'PREFIX' }]);
    const problem = await ask<{ search: unknown }>(
      `{ search(text: "执法人员素质") { totalCount nodes { type match node { ... on Problem { theme report { year jurisdiction { name } } } } } } }`,
    );
    expect(problem.search).toEqual({
      totalCount: 1,
      nodes: [{ type: 'Problem', match: 'PREFIX', node: { theme: '执法能力不足', report: { year: 2021, jurisdiction: { name: '台前县' } } } }],
    });
  });

  it('search pages through the merged ranking with cursors, counting every hit', async () => {
    type Page = { search: Connection<{ label: string; match: string }> & { pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const all = await ask<Page>(`{ search(text: "执法", first: 16) { totalCount nodes { label match } } }`);
    const first = await ask<Page>(`{ search(text: "执法", first: 8) { totalCount pageInfo { hasNextPage endCursor } nodes { label match } } }`);
    const second = await ask<Page>(
      `{ search(text: "执法", first: 8, after: "${first.search.pageInfo.endCursor}") { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { label match } } }`,
    );
    expect(all.search.totalCount).toBe(29);
    expect([...first.search.nodes, ...second.search.nodes]).toEqual(all.search.nodes);
    expect(first.search.pageInfo.hasNextPage).toBe(true);
    expect(second.search).toMatchObject({ totalCount: 29, pageInfo: { hasNextPage: true, hasPreviousPage: true } });
    const ranks = all.search.nodes.map((h) => ['EXACT', 'ALIAS', 'PREFIX', 'SUBSTRING'].indexOf(h.match));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // past the end: an empty page that still says how many there are
    const last = (await ask<Page>(`{ search(text: "执法", first: 100) { pageInfo { endCursor } } }`)).search.pageInfo.endCursor;
    expect((await ask<Page>(`{ search(text: "执法", after: "${last}") { totalCount nodes { label } pageInfo { hasNextPage } } }`)).search).toEqual({
      totalCount: 29,
      nodes: [],
      pageInfo: { hasNextPage: false },
    });
  });

  it('refuses an empty search and a page over the maximum', async () => {
    for (const [query, message] of [
      ['{ search(text: "  ") { totalCount } }', /non-empty/],
      ['{ search(text: "法", first: 101) { totalCount } }', /`first` must be between 0 and 100/],
    ] as const) {
      const body = await seeded.post(query);
      expect(body.errors![0].message).toMatch(message);
    }
  });

  it('metrics carry their provenance', async () => {
    type Metric = { mentions: { start: number; end: number; sentence: string }[] };
    type Report = { text: string; metrics: Connection<Metric> };
    const data = await ask<{ jurisdiction: { reports: Edges<Report> } }>(
      `{ jurisdiction(name: "罗江区") { reports { edges { node { text metrics(first: 100) { totalCount nodes { indicator value unit surface mentions { start end sentence } } } } } } } }`,
    );
    const report = data.jurisdiction.reports.edges[0].node;
    const metrics = report.metrics.nodes;
    expect(metrics.length).toBeGreaterThan(10);
    expect(report.metrics.totalCount).toBe(metrics.length);
    expect(metrics).toEqual(expect.arrayContaining([expect.objectContaining({ value: 19, unit: '次' })]));
    for (const m of metrics) {
      for (const mention of m.mentions) {
        const quoted = report.text.slice(mention.start, mention.end);
        expect(mention.sentence).toContain(quoted);
      }
    }
  });
});

describe('why does the graph say so', () => {
  const seeded = useSeededApi();

  it("the answer in full: five mentions in 昌江区 2021, the gold standard's four surfaces, its evidence sentence first", async () => {
    const { evidence } = (
      await seeded.ask<{ jurisdiction: { evidence: Connection<{ surface: string }> } }>(
        '{ jurisdiction(name: "昌江区") { evidence(initiative: "三项制度") { totalCount nodes { surface sentence section report { year } } } } }',
      )
    ).jurisdiction;
    expect(evidence.totalCount).toBe(5);
    // the gold standard (test/gold, the samples' annotation): 行政执法三项制度 in seed 003, surfaces and evidence
    expect([...new Set(evidence.nodes.map((m) => m.surface))].sort()).toEqual(
      ['行政执法“三项制度”', '行政执法三项制度', '行政执法公示、全过程记录、重大行政执法决定法制审核三项制度', '三项制度'].sort(),
    );
    expect(evidence.nodes[0]).toEqual({
      surface: '行政执法“三项制度”',
      sentence: '3、全面推行行政执法“三项制度”。',
      section: '一、全区法治政府建设推进情况 > (三)坚持依法履职,深入推进法治建设 > 3、全面推行行政执法“三项制度”',
      report: { year: 2021 },
    });
    // the last one is in the problems section: the report admits 三项制度 落实不够好
    expect(evidence.nodes[4]).toMatchObject({ sentence: '三是行政执法水平参差不齐,“三项制度”落实不够好。', section: '二、存在问题及下步工作打算' });
  });

  it('evidence of a regulation by a variant of its title, and a clear error without either argument', async () => {
    const ask = <T>(query: string) => seeded.post<T>(query);
    const cited = await ask<{ jurisdiction: { evidence: unknown } }>(
      '{ jurisdiction(name: "昌江区") { evidence(regulation: "《中华人民共和国行政复议法》") { totalCount nodes { surface report { year } } } } }',
    );
    expect(cited.data!.jurisdiction.evidence).toEqual({ totalCount: 1, nodes: [{ surface: '行政复议法', report: { year: 2021 } }] });
    const neither = await ask('{ jurisdiction(name: "昌江区") { evidence { totalCount } } }');
    expect(neither.errors![0]).toMatchObject({ message: 'evidence needs `initiative` or `regulation`', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('one query gives the sentences in which 昌江区 mentions 三项制度', async () => {
    type Mention = { sentence: string; surface: string; start: number; end: number; report: { year: number; text: string } };
    const data = await seeded.ask<{ jurisdiction: { evidence: Connection<Mention> } }>(
      '{ jurisdiction(name: "昌江区") { evidence(initiative: "三项制度") { totalCount nodes { sentence section surface start end report { year text } } } } }',
    );
    const evidence = data.jurisdiction.evidence.nodes;
    expect(evidence.length).toBeGreaterThan(0);
    expect(data.jurisdiction.evidence.totalCount).toBe(evidence.length);
    for (const m of evidence) {
      expect(m.report.year).toBe(2021);
      expect(m.report.text.slice(m.start, m.end)).toBe(m.surface);
      expect(m.sentence).toContain(m.surface);
      expect(m.surface).toMatch(/三项制度/);
    }
  });
});

describe('report filters', () => {
  const seeded = useSeededApi();

  const years = async (filter: string, extra = '') => {
    const data = await seeded.ask<{ reports: { edges: { node: { year: number; jurisdiction: { name: string } } }[] } }>(
      `{ reports(filter: ${filter} ${extra}) { totalCount edges { node { year jurisdiction { name } } } } }`,
    );
    return data.reports.edges.map((e) => `${e.node.jurisdiction.name} ${e.node.year}`);
  };

  it.each([
    ['{yearFrom: 2023}', ['清远市 2024', '罗江区 2024', '沅江市 2023']],
    ['{province: "湖南省"}', ['沅江市 2023']],
    ['{jurisdiction: "昌江区"}', ['昌江区 2021']],
    ['{mentionsInitiative: "三项制度", level: COUNTY}', ['昌江区 2021']],
    ['{citesRegulation: "《法治政府建设实施纲要(2021-2025年)》"}', ['清远市 2024', '罗江区 2024']],
  ])('%s', async (filter, expected) => {
    expect((await years(filter)).sort()).toEqual([...expected].sort());
  });

  it('sorts oldest first on request', async () => {
    const list = await years('{}', ', oldestFirst: true');
    expect(list.map((x) => Number(x.split(' ')[1]))).toEqual([2021, 2021, 2023, 2024, 2024]);
  });
});

describe('initiative and regulation lists', () => {
  const seeded = useSeededApi();
  const query = <T>(q: string) => seeded.ask<T>(q);

  it('lists initiatives most widely mentioned first, with the report count behind the order', async () => {
    const data = await query<{ initiatives: { totalCount: number; edges: { node: { diffusion: { adoptions: { totalCount: number } } } }[] } }>(
      '{ initiatives(first: 100) { totalCount edges { node { name diffusion { adoptions { totalCount } } } } } }',
    );
    const counts = data.initiatives.edges.map((e) => e.node.diffusion.adoptions.totalCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(data.initiatives.totalCount).toBeGreaterThan(50);
  });

  it('lists regulations by title on request', async () => {
    const data = await query<{ regulations: { edges: { node: { title: string; kind: string } }[] } }>(
      '{ regulations(first: 100, byName: true, filter: {kind: LAW}) { edges { node { title kind } } } }',
    );
    const titles = data.regulations.edges.map((e) => e.node.title);
    expect(titles).toEqual([...titles].sort());
    expect(titles).toEqual(expect.arrayContaining(['民法典', '宪法', '行政复议法']));
    expect(data.regulations.edges.every((e) => e.node.kind === 'LAW')).toBe(true);
  });
});
