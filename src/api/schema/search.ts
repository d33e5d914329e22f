// search(text:): one box for every entity type. Each type's statement ranks
// its own matches (exact name or alias 3, prefix 2, substring 1); the hits
// are merged by rank.
import { GraphQLError } from 'graphql';
import { canonicalRegulationTitle } from '../../extract/index.js';
import { builder } from '../builder.js';
import { MAX_PAGE_SIZE } from '../pagination.js';
import { resolveInitiativeName } from '../../extract/index.js';
import { Initiative, Jurisdiction, Regulation } from './refs.js';
import type { InitiativeShape, JurisdictionShape, RegulationShape } from './shapes.js';

type Hit =
  | { kind: 'Initiative'; node: InitiativeShape; rank: number; label: string }
  | { kind: 'Regulation'; node: RegulationShape; rank: number; label: string }
  | { kind: 'Jurisdiction'; node: JurisdictionShape; rank: number; label: string };

const MatchKind = builder.enumType('MatchKind', {
  description: 'How a search hit matched the text, best first.',
  values: {
    EXACT: { value: 3, description: 'The name, an alias, a title variant or the code equals the text.' },
    PREFIX: { value: 2, description: 'The name starts with the text.' },
    SUBSTRING: { value: 1, description: 'The text occurs inside the name or an alias.' },
  } as const,
});

const SearchResult = builder.unionType('SearchResult', {
  description: 'Anything search can find.',
  types: [Initiative, Regulation, Jurisdiction],
  resolveType: (value) => {
    const v = value as unknown as Record<string, unknown>;
    return 'title' in v ? 'Regulation' : 'key' in v ? 'Jurisdiction' : 'Initiative';
  },
});

const SearchHit = builder.objectRef<Hit>('SearchHit').implement({
  description: 'One search result with how well it matched.',
  fields: (t) => ({
    node: t.field({ type: SearchResult, description: 'The entity found.', resolve: (h) => h.node as never }),
    match: t.field({ type: MatchKind, description: 'How it matched.', resolve: (h) => h.rank as 1 | 2 | 3 }),
    label: t.exposeString('label', { description: 'Its display name.' }),
    type: t.exposeString('kind', { description: 'Its type: Initiative, Regulation or Jurisdiction.' }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHit],
    description: 'Finds initiatives, regulations and jurisdictions by name, alias, title variant or code; exact matches first, then prefixes, then substrings.',
    args: {
      text: t.arg.string({ required: true, description: 'What to look for (at least one character).' }),
      first: t.arg.int({ description: `How many hits (default 20, at most ${MAX_PAGE_SIZE}).` }),
    },
    resolve: async (_root, args, ctx) => {
      const text = args.text.trim();
      if (!text) throw new GraphQLError('search needs a non-empty `text`', { extensions: { code: 'BAD_USER_INPUT' } });
      const limit = args.first ?? 20;
      if (limit < 0 || limit > MAX_PAGE_SIZE) throw new GraphQLError(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}`, { extensions: { code: 'BAD_USER_INPUT' } });
      // An alias of the lexicon ("三项制度") also finds its canonical initiative exactly.
      const canonicalInitiative = resolveInitiativeName(text);
      const [initiatives, regulations, jurisdictions] = await Promise.all([
        ctx.store.run('search_initiatives', { text: canonicalInitiative ?? text, limit }),
        ctx.store.run('search_regulations', { text, canonical: canonicalRegulationTitle(text), limit }),
        ctx.store.run('search_jurisdictions', { text, limit }),
      ]);
      const hits: Hit[] = [
        ...initiatives.map((r) => ({ kind: 'Initiative' as const, node: r.initiative as InitiativeShape, rank: Number(r.rank), label: (r.initiative as InitiativeShape).name })),
        ...regulations.map((r) => ({ kind: 'Regulation' as const, node: r.regulation as RegulationShape, rank: Number(r.rank), label: (r.regulation as RegulationShape).title })),
        ...jurisdictions.map((r) => ({ kind: 'Jurisdiction' as const, node: r.jurisdiction as JurisdictionShape, rank: Number(r.rank), label: (r.jurisdiction as JurisdictionShape).fullName })),
      ];
      return hits.sort((a, b) => b.rank - a.rank || a.label.length - b.label.length || (a.label < b.label ? -1 : 1)).slice(0, limit);
    },
  }),
);
