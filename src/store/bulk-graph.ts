// The graph a report's write makes, computed without a database: the bulk
// path (neo4j-admin CSV straight from extraction, src/export/bulk-csv.ts)
// needs the nodes and relationships that cypher/report_*.cypher would
// create. It reads them off the same write plan the stores run
// (planReportWrite), statement by statement, so what is written and in which
// form (keys, provenance columns, ids of owned nodes) is decided once; what
// the statements do with those rows (MERGE or CREATE, ON CREATE or ON MATCH)
// is mirrored here, one case per statement. test/integration/export/bulk.test.ts
// holds the result equal to an export of an ingest of the same reports.
import type { ReportGraph } from '../extract/types.js';
import type { NodeLabel, RelationType } from '../model.js';
import type { ParamsOf, StatementName } from './catalogue.js';
import { planReportWrite, type ReportMeta } from './write-plan.js';

export interface NodeRef {
  label: NodeLabel;
  key: string;
}

/** A node only this report holds (itself, its problems and plans); properties as the statement sets them, null for one it leaves unset. */
export interface OwnedNode extends NodeRef {
  props: Record<string, unknown>;
}

/**
 * A shared node the report MERGEs: the first report that names it creates it
 * with `onCreate`; a later one adds the `aliases` it does not have yet (the
 * ON MATCH of Initiative and Regulation).
 */
export interface SharedNode extends NodeRef {
  onCreate: Record<string, unknown>;
  aliases?: readonly string[];
}

export interface BulkEdge {
  type: RelationType;
  from: NodeRef;
  to: NodeRef;
  props: Record<string, unknown>;
}

export interface ReportElements {
  reportId: string;
  owned: OwnedNode[];
  /** Relationships of the report and of its owned nodes: created with it, one per row. */
  edges: BulkEdge[];
  shared: SharedNode[];
  /** Relationships between shared nodes (PART_OF, BELONGS_TO, a local document's ISSUED_BY): MERGEd, so one however many reports name them. */
  sharedEdges: BulkEdge[];
}

const PROVENANCE_COLUMNS = ['provenance', 'sentences'] as const;

type Provenance = Pick<ParamsOf<'report_cites_regulations'>, (typeof PROVENANCE_COLUMNS)[number]>;

/** The provenance properties of row k, as the statements write them onto the relationship. */
function provenanceOf(params: Provenance, k: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of PROVENANCE_COLUMNS) out[column] = params[column]?.[k] ?? null;
  return out;
}

const report = (id: string): NodeRef => ({ label: 'Report', key: id });

/** A problem or plan item: a node of the report's own (its id hashes the report id and its text), reached with its provenance. */
function ownedText(
  out: ReportElements,
  label: 'Problem' | 'Plan',
  type: 'IDENTIFIES' | 'PLANS',
  id: string,
  text: string,
  provenance: Record<string, unknown>,
): NodeRef {
  const node: NodeRef = { label, key: id };
  out.owned.push({ ...node, props: { id, text } });
  out.edges.push({ type, from: report(out.reportId), to: node, props: provenance });
  return node;
}

/** The elements of one report's write, from its write plan (the rollup statements are derived data, rebuilt on open: none here). */
export function reportElements(graph: ReportGraph, meta: ReportMeta): ReportElements {
  const out: ReportElements = { reportId: graph.reportId, owned: [], edges: [], shared: [], sharedEdges: [] };
  for (const step of planReportWrite(graph, meta)) addStatement(out, step.name, step.params);
  return out;
}

function addStatement(out: ReportElements, name: StatementName, params: Record<string, unknown>): void {
  const { owned, edges, shared, sharedEdges } = out;
  const r = report(out.reportId);
  switch (name) {
    case 'report_create': {
      // (the plan of one report: report_create's one row)
      const [p] = (params as unknown as ParamsOf<'report_create'>).reports;
      owned.push({ ...r, props: { ...p.props } });
      for (const n of p.jurisdictions) shared.push({ label: 'Jurisdiction', key: n.key, onCreate: { ...n.props } });
      for (const link of p.links)
        sharedEdges.push({ type: 'PART_OF', from: { label: 'Jurisdiction', key: link.child }, to: { label: 'Jurisdiction', key: link.parent }, props: {} });
      if (p.jurisdictionKey !== null) {
        const j: NodeRef = { label: 'Jurisdiction', key: p.jurisdictionKey };
        shared.push({ ...j, onCreate: { key: j.key } });
        edges.push({ type: 'ABOUT', from: r, to: j, props: {} });
        if (p.org) {
          const o: NodeRef = { label: 'Organization', key: p.org.key };
          shared.push({ ...o, onCreate: { key: p.org.key, name: p.org.name, type: p.org.type } });
          edges.push({ type: 'ISSUED_BY', from: r, to: o, props: {} });
          sharedEdges.push({ type: 'BELONGS_TO', from: o, to: j, props: {} });
        }
      }
      return;
    }
    case 'report_cites_regulations': {
      const p = params as unknown as ParamsOf<'report_cites_regulations'>;
      p.titles.forEach((title, k) => {
        const g: NodeRef = { label: 'Regulation', key: title };
        shared.push({ ...g, onCreate: { title, kind: p.kinds[k], scope: p.scopes[k], aliases: p.surfaces[k] }, aliases: p.surfaces[k] });
        edges.push({ type: 'CITES', from: r, to: g, props: { action: p.actions[k], count: p.counts[k], ...provenanceOf(p, k) } });
        const issuer = p.issuers[k];
        if (issuer) {
          shared.push({ label: 'Jurisdiction', key: issuer, onCreate: { key: issuer } });
          sharedEdges.push({ type: 'ISSUED_BY', from: g, to: { label: 'Jurisdiction', key: issuer }, props: {} });
        }
      });
      return;
    }
    case 'report_mentions_initiatives': {
      const p = params as unknown as ParamsOf<'report_mentions_initiatives'>;
      p.names.forEach((name, k) => {
        const i: NodeRef = { label: 'Initiative', key: name };
        shared.push({ ...i, onCreate: { name, category: p.categories[k], discovered: p.discovered[k], aliases: p.aliases[k] }, aliases: p.aliases[k] });
        edges.push({ type: 'MENTIONS', from: r, to: i, props: { count: p.counts[k], ...provenanceOf(p, k) } });
      });
      return;
    }
    case 'report_identifies_problems': {
      const p = params as unknown as ParamsOf<'report_identifies_problems'>;
      p.ids.forEach((id, k) => {
        const problem = ownedText(out, 'Problem', 'IDENTIFIES', id, p.texts[k], provenanceOf(p, k));
        const theme = p.themes[k];
        if (theme !== null && theme !== undefined) {
          shared.push({ label: 'ProblemTheme', key: theme, onCreate: { name: theme } });
          edges.push({ type: 'HAS_THEME', from: problem, to: { label: 'ProblemTheme', key: theme }, props: {} });
        }
      });
      return;
    }
    case 'report_plans': {
      const p = params as unknown as ParamsOf<'report_plans'>;
      p.ids.forEach((id, k) => {
        const plan = ownedText(out, 'Plan', 'PLANS', id, p.texts[k], provenanceOf(p, k));
        // the planner keeps only initiatives this report mentions, once each (the MATCH through MENTIONS finds them all)
        for (const name of p.initiatives[k]) edges.push({ type: 'CONCERNS', from: plan, to: { label: 'Initiative', key: name }, props: {} });
      });
      return;
    }
    case 'report_reports_metrics': {
      const p = params as unknown as ParamsOf<'report_reports_metrics'>;
      p.indicators.forEach((indicator, k) => {
        const n: NodeRef = { label: 'Indicator', key: indicator };
        shared.push({ ...n, onCreate: { name: indicator } });
        edges.push({
          type: 'REPORTS',
          from: r,
          to: n,
          props: { value: p.values[k], unit: p.units[k], surface: p.surfaces[k], qualifier: p.qualifiers[k], ...provenanceOf(p, k) },
        });
      });
      return;
    }
    case 'rollup_count_mentions':
    case 'rollup_count_citations':
    case 'rollup_add_mentions':
    case 'rollup_add_citations':
    // (the forms these add are taken from the rows above: `aliases`)
    case 'regulations_add_aliases':
    case 'initiatives_add_aliases':
      return;
    default:
      // a statement the write plan gained without a case here would be lost from every bulk import
      throw new Error(`the bulk path does not know what ${name} writes`);
  }
}
