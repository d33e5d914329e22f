// Faults: `govgraph ingest DIR` killed with SIGKILL in the middle of a folder
// of 40 reports leaves no partial report — every report in the store has all
// the relationships a clean write of its extraction has — and running it again
// completes the rest without duplicates: the store then equals a clean single
// run. (The store's own crash test, test/integration/store/embedded.test.ts, kills a
// writer of synthetic graphs; the rollback of a failing statement and the
// reopen after an unclean shutdown are tested there too. Here: the real CLI
// on real reports, and a failure of the second report of a replacement.)
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION, extractReport } from '../../../src/extract/index.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { cypherDirWithDegrees, reportDegrees, REPO, variedReports } from '../../support/degrees.js';

const FAULT_FIGURES = { reports: 40, killedAfter: 0, inStoreAtKill: 0, secondRunCreated: 0 };
const KILL_AFTER = 10;

const scratch = mkdtempSync(join(tmpdir(), 'govgraph-faults-'));
const inbox = join(scratch, 'inbox');
const cypherDir = cypherDirWithDegrees();
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(cypherDir, { recursive: true, force: true });
  console.info(`reliability.faults figures: ${JSON.stringify(FAULT_FIGURES)}`);
});

const reports = variedReports(FAULT_FIGURES.reports);
/** Each report's relationships as a clean write of its extraction makes them (id → "TYPE:n …"). */
let expected: Map<string, string>;
let clean: Awaited<ReturnType<EmbeddedStore['counts']>>;

beforeAll(async () => {
  mkdirSync(inbox, { recursive: true });
  for (const r of reports) writeFileSync(join(inbox, r.name), r.text);
  const store = await EmbeddedStore.open({ cypherDir });
  for (const r of reports) await store.upsertReport(extractReport(r.text, { file: r.name }), { extractorVersion: EXTRACTOR_VERSION });
  expected = await reportDegrees(store);
  clean = await store.counts();
  await store.close();
  expect(expected.size).toBe(FAULT_FIGURES.reports); // 40 distinct reports
});

/** Runs the CLI as a user does; resolves with its exit code or signal, killing it after `killAfter` stored reports. */
function ingest(data: string, killAfter?: number): Promise<{ code: number | null; signal: string | null; created: number; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', '--workers', '1', inbox], {
    cwd: REPO,
    env: { ...process.env, GOVGRAPH_DATA: data, NEO4J_URI: '', GOVGRAPH_MAX_FILE_MB: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  let created = 0;
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    created = (stderr.match(/\] created /g) ?? []).length;
    if (killAfter !== undefined && created >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, created, stderr, stdout })));
}

describe('an ingest killed with SIGKILL in the middle of a folder', () => {
  it('leaves only complete reports, and a second run completes the rest without duplicates', async () => {
    const data = join(scratch, 'data');
    const killed = await ingest(data, KILL_AFTER);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    FAULT_FIGURES.killedAfter = killed.created;

    // every report the store holds is complete: the same relationships as a clean write of its extraction
    let store = await EmbeddedStore.open({ dir: data, cypherDir });
    const partial = await reportDegrees(store);
    const reportsInStore = (await store.counts()).byLabel.Report ?? 0;
    FAULT_FIGURES.inStoreAtKill = reportsInStore;
    expect(partial.size).toBe(reportsInStore);
    expect(reportsInStore).toBeGreaterThanOrEqual(killed.created); // every acknowledged write is there
    expect(reportsInStore).toBeLessThan(FAULT_FIGURES.reports); // and it really was killed in the middle
    for (const [id, degrees] of partial) expect(degrees, `report ${id}`).toBe(expected.get(id));
    await store.close();

    // the second run stores the rest and skips what is there
    const rerun = await ingest(data);
    expect(rerun.code, rerun.stderr).toBe(0);
    FAULT_FIGURES.secondRunCreated = (rerun.stderr.match(/\] created /g) ?? []).length;
    expect(FAULT_FIGURES.secondRunCreated).toBe(FAULT_FIGURES.reports - reportsInStore);
    expect((rerun.stderr.match(/\] unchanged /g) ?? []).length).toBe(reportsInStore);

    store = await EmbeddedStore.open({ dir: data, cypherDir });
    expect(await store.counts()).toEqual(clean); // no duplicate node or relationship
    expect(await reportDegrees(store)).toEqual(expected);
    await store.close();
  }, 180_000);
});

describe('a write that fails inside the transaction', () => {
  it('a replacement (delete the old report, write the new) failing half-way leaves the old report whole', async () => {
    // test/integration/store/embedded.test.ts fails the write of a new report; here the failure comes after the
    // transaction has already deleted the stored version: the delete must be rolled back too.
    // The metrics statement (the last of the write plan, skipped for a report without metrics) fails.
    const broken = mkdtempSync(join(tmpdir(), 'govgraph-cypher-broken-'));
    try {
      cpSync(cypherDir, broken, { recursive: true });
      writeFileSync(join(broken, 'report_reports_metrics.cypher'), 'MATCH (r:Report {id: $id}) RETURN 1 / 0 AS boom\n');
      const store = await EmbeddedStore.open({ cypherDir: broken });
      const [a, b] = reports.map((r) => extractReport(r.text));
      await store.upsertReport({ ...a, metrics: [] }, { extractorVersion: 'v1' });
      await store.upsertReport({ ...b, metrics: [] }, { extractorVersion: 'v1' });
      const before = await store.counts();
      const degrees = await reportDegrees(store);
      await expect(store.upsertReport(a, { extractorVersion: 'v2' })).rejects.toThrow(/could not store report/);
      expect(await store.counts()).toEqual(before);
      expect(await reportDegrees(store)).toEqual(degrees);
      expect(await store.run('report_version', { id: a.reportId })).toEqual([{ version: 'v1' }]);
      await store.close();
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
