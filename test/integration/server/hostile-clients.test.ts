// What anonymous and slow clients can make the server do, on a real port:
// an upload without the token, a body over the limit and a chunked body are
// answered from the headers and their connections closed without reading the
// body; a client that sends its body or headers a byte at a time loses its
// connection at the request or headers timeout; CORS answers only listed
// origins; a query nested thousands deep is a 400, not a stack overflow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_NESTING } from '../../../src/api/nesting-limit.js';
import { headerOf, rawExchange } from '../../support/raw-http.js';
import { type Served, serveStore } from '../../support/served.js';

const TOKEN = 'hostile-token';
const MB = 1024 * 1024;

/** The head of a multipart upload announcing `bytes` of body. */
const uploadHead = (bytes: number, extra = '') =>
  'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=xyz\r\n' +
  `x-graphql-yoga-csrf: 1\r\nContent-Length: ${bytes}${extra}`;

const errorOf = (body: string) => (JSON.parse(body) as { errors: { message: string; extensions?: { code?: string } }[] }).errors[0];

describe('bodies the server refuses are not read', () => {
  let served: Served;
  let open: Served;
  beforeAll(async () => {
    served = await serveStore({ token: TOKEN });
    open = await serveStore();
  });
  afterAll(async () => {
    await served.close();
    await open.close();
  });

  it('an upload without the token announcing 20 MB and trickling bytes: 401 from the headers alone, connection closed', async () => {
    const answer = await rawExchange({ port: served.port, head: uploadHead(20 * MB), bodyBytes: 20 * MB, pace: 16, intervalMs: 50 });
    expect(answer.status).toBe(401);
    expect(headerOf(answer.head, 'connection')).toBe('close');
    expect(headerOf(answer.head, 'www-authenticate')).toBe('Bearer realm="govgraph"');
    expect(errorOf(answer.body)).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // answered with (nearly) nothing of the body sent, and closed long before the rest could have been
    expect(answer.sentBeforeAnswer).toBeLessThan(1024);
    expect(answer.sent).toBeLessThan(MB);
  });

  it('an upload with a wrong token is 401 too; on a server without a token it is 403 (writes are off)', async () => {
    const wrong = await rawExchange({ port: served.port, head: uploadHead(20 * MB, '\r\nAuthorization: Bearer nope'), bodyBytes: 20 * MB, pace: 'fast' });
    expect(wrong.status).toBe(401);
    expect(wrong.sent).toBeLessThan(20 * MB);
    const off = await rawExchange({ port: open.port, head: uploadHead(20 * MB, `\r\nAuthorization: Bearer ${TOKEN}`), bodyBytes: 20 * MB, pace: 'fast' });
    expect(off.status).toBe(403);
    expect(errorOf(off.body).message).toMatch(/^mutations are disabled on this server/);
    expect(off.sent).toBeLessThan(20 * MB);
  });

  it('an upload with the token still reaches the mutation', async () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: 'mutation($f: Upload!) { ingestReport(input: {upload: $f}) { __typename } }', variables: { f: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new File(['not a report at all'], 'note.txt'));
    const response = await fetch(`${served.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'x-graphql-yoga-csrf': '1' },
      body: form,
    });
    expect(await response.json()).toEqual({ data: { ingestReport: { __typename: 'NotAReport' } } });
  });

  it('a JSON body announced over the limit: 413 and closed, the body not taken in', async () => {
    const bytes = 64 * MB;
    const answer = await rawExchange({
      port: served.port,
      head: `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${bytes}`,
      bodyBytes: bytes,
      pace: 'fast',
    });
    expect(answer.status).toBe(413);
    expect(errorOf(answer.body).message).toBe(`the request body has ${bytes} bytes, over the limit of 1000000`);
    expect(headerOf(answer.head, 'connection')).toBe('close');
    // What the client got into its socket before the close is kernel buffers, not the 64 MB.
    expect(answer.sent).toBeLessThan(bytes / 2);
  });

  it('a chunked body without a Content-Length: 411 and closed without reading it', async () => {
    const answer = await rawExchange({
      port: served.port,
      head: 'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked',
      bodyBytes: 20 * MB,
      pace: 16,
      intervalMs: 50,
    });
    expect(answer.status).toBe(411);
    expect(headerOf(answer.head, 'connection')).toBe('close');
    expect(answer.sent).toBeLessThan(MB);
  });
});

describe('slow clients lose their connection at the timeouts', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveStore({ timeouts: { requestMs: 1500, headersMs: 800, checkIntervalMs: 100 } });
  });
  afterAll(() => served.close());

  it('a body sent a byte at a time: 408 at the request timeout, connection closed', async () => {
    const started = Date.now();
    const answer = await rawExchange({
      port: served.port,
      head: 'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nx-graphql-yoga-csrf: 1\r\nContent-Length: 1000',
      bodyBytes: 1000,
      pace: 1,
      intervalMs: 200,
    });
    expect(answer.status).toBe(408);
    expect(errorOf(answer.body).message).toBe('the request took too long to arrive');
    // Cut off by the timeout (about 8 bytes in), far from the whole body; the bound is loose, for a busy machine.
    expect(answer.sent).toBeLessThan(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });

  it('headers sent a byte at a time: 408 at the headers timeout, connection closed', async () => {
    const answer = await rawExchange({
      port: served.port,
      head: `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'p'.repeat(200)}`,
      bodyBytes: 0,
      pace: 'fast',
      trickleHead: true,
      intervalMs: 50,
    });
    expect(answer.status).toBe(408);
  });

  it('a request that arrives in time is answered', async () => {
    expect(await (await fetch(`${served.url}/healthz`)).json()).toEqual({ status: 'ok' });
  });
});

describe('CORS', () => {
  let closed: Served;
  let listed: Served;
  beforeAll(async () => {
    closed = await serveStore();
    listed = await serveStore({ corsOrigins: ['https://a.example', 'https://b.example'] });
  });
  afterAll(async () => {
    await closed.close();
    await listed.close();
  });

  const ask = (served: Served, origin: string) =>
    fetch(`${served.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
  const preflight = (served: Served, origin: string) =>
    fetch(`${served.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });

  it('is off by default: no Access-Control-Allow-* for a foreign origin, the answer itself unchanged', async () => {
    const answer = await ask(closed, 'https://evil.example');
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    const pre = await preflight(closed, 'https://evil.example');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('answers a listed origin with its own name and no credentials, and nothing to an unlisted one', async () => {
    const answer = await ask(listed, 'https://b.example');
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://b.example');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    const pre = await preflight(listed, 'https://a.example');
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://a.example');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const other = await ask(listed, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const otherPre = await preflight(listed, 'https://a.example.evil.example');
    expect(otherPre.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sets no CORS headers on exports', async () => {
    const answer = await fetch(`${listed.url}/export`, { headers: { origin: 'https://evil.example' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('deeply nested queries', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveStore();
  });
  afterAll(() => served.close());

  const post = (query: string) =>
    fetch(`${served.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

  it('a 9,000-deep list literal: 400 with a plain message, before the parser', async () => {
    const query = `{ reports(first: 1, filter: { province: ${'['.repeat(9000)}"x"${']'.repeat(9000)} }) { totalCount } }`;
    const answer = await post(query);
    expect(answer.status).toBe(400);
    const error = ((await answer.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0];
    expect(error.message).toBe(`the query nests brackets more than ${MAX_QUERY_NESTING} deep, over the depth limit`);
    expect(error.extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('a 3,000-deep selection set: the same 400', async () => {
    const query = `${'{ a '.repeat(3000)}{ b }${' }'.repeat(3000)}`;
    const answer = await post(query);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/nests brackets more than/);
  });

  it('a query nested as deep as real ones is answered', async () => {
    const nested = `{ a: __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }`;
    const answer = await post(nested);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { errors?: unknown }).errors).toBeUndefined();
  });
});
