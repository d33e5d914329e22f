// The explorer's data model and the pure logic over it (no DOM): node types
// with their colours, and the client-side filters by province, level and
// year. Imported by the node tests as well as by the page. The labels and
// relationship types themselves are the graph model's (src/model.ts).
import { DEFAULT_GRAPH_LABELS, DEFAULT_GRAPH_TYPES, RELATION_TYPES as MODEL_RELATION_TYPES, type NodeLabel } from '../../src/model.js';

export interface GraphNode {
  id: string;
  type: string;
  label: string;
  degree: number;
  properties: Record<string, unknown>;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

/** Every node type of the schema's GraphNodeType, with a colour and a Chinese name for the legend. */
export const NODE_TYPES: readonly { type: NodeLabel; name: string; color: string }[] = [
  { type: 'Initiative', name: '举措', color: '#d9480f' },
  { type: 'Jurisdiction', name: '行政区', color: '#1c7ed6' },
  { type: 'Report', name: '报告', color: '#495057' },
  { type: 'Regulation', name: '法规文件', color: '#2b8a3e' },
  { type: 'Problem', name: '问题', color: '#c2255c' },
  { type: 'ProblemTheme', name: '问题主题', color: '#862e9c' },
  { type: 'Plan', name: '计划', color: '#e67700' },
  { type: 'Indicator', name: '指标', color: '#0b7285' },
  { type: 'Organization', name: '机构', color: '#5f3dc4' },
];

/** The `graph` query's own defaults, so the checkboxes start where the API does. */
export const DEFAULT_NODE_TYPES: string[] = [...DEFAULT_GRAPH_LABELS];
export const DEFAULT_RELATION_TYPES: string[] = [...DEFAULT_GRAPH_TYPES];

/** Every relationship type of the model, the defaults first (the order of the checkboxes). */
export const RELATION_TYPES: string[] = [...DEFAULT_RELATION_TYPES, ...MODEL_RELATION_TYPES.filter((t) => !DEFAULT_RELATION_TYPES.includes(t))];

export const LEVEL_NAMES: Record<string, string> = {
  province: '省级 province',
  prefecture: '地级 prefecture',
  county: '县级 county',
  zone: '开发区 zone',
  township: '乡级 township',
};

export function colorOf(type: string): string {
  return NODE_TYPES.find((t) => t.type === type)?.color ?? '#868e96';
}

export interface PlaceFilters {
  province?: string;
  level?: string;
  year?: number;
}

export const hasPlaceFilters = (f: PlaceFilters): boolean => Boolean(f.province || f.level || f.year);

/**
 * The ids of the nodes that stay visible under the province, level and year
 * filters. The `graph` query cannot filter by these, so they are applied
 * here, on the subgraph it returned:
 * - a Jurisdiction must be in the province and at the level;
 * - a Report must be of the year and about a jurisdiction that passes;
 * - with a year, a jurisdiction whose reports are in the subgraph needs one of them to pass;
 * - any other node (initiative, regulation, problem…) stays when it is linked,
 *   directly or through other such nodes, to a Report or Jurisdiction that stays.
 * Start nodes always stay, so the user never loses what they searched for.
 */
export function visibleNodeIds(graph: Subgraph, filters: PlaceFilters, startIds: ReadonlySet<string> = new Set()): Set<string> {
  if (!hasPlaceFilters(filters)) return new Set(graph.nodes.map((n) => n.id));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const neighbours = new Map<string, string[]>();
  for (const e of graph.edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  const placeOk = (j: GraphNode) =>
    (!filters.province || j.properties.province === filters.province) && (!filters.level || j.properties.level === filters.level);
  const reportJurisdiction = (r: GraphNode): GraphNode | undefined => {
    const about = graph.edges.find((e) => e.type === 'ABOUT' && e.source === r.id);
    const viaEdge = about && byId.get(about.target);
    if (viaEdge) return viaEdge;
    return graph.nodes.find((n) => n.type === 'Jurisdiction' && n.properties.key === r.properties.jurisdictionKey);
  };
  const reportOk = (r: GraphNode) => {
    if (filters.year && Number(r.properties.year) !== filters.year) return false;
    if (!filters.province && !filters.level) return true;
    const j = reportJurisdiction(r);
    return j ? placeOk(j) : false;
  };

  const visible = new Set<string>();
  for (const n of graph.nodes) if (n.type === 'Report' && reportOk(n)) visible.add(n.id);
  for (const n of graph.nodes) {
    if (n.type !== 'Jurisdiction' || !placeOk(n)) continue;
    const reports = (neighbours.get(n.id) ?? []).map((id) => byId.get(id)!).filter((m) => m.type === 'Report');
    if (!filters.year || reports.length === 0 || reports.some((r) => visible.has(r.id))) visible.add(n.id);
  }
  // Other nodes: reachable from a visible anchor through non-anchor nodes only.
  const isAnchor = (n: GraphNode) => n.type === 'Report' || n.type === 'Jurisdiction';
  const queue = [...visible];
  while (queue.length) {
    const id = queue.shift()!;
    for (const next of neighbours.get(id) ?? []) {
      const node = byId.get(next)!;
      if (visible.has(next) || isAnchor(node)) continue;
      visible.add(next);
      queue.push(next);
    }
  }
  for (const id of startIds) if (byId.has(id)) visible.add(id);
  return visible;
}

/** Nodes in display order: start nodes first, then the most connected, then by label. */
export function orderNodes(nodes: GraphNode[], startIds: ReadonlySet<string>): GraphNode[] {
  return [...nodes].sort((a, b) => Number(startIds.has(b.id)) - Number(startIds.has(a.id)) || b.degree - a.degree || a.label.localeCompare(b.label, 'zh'));
}

/** The short name to draw: jurisdictions by their own name (昌江区), reports by issuer and year, long titles cut. */
export function shortLabel(node: GraphNode, max = 18): string {
  const name = node.type === 'Jurisdiction' ? String(node.properties.name ?? node.label) : node.label;
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}
