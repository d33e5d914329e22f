// Browsing the five seed reports through the real yoga server: combined
// filters, ordering, facets, search and metric provenance. Expected answers
// follow from the gold standard: 罗江区 2024, 台前县 2021, 沅江市 2023 (a
// department report), 昌江区 2021, 清远市 2024 (prefecture-level).
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler } from '../src/api/server.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { EmbeddedStore } from '../src/store/embedded.js';

describe('browsing the seeds', () => {
  let store: EmbeddedStore;
  let yoga: ReturnType<typeof createGraphQLHandler>;
  const ask = async (query: string) => {
    const response = await yoga.fetch('http://govgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const names = async (filter: string, order = '') =>
    (await ask(`{ jurisdictions(filter: ${filter} ${order}) { totalCount edges { node { name } } } }`)).jurisdictions.edges.map((e: any) => e.node.name);

  beforeAll(async () => {
    store = await EmbeddedStore.open();
    await ingestPaths(store, [fileURLToPath(new URL('../seed/', import.meta.url))]);
    yoga = createGraphQLHandler({ store });
  });
  afterAll(() => store.close());

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
    ['{level: COUNTY, initiativeCategory: "digital_government"}', ['罗江区', '昌江区', '沅江市'].sort()],
  ])('filter %s', async (filter, expected) => {
    expect((await names(filter)).sort()).toEqual(expected);
  });

  it('orders by name, descending', async () => {
    const result = await names('{level: COUNTY}', ', orderBy: {field: NAME, descending: true}');
    expect(result).toEqual([...result].sort().reverse());
    expect(result).toHaveLength(4);
  });

  it('facets count the whole filter, not just the page', async () => {
    const data = await ask(`{ jurisdictions(first: 1, filter: {level: COUNTY}) { totalCount edges { node { name } }
      facets { province { value count } level { value count } year { value count } } } }`);
    const j = data.jurisdictions;
    expect(j.totalCount).toBe(4);
    expect(j.edges).toHaveLength(1);
    expect(j.facets.level).toEqual([{ value: 'county', count: 4 }]);
    expect(j.facets.year).toEqual(expect.arrayContaining([{ value: '2021', count: 2 }, { value: '2023', count: 1 }, { value: '2024', count: 1 }]));
    expect(j.facets.year).toHaveLength(3);
    expect(j.facets.province.map((p: any) => p.value).sort()).toEqual(['四川省', '江西省', '河南省', '湖南省'].sort());
    expect(j.facets.province.every((p: any) => p.count === 1)).toBe(true);
  });

  it('search ranks the exact alias match first', async () => {
    const data = await ask(`{ search(text: "三项制度", first: 5) { type label match } }`);
    expect(data.search[0]).toEqual({ type: 'Initiative', label: '行政执法三项制度', match: 'EXACT' });
  });

  it('search finds a jurisdiction by prefix and documents containing the text', async () => {
    const data = await ask(`{ search(text: "罗江") { type label match node { __typename ... on Jurisdiction { code } } } }`);
    expect(data.search[0]).toEqual({ type: 'Jurisdiction', label: '四川省德阳市罗江区', match: 'PREFIX', node: { __typename: 'Jurisdiction', code: '510604' } });
    expect(data.search.some((h: any) => h.type === 'Regulation' && h.label.includes('罗江区'))).toBe(true);
  });

  it('refuses an empty search', async () => {
    const response = await yoga.fetch('http://govgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ search(text: "  ") { label } }' }) });
    const body = (await response.json()) as any;
    expect(body.errors[0].message).toMatch(/non-empty/);
  });

  it('metrics carry their provenance', async () => {
    const data = await ask(`{ jurisdiction(name: "罗江区") { reports { edges { node { text metrics { indicator value unit surface mentions { start end sentence } } } } } } }`);
    const report = data.jurisdiction.reports.edges[0].node;
    expect(report.metrics.length).toBeGreaterThan(10);
    expect(report.metrics).toEqual(expect.arrayContaining([expect.objectContaining({ value: 19, unit: '次' })]));
    for (const m of report.metrics) {
      for (const mention of m.mentions) {
        const quoted = report.text.slice(mention.start, mention.end);
        expect(mention.sentence).toContain(quoted);
      }
    }
  });
});

describe('why does the graph say so', () => {
  let store: EmbeddedStore;
  let yoga: ReturnType<typeof createGraphQLHandler>;
  beforeAll(async () => {
    store = await EmbeddedStore.open();
    await ingestPaths(store, [fileURLToPath(new URL('../seed/', import.meta.url))]);
    yoga = createGraphQLHandler({ store });
  });
  afterAll(() => store.close());

  it('one query gives the sentences in which 昌江区 mentions 三项制度', async () => {
    const response = await yoga.fetch('http://govgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ jurisdiction(name: "昌江区") { evidence(initiative: "三项制度") { sentence section surface start end report { year text } } } }' }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    const evidence = body.data.jurisdiction.evidence;
    expect(evidence.length).toBeGreaterThan(0);
    for (const m of evidence) {
      expect(m.report.year).toBe(2021);
      expect(m.report.text.slice(m.start, m.end)).toBe(m.surface);
      expect(m.sentence).toContain(m.surface);
      expect(m.surface).toMatch(/三项制度/);
    }
  });
});

describe('report filters', () => {
  let store: EmbeddedStore;
  let yoga: ReturnType<typeof createGraphQLHandler>;
  beforeAll(async () => {
    store = await EmbeddedStore.open();
    await ingestPaths(store, [fileURLToPath(new URL('../seed/', import.meta.url))]);
    yoga = createGraphQLHandler({ store });
  });
  afterAll(() => store.close());

  const years = async (filter: string, extra = '') => {
    const response = await yoga.fetch('http://govgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ reports(filter: ${filter} ${extra}) { totalCount edges { node { year jurisdiction { name } } } } }` }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    return body.data.reports.edges.map((e: any) => `${e.node.jurisdiction.name} ${e.node.year}`);
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
    expect(list.map((x: string) => Number(x.split(' ')[1]))).toEqual([2021, 2021, 2023, 2024, 2024]);
  });
});

describe('initiative and regulation lists', () => {
  let store: EmbeddedStore;
  let yoga: ReturnType<typeof createGraphQLHandler>;
  beforeAll(async () => {
    store = await EmbeddedStore.open();
    await ingestPaths(store, [fileURLToPath(new URL('../seed/', import.meta.url))]);
    yoga = createGraphQLHandler({ store });
  });
  afterAll(() => store.close());

  const query = async (q: string) => {
    const response = await yoga.fetch('http://govgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  it('lists initiatives most widely mentioned first, with the report count behind the order', async () => {
    const data = await query('{ initiatives(first: 100) { totalCount edges { node { name diffusion { adoptions { year } } } } } }');
    const counts = data.initiatives.edges.map((e: any) => e.node.diffusion.adoptions.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(data.initiatives.totalCount).toBeGreaterThan(50);
  });

  it('lists regulations by title on request', async () => {
    const data = await query('{ regulations(first: 100, byName: true, filter: {kind: LAW}) { edges { node { title kind } } } }');
    const titles = data.regulations.edges.map((e: any) => e.node.title);
    expect(titles).toEqual([...titles].sort());
    expect(titles).toEqual(expect.arrayContaining(['民法典', '宪法', '行政复议法']));
    expect(data.regulations.edges.every((e: any) => e.node.kind === 'LAW')).toBe(true);
  });
});
