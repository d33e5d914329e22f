// Server hardening on a real port: CSRF prevention for browser-simple
// requests, the batch limit, request ids in responses and logs, and masked
// errors whose originals reach the log (never the client) even in development mode.
import type { AddressInfo } from 'node:net';
import { request, type Server } from 'node:http';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requestIdFrom } from '../../../src/api/logging.js';
import { createHttpServer, REQUEST_LIMITS } from '../../../src/api/server.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import type { GraphStore } from '../../../src/store/types.js';

/** A pino logger whose JSON lines land in an array. */
function capturingLogger() {
  const lines: { level: number; msg?: string; [field: string]: unknown }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

async function listen(options: Parameters<typeof createHttpServer>[0]): Promise<{ server: Server; url: string }> {
  const server = createHttpServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const close = (server: Server) => new Promise((resolve) => server.close(resolve));
const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('server hardening', () => {
  let store: EmbeddedStore;
  let server: Server;
  let url: string;
  const log = capturingLogger();
  beforeAll(async () => {
    store = await EmbeddedStore.open();
    ({ server, url } = await listen({ store, logger: log.logger }));
  });
  afterAll(async () => {
    await close(server);
    await store.close();
  });

  it('answers a GET query without a CSRF header (as urql sends one by default), and refuses a mutation over GET with or without one', async () => {
    const query = encodeURIComponent('{ __typename }');
    for (const headers of [{}, { 'x-graphql-yoga-csrf': '1' }] as Record<string, string>[]) {
      const answer = await fetch(`${url}/graphql?query=${query}`, { headers: { accept: 'application/json', ...headers } });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    }
    const counts = await store.counts();
    const mutation = encodeURIComponent('mutation { deleteReport(id: "x") { deleted } }');
    for (const headers of [{}, { 'x-graphql-yoga-csrf': '1' }] as Record<string, string>[]) {
      const refused = await fetch(`${url}/graphql?query=${mutation}`, { headers: { accept: 'application/json', ...headers } });
      expect(refused.status).toBe(405);
      expect((await refused.json()).errors[0].message).toMatch(/mutation operation from a POST request/);
    }
    expect(await store.counts()).toEqual(counts);
  });

  it('refuses a text/plain POST (a cross-site form) but answers a JSON POST and keeps introspection', async () => {
    const form = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(form.status).toBe(403);
    const json = await postJson(url, { query: '{ __schema { queryType { name } } }' });
    expect(await json.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('answers a batch of operations up to the limit and refuses a larger one', async () => {
    const ok = await postJson(url, [{ query: '{ a: __typename }' }, { query: '{ b: __typename }' }]);
    expect(await ok.json()).toEqual([{ data: { a: 'Query' } }, { data: { b: 'Query' } }]);
    const tooMany = Array.from({ length: REQUEST_LIMITS.batchOperations + 1 }, () => ({ query: '{ __typename }' }));
    const refused = await postJson(url, tooMany);
    const body = await refused.json();
    expect(JSON.stringify(body)).toMatch(new RegExp(`Batching is limited to ${REQUEST_LIMITS.batchOperations} operations`));
  });

  it('echoes a plain client request id, replaces a hostile one, and logs each request under it', async () => {
    log.lines.length = 0;
    const given = await postJson(url, { query: '{ __typename }' }, { 'x-request-id': 'analyst-42.run_7' });
    expect(given.headers.get('x-request-id')).toBe('analyst-42.run_7');
    const hostile = await postJson(url, { query: '{ __typename }' }, { 'x-request-id': 'x\r\n{"level":60} forged line'.replace(/[\r\n]/g, ' ') });
    const replaced = hostile.headers.get('x-request-id')!;
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const requests = log.lines.filter((l) => l.msg === 'request');
    expect(requests.map((l) => [l.reqId, l.method, l.path, l.status])).toEqual([
      ['analyst-42.run_7', 'POST', '/graphql', 200],
      [replaced, 'POST', '/graphql', 200],
    ]);
    expect(requests.every((l) => typeof l.ms === 'number')).toBe(true);
  });

  it('generates request ids for absent or over-long headers', () => {
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom('a'.repeat(65))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(['first-id', 'second'])).toBe('first-id');
  });
});

/** A POST with a chunked body (no Content-Length), which fetch cannot send: node:http writes it. */
function postChunked(url: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('request bodies', () => {
  it('refuses a chunked body without a Content-Length with 411 and says what to send; the next request is served', async () => {
    const store = await EmbeddedStore.open();
    const { server, url } = await listen({ store });
    try {
      const query = JSON.stringify({ query: '{ __typename }' });
      const answer = await postChunked(url, [query.slice(0, 10), query.slice(10)]);
      expect(answer.status).toBe(411);
      expect(JSON.parse(answer.body).errors[0].message).toMatch(/Content-Length/);
      expect(await (await postJson(url, { query: '{ __typename }' })).json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await close(server);
      await store.close();
    }
  });
});

describe('masked errors', () => {
  const previousEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = previousEnv;
  });

  it('give the client "Unexpected error." only, and the log the original under the request id, even with NODE_ENV=development', async () => {
    process.env.NODE_ENV = 'development';
    const secret = 'Neo.ClientError at /srv/govgraph/cypher/reports_list.cypher: MATCH (r:Report) RETURN r';
    const broken = {
      kind: 'neo4j',
      run: async () => {
        throw new Error(secret);
      },
    } as unknown as GraphStore;
    const log = capturingLogger();
    const { server, url } = await listen({ store: broken, logger: log.logger });
    try {
      const response = await postJson(url, { query: '{ reports(first: 1) { totalCount } }' }, { 'x-request-id': 'trace-me' });
      const text = await response.text();
      expect(text).not.toMatch(/cypher|MATCH|\/srv\/|at .*\.ts:\d+/i);
      expect(JSON.parse(text).errors[0].message).toBe('Unexpected error.');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const logged = log.lines.find((l) => l.level === 50);
      expect(logged).toMatchObject({ reqId: 'trace-me', msg: 'unexpected error (masked in the response)' });
      expect(JSON.stringify(logged)).toContain('reports_list.cypher');
    } finally {
      await close(server);
    }
  });

  it('an export the store fails: 500 with a plain reason, the original only in the log', async () => {
    const secret = 'Neo.DatabaseError at /srv/govgraph/cypher/export_nodes.cypher';
    const broken = {
      kind: 'neo4j',
      run: async () => {
        throw new Error(secret);
      },
      counts: async () => {
        throw new Error(secret);
      },
    } as unknown as GraphStore;
    const log = capturingLogger();
    const { server, url } = await listen({ store: broken, logger: log.logger });
    try {
      const response = await fetch(`${url}/export/graphml`, { headers: { 'x-request-id': 'export-trace' } });
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(text).not.toMatch(/cypher|Neo\.|\/srv\//);
      expect(text).toMatch(/the export failed; the server log has the reason/);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(JSON.stringify(log.lines.filter((l) => l.level >= 50))).toContain('export_nodes.cypher');
    } finally {
      await close(server);
    }
  });
});
