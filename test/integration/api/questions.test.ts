// The GraphQL API through the real yoga server (its fetch interface, no
// socket), on the embedded store: the analyst's questions of DESIGN.md, the
// Relay plumbing, and batching (store calls bounded by query depth).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler } from '../../../src/api/server.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import type { ReportGraph } from '../../../src/extract/types.js';
import { syntheticReport } from '../../support/graphs.js';
import { postQuery as ask, type Yoga } from '../../support/ask.js';
import { countingStore, type CountingStore } from '../../support/counting.js';

/** A county of another province, to make the filters do some work. */
function otherCounty(i: number, level: 'county' | 'prefecture' = 'county'): ReportGraph {
  const base = syntheticReport(100 + i);
  return {
    ...base,
    jurisdiction:
      level === 'county'
        ? { name: '台前县', fullName: '河南省濮阳市台前县', province: '河南省', prefecture: '濮阳市', level: 'county', adminCode: '410927' }
        : { name: '清远市', fullName: '广东省清远市', province: '广东省', prefecture: null, level: 'prefecture', adminCode: '441800' },
    initiatives: base.initiatives.filter((x) => x.name !== '行政执法三项制度'),
    plans: [],
  };
}

describe('GraphQL API', () => {
  let store: CountingStore;
  let yoga: Yoga;

  beforeAll(async () => {
    store = countingStore(await EmbeddedStore.open());
    for (let i = 0; i < 3; i++) await store.upsertReport(syntheticReport(i), { extractorVersion: 't' });
    await store.upsertReport(otherCounty(1), { extractorVersion: 't' });
    // A prefecture whose report mentions 三项制度: not a county, so never in the county answer.
    await store.upsertReport({ ...otherCounty(2, 'prefecture'), initiatives: syntheticReport(0).initiatives }, { extractorVersion: 't' });
    yoga = createGraphQLHandler({ store });
  });
  afterAll(() => store.close());

  it('answers "which counties cite 三项制度" with exactly the counties whose reports mention it, by alias or canonical name', async () => {
    const query = `query($name: String!) { jurisdictions(filter: {level: COUNTY, mentionsInitiative: $name}) {
      totalCount edges { node { name fullName code province { name } prefecture { name } } } } }`;
    type Counties = { jurisdictions: unknown };
    const byAlias = await ask<Counties>(yoga, query, { name: '三项制度' });
    expect(byAlias.errors).toBeUndefined();
    expect(byAlias.data!.jurisdictions).toEqual({
      totalCount: 1,
      edges: [{ node: { name: '罗江区', fullName: '四川省德阳市罗江区', code: '510604', province: { name: '四川省' }, prefecture: { name: '德阳市' } } }],
    });
    const byName = await ask<Counties>(yoga, query, { name: '行政执法三项制度' });
    expect(byName.data).toEqual(byAlias.data);
    const unknown = await ask<Counties>(yoga, query, { name: '不存在的制度' });
    expect(unknown.data!.jurisdictions).toEqual({ totalCount: 0, edges: [] });
  });

  it('explains a link with its provenance sentence and offsets into the report text', async () => {
    type Mention = { sentence: string; start: number; end: number; surface: string; report: { text: string } };
    type Initiative = { name: string; aliases: string[]; mentions: { totalCount: number; edges: { node: Mention }[] } };
    const result = await ask<{ initiative: Initiative }>(
      yoga,
      `{ initiative(name: "三项制度") { name aliases
      mentions(first: 2) { totalCount edges { node { sentence start end surface report { reportId year text jurisdiction { name } } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const initiative = result.data!.initiative;
    expect(initiative.name).toBe('行政执法三项制度');
    expect(initiative.aliases).toContain('三项制度');
    // 3 罗江区 reports and the 清远市 one
    expect(initiative.mentions.totalCount).toBe(4);
    for (const { node } of initiative.mentions.edges) {
      expect(node.report.text.slice(node.start, node.end)).toBe(node.surface);
      expect(node.sentence).toContain(node.surface);
    }
  });

  it('finds a regulation by a variant of its title', async () => {
    type Regulation = { citedBy: { totalCount: number; edges: unknown[] } };
    const result = await ask<{ regulation: Regulation }>(
      yoga,
      `{ regulation(title: "《德阳市罗江区重大经济事项决策规定实施细则》") { title kind scope citedBy { totalCount edges { action count } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.regulation).toMatchObject({ title: '德阳市罗江区重大经济事项决策规定实施细则', kind: 'NORMATIVE_DOCUMENT', scope: 'LOCAL' });
    expect(result.data!.regulation.citedBy.totalCount).toBe(5);
    expect(result.data!.regulation.citedBy.edges[0]).toEqual({ action: 'REVISED', count: 1 });
  });

  it('pages with cursors and refetches any node by its global id', async () => {
    type Reports = {
      reports: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; reportId: string } }[] };
    };
    const first = (await ask<Reports>(yoga, `{ reports(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id reportId } } } }`)).data!;
    expect(first.reports.totalCount).toBe(5);
    expect(first.reports.pageInfo.hasNextPage).toBe(true);
    const next = await ask<Reports>(
      yoga,
      `query($after: String) { reports(first: 10, after: $after) { edges { node { reportId } } pageInfo { hasNextPage } } }`,
      {
        after: first.reports.pageInfo.endCursor,
      },
    );
    const all = [...first.reports.edges, ...next.data!.reports.edges].map((e) => e.node.reportId);
    expect(new Set(all).size).toBe(5);
    expect(next.data!.reports.pageInfo.hasNextPage).toBe(false);

    const id = first.reports.edges[0].node.id;
    const node = await ask<{ node: unknown }>(yoga, `query($id: ID!) { node(id: $id) { __typename ... on Report { reportId } } }`, { id });
    expect(node.data!.node).toEqual({ __typename: 'Report', reportId: first.reports.edges[0].node.reportId });
  });

  it('refuses a page larger than the maximum with a clear error', async () => {
    const result = await ask(yoga, `{ reports(first: 5000) { totalCount } }`);
    expect(result.errors?.[0].message).toMatch(/`first` must be between 0 and 100/);
  });

  it('lists every jurisdiction with reports, initiatives and regulations in store calls bounded by depth, not by results', async () => {
    const query = `{ jurisdictions(first: 100) { totalCount edges { node { name province { name }
      reports { edges { node { year initiatives { edges { count node { name } } } regulations { edges { action node { title } } } jurisdiction { name } } } }
      initiatives { edges { reportCount node { name } } } regulations { edges { node { title } } } } } } }`;
    const callsFor = async () => {
      const before = store.calls;
      const result = await ask<{ jurisdictions: { totalCount: number } }>(yoga, query);
      expect(result.errors).toBeUndefined();
      return { calls: store.calls - before, jurisdictions: result.data!.jurisdictions.totalCount };
    };
    const small = await callsFor();
    // Grow the graph: more reports and more jurisdictions.
    for (let i = 3; i < 12; i++) await store.upsertReport(syntheticReport(i), { extractorVersion: 't' });
    for (let i = 3; i < 6; i++) await store.upsertReport(otherCounty(i), { extractorVersion: 't' });
    const large = await callsFor();
    expect(large.calls).toBe(small.calls);
    // one call per field level: list + count, province parents, reports, their initiatives/regulations/jurisdiction, initiatives, regulations
    expect(large.calls).toBeLessThanOrEqual(10);
  });

  it('asks for the evidence of every jurisdiction of a list in one store call (and one for the texts it points into)', async () => {
    const list = (evidence: string) => `{ jurisdictions(first: 100) { totalCount edges { node { name ${evidence} } } } }`;
    const callsFor = async (query: string) => {
      const before = store.calls;
      type Listed = { jurisdictions: { totalCount: number; edges: { node: { evidence?: { nodes: unknown[] } } }[] } };
      const result = await ask<Listed>(yoga, query);
      expect(result.errors).toBeUndefined();
      return { calls: store.calls - before, data: result.data! };
    };
    const without = await callsFor(list(''));
    const withEvidence = await callsFor(list('evidence(initiative: "三项制度") { nodes { sentence } }'));
    expect(withEvidence.data.jurisdictions.totalCount).toBeGreaterThan(3);
    expect(withEvidence.data.jurisdictions.edges.some((e) => e.node.evidence!.nodes.length > 0)).toBe(true);
    expect(withEvidence.calls - without.calls).toBeLessThanOrEqual(2);
  });
});
