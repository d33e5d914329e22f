// Relay's `node` and `nodes`. The relay plugin's own fields decode the id as
// an argument, so a malformed or foreign id fails the whole query before any
// resolver runs; here an id that names nothing (malformed, of a type without
// ids, or of a node deleted since) answers null, as the Relay contract asks.
import { decodeGlobalID, resolveNodes } from '@pothos/plugin-relay';
import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { builder } from '../builder.js';
import type { AppContext } from '../context.js';
import { sized } from '../response-budget.js';
import { graphEdgeById } from './graph.js';
import { NodeNotFound } from './refs.js';

/** The type and key an id names, or null when it names no node type of this schema. */
function parseNodeId(id: string, info: GraphQLResolveInfo): { typename: string; id: string } | null {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(id);
  } catch {
    return null;
  }
  const type = info.schema.getType(decoded.typename);
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node') ? decoded : null;
}

/** The nodes of `ids`, in order, null for any id the store has nothing for; a store failure stays an error. */
async function loadNodes(ids: readonly (string | number)[], ctx: AppContext, info: GraphQLResolveInfo): Promise<unknown[]> {
  const results = await resolveNodes(
    builder,
    ctx,
    info,
    ids.map((id) => parseNodeId(String(id), info)),
  );
  return Promise.all(
    results.map(async (r, i) => {
      const value = await r;
      if (value instanceof NodeNotFound) return null;
      // not a node's global id: an edge's id as `graph` gives it (TYPE:source->target), or nothing
      return value ?? graphEdgeById(ctx, String(ids[i]));
    }),
  );
}

const ID_ARG = 'Global id, as `id` of any node gives (a `graph` node or edge included).';

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Any node by its global id; null when the id names no node (unknown, malformed, or deleted since).',
    args: { id: t.arg.id({ required: true, description: ID_ARG }) },
    resolve: async (_root, args, ctx, info) => (await loadNodes([args.id], ctx, info))[0] as never,
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: 'Nodes by their global ids, in the order given (null for an id that names no node).',
    extensions: sized({ items: (args) => (args.ids as unknown[]).length }),
    args: { ids: t.arg.idList({ required: true, description: 'Global ids, as `id` of any node gives (a `graph` node or edge included).' }) },
    resolve: async (_root, args, ctx, info) => (await loadNodes(args.ids, ctx, info)) as never,
  }),
}));
