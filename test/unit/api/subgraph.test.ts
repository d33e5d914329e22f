// The subgraph expansion (src/api/subgraph.ts) on a small graph held in a
// fake store that answers graph_nodes and graph_neighbours the way the
// statements do: start nodes kept whatever their type, one store call per
// level, edges once each, the cap keeping start nodes and the most connected.
import { describe, expect, it } from 'vitest';
import { expandSubgraph, ROWS_PER_NODE, type ExpansionRequest, type NodeRef } from '../../../src/api/subgraph.js';
import type { GraphStore, Row } from '../../../src/store/types.js';

interface Edge {
  type: string;
  from: NodeRef;
  to: NodeRef;
  weight?: number;
}

const J = (key: string): NodeRef => ({ label: 'Jurisdiction', key });
const R = (key: string): NodeRef => ({ label: 'Report', key });
const I = (key: string): NodeRef => ({ label: 'Initiative', key });
const same = (a: NodeRef, b: NodeRef) => a.label === b.label && a.key === b.key;

/** Two counties of one city; reports about them mention initiatives; one initiative mentioned by both. */
const EDGES: Edge[] = [
  { type: 'PART_OF', from: J('c1'), to: J('city') },
  { type: 'PART_OF', from: J('c2'), to: J('city') },
  { type: 'ABOUT', from: R('r1'), to: J('c1') },
  { type: 'ABOUT', from: R('r2'), to: J('c2') },
  { type: 'MENTIONS', from: R('r1'), to: I('三项制度'), weight: 3 },
  { type: 'MENTIONS', from: R('r2'), to: I('三项制度'), weight: 1 },
  { type: 'MENTIONS', from: R('r2'), to: I('放管服'), weight: 2 },
];
const NODES: NodeRef[] = [J('city'), J('c1'), J('c2'), R('r1'), R('r2'), I('三项制度'), I('放管服')];

function fakeStore(edges = EDGES, nodes = NODES) {
  const calls: { name: string; params: Record<string, unknown> }[] = [];
  const props = (n: NodeRef) => ({ key: n.key, kind: n.label });
  const store: Pick<GraphStore, 'run'> = {
    async run<T extends Row = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
      calls.push({ name, params });
      const asked = params.nodes as NodeRef[];
      if (name === 'graph_nodes') {
        return nodes.filter((n) => asked.some((a) => same(a, n))).map((n) => ({ label: n.label, key: n.key, properties: props(n) })) as unknown as T[];
      }
      if (name === 'graph_neighbours') {
        const types = params.types as string[];
        const labels = params.labels as string[];
        const rows: Row[] = [];
        for (const start of asked) {
          for (const e of edges) {
            if (!types.includes(e.type)) continue;
            for (const [here, there, outgoing] of [
              [e.from, e.to, true],
              [e.to, e.from, false],
            ] as const) {
              if (!same(here, start) || !labels.includes(there.label)) continue;
              rows.push({
                fromLabel: start.label,
                fromKey: start.key,
                outgoing,
                type: e.type,
                weight: e.weight ?? 1,
                label: there.label,
                key: there.key,
                properties: props(there),
              });
            }
          }
        }
        return rows.slice(0, params.limit as number) as T[];
      }
      throw new Error(`unexpected statement ${name}`);
    },
  };
  return { store, calls };
}

const request = (over: Partial<ExpansionRequest>): ExpansionRequest => ({
  starts: [I('三项制度')],
  depth: 1,
  maxNodes: 200,
  labels: ['Report', 'Jurisdiction', 'Initiative', 'Regulation'],
  types: ['ABOUT', 'MENTIONS', 'CITES', 'PART_OF'],
  place: { province: null, level: null, yearFrom: null, yearTo: null },
  ...over,
});

const keys = (nodes: { type: string; key: string }[]) => nodes.map((n) => `${n.type}:${n.key}`);
const edgeKeys = (edges: { type: string; source: { key: string }; target: { key: string } }[]) =>
  edges.map((e) => `${e.type}:${e.source.key}->${e.target.key}`).sort();

describe('expandSubgraph', () => {
  it('depth 0 is the start nodes alone, and a start that does not exist is dropped', async () => {
    const { store, calls } = fakeStore();
    const g = await expandSubgraph(store, request({ depth: 0, starts: [I('三项制度'), I('nowhere')] }));
    expect(keys(g.nodes)).toEqual(['Initiative:三项制度']);
    expect(g.edges).toEqual([]);
    expect(g.truncated).toBe(false);
    expect(calls.map((c) => c.name)).toEqual(['graph_nodes']);
  });

  it('expands level by level, one store call per level, with each edge once and directed as stored', async () => {
    const { store, calls } = fakeStore();
    const g = await expandSubgraph(store, request({ depth: 2 }));
    expect(calls.map((c) => c.name)).toEqual(['graph_nodes', 'graph_neighbours', 'graph_neighbours']);
    expect(calls[2].params.nodes).toEqual([R('r1'), R('r2')]);
    expect(new Set(keys(g.nodes))).toEqual(
      new Set(['Initiative:三项制度', 'Report:r1', 'Report:r2', 'Jurisdiction:c1', 'Jurisdiction:c2', 'Initiative:放管服']),
    );
    expect(edgeKeys(g.edges)).toEqual(['ABOUT:r1->c1', 'ABOUT:r2->c2', 'MENTIONS:r1->三项制度', 'MENTIONS:r2->三项制度', 'MENTIONS:r2->放管服'].sort());
    expect(g.edges.find((e) => e.source.key === 'r1' && e.type === 'MENTIONS')?.weight).toBe(3);
    // the start first, then by degree among the kept nodes
    expect(keys(g.nodes)[0]).toBe('Initiative:三项制度');
    expect(g.nodes.find((n) => n.key === 'r2')?.degree).toBe(3);
    expect(g.nodes.find((n) => n.key === '三项制度')?.degree).toBe(2);
  });

  it('keeps a start node whose type is not among the labels, and follows only the chosen types', async () => {
    const { store } = fakeStore();
    const g = await expandSubgraph(store, request({ starts: [J('city')], labels: ['Jurisdiction'], types: ['PART_OF'], depth: 3 }));
    expect(keys(g.nodes)).toEqual(['Jurisdiction:city', 'Jurisdiction:c1', 'Jurisdiction:c2']);
    const reports = await expandSubgraph(store, request({ starts: [R('r1')], labels: ['Initiative'], types: ['MENTIONS'] }));
    expect(keys(reports.nodes)).toEqual(['Report:r1', 'Initiative:三项制度']);
  });

  it('caps at maxNodes keeping the start nodes and the most connected, with only the edges between kept nodes, and says so', async () => {
    const { store } = fakeStore();
    const g = await expandSubgraph(store, request({ starts: [J('c1')], depth: 3, maxNodes: 3 }));
    expect(g.truncated).toBe(true);
    expect(g.nodes).toHaveLength(3);
    expect(keys(g.nodes)[0]).toBe('Jurisdiction:c1');
    const kept = new Set(g.nodes);
    for (const e of g.edges) expect(kept.has(e.source) && kept.has(e.target)).toBe(true);
    for (const n of g.nodes) expect(n.degree).toBe(g.edges.filter((e) => e.source === n || e.target === n).length);
  });

  it('passes the place filter to the store and caps each level at maxNodes × ROWS_PER_NODE rows, truncated when reached', async () => {
    const hub = I('hub');
    const edges = Array.from({ length: 30 }, (_v, i): Edge => ({ type: 'MENTIONS', from: R(`r${i}`), to: hub }));
    const { store, calls } = fakeStore(edges, [hub]);
    const place = { province: '四川省', level: 'county', yearFrom: 2023, yearTo: null };
    const g = await expandSubgraph(store, request({ starts: [hub], maxNodes: 1, place }));
    expect(calls[1].params).toMatchObject({ ...place, limit: ROWS_PER_NODE });
    expect(g.truncated).toBe(true);
    expect(keys(g.nodes)).toEqual(['Initiative:hub']);
    expect(g.edges).toEqual([]);
  });
});
