// The statements that write one report, in order, with their parameters.
// Both stores execute this same plan inside one transaction, so the embedded
// and the Neo4j graph of a report are the same graph.
import { createHash } from 'node:crypto';
import type { Mention, ReportGraph } from '../extract/types.js';
import { InvalidReportError } from './errors.js';
import { jurisdictionChain } from './jurisdiction-chain.js';
import { provenanceColumns, SectionTable } from './provenance.js';
import type { ParamsOf, RowOf, StatementName } from './catalogue.js';
import type { Row } from './rows.js';

export interface PlannedStatement {
  name: StatementName;
  params: Record<string, unknown>;
  /** The rows' `key` column names jurisdictions the statement changed, beyond what the report's own keys say (a read cache drops what depends on them). */
  touchesJurisdictions?: true;
  /** A statement to run next, made from this one's rows (or none). */
  next?: (rows: Row[]) => PlannedStatement | null;
}

export interface ReportMeta {
  extractorVersion: string;
  file?: string;
  ingestedAt?: string;
}

/** Problems and plans belong to one report: their id hashes the report id and the item's text. */
export function ownedId(reportId: string, kind: string, text: string): string {
  return createHash('sha256').update(`${reportId}\n${kind}\n${text}`).digest('hex').slice(0, 24);
}

/**
 * Refuses a graph the store could not write faithfully. Neo4j rejects a MERGE
 * on a null key but Grafeo accepts it, so the check happens here, once, for both.
 */
export function validateReportGraph(graph: ReportGraph): void {
  const problems: string[] = [];
  if (!graph.reportId) problems.push('no report id');
  if (typeof graph.text !== 'string') problems.push('no text');
  graph.regulations.forEach((r, i) => {
    if (!r?.title) problems.push(`regulation ${i} has no title`);
  });
  graph.initiatives.forEach((x, i) => {
    if (!x?.name) problems.push(`initiative ${i} has no name`);
  });
  graph.problems.forEach((p, i) => {
    if (!p?.text) problems.push(`problem ${i} has no text`);
  });
  graph.plans.forEach((p, i) => {
    if (!p?.text) problems.push(`plan ${i} has no text`);
  });
  graph.metrics.forEach((m, i) => {
    if (!m?.indicator || !Number.isFinite(m.value)) problems.push(`metric ${i} has no indicator or value`);
  });
  if (graph.jurisdiction && !graph.jurisdiction.name) problems.push('the jurisdiction has no name');
  if (problems.length) throw new InvalidReportError(`cannot store report ${graph.reportId || '(no id)'}: ${problems.join('; ')}`);
}

export function planReportWrite(graph: ReportGraph, meta: ReportMeta): PlannedStatement[] {
  validateReportGraph(graph);
  const id = graph.reportId;
  const chain = graph.jurisdiction ? jurisdictionChain(graph.jurisdiction) : null;
  // The report's heading paths, stored once on the Report node; the
  // relationships hold indexes into it (see provenance.ts). Filled while the
  // rows are built, so report_create, the first statement, is planned last.
  const sections = new SectionTable();
  const provenance = (rows: (Mention[] | undefined)[]) => provenanceColumns(rows, graph.text, sections);
  const steps: PlannedStatement[] = [];
  const add = (name: StatementName, params: Record<string, unknown>) => steps.push({ name, params });

  // The rows of each statement are passed as columns, parallel lists of
  // plain values (see ProvenanceColumns for why).
  if (graph.regulations.length) {
    const rows = graph.regulations;
    add('report_cites_regulations', {
      id,
      titles: rows.map((r) => r.title),
      kinds: rows.map((r) => r.kind),
      scopes: rows.map((r) => r.scope),
      surfaces: rows.map((r) => r.surface),
      actions: rows.map((r) => r.action),
      counts: rows.map((r) => r.count),
      ...provenance(rows.map((r) => r.mentions)),
      // a local document's issuer, when it is one of the report's own jurisdictions
      issuers: rows.map((r) => (r.issuer && chain?.keyByName.get(r.issuer)) || null),
    });
  }

  if (graph.initiatives.length) {
    const rows = graph.initiatives;
    add('report_mentions_initiatives', {
      id,
      names: rows.map((i) => i.name),
      categories: rows.map((i) => i.category),
      discovered: rows.map((i) => i.discovered ?? false),
      aliases: rows.map((i) => i.surface.filter((s) => s !== i.name)),
      counts: rows.map((i) => i.count),
      ...provenance(rows.map((i) => i.mentions)),
    });
  }

  if (graph.problems.length) {
    const rows = dedupeByText(graph.problems);
    add('report_identifies_problems', {
      id,
      ids: rows.map((p) => ownedId(id, 'problem', p.text)),
      texts: rows.map((p) => p.text),
      themes: rows.map((p) => p.theme),
      ...provenance(rows.map((p) => p.mentions)),
    });
  }

  if (graph.plans.length) {
    const mentioned = new Set(graph.initiatives.map((i) => i.name));
    const rows = dedupeByText(graph.plans);
    add('report_plans', {
      id,
      ids: rows.map((p) => ownedId(id, 'plan', p.text)),
      texts: rows.map((p) => p.text),
      // CONCERNS links only to initiatives this report's MENTIONS created,
      // once each: the statement creates them (the plan is new).
      initiatives: rows.map((p) => [...new Set(p.initiatives.filter((name) => mentioned.has(name)))]),
      ...provenance(rows.map((p) => p.mentions)),
    });
  }

  if (graph.metrics.length) {
    const rows = graph.metrics;
    add('report_reports_metrics', {
      id,
      indicators: rows.map((m) => m.indicator),
      values: rows.map((m) => m.value),
      units: rows.map((m) => m.unit),
      surfaces: rows.map((m) => m.surface),
      qualifiers: rows.map((m) => m.qualifier ?? null),
      ...provenance(rows.map((m) => m.mentions)),
    });
  }

  // The jurisdiction's rollup counts this report once for each initiative and
  // regulation it names (the MENTIONS and CITES above are one per name).
  if (chain) {
    const rollup = { key: chain.key, year: graph.year ?? null };
    // (what the jurisdiction has already counts one more; the rest is created: see rollup_count_mentions)
    if (graph.initiatives.length) steps.push(rollupSteps('mentions', 'names', 'name', rollup, [...new Set(graph.initiatives.map((i) => i.name))]));
    if (graph.regulations.length) steps.push(rollupSteps('citations', 'titles', 'title', rollup, [...new Set(graph.regulations.map((r) => r.title))]));
  }

  // The report with its place (jurisdiction chain, ABOUT, issuing organization): one statement.
  steps.unshift({
    name: 'report_create',
    params: {
      jurisdictions: chain?.nodes ?? [],
      links: chain?.links ?? [],
      jurisdictionKey: chain?.key ?? null,
      org: chain && graph.issuer ? { key: `${chain.key}/${graph.issuer.name}`, name: graph.issuer.name, type: graph.issuer.type } : null,
      props: {
        id,
        title: graph.title,
        year: graph.year,
        text: graph.text,
        // null (no property) when no mention sits in a section
        sections: sections.paths.length ? sections.paths : null,
        issuerType: graph.issuer?.type ?? null,
        issuerName: graph.issuer?.name ?? null,
        jurisdictionKey: chain?.key ?? null,
        // how sure the reading of the place is, and what decided it (or why no place was named)
        jurisdictionConfidence: graph.jurisdiction?.confidence ?? null,
        jurisdictionBasis: graph.jurisdiction?.basis ?? graph.jurisdictionUnknown ?? null,
        extractorVersion: meta.extractorVersion,
        file: meta.file ?? graph.source?.file ?? null,
        sourceUrl: graph.source?.url ?? null,
        published: graph.source?.published ?? null,
        ingestedAt: meta.ingestedAt ?? new Date().toISOString(),
      },
    },
  });
  return steps;
}

/**
 * Parameters of report_same_issuer_year for a report (its id, jurisdiction key, issuer and year),
 * or null when it lacks one of them and so cannot have a twin by that measure.
 */
export function sameIssuerAndYearParams(graph: ReportGraph): ParamsOf<'report_same_issuer_year'> | null {
  const key = graph.jurisdiction ? jurisdictionChain(graph.jurisdiction).key : null;
  if (!key || graph.year == null || !graph.issuer?.name) return null;
  return { id: graph.reportId, key, year: graph.year, issuer: graph.issuer.name };
}

/**
 * Parameters of report_stored_as: whether the stored report is what would be written now (same
 * extractor version, year and title; ingestReport can override the year and the title).
 */
export function storedAsIsParams(graph: ReportGraph, version: string): Record<string, unknown> {
  return { id: graph.reportId, version, year: graph.year ?? null, title: graph.title ?? null };
}

/** What a stored report links to (report_features' row): what its removal changes, and what it may leave orphaned. */
export type ReportLinks = RowOf<'report_features'>;

/**
 * Statements that remove a report and whatever only it held up, given what it
 * links to (read first: report_features): the orphan deletes test only those
 * nodes, so a removal costs the same in a small graph and a large one.
 */
export function planReportDelete(id: string, links: ReportLinks): PlannedStatement[] {
  return [
    { name: 'rollup_remove_report', params: { id }, touchesJurisdictions: true },
    { name: 'report_delete_owned', params: { id } },
    { name: 'report_delete', params: { id } },
    { name: 'orphans_delete_initiatives', params: { names: [...new Set([...links.initiatives, ...links.planned])] } },
    { name: 'orphans_delete_regulations', params: { titles: links.regulations } },
    { name: 'orphans_delete_indicators', params: { names: [...new Set(links.indicators)] } },
    { name: 'orphans_delete_themes', params: { names: [...new Set(links.themes)] } },
    { name: 'orphans_delete_organizations', params: { keys: links.organizations } },
  ];
}

/**
 * A report's rollup of one kind: rollup_count_<kind> counts the relationships
 * the jurisdiction already has to `keys`, and its follow-up rollup_add_<kind>
 * creates the others (none: no follow-up).
 */
function rollupSteps(
  kind: 'mentions' | 'citations',
  param: 'names' | 'titles',
  column: 'name' | 'title',
  rollup: { key: string; year: number | null },
  keys: string[],
): PlannedStatement {
  return {
    name: `rollup_count_${kind}`,
    params: { ...rollup, [param]: keys },
    next: (rows) => {
      const had = new Set(rows.map((row) => row[column]));
      const fresh = keys.filter((key) => !had.has(key));
      return fresh.length ? { name: `rollup_add_${kind}`, params: { ...rollup, [param]: fresh } } : null;
    },
  };
}

/** The same item text twice in one report is one Problem/Plan node (its id is the text's hash). */
function dedupeByText<T extends { text: string }>(items: T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.text)) seen.set(item.text, item);
  return [...seen.values()];
}
