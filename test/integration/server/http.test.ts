// The HTTP server on a real port: health and readiness, request limits, and
// GraphiQL for browsers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_LIMITS } from '../../../src/api/server.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import type { GraphStore } from '../../../src/store/types.js';
import { listen, type Listening } from '../../support/served.js';

describe('HTTP server', () => {
  let store: EmbeddedStore;
  let served: Listening;
  let url: string;
  beforeAll(async () => {
    store = await EmbeddedStore.open();
    served = await listen(store);
    url = served.url;
  });
  afterAll(async () => {
    await served.close();
    await store.close();
  });

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'embedded' });
  });

  it('says 503 with the reason when the store is unreachable', async () => {
    const down = {
      kind: 'neo4j',
      run: async () => {
        throw new Error('Neo4j at bolt://db:7687 is unavailable');
      },
    } as unknown as GraphStore;
    const { url: u, close } = await listen(down);
    try {
      const response = await fetch(`${u}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', store: 'neo4j', reason: 'Neo4j at bolt://db:7687 is unavailable' });
    } finally {
      await close();
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(REQUEST_LIMITS.bodyBytes) } });
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].message).toMatch(/over the limit/);
  });

  it('refuses an over-long query text', async () => {
    const query = `{ __typename ${' '.repeat(REQUEST_LIMITS.queryChars)} }`;
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = await response.json();
    expect(body.errors[0].message).toMatch(/characters, over the limit/);
  });

  it('serves GraphiQL to a browser and JSON to a client', async () => {
    const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toMatch(/graphiql/i);
    // offline: the page is whole, with no script, style, icon or worker fetched from elsewhere,
    // and its CSP lets the browser fetch from this server only
    expect(html).not.toMatch(/<(script|link|img)\b[^>]*\b(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|githubusercontent/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
