// The exported graph: nodes and edges with the same stable ids as the `graph`
// subgraph API (both take them from src/model.ts), so a client can
// cross-reference an exported file with the API; and the typed property
// columns every format declares up front (GraphML <key>, GEXF <attributes>,
// CSV headers).
import { edgeId, KEY_PROPERTY } from '../model.js';

/** Value types, named as neo4j-admin import names them; every format maps them to its own. */
export type ValueType = 'string' | 'int' | 'double' | 'boolean' | 'string[]' | 'int[]';

export interface Column {
  /** The stored property name. */
  name: string;
  type: ValueType;
}

export interface ExportSchema {
  /** Property columns per node label, in label order. */
  nodes: Map<string, Column[]>;
  /** Property columns per relationship type (types without properties have none). */
  edges: Map<string, Column[]>;
}

export interface ExportNode {
  id: string;
  type: string;
  /** The key property's value: how the store finds the node. */
  key: string;
  label: string;
  properties: Record<string, unknown>;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number;
  properties: Record<string, unknown>;
}

// Relationship provenance (src/store/provenance.ts): as stored, one string of
// offsets into the report's text and indexes into its heading paths
// (`provenance`; lists of them in data written before it); in the readable
// form of viewer exports, parallel lists, one element per mention: the
// offsets of the words and the strings themselves.
const PROVENANCE: Record<string, ValueType> = {
  provenance: 'string',
  starts: 'int[]',
  ends: 'int[]',
  // (the lists of data written before the string)
  sentenceStarts: 'int[]',
  sentenceEnds: 'int[]',
  sectionIndexes: 'int[]',
  sentences: 'string[]',
  sections: 'string[]',
  surfaces: 'string[]',
};

// Non-string properties of the model; anything not listed is a string (a
// property another stage adds later is exported as text until listed here).
const DECLARED: Record<string, ValueType> = {
  'Report.year': 'int',
  'Report.jurisdictionConfidence': 'double',
  'Report.sections': 'string[]',
  'Initiative.discovered': 'boolean',
  'Initiative.aliases': 'string[]',
  'Regulation.aliases': 'string[]',
  'CITES.count': 'int',
  'MENTIONS.count': 'int',
  'REPORTS.value': 'double',
};

export function valueType(owner: string, property: string, isRelationship: boolean): ValueType {
  return DECLARED[`${owner}.${property}`] ?? (isRelationship ? PROVENANCE[property] : undefined) ?? 'string';
}

/** What a compact export leaves out: a report's full text and the provenance (lists, and the heading paths they index; a viewer cannot show them; the API can). */
export function keptInCompact(owner: string, property: string, isRelationship: boolean): boolean {
  if (isRelationship) return !(property in PROVENANCE);
  return !(owner === 'Report' && (property === 'text' || property === 'sections'));
}

// Names a viewer format uses for the element itself.
const RESERVED = new Set(['id', 'key', 'label', 'type', 'source', 'target', 'weight']);

/**
 * The attribute name of a stored property in the viewer formats (GraphML,
 * GEXF, Cytoscape), where `id`, `key`, `label`, `type`, `source`, `target`,
 * `weight` name the element itself. A node's `id`/`key` property is its key,
 * already exported as `key`, so it is dropped (null); any other clash is
 * prefixed with the owner: Organization.type → organizationType.
 */
export function attributeName(owner: string, property: string, isRelationship: boolean): string | null {
  if (!RESERVED.has(property)) return property;
  if (!isRelationship && (property === 'id' || property === KEY_PROPERTY[owner as keyof typeof KEY_PROPERTY])) return null;
  return `${owner[0].toLowerCase()}${owner.slice(1)}${property[0].toUpperCase()}${property.slice(1)}`;
}

/** One attribute a viewer format declares: its name and type. */
export interface Attribute {
  name: string;
  type: ValueType;
}

/**
 * The attributes a viewer format declares for nodes or edges: every column
 * of every owner under its attribute name. Two owners declaring the same
 * name with different types share one string attribute.
 */
export function viewerAttributes(columns: Map<string, Column[]>, isRelationship: boolean): Attribute[] {
  const byName = new Map<string, ValueType>();
  for (const [owner, cols] of columns) {
    for (const col of cols) {
      const name = attributeName(owner, col.name, isRelationship);
      if (name === null) continue;
      const seen = byName.get(name);
      byName.set(name, seen === undefined || seen === col.type ? col.type : 'string');
    }
  }
  return [...byName].map(([name, type]) => ({ name, type })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A node's or edge's properties under their attribute names, coerced to the attribute types. */
export function viewerValues(
  owner: string,
  properties: Record<string, unknown>,
  isRelationship: boolean,
  types: Map<string, ValueType>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [property, value] of Object.entries(properties)) {
    const name = attributeName(owner, property, isRelationship);
    if (name === null || value === null || value === undefined) continue;
    const type = types.get(name);
    if (type === undefined) continue;
    out[name] = type === 'string' && typeof value !== 'string' ? JSON.stringify(value) : value;
  }
  return out;
}

/** JSON with sorted keys: a canonical form to order parallel edges by. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The ids of a list of edges (src/model.ts edgeId): parallel edges, of the
 * same type between the same nodes (one report, two metrics of one
 * indicator), are numbered in the canonical order of their stored
 * properties (those not null), so the same graph always gives the same ids,
 * whoever reads it and in whatever order.
 */
export function parallelEdgeIds(edges: readonly { type: string; source: string; target: string; properties: Record<string, unknown> }[]): string[] {
  const groups = new Map<string, number[]>();
  const ids = edges.map((e, index) => {
    const base = edgeId(e.type, e.source, e.target);
    const group = groups.get(base);
    if (group) group.push(index);
    else groups.set(base, [index]);
    return base;
  });
  for (const members of groups.values()) {
    if (members.length === 1) continue;
    const ordered = members
      .map((index) => ({
        index,
        order: canonicalJson(Object.fromEntries(Object.entries(edges[index].properties).filter(([, v]) => v !== null && v !== undefined))),
      }))
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.index - b.index));
    ordered.forEach(({ index }, n) => {
      const e = edges[index];
      ids[index] = edgeId(e.type, e.source, e.target, n + 1);
    });
  }
  return ids;
}
