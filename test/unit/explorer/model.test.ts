// The explorer's page logic that needs no browser: province/level/year
// filters over a subgraph, and which query explains a selected node.
import { describe, expect, it } from 'vitest';
import { typecheckExplorer } from '../../../explorer/build.js';
import { GRAPH_QUERY, graphiqlUrl, inlineVariables } from '../../../explorer/src/api.js';
import { orderNodes, visibleNodeIds, type GraphNode, type Subgraph } from '../../../explorer/src/model.js';
import { mergeMentions, provenanceRequest } from '../../../explorer/src/provenance.js';

const node = (id: string, type: string, properties: Record<string, unknown> = {}, degree = 1): GraphNode => ({
  id,
  type,
  label: String(properties.fullName ?? properties.name ?? id),
  degree,
  properties,
});
const edge = (type: string, source: string, target: string) => ({ id: `${type}:${source}->${target}`, type, source, target, weight: 1 });

// 三项制度 ← two reports → their jurisdictions; each report also mentions its own initiative.
const graph: Subgraph = {
  truncated: false,
  nodes: [
    node('sxzd', 'Initiative', { name: '行政执法三项制度' }, 2),
    node('r-cj', 'Report', { id: 'cj2021', year: 2021, jurisdictionKey: '360202' }, 3),
    node('r-qy', 'Report', { id: 'qy2024', year: 2024, jurisdictionKey: '441800' }, 3),
    node('cj', 'Jurisdiction', { key: '360202', code: '360202', name: '昌江区', fullName: '江西省景德镇市昌江区', province: '江西省', level: 'county' }),
    node('qy', 'Jurisdiction', { key: '441800', code: '441800', name: '清远市', fullName: '广东省清远市', province: '广东省', level: 'prefecture' }),
    node('cj-only', 'Initiative', { name: '平安昌江建设' }),
    node('qy-only', 'Regulation', { title: '清远市行政应诉工作规定' }),
  ],
  edges: [
    edge('MENTIONS', 'r-cj', 'sxzd'),
    edge('MENTIONS', 'r-qy', 'sxzd'),
    edge('ABOUT', 'r-cj', 'cj'),
    edge('ABOUT', 'r-qy', 'qy'),
    edge('MENTIONS', 'r-cj', 'cj-only'),
    edge('CITES', 'r-qy', 'qy-only'),
  ],
};
const start = new Set(['sxzd']);
const sorted = (s: Set<string>) => [...s].sort();

describe('explorer filters', () => {
  it('shows everything without filters', () => {
    expect(visibleNodeIds(graph, {}, start).size).toBe(graph.nodes.length);
  });

  it('by province: the jurisdiction, its reports and what only they link to; the start node stays', () => {
    expect(sorted(visibleNodeIds(graph, { province: '江西省' }, start))).toEqual(['cj', 'cj-only', 'r-cj', 'sxzd']);
    expect(sorted(visibleNodeIds(graph, { province: '广东省' }, start))).toEqual(['qy', 'qy-only', 'r-qy', 'sxzd']);
  });

  it('by level and by year', () => {
    expect(sorted(visibleNodeIds(graph, { level: 'prefecture' }, start))).toEqual(['qy', 'qy-only', 'r-qy', 'sxzd']);
    expect(sorted(visibleNodeIds(graph, { year: 2021 }, start))).toEqual(['cj', 'cj-only', 'r-cj', 'sxzd']);
    expect(sorted(visibleNodeIds(graph, { year: 2021, level: 'prefecture' }, start))).toEqual(['sxzd']);
  });

  it("finds a report's jurisdiction by its key when the ABOUT edge is not in the subgraph", () => {
    const withoutAbout = { ...graph, edges: graph.edges.filter((e) => e.type !== 'ABOUT') };
    expect(visibleNodeIds(withoutAbout, { province: '江西省' }, start).has('r-cj')).toBe(true);
    expect(visibleNodeIds(withoutAbout, { province: '江西省' }, start).has('r-qy')).toBe(false);
  });

  it('orders start nodes first, then by degree', () => {
    expect(
      orderNodes(graph.nodes, new Set(['qy']))
        .map((n) => n.id)
        .slice(0, 3),
    ).toEqual(['qy', 'r-cj', 'r-qy']);
  });
});

describe('explorer provenance', () => {
  const [sxzd, reportCj, , cj] = graph.nodes;

  it('a jurisdiction selected while exploring an initiative: the evidence of its reports for that initiative', () => {
    const request = provenanceRequest(cj, sxzd)!;
    expect(request.query).toMatch(/jurisdiction\(name: \$code\) \{ name evidence\(initiative: \$initiative, first: 100\) \{ totalCount nodes \{/);
    const sentence = { sentence: '全面推行行政执法“三项制度”。', surface: '三项制度', section: null, report: null };
    expect(request.read({ jurisdiction: { evidence: { totalCount: 1, nodes: [sentence] } } })).toHaveLength(1);
    expect(request.variables).toEqual({ code: '360202', initiative: '行政执法三项制度' });
    // and the other way round
    expect(provenanceRequest(sxzd, cj)!.variables).toEqual({ code: '360202', initiative: '行政执法三项制度' });
  });

  it('a report selected while exploring an initiative: its mentions of that initiative only', () => {
    const request = provenanceRequest(reportCj, sxzd)!;
    expect(request.variables).toEqual({ id: 'cj2021' });
    const mention = {
      sentence: '全面推行行政执法“三项制度”。',
      surface: '三项制度',
      section: null,
      report: { year: 2021, issuerName: '昌江区人民政府', jurisdiction: { name: '昌江区' } },
    };
    const data = {
      report: {
        initiatives: {
          edges: [
            { node: { name: '平安昌江建设' }, mentions: [{ ...mention, sentence: '推进平安昌江建设。' }] },
            { node: { name: '行政执法三项制度' }, mentions: [mention] },
          ],
        },
      },
    };
    expect(request.read(data)).toEqual([
      { sentence: '全面推行行政执法“三项制度”。', surfaces: ['三项制度'], section: null, year: 2021, report: '昌江区人民政府', jurisdiction: '昌江区' },
    ]);
  });

  it('an initiative on its own: its mentions; a node type without sentences: none', () => {
    expect(provenanceRequest(sxzd, undefined)!.variables).toEqual({ name: '行政执法三项制度' });
    expect(provenanceRequest(node('o', 'Organization', { name: '昌江区人民政府' }), sxzd)).toBeNull();
  });

  it('merges mentions of one sentence found by several surface forms', () => {
    const report = { year: 2021, issuerName: '昌江区人民政府', jurisdiction: { name: '昌江区' } };
    const sentence = '严格落实行政执法三项制度,13个执法部门完成三项制度的制定。';
    const merged = mergeMentions([
      { sentence, surface: '行政执法三项制度', report },
      { sentence, surface: '三项制度', report },
      { sentence: '另一句三项制度。', surface: '三项制度', report },
      { sentence: null, surface: 'x' },
    ]);
    expect(merged.map((m) => [m.sentence, m.surfaces])).toEqual([
      [sentence, ['行政执法三项制度', '三项制度']],
      ['另一句三项制度。', ['三项制度']],
    ]);
  });
});

describe('explorer GraphiQL links', () => {
  it('write the variables into the query, enums bare and strings quoted', () => {
    const query = inlineVariables(GRAPH_QUERY, { start: ['SW5p"dA=='], depth: 2, nodeTypes: ['Report', 'Initiative'], relationTypes: [], maxNodes: 200 });
    expect(query).toMatch(/^query Neighbourhood \{/);
    expect(query).toContain('graph(start: ["SW5p\\"dA=="], depth: 2, nodeTypes: [Report, Initiative], relationTypes: [], maxNodes: 200, filter: null)');
    const filtered = inlineVariables(GRAPH_QUERY, { start: ['x'], filter: { province: '江西省', level: 'COUNTY', yearFrom: 2021, yearTo: 2021 } });
    expect(filtered).toContain('filter: {province: "江西省", level: COUNTY, yearFrom: 2021, yearTo: 2021})');
    expect(query).not.toContain('$');
    const url = new URL(graphiqlUrl('query Q($name: String!) { initiative(name: $name) { name } }', { name: '三项制度' }), 'http://x');
    expect(url.pathname).toBe('/graphql');
    expect(url.searchParams.get('query')).toBe('query Q { initiative(name: "三项制度") { name } }');
  });
});

describe('explorer sources', () => {
  // The server's tsconfig leaves the browser code out (it needs DOM types), so check it here under its own config.
  it('type-check under their browser config', () => {
    expect(() => typecheckExplorer()).not.toThrow();
  });
});
