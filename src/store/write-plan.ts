// The statements that write new reports, in order, with their parameters:
// one report, or several in one transaction (each statement once for all of
// them). Both stores execute this same plan inside one transaction, so the
// embedded and the Neo4j graph of a report are the same graph.
import { createHash } from 'node:crypto';
import type { Mention, ReportGraph } from '../extract/types.js';
import { InvalidReportError } from './errors.js';
import { jurisdictionChain } from './jurisdiction-chain.js';
import { provenanceColumns, SectionTable } from './provenance.js';
import type { ParamsOf, RowOf, StatementName } from './catalogue.js';
import type { ReportCreateRow, Row } from './rows.js';

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

/** What one report contributes to a batch's statements: its report_create row, the columns of each of its row statements, its rollup. */
interface ReportRows {
  id: string;
  create: ReportCreateRow;
  /** Per statement, its columns (parallel lists of one element per row) and how many rows. */
  columns: Map<ColumnStatement, { rows: number; params: Record<string, unknown> }>;
  rollup: { key: string; year: number | null; names: string[]; titles: string[] } | null;
}

/** The statements that write a report's rows, in the order a report's write runs them. */
const COLUMN_STATEMENTS = [
  'report_cites_regulations',
  'report_mentions_initiatives',
  'report_identifies_problems',
  'report_plans',
  'report_reports_metrics',
] as const;
type ColumnStatement = (typeof COLUMN_STATEMENTS)[number];

function reportRows(graph: ReportGraph, meta: ReportMeta): ReportRows {
  validateReportGraph(graph);
  const id = graph.reportId;
  const chain = graph.jurisdiction ? jurisdictionChain(graph.jurisdiction) : null;
  // The report's heading paths, stored once on the Report node; the
  // relationships hold indexes into it (see provenance.ts). Filled while the
  // rows are built, so report_create's row is made last.
  const sections = new SectionTable();
  const provenance = (rows: (Mention[] | undefined)[]) => provenanceColumns(rows, graph.text, sections);
  const columns: ReportRows['columns'] = new Map();
  const add = (name: ColumnStatement, rows: number, params: Record<string, unknown>) => columns.set(name, { rows, params });

  // The rows of each statement are passed as columns, parallel lists of
  // plain values (see ProvenanceColumns for why).
  if (graph.regulations.length) {
    const rows = graph.regulations;
    add('report_cites_regulations', rows.length, {
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
    add('report_mentions_initiatives', rows.length, {
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
    add('report_identifies_problems', rows.length, {
      ids: rows.map((p) => ownedId(id, 'problem', p.text)),
      texts: rows.map((p) => p.text),
      themes: rows.map((p) => p.theme),
      ...provenance(rows.map((p) => p.mentions)),
    });
  }

  if (graph.plans.length) {
    const mentioned = new Set(graph.initiatives.map((i) => i.name));
    const rows = dedupeByText(graph.plans);
    add('report_plans', rows.length, {
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
    add('report_reports_metrics', rows.length, {
      indicators: rows.map((m) => m.indicator),
      values: rows.map((m) => m.value),
      units: rows.map((m) => m.unit),
      surfaces: rows.map((m) => m.surface),
      qualifiers: rows.map((m) => m.qualifier ?? null),
      ...provenance(rows.map((m) => m.mentions)),
    });
  }

  // The report with its place (jurisdiction chain, ABOUT, issuing organization).
  const create: ReportCreateRow = {
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
  };

  // The jurisdiction's rollup counts this report once for each initiative and
  // regulation it names (the MENTIONS and CITES above are one per name).
  const rollup = chain
    ? {
        key: chain.key,
        year: graph.year ?? null,
        names: [...new Set(graph.initiatives.map((i) => i.name))],
        titles: [...new Set(graph.regulations.map((r) => r.title))],
      }
    : null;
  return { id, create, columns, rollup };
}

/** One report's write: the batch of one. */
export function planReportWrite(graph: ReportGraph, meta: ReportMeta): PlannedStatement[] {
  return planReportsWrite([graph], [meta]);
}

/**
 * The statements that write several new reports (distinct ids, none stored)
 * in one transaction: each statement once for all of them, their rows
 * concatenated in the reports' order (a statement's fixed cost, ~0.2 ms on
 * the embedded store and a round trip on Neo4j, is paid once a batch). The
 * graph is the one writing them one after the other makes: rows keep the
 * reports' order, so the first report to name a shared node still creates it,
 * and the rollup counts each report once (see rollupRounds).
 */
export function planReportsWrite(graphs: readonly ReportGraph[], metas: readonly ReportMeta[]): PlannedStatement[] {
  const reports = graphs.map((graph, n) => reportRows(graph, metas[n]));
  const steps: PlannedStatement[] = [{ name: 'report_create', params: { reports: reports.map((r) => r.create) } }];
  for (const name of COLUMN_STATEMENTS) {
    const having = reports.filter((r) => r.columns.has(name));
    if (having.length) steps.push({ name, params: concatColumns(having.map((r) => ({ id: r.id, ...r.columns.get(name)! }))) });
  }
  steps.push(...aliasSteps(reports));
  for (const round of rollupRounds(reports)) {
    for (const kind of ROLLUP_KINDS) {
      // (what the jurisdiction has already counts one more; the rest is created: see rollup_count_mentions)
      const step = rollupSteps(kind, round);
      if (step) steps.push(step);
    }
  }
  return steps;
}

/**
 * The surface forms the batch gives its regulations and initiatives, one row
 * per title or name (the union of its reports' forms), for the statements
 * that add those a node lacks to its aliases (regulations_add_aliases,
 * initiatives_add_aliases). An initiative's forms other than its name only:
 * its name is not one of its aliases.
 */
function aliasSteps(reports: readonly ReportRows[]): PlannedStatement[] {
  const forms = (statement: ColumnStatement, key: string, list: string) => {
    const byKey = new Map<string, Set<string>>();
    for (const report of reports) {
      const columns = report.columns.get(statement)?.params;
      if (!columns) continue;
      const keys = columns[key] as string[];
      const lists = columns[list] as string[][];
      for (let k = 0; k < keys.length; k++) {
        if (!lists[k].length) continue;
        const known = byKey.get(keys[k]);
        if (known) for (const form of lists[k]) known.add(form);
        else byKey.set(keys[k], new Set(lists[k]));
      }
    }
    return byKey.size ? { keys: [...byKey.keys()], lists: [...byKey.values()].map((set) => [...set]) } : null;
  };
  const steps: PlannedStatement[] = [];
  const regulations = forms('report_cites_regulations', 'titles', 'surfaces');
  if (regulations) steps.push({ name: 'regulations_add_aliases', params: { titles: regulations.keys, surfaces: regulations.lists } });
  const initiatives = forms('report_mentions_initiatives', 'names', 'aliases');
  if (initiatives) steps.push({ name: 'initiatives_add_aliases', params: { names: initiatives.keys, aliases: initiatives.lists } });
  return steps;
}

/**
 * Several reports' columns of one statement as one: `reportIds` and `starts`
 * (report n's rows are starts[n] to starts[n + 1] - 1) and every column
 * concatenated. A column one report leaves null (`sentences`: no row keeps
 * its sentence as a string) is null rows there, or null for all when every
 * report leaves it null.
 */
function concatColumns(parts: Array<{ id: string; rows: number; params: Record<string, unknown> }>): Record<string, unknown> {
  const starts = [0];
  for (const part of parts) starts.push(starts[starts.length - 1] + part.rows);
  const out: Record<string, unknown> = { reportIds: parts.map((p) => p.id), starts };
  for (const column of Object.keys(parts[0].params)) {
    if (parts.every((p) => p.params[column] == null)) {
      out[column] = null;
      continue;
    }
    out[column] = parts.flatMap((p) => (p.params[column] as unknown[] | null) ?? new Array<null>(p.rows).fill(null));
  }
  return out;
}

type RollupRow = NonNullable<ReportRows['rollup']>;

/**
 * The reports' rollups in rounds in which no jurisdiction comes twice: a
 * rollup statement counts each of its jurisdictions once (one report more,
 * one year), so the second report of a jurisdiction in a batch is counted in
 * the next round, after the first one's relationships exist.
 */
function rollupRounds(reports: readonly ReportRows[]): RollupRow[][] {
  const rounds: RollupRow[][] = [];
  const seen = new Map<string, number>();
  for (const { rollup } of reports) {
    if (!rollup) continue;
    const round = seen.get(rollup.key) ?? 0;
    seen.set(rollup.key, round + 1);
    if (round === rounds.length) rounds.push([]);
    rounds[round].push(rollup);
  }
  return rounds;
}

/**
 * Parameters of report_same_issuer_year for reports (their ids, jurisdiction keys, issuers and
 * years), leaving out those that lack one of them and so cannot have a twin by that measure;
 * null when none is left.
 */
export function sameIssuerAndYearParams(graphs: readonly ReportGraph[]): ParamsOf<'report_same_issuer_year'> | null {
  const params = { ids: [] as string[], keys: [] as string[], years: [] as number[], issuers: [] as string[] };
  for (const graph of graphs) {
    const key = graph.jurisdiction ? jurisdictionChain(graph.jurisdiction).key : null;
    if (!key || graph.year == null || !graph.issuer?.name) continue;
    params.ids.push(graph.reportId);
    params.keys.push(key);
    params.years.push(graph.year);
    params.issuers.push(graph.issuer.name);
  }
  return params.ids.length ? params : null;
}

/**
 * Parameters of report_stored_as: whether the stored reports are what would be written now (same
 * extractor version, year and title; ingestReport can override the year and the title).
 */
export function storedAsIsParams(graphs: readonly ReportGraph[], version: string): ParamsOf<'report_stored_as'> {
  return { ids: graphs.map((g) => g.reportId), version, years: graphs.map((g) => g.year ?? null), titles: graphs.map((g) => g.title ?? null) };
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

/** The rollup's two kinds: the statements' suffix, the parameter (and the rollup's list) of the features, and the column the count returns. */
const ROLLUP_KINDS = [
  { kind: 'mentions', param: 'names', column: 'name' },
  { kind: 'citations', param: 'titles', column: 'title' },
] as const;

/**
 * One round's rollup of one kind: rollup_count_<kind> counts the
 * relationships each jurisdiction already has to its features, and its
 * follow-up rollup_add_<kind> creates the others (none: no follow-up).
 * Null when no report of the round has a feature of the kind.
 */
function rollupSteps({ kind, param, column }: (typeof ROLLUP_KINDS)[number], round: readonly RollupRow[]): PlannedStatement | null {
  const having = round.filter((r) => r[param].length);
  if (!having.length) return null;
  const paramsOf = (rows: ReadonlyArray<{ key: string; year: number | null; features: readonly string[] }>) => ({
    keys: rows.map((r) => r.key),
    years: rows.map((r) => r.year),
    [param]: rows.map((r) => r.features),
  });
  const counted = having.map((r) => ({ key: r.key, year: r.year, features: r[param] }));
  return {
    name: `rollup_count_${kind}`,
    params: paramsOf(counted),
    next: (rows) => {
      const had = new Set(rows.map((row) => `${row.key}\n${row[column]}`));
      const fresh = counted.map((r) => ({ ...r, features: r.features.filter((feature) => !had.has(`${r.key}\n${feature}`)) })).filter((r) => r.features.length);
      return fresh.length ? { name: `rollup_add_${kind}`, params: paramsOf(fresh) } : null;
    },
  };
}

/** The same item text twice in one report is one Problem/Plan node (its id is the text's hash). */
function dedupeByText<T extends { text: string }>(items: T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.text)) seen.set(item.text, item);
  return [...seen.values()];
}
