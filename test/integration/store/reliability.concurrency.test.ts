// Concurrency: writes and reads at the same time give consistent answers — a
// report is either fully visible or not at all. One report is ingested and
// deleted again and again through the API (mutations with the token), another
// is replaced again and again (delete + write in one transaction) through
// store.upsertReport, while readers poll both through the store and through
// GraphQL. Every observation of a report must be "absent" or "complete" (all
// its relationships); a replaced report must never be seen absent or partial.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler } from '../../../src/api/server.js';
import { EXTRACTOR_VERSION, extractReport } from '../../../src/extract/index.js';
import type { ReportGraph } from '../../../src/extract/types.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { cypherDirWithDegrees, reportDegrees, variedReports } from '../../support/degrees.js';
import { postQuery } from '../../support/ask.js';

const TOKEN = 'concurrency-token';
const CYCLES = 15; // ingest + delete cycles through the API
const REPLACEMENTS = 15; // replacements through the store
const CONCURRENCY_FIGURES = { cycles: CYCLES, replacements: REPLACEMENTS, storeObservations: 0, apiObservations: 0, sawAbsent: 0, sawComplete: 0, partial: 0 };

let store: EmbeddedStore;
let yoga: ReturnType<typeof createGraphQLHandler>;
let toggled: { text: string; graph: ReportGraph; degrees: string; api: string };
let replaced: { graph: ReportGraph; degrees: string; api: string };

/** Lets timers and I/O run: a store whose calls settle as microtasks would otherwise starve the writers. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function gql<T>(query: string, variables: Record<string, unknown> = {}, auth = false) {
  return postQuery<T>(yoga, query, variables, auth ? { authorization: `Bearer ${TOKEN}` } : {});
}

const REPORT_SHAPE = `query($id: String!) { report(id: $id) { year jurisdiction { name } initiatives(first: 100) { totalCount edges { node { name } } }
  regulations(first: 100) { totalCount } problems(first: 100) { totalCount } metrics(first: 100) { totalCount nodes { value } } } }`;

/** What GraphQL shows of a report, as one comparable string ("" when absent). */
async function apiView(id: string): Promise<string> {
  type Counted = { totalCount: number };
  type Shape = {
    year: number | null;
    jurisdiction: { name: string } | null;
    initiatives: Counted & { edges: unknown[] };
    regulations: Counted;
    problems: Counted;
    metrics: Counted;
  };
  const result = await gql<{ report: Shape | null }>(REPORT_SHAPE, { id });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const r = result.data!.report;
  if (!r) return '';
  return JSON.stringify([
    r.year,
    r.jurisdiction?.name,
    r.initiatives.totalCount,
    r.initiatives.edges.length,
    r.regulations.totalCount,
    r.problems.totalCount,
    r.metrics.totalCount,
  ]);
}

beforeAll(async () => {
  store = await EmbeddedStore.open({ cypherDir: cypherDirWithDegrees() });
  yoga = createGraphQLHandler({ store, token: TOKEN });
  const [a, b, c] = variedReports(3);
  // a bystander report, so the store is never empty
  await store.upsertReport(extractReport(c.text), { extractorVersion: EXTRACTOR_VERSION });
  // the full views of the two subject reports, taken while nothing else runs
  const ga = extractReport(a.text);
  const gb = extractReport(b.text);
  await store.upsertReport(ga, { extractorVersion: EXTRACTOR_VERSION });
  await store.upsertReport(gb, { extractorVersion: 'r0' });
  const degrees = await reportDegrees(store);
  toggled = { text: a.text, graph: ga, degrees: degrees.get(ga.reportId)!, api: await apiView(ga.reportId) };
  replaced = { graph: gb, degrees: degrees.get(gb.reportId)!, api: await apiView(gb.reportId) };
  expect(toggled.degrees).toMatch(/MENTIONS:\d+/);
  expect(toggled.api).not.toBe('');
  expect(await store.deleteReport(ga.reportId)).toBe(true);
});

afterAll(async () => {
  await store?.close();
  console.info(`reliability.concurrency figures: ${JSON.stringify(CONCURRENCY_FIGURES)}`);
});

describe('writes and reads at the same time', () => {
  it('see each report whole or not at all', async () => {
    let writing = true;
    const seen = { toggledStore: new Set<string>(), toggledApi: new Set<string>(), replacedStore: new Set<string>(), replacedApi: new Set<string>() };

    // Writes no longer wait behind reads, so a writer could finish before the readers look at all: the API
    // writer lets them take at least one more look after each step (the store writer runs freely).
    const observations = () => CONCURRENCY_FIGURES.storeObservations + CONCURRENCY_FIGURES.apiObservations;
    const readersLookAgain = async () => {
      const before = observations();
      while (observations() === before) await tick();
    };
    const apiWriter = async () => {
      for (let i = 0; i < CYCLES; i++) {
        const created = await gql<{ ingestReport: unknown }>(
          `mutation($text: String!) { ingestReport(input: {text: $text}) { __typename ... on IngestReportPayload { outcome reportId } } }`,
          { text: toggled.text },
          true,
        );
        expect(created.data?.ingestReport, JSON.stringify(created)).toMatchObject({ outcome: 'CREATED', reportId: toggled.graph.reportId });
        await readersLookAgain();
        const deleted = await gql<{ deleteReport: { deleted: boolean } }>(
          `mutation($id: String!) { deleteReport(id: $id) { deleted } }`,
          { id: toggled.graph.reportId },
          true,
        );
        expect(deleted.data?.deleteReport.deleted, JSON.stringify(deleted)).toBe(true);
        await readersLookAgain();
      }
    };
    const storeWriter = async () => {
      for (let i = 1; i <= REPLACEMENTS; i++) expect(await store.upsertReport(replaced.graph, { extractorVersion: `r${i}` })).toBe('replaced');
    };
    const storeReader = async () => {
      while (writing) {
        const degrees = await reportDegrees(store);
        seen.toggledStore.add(degrees.get(toggled.graph.reportId) ?? '');
        seen.replacedStore.add(degrees.get(replaced.graph.reportId) ?? '');
        CONCURRENCY_FIGURES.storeObservations++;
        await tick();
      }
    };
    const apiReader = async () => {
      while (writing) {
        const [t, r] = await Promise.all([apiView(toggled.graph.reportId), apiView(replaced.graph.reportId)]);
        seen.toggledApi.add(t);
        seen.replacedApi.add(r);
        CONCURRENCY_FIGURES.apiObservations++;
        await tick();
      }
    };

    const readers = [storeReader(), apiReader(), storeReader(), apiReader()];
    try {
      await Promise.all([apiWriter(), storeWriter()]);
    } finally {
      writing = false;
      await Promise.all(readers);
    }

    // each observation: absent or complete for the toggled report; always complete for the replaced one
    const partial = [
      ...[...seen.toggledStore].filter((v) => v !== '' && v !== toggled.degrees),
      ...[...seen.toggledApi].filter((v) => v !== '' && v !== toggled.api),
      ...[...seen.replacedStore].filter((v) => v !== replaced.degrees),
      ...[...seen.replacedApi].filter((v) => v !== replaced.api),
    ];
    CONCURRENCY_FIGURES.partial = partial.length;
    CONCURRENCY_FIGURES.sawAbsent = Number(seen.toggledStore.has('')) + Number(seen.toggledApi.has(''));
    CONCURRENCY_FIGURES.sawComplete = Number(seen.toggledStore.has(toggled.degrees)) + Number(seen.toggledApi.has(toggled.api));
    expect(partial).toEqual([]);
    expect(CONCURRENCY_FIGURES.storeObservations + CONCURRENCY_FIGURES.apiObservations).toBeGreaterThan(CYCLES);
  }, 120_000);

  it('leave the store as a clean run would: the deleted report gone, the replaced one once', async () => {
    const degrees = await reportDegrees(store);
    expect(degrees.has(toggled.graph.reportId)).toBe(false);
    expect(degrees.get(replaced.graph.reportId)).toBe(replaced.degrees);
    expect(await store.run('report_version', { id: replaced.graph.reportId })).toEqual([{ version: `r${REPLACEMENTS}` }]);
  });
});
