// The subgraph API for visualization clients, on the seeds.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createGraphQLHandler } from '../../../src/api/server.js';
import { ingestPaths } from '../../../src/ingest/pipeline.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import type { GraphNode, Subgraph } from '../../../explorer/src/model.js';
import { useSeededApi } from '../../support/seeded-api.js';

describe('graph (subgraph for visualization)', () => {
  const seeded = useSeededApi();
  // the subgraph as the explorer reads it (explorer/src/model.ts)
  const ask = (query: string, variables: Record<string, unknown> = {}) => seeded.post<{ graph: Subgraph }>(query, variables);
  const GRAPH = `query($search: String, $start: [ID!], $depth: Int, $max: Int, $types: [GraphNodeType!]) {
    graph(search: $search, start: $start, depth: $depth, maxNodes: $max, nodeTypes: $types) {
      truncated nodes { id type label degree properties } edges { id source target type weight } } }`;

  it('depth 2 from 三项制度 reaches the reports that mention it and their jurisdictions, with consistent edges', async () => {
    const { data, errors } = await ask(GRAPH, { search: '三项制度', depth: 2 });
    expect(errors).toBeUndefined();
    const { nodes, edges } = data!.graph;
    const start = nodes[0];
    expect(start).toMatchObject({ type: 'Initiative', label: '行政执法三项制度' });
    const ids = new Set(nodes.map((n) => n.id));
    expect(ids.size).toBe(nodes.length);
    for (const e of edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.id).toBe(`${e.type}:${e.source}->${e.target}`);
    }
    const jurisdictions = nodes
      .filter((n) => n.type === 'Jurisdiction')
      .map((n) => n.label)
      .sort();
    expect(jurisdictions).toEqual(['广东省清远市', '江西省景德镇市昌江区'].sort());
    const type = new Map(nodes.map((n) => [n.id, n.type]));
    const mentions = edges.filter((e) => e.type === 'MENTIONS');
    // directed as stored: Report → Initiative, weighted by the mention count
    expect(mentions.every((e) => type.get(e.source) === 'Report' && type.get(e.target) === 'Initiative' && e.weight >= 1)).toBe(true);
    expect(mentions.filter((e) => e.target === start.id)).toHaveLength(2);
    // degree is counted inside the subgraph
    expect(start.degree).toBe(2);
    expect(JSON.stringify(nodes)).not.toMatch(/"text":/);
  });

  it('ids are stable: the same query gives the same ids, and a node id starts a new expansion', async () => {
    const a = await ask(GRAPH, { search: '罗江区', depth: 1 });
    const b = await ask(GRAPH, { search: '罗江区', depth: 1 });
    expect(a.data!.graph).toEqual(b.data!.graph);
    const report = a.data!.graph.nodes.find((n) => n.type === 'Report')!;
    const fromReport = await ask(GRAPH, { start: [report.id], depth: 1, types: ['Initiative'] });
    expect(fromReport.data!.graph.nodes[0].id).toBe(report.id);
    expect(fromReport.data!.graph.nodes.slice(1).every((n) => n.type === 'Initiative')).toBe(true);
    expect(fromReport.data!.graph.nodes.length).toBeGreaterThan(10);
  });

  it('caps the node count, keeping the start node and the most connected', async () => {
    const { graph } = (await ask(GRAPH, { search: '罗江区', depth: 2, max: 5 })).data!;
    expect(graph.nodes).toHaveLength(5);
    expect(graph.truncated).toBe(true);
    expect(graph.nodes[0].label).toBe('四川省德阳市罗江区');
    const degrees = graph.nodes.slice(1).map((n) => n.degree);
    expect(degrees.every((d) => d >= 1)).toBe(true);
  });

  it('starts from several ids at once, and follows only the relation types asked for', async () => {
    const places = await ask(GRAPH, { search: '罗江区', depth: 0 });
    const other = await ask(GRAPH, { search: '昌江区', depth: 0 });
    const starts = [places.data!.graph.nodes[0].id, other.data!.graph.nodes[0].id];
    const both = await ask(GRAPH, { start: starts, depth: 1 });
    expect(
      both
        .data!.graph.nodes.slice(0, 2)
        .map((n) => n.id)
        .sort(),
    ).toEqual([...starts].sort());
    // ABOUT only: the jurisdictions and their reports, no parent (PART_OF)
    const { graph } = (
      await ask(`query($start: [ID!]) { graph(start: $start, depth: 1, relationTypes: [ABOUT]) { nodes { type label } edges { type } } }`, { start: starts })
    ).data!;
    expect(new Set(graph.edges.map((e) => e.type))).toEqual(new Set(['ABOUT']));
    expect(graph.nodes.filter((n) => n.type === 'Report')).toHaveLength(2);
    expect(
      graph.nodes
        .filter((n) => n.type === 'Jurisdiction')
        .map((n) => n.label)
        .sort(),
    ).toEqual(['四川省德阳市罗江区', '江西省景德镇市昌江区'].sort());
  });

  it('starts from a filter alone: the jurisdictions it selects that have reports in its years', async () => {
    const { data, errors } = await ask(
      `{ graph(filter: {level: COUNTY, yearTo: 2021}, depth: 1, nodeTypes: [Jurisdiction, Report]) { nodes { type label } } }`,
    );
    expect(errors).toBeUndefined();
    const jurisdictions = data!.graph.nodes
      .filter((n) => n.type === 'Jurisdiction')
      .map((n) => n.label)
      .sort();
    expect(jurisdictions).toEqual(['河南省濮阳市台前县', '江西省景德镇市昌江区'].sort());
    expect(data!.graph.nodes.filter((n) => n.type === 'Report')).toHaveLength(2);
  });

  it('refuses bad arguments clearly', async () => {
    expect((await ask(GRAPH, {})).errors?.[0].message).toMatch(/needs `start` ids, a `search` text or a `filter`/);
    expect((await ask(GRAPH, { start: ['bogus'] })).errors?.[0].message).toMatch(/not a node id/);
    expect((await ask(GRAPH, { search: 'x', depth: 9 })).errors?.[0].message).toMatch(/depth must be between/);
  });
});

describe('graph node labels', () => {
  it("label a problem by its text and keep the text among its properties, but leave a report's text out", async () => {
    const store = await EmbeddedStore.open();
    try {
      await ingestPaths(store, [fileURLToPath(new URL('../../../seed/003_a60db31662cb9267.txt', import.meta.url))]);
      const yoga = createGraphQLHandler({ store });
      const response = await yoga.fetch('http://govgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ graph(search: "昌江区", depth: 2, nodeTypes: [Report, Problem]) { nodes { type label properties } } }' }),
      });
      const { data } = (await response.json()) as { data: { graph: { nodes: { type: string; label: string; properties: Record<string, unknown> }[] } } };
      const problems = data.graph.nodes.filter((n) => n.type === 'Problem');
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) {
        expect(typeof p.properties.text).toBe('string');
        expect(p.label).toBe(p.properties.text);
      }
      const reports = data.graph.nodes.filter((n) => n.type === 'Report');
      expect(reports).toHaveLength(1);
      expect(reports[0].properties).not.toHaveProperty('text');
    } finally {
      await store.close();
    }
  });
});

describe('graph filter', () => {
  const seeded = useSeededApi();
  const graph = async (filter: object | null) => {
    const response = await seeded.yoga.fetch('http://govgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($f: GraphFilter) { graph(search: "三项制度", depth: 2, filter: $f) { nodes { type label properties } } }',
        variables: { f: filter },
      }),
    });
    const body = (await response.json()) as { data?: { graph: { nodes: GraphNode[] } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data!.graph.nodes;
  };
  const labelsOf = (nodes: { type: string; label: string }[], type: string) =>
    nodes
      .filter((n) => n.type === type)
      .map((n) => n.label)
      .sort();

  it('keeps only reports and jurisdictions of the province, level and years asked for, before the node cap', async () => {
    const all = await graph(null);
    expect(labelsOf(all, 'Jurisdiction')).toEqual(['广东省清远市', '江西省景德镇市昌江区']);
    const jiangxi = await graph({ province: '江西省' });
    expect(labelsOf(jiangxi, 'Jurisdiction')).toEqual(['江西省景德镇市昌江区']);
    expect(jiangxi.filter((n) => n.type === 'Report').map((n) => n.properties.jurisdictionKey)).toEqual(['360202']);
    const counties = await graph({ level: 'COUNTY' });
    expect(labelsOf(counties, 'Jurisdiction')).toEqual(['江西省景德镇市昌江区']);
    const reportYears = (nodes: GraphNode[]) =>
      nodes
        .filter((n) => n.type === 'Report')
        .map((n) => n.properties.year as number)
        .sort();
    const years = reportYears(all);
    expect(new Set(years).size).toBeGreaterThan(1);
    const latest = Math.max(...years);
    const recent = await graph({ yearFrom: latest });
    expect(reportYears(recent)).toEqual(years.filter((y) => y >= latest));
    expect(await graph({ province: '西藏自治区' })).toHaveLength(1); // only the start node
  });
});
