// The amplification a response budget guards against, as a hostile client
// sends it: 250 aliases of `text` on a page of 100 reports (a 2.4 KB query),
// alone, three at once, and ten copies in one batch; then a legitimate page of
// 100 reports with their text, which must still answer. For each: HTTP status,
// bytes answered, time, the error code, and the server's RSS before and
// after (the server runs in this process; RSS is read after a full GC when
// node runs with --expose-gc, as `npm run bench` does). Against a server with
// 500 reports loaded, before the budget: 283 MB in 7.2 s alone, 2.96 GB for
// three, "Invalid string length" for the batch.
import { performance } from 'node:perf_hooks';

const aliases = Array.from({ length: 250 }, (_, i) => `t${i}: text`).join(' ');
export const AMPLIFIED_QUERY = `{ reports(first: 100) { nodes { ${aliases} } } }`;
const LEGITIMATE_QUERY = '{ reports(first: 100) { nodes { reportId title text } } }';

interface Shot {
  status: number;
  bytes: number;
  ms: number;
  code: string | null;
}

function rssMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;
}

/** The first error code of an answer (a batch's answers included), or null. */
function codeOf(text: string): string | null {
  try {
    const body = JSON.parse(text) as unknown;
    for (const answer of Array.isArray(body) ? body : [body]) {
      const code = (answer as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
      if (code) return code;
    }
  } catch {
    return 'NOT_JSON';
  }
  return null;
}

async function shoot(url: string, payload: unknown): Promise<Shot> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), ms: Math.round(performance.now() - started), code: codeOf(text) };
}

/** How long /healthz takes to answer while `during` runs (a stalled event loop shows here). */
async function healthDuring(url: string, during: Promise<unknown>): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  await fetch(`${url}/healthz`).then((r) => r.text());
  const ms = Math.round(performance.now() - started);
  await during;
  return ms;
}

/** One measured case: what it answered, and RSS around it. */
async function measure<T>(run: () => Promise<T>): Promise<{ result: T; rssBeforeMiB: number; rssAfterMiB: number; ms: number }> {
  const rssBeforeMiB = rssMiB();
  const started = performance.now();
  const result = await run();
  const ms = Math.round(performance.now() - started);
  return { result, rssBeforeMiB, rssAfterMiB: rssMiB(), ms };
}

/** Runs the hostile cases against `url` (a govgraph server, ideally with 500 reports) and returns their figures. */
export async function hostileBudgetBench(url: string): Promise<Record<string, unknown>> {
  const alone = await measure(() => shoot(url, { query: AMPLIFIED_QUERY }));
  const threeAtOnce = await measure(async () => {
    const shots = Promise.all([1, 2, 3].map(() => shoot(url, { query: AMPLIFIED_QUERY })));
    const healthzMs = await healthDuring(url, shots);
    return { shots: await shots, healthzMs };
  });
  const batchOfTen = await measure(() =>
    shoot(
      url,
      Array.from({ length: 10 }, () => ({ query: AMPLIFIED_QUERY })),
    ),
  );
  const legitimate = await measure(() => shoot(url, { query: LEGITIMATE_QUERY }));
  return {
    queryChars: AMPLIFIED_QUERY.length,
    alone: { ...alone.result, rssBeforeMiB: alone.rssBeforeMiB, rssAfterMiB: alone.rssAfterMiB },
    threeAtOnce: {
      statuses: threeAtOnce.result.shots.map((s) => s.status),
      codes: threeAtOnce.result.shots.map((s) => s.code),
      bytes: threeAtOnce.result.shots.reduce((sum, s) => sum + s.bytes, 0),
      ms: threeAtOnce.ms,
      healthzMs: threeAtOnce.result.healthzMs,
      rssBeforeMiB: threeAtOnce.rssBeforeMiB,
      rssAfterMiB: threeAtOnce.rssAfterMiB,
    },
    batchOfTen: { ...batchOfTen.result, rssBeforeMiB: batchOfTen.rssBeforeMiB, rssAfterMiB: batchOfTen.rssAfterMiB },
    legitimatePageOf100Texts: { ...legitimate.result, rssBeforeMiB: legitimate.rssBeforeMiB, rssAfterMiB: legitimate.rssAfterMiB },
  };
}
