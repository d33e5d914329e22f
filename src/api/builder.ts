// The Pothos builder and its plugins; no types are defined here (Pothos's
// app layout: one file per domain type under schema/).
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import { getNamedType, getNullableType, GraphQLError, isListType, type GraphQLField } from 'graphql';
import { DEFAULT_PAGE_SIZE } from './pagination.js';
import type { AppContext } from './context.js';
import type { ApiSchemaTypes } from './types.js';

/**
 * Query limits: deep enough for "jurisdictions → reports → initiatives → mentions", no deeper.
 * Complexity counts the fields a query can return (see pageComplexity): the batching benchmark's
 * jurisdiction page with pages of 100 (~72,000) and a page of 100 jurisdictions with each one's
 * reports, initiatives and regulations at the default page size (~349,000) pass; three nested
 * pages of 100 (~3,000,000) do not.
 */
export const QUERY_LIMITS = { depth: 14, breadth: 300, complexity: 500_000 };

/**
 * The complexity of a field: 1, times the items its selection is repeated for. A page or top-k
 * field repeats it for as many items as `first` asks (the plugin's default, 10 for every list,
 * let `first: 100` cost what `first: 10` does, so a short query could fan out to millions of
 * rows unrefused); a connection's `edges` list adds nothing of its own (its connection has
 * counted the page), nor does its `nodes` list (Query.nodes and a subgraph's nodes are other lists); other lists count 10.
 */
function pageComplexity(
  args: Record<string, unknown>,
  _ctx: AppContext,
  field: GraphQLField<unknown, AppContext, Record<string, unknown>>,
): { field: number; multiplier: number } {
  const type = getNamedType(field.type).name;
  const size = typeof args.first === 'number' ? args.first : args.last; // `last` alone is a page of its own size
  if (typeof size === 'number') return { field: 1, multiplier: Math.max(size, 1) };
  if (type.endsWith('Connection')) return { field: 1, multiplier: DEFAULT_PAGE_SIZE };
  if (field.name === 'edges' && type.endsWith('Edge')) return { field: 1, multiplier: 1 };
  if (field.name === 'nodes' && !('ids' in args) && type !== 'GraphNode') return { field: 1, multiplier: 1 }; // a connection's items, counted by it like `edges`
  return { field: 1, multiplier: isListType(getNullableType(field.type)) ? 10 : 1 };
}

export const builder = new SchemaBuilder<ApiSchemaTypes>({
  plugins: [ErrorsPlugin, ComplexityPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    cursorType: 'String',
    // A connection can be refused on its own (a bad cursor or page size): it stays nullable, so
    // the error nulls that connection only, not its parent (fields are non-null by default).
    defaultConnectionFieldOptions: { nullable: true },
    // `nodes` beside `edges` on every connection: the page's items without their cursors.
    nodesOnConnection: { description: 'The items of this page, in order (the `node` of each edge, without cursors).' },
    // descriptions of what the relay plugin generates on every connection, edge and node
    idFieldOptions: { description: 'Global id (Relay): pass it to `node(id:)`, or as a `graph` start.' },
    edgesFieldOptions: { nullable: false, description: 'The items of this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Where this page lies: whether there are more, and the cursors to ask for them.' },
    cursorFieldOptions: { description: 'Opaque cursor of this item: pass it as `after` (or `before`) to page on from here.' },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    firstArgOptions: { description: `Page size from the start or from \`after\` (default ${DEFAULT_PAGE_SIZE} unless the field says otherwise, at most 100).` },
    lastArgOptions: { description: 'Page size counted back from `before`.' },
    afterArgOptions: { description: 'A cursor: the page starts after this item.' },
    beforeArgOptions: { description: 'A cursor: the page ends before this item.' },
    pageInfoTypeOptions: { description: 'Relay page information of a connection.' },
    hasNextPageFieldOptions: { description: 'Whether items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page (true on any page asked for `after` a cursor).' },
    startCursorFieldOptions: { description: 'Cursor of the first item of this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of this page: pass it as `after` for the next page.' },
    // `node` and `nodes` are schema/node.ts's: they answer null for an id that names nothing
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    nodeTypeOptions: {
      description:
        'Anything with a global id (Relay): reports, jurisdictions, organizations, initiatives, regulations, problems, problem themes, plans, indicators.',
    },
  },
  errors: { defaultTypes: [] },
  complexity: {
    fieldComplexity: pageComplexity,
    limit: QUERY_LIMITS,
    complexityError: (kind, result) => {
      const key = String(kind).toLowerCase() as 'depth' | 'breadth' | 'complexity';
      const max = { depth: result.maxDepth, breadth: result.maxBreadth, complexity: result.maxComplexity }[key];
      return new GraphQLError(`query ${key} ${result[key]} exceeds the limit of ${max}; ask for fewer or smaller pages, or split the query`, {
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      });
    },
  },
});

builder.queryType({ description: 'Entry points: lists with filters, lookups by name or alias, and Relay `node`.' });
builder.mutationType({ description: 'Writing reports. Requires `Authorization: Bearer $GOVGRAPH_TOKEN`; refused when the server has no token.' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({ nullable: false, description: 'Number of items matching the filter, over all pages.', resolve: (c) => c.totalCount }),
);
