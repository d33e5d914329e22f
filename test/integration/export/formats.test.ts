// Exports (issue 6): every format of the seeded graph is parsed back — GEXF
// by graphology-gexf, GraphML by linkedom's XML DOM, Cytoscape JSON by
// JSON.parse, CSV by an RFC 4180 reader below — and its node and edge counts
// are compared with the store's own (stats statements). A filtered export
// must be exactly the subgraph its node set induces in the whole export; ids
// must be those of the GraphQL `graph` query; paging must not change a byte;
// bad input is a 400 over HTTP and exit 2 on the command line. The CSV is
// the stored model exactly (provenance as offsets into the report text):
// loaded as neo4j-admin loads it, it serves the same mentions through the
// API; the viewer formats show provenance as readable sentences instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import grafeo from '@grafeo-db/js';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler, createHttpServer } from '../../../src/api/server.js';
import {
  ExportInputError,
  IMPORT_FILE,
  NO_FILTER,
  openExport,
  parseExportFilter,
  planExport,
  stringSink,
  writeCsvDirectory,
  writeExport,
  type ExportFormat,
} from '../../../src/export/index.js';
import { csvField } from '../../../src/export/csv.js';
import { nodeId } from '../../../src/model.js';
import { ingestPaths } from '../../../src/ingest/pipeline.js';
import { DATABASE_FILE, EmbeddedStore } from '../../../src/store/embedded.js';
import type { StoreCounts } from '../../../src/store/types.js';
import { queryData } from '../../support/ask.js';
import { storedReports } from '../../support/stored-reports.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'govgraph-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The data of a GraphQL query answered by the server's handler over a store (no errors expected); `T` as for queryData. */
function askGraphQL<T>(store: EmbeddedStore, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return queryData<T>(createGraphQLHandler({ store }), query, variables);
}

/** RFC 4180: fields separated by commas, records by CRLF or LF; a quoted field may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += c === '\r' ? 2 : 1;
    } else if (c === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
    else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A CSV file as objects keyed by header column. */
function csvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...records] = parseCsv(text);
  for (const r of records) expect(r.length, `a record with ${r.length} fields under a header of ${header.length}`).toBe(header.length);
  return { header, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

interface Parsed {
  nodes: { id: string; type: string; label: string; attrs: Record<string, unknown> }[];
  edges: { id: string; source: string; target: string; type: string }[];
}

/**
 * An attribute of linkedom's XML DOM. In XML mode linkedom leaves &lt; &gt;
 * &amp; (and character references) in attribute values undecoded, unlike
 * any XML reader (Gephi's, yEd's); decode them as XML 1.0 says.
 */
function xmlAttr(el: Element, name: string): string | null {
  const raw = el.getAttribute(name);
  return raw === null
    ? null
    : raw.replace(/&(lt|gt|quot|apos|#\d+|#x[0-9a-f]+|amp);/gi, (_m, e: string) =>
        e[0] === '#'
          ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
          : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e.toLowerCase()],
      );
}

function parseGraphml(text: string): Parsed & { keys: Map<string, { for: string; name: string; type: string }> } {
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  expect(doc.documentElement.tagName).toBe('graphml');
  expect(doc.documentElement.getAttribute('xmlns')).toBe('http://graphml.graphdrawing.org/xmlns');
  const keys = new Map(
    [...doc.getElementsByTagName('key')].map((k) => [
      xmlAttr(k, 'id')!,
      { for: xmlAttr(k, 'for')!, name: xmlAttr(k, 'attr.name')!, type: xmlAttr(k, 'attr.type')! },
    ]),
  );
  const dataOf = (el: Element) => {
    const out: Record<string, string> = {};
    for (const d of el.getElementsByTagName('data')) {
      const key = keys.get(xmlAttr(d, 'key')!);
      if (!key) throw new Error(`data for an undeclared key ${xmlAttr(d, 'key')}`);
      out[key.name] = d.textContent ?? '';
    }
    return out;
  };
  const graph = doc.getElementsByTagName('graph')[0];
  expect(graph.getAttribute('edgedefault')).toBe('directed');
  return {
    keys,
    nodes: [...doc.getElementsByTagName('node')].map((n) => {
      const attrs = dataOf(n);
      return { id: xmlAttr(n, 'id')!, type: attrs.type, label: attrs.label, attrs };
    }),
    edges: [...doc.getElementsByTagName('edge')].map((e) => ({
      id: xmlAttr(e, 'id')!,
      source: xmlAttr(e, 'source')!,
      target: xmlAttr(e, 'target')!,
      type: dataOf(e).type,
    })),
  };
}

/** Cytoscape JSON as the export writes it: elements whose data holds the id, the type and the other attributes. */
interface CytoscapeJson {
  elements: {
    nodes: { data: { id: string; type: string; label: string; [attr: string]: unknown } }[];
    edges: { data: { id: string; source: string; target: string; type: string; [attr: string]: unknown } }[];
  };
}

function parseCytoscape(text: string): Parsed {
  const json = JSON.parse(text) as CytoscapeJson;
  return {
    nodes: json.elements.nodes.map((n) => ({ id: n.data.id, type: n.data.type, label: n.data.label, attrs: n.data })),
    edges: json.elements.edges.map((e) => ({ id: e.data.id, source: e.data.source, target: e.data.target, type: e.data.type })),
  };
}

function parseGexfText(text: string): Parsed {
  // respectInputGraphType: without it the parser calls a file without edges "mixed".
  const graph = parseGexf(MultiDirectedGraph, text, { respectInputGraphType: true });
  return {
    nodes: graph.mapNodes((id, a) => ({ id, type: a.type as string, label: a.label as string, attrs: a })),
    edges: graph.mapEdges((id, a, source, target) => ({ id, source, target, type: a.type as string })),
  };
}

const PARSERS: Record<Exclude<ExportFormat, 'csv'>, (text: string) => Parsed> = { graphml: parseGraphml, gexf: parseGexfText, cytoscape: parseCytoscape };

const tally = (items: { type: string }[]) => {
  const t: Record<string, number> = {};
  for (const x of items) t[x.type] = (t[x.type] ?? 0) + 1;
  return t;
};

/** Every edge ends at exported nodes, and ids are unique. */
function expectConsistent(g: Parsed) {
  const ids = new Set(g.nodes.map((n) => n.id));
  expect(ids.size).toBe(g.nodes.length);
  expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
  for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
}

/**
 * Loads a CSV export into a fresh embedded database the way `neo4j-admin
 * database import` reads it: typed header columns (name:int, name:string[]
 * with TAB-separated elements …), an empty field is no property, `:ID` and
 * `:START_ID`/`:END_ID` tie relationships to nodes, the ID column is kept as
 * a property (`graphId`). Written with Grafeo's batch API, not with Cypher.
 */
async function importLikeNeo4jAdmin(dir: string, files: { part: { kind: string }; file: string }[], dataDir: string): Promise<void> {
  const db = grafeo.GrafeoDB.create(join(dataDir, DATABASE_FILE));
  try {
    const typed = (column: string, field: string): [string, unknown] => {
      const [name, type = 'string'] = column.split(':');
      const scalar = (t: string, v: string) => (t === 'int' || t === 'double' ? Number(v) : t === 'boolean' ? v === 'true' : v);
      return [name, type.endsWith('[]') ? field.split('\t').map((v) => scalar(type.slice(0, -2), v)) : scalar(type, field)];
    };
    const ids = new Map<string, number>();
    for (const f of files.filter((x) => x.part.kind === 'nodes')) {
      const { header, rows } = csvObjects(readFileSync(join(dir, f.file), 'utf8'));
      const label = rows[0][':LABEL'];
      const props = rows.map((row) =>
        Object.fromEntries(header.filter((h) => h !== ':LABEL' && row[h] !== '').map((h) => typed(h === 'graphId:ID' ? 'graphId' : h, row[h]))),
      );
      const created = await db.batchCreateNodesWithProps(label, props);
      rows.forEach((row, i) => {
        ids.set(row['graphId:ID'], created[i]);
      });
    }
    for (const f of files.filter((x) => x.part.kind === 'relationships')) {
      const { header, rows } = csvObjects(readFileSync(join(dir, f.file), 'utf8'));
      const columns = header.filter((h) => !h.startsWith(':'));
      await db.batchCreateEdges(
        rows.map((row) => ({
          src: ids.get(row[':START_ID'])!,
          dst: ids.get(row[':END_ID'])!,
          type: row[':TYPE'],
          properties: Object.fromEntries(columns.filter((h) => row[h] !== '').map((h) => typed(h, row[h]))),
        })),
      );
    }
  } finally {
    db.close();
  }
}

describe('exports of the seeded graph', () => {
  let store: EmbeddedStore;
  let counts: StoreCounts;
  const exported = async (format: Exclude<ExportFormat, 'csv'>, pairs: [string, string][] = [], detail: 'compact' | 'full' = 'compact') => {
    const plan = await openExport(store, parseExportFilter(pairs), detail);
    const sink = stringSink();
    const written = await writeExport(plan, format, sink);
    return { text: sink.text(), written };
  };

  beforeAll(async () => {
    store = await EmbeddedStore.open();
    await ingestPaths(store, [join(root, 'seed/')]);
    counts = await store.counts();
  });
  afterAll(() => store.close());

  it.each(['graphml', 'gexf', 'cytoscape'] as const)('%s parses back with the store’s node and edge counts, per label and per type', async (format) => {
    const { text, written } = await exported(format);
    const g = PARSERS[format](text);
    expect(counts.nodes).toBe(544); // the seeds, so that a change in them is noticed here
    expect(g.nodes).toHaveLength(counts.nodes);
    expect(g.edges).toHaveLength(counts.relationships);
    expect(written).toEqual({ nodes: counts.nodes, edges: counts.relationships });
    expect(tally(g.nodes)).toEqual(counts.byLabel);
    expect(tally(g.edges)).toEqual(counts.byType);
    expectConsistent(g);
    const luojiang = g.nodes.find((n) => n.label === '四川省德阳市罗江区')!;
    expect(luojiang).toMatchObject({ type: 'Jurisdiction' });
    expect(luojiang.attrs).toMatchObject({ key: '510604', level: 'county', province: '四川省' });
  });

  it('GraphML declares every attribute as a typed <key>, and node types and labels as data', async () => {
    const g = parseGraphml((await exported('graphml')).text);
    const byName = (domain: string) => new Map([...g.keys.values()].filter((k) => k.for === domain).map((k) => [k.name, k.type]));
    const node = byName('node');
    expect(Object.fromEntries(['label', 'type', 'key', 'year', 'discovered', 'aliases', 'organizationType'].map((n) => [n, node.get(n)]))).toEqual({
      label: 'string',
      type: 'string',
      key: 'string',
      year: 'int',
      discovered: 'boolean',
      aliases: 'string', // GraphML has no lists: JSON text
      organizationType: 'string', // Organization.type, renamed away from the node type
    });
    expect(byName('edge').get('weight')).toBe('double');
    expect(byName('edge').get('count')).toBe('int');
    const sanxiang = g.nodes.find((n) => n.label === '行政执法三项制度')!;
    expect(JSON.parse(sanxiang.attrs.aliases as string)).toContain('三项制度');
    const org = g.nodes.find((n) => n.type === 'Organization')!;
    expect(['government', 'department']).toContain(org.attrs.organizationType);
  });

  it('GEXF declares node and edge attributes with types Gephi reads', async () => {
    const { text } = await exported('gexf');
    const doc = new DOMParser().parseFromString(text, 'text/xml');
    const declared = (cls: string) =>
      Object.fromEntries(
        [...doc.getElementsByTagName('attributes')]
          .filter((a) => a.getAttribute('class') === cls)
          .flatMap((a) => [...a.getElementsByTagName('attribute')].map((x) => [x.getAttribute('title'), x.getAttribute('type')])),
      );
    // lists are JSON text (liststring does not survive graphology-gexf's or networkx's readers: roundtrip.test.ts)
    expect(declared('node')).toMatchObject({
      type: 'string',
      key: 'string',
      year: 'integer',
      jurisdictionConfidence: 'double',
      discovered: 'boolean',
      aliases: 'string',
    });
    expect(declared('edge')).toMatchObject({ type: 'string', count: 'integer', value: 'double' });
    const graph = parseGexf(MultiDirectedGraph, text, { respectInputGraphType: true });
    const mentions = graph.filterEdges((_e, a) => a.type === 'MENTIONS');
    expect(mentions.every((e) => graph.getEdgeAttribute(e, 'weight') >= 1)).toBe(true);
  });

  it('uses the ids of the GraphQL graph query, so files and API cross-reference', async () => {
    type Graph = { graph: { nodes: { id: string }[]; edges: { id: string }[] } };
    const api = (await askGraphQL<Graph>(store, '{ graph(search: "罗江区", depth: 2, maxNodes: 1000) { nodes { id type } edges { id } } }')).graph;
    expect(api.nodes.length).toBeGreaterThan(20);
    const file = parseCytoscape((await exported('cytoscape')).text);
    const nodeIds = new Set(file.nodes.map((n) => n.id));
    const edgeIds = new Set(file.edges.map((e) => e.id));
    expect(api.nodes.filter((n) => !nodeIds.has(n.id))).toEqual([]);
    expect(api.edges.filter((e) => !edgeIds.has(e.id))).toEqual([]);
  });

  it('numbers parallel edges (one report, two metrics of one indicator) and pages without changing a byte', async () => {
    const whole = (await exported('cytoscape')).text;
    const parallel = parseCytoscape(whole).edges.filter((e) => /#\d+$/.test(e.id));
    expect(parallel.length).toBeGreaterThan(0);
    expect(parallel.every((e) => e.type === 'REPORTS')).toBe(true);
    // Pages of 7 nodes cut through every label and every report's edges.
    const plan = await planExport(store, { filter: NO_FILTER, detail: 'compact', pageSize: 7 });
    const sink = stringSink();
    await writeExport(plan, 'cytoscape', sink);
    expect(sink.text()).toBe(whole);
  });

  it('compact leaves out report texts and provenance lists; full keeps them', async () => {
    const compact = parseCytoscape((await exported('cytoscape')).text);
    const full = parseCytoscape((await exported('cytoscape', [], 'full')).text);
    const report = (g: Parsed) => g.nodes.find((n) => n.type === 'Report')!.attrs;
    expect(report(compact).text).toBeUndefined();
    expect(String(report(full).text).length).toBeGreaterThan(1000);
    const json = JSON.parse((await exported('cytoscape', [], 'full')).text) as CytoscapeJson;
    const cites = json.elements.edges.find((e) => e.data.type === 'CITES')!.data;
    expect((cites.sentences as unknown[]).length).toBe((cites.starts as unknown[]).length);
    expect(JSON.stringify(JSON.parse((await exported('cytoscape')).text).elements.edges)).not.toMatch(/"sentences"|"sentenceStarts"|"sectionIndexes"/);
    expect(report(compact).sections).toBeUndefined();
  });

  it('viewer formats show provenance as the sentences, sections and surfaces the API gives, not as offsets', async () => {
    const json = JSON.parse((await exported('cytoscape', [], 'full')).text) as CytoscapeJson;
    const edges = json.elements.edges.map((e) => e.data);
    expect(JSON.stringify(edges)).not.toMatch(/"sentenceStarts"|"sentenceEnds"|"sectionIndexes"/);
    expect(json.elements.nodes.filter((n) => n.data.type === 'Report').every((n) => n.data.sections === undefined)).toBe(true);
    type Mention = { sentence: string; section: string | null; start: number; surface: string };
    type Initiative = { name: string; reports: { edges: { node: { id: string }; mentions: Mention[] }[] } };
    const api = (
      await askGraphQL<{ initiative: Initiative }>(
        store,
        '{ initiative(name: "三项制度") { name reports(first: 10) { edges { node { id } mentions { sentence section start surface } } } } }',
      )
    ).initiative;
    expect(api.reports.edges.length).toBeGreaterThan(0);
    for (const edge of api.reports.edges) {
      const data = edges.find((e) => e.type === 'MENTIONS' && e.source === edge.node.id && e.target === nodeId('Initiative', api.name))!;
      expect({ starts: data.starts, sentences: data.sentences, sections: data.sections, surfaces: data.surfaces }).toEqual({
        starts: edge.mentions.map((m) => m.start),
        sentences: edge.mentions.map((m) => m.sentence),
        sections: edge.mentions.map((m) => m.section ?? ''),
        surfaces: edge.mentions.map((m) => m.surface),
      });
    }
    // GraphML and GEXF declare the readable lists, not the offsets
    const graphml = parseGraphml((await exported('graphml', [], 'full')).text);
    const edgeKeys = [...graphml.keys.values()].filter((k) => k.for === 'edge').map((k) => k.name);
    expect(edgeKeys).toEqual(expect.arrayContaining(['sentences', 'sections', 'surfaces', 'starts']));
    expect(edgeKeys).not.toEqual(expect.arrayContaining(['sentenceStarts']));
  });

  describe('filtered', () => {
    let whole: Parsed;
    beforeAll(async () => {
      whole = parseCytoscape((await exported('cytoscape')).text);
    });

    /** The edges of the whole export between the given nodes. */
    const induced = (ids: Set<string>) =>
      whole.edges
        .filter((e) => ids.has(e.source) && ids.has(e.target))
        .map((e) => e.id)
        .sort();

    it.each(['graphml', 'gexf', 'cytoscape'] as const)('province=四川省 in %s: the Sichuan report, what it reaches, and the induced edges', async (format) => {
      const g = PARSERS[format]((await exported(format, [['province', '四川省']])).text);
      expectConsistent(g);
      const byId = new Map(whole.nodes.map((n) => [n.id, n]));
      const reports = g.nodes.filter((n) => n.type === 'Report');
      // Independently: the reports of the whole export whose jurisdiction is in Sichuan.
      const sichuan = whole.nodes.filter(
        (n) =>
          n.type === 'Report' && whole.nodes.some((j) => j.type === 'Jurisdiction' && j.attrs.key === n.attrs.jurisdictionKey && j.attrs.province === '四川省'),
      );
      expect(reports.map((r) => r.id).sort()).toEqual(sichuan.map((r) => r.id).sort());
      expect(reports).toHaveLength(1);
      // Every indicator the report reports, and no other.
      const indicators = new Set(whole.edges.filter((e) => e.type === 'REPORTS' && e.source === reports[0].id).map((e) => e.target));
      expect(
        g.nodes
          .filter((n) => n.type === 'Indicator')
          .map((n) => n.id)
          .sort(),
      ).toEqual([...indicators].sort());
      expect(
        g.nodes
          .filter((n) => n.type === 'Jurisdiction')
          .map((n) => n.label)
          .sort(),
      ).toEqual(['四川省', '四川省德阳市', '四川省德阳市罗江区']);
      for (const n of g.nodes) expect(byId.has(n.id), n.id).toBe(true);
      expect(g.edges.map((e) => e.id).sort()).toEqual(induced(new Set(g.nodes.map((n) => n.id))));
    });

    it('level=county and yearFrom=2023: the two county reports of 2023 on (罗江区, 沅江市)', async () => {
      const g = parseCytoscape(
        (
          await exported('cytoscape', [
            ['level', 'county'],
            ['yearFrom', '2023'],
          ])
        ).text,
      );
      const reports = g.nodes.filter((n) => n.type === 'Report');
      expect(reports.map((r) => r.attrs.year as number).every((y) => y >= 2023)).toBe(true);
      const counties = g.nodes
        .filter((n) => n.type === 'Jurisdiction' && n.attrs.level === 'county')
        .map((n) => n.attrs.name)
        .sort();
      expect(counties).toEqual(['沅江市', '罗江区'].sort());
      expect(reports).toHaveLength(2);
      expect(g.edges.map((e) => e.id).sort()).toEqual(induced(new Set(g.nodes.map((n) => n.id))));
    });

    it('nodeTypes alone keeps those types of the whole graph and the edges between them', async () => {
      const g = parseGraphml((await exported('graphml', [['nodeTypes', 'Jurisdiction']])).text);
      expect(g.nodes).toHaveLength(counts.byLabel.Jurisdiction);
      expect(tally(g.edges)).toEqual({ PART_OF: counts.byType.PART_OF });
    });

    it('a filter that selects nothing gives an empty, well-formed file', async () => {
      for (const format of ['graphml', 'gexf', 'cytoscape'] as const) {
        const g = PARSERS[format]((await exported(format, [['province', '西藏自治区']])).text);
        expect([g.nodes.length, g.edges.length], format).toEqual([0, 0]);
      }
    });
  });

  describe('CSV for neo4j-admin database import', () => {
    let dir: string;
    let files: Awaited<ReturnType<typeof writeCsvDirectory>>['files'];
    beforeAll(async () => {
      dir = join(scratch, 'csv');
      ({ files } = await writeCsvDirectory(await openExport(store, NO_FILTER, 'full'), dir));
    });
    const read = (file: string) => csvObjects(readFileSync(join(dir, file), 'utf8'));

    it('writes one nodes file per label and one relationships file per type, with the store’s counts, and the import command', () => {
      expect(readdirSync(dir).sort()).toEqual([...files.map((f) => f.file), IMPORT_FILE].sort());
      const nodeRows: Record<string, number> = {};
      const relRows: Record<string, number> = {};
      for (const f of files) {
        const { header, rows } = read(f.file);
        expect(rows).toHaveLength(f.rows);
        if (f.part.kind === 'nodes') {
          expect(header[0]).toBe('graphId:ID');
          expect(header.at(-1)).toBe(':LABEL');
          for (const r of rows) nodeRows[r[':LABEL']] = (nodeRows[r[':LABEL']] ?? 0) + 1;
        } else {
          expect(header.slice(0, 4)).toEqual([':START_ID', ':END_ID', ':TYPE', 'graphId']);
          for (const r of rows) relRows[r[':TYPE']] = (relRows[r[':TYPE']] ?? 0) + 1;
        }
      }
      expect(nodeRows).toEqual(counts.byLabel);
      expect(relRows).toEqual(counts.byType);
      const command = readFileSync(join(dir, IMPORT_FILE), 'utf8');
      expect(command).toMatch(/neo4j-admin database import full/);
      expect(command).toContain('--nodes=nodes_Report.csv');
      expect(command).toContain('--relationships=relationships_CITES.csv');
      expect(command).toContain('--array-delimiter=TAB');
      expect(command).toContain('--multiline-fields=true');
    });

    it('types columns as neo4j-admin does, and every relationship ends at an exported node', () => {
      expect(read('nodes_Report.csv').header).toEqual(expect.arrayContaining(['year:int', 'text', 'title', 'sections:string[]']));
      expect(read('nodes_Initiative.csv').header).toEqual(expect.arrayContaining(['aliases:string[]', 'discovered:boolean', 'name']));
      // the stored model: provenance as one string of offsets into Report.text and indexes into Report.sections
      const reports = read('relationships_REPORTS.csv').header;
      expect(reports).toEqual(expect.arrayContaining(['value:double', 'provenance']));
      expect(reports).not.toContain('sentences:string[]');
      expect(reports.filter((h) => /^(starts|ends|sentenceStarts|sentenceEnds|sectionIndexes)\b/.test(h))).toEqual([]);
      const ids = new Set(files.filter((f) => f.part.kind === 'nodes').flatMap((f) => read(f.file).rows.map((r) => r['graphId:ID'])));
      for (const f of files.filter((x) => x.part.kind === 'relationships')) {
        for (const r of read(f.file).rows) expect(ids.has(r[':START_ID']) && ids.has(r[':END_ID']), r.graphId).toBe(true);
      }
    });

    it('round-trips values: multi-line texts with commas and quotes, TAB-joined arrays', async () => {
      const reports = read('nodes_Report.csv').rows;
      const stored = await store.run('report_texts_by_ids', { ids: reports.map((r) => r.id) });
      const text = new Map(stored.map((r) => [r.id, r.text]));
      for (const r of reports) expect(r.text).toBe(text.get(r.id));
      expect(reports.some((r) => /[\n,"]/.test(r.text))).toBe(true);
      const sanxiang = read('nodes_Initiative.csv').rows.find((r) => r.name === '行政执法三项制度')!;
      const [lookup] = await store.run('initiatives_lookup', { names: ['行政执法三项制度'] });
      const aliases = sanxiang['aliases:string[]'].split('\t');
      expect(aliases).toContain('三项制度');
      expect(aliases).toEqual((lookup.initiative as { aliases: string[] }).aliases);
      // a provenance string holds commas (quoted by the CSV) and one group of five integers a mention
      const cites = read('relationships_CITES.csv').rows;
      expect(cites.some((r) => r.provenance.includes(';'))).toBe(true);
      for (const r of cites) expect(r.provenance).toMatch(/^\d+,\d+,\d+,\d+,-?\d+(;\d+,\d+,\d+,\d+,-?\d+)*$/);
    });

    it('is the stored model exactly: a database imported from it serves the same mentions through the API', async () => {
      const dataDir = join(scratch, 'imported');
      await importLikeNeo4jAdmin(dir, files, dataDir);
      const imported = await EmbeddedStore.open({ dir: dataDir });
      try {
        const counted = await imported.counts();
        expect([counted.byLabel, counted.byType]).toEqual([counts.byLabel, counts.byType]);
        const ids = (await storedReports(store, 100)).reports.map((r) => r.id);
        expect(ids).toHaveLength(5);
        const M = 'mentions { sentence section start end surface }';
        // the first and the last 100 metrics: every metric of a report that states up to 200
        const query = `query($id: String!) { report(id: $id) { reportId text
          initiatives(first: 100) { edges { count node { name aliases } ${M} } }
          regulations(first: 100) { edges { count action node { title } ${M} } }
          metrics(first: 100) { totalCount nodes { indicator value unit surface ${M} } }
          moreMetrics: metrics(last: 100) { nodes { indicator value unit surface ${M} } }
          problems(first: 100) { edges { node { text theme ${M} } } } } }`;
        const answer = async (s: EmbeddedStore, id: string) => (await askGraphQL<{ report: unknown }>(s, query, { id })).report;
        let sentences = 0;
        for (const id of ids) {
          const original = await answer(store, id);
          expect(await answer(imported, id)).toEqual(original);
          sentences += JSON.stringify(original).split('"sentence":"').length - 1;
        }
        expect(sentences).toBeGreaterThan(300);
      } finally {
        await imported.close();
      }
    });

    it('quotes fields by RFC 4180', () => {
      expect(csvField('plain')).toBe('plain');
      expect(csvField('a,b')).toBe('"a,b"');
      expect(csvField('say "hi"')).toBe('"say ""hi"""');
      expect(csvField('two\nlines')).toBe('"two\nlines"');
      expect(csvField('')).toBe('""');
      expect(parseCsv(`${['x', 'a,b', 'say "hi"', 'two\nlines', ''].map(csvField).join(',')}\n`)).toEqual([['x', 'a,b', 'say "hi"', 'two\nlines', '']]);
    });
  });

  describe('over HTTP', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createHttpServer({ store });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it.each([
      ['graphml', 'application/graphml+xml'],
      ['gexf', 'application/gexf+xml'],
      ['cytoscape', 'application/json'],
    ] as const)('GET /export/%s streams the whole graph as %s', async (format, type) => {
      const response = await fetch(`${url}/export/${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="govgraph\./);
      const g = PARSERS[format](await response.text());
      expect([g.nodes.length, g.edges.length]).toEqual([counts.nodes, counts.relationships]);
    });

    it('takes the filters as query parameters, with the same result as the library', async () => {
      const response = await fetch(`${url}/export/gexf?province=${encodeURIComponent('四川省')}&nodeTypes=Report,Jurisdiction,Initiative`);
      expect(response.status).toBe(200);
      const g = parseGexfText(await response.text());
      const direct = parseGexfText(
        (
          await exported('gexf', [
            ['province', '四川省'],
            ['nodeTypes', 'Report,Jurisdiction,Initiative'],
          ])
        ).text,
      );
      expect(g.nodes.map((n) => n.id).sort()).toEqual(direct.nodes.map((n) => n.id).sort());
      expect(g.edges.length).toBe(direct.edges.length);
      expect(Object.keys(tally(g.nodes)).sort()).toEqual(['Initiative', 'Jurisdiction', 'Report']);
      expect(Object.keys(tally(g.edges)).sort()).toEqual(['ABOUT', 'MENTIONS', 'PART_OF']);
    });

    it('GET /export/csv lists the parts with their URLs; a part is one neo4j-admin file', async () => {
      const index = await fetch(`${url}/export/csv?level=county`);
      expect(index.status).toBe(200);
      const body = (await index.json()) as { parts: { part: string; file: string; url: string }[]; command: string };
      const part = body.parts.find((p) => p.part === 'nodes:Jurisdiction')!;
      expect(part.file).toBe('nodes_Jurisdiction.csv');
      expect(part.url).toBe('/export/csv?part=nodes%3AJurisdiction&level=county');
      expect(body.command).toContain('--nodes=nodes_Jurisdiction.csv');
      const response = await fetch(`${url}${part.url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="nodes_Jurisdiction.csv"');
      const { header, rows } = csvObjects(await response.text());
      expect(header[0]).toBe('graphId:ID');
      // the four counties with reports, their prefectures and provinces (清远市 is a prefecture: not here)
      expect(
        rows
          .filter((r) => r.level === 'county')
          .map((r) => r.name)
          .sort(),
      ).toEqual(['台前县', '昌江区', '沅江市', '罗江区'].sort());
      expect(rows.some((r) => r.name === '清远市')).toBe(false);
      const rels = await fetch(`${url}/export/csv?part=relationships:PART_OF&level=county`);
      expect(csvObjects(await rels.text()).rows).toHaveLength(8);
    });

    it.each([
      ['/export/bogus', 400, /unknown format "bogus"; formats: graphml, gexf, cytoscape, csv/],
      ['/export/graphml?level=town', 400, /level must be one of province, prefecture, county, zone, township/],
      ['/export/graphml?yearFrom=twenty', 400, /yearFrom must be a year/],
      ['/export/graphml?year=2024..2021', 400, /the year range is empty/],
      ['/export/cytoscape?color=red', 400, /unknown filter "color"/],
      ['/export/cytoscape?nodeTypes=Person', 400, /nodeTypes must be one of Report/],
      ['/export/graphml?part=nodes:Report', 400, /part is for \/export\/csv/],
      ['/export/csv?part=nodes:Person', 400, /unknown csv part "nodes:Person"/],
      ['/export/graphml/extra', 404, /no such export/],
    ])('%s → %i with a JSON message', async (path, status, message) => {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { errors: { message: string }[] };
      expect(body.errors[0].message).toMatch(message);
    });

    it('refuses other methods with 405, and /export lists the formats', async () => {
      const post = await fetch(`${url}/export/graphml`, { method: 'POST' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD');
      const index = (await (await fetch(`${url}/export`)).json()) as { formats: { format: string }[] };
      expect(index.formats.map((f) => f.format)).toEqual(['graphml', 'gexf', 'cytoscape', 'csv']);
    });
  });
});

describe('export filters', () => {
  it('reads the shared vocabulary, case-insensitively for enumerations', () => {
    expect(
      parseExportFilter([
        ['level', 'COUNTY'],
        ['year', '2021..2023'],
        ['nodeTypes', 'report, jurisdiction'],
        ['nodeTypes', 'Initiative'],
        ['issuerType', 'GOVERNMENT'],
      ]),
    ).toEqual({
      ...NO_FILTER,
      level: 'county',
      yearFrom: 2021,
      yearTo: 2023,
      issuerType: 'government',
      nodeTypes: ['Report', 'Jurisdiction', 'Initiative'],
    });
    expect(parseExportFilter([['year', '2022']])).toMatchObject({ yearFrom: 2022, yearTo: 2022 });
  });

  it.each([
    [[['province', '']], /province must not be empty/],
    [
      [
        ['province', 'a'],
        ['province', 'b'],
      ],
      /given twice/,
    ],
    [
      [
        ['year', '2021'],
        ['yearTo', '2022'],
      ],
      /either year or yearFrom\/yearTo/,
    ],
    [[['issuerType', 'party']], /issuerType must be one of government, department/],
  ] as [[string, string][], RegExp][])('refuses %j', (pairs, message) => {
    expect(() => parseExportFilter(pairs)).toThrow(ExportInputError);
    expect(() => parseExportFilter(pairs)).toThrow(message);
  });
});

describe('govgraph export', () => {
  // Each run is a fresh Node process with tsx: seconds apiece on a shared machine.
  const SLOW = 90_000;
  const env = { ...process.env, GOVGRAPH_DATA: join(scratch, 'cli-data'), NEO4J_URI: '' };
  const govgraph = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', env });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it(
    'refuses an unknown format, a bad filter and csv without a destination with exit 2 and one message',
    () => {
      for (const [args, message] of [
        [['export', '--format', 'pajek'], /^govgraph: unknown format "pajek"; formats: graphml, gexf, cytoscape, csv$/m],
        [
          ['export', '--format', 'gexf', '--filter', 'level=town'],
          /^govgraph: level must be one of province, prefecture, county, zone, township, not "town"$/m,
        ],
        [['export', '--format', 'csv'], /^govgraph: csv is one file per label/m],
      ] as const) {
        const r = govgraph([...args]);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
      }
    },
    SLOW,
  );

  describe('on an ingested store', () => {
    beforeAll(() => {
      expect(govgraph(['ingest', '--json', 'seed']).code).toBe(0);
    }, SLOW);

    it(
      'exports a filtered graph to a file',
      () => {
        const out = join(scratch, 'sichuan.cyjs');
        const r = govgraph(['export', '--format', 'cytoscape', '--filter', 'province=四川省', '--out', out]);
        expect(r.code, r.stderr).toBe(0);
        const g = parseCytoscape(readFileSync(out, 'utf8'));
        expect(r.stderr).toContain(`wrote ${g.nodes.length} nodes and ${g.edges.length} edges to ${out}`);
        expect(g.nodes.filter((n) => n.type === 'Report')).toHaveLength(1);
        expect(readdirSync(scratch).some((f) => f.endsWith('.partial'))).toBe(false);
      },
      SLOW,
    );

    it(
      'exports csv to a directory, or one part to stdout',
      () => {
        const dir = join(scratch, 'cli-csv');
        const csv = govgraph(['export', '--format', 'csv', '--out', dir]);
        expect(csv.code, csv.stderr).toBe(0);
        expect(csv.stdout).toMatch(/^wrote 20 files to .*: 544 nodes, 659 relationships$/m);
        const part = govgraph(['export', '--format', 'csv', '--part', 'relationships:PART_OF']);
        expect(csvObjects(part.stdout).rows).toHaveLength(9);
      },
      SLOW,
    );
  });
});
