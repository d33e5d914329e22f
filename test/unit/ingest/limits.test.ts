// What reading one file may cost (src/ingest/limits.ts): a .docx that unpacks
// past the cap, lies about its sizes or holds too many entries, a PDF over the
// page or text cap, and a text over what the store takes are each refused
// with their reason, while a real report in each format passes the default
// caps. Small bombs with lowered caps keep this fast; the full-size bomb is
// in bench/hostile-files.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTextSize, DEFAULT_MAX_FILE_BYTES, MAX_TEXT_BYTES } from '../../../src/ingest/limits.js';
import { readReportBytes, RefusedInput } from '../../../src/ingest/read.js';
import { encodeText, gbkSafe, textPdf, wordDocument } from '../../fixtures/ingest-fixtures.js';
import { zipBombDocx } from '../../fixtures/zip-bomb.js';

const SEED = readFileSync(new URL('../../../seed/003_a60db31662cb9267.txt', import.meta.url), 'utf8');
const MiB = 1024 * 1024;

async function refusal(read: Promise<unknown>): Promise<string> {
  const error = await read.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RefusedInput);
  return (error as Error).message;
}

describe('a .docx is checked before it is unpacked', () => {
  it('a zip bomb (unpacking past the cap) is refused with the cap named', async () => {
    const bomb = await zipBombDocx({ unpackedBytes: 3 * MiB });
    expect(bomb.length).toBeLessThan(MiB / 100);
    expect(await refusal(readReportBytes(bomb, 'report.docx', { limits: { docxMaxUnpackedBytes: MiB } }))).toBe(
      "the .docx unpacks to more than 1 MB, over what a report's .docx unpacks to: refused (a zip bomb?)",
    );
  });

  it('a bomb whose headers declare a small size is refused when it inflates past it', async () => {
    const liar = await zipBombDocx({ unpackedBytes: 3 * MiB, declaredBytes: 1000 });
    expect(await refusal(readReportBytes(liar, 'report.docx', { limits: { docxMaxUnpackedBytes: MiB } }))).toMatch(
      /^the \.docx holds an entry that unpacks to another size than it declares/,
    );
  });

  it('an archive of more entries than the cap is refused', async () => {
    const many = await zipBombDocx({ unpackedBytes: 100, extraEntries: 20 });
    expect(await refusal(readReportBytes(many, 'report.docx', { limits: { docxMaxEntries: 10 } }))).toBe(
      "the .docx holds 22 entries, over the 10 a report's .docx has at most: refused",
    );
  });

  it('under the caps the archive goes on to mammoth (which finds no document in the bomb)', async () => {
    const small = await zipBombDocx({ unpackedBytes: MiB });
    expect(await refusal(readReportBytes(small, 'report.docx', { limits: { docxMaxUnpackedBytes: 2 * MiB } }))).toMatch(/^not a readable Word \.docx file/);
  });

  it('a real report .docx passes the default caps', async () => {
    const input = await readReportBytes(await wordDocument(SEED), 'report.docx');
    expect(input.format).toBe('docx');
    expect(input.text).toContain('昌江区');
  });
});

describe('a PDF is refused whole over its caps, not read in part', () => {
  it('over the page cap', async () => {
    const pdf = textPdf(SEED);
    expect(await refusal(readReportBytes(pdf, 'report.pdf', { limits: { pdfMaxPages: 1 } }))).toMatch(
      /^the PDF has \d+ pages, over the 1 a report has at most/,
    );
  });

  it('over the text cap, counted as the pages are read', async () => {
    expect(await refusal(readReportBytes(textPdf(SEED), 'report.pdf', { limits: { maxTextBytes: 2000 } }))).toMatch(
      /^the PDF's text passes 2000 bytes \(UTF-8\) by page 1 of \d+, over what the store takes for one report$/,
    );
  });

  it('a real report PDF passes the default caps', async () => {
    expect((await readReportBytes(textPdf(SEED), 'report.pdf')).text).toContain('昌江区');
  });
});

describe('one file limit, under what the store takes', () => {
  it('the default file limit is the store’s text limit', () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(MAX_TEXT_BYTES);
    expect(MAX_TEXT_BYTES).toBe(16 * MiB);
  });

  it('a GBK file just under the file limit whose text is over the store’s limit is refused with the reason', async () => {
    const block = encodeText(gbkSafe(SEED), 'gbk');
    const file = Buffer.alloc(Math.floor((DEFAULT_MAX_FILE_BYTES - 1024) / block.length) * block.length, block);
    expect(await refusal(readReportBytes(file, 'report.txt'))).toMatch(
      /^the text read from the file is 2\d\.\d MB \(UTF-8\), over the 16 MB the store takes for one report$/,
    );
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(() => checkTextSize('法'.repeat(400), 1200)).not.toThrow();
    expect(() => checkTextSize('法'.repeat(401), 1200)).toThrow(/is 1203 bytes \(UTF-8\), over the 1200 bytes/);
  });
});
