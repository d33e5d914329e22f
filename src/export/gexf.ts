// GEXF 1.3 for Gephi, streamed like GraphML: the header and the
// <attributes> declarations (known from the export schema before any node)
// first, then each page of nodes and of edges as it is read, handed to the
// sink (awaiting backpressure) so a whole-graph export never sits in memory.
// Node attributes: `type` and `key` plus the properties; the label is GEXF's
// own `label`. Edges carry their type as label and attribute and their
// weight as GEXF weight.
//
// Lists (aliases, provenance) are JSON text in `string` attributes, as in
// GraphML. GEXF's own list types do not survive the readers: graphology-gexf's
// parser splits a `liststring` element that holds a comma (most sentences
// do), and networkx's reader knows `liststring` only as plain text and fails
// on `listinteger`. JSON text reads back exactly everywhere (JSON.parse,
// json.loads).
//
// Every value is an XML attribute (<attvalue value="…">), where a reader
// normalises raw tabs and line breaks to spaces; they are written as
// character references so that a text reads back unchanged. xmlbuilder2
// (GraphML's writer, where values are element text) leaves them raw, so the
// few elements here are written directly.
import { viewerAttributes, viewerValues, type Attribute, type ValueType } from './model.js';
import type { ExportPlan } from './source.js';
import type { Sink } from './sink.js';

const GEXF_TYPE: Record<ValueType, string> = {
  string: 'string',
  int: 'integer',
  double: 'double',
  boolean: 'boolean',
  'string[]': 'string',
  'int[]': 'string',
};

const GEXF_NS = 'http://gexf.net/1.3';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };

/** A value for a double-quoted XML attribute. */
function xmlAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c]);
}

const attrs = (pairs: [string, string][]) => pairs.map(([name, value]) => ` ${name}="${xmlAttribute(value)}"`).join('');

/** Absent values get no <attvalue>, as GEXF readers expect of an unset attribute. */
const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (typeof value === 'number' && Number.isNaN(value));

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

function attvalues(indent: string, values: Record<string, unknown>): string {
  const lines = Object.entries(values)
    .filter(([, v]) => !isEmpty(v))
    .map(
      ([name, v]) =>
        `${indent}  <attvalue${attrs([
          ['for', name],
          ['value', text(v)],
        ])}/>\n`,
    );
  return lines.length ? `${indent}<attvalues>\n${lines.join('')}${indent}</attvalues>\n` : '';
}

function declarations(cls: 'node' | 'edge', attributes: Attribute[]): string {
  const lines = attributes.map(
    (a) =>
      `      <attribute${attrs([
        ['id', a.name],
        ['title', a.name],
        ['type', GEXF_TYPE[a.type]],
      ])}/>\n`,
  );
  return `    <attributes class="${cls}">\n${lines.join('')}    </attributes>\n`;
}

export async function writeGexf(plan: ExportPlan, sink: Sink): Promise<{ nodes: number; edges: number }> {
  const nodeAttributes: Attribute[] = [{ name: 'type', type: 'string' }, { name: 'key', type: 'string' }, ...viewerAttributes(plan.schema.nodes, false)];
  const edgeAttributes: Attribute[] = [{ name: 'type', type: 'string' }, ...viewerAttributes(plan.schema.edges, true)];
  const nodeTypes = new Map(nodeAttributes.map((a) => [a.name, a.type]));
  const edgeTypes = new Map(edgeAttributes.map((a) => [a.name, a.type]));

  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<gexf version="1.3" xmlns="${GEXF_NS}" xmlns:viz="${GEXF_NS}/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GEXF_NS} ${GEXF_NS}/gexf.xsd">\n` +
      '  <meta>\n    <creator>govgraph</creator>\n    <description>Chinese rule-of-law government reports as a knowledge graph</description>\n  </meta>\n' +
      // directed, and parallel edges allowed: two metrics of one indicator in one report are two REPORTS edges
      '  <graph defaultedgetype="directed">\n' +
      declarations('node', nodeAttributes) +
      declarations('edge', edgeAttributes) +
      '    <nodes>\n',
  );
  let nodes = 0;
  for await (const page of plan.nodes()) {
    let chunk = '';
    for (const n of page) {
      const label: [string, string][] = n.label ? [['label', n.label]] : [];
      const values = attvalues('        ', { type: n.type, key: n.key, ...viewerValues(n.type, n.properties, false, nodeTypes) });
      chunk += `      <node${attrs([['id', n.id], ...label])}>\n${values}      </node>\n`;
    }
    nodes += page.length;
    if (chunk) await sink.write(chunk);
  }
  await sink.write('    </nodes>\n    <edges>\n');
  let edges = 0;
  for await (const page of plan.edges()) {
    let chunk = '';
    for (const e of page) {
      const weight: [string, string][] = Number.isNaN(e.weight) ? [] : [['weight', String(e.weight)]];
      const values = attvalues('        ', { type: e.type, ...viewerValues(e.type, e.properties, true, edgeTypes) });
      chunk += `      <edge${attrs([['id', e.id], ['source', e.source], ['target', e.target], ...weight, ['label', e.type]])}>\n${values}      </edge>\n`;
    }
    edges += page.length;
    if (chunk) await sink.write(chunk);
  }
  await sink.write('    </edges>\n  </graph>\n</gexf>\n');
  return { nodes, edges };
}
