// The response budget through the real handler (response-budget.ts): requests
// whose estimate is over the limit are refused before anything runs, a
// batch's operations count together, legitimate pages of texts still answer,
// and a request whose estimate was wrong (a report far longer than the size
// the estimate assumes) is stopped while its result is built, with a partial
// answer that stays near the limit.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_RESPONSE_BYTES, VALUE_BYTES } from '../../../src/api/response-budget.js';
import { REQUEST_LIMITS } from '../../../src/api/server.js';
import type { Connection, Yoga } from '../../support/ask.js';
import { SEED_DIR } from '../../support/served.js';
import { useSeededApi } from '../../support/seeded-api.js';

interface RawAnswer {
  status: number;
  bytes: number;
  body: unknown;
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; fieldsRefused?: number } }[];
}

/** A JSON POST as a client sends it, with the answer's status and size. */
async function send(yoga: Yoga, payload: unknown): Promise<RawAnswer> {
  const response = await yoga.fetch('http://govgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
}

const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `t${i}: ${field}`).join(' ');
/** The hostile shape: 250 aliases of `text` on a page of 100 reports (a 2.4 KB query). */
const AMPLIFIED = `{ reports(first: 100) { nodes { ${aliases(250, 'text')} } } }`;

const errorsOf = (answer: RawAnswer): NonNullable<GraphQLAnswer['errors']> =>
  (Array.isArray(answer.body) ? answer.body : [answer.body]).flatMap((b: GraphQLAnswer) => b.errors ?? []);

describe('the response budget refuses before execution', () => {
  const api = useSeededApi();

  it('refuses 250 aliases of text on a page of 100 with RESPONSE_TOO_LARGE, naming the field and what to ask for instead', async () => {
    expect(AMPLIFIED.length).toBeLessThan(3000);
    const answer = await send(api.yoga, { query: AMPLIFIED });
    expect(answer.status).toBe(400);
    const [error, ...more] = errorsOf(answer);
    expect(more).toEqual([]);
    expect(error.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(error.message).toMatch(/over this server's limit of 32 MB per request/);
    expect(error.message).toMatch(/Report\.text, asked for up to 25,000 times/);
    expect(error.message).toMatch(/fewer items/);
    expect((answer.body as GraphQLAnswer).data).toBeUndefined();
  });

  it('counts aliases reached through fragments and variables like the same fields written out', async () => {
    const query = `query ($n: Int) { reports(first: $n) { nodes { ...T } } } fragment T on Report { ${aliases(250, 'text')} }`;
    const answer = await send(api.yoga, { query, variables: { n: 100 } });
    expect(answer.status).toBe(400);
    expect(errorsOf(answer)[0].extensions?.code).toBe('RESPONSE_TOO_LARGE');
  });

  it('refuses a batch of ten copies of the hostile query as one request, with one error per operation', async () => {
    const answer = await send(
      api.yoga,
      Array.from({ length: REQUEST_LIMITS.batchOperations }, () => ({ query: AMPLIFIED })),
    );
    expect(answer.status).toBe(400);
    const errors = errorsOf(answer);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(answer.bytes).toBeLessThan(10_000);
  });

  it('sums a batch: operations that each pass alone are refused together when their sum is over the limit', async () => {
    const page = '{ reports(first: 100) { nodes { reportId text } } }';
    const alone = await send(api.yoga, { query: page });
    expect(alone.status).toBe(200);
    expect(errorsOf(alone)).toEqual([]);
    const copies = Math.ceil(DEFAULT_MAX_RESPONSE_BYTES / (100 * VALUE_BYTES.text)) + 1;
    expect(copies).toBeLessThanOrEqual(REQUEST_LIMITS.batchOperations);
    const batch = await send(
      api.yoga,
      Array.from({ length: copies }, () => ({ query: page })),
    );
    expect(batch.status).toBe(400);
    expect(errorsOf(batch)[0].message).toMatch(new RegExp(`operations in the batch \\(${copies} counted together\\)`));
  });

  it('still answers legitimate queries: a few texts, and a page of 20 reports with their text', async () => {
    const few = await api.ask<{ reports: Connection<{ a: string; b: string }> }>('{ reports(first: 2) { nodes { a: text b: text } } }');
    expect(few.reports.nodes).toHaveLength(2);
    expect(few.reports.nodes[0].a.length).toBeGreaterThan(1000);
    expect(few.reports.nodes[0].b).toBe(few.reports.nodes[0].a);
    const page = await api.ask<{ reports: Connection<{ text: string; title: string | null }> }>('{ reports(first: 20) { totalCount nodes { title text } } }');
    expect(page.reports.nodes).toHaveLength(page.reports.totalCount);
    for (const r of page.reports.nodes) expect(r.text.length).toBeGreaterThan(1000);
  });

  it('lets the introspection query and mentions with their sentences through', async () => {
    const data = await api.ask<{ initiatives: Connection<{ mentions: Connection<{ sentence: string }> }> }>(
      '{ initiatives(first: 10) { nodes { mentions(first: 10) { nodes { sentence section } } } } }',
    );
    expect(data.initiatives.nodes.some((i) => i.mentions.nodes.some((m) => m.sentence.length > 0))).toBe(true);
  });
});

describe('the response budget stops a request whose estimate was wrong', () => {
  // A report about ten times longer than the seeds: its text is over the size the estimate assumes for one text.
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-budget-'));
  const seedLines = readFileSync(join(SEED_DIR, '000_57fba77e8415ad5a.txt'), 'utf8').split('\n');
  const body = seedLines.slice(1, -2);
  const long = [
    seedLines[0],
    ...Array.from({ length: 24 }, (_, round) => body.map((l) => (l.trim() ? `${l}（第${round + 1}次汇总）` : l))).flat(),
    ...seedLines.slice(-2),
  ];
  writeFileSync(join(dir, 'long.txt'), long.join('\n'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const limit = 400 * 1024;
  const api = useSeededApi({ also: [dir], server: { maxResponseBytes: limit } });

  async function longReport(): Promise<{ id: string; bytes: number }> {
    const data = await api.ask<{ reports: Connection<{ reportId: string; file: string }> }>('{ reports(first: 10) { nodes { reportId file } } }');
    const found = data.reports.nodes.find((r) => r.file.endsWith('long.txt'));
    expect(found, 'the long report was ingested').toBeDefined();
    const [row] = await api.store.run('report_texts_by_ids', { ids: [found!.reportId] });
    return { id: found!.reportId, bytes: Buffer.byteLength(String(row.text)) };
  }

  it('stops at the limit with RESPONSE_TOO_LARGE and a partial answer no larger than the limit and a small margin', async () => {
    const { id, bytes } = await longReport();
    expect(bytes).toBeGreaterThan(VALUE_BYTES.text); // the estimate's assumption is wrong for it
    expect(bytes * 2).toBeGreaterThan(limit); // two of them do not fit
    // four copies are estimated at 4 × 64 KB, under the limit: the request runs
    const query = `{ head: reports(first: 1) { totalCount } ${[1, 2, 3, 4].map((i) => `c${i}: report(id: "${id}") { text }`).join(' ')} }`;
    const answer = await send(api.yoga, { query });
    expect(answer.status).toBe(200);
    const result = answer.body as GraphQLAnswer;
    const errors = result.errors ?? [];
    expect(errors).toHaveLength(1); // the refusals of the later fields are folded into one
    expect(errors[0].extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(errors[0].message).toMatch(/limit of 400 KB per request while Report\.text was being filled in/);
    expect(errors[0].extensions?.fieldsRefused).toBe(3);
    const data = result.data!;
    expect((data.head as { totalCount: number }).totalCount).toBe(6);
    const answered = [1, 2, 3, 4].filter((i) => data[`c${i}`] !== null);
    expect(answered).toHaveLength(1);
    expect(answer.bytes).toBeLessThan(limit + 4096);
  });

  it('gives every request a budget of its own', async () => {
    const { id } = await longReport();
    for (let i = 0; i < 3; i++) {
      const data = await api.ask<{ report: { text: string } }>(`{ report(id: "${id}") { text } }`);
      expect(data.report.text.length).toBeGreaterThan(VALUE_BYTES.text / 3);
    }
  });

  it('counts a batch against one budget: the second copy of the long text is refused', async () => {
    const { id } = await longReport();
    const one = { query: `{ report(id: "${id}") { text } }` };
    const answer = await send(api.yoga, [one, one]);
    const results = answer.body as GraphQLAnswer[];
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'RESPONSE_TOO_LARGE');
    expect(refused).toHaveLength(1);
    expect(results.filter((r) => (r.data?.report as { text?: string } | null)?.text)).toHaveLength(1);
    expect(answer.bytes).toBeLessThan(limit + 4096);
  });
});
