// The bench's query table, in one place: the queries the issues set targets
// for, sent by the query, load, ingest-readers, hostile and scale sections
// (bench/run.ts) and timed cold by bench/cold-queries.ts. A sample says what
// they ask about, so that a section can ask about many places in turn.
import { execute, parse } from 'graphql';
import { createContext } from '../src/api/context.js';
import { schema } from '../src/api/schema/index.js';
import type { GraphStore } from '../src/store/types.js';

export interface NamedQuery {
  /** Stable across samples (the name may carry the sample's initiative). */
  key: QueryKey;
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export type QueryKey = 'typename' | 'counties' | 'jurisdiction' | 'cocitation' | 'similar' | 'subgraph' | 'search' | 'lookup';

export interface QuerySample {
  /** A jurisdiction's code: the page and similarity ask about it. */
  code: string;
  /** The text the subgraph starts from and search looks for (codes are unique, names are not). */
  search: string;
  /** The initiative the counties query filters on (default 三项制度). */
  initiative?: string;
  /** The regulation whose co-citations are asked for (default the 2021–2025 纲要). */
  regulation?: string;
}

export const DEFAULT_INITIATIVE = '三项制度';
export const DEFAULT_REGULATION = '法治政府建设实施纲要(2021-2025年)';

/** The query table, `{ __typename }` (the baseline) first. */
export function benchQueries(sample: QuerySample): NamedQuery[] {
  const initiative = sample.initiative ?? DEFAULT_INITIATIVE;
  return [
    { key: 'typename', name: 'typename (baseline)', query: '{ __typename }' },
    {
      key: 'counties',
      name: `counties citing ${initiative}`,
      query:
        'query($i: String!) { jurisdictions(filter: {level: COUNTY, mentionsInitiative: $i}) { totalCount edges { node { name fullName province { name } } } } }',
      variables: { i: initiative },
    },
    {
      key: 'jurisdiction',
      name: 'jurisdiction page',
      query: `query($name: String!) { jurisdiction(name: $name) { name fullName code level province { name } prefecture { name }
        reports(first: 10) { totalCount edges { node { title year issuerName problems(first: 10) { edges { node { text theme } } } } } }
        initiatives(first: 10) { totalCount edges { reportCount mentionCount node { name category } } }
        regulations(first: 10) { totalCount edges { reportCount node { title kind } } } } }`,
      variables: { name: sample.code },
    },
    {
      key: 'cocitation',
      name: 'co-citation top 10',
      query: 'query($t: String!) { regulation(title: $t) { title coCited(first: 10) { totalCount nodes { regulation { title } count lift } } } }',
      variables: { t: sample.regulation ?? DEFAULT_REGULATION },
    },
    {
      key: 'similar',
      name: 'similar jurisdictions top 10',
      query: 'query($name: String!) { jurisdiction(name: $name) { name similar(first: 10) { totalCount nodes { jurisdiction { name } shared score } } } }',
      variables: { name: sample.code },
    },
    {
      key: 'subgraph',
      name: 'subgraph depth 2, 200 nodes',
      query: 'query($s: String!) { graph(search: $s, depth: 2, maxNodes: 200) { truncated nodes { id type label degree } edges { source target type } } }',
      variables: { s: sample.search },
    },
    {
      key: 'search',
      name: 'search, first 20',
      query: 'query($s: String!) { search(text: $s, first: 20) { totalCount nodes { label type match } } }',
      variables: { s: sample.search },
    },
  ];
}

/** Lookups by name and the newest reports: cheap, timed by cold-queries.ts beside the table to catch regressions. */
export const lookupQueries: NamedQuery[] = [
  { key: 'lookup', name: 'regulation(title:) 纲要', query: `{ regulation(title: "${DEFAULT_REGULATION}") { title } }` },
  { key: 'lookup', name: `initiative(name:) ${DEFAULT_INITIATIVE}`, query: `{ initiative(name: "${DEFAULT_INITIATIVE}") { name } }` },
  { key: 'lookup', name: 'reports, newest 20', query: '{ reports(first: 20) { totalCount edges { node { title year } } } }' },
];

/**
 * One answer through the schema (no HTTP), with a fresh request context (no
 * dataloader results carried over): its time, the first error if any, and
 * whether it found nothing. On a
 * store opened with the read cache off, every answer is a cold one.
 */
export async function timeAnswer(store: GraphStore, q: NamedQuery): Promise<{ ms: number; error?: string; empty: boolean }> {
  const document = parse(q.query);
  const started = performance.now();
  const result = await execute({ schema, document, contextValue: createContext(store), variableValues: q.variables });
  const ms = performance.now() - started;
  // null at the top: the place or regulation asked about is not in the store, and the answer cost nothing
  const empty = Object.values(result.data ?? {}).every((v) => v == null);
  return result.errors?.length ? { ms, error: result.errors[0].message, empty } : { ms, empty };
}
