// GraphiQL works offline: /graphql in headless Chromium with every request
// that would leave the machine blocked (and counted: there must be none to
// block), the query handed over in the address as the explorer's "in
// GraphiQL" links do, run from the UI, its answer shown. The real server on
// an ephemeral port, the seeds in a fresh embedded store.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_CSP } from '../../src/api/graphiql.js';
import { collectPageErrors, launchChromium } from '../support/browser.js';
import { serveStore, type Served } from '../support/served.js';

const SCREENSHOT = fileURLToPath(new URL('../artifacts/graphiql.png', import.meta.url));

describe('GraphiQL in headless Chromium, offline', () => {
  let served: Served;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  /** Requests for anything but our server: blocked, and listed here. */
  const outside: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    served = await serveStore({ seeded: true });
    url = served.url;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Every request of the page and its workers passes here; only our origin goes through.
    await context.route('**/*', (route) => {
      const address = route.request().url();
      if (address.startsWith(`${url}/`)) return route.continue();
      outside.push(address);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    collectPageErrors(page, pageErrors);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('loads /graphql?query=… with nothing from outside, runs the query from the UI and shows the answer', async () => {
    const query = '{ jurisdictions(filter: {level: COUNTY, mentionsInitiative: "三项制度"}) { totalCount edges { node { name } } } }';
    // what the API answers to the same query, to compare with what the page shows
    const direct = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const { data } = (await direct.json()) as { data: { jurisdictions: { totalCount: number; edges: { node: { name: string } }[] } } };
    expect(data.jurisdictions.totalCount).toBeGreaterThan(0);

    const response = await page.goto(`${url}/graphql?query=${encodeURIComponent(query)}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(GRAPHIQL_CSP);
    expect(await page.title()).toBe('govgraph');
    // the page has loaded (load event: its scripts and styles are in) without asking anything of the outside world
    expect(outside).toEqual([]);

    // the query from the address is in the editor; run it with the toolbar's button
    const run = page.getByRole('button', { name: /Execute query/ });
    await run.waitFor({ timeout: 30_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the text the editor shows (CodeMirror draws it in lines), not the nodes' raw textContent
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: 30_000 }).toContain('mentionsInitiative');
    await run.click();

    // the answer in the result pane: the count and every name the API gave
    // (the editor draws spaces as no-break spaces: whitespace is compared as one space)
    // biome-ignore lint/performance/useDomNodeTextContent: the answer as rendered in the result pane, which is what the reader sees
    const shownText = async () => (await page.locator('.graphiql-response').innerText()).replace(/\s+/g, ' ');
    await expect.poll(shownText, { timeout: 30_000 }).toContain(`"totalCount": ${data.jurisdictions.totalCount}`);
    const shown = await shownText();
    for (const { node } of data.jurisdictions.edges) expect(shown).toContain(`"name": "${node.name}"`);

    await mkdir(new URL('../artifacts/', import.meta.url), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    // nor afterwards (the editor's workers, the schema's introspection)
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
