// What hostile HTTP clients cost a running server: twenty anonymous 20 MB
// uploads at once, a body sent a byte every five seconds, and ten clients
// exporting the whole graph at once (without and with the token). The
// server runs in this process (bench/run.ts starts it), so its memory is
// process.memoryUsage().rss, sampled while each part runs.
//
//   const figures = await hostileHttpBench('http://127.0.0.1:4000', { token });
import { performance } from 'node:perf_hooks';
import { rawExchange } from '../test/support/raw-http.js';
import { mb, round } from './stats.js';

export interface HostileHttpOptions {
  /** The server's GOVGRAPH_TOKEN: exports are then measured with it too. */
  token?: string;
  /** Uploads sent at once (20) and the size each announces and tries to send (20 MB). */
  uploads?: number;
  uploadBytes?: number;
  /** Clients exporting at once (10), and the export they ask for. */
  exporters?: number;
  exportPath?: string;
  /** The export the token's clients ask for (default: exportPath). A full-detail GraphML of 500 reports takes minutes. */
  tokenExportPath?: string;
  /** The slow body's pace: one byte every this many ms (5,000), for at most slowLimitMs (120,000). */
  slowIntervalMs?: number;
  slowLimitMs?: number;
}

/** Samples RSS every 50 ms while `work` runs: the growth over the start, at its peak. */
async function withRss<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; rssStartMiB: number; rssPeakGrowthMiB: number; rssEndGrowthMiB: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    const result = await work();
    const end = process.memoryUsage().rss;
    peak = Math.max(peak, end);
    return {
      result,
      ms: round(performance.now() - started, 0),
      rssStartMiB: round(mb(start), 1),
      rssPeakGrowthMiB: round(mb(peak - start), 1),
      rssEndGrowthMiB: round(mb(end - start), 1),
    };
  } finally {
    clearInterval(timer);
  }
}

const tally = (statuses: number[]) => {
  const counts: Record<string, number> = {};
  for (const s of statuses) counts[String(s)] = (counts[String(s)] ?? 0) + 1;
  return counts;
};

/** N anonymous multipart uploads announcing `bytes` each, sent as fast as the server takes them. */
async function anonymousUploads(port: number, n: number, bytes: number) {
  const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=bench\r\nx-graphql-yoga-csrf: 1\r\nContent-Length: ${bytes}`;
  const measured = await withRss(() => Promise.all(Array.from({ length: n }, () => rawExchange({ port, head, bodyBytes: bytes, pace: 'fast' }))));
  const answers = measured.result;
  return {
    uploads: n,
    announcedMiB: round(mb(bytes), 1),
    statuses: tally(answers.map((a) => a.status)),
    msUntilAllAnsweredAndClosed: measured.ms,
    // what the clients got into their sockets before the server closed them (kernel buffers, mostly)
    sentMiBTotal: round(mb(answers.reduce((sum, a) => sum + a.sent, 0)), 1),
    rssStartMiB: measured.rssStartMiB,
    rssPeakGrowthMiB: measured.rssPeakGrowthMiB,
  };
}

/** A JSON POST announcing 1,000 bytes and sending one every `intervalMs`: how long until the server closes it. */
async function slowBody(port: number, intervalMs: number, limitMs: number) {
  const started = performance.now();
  const exchange = rawExchange({
    port,
    head: 'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nx-graphql-yoga-csrf: 1\r\nContent-Length: 1000',
    bodyBytes: 1000,
    pace: 1,
    intervalMs,
  });
  const limit = new Promise<null>((resolve) => setTimeout(() => resolve(null), limitMs).unref());
  const answer = await Promise.race([exchange, limit]);
  return {
    byteEveryMs: intervalMs,
    closedByServer: answer !== null,
    status: answer?.status ?? null,
    msUntilClosed: answer ? round(performance.now() - started, 0) : null,
    bytesSent: answer?.sent ?? null,
  };
}

/** N clients fetching the same export at once: statuses, bytes, time, memory. */
async function concurrentExports(url: string, n: number, path: string, headers: Record<string, string>) {
  const one = async () => {
    const started = performance.now();
    try {
      const response = await fetch(`${url}${path}`, { headers });
      // Counted and dropped: the clients share the server's process, whose memory is what is measured.
      let bytes = 0;
      for await (const chunk of response.body ?? []) bytes += (chunk as Uint8Array).byteLength;
      return { status: response.status, bytes, ms: performance.now() - started };
    } catch {
      return { status: 0, bytes: 0, ms: performance.now() - started };
    }
  };
  const measured = await withRss(() => Promise.all(Array.from({ length: n }, one)));
  const served = measured.result.filter((r) => r.status === 200);
  return {
    clients: n,
    path,
    statuses: tally(measured.result.map((r) => r.status)),
    msUntilAllAnswered: measured.ms,
    msPerServedExport: served.length ? round(Math.max(...served.map((r) => r.ms)), 0) : null,
    servedMiB: served.length ? round(mb(served[0].bytes), 1) : null,
    rssStartMiB: measured.rssStartMiB,
    rssPeakGrowthMiB: measured.rssPeakGrowthMiB,
    rssEndGrowthMiB: measured.rssEndGrowthMiB,
  };
}

export async function hostileHttpBench(url: string, opts: HostileHttpOptions = {}): Promise<Record<string, unknown>> {
  const port = Number(new URL(url).port);
  // The slow body runs beside the rest: it only waits.
  const slow = slowBody(port, opts.slowIntervalMs ?? 5000, opts.slowLimitMs ?? 120_000);
  const uploads = await anonymousUploads(port, opts.uploads ?? 20, opts.uploadBytes ?? 20 * 1024 * 1024);
  const path = opts.exportPath ?? '/export/graphml?detail=full';
  const exporters = opts.exporters ?? 10;
  const anonymousExport = await concurrentExports(url, exporters, path, {});
  const tokenPath = opts.tokenExportPath ?? path;
  const tokenExport = opts.token ? await concurrentExports(url, exporters, tokenPath, { authorization: `Bearer ${opts.token}` }) : null;
  return { uploads, slowBody: await slow, anonymousExport, tokenExport };
}
