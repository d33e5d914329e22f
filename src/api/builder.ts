// The Pothos builder and its plugins; no types are defined here (Pothos's
// app layout: one file per domain type under schema/).
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { AppContext } from './context.js';
import type { UploadedFile } from './schema/mutations.js';

/** Query limits: deep enough for "jurisdictions → reports → initiatives → mentions", no deeper. */
export const QUERY_LIMITS = { depth: 14, breadth: 300, complexity: 50_000 };

export const builder = new SchemaBuilder<{
  Context: AppContext;
  Connection: { totalCount: number };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: { JSON: { Input: unknown; Output: unknown }; Upload: { Input: UploadedFile; Output: never } };
}>({
  plugins: [ErrorsPlugin, ComplexityPlugin, RelayPlugin, DataloaderPlugin],
  relay: {
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  errors: { defaultTypes: [] },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
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
