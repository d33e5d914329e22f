// Problem: a shortcoming a report admits in its 存在的问题/不足 section.
import { builder } from '../builder.js';
import { Problem, Report } from './refs.js';
import { storeConnection } from '../pagination.js';
import { Mention } from './mention.js';
import { mentionsOf } from './shapes.js';
import { sized, VALUE_BYTES, linkMentions } from '../response-budget.js';

Problem.implement({
  description: 'A shortcoming (存在的问题/不足) a report admits.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The problem as the report states it.', extensions: sized({ bytes: VALUE_BYTES.line }) }),
    theme: t.exposeString('theme', { nullable: true, description: 'Theme from the problem taxonomy (问题类别).' }),
    report: t.field({ type: Report, description: 'The report that admits it.', resolve: (p, _args, ctx) => Report.getDataloader(ctx).load(p.reportId) }),
    mentions: t.field({
      type: [Mention],
      extensions: linkMentions(),
      description: 'Where the report states it.',
      resolve: async (p, _args, ctx) => {
        const rows = await ctx.rowsBy('problem_mentions', 'ids', 'id').load(p.id);
        return rows.flatMap((row) => mentionsOf(p.reportId, row.link, false));
      },
    }),
  }),
});

const ProblemFilter = builder.inputType('ProblemFilter', {
  description: 'Conditions a problem must meet.',
  fields: (t) => ({ theme: t.string({ description: 'Theme name from the problem taxonomy.' }) }),
});

builder.queryFields((t) => ({
  problems: t.connection({
    type: Problem,
    description: 'Problems, newest reports first.',
    args: { filter: t.arg({ type: ProblemFilter, description: 'Conditions the problems must meet.' }) },
    resolve: (_root, args, ctx) => {
      const params = { theme: args.filter?.theme ?? null };
      return storeConnection(args, async ({ offset, limit }) => {
        const [row] = await ctx.store.run('problems_list', { ...params, skip: offset, limit });
        return { items: row.problems, total: row.total };
      });
    },
  }),
}));
