// GraphML for Gephi and yEd, written with xmlbuilder2's streaming (callback)
// builder: every node and edge property is a declared <key> with a GraphML
// type, plus `label` and `type` (and `key` for nodes, `weight` for edges).
// GraphML has no list type, so lists (aliases, provenance) are JSON text.
// Node and edge ids are the graph API's ids verbatim, so that a file can be
// cross-referenced with the API; they are not XML NMTOKENs (base64 has + / =),
// which no reader we know of checks, but a strict XSD validation would.
import { createCB } from 'xmlbuilder2';
import { viewerAttributes, viewerValues, type Attribute, type ValueType } from './model.js';
import type { ExportPlan } from './source.js';
import type { Sink } from './sink.js';

const GRAPHML_TYPE: Record<ValueType, string> = { string: 'string', int: 'int', double: 'double', boolean: 'boolean', 'string[]': 'string', 'int[]': 'string' };

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

export async function writeGraphml(plan: ExportPlan, sink: Sink): Promise<{ nodes: number; edges: number }> {
  const fixedNode: Attribute[] = [
    { name: 'label', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'key', type: 'string' },
  ];
  const fixedEdge: Attribute[] = [
    { name: 'type', type: 'string' },
    { name: 'weight', type: 'double' },
  ];
  const nodeAttributes = [...fixedNode, ...viewerAttributes(plan.schema.nodes, false)];
  const edgeAttributes = [...fixedEdge, ...viewerAttributes(plan.schema.edges, true)];
  const nodeTypes = new Map(nodeAttributes.map((a) => [a.name, a.type]));
  const edgeTypes = new Map(edgeAttributes.map((a) => [a.name, a.type]));

  // The builder calls back synchronously; chunks are collected and handed to
  // the sink (awaiting backpressure) after each page.
  let pending: string[] = [];
  let failure: Error | null = null;
  const xml = createCB({
    data: (chunk: string) => void pending.push(chunk),
    error: (e: Error) => {
      failure ??= e;
    },
    prettyPrint: true,
  });
  const flush = async () => {
    if (failure) throw failure;
    const chunk = pending.join('');
    pending = [];
    if (chunk) await sink.write(chunk);
  };

  xml.dec({ version: '1.0', encoding: 'UTF-8' });
  xml.ele('graphml', {
    xmlns: GRAPHML_NS,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`,
  });
  for (const a of nodeAttributes) xml.ele('key', { id: `n_${a.name}`, for: 'node', 'attr.name': a.name, 'attr.type': GRAPHML_TYPE[a.type] }).up();
  for (const a of edgeAttributes) xml.ele('key', { id: `e_${a.name}`, for: 'edge', 'attr.name': a.name, 'attr.type': GRAPHML_TYPE[a.type] }).up();
  xml.ele('graph', { id: 'govgraph', edgedefault: 'directed' });

  const data = (prefix: string, values: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(values))
      xml
        .ele('data', { key: `${prefix}_${name}` })
        .txt(text(value))
        .up();
  };
  let nodes = 0;
  let edges = 0;
  for await (const page of plan.nodes()) {
    for (const n of page) {
      xml.ele('node', { id: n.id });
      data('n', { label: n.label, type: n.type, key: n.key, ...viewerValues(n.type, n.properties, false, nodeTypes) });
      xml.up();
    }
    nodes += page.length;
    await flush();
  }
  for await (const page of plan.edges()) {
    for (const e of page) {
      xml.ele('edge', { id: e.id, source: e.source, target: e.target });
      data('e', { type: e.type, weight: e.weight, ...viewerValues(e.type, e.properties, true, edgeTypes) });
      xml.up();
    }
    edges += page.length;
    await flush();
  }
  xml.up().up().end();
  await flush();
  return { nodes, edges };
}
