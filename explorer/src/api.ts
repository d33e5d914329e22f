// GraphQL calls of the explorer: POST JSON to /graphql on the page's own
// origin (a JSON POST is what the server's CSRF prevention lets through).
import type { Subgraph } from './model.js';

export class ApiError extends Error {}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The govgraph server cannot be reached. Is `npm start` still running?');
  }
  let body: { data?: T; errors?: { message: string }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} without GraphQL data.`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new ApiError(`The server answered ${response.status} without data.`);
  return body.data;
}

const SCALARS = new Set(['String', 'ID', 'Int', 'Float', 'Boolean']);
/** The enum-typed fields of the input objects the explorer sends (their values are written bare). */
const INPUT_ENUM_FIELDS: Record<string, ReadonlySet<string>> = { GraphFilter: new Set(['level']), JurisdictionFilter: new Set(['level']) };

function literal(value: unknown, type: string): string {
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, type)).join(', ')}]`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') {
    const enums = INPUT_ENUM_FIELDS[type] ?? new Set<string>();
    const fields = Object.entries(value).map(([k, v]) => `${k}: ${literal(v, enums.has(k) ? 'enum' : 'String')}`);
    return `{${fields.join(', ')}}`;
  }
  if (typeof value === 'string') return SCALARS.has(type) ? JSON.stringify(value) : value;
  return String(value);
}

/**
 * The query with its variables written in as literals: GraphiQL's URL state
 * carries the query text, so the link opens a query that runs as is.
 * Variables typed by an enum (GraphNodeType…) become bare names.
 */
export function inlineVariables(query: string, variables: Record<string, unknown>): string {
  const header = /^(\s*(?:query|mutation)\s+\w+)\s*\(([^)]*)\)/.exec(query);
  if (!header) return query;
  const types = new Map([...header[2].matchAll(/\$(\w+)\s*:\s*\[?\s*(\w+)/g)].map((m) => [m[1], m[2]]));
  const body = query
    .slice(header[0].length)
    .replace(/\$(\w+)/g, (whole, name: string) => (types.has(name) ? literal(variables[name], types.get(name)!) : whole));
  return header[1] + body;
}

/** The same query in GraphiQL (served by yoga at /graphql, which reads `query` from the URL). */
export function graphiqlUrl(query: string, variables: Record<string, unknown>): string {
  return `/graphql?${new URLSearchParams({ query: inlineVariables(query, variables) })}`;
}

export interface SearchHit {
  type: string;
  label: string;
  match: 'EXACT' | 'ALIAS' | 'PREFIX' | 'SUBSTRING';
  node: { id: string } | null;
}

export const SEARCH_QUERY = `query Search($text: String!) {
  search(text: $text, first: 10) {
    nodes {
      type label match
      node { ... on Initiative { id } ... on Regulation { id } ... on Jurisdiction { id } ... on Report { id } ... on Problem { id } }
    }
  }
}`;

export const GRAPH_QUERY = `query Neighbourhood($start: [ID!], $depth: Int, $nodeTypes: [GraphNodeType!], $relationTypes: [GraphRelationType!], $maxNodes: Int, $filter: GraphFilter) {
  graph(start: $start, depth: $depth, nodeTypes: $nodeTypes, relationTypes: $relationTypes, maxNodes: $maxNodes, filter: $filter) {
    truncated
    nodes { id type label degree properties }
    edges { id source target type weight }
  }
}`;

export const FACETS_QUERY = `query Facets {
  jurisdictions { facets { province { value count } level { value count } year { value count } } }
}`;

export interface Facets {
  province: { value: string; count: number }[];
  level: { value: string; count: number }[];
  year: { value: string; count: number }[];
}

export async function search(text: string): Promise<SearchHit[]> {
  return (await gql<{ search: { nodes: SearchHit[] } }>(SEARCH_QUERY, { text })).search.nodes;
}

export async function neighbourhood(variables: Record<string, unknown>): Promise<Subgraph> {
  const { graph } = await gql<{ graph: Subgraph | null }>(GRAPH_QUERY, variables);
  return graph ?? { nodes: [], edges: [], truncated: false };
}

export async function facets(): Promise<Facets> {
  const data = await gql<{ jurisdictions: { facets: Facets | null } }>(FACETS_QUERY);
  return data.jurisdictions.facets ?? { province: [], level: [], year: [] };
}

/** What `ask` answers (the fields the explorer shows). */
export interface AskAnswer {
  understood: boolean;
  answer: string;
  query: string | null;
  graphql: string | null;
  variables: Record<string, unknown> | null;
  // biome-ignore lint/suspicious/noExplicitAny: the shape is that of the query the question became
  data: any;
  reading: { text: string; means: string }[];
  unread: string[];
  suggestions: string[];
}

export const ASK_QUERY = `query Ask($question: String!) {
  ask(question: $question) { understood answer query graphql variables data reading { text means } unread suggestions }
}`;

export async function ask(question: string): Promise<AskAnswer> {
  return (await gql<{ ask: AskAnswer }>(ASK_QUERY, { question })).ask;
}
