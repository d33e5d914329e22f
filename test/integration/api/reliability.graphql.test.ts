// Hostile GraphQL through the real HTTP server (createHttpServer on a port):
// a table of abusive query shapes, and injection strings in every string slot
// of every query field — enumerated from the schema, so new fields are covered
// without editing this file — as variables and as inline literals, plus the
// mutations with and without the token. Each answer is a clear error or a
// normal (possibly empty) result: no stack trace, no Cypher, no path of this
// machine, no "Unexpected error." (an internal failure); and the store's node
// and relationship counts are the same afterwards.
import { readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../../src/api/schema/index.js';
import { createHttpServer, REQUEST_LIMITS } from '../../../src/api/server.js';
import { EXTRACTOR_VERSION, extractReport } from '../../../src/extract/index.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import type { StoreCounts } from '../../../src/store/types.js';
import { INJECTIONS, leaks, requestFor, stringSlots } from '../../support/hostile.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const TOKEN = 'reliability-token';

let store: EmbeddedStore;
let server: Server;
let url: string;
let before: StoreCounts;

interface Answer {
  status: number;
  text: string;
  body:
    | { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }
    | { data?: unknown; errors?: unknown }[]
    | null;
}

async function post(payload: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  let body: Answer['body'] = null;
  try {
    body = JSON.parse(text);
  } catch {
    // judged by the caller
  }
  return { status: response.status, text, body };
}

/** The common verdict: a JSON answer, no leak, no internal error, and errors that say something. */
function expectClear(answer: Answer, sent: string[], label: string): void {
  expect(answer.status, `${label}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(answer.body, `${label}: not JSON: ${answer.text.slice(0, 200)}`).not.toBeNull();
  expect(leaks(answer.text, sent, root), label).toEqual([]);
  for (const result of Array.isArray(answer.body) ? answer.body : [answer.body]) {
    for (const error of (result?.errors ?? []) as { message: string }[]) {
      expect(error.message, `${label}: an internal failure`).not.toBe('Unexpected error.');
      expect(error.message.trim().length, label).toBeGreaterThan(5);
    }
  }
}

const figures = { hostileQueries: 0, slotRequests: 0, querySlots: 0, mutationSlots: 0, fields: 0 };

beforeAll(async () => {
  store = await EmbeddedStore.open();
  const seedDir = join(root, 'seed');
  for (const file of readdirSync(seedDir).filter((f) => f.endsWith('.txt'))) {
    await store.upsertReport(extractReport(readFileSync(join(seedDir, file), 'utf8'), { file }), { extractorVersion: EXTRACTOR_VERSION });
  }
  before = await store.counts();
  server = createHttpServer({ store, token: TOKEN });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await store?.close();
  console.info(`reliability.graphql figures: ${JSON.stringify(figures)}`);
});

function join(...parts: string[]): string {
  return parts.join('/').replace(/\/+/g, '/');
}

describe('a table of hostile query shapes', () => {
  let deep = 'name';
  for (let i = 0; i < 40; i++) deep = `reports { edges { node { jurisdiction { ${deep} } } } }`;
  const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
  const cases: { name: string; payload: unknown; expect: (a: Answer) => void }[] = [
    { name: 'nesting 160 levels deep', payload: { query: `{ jurisdictions { edges { node { ${deep} } } } }` }, expect: (a) => expectError(a, /depth/) },
    // __typename costs nothing and may be answered
    { name: '1,000 aliases of __typename', payload: { query: aliases(1000, '__typename') }, expect: (a) => expectClearOnly(a) },
    {
      name: '1,000 aliases of a store query (over the text limit)',
      payload: { query: aliases(1000, 'reports { totalCount }') },
      expect: (a) => expectError(a, /limit/),
    },
    {
      name: '250 aliases of a store query (under the text limit)',
      payload: { query: aliases(250, 'reports(first: 100) { totalCount edges { node { title } } }') },
      expect: (a) => expectError(a, /complexity|breadth|limit/),
    },
    {
      name: 'first: 1,000,000,000',
      payload: { query: '{ reports(first: 1000000000) { edges { node { id } } } }' },
      expect: (a) => expectErrorOrPageOf(a, 'reports', REQUEST_LIMITS && 100),
    },
    { name: 'first: 2^31 (not an Int)', payload: { query: '{ reports(first: 2147483648) { totalCount } }' }, expect: (a) => expectError(a, /Int/) },
    {
      name: 'first: -1',
      payload: { query: '{ reports(first: -1) { totalCount edges { node { id } } } }' },
      expect: (a) => expectErrorOrPageOf(a, 'reports', 0),
    },
    {
      name: 'search first: 1,000,000',
      payload: { query: '{ search(text: "法治", first: 1000000) { nodes { label } } }' },
      expect: (a) => expectError(a, /complexity .* exceeds|`first` must be between 0 and 100/),
    },
    {
      name: 'graph maxNodes: 1,000,000 depth: 99',
      payload: { query: '{ graph(search: "法治", depth: 99, maxNodes: 1000000) { nodes { id } } }' },
      expect: (a) => expectClearOnly(a),
    },
    {
      name: 'a fragment cycle',
      payload: { query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' },
      expect: (a) => expectError(a, /cycle|spread itself|cannot spread/i),
    },
    {
      name: 'a fragment spread 1,000 times',
      payload: { query: `query { ${Array.from({ length: 1000 }, () => '...F').join(' ')} } fragment F on Query { reports { totalCount } }` },
      expect: (a) => expectClearOnly(a),
    },
    {
      name: 'a batch of 50 operations',
      payload: Array.from({ length: 50 }, () => ({ query: '{ reports { totalCount } }' })),
      expect: (a) => expectError(a, /batch|limit|operations/i),
    },
    {
      name: `a batch at the limit (${REQUEST_LIMITS.batchOperations} operations)`,
      payload: Array.from({ length: REQUEST_LIMITS.batchOperations }, () => ({ query: '{ reports { totalCount } }' })),
      expect: (a) => {
        expectClearOnly(a);
        expect(Array.isArray(a.body) && a.body.every((r) => (r.data as { reports: { totalCount: number } }).reports.totalCount === 5)).toBe(true);
      },
    },
    {
      name: 'introspection (the full query GraphiQL sends)',
      payload: { query: getIntrospectionQuery() },
      expect: (a) => expect((a.body as { data: { __schema: { types: unknown[] } } }).data.__schema.types.length).toBeGreaterThan(20),
    },
    {
      name: 'two operations without operationName',
      payload: { query: 'query A { __typename } query B { __typename }' },
      expect: (a) => expectError(a, /operation/i),
    },
    { name: 'an unknown field', payload: { query: '{ dropEverything }' }, expect: (a) => expectError(a, /Cannot query field/) },
    { name: 'a syntax error', payload: { query: '{ reports { ' }, expect: (a) => expectError(a, /Syntax Error/) },
    { name: 'a query that is not a string', payload: { query: { evil: true } }, expect: (a) => expectClearOnly(a) },
    { name: 'a body that is not JSON', payload: '{"query": "{ __typename }"', expect: (a) => expectClearOnly(a) },
    {
      name: 'variables that are not an object',
      payload: { query: 'query($t: String!) { search(text: $t) { label } }', variables: 'MATCH (n) RETURN n' },
      expect: (a) => expectClearOnly(a),
    },
    {
      name: 'a 500,000-character search text',
      payload: { query: 'query($t: String!) { search(text: $t) { label } }', variables: { t: '法'.repeat(500_000) } },
      expect: (a) => expectClearOnly(a),
    },
    {
      name: 'a mutation without the token',
      payload: { query: `mutation { deleteReport(id: "x") { deleted } }` },
      expect: (a) => expectError(a, /token|authori|UNAUTHENTICATED/i),
    },
  ];

  function errorsOf(a: Answer): { message: string }[] {
    return (Array.isArray(a.body) ? a.body.flatMap((r) => (r.errors ?? []) as { message: string }[]) : (a.body?.errors ?? [])) as { message: string }[];
  }
  function expectClearOnly(a: Answer): void {
    expectClear(a, [], 'hostile');
  }
  function expectError(a: Answer, message: RegExp): void {
    expectClearOnly(a);
    const errors = errorsOf(a);
    expect(errors.length, a.text.slice(0, 300)).toBeGreaterThan(0);
    expect(errors.map((e) => e.message).join(' | ')).toMatch(message);
  }
  function expectErrorOrPageOf(a: Answer, field: string, max: number): void {
    expectClearOnly(a);
    if (errorsOf(a).length) return;
    const edges = (a.body as { data: Record<string, { edges: unknown[] }> }).data[field].edges;
    expect(edges.length).toBeLessThanOrEqual(max);
  }
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    figures.hostileQueries++;
    c.expect(await post(c.payload));
  });
});

describe('injection strings in every string slot of every query field', () => {
  const query = schema.getQueryType()!;
  const slots = stringSlots(query);
  figures.querySlots = slots.length;
  figures.fields = new Set(slots.map((s) => s.field)).size;

  it('finds the slots from the schema (so new fields are covered)', () => {
    const names = slots.map((s) => `${s.field}.${s.path.join('.')}`);
    expect(names).toEqual(
      expect.arrayContaining(['search.text', 'jurisdiction.name', 'regulation.title', 'initiative.name', 'report.id', 'node.id', 'reports.after']),
    );
    expect(names.some((n) => n.startsWith('jurisdictions.filter.'))).toBe(true);
  });

  for (const mode of ['variable', 'inline'] as const) {
    it(`as ${mode}s: a clear error or a normal answer, and nothing changes`, async () => {
      const failures: string[] = [];
      const requests = slots.flatMap((slot) => INJECTIONS.map((value) => ({ slot, value, request: requestFor(query, slot, value, mode) })));
      // a few at a time: the server is real, the machine shared
      for (let i = 0; i < requests.length; i += 8) {
        await Promise.all(
          requests.slice(i, i + 8).map(async ({ slot, value, request }) => {
            const label = `${slot.field}(${slot.path.join('.')}) ← ${JSON.stringify(value)} as ${mode}`;
            const answer = await post(request);
            figures.slotRequests++;
            if (process.env.SHOW_HOSTILE) console.log(label, request.query, answer.text.slice(0, 300));
            try {
              expectClear(answer, [value], label);
              const body = answer.body as { data?: unknown; errors?: { message: string }[] };
              // an injection is an ordinary string: never a validation failure of the request itself
              for (const e of body.errors ?? [])
                expect(e.message, label).not.toMatch(/^(Syntax Error|Variable "\$\w+" got invalid value|Unknown argument|Cannot query field)/);
            } catch (error) {
              failures.push(`${label}: ${(error as Error).message.split('\n')[0]} — ${answer.text.slice(0, 200)}`);
            }
          }),
        );
      }
      expect(failures).toEqual([]);
      expect(await store.counts()).toEqual(before);
    }, 120_000);
  }
});

describe('injection strings in the mutations', () => {
  const mutation = schema.getMutationType()!;
  const slots = stringSlots(mutation).filter((s) => s.type === 'String' || s.type === 'ID');
  figures.mutationSlots = slots.length;

  it('without the token: refused, with the token: a typed answer — and nothing is deleted or written', async () => {
    const failures: string[] = [];
    for (const slot of slots) {
      for (const value of INJECTIONS) {
        for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
          const label = `${slot.field}(${slot.path.join('.')}) ← ${JSON.stringify(value)}${'authorization' in headers ? ' with the token' : ''}`;
          const answer = await post(requestFor(mutation, slot, value, 'variable'), headers);
          figures.slotRequests++;
          try {
            expectClear(answer, [value], label);
          } catch (error) {
            failures.push(`${label}: ${(error as Error).message.split('\n')[0]} — ${answer.text.slice(0, 200)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await store.counts()).toEqual(before);
  }, 120_000);
});
