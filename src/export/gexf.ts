// GEXF 1.3 for Gephi, written by graphology-gexf from a graphology graph.
// Node attributes: `type` and `key` plus the properties, declared in
// <attributes class="node">; the label is GEXF's own `label`. Edges carry
// their type as label and attribute and their weight as GEXF weight.
//
// Lists (aliases, provenance) are JSON text in `string` attributes, as in
// GraphML. GEXF's own list types do not survive the readers: graphology-gexf
// writes `liststring` elements unquoted, so its parser splits an element
// that holds a comma (most sentences do), and networkx's reader knows
// `liststring` only as plain text and fails on `listinteger`. JSON text reads
// back exactly everywhere (JSON.parse, json.loads).
//
// Unlike the other formats this one is built in memory: graphology-gexf
// writes a whole Graph to one string. Fine for a province or a filtered
// slice; for a national graph use csv, cytoscape or graphml, which stream.
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import { viewerAttributes, viewerValues, type Attribute, type ValueType } from './model.js';
import type { ExportPlan } from './source.js';
import type { Sink } from './sink.js';

/** A list attribute as JSON text (see above); viewerValues then stringifies its values. */
const listsAsText = (a: Attribute) => [a.name, a.type.endsWith('[]') ? 'string' : a.type] as const;

export async function writeGexf(plan: ExportPlan, sink: Sink): Promise<{ nodes: number; edges: number }> {
  const nodeTypes = new Map<string, ValueType>([['type', 'string'], ['key', 'string'], ...viewerAttributes(plan.schema.nodes, false).map(listsAsText)]);
  const edgeTypes = new Map<string, ValueType>([['type', 'string'], ...viewerAttributes(plan.schema.edges, true).map(listsAsText)]);
  // multi: two metrics of one indicator in one report are two REPORTS edges.
  const graph = new MultiDirectedGraph({ allowSelfLoops: true });
  graph.setAttribute('creator', 'govgraph');
  graph.setAttribute('description', 'Chinese rule-of-law government reports as a knowledge graph');
  for await (const page of plan.nodes()) {
    for (const n of page)
      graph.addNode(n.id, { label: n.label, attributes: { type: n.type, key: n.key, ...viewerValues(n.type, n.properties, false, nodeTypes) } });
  }
  for await (const page of plan.edges()) {
    for (const e of page)
      graph.addDirectedEdgeWithKey(e.id, e.source, e.target, {
        label: e.type,
        weight: e.weight,
        attributes: { type: e.type, ...viewerValues(e.type, e.properties, true, edgeTypes) },
      });
  }
  // The attributes are pre-shaped, so the formatters only unwrap them; GEXF
  // infers each attribute's type from the values (integer, double, boolean,
  // string).
  const text = write(graph, {
    version: '1.3',
    formatNode: (_key, a) => ({ label: a.label as string, attributes: a.attributes as Record<string, unknown> }),
    formatEdge: (_key, a) => ({ label: a.label as string, weight: a.weight as number, attributes: a.attributes as Record<string, unknown> }),
  });
  await sink.write(text);
  return { nodes: graph.order, edges: graph.size };
}
