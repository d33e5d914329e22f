// ingestReport with an uploaded file (GraphQL multipart request): the same
// readers as `govgraph ingest`, so a seed arriving as GBK text or as .docx
// becomes the same report as its UTF-8 text; unreadable files are typed
// results and write nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler } from '../../../src/api/server.js';
import { extractReport } from '../../../src/extract/index.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { encodeText, gbkSafe, scannedPdf, wordDocument } from '../../fixtures/ingest-fixtures.js';
import type { Answer } from '../../support/ask.js';
import { PLACELESS_SUMMARY } from '../../support/placeless-reports.js';

const SEED = readFileSync(new URL('../../../seed/003_a60db31662cb9267.txt', import.meta.url), 'utf8');
const TOKEN = 'upload-token';
const INGEST = `mutation($file: Upload!) { ingestReport(input: {upload: $file}) {
  __typename
  ... on IngestReportPayload { outcome reportId report { year file jurisdiction { name } } }
  ... on NotAReport { message }
  ... on UnreadableFile { message } } }`;

/** A GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec) carrying one file. */
function multipart(bytes: Buffer, name: string, query = INGEST): FormData {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { file: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new File([new Uint8Array(bytes)], name));
  return form;
}

describe('ingestReport with an uploaded file', () => {
  let store: EmbeddedStore;
  let yoga: ReturnType<typeof createGraphQLHandler>;
  const send = async (form: FormData, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}`, 'x-graphql-yoga-csrf': '1' }) => {
    const response = await yoga.fetch('http://govgraph.test/graphql', { method: 'POST', headers, body: form });
    return { status: response.status, body: (await response.json()) as Answer<{ ingestReport: { __typename: string; reportId?: string; message?: string } }> };
  };

  beforeAll(async () => {
    store = await EmbeddedStore.open();
    yoga = createGraphQLHandler({ store, token: TOKEN });
  });
  afterAll(() => store.close());

  it('ingests a GBK-encoded text file as the same report as its UTF-8 text, recording the upload name', async () => {
    const text = gbkSafe(SEED);
    const expectedId = extractReport(text).reportId;
    const { body } = await send(multipart(encodeText(text, 'gbk'), '昌江区2021.txt'));
    expect(body.errors).toBeUndefined();
    expect(body.data!.ingestReport).toEqual({
      __typename: 'IngestReportPayload',
      outcome: 'CREATED',
      reportId: expectedId,
      report: { year: 2021, file: '昌江区2021.txt', jurisdiction: { name: '昌江区' } },
    });
    const again = await send(multipart(encodeText(text, 'utf8bom'), 'again.txt'));
    expect(again.body.data!.ingestReport).toMatchObject({ outcome: 'UNCHANGED', reportId: expectedId });
    expect(await store.deleteReport(expectedId)).toBe(true);
  });

  it("places an uploaded text that names no place by the page's address given with it (read on the upload reader's thread)", async () => {
    const text = PLACELESS_SUMMARY;
    const query = `mutation($file: Upload!) { ingestReport(input: {upload: $file, url: "http://zgj.ningbo.gov.cn/art/1.html"}) {
      ... on IngestReportPayload { reportId report { sourceUrl jurisdiction { name } } } } }`;
    const { body } = await send(multipart(Buffer.from(text), 'zgj.txt', query));
    expect(body.errors).toBeUndefined();
    const ingested = body.data!.ingestReport as unknown as { reportId: string; report: unknown };
    expect(ingested.report).toEqual({ sourceUrl: 'http://zgj.ningbo.gov.cn/art/1.html', jurisdiction: { name: '宁波市' } });
    expect(await store.deleteReport(ingested.reportId)).toBe(true);
  });

  it('reads a Word document', async () => {
    const { body } = await send(multipart(await wordDocument(SEED), 'report.docx'));
    expect(body.errors).toBeUndefined();
    expect(body.data!.ingestReport).toMatchObject({
      __typename: 'IngestReportPayload',
      outcome: 'CREATED',
      report: { year: 2021, jurisdiction: { name: '昌江区' } },
    });
    expect(await store.deleteReport(body.data!.ingestReport.reportId!)).toBe(true);
  });

  // Deleting a report keeps its jurisdiction chain (shared reference data), so
  // "nothing written" compares with the counts before, not with zero.
  it('answers UnreadableFile for a scan, an unsupported format and an empty file, writing nothing', async () => {
    const before = await store.counts();
    const cases: [Buffer, string, RegExp][] = [
      [scannedPdf(), 'scan.pdf', /text layer|no text/i],
      [Buffer.from('\xd0\xcf\x11\xe0 old word binary', 'latin1'), 'report.doc', /\.docx/],
      [Buffer.alloc(0), 'empty.txt', /empty/],
    ];
    for (const [bytes, name, reason] of cases) {
      const { body } = await send(multipart(bytes, name));
      expect(body.errors, name).toBeUndefined();
      expect(body.data!.ingestReport.__typename, name).toBe('UnreadableFile');
      expect(body.data!.ingestReport.message, name).toMatch(reason);
    }
    expect(await store.counts()).toEqual(before);
  });

  it('answers NotAReport for a readable file that is not a report', async () => {
    const before = await store.counts();
    const { body } = await send(multipart(Buffer.from('今天天气很好，我们去公园散步。'.repeat(3)), 'note.txt'));
    expect(body.data!.ingestReport.__typename).toBe('NotAReport');
    expect(await store.counts()).toEqual(before);
  });

  it('wants exactly one of text and upload', async () => {
    const both = `mutation($file: Upload!) { ingestReport(input: {upload: $file, text: "x"}) { __typename } }`;
    const { body } = await send(multipart(Buffer.from(SEED), 'a.txt', both));
    expect(body.errors?.[0]).toMatchObject({ message: 'give exactly one of input.text and input.upload', extensions: { code: 'BAD_USER_INPUT' } });
    const neither = await yoga.fetch('http://govgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query: 'mutation { ingestReport(input: {title: "t"}) { __typename } }' }),
    });
    expect(((await neither.json()) as Answer).errors![0].message).toBe('give exactly one of input.text and input.upload');
  });

  it('refuses an upload without a CSRF header (a cross-site form could send one) and without the token', async () => {
    const before = await store.counts();
    const noCsrf = await send(multipart(Buffer.from(SEED), 'a.txt'), { authorization: `Bearer ${TOKEN}` });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.errors?.[0].message).toMatch(/CSRF/);
    const noToken = await send(multipart(Buffer.from(SEED), 'a.txt'), { 'x-graphql-yoga-csrf': '1' });
    expect(noToken.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await store.counts()).toEqual(before);
  });
});
