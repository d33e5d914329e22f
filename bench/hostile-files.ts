// Hostile files: how long a verdict takes and how much memory it costs.
//
//   (a) a zip bomb named .docx (about 1.4 MB: word/document.xml of 400 MB of
//       one repeated byte, deflated, beside 1 MB of incompressible padding),
//       read by the reader alone (readReportFile, on this thread), through the
//       pipeline (ingestPaths, one worker, started for the run: the baseline is
//       the same run on one real report) and as an upload (the server's upload
//       readers, warm: a real report is read first);
//       the same bomb with headers that declare 1 KB (yauzl catches the lie as it
//       inflates), and the worst a .docx under the cap costs (60 MB of XML
//       that mammoth parses, by the reader alone);
//   (b) a file whose reading never ends (a worker that spins on it), stopped
//       at a time budget of 2 s, with a real report queued behind it.
//
// Peak RSS is the whole process's (main thread and workers), sampled every
// 10 ms from just before each case; growth is peak minus the RSS at its start.
//
//   node --import tsx bench/hostile-files.ts   # prints the figures as JSON
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCX_MAX_UNPACKED_BYTES } from '../src/ingest/limits.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { readReportFile } from '../src/ingest/read.js';
import { ExtractPool } from '../src/ingest/pool.js';
import { closeUploadReaders, readUpload } from '../src/ingest/uploads.js';
import { zipBombDocx } from '../test/fixtures/zip-bomb.js';
import { mb, round } from './stats.js';

const MiB = 1024 * 1024;
const HANGING_WORKER = new URL('../test/fixtures/hanging-worker.mjs', import.meta.url);
const SEED = fileURLToPath(new URL('../seed/003_a60db31662cb9267.txt', import.meta.url));

/** Runs `job`, sampling RSS meanwhile: seconds to its answer and peak RSS growth. */
async function measured<T>(job: () => Promise<T>): Promise<{ value: T; seconds: number; rssGrowthMiB: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  try {
    const value = await job();
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds: round(seconds, 3), rssGrowthMiB: round(mb(peak - before), 1) };
  } finally {
    clearInterval(sampler);
  }
}

export async function hostileFilesBench(): Promise<Record<string, unknown>> {
  const scratch = mkdtempSync(join(tmpdir(), 'govgraph-bench-hostile-'));
  try {
    const unpackedBytes = 400 * MiB;
    const bomb = await zipBombDocx({ unpackedBytes, paddingBytes: MiB });
    const bombPath = join(scratch, 'report.docx');
    writeFileSync(bombPath, bomb);

    const reportPath = join(scratch, 'report.txt');
    writeFileSync(reportPath, readFileSync(SEED));
    const verdict = (read: Promise<unknown>) =>
      read.then(
        () => 'read (not refused!)',
        (error: Error) => error.message,
      );

    const reader = await measured(() => verdict(readReportFile(bombPath)));
    const liarPath = join(scratch, 'liar.docx');
    writeFileSync(liarPath, await zipBombDocx({ unpackedBytes, declaredBytes: 1024, paddingBytes: MiB }));
    const liar = await measured(() => verdict(readReportFile(liarPath)));
    const underCapPath = join(scratch, 'under-cap.docx');
    writeFileSync(underCapPath, await zipBombDocx({ unpackedBytes: 60 * MiB }));
    const underCap = await measured(() => verdict(readReportFile(underCapPath)));
    const baseline = await measured(() => ingestPaths(null, [reportPath], { workers: 1 }));
    const pipeline = await measured(() => ingestPaths(null, [bombPath], { workers: 1 }));
    await readUpload(new Uint8Array(readFileSync(SEED)), 'report.txt', 16 * MiB);
    const upload = await measured(() => verdict(readUpload(new Uint8Array(bomb), 'report.docx', 16 * MiB)));
    await closeUploadReaders();

    const hangPath = join(scratch, 'hang.txt');
    writeFileSync(hangPath, readFileSync(SEED));
    const budgetMs = 2_000;
    const pool = new ExtractPool(1, { workerUrl: HANGING_WORKER, timeBudgetMs: budgetMs });
    let hanging: Awaited<ReturnType<typeof measured<Awaited<ReturnType<ExtractPool['run']>>>>>;
    let after: Awaited<ReturnType<ExtractPool['run']>>;
    try {
      // the worker loads first, so the figure is the budget, not the start-up
      await pool.run({ path: reportPath, file: reportPath, maxBytes: 16 * MiB });
      hanging = await measured(() => pool.run({ path: hangPath, file: hangPath, maxBytes: 16 * MiB }));
      after = await pool.run({ path: reportPath, file: reportPath, maxBytes: 16 * MiB });
    } finally {
      await pool.close();
    }

    return {
      bomb: { packedMiB: round(mb(bomb.length), 2), unpackedMiB: round(mb(unpackedBytes), 0), capMiB: round(mb(DOCX_MAX_UNPACKED_BYTES), 0) },
      reader: { secondsToVerdict: reader.seconds, peakRssGrowthMiB: reader.rssGrowthMiB, verdict: reader.value },
      lyingHeaders: { secondsToVerdict: liar.seconds, peakRssGrowthMiB: liar.rssGrowthMiB, verdict: liar.value },
      underTheCap: { unpackedMiB: 60, secondsToVerdict: underCap.seconds, peakRssGrowthMiB: underCap.rssGrowthMiB, verdict: underCap.value },
      pipeline: {
        secondsToVerdict: pipeline.seconds,
        peakRssGrowthMiB: pipeline.rssGrowthMiB,
        verdict: pipeline.value.refused[0]?.reason ?? pipeline.value.failed[0]?.reason ?? 'not refused!',
        baselineOneReportSeconds: baseline.seconds,
        baselinePeakRssGrowthMiB: baseline.rssGrowthMiB,
      },
      upload: { secondsToVerdict: upload.seconds, peakRssGrowthMiB: upload.rssGrowthMiB, verdict: upload.value },
      hangingFile: {
        budgetSeconds: budgetMs / 1000,
        secondsToVerdict: hanging.seconds,
        peakRssGrowthMiB: hanging.rssGrowthMiB,
        verdict: hanging.value.ok ? 'read (not stopped!)' : hanging.value.reason,
        nextFileOk: after.ok,
        workersStarted: pool.threads.length,
      },
      target: { readerSeconds: 1, note: 'a bomb refused in well under a second by the reader; a hanging file at its budget' },
      met: reader.seconds < 1 && liar.seconds < 1 && upload.seconds < 1 && !hanging.value.ok && after.ok,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await hostileFilesBench(), null, 2));
}
