// Cytoscape JSON: {data, elements: {nodes: [{data}], edges: [{data}]}}, the
// shape Cytoscape.js takes as `elements` and Cytoscape desktop imports
// (File > Import > Network from File, .cyjs/.json). Each element's data holds
// id, label, type (and key for nodes; source, target, weight for edges) and
// the properties flat, so they become table columns in Cytoscape desktop.
// Cytoscape desktop labels a node by its `name` column, so every node has
// one: its stored `name` where it has one (Jurisdiction 罗江区, Initiative),
// else its display label (a report's title, a regulation's title, a
// problem's or plan's text).
// Written as it is read: one page at a time.
import { viewerAttributes, viewerValues, type ValueType } from './model.js';
import type { ExportPlan } from './source.js';
import type { Sink } from './sink.js';

export async function writeCytoscape(plan: ExportPlan, sink: Sink): Promise<{ nodes: number; edges: number }> {
  const nodeTypes = new Map<string, ValueType>(viewerAttributes(plan.schema.nodes, false).map((a) => [a.name, a.type]));
  const edgeTypes = new Map<string, ValueType>(viewerAttributes(plan.schema.edges, true).map((a) => [a.name, a.type]));
  let nodes = 0;
  let edges = 0;
  await sink.write(`{"format_version":"1.0","generated_by":"govgraph","target_cytoscapejs_version":"~3","data":{"name":"govgraph"},"elements":{"nodes":[`);
  for await (const page of plan.nodes()) {
    if (!page.length) continue;
    const text = page
      .map((n) =>
        JSON.stringify({
          data: { id: n.id, label: n.label, type: n.type, key: n.key, name: n.label, ...viewerValues(n.type, n.properties, false, nodeTypes) },
        }),
      )
      .join(',\n');
    await sink.write(`${nodes ? ',\n' : '\n'}${text}`);
    nodes += page.length;
  }
  await sink.write(`\n],"edges":[`);
  for await (const page of plan.edges()) {
    const text = page
      .map((e) =>
        JSON.stringify({
          data: {
            id: e.id,
            source: e.source,
            target: e.target,
            type: e.type,
            label: e.type,
            weight: e.weight,
            ...viewerValues(e.type, e.properties, true, edgeTypes),
          },
        }),
      )
      .join(',\n');
    await sink.write(`${edges ? ',\n' : '\n'}${text}`);
    edges += page.length;
  }
  await sink.write('\n]}}\n');
  return { nodes, edges };
}
