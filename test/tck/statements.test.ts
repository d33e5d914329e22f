// What reaches the database for each documented GraphQL query, pinned (in the
// manner of @neo4j/graphql's TCK): the queries of README.md, docs/api.md and
// DESIGN.md are asked over the five sample reports, the store records every
// named statement they run with its parameters, in order, and the record is
// compared with a checked-in Markdown file under test/tck/queries/. A change
// in what the database sees is a diff of those files in review;
// `npx vitest run test/tck -u` rewrites them after an intended change (see
// test/tck/README.md; `-u` last: vitest 4's `-u` takes an optional value, so
// `-u test/tck` would run, and update, the whole suite).
//
// The query texts are read out of the documents at test time (a ```graphql
// block, or an inline query found by its opening words), so that the suite
// keeps the documents honest too: a documented query that stops working, or
// changes, fails here or shows as a diff. DESIGN.md lives beside the
// repository (../shared), not in it: its query is copied here, and compared
// with the file when it is there. Where the documents name a capability
// without a runnable query (node lookup, a page after a cursor, deleteReport)
// the query is written here, and its file says so.
//
// Determinism:
// - Each request gets a fresh GraphQL context (src/api/context.ts: new
//   DataLoaders and Pothos caches per request), so nothing is carried from one
//   query to the next; each read is asked twice and must record the same.
// - The embedded store's read cache is off (readCache: false). The recording
//   wrapper sits above it, so the cache could not hide a statement from the
//   record, but with it off every recorded statement is also executed.
// - Statements are kept in the order they were run: within one DataLoader tick
//   the order follows the resolvers' order, which graphql-js makes fixed
//   (checked: 30 runs of each query, one order each), so nothing is sorted.
// - Ids (report ids hash the text; Relay ids encode type and key) and cursors
//   (position and a hash of the item) are stable, and so are printed as they
//   are. The only value normalised is the extractor version (report_stored_as's
//   `version`): a constant of the release, not of the query, which would
//   otherwise rewrite these files at every extractor release. The ingested text
//   is shown by its file name (its 17 kB would drown the file).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { postQuery, type Yoga } from '../support/ask.js';
import { recordingStore, type RecordedStatement } from '../support/recording.js';
import { useSeededApi } from '../support/seeded-api.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED_DIR = join(ROOT, 'seed');
const DESIGN = join(ROOT, '..', 'shared', 'DESIGN.md');
const TOKEN = 'tck-token';

// --- The query texts, out of the documents ---

const docs = new Map<string, string>();
const doc = (file: string) => docs.get(file) ?? docs.set(file, readFileSync(join(ROOT, file), 'utf8')).get(file)!;

/** The ```graphql block of `file` that contains `containing` (exactly one must). */
function fencedQuery(file: string, containing: string): string {
  const blocks = [...doc(file).matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1].trim()).filter((b) => b.includes(containing));
  if (blocks.length !== 1) throw new Error(`${file}: ${blocks.length} \`\`\`graphql blocks contain ${JSON.stringify(containing)}, expected one`);
  return blocks[0];
}

/**
 * The query written inline in `file` (a code span, a curl argument) that
 * starts with `start`, which must occur once: from there to the brace that
 * closes the first one opened (braces inside strings do not count).
 */
function inlineQuery(file: string, start: string): string {
  const text = doc(file);
  const at = text.indexOf(start);
  if (at < 0 || text.indexOf(start, at + 1) >= 0) throw new Error(`${file}: ${JSON.stringify(start)} must occur exactly once`);
  let depth = 0;
  let inString = false;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(at, i + 1);
  }
  throw new Error(`${file}: the query at ${JSON.stringify(start)} never closes its braces`);
}

// --- The cases ---

interface Case {
  /** The expectation file: queries/<name>.md. */
  name: string;
  title: string;
  /** Where the query text comes from. */
  source: string;
  query: () => string;
  variables?: (yoga: Yoga) => Promise<Record<string, unknown>>;
  /** The variables as the file shows them, when one is too long to print. */
  shownVariables?: Record<string, unknown>;
  /** A mutation: sent with the token, asked once (it changes the store), after every read. */
  mutation?: boolean;
  /** What the answer must say besides "no errors, some data": its data, field by field. */
  check?: (data: Record<string, unknown>) => void;
}

/** Which county-level jurisdictions mention 三项制度, as DESIGN.md asks it (also the GraphiQL default query, with totalCount). */
const DESIGN_COUNTIES = `{ jurisdictions(filter: {level: COUNTY, mentionsInitiative: "三项制度"}) {
    edges { node { name fullName province { name } } } } }`;

/** The first page of reports, whose end cursor the second page starts after. */
const REPORTS_FIRST_PAGE = '{ reports(first: 2) { pageInfo { endCursor } } }';
/** The report 台前县 2021 (seed/001_…), the report of docs/api.md's upload example. */
const TAIQIAN = { file: '001_1fa361cb2236cbad.txt', reportId: '3e86c94772305bcd4a86265ef0382619' };

const API = 'docs/api.md';
const CASES: Case[] = [
  {
    name: 'counties-citing-sanxiang',
    title: 'Which counties cite 三项制度',
    source:
      '../shared/DESIGN.md, "Queries that must read naturally" (copied into the test: ../shared is outside the repository; compared with the file when it is beside it)',
    query: () => DESIGN_COUNTIES,
    check: (data) => expect((data.jurisdictions as { edges: { node: { name: string } }[] }).edges.map((e) => e.node.name)).toEqual(['昌江区']),
  },
  {
    name: 'worked-example-counties',
    title: 'The worked example: county-level jurisdictions mentioning 三项制度',
    source: 'README.md, "A worked example"',
    query: () => fencedQuery('README.md', 'mentionsInitiative: "三项制度"'),
  },
  {
    name: 'worked-example-why',
    title: 'The worked example: why the graph says so',
    source: 'README.md, "A worked example" ("And why does the graph say so")',
    query: () => fencedQuery('README.md', 'initiative(name: "三项制度")'),
  },
  {
    name: 'jurisdictions-filter-order-facets',
    title: 'Combined filters, ordering, facets',
    source: `${API}, "Combined filters, ordering, facets"`,
    query: () => fencedQuery(API, 'facets { province'),
  },
  {
    name: 'initiatives-by-mentions',
    title: 'Initiatives ordered by mentions',
    source: `${API}, "Ordering by counts"`,
    query: () => fencedQuery(API, 'orderBy: {field: MENTIONS}'),
  },
  {
    name: 'reports-last',
    title: 'The last report (`last` alone)',
    source: `${API}, "Clients" (the curl example)`,
    query: () => inlineQuery(API, '{ reports(last: 1)'),
  },
  {
    name: 'reports-after-cursor',
    title: 'A page of reports after a cursor',
    source: `written here: ${API}, "Pages", describes \`first\`/\`after\` without an example; the cursor is the end cursor of \`${REPORTS_FIRST_PAGE}\` (asked before the record starts)`,
    query: () => 'query($after: String) { reports(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { reportId year } } }',
    variables: async (yoga) => ({
      after: (await postQuery<{ reports: { pageInfo: { endCursor: string } } }>(yoga, REPORTS_FIRST_PAGE)).data!.reports.pageInfo.endCursor,
    }),
    check: (data) => expect((data.reports as { nodes: unknown[] }).nodes).toHaveLength(2),
  },
  {
    name: 'regulation-by-title-variant',
    title: 'A regulation looked up by a title variant, with the reports citing it',
    source: `${API}, "Lookup by a title variant"`,
    query: () => fencedQuery(API, 'citedBy { totalCount edges'),
  },
  {
    name: 'search',
    title: 'Search across types',
    source: `${API}, "Search across types"`,
    query: () => inlineQuery(API, '{ search(text: "三项制度", first: 3)'),
  },
  {
    name: 'evidence',
    title: 'Why does the graph say 昌江区 cites 三项制度',
    source: `${API}, "Why does the graph say 昌江区 cites 三项制度?"`,
    query: () => fencedQuery(API, 'evidence(initiative: "三项制度"'),
  },
  {
    name: 'co-citation',
    title: 'Co-citation with lift and PMI',
    source: `${API}, "Co-citation with lift and PMI"`,
    query: () => inlineQuery(API, '{ regulation(title: "民法典")'),
  },
  {
    name: 'similar-jurisdictions',
    title: 'Similar jurisdictions',
    source: `${API}, "Similar jurisdictions"`,
    query: () => inlineQuery(API, '{ jurisdiction(name: "罗江区") { similar'),
  },
  {
    name: 'compare-jurisdictions',
    title: 'Two jurisdictions side by side',
    source: `${API}, "Similar jurisdictions" ("Side by side")`,
    query: () => inlineQuery(API, '{ compareJurisdictions(a: "罗江区"'),
  },
  {
    name: 'graph',
    title: 'A subgraph for a visualization client',
    source: `${API}, "A subgraph for a visualization client"`,
    query: () => inlineQuery(API, '{ graph(search: "三项制度", depth: 1'),
  },
  {
    name: 'nodes-by-id',
    title: 'Nodes fetched again by their ids',
    source: `written here: ${API}, "Ids and types", says every id refetches through \`node(id:)\`/\`nodes(ids:)\`, without an example; the ids are those of the graph recipe's answer`,
    query: () =>
      '{ nodes(ids: ["SW5pdGlhdGl2ZTrooYzmlL/miafms5XkuInpobnliLbluqY=", "UmVwb3J0OjQxMDA5ZGRlNTI1N2RmZjlhZmE1ODIzZDZiZTZhMzE2", "UmVwb3J0OjUzNjdlNzk5ZjA5Yjc3MDFiM2IwOWY4Yzc0MjNjZmEz"]) { id ... on Initiative { name } ... on Report { year jurisdiction { name } } } }',
    check: (data) => expect((data.nodes as unknown[]).every((n) => n !== null)).toBe(true),
  },
  {
    name: 'initiative-diffusion',
    title: 'Diffusion of an initiative by year and province',
    source: `${API}, "Diffusion of an initiative"`,
    query: () => inlineQuery(API, '{ initiative(name: "放管服")'),
  },
  {
    name: 'problem-themes-of-year',
    title: 'Widespread problems: the themes of a year',
    source: `${API}, "Recurring and widespread problems"`,
    query: () => inlineQuery(API, '{ problemThemesOfYear(year: 2021'),
  },
  {
    name: 'recurring-problem-themes',
    title: 'Recurring problems (none among the samples: one report per place)',
    source: `${API}, "Recurring and widespread problems" (the field as written there, in \`{ }\`)`,
    query: () => `{ ${inlineQuery(API, 'recurringProblemThemes { totalCount')} }`,
  },
  {
    name: 'ingest-report-unchanged',
    title: 'ingestReport of a report already stored (UNCHANGED)',
    source: `${API}, "Writing" (its \`text: "…"\` given as the variable $text: the text of seed/${TAIQIAN.file})`,
    query: () => {
      const written = inlineQuery(API, 'mutation { ingestReport(input: {text: "…"})');
      const query = written.replace('mutation {', 'mutation($text: String!) {').replace('text: "…"', 'text: $text');
      if (query === written || !query.includes('$text: String!'))
        throw new Error(`${API}: the ingestReport example no longer reads \`mutation { ingestReport(input: {text: "…"})\``);
      return query;
    },
    variables: async () => ({ text: readFileSync(join(SEED_DIR, TAIQIAN.file), 'utf8') }),
    shownVariables: { text: `<the text of seed/${TAIQIAN.file}>` },
    mutation: true,
    check: (data) => expect(data.ingestReport).toEqual({ outcome: 'UNCHANGED', reportId: TAIQIAN.reportId }),
  },
  {
    name: 'delete-report',
    title: 'deleteReport',
    source: `written here: ${API}, "Writing", says "\`deleteReport(id:)\` likewise"; the id is 台前县 2021's (seed/${TAIQIAN.file})`,
    query: () => `mutation { deleteReport(id: "${TAIQIAN.reportId}") { reportId deleted } }`,
    mutation: true,
    check: (data) => expect(data.deleteReport).toEqual({ reportId: TAIQIAN.reportId, deleted: true }),
  },
];

// --- The record, as a file ---

/** Keys in a stable order at every depth; the extractor version as a placeholder (see the header). */
function normalised(value: unknown, key?: string): unknown {
  if (key === 'version' && value === EXTRACTOR_VERSION) return '<EXTRACTOR_VERSION>';
  if (Array.isArray(value)) return value.map((v) => normalised(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, normalised((value as Record<string, unknown>)[k], k)]),
    );
  }
  return value;
}

const json = (value: unknown) => JSON.stringify(normalised(value), null, 2);

function render(c: Case, query: string, variables: Record<string, unknown>, statements: RecordedStatement[]): string {
  const lines = [
    `# ${c.title}`,
    '',
    '<!-- Written by test/tck/statements.test.ts; `npx vitest run test/tck -u` rewrites it. See test/tck/README.md. -->',
    '',
    `Source: ${c.source}.`,
    '',
    '## GraphQL',
    '',
    '```graphql',
    query,
    '```',
    '',
  ];
  if (Object.keys(variables).length) lines.push('Variables:', '', '```json', json(c.shownVariables ?? variables), '```', '');
  lines.push(`## Statements (${statements.length})`, '');
  statements.forEach((s, i) => {
    lines.push(`### ${i + 1}. \`${s.name}\`${s.write ? ' (in the write transaction)' : ''}`, '', '```json', json(s.params), '```', '');
  });
  return lines.join('\n');
}

// --- The suite ---

describe('the statements each documented query runs (TCK)', () => {
  const seeded = useSeededApi({ storeOptions: { readCache: false }, wrap: recordingStore, server: { token: TOKEN } });

  beforeAll(() => {
    expect(seeded.summary).toMatchObject({ files: 5, created: 5, refused: [], failed: [] });
  });

  /** Asks one query with the record started afresh; its answer (no errors, some data) and what it ran. */
  async function recorded(c: Case, query: string, variables: Record<string, unknown>) {
    seeded.served.take();
    const body = await seeded.post<Record<string, unknown>>(query, variables, c.mutation ? { authorization: `Bearer ${TOKEN}` } : {});
    const statements = seeded.served.take();
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const fields = Object.entries(body.data ?? {});
    expect(fields.length).toBeGreaterThan(0);
    for (const [field, value] of fields) expect(value, `${field} is null`).not.toBeNull();
    c.check?.(body.data!);
    expect(statements.length, 'the query ran no statement').toBeGreaterThan(0);
    return statements;
  }

  // Reads first, then the mutations in order (the deletion last: it changes the graph).
  const ordered = [...CASES.filter((c) => !c.mutation), ...CASES.filter((c) => c.mutation)];
  it.each(ordered.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const query = c.query();
    const variables = (await c.variables?.(seeded.yoga)) ?? {};
    const statements = await recorded(c, query, variables);
    if (!c.mutation) expect(await recorded(c, query, variables), 'asked again, the query runs other statements').toEqual(statements);
    await expect(render(c, query, variables, statements)).toMatchFileSnapshot(`./queries/${c.name}.md`);
  });

  it.runIf(existsSync(DESIGN))(
    `DESIGN.md still asks its query as copied here${existsSync(DESIGN) ? '' : ' (skipped: ../shared is not beside the repository)'}`,
    () => {
      expect(readFileSync(DESIGN, 'utf8')).toContain(DESIGN_COUNTIES);
    },
  );
});
