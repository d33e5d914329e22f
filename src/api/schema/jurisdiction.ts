// Jurisdiction: a province, prefecture or county-level unit, keyed by its
// GB/T 2260 code.
import { GraphQLError } from 'graphql';
import { initiativeNames, regulationTitles } from '../names.js';
import { builder } from '../builder.js';
import type { AppContext } from '../context.js';
import { narrowedStatement } from '../narrowed.js';
import { runWith, type RowOf } from '../../store/types.js';
import { isIndexedStatement, type Tally } from '../../store/cooccurrence-index.js';
import { Initiative, Jurisdiction, Regulation, Report } from './refs.js';
import { lazyListConnection, listConnection, storeConnection } from '../pagination.js';
import { InitiativeCategory, IssuerType, JurisdictionLevel, RegulationKind, RegulationScope } from './enums.js';
import { Mention } from './mention.js';
import { mentionsOf, type JurisdictionShape } from './shapes.js';

Jurisdiction.implement({
  description:
    'A jurisdiction (行政区): province 省级, prefecture 地级 or county-level 县级 unit, a development zone or new area (经开区, 高新区, 新区), or a township 乡级.',
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
      description: 'The prefecture-level unit a county, zone or township belongs to (itself for a prefecture).',
      resolve: (j, _args, ctx) => (j.level === 'prefecture' ? j : parentAt(ctx, j, 'prefecture')),
    }),
    county: t.field({
      type: Jurisdiction,
      nullable: true,
      description: 'The county-level unit a township (or a zone a district runs) belongs to (itself for a county).',
      resolve: (j, _args, ctx) => (j.level === 'county' ? j : j.level === 'township' || j.level === 'zone' ? parentAt(ctx, j, 'county') : null),
    }),
    evidence: t.connection({
      type: Mention,
      description:
        'Why the graph links this jurisdiction to an initiative or a regulation: every sentence of its reports that mentions or cites it (alias- and variant-aware), newest first.',
      args: {
        initiative: t.arg.string({ description: 'An initiative by name or alias (三项制度).' }),
        regulation: t.arg.string({ description: 'A regulation by any variant of its title.' }),
      },
      resolve: async (j, args, ctx) => {
        if (!args.initiative && !args.regulation) {
          throw new GraphQLError('evidence needs `initiative` or `regulation`', { extensions: { code: 'BAD_USER_INPUT' } });
        }
        // batched: one store call for every jurisdiction of a list that asks the same question
        const rows = await ctx
          .rowsBy('jurisdiction_evidence', 'keys', 'key', {
            initiatives: args.initiative ? initiativeNames(args.initiative) : null,
            regulations: args.regulation ? regulationTitles(args.regulation) : null,
          })
          .load(j.key);
        return listConnection(
          args,
          rows.flatMap((row) => mentionsOf(String(row.reportId), row.link, true)),
        );
      },
    }),
    reports: t.connection({
      type: Report,
      description: 'Reports about this jurisdiction, newest first.',
      resolve: async (j, args, ctx) => {
        const rows = await ctx.rowsBy('jurisdiction_reports', 'keys', 'key').load(j.key);
        return listConnection(
          args,
          rows.map((row) => row.report),
        );
      },
    }),
    initiatives: t.connection(
      {
        type: Initiative,
        description: "Initiatives mentioned in this jurisdiction's reports, most mentioned first.",
        resolve: async (j, args, ctx) => {
          const tallied = await ctx.store.indexedTallies?.('Initiative', [j.key]);
          if (tallied)
            return talliedConnection(
              args,
              tallied,
              (names) => ctx.rowsBy('initiatives_by_names', 'names', 'name').loadMany(names),
              (row) => row.initiative,
            );
          const rows = await ctx.rowsBy('jurisdiction_initiatives', 'keys', 'key').load(j.key);
          return countedConnection(
            args,
            rows.map((row) => ({ node: row.initiative, reports: Number(row.reports), mentions: Number(row.mentions) })),
          );
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
          const tallied = await ctx.store.indexedTallies?.('Regulation', [j.key]);
          if (tallied)
            return talliedConnection(
              args,
              tallied,
              (titles) => ctx.rowsBy('regulations_by_titles', 'titles', 'title').loadMany(titles),
              (row) => row.regulation,
            );
          const rows = await ctx.rowsBy('jurisdiction_regulations', 'keys', 'key').load(j.key);
          return countedConnection(
            args,
            rows.map((row) => ({ node: row.regulation, reports: Number(row.reports), mentions: Number(row.mentions) })),
          );
        },
      },
      { name: 'JurisdictionRegulationConnection' },
      { name: 'JurisdictionRegulationEdge', fields: countedEdgeFields },
    ),
  }),
});

async function parentAt(ctx: AppContext, j: JurisdictionShape, level: string) {
  const rows = await ctx.rowsBy('jurisdiction_parents', 'keys', 'key').load(j.key);
  return rows.map((row) => row.parent).find((p) => p.level === level) ?? null;
}

interface Counted<T> {
  node: T;
  reports: number;
  mentions: number;
}

async function countedConnection<T>(args: Parameters<typeof listConnection>[0], items: Counted<T>[]) {
  const page = await listConnection(args, items);
  return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: edge.node.node, counted: edge.node })) };
}

/**
 * countedConnection over the store index's tallies (the statement's rows without their nodes): only
 * the nodes of the slices a page asks for are read (`load`: their rows by key, in the keyed
 * statement's columns), so the first ten of a county's 380 regulations read ten.
 */
async function talliedConnection<R, T>(
  args: Parameters<typeof listConnection>[0],
  tallied: Tally[],
  load: (keys: string[]) => Promise<Array<R[] | Error>>,
  nodeOf: (row: R) => T,
) {
  const connection = await lazyListConnection(args, tallied.length, async (from, to) => {
    const part = tallied.slice(from, to);
    const rows = await load(part.map((t) => t.other));
    return part.map((t, k): Counted<T> => {
      const found = rows[k];
      if (found instanceof Error || !found[0]) throw new GraphQLError(`"${t.other}" was deleted while this page was read; ask again`);
      return { node: nodeOf(found[0]), reports: t.reports, mentions: t.mentions };
    });
  });
  return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: edge.node.node, counted: edge.node })) };
}

const countedOf = (edge: unknown) => (edge as { counted: Counted<unknown> }).counted;

// biome-ignore lint/suspicious/noExplicitAny: shared by two edge types of different node types (Pothos types each builder apart)
function countedEdgeFields(e: any) {
  return {
    reportCount: e.int({ description: 'Reports of this jurisdiction that mention it.', resolve: (edge: unknown) => countedOf(edge).reports }),
    mentionCount: e.int({ description: 'Mentions over all those reports.', resolve: (edge: unknown) => countedOf(edge).mentions }),
  };
}

const JurisdictionFilter = builder.inputType('JurisdictionFilter', {
  description:
    'Conditions a jurisdiction must meet; all given conditions combine with AND. Year range and issuer type also restrict the reports the other conditions look at.',
  fields: (t) => ({
    level: t.field({
      type: JurisdictionLevel,
      description: 'Administrative level; COUNTY means every county-level unit (县, 区, 县级市, 旗, 自治县), not the zones and townships within them.',
    }),
    province: t.string({ description: 'Province-level unit by name: 四川省.' }),
    prefecture: t.string({ description: 'Prefecture-level unit by name (its counties, and itself): 德阳市.' }),
    text: t.string({ description: 'Substring of the full name.' }),
    yearFrom: t.int({ description: 'Only jurisdictions with a report covering this year or later.' }),
    yearTo: t.int({ description: 'Only jurisdictions with a report covering this year or earlier.' }),
    issuerType: t.field({ type: IssuerType, description: 'Only reports of this kind of issuer count.' }),
    mentionsInitiative: t.string({
      description: 'Only jurisdictions whose reports mention this initiative, by canonical name or any alias (三项制度 = 行政执法三项制度).',
    }),
    initiativeCategory: t.field({ type: InitiativeCategory, description: 'Only jurisdictions whose reports mention an initiative of this field.' }),
    citesRegulation: t.string({
      description: 'Only jurisdictions whose reports cite this regulation, by any variant of its title (with or without 《》, any dash or bracket width).',
    }),
    regulationKind: t.field({ type: RegulationKind, description: 'Only jurisdictions whose reports cite a regulation of this kind.' }),
    regulationScope: t.field({ type: RegulationScope, description: 'Only jurisdictions whose reports cite a regulation of this scope.' }),
    problemTheme: t.string({ description: 'Only jurisdictions whose reports admit a problem of this theme.' }),
  }),
});

const JurisdictionOrderField = builder.enumType('JurisdictionOrderField', {
  description: 'What to sort jurisdictions by.',
  values: {
    FULL_NAME: { value: 'fullName', description: 'Full name (province, prefecture, name).' },
    NAME: { value: 'name', description: 'Short name.' },
    REPORTS: { value: 'reports', description: 'Number of reports about the jurisdiction.' },
  } as const,
});

const JurisdictionOrder = builder.inputType('JurisdictionOrder', {
  description: 'Sort order of a jurisdiction list.',
  fields: (t) => ({
    field: t.field({ type: JurisdictionOrderField, required: true, description: 'The sort key.' }),
    descending: t.boolean({ description: 'Largest first (default false).' }),
  }),
});

type FilterArg = typeof JurisdictionFilter.$inferInput | null | undefined;

/** The statement parameters of a jurisdiction filter (null = no condition). */
export function jurisdictionFilterParams(f: FilterArg) {
  return {
    level: f?.level ?? null,
    province: f?.province ?? null,
    prefecture: f?.prefecture ?? null,
    text: f?.text ?? null,
    yearFrom: f?.yearFrom ?? null,
    yearTo: f?.yearTo ?? null,
    issuerType: f?.issuerType ?? null,
    initiatives: f?.mentionsInitiative ? initiativeNames(f.mentionsInitiative) : null,
    initiativeCategory: f?.initiativeCategory ?? null,
    regulations: f?.citesRegulation ? regulationTitles(f.citesRegulation) : null,
    regulationKind: f?.regulationKind ?? null,
    regulationScope: f?.regulationScope ?? null,
    problemTheme: f?.problemTheme ?? null,
  };
}

/**
 * The statement that answers a jurisdiction filter: the general ones test the
 * reports (EXISTS), which the embedded engine does for every candidate even
 * when the condition's parameters are null; a filter that needs no report
 * test gets a statement without them (same answer, held to it by
 * test/integration/store/rollup.test.ts).
 */
export function jurisdictionListStatement(params: ReturnType<typeof jurisdictionFilterParams>) {
  const testsReports =
    params.issuerType !== null ||
    params.regulations !== null ||
    params.regulationKind !== null ||
    params.regulationScope !== null ||
    params.problemTheme !== null;
  // With an initiative named, start from its node rather than test every jurisdiction; the rollup holds the years.
  if (params.initiatives) return testsReports ? 'jurisdictions_list_by_initiative' : 'jurisdictions_list_by_initiative_rollup';
  const placeOnly = !testsReports && params.initiativeCategory === null && params.yearFrom === null && params.yearTo === null;
  return placeOnly ? 'jurisdictions_list_by_place' : 'jurisdictions_list';
}

/**
 * The list's statement with its filter; by initiative, also the `_among` form
 * the text index can narrow it to (the initiatives whose names or aliases may
 * be one of those asked for), as search is narrowed.
 */
function jurisdictionListRead(params: ReturnType<typeof jurisdictionFilterParams>): Parameters<typeof narrowedStatement>[1] {
  const statement = jurisdictionListStatement(params);
  if (!params.initiatives) return { statement, params };
  const among = statement === 'jurisdictions_list_by_initiative' ? 'jurisdictions_list_by_initiative_among' : 'jurisdictions_list_by_initiative_rollup_among';
  return { statement, params, narrowed: { kind: 'Initiative', texts: params.initiatives, statement: among, param: 'candidates' } };
}

const FacetValue = builder.objectRef<{ value: string; count: number }>('FacetValue').implement({
  description: 'One value of a facet and how many matching jurisdictions have it.',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'The value (a province, a level, a year, a category…).' }),
    count: t.exposeInt('count', { description: 'Matching jurisdictions with this value.' }),
  }),
});

const JurisdictionFacets = builder.objectRef<Map<string, { value: string; count: number }[]>>('JurisdictionFacets').implement({
  description: 'Counts of the jurisdictions matching the filter, by province, level, report year, initiative category, regulation kind and problem theme.',
  fields: (t) => {
    const facet = (name: string, description: string) => t.field({ type: [FacetValue], description, resolve: (facets) => facets.get(name) ?? [] });
    return {
      province: facet('province', 'By province.'),
      level: facet('level', 'By administrative level (province, prefecture, county).'),
      year: facet('year', 'By year covered by one of their reports.'),
      initiativeCategory: facet('initiativeCategory', 'By category of the initiatives their reports mention.'),
      regulationKind: facet('regulationKind', 'By kind of the regulations their reports cite.'),
      problemTheme: facet('problemTheme', 'By theme of the problems their reports admit.'),
    };
  },
});

builder.queryFields((t) => ({
  jurisdictions: t.connection(
    {
      type: Jurisdiction,
      description: 'Jurisdictions; filters combine (which counties cite 三项制度: `{level: COUNTY, mentionsInitiative: "三项制度"}`).',
      args: {
        filter: t.arg({ type: JurisdictionFilter, description: 'Conditions the jurisdictions must meet (all combine).' }),
        orderBy: t.arg({ type: JurisdictionOrder, description: 'Sort order (default: full name, ascending).' }),
      },
      resolve: async (_root, args, ctx) => {
        const params = jurisdictionFilterParams(args.filter);
        const order = { orderBy: args.orderBy?.field ?? 'fullName', descending: args.orderBy?.descending ?? false };
        const list = await narrowedStatement(ctx, jurisdictionListRead(params));
        const page = await storeConnection(args, async ({ offset, limit }) => {
          // (every list statement returns the page and the total; the store's co-occurrence index may list by initiative)
          const listParams = { ...list.params, ...order, skip: offset, limit };
          const indexed = isIndexedStatement(list.statement) ? ((await ctx.store.indexedRows?.(list.statement, listParams as never)) ?? null) : null;
          const [row] = (indexed ?? (await runWith(ctx.store, list.statement, listParams))) as RowOf<'jurisdictions_list'>[];
          return { items: row.jurisdictions, total: row.total };
        });
        return { ...page, filterParams: params };
      },
    },
    {
      fields: (c) => ({
        facets: c.field({
          type: JurisdictionFacets,
          description: 'Counts by province, level, year, initiative category, regulation kind and problem theme, for the whole filter (not just this page).',
          resolve: async (connection, _args, ctx) => {
            const params = (connection as unknown as { filterParams: ReturnType<typeof jurisdictionFilterParams> }).filterParams;
            const facets = new Map<string, { value: string; count: number }[]>();
            for (const row of await ctx.store.run('jurisdictions_facets', params)) {
              const list = facets.get(String(row.facet)) ?? [];
              list.push({ value: String(row.value), count: Number(row.count) });
              facets.set(String(row.facet), list);
            }
            return facets;
          },
        }),
      }),
    },
  ),
  jurisdiction: t.field({
    type: Jurisdiction,
    nullable: true,
    description:
      'One jurisdiction by code (510604), short name (罗江区) or full name (四川省德阳市罗江区). An ambiguous short name is an error that lists the candidates.',
    args: { name: t.arg.string({ required: true, description: 'Code, short name or full name.' }) },
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.store.run('jurisdictions_lookup', { name: args.name.trim() });
      const found = rows.map((row) => row.jurisdiction);
      if (found.length > 1) {
        throw new GraphQLError(`"${args.name}" is ambiguous: ${found.map((j) => `${j.fullName} (${j.code ?? j.key})`).join(', ')}; ask by code or full name`, {
          extensions: { code: 'AMBIGUOUS_NAME' },
        });
      }
      return found[0] ?? null;
    },
  }),
}));
