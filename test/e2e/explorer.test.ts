// The explorer page in a real headless Chromium (the system's, or the one
// @sparticuz/chromium ships: test/support/browser.ts), against the real server on an ephemeral port with the seeds
// in a fresh embedded store: search 三项制度 → 昌江区 in the graph → click it →
// the sentence of its report in the side panel; a screenshot for people.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExplorer } from '../../explorer/build.js';
import { openWatchedPage, type WatchedPage } from '../support/browser.js';
import { serveStore, type Served } from '../support/served.js';

const SCREENSHOT = fileURLToPath(new URL('../artifacts/explore.png', import.meta.url));

describe('explorer page in headless Chromium', () => {
  let served: Served;
  let watched: WatchedPage;
  let page: Page;
  let url: string;
  let pageErrors: string[];
  let requested: string[];

  beforeAll(async () => {
    // Build when dist/explorer is missing or older than its sources, so the test never drives a stale page.
    await buildExplorer({ ifStale: true });
    served = await serveStore({ seeded: true });
    url = served.url;
    watched = await openWatchedPage({ width: 1440, height: 900 });
    ({ page, errors: pageErrors, requested } = watched);
  }, 180_000);

  afterAll(async () => {
    await watched?.browser.close();
    await served?.close();
  });

  it('search 三项制度, see 昌江区 in the graph, click it, read the sentence behind the link', async () => {
    await page.goto(`${url}/explore`);
    await expect.poll(() => page.title()).toMatch(/govgraph explorer/);

    // Alias-aware search: the alias finds the canonical initiative.
    await page.getByRole('combobox', { name: /Search initiatives/ }).fill('三项制度');
    const hit = page.getByRole('option', { name: /行政执法三项制度/ });
    await hit.waitFor();
    await hit.click();

    // The graph is drawn (sigma's canvases inside #graph) and its nodes are listed.
    const graph = page.locator('#graph');
    await graph.and(page.locator('[data-state="ready"]')).waitFor();
    expect(await graph.locator('canvas').count()).toBeGreaterThan(0);
    const nodeList = page.getByRole('list', { name: 'Nodes in view' });
    const changjiang = nodeList.getByRole('button', { name: /昌江区.*Jurisdiction/ });
    await changjiang.waitFor();
    await expect.poll(() => nodeList.getByRole('button', { name: /清远市.*Jurisdiction/ }).count()).toBe(1);
    // Start node first, coloured by type in the legend.
    expect(await nodeList.getByRole('button').first().getAttribute('data-type')).toBe('Initiative');
    expect(Number(await page.locator('#legend li[data-type="Jurisdiction"] .count').textContent())).toBe(2);

    // The same query in GraphiQL, runnable as it is: it answers the same nodes.
    const graphiql = new URL(
      (await page
        .getByRole('link', { name: /GraphiQL/ })
        .first()
        .getAttribute('href'))!,
      url,
    );
    expect(graphiql.pathname).toBe('/graphql');
    const query = graphiql.searchParams.get('query')!;
    expect(query).toMatch(/graph\(start: \["[^"]+"\], depth: 2, nodeTypes: \[Initiative, Jurisdiction, Report, Regulation\]/);
    const answer = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const { data } = (await answer.json()) as { data: { graph: { nodes: { label: string }[] } } };
    expect(data.graph.nodes).toHaveLength(await nodeList.getByRole('button').count());

    // Select 昌江区: its details and the sentence of its 2021 report that mentions 三项制度.
    await changjiang.click();
    const details = page.locator('#details');
    await expect.poll(() => details.locator('h2').textContent()).toBe('江西省景德镇市昌江区');
    const sentences = page.getByRole('list', { name: 'Provenance sentences' });
    await sentences.waitFor();
    const first = sentences.getByRole('listitem').first();
    expect(await first.locator('blockquote').textContent()).toBe('3、全面推行行政执法“三项制度”。');
    expect(await first.locator('mark').textContent()).toBe('行政执法“三项制度”');
    expect(await first.locator('.source').textContent()).toMatch(/昌江区 · 2021/);
    expect(await changjiang.getAttribute('aria-pressed')).toBe('true');

    // Chinese is drawn with real glyphs, not boxes, from the page's own web font (Noto Sans SC, served
    // by our server under /explore/assets/): in that font two different characters render differently
    // (without a CJK font both would be the same empty box), whatever fonts the system has.
    const glyphs = await page.evaluate(async () => {
      const font = getComputedStyle(document.querySelector('#details h2')!).font;
      if (!font.includes('"Noto Sans SC"')) return { font };
      // only the slices of characters on screen are fetched: ask for these two, as the graph's labels do
      const faces = await document.fonts.load(font, '行政');
      if (!faces.some((face) => face.family.replace(/"/g, '') === 'Noto Sans SC')) return { faces: faces.map((face) => face.family) };
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 64;
      const context = canvas.getContext('2d')!;
      const draw = (text: string) => {
        context.clearRect(0, 0, 64, 64);
        context.font = font.replace(/\d+(\.\d+)?px/, '40px');
        context.fillText(text, 4, 48);
        return Array.from(context.getImageData(0, 0, 64, 64).data);
      };
      const [a, b] = [draw('行'), draw('政')];
      return { inked: a.some((v) => v > 0), differ: a.some((v, i) => v !== b[i]) };
    });
    expect(glyphs).toEqual({ inked: true, differ: true });
    // every request stayed on our server, and the font's slices were among them
    expect(requested.filter((address) => !address.startsWith(`${url}/`) && !address.startsWith('data:'))).toEqual([]);
    expect(requested.some((address) => /\/explore\/assets\/noto-sans-sc-.+\.woff2$/.test(address))).toBe(true);

    await mkdir(new URL('../artifacts/', import.meta.url), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(pageErrors).toEqual([]);
  });

  it('filters by province on the page, and by node type through the graph query', async () => {
    const nodeList = page.getByRole('list', { name: 'Nodes in view' });
    await page.locator('#province').selectOption('江西省');
    await expect.poll(() => nodeList.getByRole('button', { name: /清远市/ }).count()).toBe(0);
    expect(await nodeList.getByRole('button', { name: /昌江区.*Jurisdiction/ }).count()).toBe(1);
    await page.locator('#province').selectOption('');
    await expect.poll(() => nodeList.getByRole('button', { name: /清远市.*Jurisdiction/ }).count()).toBe(1);

    await page.getByRole('checkbox', { name: /Regulation/ }).uncheck();
    await expect.poll(() => nodeList.locator('button[data-type="Regulation"]').count()).toBe(0);
    expect(await nodeList.locator('button[data-type="Jurisdiction"]').count()).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it('filters by level and by year on the page', async () => {
    const nodeList = page.getByRole('list', { name: 'Nodes in view' });
    const jurisdictions = () => nodeList.locator('button[data-type="Jurisdiction"]').allTextContents();
    // 清远市 is prefecture-level, 昌江区 a county; their reports are of 2024 and 2021
    await page.locator('#level').selectOption('prefecture');
    await expect.poll(async () => (await jurisdictions()).map((text) => text.includes('清远市'))).toEqual([true]);
    await page.locator('#level').selectOption('');
    await expect.poll(async () => (await jurisdictions()).length).toBe(2);
    await page.locator('#year').selectOption('2021');
    await expect.poll(async () => (await jurisdictions()).map((text) => text.includes('昌江区'))).toEqual([true]);
    expect(await nodeList.locator('button[data-type="Report"]').allTextContents()).toEqual([expect.stringMatching(/2021/)]);
    await page.locator('#year').selectOption('');
    await expect.poll(async () => (await jurisdictions()).length).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it('answers a question asked in Chinese, opens a jurisdiction it names, and refuses one it cannot read', async () => {
    await page.getByRole('textbox', { name: 'Ask a question in Chinese' }).fill('哪些县提到了三项制度？');
    await page.getByRole('button', { name: /Ask 提问/ }).click();
    const panel = page.locator('#answer');
    await expect.poll(() => panel.locator('.text').textContent()).toBe('共 1 个地区：江西省景德镇市昌江区。');
    const reading = page.getByRole('list', { name: 'How the question was read' });
    expect(await reading.getByRole('listitem').allTextContents()).toContain('三项制度 → 举措 行政执法三项制度');
    // the query it ran, runnable in GraphiQL as it is
    const graphiql = new URL((await panel.getByRole('link', { name: /GraphiQL/ }).getAttribute('href'))!, url);
    const answer = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: graphiql.searchParams.get('query') }),
    });
    const { data } = (await answer.json()) as { data: { jurisdictions: { nodes: { fullName: string }[] } } };
    expect(data.jurisdictions.nodes.map((j) => j.fullName)).toEqual(['江西省景德镇市昌江区']);
    expect(await panel.getByRole('link', { name: /On the map/ }).getAttribute('href')).toBe(
      `/explore/map.html?${new URLSearchParams({ initiative: '行政执法三项制度' })}`,
    );
    // the jurisdiction it names opens its neighbourhood
    await page.getByRole('list', { name: 'Jurisdictions in the answer' }).getByRole('button', { name: '江西省景德镇市昌江区' }).click();
    const nodeList = page.getByRole('list', { name: 'Nodes in view' });
    await expect.poll(async () => nodeList.getByRole('button').first().textContent()).toMatch(/昌江区/);

    await page.getByRole('textbox', { name: 'Ask a question in Chinese' }).fill('罗江区的GDP是多少');
    await page.getByRole('button', { name: /Ask 提问/ }).click();
    await expect.poll(() => panel.locator('.text').textContent()).toMatch(/GDP/);
    expect(await panel.locator('h2').textContent()).toMatch(/^Not understood/);
    // a question it suggests is answered
    await page.getByRole('list', { name: 'Questions to try' }).getByRole('button').first().click();
    await expect.poll(() => panel.locator('h2').textContent()).toMatch(/^Answer 回答/);
    expect(pageErrors).toEqual([]);
  });
});
