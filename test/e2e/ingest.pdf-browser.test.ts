// PDFs as real software writes them: each seed laid out as a page (one
// paragraph per line, justified, in Noto Sans SC from @fontsource, so no
// system font is needed) and printed by headless Chromium (the system's or
// the npm one: test/support/browser.ts). Such a PDF differs from the
// hand-made ones of test/unit/ingest/formats.test.ts: its text comes in runs, with empty runs at
// paragraph ends, and its embedded font is a subset with its own glyph ids.
// Every fact must come out as from the .txt. (A font whose glyphs are shared
// with the Kangxi radicals, as the system's Noto CJK is, gives some back as
// radicals, ⼀ for 一: normalizeText's tests in test/unit/extract/rules.test.ts cover those.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractReport, normalizeText } from '../../src/extract/index.js';
import { readReportFile } from '../../src/ingest/read.js';
import { extractFile } from '../../src/ingest/report.js';
import { launchChromium } from '../support/browser.js';
import { essence } from '../support/facts.js';

const SEED = fileURLToPath(new URL('../../seed/', import.meta.url));
const SEEDS = ['000_57fba77e8415ad5a.txt', '001_1fa361cb2236cbad.txt', '002_e16b5b0ac8f1af42.txt', '003_a60db31662cb9267.txt', '004_8fc203b02800c486.txt'];
const scratch = mkdtempSync(join(tmpdir(), 'govgraph-browser-pdf-'));

const seedText = (name: string) => readFileSync(join(SEED, name), 'utf8');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The simplified-Chinese face of Noto Sans SC in one file, inlined so the page (a file: URL) fetches nothing. */
const FONT = readFileSync(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff2')).toString(
  'base64',
);

/** The seed as a printable page, then printed to PDF by Chromium once the font is ready. */
async function printed(browser: Browser, name: string): Promise<string> {
  const paragraphs = seedText(name)
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `<p>${escapeHtml(line.trim())}</p>`)
    .join('\n');
  const html = join(scratch, `${name}.html`);
  writeFileSync(
    html,
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@font-face{font-family:"Noto Sans SC";src:url(data:font/woff2;base64,${FONT}) format("woff2")}
body{font-family:"Noto Sans SC";font-size:16pt;text-align:justify}p{text-indent:2em;margin:0}</style></head><body>\n${paragraphs}\n</body></html>`,
  );
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(html).href);
    // the text must be drawn in the CJK font, not in boxes of a fallback
    const drawnInTheFont = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16pt "Noto Sans SC"', '法治政府');
    });
    expect(drawnInTheFont).toBe(true);
    const pdf = join(scratch, `${name}.pdf`);
    await page.pdf({ path: pdf, format: 'A4' });
    return pdf;
  } finally {
    await page.close();
  }
}

describe('PDFs printed by a browser', () => {
  const pdfs = new Map<string, string>();
  beforeAll(async () => {
    const browser = await launchChromium();
    try {
      for (const name of SEEDS) pdfs.set(name, await printed(browser, name));
    } finally {
      await browser.close();
    }
  }, 180_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(SEEDS)('%s printed to PDF extracts every fact as the text does', async (name) => {
    const input = await readReportFile(pdfs.get(name)!);
    expect(input.format).toBe('pdf');
    // the text layer holds every character of the seed (no glyph lost to a missing font), none as a radical once normalized
    const written = new Set(normalizeText(input.text));
    expect([...new Set(normalizeText(seedText(name)).replace(/\s/g, ''))].filter((c) => !written.has(c)).join('')).toBe('');
    expect(normalizeText(input.text)).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(essence((await extractFile(pdfs.get(name)!)).graph)).toEqual(essence(extractReport(seedText(name), { file: name })));
  });
});
