// The graph model, in one place: node labels and their key properties,
// relationship types and the labels they join, and how a node or edge is
// named outside the store (its id and its display label). The store's
// statements (cypher/, checked against this file by test/integration/store/model.test.ts), the
// GraphQL schema, the exports and the explorer page all read it from here.
//
// Browser-safe: the explorer page imports it, so it imports nothing and
// touches no Node.js API.

/** Each label of the model and its key property: how a node of that label is found. */
export const KEY_PROPERTY = {
  Report: 'id',
  Jurisdiction: 'key',
  Organization: 'key',
  Initiative: 'name',
  Regulation: 'title',
  Problem: 'id',
  ProblemTheme: 'name',
  Plan: 'id',
  Indicator: 'name',
} as const;

export type NodeLabel = keyof typeof KEY_PROPERTY;

/** The node labels, in model order (the order of the GraphQL GraphNodeType enum and of a whole export). */
export const NODE_LABELS = Object.keys(KEY_PROPERTY) as NodeLabel[];

/** Each relationship type and the (from, to) labels it joins, as stored (direction matters). */
export const RELATIONSHIPS = {
  ABOUT: [['Report', 'Jurisdiction']],
  ISSUED_BY: [
    ['Report', 'Organization'],
    ['Regulation', 'Jurisdiction'],
  ],
  BELONGS_TO: [['Organization', 'Jurisdiction']],
  PART_OF: [['Jurisdiction', 'Jurisdiction']],
  CITES: [['Report', 'Regulation']],
  MENTIONS: [['Report', 'Initiative']],
  IDENTIFIES: [['Report', 'Problem']],
  HAS_THEME: [['Problem', 'ProblemTheme']],
  PLANS: [['Report', 'Plan']],
  CONCERNS: [['Plan', 'Initiative']],
  REPORTS: [['Report', 'Indicator']],
  // The jurisdiction-level rollup, kept by every report's write and delete:
  // one per jurisdiction and initiative (regulation) its reports mention
  // (cite), with how many reports do and their years (cypher/rollup_*).
  REPORTS_MENTION: [['Jurisdiction', 'Initiative']],
  REPORTS_CITE: [['Jurisdiction', 'Regulation']],
} as const satisfies Record<string, readonly (readonly [NodeLabel, NodeLabel])[]>;

export type RelationType = keyof typeof RELATIONSHIPS;

/**
 * The rollup: relationship types and properties derived from the reports,
 * which the store keeps for the analytics. An export leaves them out (it is
 * the extracted graph; a store that loads one rebuilds its rollup).
 */
export const ROLLUP_TYPES: readonly RelationType[] = ['REPORTS_MENTION', 'REPORTS_CITE'];
export const ROLLUP_PROPERTIES: Readonly<Partial<Record<NodeLabel, readonly string[]>>> = { Jurisdiction: ['featureCount'] };
export const isRollupType = (type: string): boolean => ROLLUP_TYPES.includes(type as RelationType);

/** The relationship types, in model order (the order of the GraphQL GraphRelationType enum). */
export const RELATION_TYPES = Object.keys(RELATIONSHIPS) as RelationType[];

/** What the `graph` subgraph view expands through when a client names no node or relationship types. */
export const DEFAULT_GRAPH_LABELS: readonly NodeLabel[] = ['Report', 'Jurisdiction', 'Initiative', 'Regulation'];
export const DEFAULT_GRAPH_TYPES: readonly RelationType[] = ['ABOUT', 'MENTIONS', 'CITES', 'PART_OF'];

export const isNodeLabel = (name: string): name is NodeLabel => Object.hasOwn(KEY_PROPERTY, name);
export const isRelationType = (name: string): name is RelationType => Object.hasOwn(RELATIONSHIPS, name);

// Base64 of the UTF-8 bytes, as Pothos's encodeGlobalID writes it, with Buffer
// on Node.js and btoa in a browser.
function base64(text: string): string {
  const buffer = (globalThis as { Buffer?: { from(s: string): { toString(encoding: 'base64'): string } } }).Buffer;
  if (buffer) return buffer.from(text).toString('base64');
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A node's id outside the store: the Relay global id of its label and key (what `node(id:)` takes). */
export const nodeId = (label: string, key: string): string => base64(`${label}:${key}`);

/** An edge's id: TYPE:source->target; the n-th parallel edge of the same type between the same nodes gets `#n` (n ≥ 2). */
export const edgeId = (type: string, source: string, target: string, ordinal = 1): string => `${type}:${source}->${target}${ordinal > 1 ? `#${ordinal}` : ''}`;

/** The name a viewer shows for a node: a report's title (else issuer and year), a jurisdiction's full name, else its name, title, text or key. */
export function displayLabel(label: string, p: Record<string, unknown>): string {
  if (label === 'Report') return String(p.title ?? `${p.issuerName ?? ''} ${p.year ?? ''}`.trim() ?? p.id);
  if (label === 'Jurisdiction') return String(p.fullName ?? p.name);
  return String(p.name ?? p.title ?? p.text ?? p.key ?? p.id ?? label);
}
