// Jurisdiction: a province, prefecture or county-level unit, keyed by its
// GB/T 2260 code.
import { GraphQLError } from 'graphql';
import { initiativeNames, regulationTitles } from '../names.js';
import { builder } from '../builder.js';
import type { AppContext } from '../context.js';
import { Initiative, Jurisdiction, Regulation, Report } from './refs.js';
import { listConnection, storeConnection } from '../pagination.js';
import { JurisdictionLevel } from './enums.js';
import type { InitiativeShape, JurisdictionShape, RegulationShape, ReportShape } from './shapes.js';

Jurisdiction.implement({
  description: 'A jurisdiction (行政区): province 省级, prefecture 地级 or county-level 县级 unit.',
  fields: (t) => ({
    code: t.exposeString('code', { nullable: true, description: '6-digit administrative division code (行政区划代码, GB/T 2260).' }),
    name: t.exposeString('name', { description: 'Short name as reports use it: 罗江区.' }),
    fullName: t.exposeString('fullName', { description: 'Name with its parents: 四川省德阳市罗江区.' }),
    level: t.field({ type: JurisdictionLevel, nullable: true, description: 'Administrative level.', resolve: (j) => j.level as never }),
    province: t.field({
      type: Jurisdiction,
      nullable: true,
      description: 'The province-level unit it belongs to (itself for a province).',
      resolve: (j, _args, ctx) => (j.level === 'province' ? j : parentAt(ctx, j, 'province')),
    }),
    prefecture: t.field({
      type: Jurisdiction,
      nullable: true,
      description: 'The prefecture-level unit a county belongs to.',
      resolve: (j, _args, ctx) => (j.level === 'prefecture' ? j : parentAt(ctx, j, 'prefecture')),
    }),
    reports: t.connection({
      type: Report,
      description: 'Reports about this jurisdiction, newest first.',
      resolve: async (j, args, ctx) => {
        const rows = await ctx.rowsBy('jurisdiction_reports', 'keys', 'key').load(j.key);
        return listConnection(args, rows.map((row) => row.report as ReportShape));
      },
    }),
    initiatives: t.connection(
      {
        type: Initiative,
        description: "Initiatives mentioned in this jurisdiction's reports, most mentioned first.",
        resolve: async (j, args, ctx) => {
          const rows = await ctx.rowsBy('jurisdiction_initiatives', 'keys', 'key').load(j.key);
          return countedConnection(args, rows.map((row) => ({ node: row.initiative as InitiativeShape, reports: Number(row.reports), mentions: Number(row.mentions) })));
        },
      },
      { name: 'JurisdictionInitiativeConnection' },
      { name: 'JurisdictionInitiativeEdge', fields: countedEdgeFields },
    ),
    regulations: t.connection(
      {
        type: Regulation,
        description: "Regulations cited in this jurisdiction's reports, most cited first.",
        resolve: async (j, args, ctx) => {
          const rows = await ctx.rowsBy('jurisdiction_regulations', 'keys', 'key').load(j.key);
          return countedConnection(args, rows.map((row) => ({ node: row.regulation as RegulationShape, reports: Number(row.reports), mentions: Number(row.mentions) })));
        },
      },
      { name: 'JurisdictionRegulationConnection' },
      { name: 'JurisdictionRegulationEdge', fields: countedEdgeFields },
    ),
  }),
});

async function parentAt(ctx: AppContext, j: JurisdictionShape, level: string) {
  const rows = await ctx.rowsBy('jurisdiction_parents', 'keys', 'key').load(j.key);
  return (rows.map((row) => row.parent as JurisdictionShape).find((p) => p.level === level) ?? null) as JurisdictionShape | null;
}

interface Counted<T> {
  node: T;
  reports: number;
  mentions: number;
}

function countedConnection<T>(args: Parameters<typeof listConnection>[0], items: Counted<T>[]) {
  const page = listConnection(args, items);
  return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: edge.node.node, counted: edge.node })) };
}

const countedOf = (edge: unknown) => (edge as { counted: Counted<unknown> }).counted;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by two edge types of different node types
function countedEdgeFields(e: any) {
  return {
    reportCount: e.int({ description: 'Reports of this jurisdiction that mention it.', resolve: (edge: unknown) => countedOf(edge).reports }),
    mentionCount: e.int({ description: 'Mentions over all those reports.', resolve: (edge: unknown) => countedOf(edge).mentions }),
  };
}

const JurisdictionFilter = builder.inputType('JurisdictionFilter', {
  description: 'Conditions a jurisdiction must meet; all given conditions combine with AND.',
  fields: (t) => ({
    level: t.field({ type: JurisdictionLevel, description: 'Administrative level; COUNTY means every county-level unit (县, 区, 县级市, 旗).' }),
    province: t.string({ description: 'Province-level unit by name: 四川省.' }),
    text: t.string({ description: 'Substring of the full name.' }),
    mentionsInitiative: t.string({
      description: 'Only jurisdictions whose reports mention this initiative, by canonical name or any alias (三项制度 = 行政执法三项制度).',
    }),
    citesRegulation: t.string({
      description: 'Only jurisdictions whose reports cite this regulation, by any variant of its title (with or without 《》, any dash or bracket width).',
    }),
  }),
});

builder.queryFields((t) => ({
  jurisdictions: t.connection({
    type: Jurisdiction,
    description: 'Jurisdictions, by full name; filters combine (which counties cite 三项制度: `{level: COUNTY, mentionsInitiative: "三项制度"}`).',
    args: { filter: t.arg({ type: JurisdictionFilter }) },
    resolve: (_root, args, ctx) => {
      const f = args.filter;
      const params = {
        level: f?.level ?? null,
        province: f?.province ?? null,
        text: f?.text ?? null,
        initiatives: f?.mentionsInitiative ? initiativeNames(f.mentionsInitiative) : null,
        regulations: f?.citesRegulation ? regulationTitles(f.citesRegulation) : null,
      };
      return storeConnection(
        args,
        async ({ offset, limit }) =>
          (await ctx.store.run('jurisdictions_list', { ...params, skip: offset, limit })).map((row) => row.jurisdiction as JurisdictionShape),
        async () => Number((await ctx.store.run('jurisdictions_count', params))[0]?.total ?? 0),
      );
    },
  }),
  jurisdiction: t.field({
    type: Jurisdiction,
    nullable: true,
    description: 'One jurisdiction by code (510604), short name (罗江区) or full name (四川省德阳市罗江区). An ambiguous short name is an error that lists the candidates.',
    args: { name: t.arg.string({ required: true, description: 'Code, short name or full name.' }) },
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.store.run('jurisdictions_lookup', { name: args.name.trim() });
      const found = rows.map((row) => row.jurisdiction as JurisdictionShape);
      if (found.length > 1) {
        throw new GraphQLError(`"${args.name}" is ambiguous: ${found.map((j) => `${j.fullName} (${j.code ?? j.key})`).join(', ')}; ask by code or full name`, {
          extensions: { code: 'AMBIGUOUS_NAME' },
        });
      }
      return found[0] ?? null;
    },
  }),
}));
