// The breadth-first expansion behind the `graph` field: from start nodes,
// level by level through chosen relationship types to chosen node types,
// then capped at maxNodes keeping the start nodes and the most connected.
// It speaks the store's names (labels, keys, stored properties); the resolver
// in schema/graph.ts turns the result into public ids and display labels.
import type { NeighbourRow } from '../store/cooccurrence-index.js';
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
  /** The edges between kept nodes, each once, directed as stored, in the order of their source and target among the nodes. */
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

/** A node met while expanding: its stored properties once read (null: read after the cut, for the nodes kept). */
interface MetNode {
  type: NodeLabelName;
  key: string;
  raw: Record<string, unknown> | null;
  degree: number;
}

/** A row of a level, as graph_neighbours gives it (properties: absent when the store's index gave it). */
type LevelRow = Omit<NeighbourRow, 'weight'> & { weight: unknown; properties?: unknown };

/**
 * Expands a subgraph from `starts`. Start nodes that do not exist are
 * dropped; a start node is kept even when its own type is not in `labels`.
 * One graph_nodes call, then one level at a time: from the store's
 * co-occurrence index when it holds every row of every level (the embedded
 * store, no place filter, fewer rows than a level may read), the kept nodes'
 * properties then read by one graph_nodes_by_label call after the cut; otherwise one
 * graph_neighbours call per level, as the index would have answered (order
 * aside: what is kept depends only on which rows there are, never their
 * order, when no level reaches its limit).
 */
export async function expandSubgraph(store: Pick<GraphStore, 'run' | 'indexedNeighbours'>, request: ExpansionRequest): Promise<Expansion> {
  const startRows = await store.run('graph_nodes', { nodes: request.starts });
  const { place } = request;
  const unfiltered = place.province === null && place.level === null && place.yearFrom === null && place.yearTo === null;
  if (unfiltered && store.indexedNeighbours) {
    const fromIndex = await expand(startRows, request, (frontier, limit) =>
      store.indexedNeighbours!({ nodes: frontier, types: request.types, labels: request.labels, limit }),
    );
    if (fromIndex) {
      // (the properties of the kept nodes the index gave without them)
      // (the index reaches reports, jurisdictions, initiatives and regulations only: read by label)
      const unread = fromIndex.kept.filter((n) => n.raw === null);
      const keysOf = (label: NodeLabelName) => unread.filter((n) => n.type === label).map((n) => n.key);
      const read = new Map<string, Record<string, unknown>>();
      if (unread.length) {
        const byLabel = {
          reports: keysOf('Report'),
          jurisdictions: keysOf('Jurisdiction'),
          initiatives: keysOf('Initiative'),
          regulations: keysOf('Regulation'),
        };
        for (const row of await store.run('graph_nodes_by_label', byLabel))
          read.set(internalKey(String(row.label), String(row.key)), row.properties as Record<string, unknown>);
      }
      if (unread.every((n) => read.has(internalKey(n.type, n.key)))) {
        for (const n of unread) n.raw = read.get(internalKey(n.type, n.key))!;
        return fromIndex.expansion();
      }
    }
  }
  const byStatements = await expand(startRows, request, (frontier, limit) =>
    store.run('graph_neighbours', { nodes: frontier, types: request.types, labels: request.labels, limit, ...place }),
  );
  return byStatements!.expansion();
}

/**
 * The expansion from the start nodes' rows, a level's rows given by `level` (null: it cannot give
 * them; the expansion is abandoned). Returns the nodes kept and how to make the result once every
 * kept node's properties are known.
 */
async function expand(
  startRows: ReadonlyArray<Record<string, unknown>>,
  request: ExpansionRequest,
  level: (frontier: NodeRef[], limit: number) => Promise<ReadonlyArray<LevelRow> | null>,
): Promise<{ kept: MetNode[]; expansion: () => Expansion } | null> {
  const { depth, maxNodes } = request;
  const limit = maxNodes * ROWS_PER_NODE;
  // Expanding a hub's neighbourhood reads thousands of rows to keep a few
  // hundred nodes: they are held under internal keys with their properties as
  // read, and sorted and cut before anything else is built for them.
  const nodes = new Map<string, MetNode>();
  const edges = new Map<string, PendingEdge>();
  for (const row of startRows) {
    const type = String(row.label) as NodeLabelName;
    const key = String(row.key);
    nodes.set(internalKey(type, key), { type, key, raw: row.properties as Record<string, unknown>, degree: 0 });
  }
  const starts = request.starts.filter((s) => nodes.has(internalKey(s.label, s.key)));
  let frontier = starts;
  let truncated = false;
  for (let at = 0; at < depth && frontier.length; at++) {
    const rows = await level(frontier, limit);
    if (!rows) return null;
    if (rows.length >= limit) truncated = true;
    const next: NodeRef[] = [];
    for (const row of rows) {
      const from = internalKey(String(row.fromLabel), String(row.fromKey));
      const type = String(row.label) as NodeLabelName;
      const key = String(row.key);
      const to = internalKey(type, key);
      if (!nodes.has(to)) {
        nodes.set(to, { type, key, raw: (row.properties as Record<string, unknown> | undefined) ?? null, degree: 0 });
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
  const kept = new Map<string, MetNode>(keptKeys.map((k) => [k, { ...nodes.get(k)!, degree: 0 }]));
  return {
    kept: [...kept.values()],
    expansion: () => {
      // (every kept node's properties are read by now: a MetNode is an ExpandedNode)
      const keptNodes = [...kept.values()] as ExpandedNode[];
      const keptEdges: ExpandedEdge[] = [];
      for (const e of edges.values()) {
        const source = kept.get(e.source) as ExpandedNode | undefined;
        const target = kept.get(e.target) as ExpandedNode | undefined;
        if (!source || !target) continue;
        source.degree++;
        target.degree++;
        keptEdges.push({ type: e.type, source, target, weight: e.weight });
      }
      // (in the nodes' order, not the order the rows came in: the same subgraph whichever way it was read)
      const position = new Map(keptNodes.map((n, k) => [n, k]));
      keptEdges.sort(
        (a, b) =>
          position.get(a.source)! - position.get(b.source)! ||
          position.get(a.target)! - position.get(b.target)! ||
          (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
      );
      return { nodes: keptNodes, edges: keptEdges, truncated };
    },
  };
}
