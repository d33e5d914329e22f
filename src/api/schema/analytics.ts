// Cross-report linkage: co-citation and co-mention (with lift and PMI),
// jurisdiction similarity and comparison, diffusion of an initiative over
// years and provinces, recurring problem themes, and plan follow-through.
// Every figure is computed by a statement of cypher/ on the store; resolvers
// only rank, slice and shape the rows of one entity.
import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import { listConnection, rankedConnection, rankedTotal, type ConnectionArgs } from '../pagination.js';
import { Initiative, Jurisdiction, ProblemTheme, Regulation } from './refs.js';
import { Mention } from './mention.js';
import { mentionsOf, type InitiativeShape, type JurisdictionShape, type LinkShape, type RegulationShape } from './shapes.js';
import type { AppContext } from '../context.js';
import { sized, VALUE_BYTES, linkMentions } from '../response-budget.js';
import { runWith, type ParamsOf, type Row, type RowOf, type StatementName } from '../../store/types.js';
import { mentionsOutside } from '../../store/provenance.js';

/** Top-k rankings show the first 10 unless asked for more. */
const TOP_K = 10;

/**
 * A page of one key's ranking (co-citation, co-mention, similarity): the statement ranks a batch
 * of keys, each as far as the page reaches (`limit`), and says how long each ranking is.
 */
function rankingPage<N extends StatementName, T>(
  args: ConnectionArgs,
  ctx: AppContext,
  statement: N,
  batch: { param: keyof ParamsOf<N> & string; keyColumn: string; key: string },
  toItem: (row: RowOf<N>) => T,
) {
  return rankedConnection(
    args,
    async (upTo) => {
      const rows = await ctx.rowsBy(statement, batch.param, batch.keyColumn, { limit: upTo } as Partial<ParamsOf<N>>).load(batch.key);
      return { items: rows.map(toItem), total: rankedTotal(rows as Row[]) };
    },
    TOP_K,
  );
}

/** A page of a corpus-wide ranking (recurring themes, themes of a year). */
function storeRankingPage<N extends StatementName, T>(
  args: ConnectionArgs,
  ctx: AppContext,
  statement: N,
  params: Record<string, unknown>,
  toItem: (row: RowOf<N>) => T,
) {
  return rankedConnection(
    args,
    async (upTo) => {
      const rows = await runWith(ctx.store, statement, { ...params, limit: upTo });
      return { items: rows.map(toItem), total: rankedTotal(rows as Row[]) };
    },
    TOP_K,
  );
}

const pmi = (lift: number) => Math.log2(lift);

// ── co-citation and co-mention ───────────────────────────────────────────────

interface Association<T> {
  node: T;
  count: number;
  lift: number;
}

/** A co-citation or co-mention row: the other node (in `column`), the shared reports and the lift. */
const associationOf =
  <T>(column: string) =>
  (row: Row): Association<T> => ({ node: row[column] as T, count: Number(row.together), lift: Number(row.lift) });

const associationFields = {
  count: 'Reports in which both appear.',
  lift: 'Observed co-occurrence over what independence would predict: count·N / (reportsA·reportsB). Above 1 means they travel together.',
  pmi: 'Pointwise mutual information, log2(lift).',
};

const CoCitation = builder.objectRef<Association<RegulationShape>>('CoCitation').implement({
  description: 'A regulation cited in the same reports as another (co-citation, 共同引用).',
  fields: (t) => ({
    regulation: t.field({ type: Regulation, description: 'The other regulation.', resolve: (a) => a.node }),
    count: t.exposeInt('count', { description: associationFields.count }),
    lift: t.exposeFloat('lift', { description: associationFields.lift }),
    pmi: t.float({ description: associationFields.pmi, resolve: (a) => pmi(a.lift) }),
  }),
});

const CoMention = builder.objectRef<Association<InitiativeShape>>('CoMention').implement({
  description: 'An initiative mentioned in the same reports as another.',
  fields: (t) => ({
    initiative: t.field({ type: Initiative, description: 'The other initiative.', resolve: (a) => a.node }),
    count: t.exposeInt('count', { description: associationFields.count }),
    lift: t.exposeFloat('lift', { description: associationFields.lift }),
    pmi: t.float({ description: associationFields.pmi, resolve: (a) => pmi(a.lift) }),
  }),
});

builder.objectField(Regulation, 'coCited', (t) =>
  t.connection({
    type: CoCitation,
    description: `Regulations cited in the same reports, most shared reports first (${TOP_K} unless \`first\` asks for more).`,
    resolve: (g, args, ctx) =>
      rankingPage(args, ctx, 'regulations_cocited', { param: 'titles', keyColumn: 'title', key: g.title }, associationOf<RegulationShape>('regulation')),
  }),
);

builder.objectField(Initiative, 'coMentioned', (t) =>
  t.connection({
    type: CoMention,
    description: `Initiatives mentioned in the same reports, most shared reports first (${TOP_K} unless \`first\` asks for more).`,
    resolve: (i, args, ctx) =>
      rankingPage(args, ctx, 'initiatives_comentioned', { param: 'names', keyColumn: 'name', key: i.name }, associationOf<InitiativeShape>('initiative')),
  }),
);

// ── similarity and comparison ────────────────────────────────────────────────

const Similarity = builder.objectRef<{ jurisdiction: JurisdictionShape; shared: number; score: number }>('Similarity').implement({
  description: 'How alike two jurisdictions are, by the initiatives and regulations of their reports.',
  fields: (t) => ({
    jurisdiction: t.field({ type: Jurisdiction, description: 'The other jurisdiction.', resolve: (s) => s.jurisdiction }),
    shared: t.exposeInt('shared', { description: 'Initiatives and regulations both mention or cite.' }),
    score: t.exposeFloat('score', { description: 'Jaccard similarity: shared / (all of either), from 0 to 1.' }),
    measure: t.string({ description: 'The measure used: "jaccard(initiatives ∪ regulations)".', resolve: () => 'jaccard(initiatives ∪ regulations)' }),
  }),
});

builder.objectField(Jurisdiction, 'similar', (t) =>
  t.connection({
    type: Similarity,
    description: `The most similar jurisdictions (Jaccard similarity of the initiatives and regulations their reports mention or cite), most similar first (${TOP_K} unless \`first\` asks for more).`,
    resolve: (j, args, ctx) =>
      rankingPage(args, ctx, 'jurisdictions_similar', { param: 'keys', keyColumn: 'key', key: j.key }, (row) => ({
        jurisdiction: row.jurisdiction,
        shared: Number(row.shared),
        score: Number(row.jaccard),
      })),
  }),
);

const ThemeCount = builder.objectRef<{ theme: string; reports: number; jurisdictions?: number }>('ThemeCount').implement({
  description: 'A problem theme (问题类别) and how often it is reported.',
  fields: (t) => ({
    theme: t.exposeString('theme', { description: 'Theme name.' }),
    reports: t.exposeInt('reports', { description: 'Reports that state a problem of this theme.' }),
    jurisdictions: t.int({ nullable: true, description: 'Jurisdictions that do (for year-wide rankings).', resolve: (x) => x.jurisdictions ?? null }),
  }),
});

builder.objectField(Jurisdiction, 'problemThemes', (t) =>
  t.connection({
    type: ThemeCount,
    description: "Themes of the problems this jurisdiction's reports admit, most reported first.",
    resolve: async (j, args, ctx) =>
      listConnection(
        args,
        (await ctx.rowsBy('jurisdiction_problem_themes', 'keys', 'key').load(j.key)).map((row) => ({ theme: String(row.theme), reports: Number(row.reports) })),
      ),
  }),
);

interface Comparison {
  a: JurisdictionShape;
  b: JurisdictionShape;
}

async function nameSets(ctx: AppContext, key: string) {
  const [initiatives, regulations, themes] = await Promise.all([
    ctx.rowsBy('jurisdiction_initiatives', 'keys', 'key').load(key),
    ctx.rowsBy('jurisdiction_regulations', 'keys', 'key').load(key),
    ctx.rowsBy('jurisdiction_problem_themes', 'keys', 'key').load(key),
  ]);
  return {
    initiatives: new Map(initiatives.map((r) => [r.initiative.name, r.initiative])),
    regulations: new Map(regulations.map((r) => [r.regulation.title, r.regulation])),
    themes: new Set(themes.map((r) => String(r.theme))),
  };
}

function split<T>(a: Map<string, T>, b: Map<string, T>) {
  return {
    shared: [...a.entries()].filter(([k]) => b.has(k)).map(([, v]) => v),
    onlyA: [...a.entries()].filter(([k]) => !b.has(k)).map(([, v]) => v),
    onlyB: [...b.entries()].filter(([k]) => !a.has(k)).map(([, v]) => v),
  };
}

const ComparisonRef = builder.objectRef<Comparison>('Comparison').implement({
  description: 'Two jurisdictions side by side: what their reports share and what sets them apart.',
  fields: (t) => {
    const part = (what: 'initiatives' | 'regulations', side: 'shared' | 'onlyA' | 'onlyB') => async (c: Comparison, args: ConnectionArgs, ctx: AppContext) => {
      const [a, b] = await Promise.all([nameSets(ctx, c.a.key), nameSets(ctx, c.b.key)]);
      return listConnection(args, split(a[what] as Map<string, never>, b[what] as Map<string, never>)[side]);
    };
    const themes = (side: 'shared' | 'onlyA' | 'onlyB') => async (c: Comparison, _args: unknown, ctx: AppContext) => {
      const [a, b] = await Promise.all([nameSets(ctx, c.a.key), nameSets(ctx, c.b.key)]);
      const toMap = (s: Set<string>) => new Map([...s].map((x) => [x, x]));
      return split(toMap(a.themes), toMap(b.themes))[side];
    };
    return {
      a: t.field({ type: Jurisdiction, description: 'The first jurisdiction.', resolve: (c) => c.a }),
      b: t.field({ type: Jurisdiction, description: 'The second jurisdiction.', resolve: (c) => c.b }),
      sharedInitiatives: t.connection({ type: Initiative, description: 'Initiatives both mention.', resolve: part('initiatives', 'shared') }),
      onlyAInitiatives: t.connection({ type: Initiative, description: 'Initiatives only a mentions.', resolve: part('initiatives', 'onlyA') }),
      onlyBInitiatives: t.connection({ type: Initiative, description: 'Initiatives only b mentions.', resolve: part('initiatives', 'onlyB') }),
      sharedRegulations: t.connection({ type: Regulation, description: 'Regulations both cite.', resolve: part('regulations', 'shared') }),
      onlyARegulations: t.connection({ type: Regulation, description: 'Regulations only a cites.', resolve: part('regulations', 'onlyA') }),
      onlyBRegulations: t.connection({ type: Regulation, description: 'Regulations only b cites.', resolve: part('regulations', 'onlyB') }),
      sharedProblemThemes: t.stringList({ description: 'Problem themes both admit.', resolve: themes('shared') }),
      onlyAProblemThemes: t.stringList({ description: 'Problem themes only a admits.', resolve: themes('onlyA') }),
      onlyBProblemThemes: t.stringList({ description: 'Problem themes only b admits.', resolve: themes('onlyB') }),
      similarity: t.float({
        description: 'Jaccard similarity of their initiatives and regulations (as in `similar`).',
        resolve: async (c, _args, ctx) => {
          const [a, b] = await Promise.all([nameSets(ctx, c.a.key), nameSets(ctx, c.b.key)]);
          const keysA = new Set([...a.initiatives.keys(), ...[...a.regulations.keys()].map((k) => `《${k}》`)]);
          const keysB = new Set([...b.initiatives.keys(), ...[...b.regulations.keys()].map((k) => `《${k}》`)]);
          const shared = [...keysA].filter((k) => keysB.has(k)).length;
          const union = keysA.size + keysB.size - shared;
          return union ? shared / union : 0;
        },
      }),
    };
  },
});

async function oneJurisdiction(ctx: AppContext, name: string): Promise<JurisdictionShape> {
  const found = (await ctx.store.run('jurisdictions_lookup', { name: name.trim() })).map((row) => row.jurisdiction);
  if (found.length === 1) return found[0];
  throw new GraphQLError(
    found.length ? `"${name}" is ambiguous: ${found.map((j) => `${j.fullName} (${j.code ?? j.key})`).join(', ')}` : `no jurisdiction "${name}" in the graph`,
    { extensions: { code: found.length ? 'AMBIGUOUS_NAME' : 'NOT_FOUND' } },
  );
}

// ── diffusion ────────────────────────────────────────────────────────────────

interface Adoption {
  jurisdiction: JurisdictionShape;
  year: number;
}

const AdoptionRef = builder.objectRef<Adoption>('Adoption').implement({
  description: "The first year a jurisdiction's reports mention an initiative, cite a regulation or admit a problem of a theme.",
  fields: (t) => ({
    jurisdiction: t.field({ type: Jurisdiction, description: 'The adopting jurisdiction.', resolve: (a) => a.jurisdiction }),
    year: t.exposeInt('year', { description: 'First year it is mentioned.' }),
  }),
});

const YearCount = builder.objectRef<{ year: number; adopters: number; cumulative: number }>('AdoptersByYear').implement({
  description: 'New adopters (of an initiative, a regulation or a problem theme) in one year.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The year.' }),
    adopters: t.exposeInt('adopters', { description: 'Jurisdictions naming it for the first time that year.' }),
    cumulative: t.exposeInt('cumulative', { description: 'Jurisdictions that had named it by that year.' }),
  }),
});

const ProvinceCount = builder.objectRef<{ province: string; adopters: number; firstYear: number }>('AdoptersByProvince').implement({
  description: 'Adopters (of an initiative, a regulation or a problem theme) in one province.',
  fields: (t) => ({
    province: t.exposeString('province', { description: 'Province name.' }),
    adopters: t.exposeInt('adopters', { description: 'Jurisdictions of the province that name it.' }),
    firstYear: t.exposeInt('firstYear', { description: 'Earliest year any of them does.' }),
  }),
});

const Diffusion = builder.objectRef<Adoption[]>('Diffusion').implement({
  description: 'How an initiative, a regulation or a problem theme spread: who named it first when, per year and per province.',
  fields: (t) => ({
    adoptions: t.connection({
      type: AdoptionRef,
      description: 'Each jurisdiction with its first year, earliest first.',
      resolve: (a, args) => listConnection(args, a),
    }),
    byYear: t.field({
      type: [YearCount],
      description: 'New adopters per year, with the running total.',
      resolve: (adoptions) => {
        const counts = new Map<number, number>();
        for (const a of adoptions) counts.set(a.year, (counts.get(a.year) ?? 0) + 1);
        let cumulative = 0;
        return [...counts.entries()]
          .sort((x, y) => x[0] - y[0])
          .map(([year, adopters]) => {
            cumulative += adopters;
            return { year, adopters, cumulative };
          });
      },
    }),
    byProvince: t.field({
      type: [ProvinceCount],
      description: 'Adopters per province: most first, then earliest, then by name.',
      resolve: (adoptions) => {
        const byProvince = new Map<string, { adopters: number; firstYear: number }>();
        for (const a of adoptions) {
          const province = a.jurisdiction.province ?? '(unknown)';
          const entry = byProvince.get(province) ?? { adopters: 0, firstYear: a.year };
          entry.adopters++;
          entry.firstYear = Math.min(entry.firstYear, a.year);
          byProvince.set(province, entry);
        }
        return [...byProvince.entries()]
          .map(([province, e]) => ({ province, ...e }))
          .sort((x, y) => y.adopters - x.adopters || x.firstYear - y.firstYear || (x.province < y.province ? -1 : 1));
      },
    }),
  }),
});

type DiffusionStatement = 'initiative_diffusion' | 'regulation_diffusion' | 'problem_theme_diffusion';

/** The adoptions of one initiative, regulation or theme: the rows its diffusion statement gives for that key. */
async function adoptionsOf<N extends DiffusionStatement>(
  ctx: AppContext,
  statement: N,
  param: keyof ParamsOf<N> & string,
  keyColumn: string,
  key: string,
): Promise<Adoption[]> {
  const rows = (await ctx.rowsBy(statement, param, keyColumn).load(key)) as RowOf<DiffusionStatement>[];
  return rows.map((row) => ({ jurisdiction: row.jurisdiction, year: Number(row.firstYear) }));
}

builder.objectField(Initiative, 'diffusion', (t) =>
  t.field({
    type: Diffusion,
    description: 'How the initiative spread across jurisdictions, year by year.',
    resolve: (i, _args, ctx) => adoptionsOf(ctx, 'initiative_diffusion', 'names', 'name', i.name),
  }),
);

builder.objectField(Regulation, 'diffusion', (t) =>
  t.field({
    type: Diffusion,
    description: 'How citing the regulation spread across jurisdictions, year by year (first citing report of each).',
    resolve: (r, _args, ctx) => adoptionsOf(ctx, 'regulation_diffusion', 'titles', 'title', r.title),
  }),
);

builder.objectField(ProblemTheme, 'diffusion', (t) =>
  t.field({
    type: Diffusion,
    description: 'How admitting problems of the theme spread across jurisdictions, year by year (first report of each that does).',
    resolve: (theme, _args, ctx) => adoptionsOf(ctx, 'problem_theme_diffusion', 'names', 'name', theme.key),
  }),
);

// ── follow-through ───────────────────────────────────────────────────────────

interface FollowThroughShape {
  plan: string;
  plannedYear: number;
  doneYear: number;
  initiative: InitiativeShape;
  planReportId: string;
  doneReportId: string;
  planLink: LinkShape | null;
  link: LinkShape | null;
  /** Indexes of the link's mentions that lie outside the next report's own plan items (null: all). */
  outside: number[] | null;
}

const FollowThrough = builder.objectRef<FollowThroughShape>('FollowThrough').implement({
  description: 'A plan item (工作打算) of year N whose initiative the year N+1 report mentions as done (outside its own plan items).',
  fields: (t) => ({
    plan: t.exposeString('plan', { description: 'The plan item (工作打算) as written.', extensions: sized({ bytes: VALUE_BYTES.line }) }),
    plannedYear: t.exposeInt('plannedYear', { description: 'Year of the report that made the plan.' }),
    doneYear: t.exposeInt('doneYear', { description: 'Year of the report that mentions the initiative.' }),
    initiative: t.field({ type: Initiative, description: 'The initiative the plan concerns.', resolve: (f) => f.initiative }),
    planMentions: t.field({
      type: [Mention],
      extensions: linkMentions(),
      description: 'Where the plan is stated.',
      resolve: (f) => mentionsOf(f.planReportId, f.planLink, false),
    }),
    evidence: t.field({
      type: [Mention],
      extensions: linkMentions(),
      description: 'Where the next report mentions the initiative as done (its mentions inside its own plan items are left out).',
      resolve: (f) => mentionsOf(f.doneReportId, f.link, true).filter((m) => !f.outside || f.outside.includes(m.index)),
    }),
  }),
});

builder.objectField(Jurisdiction, 'followThrough', (t) =>
  t.connection({
    type: FollowThrough,
    description: "What this jurisdiction planned in one year that its next year's report mentions (needs reports of consecutive years).",
    resolve: async (j, args, ctx) =>
      listConnection(
        args,
        (await ctx.rowsBy('jurisdiction_follow_through', 'keys', 'key').load(j.key)).flatMap((row) => {
          // (a mention inside one of the next report's own plan items is no evidence; a row with none outside them is no follow-through)
          const outside = row.link ? mentionsOutside(row.link, row.donePlans ?? []) : null;
          if (outside?.length === 0) return [];
          return [
            {
              plan: String(row.plan),
              plannedYear: Number(row.plannedYear),
              doneYear: Number(row.doneYear),
              initiative: row.initiative,
              planReportId: String(row.plannedReportId),
              doneReportId: String(row.doneReportId),
              planLink: row.planLink ?? null,
              link: row.link ?? null,
              outside,
            },
          ];
        }),
      ),
  }),
);

// ── recurrence ───────────────────────────────────────────────────────────────

const RecurringTheme = builder.objectRef<{ jurisdiction: JurisdictionShape; theme: string; years: number[] }>('RecurringTheme').implement({
  description: 'A problem theme one jurisdiction reports in several years.',
  fields: (t) => ({
    jurisdiction: t.field({ type: Jurisdiction, description: 'The jurisdiction.', resolve: (r) => r.jurisdiction }),
    theme: t.exposeString('theme', { description: 'The problem theme.' }),
    years: t.field({ type: ['Int'], description: 'The years its reports admit it, ascending.', resolve: (r) => [...r.years].sort((a, b) => a - b) }),
  }),
});

builder.queryFields((t) => ({
  compareJurisdictions: t.field({
    type: ComparisonRef,
    nullable: true, // refused arguments null this field only
    description: 'Two jurisdictions side by side (each by code, short name or full name).',
    args: { a: t.arg.string({ required: true, description: 'First jurisdiction.' }), b: t.arg.string({ required: true, description: 'Second jurisdiction.' }) },
    resolve: async (_root, args, ctx) => ({ a: await oneJurisdiction(ctx, args.a), b: await oneJurisdiction(ctx, args.b) }),
  }),
  problemTheme: t.field({
    type: ProblemTheme,
    nullable: true,
    description: 'One problem theme by its name (执法能力不足); null when no report admits a problem of it.',
    args: { name: t.arg.string({ required: true, description: 'The theme name, as problemThemes lists it.' }) },
    resolve: async (_root, args, ctx) => {
      const [row] = await runWith(ctx.store, 'problem_themes_by_names', { names: [args.name] });
      return row ? { key: String(row.name), properties: { name: row.name } } : null;
    },
  }),
  recurringProblemThemes: t.connection({
    type: RecurringTheme,
    description: `Problem themes the same jurisdiction reports in several years, most recurrent first (${TOP_K} unless \`first\` asks for more).`,
    args: {
      minYears: t.arg.int({ description: 'At least this many distinct years (default 2).' }),
      theme: t.arg.string({ description: 'Only this problem theme (执法能力不足); every theme by default.' }),
    },
    resolve: (_root, args, ctx) =>
      storeRankingPage(args, ctx, 'problem_themes_recurring', { minYears: Math.max(2, args.minYears ?? 2), theme: args.theme ?? null }, (row) => ({
        jurisdiction: row.jurisdiction,
        theme: String(row.theme),
        years: (row.years as number[]).map(Number),
      })),
  }),
  problemThemesOfYear: t.connection({
    type: ThemeCount,
    description: `The most widespread problem themes of one year: how many jurisdictions report each, most first (${TOP_K} unless \`first\` asks for more).`,
    args: { year: t.arg.int({ required: true, description: 'The year covered.' }) },
    resolve: (_root, args, ctx) =>
      storeRankingPage(args, ctx, 'problem_themes_by_year', { year: args.year }, (row) => ({
        theme: String(row.theme),
        jurisdictions: Number(row.jurisdictions),
        reports: Number(row.reports),
      })),
  }),
}));
