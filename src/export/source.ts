// Reads the part of the graph an export covers from the store, page by page,
// through the named statements cypher/export_*.cypher. Nothing is held in
// memory beyond one page, except for a filtered export the (label, key) pairs
// of its scope, so a national graph streams through in constant-size pages.
//
// Whole-graph mode pages through each label by key (export_nodes) and reads
// the relationships from their sources (export_edges), so each is read once.
// Filtered mode starts from the reports the filter selects (export_reports),
// collects what they reach (export_scope) and exports the subgraph induced by
// those nodes.
import { hasProvenance, OFFSET_PROPERTIES, provenanceSourceOf, readableProvenance, SURFACE_TYPES, type ProvenanceSource } from '../store/provenance.js';
import type { GraphStore } from '../store/types.js';
import { selectsReports, type ExportDetail, type ExportFilter } from './filter.js';
import { NODE_LABELS, ROLLUP_PROPERTIES, displayLabel, isRollupType, nodeId, type NodeLabel } from '../model.js';
import { canonicalJson, keptInCompact, parallelEdgeIds, valueType, type Column, type ExportEdge, type ExportNode, type ExportSchema } from './model.js';

export interface ExportOptions {
  filter: ExportFilter;
  detail: ExportDetail;
  /** Nodes per store call (default 500; reports in full detail: at most REPORT_PAGE_FULL). */
  pageSize?: number;
}

/**
 * Reports per store call in a full-detail export: each carries its whole
 * text (a report's relationships, their provenance, need it too), so a page
 * of 500 would be the texts of 500 reports in memory at once, and one write
 * of all of them. 20 keep a page to a few megabytes.
 */
export const REPORT_PAGE_FULL = 20;

export interface ExportPlan {
  schema: ExportSchema;
  /** Node labels exported, in model order. */
  labels: string[];
  /** Relationship types present in the store. */
  types: string[];
  /** Nodes in pages, label by label (optionally only some labels). */
  nodes(only?: string[]): AsyncGenerator<ExportNode[]>;
  /** Edges in pages, grouped by source node; only edges whose both ends are exported. */
  edges(onlyTypes?: string[]): AsyncGenerator<ExportEdge[]>;
  /**
   * The same export for viewers (GraphML, GEXF, Cytoscape): provenance as
   * lists, one element per mention: `starts`, `ends` and the readable
   * `sentences`, `sections` (and `surfaces` of CITES and MENTIONS), sliced
   * from the report texts, instead of the stored offsets and section
   * indexes, and without Report.sections (the table those index). The plan
   * itself is the stored model exactly, which the CSV bulk import needs.
   */
  readable(): ExportPlan;
}

const isOffset = (name: string) => (OFFSET_PROPERTIES as readonly string[]).includes(name);

/** The columns of a relationship type in the readable form (see ExportPlan.readable). */
function readableColumns(type: string, columns: Column[]): Column[] {
  if (!columns.some((c) => isOffset(c.name))) return columns;
  const out = columns.filter((c) => !isOffset(c.name));
  const wanted: Column[] = [
    { name: 'starts', type: 'int[]' },
    { name: 'ends', type: 'int[]' },
    { name: 'sentences', type: 'string[]' },
    { name: 'sections', type: 'string[]' },
    ...(SURFACE_TYPES.has(type) ? [{ name: 'surfaces', type: 'string[]' as const }] : []),
  ];
  for (const c of wanted) if (!out.some((o) => o.name === c.name)) out.push(c);
  return out.sort((a, b) => compare(a.name, b.name));
}

function readableSchema(schema: ExportSchema): ExportSchema {
  return {
    nodes: new Map([...schema.nodes].map(([label, cols]) => [label, label === 'Report' ? cols.filter((c) => c.name !== 'sections') : cols])),
    edges: new Map([...schema.edges].map(([type, cols]) => [type, readableColumns(type, cols)])),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A rollup relationship type or property (src/model.ts): derived, so not exported. */
function isRollup(owner: string, property: string, isRelationship: boolean): boolean {
  if (isRelationship) return isRollupType(owner);
  return ROLLUP_PROPERTIES[owner as NodeLabel]?.includes(property) ?? false;
}

export async function planExport(store: GraphStore, options: ExportOptions): Promise<ExportPlan> {
  const { filter, detail } = options;
  const basePageSize = options.pageSize ?? 500;
  const pageOf = (label: string) => (label === 'Report' && detail === 'full' ? Math.min(basePageSize, REPORT_PAGE_FULL) : basePageSize);
  const wanted = new Set<string>(filter.nodeTypes ?? NODE_LABELS);
  const labels = NODE_LABELS.filter((l) => wanted.has(l));

  const [nodeKeys, edgeKeys, typeRows] = await Promise.all([store.run('export_node_keys'), store.run('export_edge_keys'), store.run('stats_types')]);
  const keep = (owner: string, property: string, isRelationship: boolean) =>
    !isRollup(owner, property, isRelationship) && (detail === 'full' || keptInCompact(owner, property, isRelationship));
  const columns = (rows: Record<string, unknown>[], ownerField: string, isRelationship: boolean) => {
    const map = new Map<string, Column[]>();
    for (const row of rows) {
      const owner = String(row[ownerField]);
      const name = String(row.key);
      if (!keep(owner, name, isRelationship)) continue;
      if (!map.has(owner)) map.set(owner, []);
      map.get(owner)!.push({ name, type: valueType(owner, name, isRelationship) });
    }
    for (const cols of map.values()) cols.sort((a, b) => compare(a.name, b.name));
    return map;
  };
  const allNodeColumns = columns(nodeKeys, 'label', false);
  const types = typeRows
    .map((r) => String(r.type))
    .filter((type) => !isRollupType(type))
    .sort(compare);
  const schema: ExportSchema = {
    nodes: new Map(labels.map((l) => [l, allNodeColumns.get(l) ?? []])),
    edges: (() => {
      const byType = columns(edgeKeys, 'type', true);
      return new Map(types.map((t) => [t, byType.get(t) ?? []]));
    })(),
  };

  const shape = (owner: string, raw: Record<string, unknown>, isRelationship: boolean) =>
    Object.fromEntries(Object.entries(raw).filter(([k, v]) => v !== null && v !== undefined && keep(owner, k, isRelationship)));

  const toNode = (label: string, key: string, raw: Record<string, unknown>, readable: boolean): ExportNode => {
    const properties = shape(label, raw, false);
    if (readable && label === 'Report') delete properties.sections;
    return { id: nodeId(label, key), type: label, key, label: displayLabel(label, raw), properties };
  };

  /** The texts and heading paths of the page's reports whose relationships carry provenance (readable view only). */
  const sourcesOf = async (rows: Record<string, unknown>[]): Promise<Map<string, ProvenanceSource>> => {
    const ids = [...new Set(rows.filter((r) => hasProvenance((r.properties ?? {}) as Record<string, unknown>)).map((r) => String(r.key)))];
    if (!ids.length) return new Map();
    const found = await store.run('report_texts_by_ids', { ids });
    return new Map(found.map((r) => [String(r.id), provenanceSourceOf(r)]));
  };

  // Filtered mode: the scope, computed once, on first use.
  let scope: Promise<Map<string, Set<string>>> | null = null;
  const computeScope = async () => {
    const found = new Map<string, Set<string>>();
    const params = {
      level: filter.level,
      province: filter.province,
      prefecture: filter.prefecture,
      jurisdiction: filter.jurisdiction,
      yearFrom: filter.yearFrom,
      yearTo: filter.yearTo,
      issuerType: filter.issuerType,
    };
    for (let after = ''; ; ) {
      const page = await store.run('export_reports', { ...params, after, limit: basePageSize });
      if (!page.length) break;
      for (const row of await store.run('export_scope', { reports: page.map((r) => r.id) })) {
        const label = String(row.label);
        if (!found.has(label)) found.set(label, new Set());
        found.get(label)!.add(String(row.key));
      }
      after = String(page[page.length - 1].id);
      if (page.length < basePageSize) break;
    }
    return found;
  };
  const inScope = selectsReports(filter) ? () => (scope ??= computeScope()) : null;

  /** Keys of one label in pages: the scope's keys, or a keyset scan of the store. */
  async function* keyPages(label: string, withProperties: boolean): AsyncGenerator<{ key: string; properties?: Record<string, unknown> }[]> {
    const pageSize = pageOf(label);
    if (inScope) {
      const keys = [...((await inScope()).get(label) ?? [])].sort(compare);
      for (let i = 0; i < keys.length; i += pageSize) {
        const batch = keys.slice(i, i + pageSize);
        if (!withProperties) {
          yield batch.map((key) => ({ key }));
          continue;
        }
        const rows = await store.run('export_nodes_by_keys', { nodes: batch.map((key) => ({ label, key })) });
        yield rows.map((r) => ({ key: String(r.key), properties: r.properties as Record<string, unknown> })).sort((a, b) => compare(a.key, b.key));
      }
      return;
    }
    for (let after = ''; ; ) {
      const rows = await store.run('export_nodes', { label, after, limit: pageSize, properties: withProperties });
      if (!rows.length) return;
      yield rows.map((r) => ({ key: String(r.key), properties: (r.properties ?? undefined) as Record<string, unknown> | undefined }));
      after = String(rows[rows.length - 1].key);
      if (rows.length < pageSize) return;
    }
  }

  async function* nodes(only: string[] | undefined, readable: boolean): AsyncGenerator<ExportNode[]> {
    for (const label of labels) {
      if (only && !only.includes(label)) continue;
      for await (const page of keyPages(label, true)) yield page.map((n) => toNode(label, n.key, n.properties ?? {}, readable));
    }
  }

  async function* edges(onlyTypes: string[] | undefined, readable: boolean): AsyncGenerator<ExportEdge[]> {
    const scoped = inScope ? await inScope() : null;
    const exported = (label: string, key: string) => wanted.has(label) && (!scoped || (scoped.get(label)?.has(key) ?? false));
    for (const label of labels) {
      for await (const page of keyPages(label, false)) {
        const rows = await store.run('export_edges', { nodes: page.map((n) => ({ label, key: n.key })) });
        const kept = rows
          .filter(
            (r) => exported(String(r.targetLabel), String(r.targetKey)) && !isRollupType(String(r.type)) && (!onlyTypes || onlyTypes.includes(String(r.type))),
          )
          .map((row) => ({
            row,
            type: String(row.type),
            source: nodeId(label, String(row.key)),
            target: nodeId(String(row.targetLabel), String(row.targetKey)),
            raw: (row.properties ?? {}) as Record<string, unknown>,
          }))
          .map((e) => ({ ...e, order: `${e.row.key}\u0000${e.type}\u0000${e.row.targetLabel}\u0000${e.row.targetKey}\u0000${canonicalJson(e.raw)}` }))
          .sort((a, b) => compare(a.order, b.order));
        const ids = parallelEdgeIds(kept.map((e) => ({ type: e.type, source: e.source, target: e.target, properties: e.raw })));
        // Provenance lives on the relationships of reports; a compact export has none.
        const sources = readable && label === 'Report' && detail === 'full' ? await sourcesOf(kept.map((k) => k.row)) : null;
        const out: ExportEdge[] = kept.map((e, i) => ({
          id: ids[i],
          source: e.source,
          target: e.target,
          type: e.type,
          weight: Number(e.raw.count ?? 1),
          properties: shape(e.type, sources ? readableProvenance(e.type, e.raw, sources.get(String(e.row.key)) ?? null) : e.raw, true),
        }));
        if (out.length) yield out;
      }
    }
  }

  const view = (readable: boolean): ExportPlan => ({
    schema: readable ? readableSchema(schema) : schema,
    labels,
    types,
    nodes: (only) => nodes(only, readable),
    edges: (onlyTypes) => edges(onlyTypes, readable),
    readable: () => view(true),
  });
  return view(false);
}
