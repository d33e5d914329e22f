// PDFs as real software writes them: each seed laid out as a page (one
// paragraph per line, justified, Noto Serif CJK) and printed by headless
// Chromium. Such a PDF differs from the hand-made ones of ingest.formats: its
// text comes in runs with empty runs at paragraph ends, and its font maps
// shared glyphs back to radicals (⼀ for 一, ⻔ for 门). Every fact must come
// out as from the .txt.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractReport, normalizeText } from '../src/extract/index.js';
import { readReportFile } from '../src/ingest/read.js';
import { extractFile } from '../src/ingest/report.js';
import { essence } from './support/facts.js';

const CHROMIUM = '/usr/bin/chromium';
const SEED = fileURLToPath(new URL('../seed/', import.meta.url));
const SEEDS = ['000_57fba77e8415ad5a.txt', '001_1fa361cb2236cbad.txt', '002_e16b5b0ac8f1af42.txt', '003_a60db31662cb9267.txt', '004_8fc203b02800c486.txt'];
const scratch = mkdtempSync(join(tmpdir(), 'govgraph-browser-pdf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const seedText = (name: string) => readFileSync(join(SEED, name), 'utf8');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The seed as a printable page, then printed to PDF by Chromium. */
function printed(name: string): string {
  const paragraphs = seedText(name).split('\n').filter((line) => line.trim()).map((line) => `<p>${escapeHtml(line.trim())}</p>`).join('\n');
  const page = join(scratch, `${name}.html`);
  writeFileSync(page, `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:"Noto Serif CJK SC";font-size:16pt;text-align:justify}p{text-indent:2em;margin:0}</style></head><body>\n${paragraphs}\n</body></html>`);
  const pdf = join(scratch, `${name}.pdf`);
  const run = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, page], { encoding: 'utf8', timeout: 60_000 });
  if (!existsSync(pdf)) throw new Error(`chromium did not print ${name}: ${run.stderr}`);
  return pdf;
}

describe('PDFs printed by a browser', () => {
  const pdfs = new Map<string, string>();
  beforeAll(() => {
    // Fail loudly: a missing browser must not turn into a silently skipped test (.ci/run installs it).
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium and fonts-noto-cjk, as .ci/run does`);
    for (const name of SEEDS) pdfs.set(name, printed(name));
  }, 180_000);

  it.each(SEEDS)('%s printed to PDF extracts every fact as the text does', async (name) => {
    const input = await readReportFile(pdfs.get(name)!);
    expect(input.format).toBe('pdf');
    // the font's glyphs come back as radicals (⾊ for 色) and normalization reads them as the ideographs
    expect(input.text).toMatch(/[\u2e80-\u2fdf]/);
    expect(normalizeText(input.text)).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(essence((await extractFile(pdfs.get(name)!)).graph)).toEqual(essence(extractReport(seedText(name), { file: name })));
  });
});
