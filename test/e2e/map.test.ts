// The map page in headless Chromium against the real server: the samples, the
// made-up 2025 report of 罗江区 (fixtures/second-year) and two more made up for
// this test (fixtures/map-years: 台前县 2022 and 沅江市 2024, each mentioning
// 行政执法三项制度). The map of 三项制度 shades exactly the provinces whose
// jurisdictions mention it, the slider replays the spread year by year, a
// click on a province lists its jurisdictions and the sentence behind each,
// and the table and its CSV hold the same rows. A screenshot is kept.
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExplorer } from '../../explorer/build.js';
import { openWatchedPage, type WatchedPage } from '../support/browser.js';
import { type Served, serveStore } from '../support/served.js';

const SCREENSHOT = fileURLToPath(new URL('../artifacts/map.png', import.meta.url));
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

describe('map page in headless Chromium', () => {
  let served: Served;
  let watched: WatchedPage;
  let page: Page;
  let url: string;
  let pageErrors: string[];
  let requested: string[];

  /** The provinces whose jurisdictions had mentioned 三项制度 by a year (every year when null), as the API says. */
  async function provincesMentioning(yearTo: number | null): Promise<string[]> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'query($to: Int) { jurisdictions(filter: {mentionsInitiative: "三项制度", yearTo: $to}, first: 100) { nodes { name level province { name } } } }',
        variables: { to: yearTo },
      }),
    });
    const { data } = (await response.json()) as { data: { jurisdictions: { nodes: { name: string; level: string; province: { name: string } | null }[] } } };
    return [...new Set(data.jurisdictions.nodes.map((j) => (j.level === 'PROVINCE' ? j.name : j.province?.name)))].filter((p): p is string => !!p).sort();
  }

  const shaded = async () => ((await page.locator('#map').getAttribute('data-shaded')) ?? '').split(',').filter(Boolean).sort();

  beforeAll(async () => {
    await buildExplorer({ ifStale: true });
    served = await serveStore({
      seeded: true,
      also: [fixture('second-year/luojiang-2025.txt'), fixture('map-years/taiqian-2022.txt'), fixture('map-years/yuanjiang-2024.txt')],
    });
    url = served.url;
    watched = await openWatchedPage({ width: 1440, height: 1100 });
    ({ page, errors: pageErrors, requested } = watched);
  }, 180_000);

  afterAll(async () => {
    await watched?.browser.close();
    await served?.close();
  });

  it('shades exactly the provinces whose jurisdictions mention 三项制度, and replays the spread by year', async () => {
    await page.goto(`${url}/explore/map.html?initiative=三项制度`);
    await expect.poll(() => page.locator('#map-title').textContent()).toMatch(/^行政执法三项制度: 5 jurisdictions/);
    const everyone = await provincesMentioning(null);
    expect(everyone).toEqual(['四川省', '广东省', '江西省', '河南省', '湖南省'].sort());
    expect(await shaded()).toEqual(everyone);
    expect(await page.locator('#year-label').textContent()).toBe('2025');

    // the slider: each year shades the provinces that had mentioned it by then
    for (const [year, provinces] of [
      [2021, ['江西省']],
      [2022, ['江西省', '河南省']],
      [2023, ['江西省', '河南省']],
      [2024, ['广东省', '江西省', '河南省', '湖南省']],
    ] as const) {
      await page.locator('#year').fill(String(year));
      await expect.poll(shaded).toEqual([...provinces].sort());
      expect(await shaded()).toEqual(await provincesMentioning(year));
      expect(await page.locator('#year-label').textContent()).toBe(String(year));
    }

    // the table holds every adopter, the ones after the slider's year greyed
    const rows = page.locator('#adopters tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await page.locator('#adopters tbody tr.later').allTextContents()).toEqual([expect.stringMatching(/^2025四川省德阳市四川省德阳市罗江区/)]);
    // and the CSV download the same rows
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe('spread-行政执法三项制度.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('subject,first_year,province,prefecture,jurisdiction,level,code');
    expect(lines.slice(1)).toHaveLength(5);
    expect(lines).toContain('行政执法三项制度,2022,河南省,濮阳市,河南省濮阳市台前县,县级,410927');
    expect(pageErrors).toEqual([]);
  });

  it('a click on a province lists its jurisdictions and the sentence behind each', async () => {
    await page.locator('#year').fill('2025');
    await expect.poll(shaded).toHaveLength(5);
    // 广东 is the tile at column 4, row 7 of the 9 × 9 grid (explorer/src/province-grid.json)
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + (4 + 0.5) * (box.width / 9), box.y + (7 + 0.5) * (box.height / 9));
    await expect.poll(() => page.locator('#region-title').textContent()).toMatch(/^广东省: 1 by 2025/);
    expect(await page.locator('#prefectures').getAttribute('data-shaded')).toBe('清远市');
    const list = page.getByRole('list', { name: 'Jurisdictions of the region' });
    expect(await list.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^广东省清远市2024 · 地级/)]);
    await list.getByRole('button', { name: /Sentences/ }).click();
    const sentences = page.getByRole('list', { name: 'Provenance sentences' });
    await sentences.waitFor();
    expect(await sentences.locator('mark').first().textContent()).toMatch(/三项制度/);
    expect(await sentences.locator('.source').first().textContent()).toMatch(/清远市 · 2024/);

    // every request stayed on our server
    expect(requested.filter((address) => !address.startsWith(`${url}/`) && !address.startsWith('data:') && !address.startsWith('blob:'))).toEqual([]);
    await mkdir(new URL('../artifacts/', import.meta.url), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('a province chosen from the list shows its prefectures, and the same for a problem theme', async () => {
    await page.locator('#region').selectOption('河南省');
    await expect.poll(() => page.locator('#region-title').textContent()).toMatch(/^河南省: 1 by 2025/);
    expect(await page.locator('#prefectures').getAttribute('data-shaded')).toBe('濮阳市');

    await page.locator('#kind').selectOption('theme');
    await page.locator('#subject').fill('执法能力不足');
    await page.getByRole('button', { name: /Show/ }).click();
    await expect.poll(() => page.locator('#map-title').textContent()).toMatch(/^执法能力不足: /);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ jurisdictions(filter: {problemTheme: "执法能力不足"}, first: 100) { nodes { province { name } } } }' }),
    });
    const { data } = (await response.json()) as { data: { jurisdictions: { nodes: { province: { name: string } }[] } } };
    expect(await shaded()).toEqual([...new Set(data.jurisdictions.nodes.map((j) => j.province.name))].sort());
    expect(pageErrors).toEqual([]);
  });
});
