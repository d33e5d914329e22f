// The breadth-first expansion behind the `graph` field: from start nodes,
// level by level through chosen relationship types to chosen node types,
// then capped at maxNodes keeping the start nodes and the most connected.
// It speaks the store's names (labels, keys, stored properties); the resolver
// in schema/graph.ts turns the result into public ids and display labels.
import type { GraphStore } from '../store/types.js';
import type { NodeLabel as NodeLabelName, RelationType as RelationTypeName } from '../model.js';

/** A node as the store names it: its label and the value of its key property. */
export interface NodeRef {
  label: string;
  key: string;
}

/** Places and years the expansion keeps to (graph_neighbours' filter; null: any). */
export interface PlaceFilter {
  province: string | null;
  level: string | null;
  yearFrom: number | null;
  yearTo: number | null;
}

export interface ExpansionRequest {
  starts: NodeRef[];
  depth: number;
  maxNodes: number;
  /** Node types to reach (start nodes are kept whatever their type). */
  labels: readonly string[];
  /** Relationship types to follow. */
  types: readonly string[];
  place: PlaceFilter;
}

export interface ExpandedNode {
  type: NodeLabelName;
  key: string;
  /** The stored properties as read. */
  raw: Record<string, unknown>;
  /** Edges of this node among the nodes kept. */
  degree: number;
}

export interface ExpandedEdge {
  type: RelationTypeName;
  source: ExpandedNode;
  target: ExpandedNode;
  weight: number;
}

export interface Expansion {
  /** Start nodes first, then the most connected, then by type and key. */
  nodes: ExpandedNode[];
  /** The edges between kept nodes, each once, directed as stored. */
  edges: ExpandedEdge[];
  /** True when nodes were dropped for maxNodes, or a level read as many rows as it may. */
  truncated: boolean;
}

/** Rows one level may read per node kept: a hub's neighbourhood is read whole up to this, then cut. */
export const ROWS_PER_NODE = 20;

/** The expansion's own key of a node (type and key, cheap to build). */
const internalKey = (type: string, key: string) => `${type}\u0000${key}`;

interface PendingEdge {
  source: string;
  target: string;
  type: RelationTypeName;
  weight: number;
}

/**
 * Expands a subgraph from `starts`. Start nodes that do not exist are
 * dropped; a start node is kept even when its own type is not in `labels`.
 * One graph_nodes call, then one graph_neighbours call per level.
 */
export async function expandSubgraph(store: Pick<GraphStore, 'run'>, request: ExpansionRequest): Promise<Expansion> {
  const { depth, maxNodes, labels, types, place } = request;
  const limit = maxNodes * ROWS_PER_NODE;
  // Expanding a hub's neighbourhood reads thousands of rows to keep a few
  // hundred nodes: they are held under internal keys with their properties as
  // read, and sorted and cut before anything else is built for them.
  const nodes = new Map<string, { type: NodeLabelName; key: string; raw: Record<string, unknown>; degree: number }>();
  const edges = new Map<string, PendingEdge>();
  for (const row of await store.run('graph_nodes', { nodes: request.starts })) {
    const type = String(row.label) as NodeLabelName;
    const key = String(row.key);
    nodes.set(internalKey(type, key), { type, key, raw: row.properties as Record<string, unknown>, degree: 0 });
  }
  const starts = request.starts.filter((s) => nodes.has(internalKey(s.label, s.key)));
  let frontier = starts;
  let truncated = false;
  for (let level = 0; level < depth && frontier.length; level++) {
    const rows = await store.run('graph_neighbours', { nodes: frontier, types, labels, limit, ...place });
    if (rows.length >= limit) truncated = true;
    const next: NodeRef[] = [];
    for (const row of rows) {
      const from = internalKey(String(row.fromLabel), String(row.fromKey));
      const type = String(row.label) as NodeLabelName;
      const key = String(row.key);
      const to = internalKey(type, key);
      if (!nodes.has(to)) {
        nodes.set(to, { type, key, raw: row.properties as Record<string, unknown>, degree: 0 });
        next.push({ label: type, key });
      }
      const [source, target] = row.outgoing ? [from, to] : [to, from];
      const id = `${row.type}\u0000${source}\u0000${target}`;
      if (!edges.has(id)) edges.set(id, { source, target, type: String(row.type) as RelationTypeName, weight: Number(row.weight) });
    }
    frontier = next;
  }
  for (const edge of edges.values()) {
    nodes.get(edge.source)!.degree++;
    nodes.get(edge.target)!.degree++;
  }
  const startKeys = new Set(starts.map((s) => internalKey(s.label, s.key)));
  const isStart = (k: string) => (startKeys.has(k) ? 1 : 0);
  // start nodes, then the most connected, then by type and key (a stable order)
  let keptKeys = [...nodes.keys()].sort((a, b) => isStart(b) - isStart(a) || nodes.get(b)!.degree - nodes.get(a)!.degree || (a < b ? -1 : 1));
  if (keptKeys.length > maxNodes) {
    keptKeys = keptKeys.slice(0, maxNodes);
    truncated = true;
  }
  const kept = new Map<string, ExpandedNode>(keptKeys.map((k) => [k, { ...nodes.get(k)!, degree: 0 }]));
  const keptEdges: ExpandedEdge[] = [];
  for (const e of edges.values()) {
    const source = kept.get(e.source);
    const target = kept.get(e.target);
    if (!source || !target) continue;
    source.degree++;
    target.degree++;
    keptEdges.push({ type: e.type, source, target, weight: e.weight });
  }
  return { nodes: [...kept.values()], edges: keptEdges, truncated };
}
