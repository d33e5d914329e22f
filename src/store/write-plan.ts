// The statements that write one report, in order, with their parameters.
// Both stores execute this same plan inside one transaction, so the embedded
// and the Neo4j graph of a report are the same graph.
import { createHash } from 'node:crypto';
import type { Mention, ReportGraph } from '../extract/types.js';
import { InvalidReportError } from './errors.js';
import { jurisdictionChain } from './jurisdiction-chain.js';

export interface PlannedStatement {
  name: string;
  params: Record<string, unknown>;
}

export interface ReportMeta {
  extractorVersion: string;
  file?: string;
  ingestedAt?: string;
}

/** Provenance as parallel lists (Neo4j properties cannot hold maps). */
export function provenanceLists(mentions: Mention[] | undefined, surface?: (m: Mention) => string) {
  const list = mentions ?? [];
  return {
    starts: list.map((m) => m.start),
    ends: list.map((m) => m.end),
    sentences: list.map((m) => m.sentence),
    sections: list.map((m) => (m.section ?? []).join(' > ')),
    ...(surface ? { surfaces: list.map(surface) } : {}),
  };
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
  graph.regulations.forEach((r, i) => !r?.title && problems.push(`regulation ${i} has no title`));
  graph.initiatives.forEach((x, i) => !x?.name && problems.push(`initiative ${i} has no name`));
  graph.problems.forEach((p, i) => !p?.text && problems.push(`problem ${i} has no text`));
  graph.plans.forEach((p, i) => !p?.text && problems.push(`plan ${i} has no text`));
  graph.metrics.forEach((m, i) => (!m?.indicator || !Number.isFinite(m.value)) && problems.push(`metric ${i} has no indicator or value`));
  if (graph.jurisdiction && !graph.jurisdiction.name) problems.push('the jurisdiction has no name');
  if (problems.length) throw new InvalidReportError(`cannot store report ${graph.reportId || '(no id)'}: ${problems.join('; ')}`);
}

export function planReportWrite(graph: ReportGraph, meta: ReportMeta): PlannedStatement[] {
  validateReportGraph(graph);
  const id = graph.reportId;
  const chain = graph.jurisdiction ? jurisdictionChain(graph.jurisdiction) : null;
  const sliceOf = (m: Mention) => graph.text.slice(m.start, m.end);
  const steps: PlannedStatement[] = [];
  const add = (name: string, params: Record<string, unknown>) => steps.push({ name, params });

  add('report_create', {
    props: {
      id,
      title: graph.title,
      year: graph.year,
      text: graph.text,
      issuerType: graph.issuer?.type ?? null,
      issuerName: graph.issuer?.name ?? null,
      jurisdictionKey: chain?.key ?? null,
      extractorVersion: meta.extractorVersion,
      file: meta.file ?? graph.source?.file ?? null,
      sourceUrl: graph.source?.url ?? null,
      published: graph.source?.published ?? null,
      ingestedAt: meta.ingestedAt ?? new Date().toISOString(),
    },
  });

  if (chain) {
    add('jurisdictions_merge', { rows: chain.nodes });
    if (chain.links.length) add('jurisdictions_link_parts', { rows: chain.links });
    add('report_link_jurisdiction', { id, key: chain.key });
    if (graph.issuer) {
      add('report_link_organization', {
        id,
        org: { key: `${chain.key}/${graph.issuer.name}`, name: graph.issuer.name, type: graph.issuer.type },
        jurisdictionKey: chain.key,
      });
    }
  }

  if (graph.regulations.length) {
    add('report_cites_regulations', {
      id,
      rows: graph.regulations.map((r) => ({
        title: r.title,
        kind: r.kind,
        scope: r.scope,
        surfaces: r.surface,
        rel: { action: r.action, count: r.count, ...provenanceLists(r.mentions, sliceOf) },
      })),
    });
    const issuerLinks = graph.regulations.flatMap((r) => {
      const key = r.issuer && chain?.keyByName.get(r.issuer);
      return key ? [{ title: r.title, key }] : [];
    });
    if (issuerLinks.length) add('regulations_link_issuers', { rows: issuerLinks });
  }

  if (graph.initiatives.length) {
    add('report_mentions_initiatives', {
      id,
      rows: graph.initiatives.map((i) => ({
        name: i.name,
        category: i.category,
        discovered: i.discovered ?? false,
        aliases: i.surface.filter((s) => s !== i.name),
        rel: { count: i.count, ...provenanceLists(i.mentions, sliceOf) },
      })),
    });
  }

  if (graph.problems.length) {
    add('report_identifies_problems', {
      id,
      rows: dedupeByText(graph.problems).map((p) => ({
        id: ownedId(id, 'problem', p.text),
        text: p.text,
        theme: p.theme,
        rel: provenanceLists(p.mentions),
      })),
    });
  }

  if (graph.plans.length) {
    const mentioned = new Set(graph.initiatives.map((i) => i.name));
    add('report_plans', {
      id,
      rows: dedupeByText(graph.plans).map((p) => ({
        id: ownedId(id, 'plan', p.text),
        text: p.text,
        // CONCERNS links only to initiatives this report's MENTIONS created.
        initiatives: p.initiatives.filter((name) => mentioned.has(name)),
        rel: provenanceLists(p.mentions),
      })),
    });
  }

  if (graph.metrics.length) {
    add('report_reports_metrics', {
      id,
      rows: graph.metrics.map((m) => ({
        indicator: m.indicator,
        rel: { value: m.value, unit: m.unit, surface: m.surface, qualifier: m.qualifier ?? null, ...provenanceLists(m.mentions) },
      })),
    });
  }
  return steps;
}

/** Statements that remove a report and whatever only it held up. */
export function planReportDelete(id: string): PlannedStatement[] {
  return [
    { name: 'report_delete_owned', params: { id } },
    { name: 'report_delete', params: { id } },
    ...['initiatives', 'regulations', 'indicators', 'themes', 'organizations'].map((what) => ({
      name: `orphans_delete_${what}`,
      params: {},
    })),
  ];
}

/** The same item text twice in one report is one Problem/Plan node (its id is the text's hash). */
function dedupeByText<T extends { text: string }>(items: T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.text)) seen.set(item.text, item);
  return [...seen.values()];
}
