// Exports read back by the tools their users use (issue 16): GraphML by
// networkx and by a standards XML DOM (@xmldom/xmldom) read by the GraphML
// rules; GEXF by networkx and by graphology-gexf's own parser; Cytoscape JSON
// by cytoscape.js (headless); the CSV by the rules of `neo4j-admin database
// import` (header, quoting, arrays). Each must give back every node, every
// edge and every property value of the export, lists included, and every
// node must carry a label. The truth compared against is the export plan's
// own data (what the store holds, with provenance in its readable form for
// the viewer formats), under the documented attribute names; lists in
// GraphML and GEXF are JSON text, so a list reads back through JSON.parse
// (json.loads) exactly.
//
// networkx is optional: without python3 and networkx those tests skip and
// say why; the JavaScript readers cover the same properties always.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import cytoscape from 'cytoscape';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTER, openExport, stringSink, writeCsvDirectory, writeExport, type ExportPlan } from '../../../src/export/index.js';
import { attributeName, valueType, viewerAttributes } from '../../../src/export/model.js';
import { ingestPaths } from '../../../src/ingest/pipeline.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { readNeo4jAdminImport, type AdminImport } from '../../support/neo4j-admin.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'govgraph-roundtrip-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** python3 with networkx, or the plain reason it is not there. */
const networkx = (() => {
  const probe = spawnSync('python3', ['-c', 'import networkx; print(networkx.__version__)'], { encoding: 'utf8' });
  if (probe.error) return { ok: false, reason: `python3 is not installed (${(probe.error as NodeJS.ErrnoException).code})` } as const;
  if (probe.status !== 0) return { ok: false, reason: 'python3 cannot import networkx (pip install networkx)' } as const;
  return { ok: true, version: probe.stdout.trim() } as const;
})();
if (!networkx.ok) console.warn(`export round trip: the networkx readers are skipped: ${networkx.reason}`);

/** One element as a reader gives it back: its fixed fields and its properties under their attribute names. */
interface Item {
  label?: string;
  type: string;
  key?: string;
  source?: string;
  target?: string;
  weight?: number;
  props: Record<string, unknown>;
}
interface Graph {
  nodes: Map<string, Item>;
  edges: Map<string, Item>;
}

/** The export's truth: every node and edge of the plan, properties under the names the viewer formats give them. */
async function truthOf(plan: ExportPlan): Promise<Graph> {
  const props = (owner: string, properties: Record<string, unknown>, isRelationship: boolean) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(properties)) {
      const name = attributeName(owner, k, isRelationship);
      if (name !== null && v !== null && v !== undefined) out[name] = v;
    }
    return out;
  };
  const nodes = new Map<string, Item>();
  const edges = new Map<string, Item>();
  for await (const page of plan.nodes())
    for (const n of page) nodes.set(n.id, { label: n.label, type: n.type, key: n.key, props: props(n.type, n.properties, false) });
  for await (const page of plan.edges())
    for (const e of page) edges.set(e.id, { type: e.type, source: e.source, target: e.target, weight: e.weight, props: props(e.type, e.properties, true) });
  return { nodes, edges };
}

/** Every difference between two graphs, as readable lines (the first 20), and how many list values were compared. */
function differences(actual: Graph, expected: Graph): { lines: string[]; lists: number; values: number } {
  const lines: string[] = [];
  let lists = 0;
  let values = 0;
  for (const kind of ['nodes', 'edges'] as const) {
    for (const id of expected[kind].keys()) if (!actual[kind].has(id)) lines.push(`${kind}: ${id} is missing`);
    for (const id of actual[kind].keys()) if (!expected[kind].has(id)) lines.push(`${kind}: ${id} was not exported`);
    for (const [id, want] of expected[kind]) {
      const got = actual[kind].get(id);
      if (!got) continue;
      for (const field of ['label', 'type', 'key', 'source', 'target', 'weight'] as const) {
        if (want[field] !== undefined && got[field] !== want[field])
          lines.push(`${kind}: ${id}.${field} is ${JSON.stringify(got[field])}, not ${JSON.stringify(want[field])}`);
      }
      const names = new Set([...Object.keys(want.props), ...Object.keys(got.props)]);
      for (const name of names) {
        values++;
        if (Array.isArray(want.props[name])) lists++;
        if (JSON.stringify(got.props[name]) !== JSON.stringify(want.props[name])) {
          lines.push(`${kind}: ${id}.${name} is ${JSON.stringify(got.props[name])?.slice(0, 120)}, not ${JSON.stringify(want.props[name])?.slice(0, 120)}`);
        }
      }
    }
  }
  return { lines: lines.slice(0, 20).concat(lines.length > 20 ? [`… ${lines.length - 20} more`] : []), lists, values };
}

/** The attribute names whose values are lists, which GraphML and GEXF carry as JSON text. */
function listAttributes(plan: ExportPlan): { node: Set<string>; edge: Set<string> } {
  const lists = (columns: Map<string, { name: string; type: string }[]>, isRelationship: boolean) =>
    new Set(
      viewerAttributes(columns as never, isRelationship)
        .filter((a) => a.type.endsWith('[]'))
        .map((a) => a.name),
    );
  return { node: lists(plan.schema.nodes, false), edge: lists(plan.schema.edges, true) };
}

/** Splits a reader's attribute bag into the fixed fields and the properties; list attributes decoded from their JSON text. */
function item(attrs: Record<string, unknown>, fixed: Partial<Item>, lists: Set<string>, drop: string[]): Item {
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (drop.includes(k)) continue;
    props[k] = lists.has(k) && typeof v === 'string' ? JSON.parse(v) : v;
  }
  return { type: String(attrs.type), ...fixed, props };
}

const run = (format: 'graphml' | 'gexf' | 'cytoscape', plan: ExportPlan) => {
  const sink = stringSink();
  return writeExport(plan, format, sink).then(() => sink.text());
};

type Lists = { node: Set<string>; edge: Set<string> };

/** GraphML by its rules on a standards XML DOM: typed <key>s (boolean "true"/"false", numbers as decimal text, strings as is). */
function readGraphmlDom(text: string, lists: Lists): Graph {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const keys = new Map<string, { name: string; type: string }>();
  for (const k of Array.from(doc.getElementsByTagName('key')))
    keys.set(k.getAttribute('id')!, { name: k.getAttribute('attr.name')!, type: k.getAttribute('attr.type')! });
  const cast = (type: string, value: string): unknown =>
    type === 'boolean' ? value === 'true' : ['int', 'long', 'float', 'double'].includes(type) ? Number(value) : value;
  const dataOf = (el: Element) => {
    const out: Record<string, unknown> = {};
    for (const d of Array.from(el.getElementsByTagName('data'))) {
      const key = keys.get(d.getAttribute('key')!)!;
      out[key.name] = cast(key.type, d.textContent ?? '');
    }
    return out;
  };
  const graph: Graph = { nodes: new Map(), edges: new Map() };
  for (const n of Array.from(doc.getElementsByTagName('node'))) {
    const a = dataOf(n);
    graph.nodes.set(n.getAttribute('id')!, item(a, { label: a.label as string, key: a.key as string }, lists.node, ['label', 'type', 'key']));
  }
  for (const e of Array.from(doc.getElementsByTagName('edge'))) {
    const a = dataOf(e);
    graph.edges.set(
      e.getAttribute('id')!,
      item(a, { source: e.getAttribute('source')!, target: e.getAttribute('target')!, weight: a.weight as number }, lists.edge, ['type', 'weight']),
    );
  }
  return graph;
}

/** GEXF by graphology-gexf's own parser. */
function readGexfGraphology(text: string, lists: Lists): Graph {
  const g = parseGexf(MultiDirectedGraph, text, { respectInputGraphType: true });
  const graph: Graph = { nodes: new Map(), edges: new Map() };
  g.forEachNode((id, a) => graph.nodes.set(id, item(a, { label: a.label as string, key: a.key as string }, lists.node, ['label', 'type', 'key'])));
  g.forEachEdge((id, a, source, target) =>
    graph.edges.set(id, item(a, { source, target, weight: a.weight as number }, lists.edge, ['label', 'type', 'weight'])),
  );
  return graph;
}

/** Cytoscape JSON loaded into cytoscape.js (headless); also returns the nodes whose `name` is not the stored name or else the label. */
function readCytoscapeJs(text: string, truth: Graph): Graph & { unnamed: string[] } {
  const cy = cytoscape({ headless: true, styleEnabled: false, elements: JSON.parse(text).elements });
  const graph: Graph & { unnamed: string[] } = { nodes: new Map(), edges: new Map(), unnamed: [] };
  cy.nodes().forEach((n) => {
    const d = n.data() as { id: string; name?: unknown; label?: string; key?: string; [attr: string]: unknown };
    const want = truth.nodes.get(d.id);
    // Cytoscape desktop labels nodes by `name`: the stored name, else the display label.
    if (typeof d.name !== 'string' || !d.name) graph.unnamed.push(d.id);
    else if (want && d.name !== (want.props.name ?? want.label)) graph.unnamed.push(`${d.id} named ${d.name}`);
    const drop = ['id', 'label', 'type', 'key', ...(want && want.props.name === undefined ? ['name'] : [])];
    graph.nodes.set(d.id, item(d, { label: d.label, key: d.key }, new Set(), drop));
  });
  cy.edges().forEach((e) => {
    const d = e.data() as { id: string; source: string; target: string; weight: number; [attr: string]: unknown };
    graph.edges.set(d.id, item(d, { source: d.source, target: d.target, weight: d.weight }, new Set(), ['id', 'source', 'target', 'type', 'label', 'weight']));
  });
  return graph;
}

/**
 * A plan of values that break naive writers and readers: commas, both
 * quotes, brackets and backslashes inside list elements, edge spaces, line
 * breaks and tabs, XML's special characters, an astral character, empty
 * lists and lists of one empty string, negative and fractional numbers.
 */
function hostilePlan(): ExportPlan {
  const awkward = ['a, b', 'say "hi"', "it's", '[x, y]', 'back\\slash', ' edge spaces ', 'two\nlines', 'tab\there', '<&>', '𠮷野家', '', '"', ','];
  const nodes = [
    {
      id: 'UmVwb3J0OmF3a3dhcmQ=',
      type: 'Report',
      key: 'awkward',
      label: 'a report, "quoted" & <marked>',
      properties: { id: 'awkward', title: 'a report, "quoted" & <marked>', year: -2024, jurisdictionConfidence: 0.1, text: awkward.join('\n') },
    },
    {
      id: 'SW5pdGlhdGl2ZTpvbmU=',
      type: 'Initiative',
      key: 'one, two',
      label: 'one, two',
      properties: { name: 'one, two', aliases: awkward, discovered: false, category: 'x' },
    },
    { id: 'SW5pdGlhdGl2ZTplbXB0eQ==', type: 'Initiative', key: 'empty', label: 'empty', properties: { name: 'empty', aliases: [], discovered: true } },
    { id: 'SW5pdGlhdGl2ZTpibGFuaw==', type: 'Initiative', key: 'blank', label: 'blank', properties: { name: 'blank', aliases: [''], category: '' } },
  ];
  const edges = [
    {
      id: 'MENTIONS:UmVwb3J0OmF3a3dhcmQ=->SW5pdGlhdGl2ZTpvbmU=',
      source: nodes[0].id,
      target: nodes[1].id,
      type: 'MENTIONS',
      weight: 2,
      properties: { count: 2, starts: [0, 12345678], sentences: awkward, sections: ['一、工作, 情况', ''] },
    },
    {
      id: 'MENTIONS:UmVwb3J0OmF3a3dhcmQ=->SW5pdGlhdGl2ZTplbXB0eQ==',
      source: nodes[0].id,
      target: nodes[2].id,
      type: 'MENTIONS',
      weight: 1,
      properties: { count: 1, starts: [], sentences: [] },
    },
  ];
  const plan: ExportPlan = {
    schema: {
      nodes: new Map([
        [
          'Report',
          [
            { name: 'id', type: 'string' },
            { name: 'jurisdictionConfidence', type: 'double' },
            { name: 'text', type: 'string' },
            { name: 'title', type: 'string' },
            { name: 'year', type: 'int' },
          ],
        ],
        [
          'Initiative',
          [
            { name: 'aliases', type: 'string[]' },
            { name: 'category', type: 'string' },
            { name: 'discovered', type: 'boolean' },
            { name: 'name', type: 'string' },
          ],
        ],
      ]),
      edges: new Map([
        [
          'MENTIONS',
          [
            { name: 'count', type: 'int' },
            { name: 'sections', type: 'string[]' },
            { name: 'sentences', type: 'string[]' },
            { name: 'starts', type: 'int[]' },
          ],
        ],
      ]),
    },
    labels: ['Report', 'Initiative'],
    types: ['MENTIONS'],
    async *nodes(only) {
      for (const label of plan.labels) if (!only || only.includes(label)) yield nodes.filter((n) => n.type === label);
    },
    async *edges(onlyTypes) {
      yield edges.filter((e) => !onlyTypes || onlyTypes.includes(e.type));
    },
    readable: () => plan,
  };
  return plan;
}

describe.each([
  ['the seeds', 'seeds'],
  ['hostile values', 'hostile'],
] as const)('exports of %s read back by their users’ tools, every value equal', (_name, source) => {
  let store: EmbeddedStore | null = null;
  let plan: ExportPlan;
  let truth: Graph;
  let lists: Lists;
  const files: Partial<Record<'graphml' | 'gexf' | 'cytoscape', string>> = {};
  const file = (format: string) => join(scratch, `${source}.${format}`);

  beforeAll(async () => {
    if (source === 'seeds') {
      store = await EmbeddedStore.open();
      await ingestPaths(store, [join(root, 'seed/')]);
      plan = await openExport(store, NO_FILTER, 'full');
    } else plan = hostilePlan();
    truth = await truthOf(plan.readable());
    lists = listAttributes(plan.readable());
    for (const format of ['graphml', 'gexf', 'cytoscape'] as const) {
      files[format] = await run(format, plan);
      writeFileSync(file(format), files[format]!);
    }
  });
  afterAll(() => store?.close());

  /** The comparison every reader must pass: all nodes and edges, all values, and (for the seeds) thousands of lists. */
  const expectSame = (actual: Graph, expected = truth) => {
    const d = differences(actual, expected);
    expect(d.lines).toEqual([]);
    if (source === 'seeds') {
      expect(truth.nodes.size).toBe(544);
      expect(d.lists).toBeGreaterThan(2000); // aliases and the provenance lists of 659 relationships
    }
  };

  it('exports properties with the types the model declares (so typed formats carry the stored values)', async () => {
    const wrong: string[] = [];
    const check = (owner: string, properties: Record<string, unknown>, isRelationship: boolean) => {
      for (const [name, value] of Object.entries(properties)) {
        const type = valueType(owner, name, isRelationship);
        const ok = type.endsWith('[]')
          ? Array.isArray(value) && value.every((v) => typeof v === (type === 'int[]' ? 'number' : 'string'))
          : type === 'string'
            ? typeof value === 'string'
            : type === 'boolean'
              ? typeof value === 'boolean'
              : typeof value === 'number';
        if (!ok) wrong.push(`${owner}.${name}: declared ${type}, stored ${JSON.stringify(value).slice(0, 40)}`);
      }
    };
    for await (const page of plan.nodes()) for (const n of page) check(n.type, n.properties, false);
    for await (const page of plan.edges()) for (const e of page) check(e.type, e.properties, true);
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('GraphML by the GraphML rules on a standards XML DOM (@xmldom/xmldom)', () => {
    expectSame(readGraphmlDom(files.graphml!, lists));
  });

  it.skipIf(!networkx.ok)(
    `GraphML by networkx read_graphml${networkx.ok ? '' : ` (skipped: ${networkx.reason})`}`,
    () => {
      const g = readWithNetworkx('graphml', file('graphml'));
      expect(g.class).toBe(source === 'seeds' ? 'MultiDiGraph' : 'DiGraph'); // the seeds have parallel REPORTS edges
      expectSame(fromNetworkx(g, lists, ['label', 'type', 'key'], ['id', 'type', 'weight']));
    },
    60_000,
  );

  /** The GEXF writer writes no <attvalue> for an empty string: in GEXF a property that is "" reads back as absent. */
  const withoutEmptyStrings = (g: Graph): Graph => {
    const strip = (m: Map<string, Item>) =>
      new Map([...m].map(([id, x]) => [id, { ...x, props: Object.fromEntries(Object.entries(x.props).filter(([, v]) => v !== '')) }]));
    return { nodes: strip(g.nodes), edges: strip(g.edges) };
  };

  it('GEXF by graphology-gexf’s parser: list elements holding commas come back whole', () => {
    const graph = readGexfGraphology(files.gexf!, lists);
    expectSame(graph, withoutEmptyStrings(truth));
    // what broke before: list elements holding a comma (most sentences do)
    const sentences = [...graph.edges.values()].flatMap((e) => (e.props.sentences as string[] | undefined) ?? []);
    expect(sentences.filter((s) => s.includes(',')).length).toBeGreaterThan(source === 'seeds' ? 500 : 1);
  });

  it.skipIf(!networkx.ok)(
    `GEXF by networkx read_gexf${networkx.ok ? '' : ` (skipped: ${networkx.reason})`}`,
    () => {
      const g = readWithNetworkx('gexf', file('gexf'));
      expect(g.class).toBe(source === 'seeds' ? 'MultiDiGraph' : 'DiGraph');
      // networkx puts the edge's GEXF id and label among its attributes as well
      expectSame(fromNetworkx(g, lists, ['label', 'type', 'key'], ['id', 'label', 'type', 'weight']), withoutEmptyStrings(truth));
    },
    60_000,
  );

  it('Cytoscape JSON by cytoscape.js (headless), every node named for Cytoscape desktop', () => {
    const graph = readCytoscapeJs(files.cytoscape!, truth);
    expect(graph.unnamed).toEqual([]);
    expectSame(graph);
    if (source === 'seeds') {
      // the four kinds that had no name before
      const cy = cytoscape({ headless: true, styleEnabled: false, elements: JSON.parse(files.cytoscape!).elements });
      for (const type of ['Report', 'Regulation', 'Problem', 'Plan']) {
        expect(cy.nodes(`[type = "${type}"]`).length, type).toBeGreaterThan(0);
        expect(cy.nodes(`[type = "${type}"][name]`).length, type).toBe(cy.nodes(`[type = "${type}"]`).length);
      }
    }
  });

  it('labels every node in every viewer format', async () => {
    expect([...truth.nodes.values()].filter((n) => !n.label?.trim())).toEqual([]);
    const gexf = parseGexf(MultiDirectedGraph, files.gexf!, { respectInputGraphType: true });
    expect(gexf.filterNodes((_id, a) => typeof a.label !== 'string' || !a.label.trim())).toEqual([]);
  });
});

interface NetworkxGraph {
  class: string;
  nodes: { id: string; attrs: Record<string, unknown> }[];
  edges: { source: string; target: string; key: string; attrs: Record<string, unknown> }[];
}

function readWithNetworkx(format: 'graphml' | 'gexf', file: string): NetworkxGraph {
  const r = spawnSync('python3', [join(root, 'test/support/networkx_read.py'), format, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

function fromNetworkx(g: NetworkxGraph, lists: { node: Set<string>; edge: Set<string> }, nodeFixed: string[], edgeFixed: string[]): Graph {
  const graph: Graph = { nodes: new Map(), edges: new Map() };
  for (const n of g.nodes) graph.nodes.set(n.id, item(n.attrs, { label: n.attrs.label as string, key: n.attrs.key as string }, lists.node, nodeFixed));
  for (const e of g.edges)
    graph.edges.set(e.key, item(e.attrs, { source: e.source, target: e.target, weight: e.attrs.weight as number }, lists.edge, edgeFixed));
  return graph;
}

/**
 * neo4j-admin cannot store an empty array: an empty field is no property
 * (neo4j/neo4j#13566, open). govgraph reads a missing list as an empty one.
 */
const withoutEmptyLists = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([, v]) => !(Array.isArray(v) && v.length === 0)));

describe('CSV read by the rules of neo4j-admin database import', () => {
  let store: EmbeddedStore;
  let plan: ExportPlan;
  let imported: AdminImport;

  beforeAll(async () => {
    store = await EmbeddedStore.open();
    await ingestPaths(store, [join(root, 'seed/')]);
    plan = await openExport(store, NO_FILTER, 'full');
    const dir = join(scratch, 'csv');
    await writeCsvDirectory(plan, dir);
    imported = readNeo4jAdminImport(dir);
  });
  afterAll(() => store.close());

  it('names the database first and every file it wrote', () => {
    expect(imported.database).toBe('neo4j');
    expect(imported.nodes.size).toBe(544);
    expect(imported.relationships).toHaveLength(659);
  });

  it('gives back every node with its label and every stored property value, lists included', async () => {
    const wrong: string[] = [];
    let lists = 0;
    for await (const page of plan.nodes()) {
      for (const n of page) {
        const got = imported.nodes.get(n.id);
        if (!got) {
          wrong.push(`${n.id} missing`);
          continue;
        }
        if (JSON.stringify(got.labels) !== JSON.stringify([n.type])) wrong.push(`${n.id} labels ${got.labels}`);
        const { graphId, ...props } = got.props;
        if (graphId !== n.id) wrong.push(`${n.id} graphId ${graphId}`);
        lists += Object.values(n.properties).filter(Array.isArray).length;
        expect(props, n.id).toEqual(withoutEmptyLists(n.properties));
      }
    }
    expect(wrong).toEqual([]);
    expect(lists).toBeGreaterThan(100);
  });

  it('gives back every relationship with its ends, type and every stored property value (provenance strings, commas and all)', async () => {
    const byId = new Map(imported.relationships.map((r) => [String(r.props.graphId), r]));
    let provenance = 0;
    let count = 0;
    for await (const page of plan.edges()) {
      for (const e of page) {
        count++;
        const got = byId.get(e.id);
        expect(got, e.id).toBeDefined();
        const { graphId: _id, ...props } = got!.props;
        expect({ start: got!.start, end: got!.end, type: got!.type, props }, e.id).toEqual({
          start: e.source,
          end: e.target,
          type: e.type,
          props: withoutEmptyLists(e.properties),
        });
        if (typeof e.properties.provenance === 'string' && e.properties.provenance.includes(',')) provenance++;
      }
    }
    expect(count).toBe(imported.relationships.length);
    expect(provenance).toBeGreaterThan(500);
  });
});

describe('CSV of hostile values read by the rules of neo4j-admin database import', () => {
  it('keeps commas, quotes, brackets, backslashes, edge spaces, line breaks and XML characters exactly; a TAB inside a list element becomes a space', async () => {
    const plan = hostilePlan();
    const dir = join(scratch, 'csv-hostile');
    await writeCsvDirectory(plan, dir);
    const imported = readNeo4jAdminImport(dir);
    // TAB is the array delimiter (report text has none: the normalizer turns tabs into spaces).
    const expected = (p: Record<string, unknown>) =>
      withoutEmptyLists(
        Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.replaceAll('\t', ' ') : x)) : v])),
      );
    for await (const page of plan.nodes()) {
      for (const n of page) {
        const { graphId, ...props } = imported.nodes.get(n.id)!.props;
        expect(graphId).toBe(n.id);
        // A list of one empty string is a quoted empty field; what neo4j-admin makes of that is not documented, so it is left out here.
        const want = expected(n.properties);
        if (JSON.stringify(want.aliases) === '[""]') {
          delete want.aliases;
          delete props.aliases;
        }
        expect(props, n.id).toEqual(want);
      }
    }
    for await (const page of plan.edges()) {
      for (const e of page) {
        const got = imported.relationships.find((r) => r.props.graphId === e.id)!;
        const { graphId: _id, ...props } = got.props;
        expect(props, e.id).toEqual(expected(e.properties));
      }
    }
    expect(String(imported.nodes.get('UmVwb3J0OmF3a3dhcmQ=')!.props.text)).toContain('tab\there'); // a scalar keeps its tab
  });
});
