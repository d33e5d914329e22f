// Files made to exhaust the reader are stopped on the worker that reads them:
// a zip bomb named .docx is refused with the cap it passed, a file whose
// reading never ends fails at the time budget (its worker terminated and
// replaced, the batch going on), and an upload through ingestReport is read
// on a worker thread under the same caps. Reports ingested from a relative
// path are recorded by their absolute path.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler } from '../../../src/api/server.js';
import { DOCX_MAX_UNPACKED_BYTES, MAX_TEXT_BYTES } from '../../../src/ingest/limits.js';
import { ingestPaths } from '../../../src/ingest/pipeline.js';
import { ExtractPool } from '../../../src/ingest/pool.js';
import { closeUploadReaders, uploadReaderThreads } from '../../../src/ingest/uploads.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { encodeText, gbkSafe } from '../../fixtures/ingest-fixtures.js';
import { zipBombDocx } from '../../fixtures/zip-bomb.js';
import { variedReports } from '../../support/degrees.js';
import { storedReports } from '../../support/stored-reports.js';

const scratch = mkdtempSync(join(tmpdir(), 'govgraph-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const HANGING_WORKER = new URL('../../fixtures/hanging-worker.mjs', import.meta.url);
const MiB = 1024 * 1024;

function folder(name: string, files: { name: string; text: string | Buffer }[]): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  return dir;
}

describe('the time budget of one file', () => {
  it('a task past the budget fails with the reason; its worker is terminated and replaced, and the tasks queued behind it run', async () => {
    const reports = variedReports(3);
    const dir = folder('budget', [...reports, { name: 'hang-me.txt', text: reports[0].text }]);
    const names = ['hang-me.txt', ...reports.map((r) => r.name)];
    const pool = new ExtractPool(1, { workerUrl: HANGING_WORKER, timeBudgetMs: 10_000 });
    try {
      const results = await Promise.all(names.map((name) => pool.run({ path: join(dir, name), file: name, maxBytes: MiB })));
      expect(results[0]).toMatchObject({ ok: false, status: 'failed', reason: 'took longer than 10 s to read and extract: its worker was stopped' });
      expect(results.slice(1).map((r) => r.ok)).toEqual([true, true, true]);
      expect(pool.threads).toHaveLength(2);
      expect(new Set(results.slice(1).map((r) => r.thread))).toEqual(new Set([pool.threads[1]]));
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('the heap limit of a worker', () => {
  it('a worker that runs out of its heap fails its task with the reason', async () => {
    // 4 MB: less than loading the extractor takes, so the worker dies on its way to the task
    const pool = new ExtractPool(1, { heapMb: 4 });
    try {
      const dir = folder('heap', variedReports(1));
      expect(await pool.run({ path: join(dir, 'report-00.txt'), file: 'report-00.txt', maxBytes: MiB })).toMatchObject({
        ok: false,
        status: 'failed',
        reason: 'the extraction worker ran out of memory (its heap is limited to 4 MB)',
      });
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('a batch with hostile files in it', () => {
  it('the bomb is refused, the hanging file fails, the reports are created with their absolute paths', async () => {
    const reports = variedReports(3);
    const bomb = await zipBombDocx({ unpackedBytes: DOCX_MAX_UNPACKED_BYTES + MiB });
    const dir = folder('batch', [...reports, { name: 'bomb.docx', text: bomb }, { name: 'hang.txt', text: reports[0].text }]);
    const store = await EmbeddedStore.open();
    try {
      // given relative to the working directory, as a user types it
      const summary = await ingestPaths(store, [relative(process.cwd(), dir)], { workers: 2, workerUrl: HANGING_WORKER, timeBudgetMs: 10_000 });
      expect(summary).toMatchObject({ files: 5, created: 3 });
      expect(summary.refused.map((o) => [o.file.split('/').pop(), o.reason])).toEqual([
        ['bomb.docx', "the .docx unpacks to more than 64 MB, over what a report's .docx unpacks to: refused (a zip bomb?)"],
      ]);
      expect(summary.failed.map((o) => [o.file.split('/').pop(), o.reason])).toEqual([
        ['hang.txt', 'took longer than 10 s to read and extract: its worker was stopped'],
      ]);
      const { reports: stored } = await storedReports(store, 10);
      expect((stored as Array<{ file: string }>).map((r) => r.file).sort()).toEqual(reports.map((r) => join(dir, r.name)).sort());
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('an upload through ingestReport is read on a worker', () => {
  const TOKEN = 'hostile-token';
  const INGEST = `mutation($file: Upload!) { ingestReport(input: {upload: $file}) {
    __typename ... on IngestReportPayload { outcome } ... on UnreadableFile { message } ... on NotAReport { message } } }`;
  let store: EmbeddedStore;
  let yoga: ReturnType<typeof createGraphQLHandler>;
  beforeAll(async () => {
    store = await EmbeddedStore.open();
    yoga = createGraphQLHandler({ store, token: TOKEN });
  });
  afterAll(async () => {
    await closeUploadReaders();
    await store.close();
  });

  const upload = async (bytes: Buffer, name: string) => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: INGEST, variables: { file: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new File([new Uint8Array(bytes)], name));
    const response = await yoga.fetch('http://govgraph.test/graphql', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'x-graphql-yoga-csrf': '1' },
      body: form,
    });
    return ((await response.json()) as { data: { ingestReport: { __typename: string; message?: string; outcome?: string } } }).data.ingestReport;
  };

  it('a zip bomb is a typed refusal naming the cap, read off the main thread', async () => {
    const bomb = await zipBombDocx({ unpackedBytes: DOCX_MAX_UNPACKED_BYTES + MiB });
    expect(await upload(bomb, 'report.docx')).toEqual({
      __typename: 'UnreadableFile',
      message: "the .docx unpacks to more than 64 MB, over what a report's .docx unpacks to: refused (a zip bomb?)",
    });
    expect(uploadReaderThreads().length).toBeGreaterThan(0);
    expect(uploadReaderThreads()).not.toContain(threadId);
  }, 60_000);

  it('a file under the file limit whose text is over the store’s limit is refused with the reason, not an unexpected error', async () => {
    const block = encodeText(gbkSafe(variedReports(1)[0].text), 'gbk');
    const file = Buffer.alloc(Math.floor((MAX_TEXT_BYTES - 1024) / block.length) * block.length, block);
    expect(await upload(file, 'report.txt')).toEqual({
      __typename: 'UnreadableFile',
      message: expect.stringMatching(/^the text read from the file is \d+\.\d MB \(UTF-8\), over the 16 MB the store takes for one report$/),
    });
  }, 60_000);

  it('a report is read and stored as before', async () => {
    expect(await upload(Buffer.from(variedReports(1)[0].text), 'report.txt')).toEqual({ __typename: 'IngestReportPayload', outcome: 'CREATED' });
  }, 60_000);
});
