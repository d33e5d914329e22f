// The Pothos builder and its plugins; no types are defined here (Pothos's
// app layout: one file per domain type under schema/).
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import type { AppContext } from './context.js';

export const builder = new SchemaBuilder<{
  Context: AppContext;
  Connection: { totalCount: number };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: { JSON: { Input: unknown; Output: unknown } };
}>({
  plugins: [RelayPlugin, DataloaderPlugin],
  relay: {
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
});

builder.queryType({ description: 'Entry points: lists with filters, lookups by name or alias, and Relay `node`.' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({ nullable: false, description: 'Number of items matching the filter, over all pages.', resolve: (c) => c.totalCount }),
);
