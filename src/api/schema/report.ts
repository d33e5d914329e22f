// Report: one annual rule-of-law government report (法治政府建设情况报告),
// with what was extracted from it.
import { builder } from '../builder.js';
import { initiativeNames, regulationTitles } from '../names.js';
import { Initiative, Jurisdiction, Problem, Regulation, Report } from './refs.js';
import { listConnection, storeConnection } from '../pagination.js';
import { CitationAction, IssuerType, JurisdictionLevel } from './enums.js';
import { Mention } from './mention.js';
import { mentionsOf } from './shapes.js';
import type { MetricLink } from '../../store/rows.js';
import { sized, VALUE_BYTES, linkMentions } from '../response-budget.js';

const Metric = builder.objectRef<{ reportId: string; indicator: string; link: MetricLink }>('Metric').implement({
  description: 'A number a report states about its own work (指标), with where it says so.',
  fields: (t) => ({
    indicator: t.exposeString('indicator', { description: 'What is counted (指标名称), e.g. 会前学法.' }),
    value: t.float({ description: 'The number (万 multiplied out for counts).', resolve: (m) => Number(m.link.value) }),
    unit: t.string({ nullable: true, description: 'Counting unit as written (次, 件, %, 万元…).', resolve: (m) => m.link.unit ?? null }),
    qualifier: t.string({ nullable: true, description: 'Approximation or bound word (余, 多, 以上…).', resolve: (m) => m.link.qualifier ?? null }),
    surface: t.string({ description: 'The words that state it.', resolve: (m) => m.link.surface ?? '' }),
    mentions: t.field({
      type: [Mention],
      extensions: linkMentions(),
      description: 'Where the report states it.',
      resolve: (m) => mentionsOf(m.reportId, m.link, false),
    }),
  }),
});
import { linkConnection, linkOf, mentionsOfEdge } from './links.js';

Report.implement({
  description: 'One annual rule-of-law government report (法治政府建设情况报告) and what was extracted from it.',
  fields: (t) => ({
    reportId: t.exposeString('id', { description: 'Stable id: a hash of the normalized text (the same text always has the same id).' }),
    title: t.exposeString('title', {
      nullable: true,
      description: 'Title (标题) of the report, when the text states one.',
      extensions: sized({ bytes: VALUE_BYTES.line }),
    }),
    year: t.exposeInt('year', { nullable: true, description: 'The year the report covers (not the year it was published).' }),
    issuerType: t.field({
      type: IssuerType,
      nullable: true,
      description: 'Government or department report.',
      resolve: (r) => r.issuerType as 'government' | 'department' | null,
    }),
    issuerName: t.exposeString('issuerName', {
      nullable: true,
      description: 'Name of the issuing government or department (发布单位).',
      extensions: sized({ bytes: VALUE_BYTES.line }),
    }),
    file: t.exposeString('file', { nullable: true, description: 'File the report was ingested from.', extensions: sized({ bytes: VALUE_BYTES.line }) }),
    sourceUrl: t.exposeString('sourceUrl', {
      nullable: true,
      description: "Address of the web page the report was read from (an HTML page's canonical link or og:url, or the `url` given at ingest), when known.",
      extensions: sized({ bytes: VALUE_BYTES.line }),
    }),
    extractorVersion: t.exposeString('extractorVersion', { nullable: true, description: "Version of the extractor that produced this report's facts." }),
    ingestedAt: t.exposeString('ingestedAt', { nullable: true, description: 'When the report was written to the store (ISO 8601).' }),
    text: t.string({
      description: 'The normalized text; every Mention offset points into it.',
      extensions: sized({ bytes: VALUE_BYTES.text }),
      resolve: async (r, _args, ctx) => {
        ctx.budget.ensure('Report.text');
        const rows = await ctx.rowsBy('report_texts_by_ids', 'ids', 'id').load(r.id);
        return ctx.budget.chargeString(String(rows[0]?.text ?? ''), 'Report.text');
      },
    }),
    jurisdiction: t.field({
      type: Jurisdiction,
      nullable: true,
      description: 'The jurisdiction (行政区) the report is about.',
      resolve: async (r, _args, ctx) => {
        const rows = await ctx.rowsBy('report_jurisdictions', 'ids', 'id').load(r.id);
        return (rows[0]?.jurisdiction as never) ?? null;
      },
    }),
    jurisdictionConfidence: t.float({
      nullable: true,
      description:
        'How sure the reading of the jurisdiction is, 0..1: near 1 when the title or the issuing government names one place; null when no place was named.',
      resolve: (r) => (typeof r.jurisdictionConfidence === 'number' ? r.jurisdictionConfidence : null),
    }),
    jurisdictionBasis: t.string({
      nullable: true,
      description: 'What decided the jurisdiction ("the title names 海东市"), or, when none was given, why (the evidence was too weak to name one).',
      extensions: sized({ bytes: VALUE_BYTES.line }),
      resolve: (r) => r.jurisdictionBasis ?? null,
    }),
    initiatives: t.connection(
      {
        type: Initiative,
        description: 'Initiatives (named reforms, systems, campaigns) the report mentions, most mentioned first.',
        resolve: async (r, args, ctx) => {
          const rows = await ctx.rowsBy('report_initiatives', 'ids', 'id').load(r.id);
          return linkConnection(
            args,
            r.id,
            rows.map((row) => ({ node: row.initiative, link: row.link })),
          );
        },
      },
      { name: 'ReportInitiativeConnection' },
      {
        name: 'ReportInitiativeEdge',
        fields: (e) => ({
          count: e.int({ description: 'Times the report mentions the initiative.', resolve: (edge) => linkOf(edge).count ?? 0 }),
          mentions: e.field({
            type: [Mention],
            extensions: linkMentions(),
            description: 'Where the report mentions it.',
            resolve: (edge) => mentionsOfEdge(edge),
          }),
        }),
      },
    ),
    regulations: t.connection(
      {
        type: Regulation,
        description: 'Regulations the report cites in 《》, most cited first.',
        resolve: async (r, args, ctx) => {
          const rows = await ctx.rowsBy('report_regulations', 'ids', 'id').load(r.id);
          return linkConnection(
            args,
            r.id,
            rows.map((row) => ({ node: row.regulation, link: row.link })),
          );
        },
      },
      { name: 'ReportRegulationConnection' },
      {
        name: 'ReportRegulationEdge',
        fields: (e) => ({
          action: e.field({
            type: CitationAction,
            nullable: true,
            description: 'What the report did with the regulation.',
            resolve: (edge) => (linkOf(edge).action ?? null) as never,
          }),
          count: e.int({ description: 'Times the report cites it.', resolve: (edge) => linkOf(edge).count ?? 0 }),
          mentions: e.field({
            type: [Mention],
            extensions: linkMentions(),
            description: 'Where the report cites it.',
            resolve: (edge) => mentionsOfEdge(edge),
          }),
        }),
      },
    ),
    metrics: t.connection({
      type: Metric,
      description: 'Quantitative facts the report states about its own work (出庭应诉率100%, 会前学法19次), in text order.',
      resolve: async (r, args, ctx) =>
        listConnection(
          args,
          (await ctx.rowsBy('report_metrics', 'ids', 'id').load(r.id)).map((row) => ({ reportId: r.id, indicator: String(row.indicator), link: row.link })),
        ),
    }),
    problems: t.connection({
      type: Problem,
      description: 'Problems (存在的问题/不足) the report admits, in the order written.',
      resolve: async (r, args, ctx) => {
        const rows = await ctx.rowsBy('report_problems', 'ids', 'id').load(r.id);
        return listConnection(
          args,
          rows.map((row) => row.problem),
        );
      },
    }),
  }),
});

const ReportFilter = builder.inputType('ReportFilter', {
  description: 'Conditions a report must meet; all given conditions combine with AND.',
  fields: (t) => ({
    yearFrom: t.int({ description: 'Covered year at least this.' }),
    yearTo: t.int({ description: 'Covered year at most this.' }),
    issuerType: t.field({ type: IssuerType, description: 'Government or department reports only.' }),
    level: t.field({ type: JurisdictionLevel, description: 'Reports about jurisdictions of this level only.' }),
    province: t.string({ description: 'Reports about jurisdictions of this province (四川省).' }),
    jurisdiction: t.string({
      description: 'Reports about one jurisdiction, by code, short name or full name (every jurisdiction of an ambiguous short name).',
    }),
    mentionsInitiative: t.string({ description: 'Reports that mention this initiative (any alias).' }),
    citesRegulation: t.string({ description: 'Reports that cite this regulation (any title variant).' }),
  }),
});

builder.queryFields((t) => ({
  reports: t.connection({
    type: Report,
    description: 'Reports, newest first (or oldest first).',
    args: {
      filter: t.arg({ type: ReportFilter, description: 'Conditions the reports must meet (all combine).' }),
      oldestFirst: t.arg.boolean({ description: 'Sort by year ascending instead of descending.' }),
    },
    resolve: async (_root, args, ctx) => {
      const f = args.filter;
      const jurisdictionKeys = f?.jurisdiction
        ? (await ctx.store.run('jurisdictions_lookup', { name: f.jurisdiction.trim() })).map((row) => row.jurisdiction.key)
        : null;
      const filter = {
        yearFrom: f?.yearFrom ?? null,
        yearTo: f?.yearTo ?? null,
        issuerType: f?.issuerType ?? null,
        level: f?.level ?? null,
        province: f?.province ?? null,
        jurisdictionKeys,
        initiatives: f?.mentionsInitiative ? initiativeNames(f.mentionsInitiative) : null,
        regulations: f?.citesRegulation ? regulationTitles(f.citesRegulation) : null,
      };
      // a filter on the reports' own properties alone gets the statement without the graph tests (see its header)
      const statement =
        filter.level === null && filter.province === null && filter.initiatives === null && filter.regulations === null
          ? 'reports_list_by_properties'
          : 'reports_list';
      return storeConnection(args, async ({ offset, limit }) => {
        const params = { ...filter, oldestFirst: args.oldestFirst ?? false, skip: offset, limit };
        // (the store's co-occurrence index may list the reports by their own properties)
        const indexed = statement === 'reports_list_by_properties' ? ((await ctx.store.indexedRows?.(statement, params)) ?? null) : null;
        const [row] = indexed ?? (await ctx.store.run(statement, params));
        return { items: row.reports, total: row.total };
      });
    },
  }),
  report: t.field({
    type: Report,
    nullable: true,
    description: 'One report by its id (`reportId`).',
    args: { id: t.arg.string({ required: true, description: 'The report id (`reportId`: a hash of the normalized text), not the global `id`.' }) },
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.store.run('reports_by_ids', { ids: [args.id] });
      return rows[0]?.report ?? null;
    },
  }),
}));
