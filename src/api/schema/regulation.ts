// Regulation: a document cited in 《》 — law, regulation, rule, plan,
// normative document — under a canonical title that its variants share.
import { builder } from '../builder.js';
import { linkMentions } from '../response-budget.js';
import { Regulation, Report } from './refs.js';
import { listConnection, storeConnection } from '../pagination.js';
import { CitationAction, EntityOrder, entityOrderParams, RegulationKind, RegulationScope } from './enums.js';
import { Mention } from './mention.js';
import { firstBy, regulationTitles } from '../names.js';
import { linkConnection, linkOf, mentionsOfEdge } from './links.js';
import { mentionsOf } from './shapes.js';

Regulation.implement({
  description: 'A document cited in 《》 (法规/规章/规范性文件…), under its canonical title.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Canonical title, without 《》.' }),
    aliases: t.stringList({
      description: 'Every form the title was written in (dash, bracket and digit variants, short forms).',
      resolve: (g) => g.aliases ?? [],
    }),
    kind: t.field({ type: RegulationKind, nullable: true, description: 'Kind of document.', resolve: (g) => g.kind as never }),
    scope: t.field({ type: RegulationScope, nullable: true, description: 'National, provincial or local.', resolve: (g) => g.scope as never }),
    citedBy: t.connection(
      {
        type: Report,
        description: 'Reports that cite it, newest first.',
        resolve: async (g, args, ctx) => {
          const rows = await ctx.rowsBy('regulation_reports', 'titles', 'title').load(g.title);
          return linkConnection(
            args,
            null,
            rows.map((row) => ({ node: row.report, link: row.link, reportId: row.report.id })),
          );
        },
      },
      { name: 'RegulationCitationConnection' },
      {
        name: 'RegulationCitationEdge',
        fields: (e) => ({
          action: e.field({
            type: CitationAction,
            nullable: true,
            description: 'What the report did with it.',
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
    mentions: t.connection({
      type: Mention,
      description: 'Every sentence that cites it, newest reports first.',
      resolve: async (g, args, ctx) => {
        const rows = await ctx.rowsBy('regulation_reports', 'titles', 'title').load(g.title);
        return listConnection(
          args,
          rows.flatMap((row) => mentionsOf(row.report.id, row.link, true)),
        );
      },
    }),
  }),
});

const RegulationFilter = builder.inputType('RegulationFilter', {
  description: 'Conditions a regulation must meet; all given conditions combine with AND.',
  fields: (t) => ({
    kind: t.field({ type: RegulationKind, description: 'Kind of document (law, rule, plan, …).' }),
    scope: t.field({ type: RegulationScope, description: 'National, provincial or local.' }),
    text: t.string({ description: 'Substring of the canonical title.' }),
  }),
});

builder.queryFields((t) => ({
  regulations: t.connection({
    type: Regulation,
    description: 'Regulations, most widely cited first (by how many reports cite each) unless `orderBy` says otherwise.',
    args: {
      filter: t.arg({ type: RegulationFilter, description: 'Conditions the regulations must meet (all combine).' }),
      orderBy: t.arg({ type: EntityOrder, description: 'Sort order (default: REPORTS, largest first; NAME sorts by title).' }),
      byName: t.arg.boolean({ description: 'Sort by title instead of by number of citing reports.', deprecationReason: 'Use `orderBy: {field: NAME}`.' }),
    },
    resolve: (_root, args, ctx) => {
      const params = { kind: args.filter?.kind ?? null, scope: args.filter?.scope ?? null, text: args.filter?.text ?? null };
      return storeConnection(args, async ({ offset, limit }) => {
        const [row] = await ctx.store.run('regulations_list', { ...params, ...entityOrderParams(args.orderBy, args.byName), skip: offset, limit });
        return { items: row.regulations, total: row.total };
      });
    },
  }),
  regulation: t.field({
    type: Regulation,
    nullable: true,
    description: 'One regulation by any variant of its title (法治政府建设实施纲要(2021-2025年) finds the canonical 法治政府建设实施纲要（2021—2025年）).',
    args: { title: t.arg.string({ required: true, description: 'Canonical title or any variant of it, with or without 《》.' }) },
    resolve: async (_root, args, ctx) => {
      const titles = regulationTitles(args.title);
      // By canonical title first (an index lookup, cached by regulation); the lookup by variant reads every regulation.
      const exact = (await ctx.store.run('regulations_by_titles', { titles })).map((row) => row.regulation);
      if (exact.length) return firstBy(exact, (g) => g.title);
      const rows = await ctx.store.run('regulations_lookup', { titles });
      const found = rows.map((row) => row.regulation);
      return found.find((g) => titles.includes(g.title)) ?? found[0] ?? null;
    },
  }),
}));
