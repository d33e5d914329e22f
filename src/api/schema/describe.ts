// Descriptions for the connection and edge types the relay plugin generates
// (a pair per connection field, ~40 pairs): each says what it pages through,
// named after its item type, so every type of the schema explains itself.
// Types given a description of their own keep it.
import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

/** The item type of an edge type (its `node` field's type), if it is one. */
function itemOf(edge: GraphQLObjectType): string | null {
  const node = edge.getFields().node;
  return node && edge.getFields().cursor ? getNamedType(node.type).name : null;
}

export function describeGeneratedTypes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = type.getFields();
    const edge = fields.edges && fields.pageInfo ? getNamedType(fields.edges.type) : null;
    if (edge && isObjectType(edge)) {
      const item = itemOf(edge);
      type.description ??= `A page of ${item} items (Relay connection): \`edges\` with cursors, or \`nodes\`, \`pageInfo\` and \`totalCount\`.`;
      edge.description ??= `One ${item} of a page, with its cursor.`;
    }
  }
  // the arguments of Relay's node(id:) and nodes(ids:), which the plugin leaves undescribed
  const query = schema.getQueryType()?.getFields();
  for (const arg of [...(query?.node?.args ?? []), ...(query?.nodes?.args ?? [])]) arg.description ??= 'Global id(s), as `id` of any node gives.';
  return schema;
}
