// Initiative: a named reform, system, mechanism, platform or campaign
// (行政执法三项制度, 放管服, 一件事一次办), with every alias it was written as.
import { builder } from '../builder.js';
import { linkMentions } from '../response-budget.js';
import { EntityOrder, entityOrderParams, InitiativeCategory } from './enums.js';
import { Initiative, Report } from './refs.js';
import { listConnection, storeConnection } from '../pagination.js';
import { Mention } from './mention.js';
import { firstBy, initiativeNames } from '../names.js';
import { linkConnection, linkOf, mentionsOfEdge } from './links.js';
import { mentionsOf } from './shapes.js';

Initiative.implement({
  description: 'A named reform, system, mechanism, platform or campaign (举措/制度), e.g. 行政执法三项制度, 放管服改革.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Canonical name (规范名称).' }),
    aliases: t.stringList({ description: 'Other names it is written as (别名), e.g. 三项制度.', resolve: (i) => i.aliases ?? [] }),
    category: t.field({
      type: InitiativeCategory,
      nullable: true,
      description: 'Field of the initiative (from the lexicon, or guessed from its name when discovered); null when none applies.',
      resolve: (i) => i.category as (typeof InitiativeCategory)['$inferType'] | null,
    }),
    discovered: t.boolean({ description: 'True when found by pattern discovery rather than the curated lexicon.', resolve: (i) => Boolean(i.discovered) }),
    reports: t.connection(
      {
        type: Report,
        description: 'Reports that mention the initiative, newest first.',
        resolve: async (i, args, ctx) => {
          const rows = await ctx.rowsBy('initiative_reports', 'names', 'name').load(i.name);
          return linkConnection(
            args,
            null,
            rows.map((row) => ({ node: row.report, link: row.link, reportId: row.report.id })),
          );
        },
      },
      { name: 'InitiativeReportConnection' },
      {
        name: 'InitiativeReportEdge',
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
    mentions: t.connection({
      type: Mention,
      description: 'Every sentence that mentions the initiative, newest reports first: why the graph links a report to it.',
      resolve: async (i, args, ctx) => {
        const rows = await ctx.rowsBy('initiative_reports', 'names', 'name').load(i.name);
        return listConnection(
          args,
          rows.flatMap((row) => mentionsOf(row.report.id, row.link, true)),
        );
      },
    }),
  }),
});

const InitiativeFilter = builder.inputType('InitiativeFilter', {
  description: 'Conditions an initiative must meet.',
  fields: (t) => ({
    category: t.field({ type: InitiativeCategory, description: 'Only initiatives of this field, e.g. LAW_ENFORCEMENT.' }),
    text: t.string({ description: 'Substring of the name or of an alias.' }),
  }),
});

builder.queryFields((t) => ({
  initiatives: t.connection({
    type: Initiative,
    description: 'Initiatives, most widely mentioned first (by how many reports mention each) unless `orderBy` says otherwise.',
    args: {
      filter: t.arg({ type: InitiativeFilter, description: 'Conditions the initiatives must meet (all combine).' }),
      orderBy: t.arg({ type: EntityOrder, description: 'Sort order (default: REPORTS, largest first).' }),
      byName: t.arg.boolean({ description: 'Sort by name instead of by number of reports.', deprecationReason: 'Use `orderBy: {field: NAME}`.' }),
    },
    resolve: (_root, args, ctx) => {
      const params = { category: args.filter?.category ?? null, text: args.filter?.text ?? null };
      return storeConnection(args, async ({ offset, limit }) => {
        const [row] = await ctx.store.run('initiatives_list', { ...params, ...entityOrderParams(args.orderBy, args.byName), skip: offset, limit });
        return { items: row.initiatives, total: row.total };
      });
    },
  }),
  initiative: t.field({
    type: Initiative,
    nullable: true,
    description: 'One initiative by its canonical name or any alias ("三项制度" finds 行政执法三项制度).',
    args: { name: t.arg.string({ required: true, description: 'Canonical name or any alias (三项制度).' }) },
    resolve: async (_root, args, ctx) => {
      const names = initiativeNames(args.name);
      // By canonical name first: an index lookup, cached by initiative; the lookup by alias reads every
      // initiative, so it runs only when no initiative has one of the names as its own.
      const exact = (await ctx.store.run('initiatives_by_names', { names })).map((row) => row.initiative);
      if (exact.length) return firstBy(exact, (i) => i.name);
      const rows = await ctx.store.run('initiatives_lookup', { names });
      const found = rows.map((row) => row.initiative);
      // A canonical-name match beats an alias match.
      return found.find((i) => names.includes(i.name)) ?? found[0] ?? null;
    },
  }),
}));
