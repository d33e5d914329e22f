// search(text:): one box for every entity type. Each type's statement ranks
// its own matches (the name itself 4, an alias or title variant 3, a prefix
// 2, a substring 1) and returns the head of its ranking with the number of
// matches; the heads are merged by rank, so a page of the merged ranking
// needs only the first offset+size of each type.
import { runWith, type Row, type StatementName } from '../../store/types.js';
import { GraphQLError } from 'graphql';
import { canonicalRegulationTitle, resolveInitiativeName } from '../../extract/index.js';
import { builder } from '../builder.js';
import { sized, VALUE_BYTES } from '../response-budget.js';
import { rankedConnection, rankedTotal } from '../pagination.js';
import { NodeLabel } from './enums.js';
import { Initiative, Jurisdiction, Problem, Regulation, Report } from './refs.js';
import type { InitiativeShape, JurisdictionShape, ProblemShape, RegulationShape, ReportShape } from './shapes.js';
import type { AppContext } from '../context.js';
import { narrowedStatement, type Narrowed } from '../narrowed.js';

export type SearchKind = 'Initiative' | 'Regulation' | 'Jurisdiction' | 'Report' | 'Problem';

export interface Hit {
  kind: SearchKind;
  node: object;
  rank: number;
  label: string;
}

const MatchKind = builder.enumType('MatchKind', {
  description: 'How a search hit matched the text, best first.',
  values: {
    EXACT: { value: 4, description: 'The name, title, full name, code or report id equals the text.' },
    ALIAS: {
      value: 3,
      description:
        'An alias (别称) or title variant equals the text: a surface form seen in reports, a lexicon alias (三项制度), or the title in another dash/bracket/digit form.',
    },
    PREFIX: { value: 2, description: 'The name or title starts with the text.' },
    SUBSTRING: { value: 1, description: 'The text occurs inside the name, title, an alias or a problem statement.' },
  } as const,
});

// The union's members are told apart by the kind each hit was found as (a report and a regulation both have a title).
const kindOfNode = new WeakMap<object, SearchKind>();

const SearchResult = builder.unionType('SearchResult', {
  description: 'Anything search can find: an initiative, regulation, jurisdiction, report or problem.',
  types: [Initiative, Regulation, Jurisdiction, Report, Problem],
  resolveType: (value) => kindOfNode.get(value as object) ?? null,
});

const SearchHit = builder.objectRef<Hit>('SearchHit').implement({
  description: 'One search result with how well it matched.',
  fields: (t) => ({
    node: t.field({
      type: SearchResult,
      description: 'The entity found.',
      resolve: (h) => {
        kindOfNode.set(h.node, h.kind);
        return h.node as never;
      },
    }),
    match: t.field({ type: MatchKind, description: 'How it matched.', resolve: (h) => h.rank as 1 | 2 | 3 | 4 }),
    label: t.exposeString('label', {
      description: "Its display name: name, title, full name, a report's title (its id when untitled) or a problem's statement.",
      extensions: sized({ bytes: VALUE_BYTES.line }),
    }),
    type: t.expose('kind', { type: NodeLabel, description: 'Its type: Initiative, Regulation, Jurisdiction, Report or Problem.' }),
  }),
});

/** Each type's statement, its parameters, the column holding the node and the node's label. */
function searches(text: string): Array<{
  kind: SearchKind;
  statement: StatementName;
  params: Record<string, unknown>;
  column: string;
  label: (node: never) => string;
  narrowed?: Narrowed;
}> {
  const canonical = canonicalRegulationTitle(text);
  const initiative = resolveInitiativeName(text);
  return [
    // An alias of the lexicon ("三项制度") finds its canonical initiative as an alias match.
    {
      kind: 'Initiative',
      statement: 'search_initiatives',
      params: { text, canonical: initiative },
      column: 'initiative',
      label: (i: InitiativeShape) => i.name,
      narrowed: { kind: 'Initiative', texts: [text], statement: 'search_initiatives_among', param: 'names', alsoKey: initiative ?? undefined },
    },
    {
      kind: 'Regulation',
      statement: 'search_regulations',
      params: { text, canonical },
      column: 'regulation',
      label: (g: RegulationShape) => g.title,
      narrowed: { kind: 'Regulation', texts: [text, canonical], statement: 'search_regulations_among', param: 'titles' },
    },
    { kind: 'Jurisdiction', statement: 'search_jurisdictions', params: { text }, column: 'jurisdiction', label: (j: JurisdictionShape) => j.fullName },
    {
      kind: 'Report',
      statement: 'search_reports',
      params: { text },
      column: 'report',
      label: (r: ReportShape) => r.title ?? r.id,
      narrowed: { kind: 'Report', texts: [text], statement: 'search_reports_among', param: 'ids', alsoKey: text },
    },
    {
      kind: 'Problem',
      statement: 'search_problems',
      params: { text },
      column: 'problem',
      label: (p: ProblemShape) => p.text,
      narrowed: { kind: 'Problem', texts: [text], statement: 'search_problems_among', param: 'ids' },
    },
  ];
}

// The statements order each type the same way: rank, then label length, then label.
const byRank = (a: Hit, b: Hit) => b.rank - a.rank || a.label.length - b.label.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

/** The first `upTo` hits of the merged ranking (of some kinds only, if given) and how many hits there are in all. */
export async function rankedHits(ctx: AppContext, text: string, upTo: number, kinds?: SearchKind[]) {
  const chosen = searches(text).filter((s) => !kinds || kinds.includes(s.kind));
  // (every type's candidates first, then the statements, started in one order whichever candidates came first)
  const statements = await Promise.all(chosen.map((search) => narrowedStatement(ctx, search)));
  const results = await Promise.all(
    chosen.map(async ({ kind, column, label }, k) => {
      const { statement, params } = statements[k];
      const rows: Row[] = await runWith(ctx.store, statement, { ...params, limit: upTo });
      const hits = rows.map((row): Hit => ({ kind, node: row[column] as object, rank: Number(row.rank), label: label(row[column] as never) }));
      return { hits, total: rankedTotal(rows) };
    }),
  );
  const items = results
    .flatMap((r) => r.hits)
    .sort(byRank)
    .slice(0, upTo);
  return { items, total: results.reduce((sum, r) => sum + r.total, 0) };
}

builder.queryField('search', (t) =>
  t.connection(
    {
      type: SearchHit,
      description:
        'Finds initiatives, regulations, jurisdictions, reports (by title) and problems by name, alias, title variant, code or words; exact matches first, then aliases, prefixes and substrings.',
      args: { text: t.arg.string({ required: true, description: 'What to look for (at least one character).' }) },
      resolve: async (_root, args, ctx) => {
        const text = args.text.trim();
        if (!text) throw new GraphQLError('search needs a non-empty `text`', { extensions: { code: 'BAD_USER_INPUT' } });
        return rankedConnection(args, (upTo) => rankedHits(ctx, text, upTo));
      },
    },
    { description: 'A page of search hits, best first.' },
    { description: 'One search hit and its cursor.' },
  ),
);
