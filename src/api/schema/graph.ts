// graph: a subgraph for visualization clients. Start from nodes (global ids)
// or a search, expand level by level through chosen relationship types and
// node types, cap the node count keeping the most connected nodes, and return
// nodes {id type label properties} and edges {id source target type weight}
// with stable ids — loadable as is by Cytoscape.js, sigma.js/graphology and
// Neo4j NVL.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import {
  DEFAULT_GRAPH_LABELS,
  DEFAULT_GRAPH_TYPES,
  KEY_PROPERTY,
  RELATION_TYPES,
  displayLabel,
  edgeId,
  isNodeLabel,
  isRelationType,
  nodeId,
  type NodeLabel as NodeLabelName,
  type RelationType as RelationTypeName,
} from '../../model.js';
import { builder } from '../builder.js';
import { JurisdictionLevel, NodeLabel, RelationType } from './enums.js';
import { rankedHits, type Hit } from './search.js';
import type { AppContext } from '../context.js';
import { expandSubgraph, ROWS_PER_NODE, type ExpandedNode } from '../subgraph.js';
import { jsonStringBytes, sized, VALUE_BYTES } from '../response-budget.js';

export const MAX_DEPTH = 3;
export const MAX_NODES = 1000;
/** Edges per node the response estimate assumes (the seeds' subgraphs have 1–3; a hub's more, and the runtime count has their real size). */
const ESTIMATED_EDGES_PER_NODE = 4;

function literalValue(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalValue(f.value)]));
    default:
      return null;
  }
}

const JSONScalar = builder.addScalarType(
  'JSON',
  new GraphQLScalarType({ name: 'JSON', serialize: (v) => v, parseValue: (v) => v, parseLiteral: literalValue }),
  { description: 'Any JSON value: the properties of a graph node.' },
);

interface GraphNode {
  id: string;
  type: NodeLabelName;
  key: string;
  label: string;
  /** The stored properties as read; `properties` is derived from them only when asked for. */
  raw: Record<string, unknown>;
  degree: number;
}

/** A node's stored properties without nulls and without a report's text (its whole document). */
function visibleProperties(type: string, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in raw) if (raw[k] !== null && !(type === 'Report' && k === 'text')) out[k] = raw[k];
  return out;
}

interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: RelationTypeName;
  weight: number;
}

/** About the JSON bytes of a subgraph with every field asked for (ids, labels, properties; field names and punctuation as a constant). */
function subgraphBytes(nodes: GraphNode[], edges: GraphEdge[]): number {
  let bytes = 0;
  for (const n of nodes) bytes += 80 + n.id.length + jsonStringBytes(n.label) + Buffer.byteLength(JSON.stringify(visibleProperties(n.type, n.raw)));
  for (const e of edges) bytes += 80 + e.id.length + e.source.length + e.target.length;
  return bytes;
}

const GraphNodeRef = builder.objectRef<GraphNode>('GraphNode').implement({
  description: 'A node of a subgraph.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id (the Relay global id of the node: type and key).' }),
    type: t.expose('type', { type: NodeLabel, description: 'Node type (label): Report, Jurisdiction, Initiative…' }),
    label: t.exposeString('label', { description: 'Display name.' }),
    properties: t.field({
      type: JSONScalar,
      description: "The node's stored properties (a report's text left out).",
      extensions: sized({ bytes: VALUE_BYTES.graphProperties }),
      resolve: (n) => visibleProperties(n.type, n.raw),
    }),
    degree: t.exposeInt('degree', { description: 'Edges of this node inside the subgraph.' }),
  }),
});

const GraphEdgeRef = builder.objectRef<GraphEdge>('GraphEdge').implement({
  description: 'An edge of a subgraph, directed as stored; `node(id:)` refetches it by its id.',
  interfaces: [builder.nodeInterfaceRef()],
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id: type, source and target.' }),
    source: t.exposeID('source', { description: 'Id of the source node.' }),
    target: t.exposeID('target', { description: 'Id of the target node.' }),
    type: t.expose('type', { type: RelationType, description: 'Relationship type.' }),
    weight: t.exposeFloat('weight', { description: 'Mentions or citations it stands for (1 for structural edges).' }),
  }),
});

/** An edge id (TYPE:source->target, as `graph` and the exports give it) read back, or null when it is not one. */
function parseEdgeId(id: string): { type: RelationTypeName; source: { label: string; key: string }; target: { label: string; key: string } } | null {
  const match = /^([A-Z_]+):([^>]+)->([^>#]+)$/.exec(id);
  if (!match || !isRelationType(match[1])) return null;
  try {
    const source = decodeGlobalID(match[2]);
    const target = decodeGlobalID(match[3]);
    if (!isNodeLabel(source.typename) || !isNodeLabel(target.typename)) return null;
    return { type: match[1], source: { label: source.typename, key: source.id }, target: { label: target.typename, key: target.id } };
  } catch {
    return null;
  }
}

/**
 * The edge an id names, as `graph` would give it (its weight read again), or
 * null when the id is not an edge id or the edge is gone; for `node(id:)`.
 */
export async function graphEdgeById(ctx: AppContext, id: string): Promise<(GraphEdge & { __typename: 'GraphEdge' }) | null> {
  const edge = parseEdgeId(id);
  if (!edge) return null;
  // the source's neighbours of that type and label (a source is a report, problem, plan or place: a few)
  const rows = await ctx.store.run('graph_neighbours', {
    nodes: [edge.source],
    types: [edge.type],
    labels: [edge.target.label],
    limit: MAX_NODES * ROWS_PER_NODE,
    province: null,
    level: null,
    yearFrom: null,
    yearTo: null,
  });
  const row = rows.find((r) => r.outgoing && String(r.type) === edge.type && String(r.label) === edge.target.label && String(r.key) === edge.target.key);
  if (!row) return null;
  const source = nodeId(edge.source.label, edge.source.key);
  const target = nodeId(edge.target.label, edge.target.key);
  return { __typename: 'GraphEdge', id: edgeId(edge.type, source, target), source, target, type: edge.type, weight: Number(row.weight) };
}

const Subgraph = builder.objectRef<{ nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }>('Subgraph').implement({
  description: 'Nodes and edges ready for a graph visualization client.',
  fields: (t) => ({
    // `graph` repeats this selection for each node it may hold (maxNodes): a node, and its share of the edges
    nodes: t.field({
      type: [GraphNodeRef],
      description: 'The nodes, start nodes first, then by degree.',
      extensions: sized({ items: () => 1 }),
      resolve: (g) => g.nodes,
    }),
    edges: t.field({
      type: [GraphEdgeRef],
      description: 'The edges between them, in the order of their source and then their target among the nodes.',
      extensions: sized({ items: () => ESTIMATED_EDGES_PER_NODE }),
      resolve: (g) => g.edges,
    }),
    truncated: t.exposeBoolean('truncated', { description: 'True when nodes were dropped to respect maxNodes.' }),
  }),
});

/**
 * Start nodes from a search text: the best-ranked initiatives, regulations and jurisdictions (an
 * alias is as good a start as the name: 三项制度 starts from 行政执法三项制度).
 */
async function searchStarts(ctx: AppContext, text: string): Promise<{ label: string; key: string }[]> {
  const { items } = await rankedHits(ctx, text, 5, ['Initiative', 'Regulation', 'Jurisdiction']);
  const hits = items.map((h) => ({ label: h.kind, key: startKeyOf(h), rank: Math.min(h.rank, 3) }));
  const best = Math.max(0, ...hits.map((h) => h.rank));
  return hits.filter((h) => h.rank === best).slice(0, 5);
}

/** The store key of a search hit's node (its label's key property: an initiative's name, a regulation's title…). */
function startKeyOf(hit: Hit): string {
  return String((hit.node as Record<string, unknown>)[KEY_PROPERTY[hit.kind]]);
}

const GraphFilter = builder.inputType('GraphFilter', {
  description:
    'Keeps the expansion to some places and years: a report passes when its year is in range and its jurisdiction (区县/市/省) matches; a jurisdiction when it matches. Other node types are not filtered themselves, but are only reached through nodes that pass.',
  fields: (t) => ({
    province: t.string({ description: 'Province name (四川省) of reports and jurisdictions.' }),
    level: t.field({ type: JurisdictionLevel, description: 'Level of the jurisdictions (and of the jurisdictions reports are about).' }),
    yearFrom: t.int({ description: 'Reports of this year or later.' }),
    yearTo: t.int({ description: 'Reports of this year or earlier.' }),
  }),
});

builder.queryField('graph', (t) =>
  t.field({
    type: Subgraph,
    nullable: true, // refused arguments null this field only
    extensions: sized({ items: (args) => (typeof args.maxNodes === 'number' ? Math.max(1, Math.min(args.maxNodes, MAX_NODES)) : 200) }),
    description:
      'A subgraph around start nodes (by id or by a search), expanded to a depth through chosen node and relation types, capped at maxNodes keeping the most connected.',
    args: {
      start: t.arg({ type: ['ID'], description: 'Global ids of the start nodes (from `id` of any node).' }),
      search: t.arg.string({ description: 'Or: start from the best search matches for this text (三项制度, 罗江区…).' }),
      depth: t.arg.int({ description: `Expansion depth (default 1, at most ${MAX_DEPTH}).` }),
      nodeTypes: t.arg({ type: [NodeLabel], description: 'Node types to keep (default Report, Jurisdiction, Initiative, Regulation).' }),
      relationTypes: t.arg({
        type: [RelationType],
        description:
          'Relationship types to follow (default: every type when nodeTypes is given, so the chosen node types are reachable; otherwise ABOUT, MENTIONS, CITES, PART_OF).',
      }),
      maxNodes: t.arg.int({ description: `At most this many nodes (default 200, at most ${MAX_NODES}).` }),
      filter: t.arg({
        type: GraphFilter,
        description:
          'Places and years to keep, applied while expanding (before maxNodes is applied). Given alone (no `start`, no `search`), the start: the jurisdictions it selects that have a report in its years, most reports first.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      ctx.budget.ensure('Query.graph');
      const depth = args.depth ?? 1;
      const maxNodes = args.maxNodes ?? 200;
      if (depth < 0 || depth > MAX_DEPTH) throw new GraphQLError(`depth must be between 0 and ${MAX_DEPTH}`, { extensions: { code: 'BAD_USER_INPUT' } });
      if (maxNodes < 1 || maxNodes > MAX_NODES)
        throw new GraphQLError(`maxNodes must be between 1 and ${MAX_NODES}`, { extensions: { code: 'BAD_USER_INPUT' } });
      let starts: { label: string; key: string }[];
      if (args.start?.length) {
        starts = args.start.map((id) => {
          try {
            const { typename, id: key } = decodeGlobalID(String(id));
            if (!isNodeLabel(typename)) throw new Error(typename);
            return { label: typename, key };
          } catch {
            throw new GraphQLError(`"${id}" is not a node id of this graph`, { extensions: { code: 'BAD_USER_INPUT' } });
          }
        });
      } else if (args.search?.trim()) {
        starts = await searchStarts(ctx, args.search.trim());
      } else if (args.filter && Object.values(args.filter).some((v) => v !== null && v !== undefined)) {
        // a filter alone: start from the jurisdictions it selects (those with a report in its years)
        const f = args.filter;
        const rows = await ctx.store.run('graph_filter_starts', {
          province: f.province ?? null,
          level: f.level ?? null,
          yearFrom: f.yearFrom ?? null,
          yearTo: f.yearTo ?? null,
          limit: maxNodes,
        });
        starts = rows.map((row) => ({ label: String(row.label), key: String(row.key) }));
      } else {
        throw new GraphQLError('graph needs `start` ids, a `search` text or a `filter`', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const labels = args.nodeTypes?.length ? args.nodeTypes : DEFAULT_GRAPH_LABELS;
      const types = args.relationTypes?.length ? args.relationTypes : args.nodeTypes?.length ? RELATION_TYPES : DEFAULT_GRAPH_TYPES;

      const place = {
        province: args.filter?.province ?? null,
        level: args.filter?.level ?? null,
        yearFrom: args.filter?.yearFrom ?? null,
        yearTo: args.filter?.yearTo ?? null,
      };
      // labels and types as the store names them: the model's own (cypher/README.md)
      const expansion = await expandSubgraph(ctx.store, { starts, depth, maxNodes, labels, types, place });
      // public ids and display labels only for what is returned
      const ids = new Map<ExpandedNode, string>();
      const kept: GraphNode[] = expansion.nodes.map((n) => {
        const id = nodeId(n.type, n.key);
        ids.set(n, id);
        return { id, type: n.type, key: n.key, label: displayLabel(n.type, n.raw), raw: n.raw, degree: n.degree };
      });
      const keptEdges: GraphEdge[] = expansion.edges.map((e) => {
        const source = ids.get(e.source)!;
        const target = ids.get(e.target)!;
        return { id: edgeId(e.type, source, target), source, target, type: e.type, weight: e.weight };
      });
      ctx.budget.charge(subgraphBytes(kept, keptEdges), 'Query.graph');
      return { nodes: kept, edges: keptEdges, truncated: expansion.truncated };
    },
  }),
);
