// A client written against the types graphql-codegen generates from
// schema/schema.graphql and operations.graphql, with urql and graphql-request
// at their defaults. test/integration/api/clients.test.ts generates ./generated.ts beside
// a copy of this file, typechecks it, then runs it against the server: the
// annotations below only compile when identity fields are non-null and node
// and relation types are enums.
import { Client, fetchExchange } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import {
  DeleteReportDocument,
  GraphDocument,
  NodeDocument,
  ReportsDocument,
  type GraphNodeType,
  type GraphRelationType,
  type JurisdictionLevel,
} from './generated.js';

/** urql as a reader sets it up: its defaults, recording the HTTP method of each request. */
function urql(url: string, headers: Record<string, string> = {}) {
  const methods: string[] = [];
  const client = new Client({
    url,
    exchanges: [fetchExchange],
    fetchOptions: { headers },
    fetch: (input, init) => {
      methods.push(init?.method ?? 'GET');
      return fetch(input, init);
    },
  });
  return { client, methods };
}

/** Reports in two pages and the first one refetched by its id, with urql (queries go as GET). */
export async function readWithUrql(url: string) {
  const { client, methods } = urql(url);
  const first = await client.query(ReportsDocument, { first: 2 }).toPromise();
  if (first.error) throw first.error;
  const page = first.data!.reports!; // a connection may be refused on its own, so it is nullable
  const ids: string[] = page.nodes.map((r) => r.id);
  const reportIds: string[] = page.nodes.map((r) => r.reportId);
  const names: string[] = page.nodes.flatMap((r) => (r.jurisdiction ? [r.jurisdiction.name, r.jurisdiction.fullName] : []));
  const levels: (JurisdictionLevel | null)[] = page.nodes.map((r) => r.jurisdiction?.level ?? null);
  // @ts-expect-error a level is one of the enum's values, not any string
  const notALevel: JurisdictionLevel = 'CITY';
  void notALevel;
  const next = await client.query(ReportsDocument, { first: 2, after: page.pageInfo.endCursor }).toPromise();
  const last = await client.query(ReportsDocument, { last: 1 }).toPromise();
  const node = await client.query(NodeDocument, { id: ids[0] }).toPromise();
  const refetched: string | null = node.data?.node?.id ?? null;
  return {
    methods,
    ids,
    reportIds,
    names,
    levels,
    nextIds: next.data!.reports!.nodes.map((r) => r.id),
    lastIds: last.data!.reports!.nodes.map((r) => r.id),
    totalCount: page.totalCount,
    refetched,
    refetchedType: node.data?.node?.__typename ?? null,
  };
}

/** A subgraph with graphql-request (a JSON POST), its node and edge types as enums. */
export async function graphWithGraphqlRequest(url: string) {
  const { graph } = await new GraphQLClient(url).request(GraphDocument, { search: '罗江区' });
  const nodeTypes: GraphNodeType[] = graph!.nodes.map((n) => n.type);
  const edgeTypes: GraphRelationType[] = graph!.edges.map((e) => e.type);
  const nodeIds: string[] = graph!.nodes.map((n) => n.id);
  const labels: string[] = graph!.nodes.map((n) => n.label);
  // @ts-expect-error a node type is one of the model's labels, not any string
  const notALabel: GraphNodeType = 'NotALabel';
  void notALabel;
  const organization = graph!.nodes.find((n) => n.type === 'Organization');
  const refetched = organization ? await new GraphQLClient(url).request(NodeDocument, { id: organization.id }) : null;
  return { nodeTypes, edgeTypes, nodeIds, labels, organization: refetched?.node ?? null };
}

/** A mutation with urql: sent as a POST whatever the query preference, with the bearer token. */
export async function deleteWithUrql(url: string, token: string, id: string) {
  const { client, methods } = urql(url, { authorization: `Bearer ${token}` });
  const result = await client.mutation(DeleteReportDocument, { id }).toPromise();
  if (result.error) throw result.error;
  const deleted: boolean = result.data!.deleteReport!.deleted;
  return { methods, deleted };
}
