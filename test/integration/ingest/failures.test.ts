// A file that fails (not refused: its report is fine, but storing or
// extracting it breaks) is listed under failed with its reason, the other
// files are ingested, and nothing of the failed one is left in the store.
// Two ways to fail: the store's transaction breaking half-way through the
// report's write (a statement after the report node and most relationships
// are written), and the extraction worker crashing on the file.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION, extractReport } from '../../../src/extract/index.js';
import { ingestPaths, type ReportTarget } from '../../../src/ingest/pipeline.js';
import { ExtractPool } from '../../../src/ingest/pool.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { cypherDirWithDegrees, reportDegrees, variedReports } from '../../support/degrees.js';

const scratch = mkdtempSync(join(tmpdir(), 'govgraph-ingest-failures-'));
const cypherDir = cypherDirWithDegrees();
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(cypherDir, { recursive: true, force: true });
});

const CRASHING_WORKER = new URL('../../fixtures/crashing-worker.mjs', import.meta.url);

/** A folder of the given reports, as files named after them. */
function folder(name: string, reports: { name: string; text: string }[]): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const r of reports) writeFileSync(join(dir, r.name), r.text);
  return dir;
}

/** The counts and per-report relationships of a store holding exactly these reports, written cleanly. */
async function cleanStoreOf(reports: { text: string }[]) {
  const store = await EmbeddedStore.open({ cypherDir });
  for (const r of reports) await store.upsertReport(extractReport(r.text), { extractorVersion: EXTRACTOR_VERSION });
  const state = { counts: await store.counts(), degrees: await reportDegrees(store) };
  await store.close();
  return state;
}

describe('a failed file among others', () => {
  it('a write failing inside its transaction: listed as failed with the reason, the others created, nothing of it stored', async () => {
    const reports = variedReports(4);
    const victim = reports[1];
    const victimGraph = extractReport(victim.text);
    // the statement that fails is the write plan's last (the metrics), so the report node, its
    // citations, mentions, problems and plans are written in the transaction before it breaks
    expect(victimGraph.metrics.length).toBeGreaterThan(0);
    const broken = mkdtempSync(join(tmpdir(), 'govgraph-cypher-broken-'));
    cpSync(cypherDir, broken, { recursive: true });
    writeFileSync(
      join(broken, 'report_reports_metrics.cypher'),
      `// fails (division by zero) for one report only\nUNWIND $reportIds AS id\nMATCH (r:Report {id: id})\nRETURN 1 / (CASE WHEN r.id = '${victimGraph.reportId}' THEN 0 ELSE 1 END) AS reported\n`,
    );
    const store = await EmbeddedStore.open({ cypherDir: broken });
    try {
      const dir = folder('store-fails', reports);
      const seen: string[] = [];
      const summary = await ingestPaths(store, [dir], { workers: 0, onFile: (o) => seen.push(`${o.status} ${o.file.split('/').pop()}`) });
      expect(summary).toMatchObject({ files: 4, created: 3, ingested: 3, refused: [] });
      expect(summary.failed).toHaveLength(1);
      expect(summary.failed[0]).toMatchObject({ status: 'failed', reportId: victimGraph.reportId });
      expect(summary.failed[0].file.endsWith(victim.name)).toBe(true);
      expect(summary.failed[0].reason).toMatch(/^could not be stored: .+/);
      // the files after it went on
      expect([...seen].sort()).toEqual(reports.map((r) => `${r === victim ? 'failed' : 'created'} ${r.name}`).sort());

      // nothing partial: the store is what a clean write of the three others makes (the metrics
      // statement, now harmless for them, writes no REPORTS edges here: compare without those)
      expect(await store.run('report_version', { id: victimGraph.reportId })).toEqual([]);
      const others = reports.filter((r) => r !== victim);
      const clean = await cleanStoreOf(others);
      const withoutMetrics = (degrees: Map<string, string>) =>
        new Map(
          [...degrees].map(([id, d]) => [
            id,
            d
              .split(' ')
              .filter((x) => !x.startsWith('REPORTS:'))
              .join(' '),
          ]),
        );
      expect(withoutMetrics(await reportDegrees(store))).toEqual(withoutMetrics(clean.degrees));
      const counts = await store.counts();
      expect(counts.byLabel.Report).toBe(3);
      for (const label of ['Regulation', 'Initiative', 'Problem', 'Plan', 'Jurisdiction', 'Organization'])
        expect(counts.byLabel[label] ?? 0, label).toBe(clean.counts.byLabel[label] ?? 0);
    } finally {
      await store.close();
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('a target whose write throws instead of rejecting: each file is listed as failed, and the ingest ends', async () => {
    const dir = folder('target-throws', variedReports(3));
    const target = {
      write(): never {
        throw new Error('the target broke');
      },
    };
    const summary = await ingestPaths(target as unknown as ReportTarget, [dir], { workers: 0 });
    expect(summary.failed.map((f) => f.reason)).toEqual(Array(3).fill('could not be stored: the target broke'));
  });

  it('a worker crashing on one task: that task fails with the reason, the tasks in flight on other workers and those queued finish', async () => {
    const dir = folder('pool', [...variedReports(4), { name: 'crash-me.txt', text: variedReports(5)[4].text }]);
    const names = ['report-00.txt', 'crash-me.txt', 'report-01.txt', 'report-02.txt', 'report-03.txt'];
    const pool = new ExtractPool(2, CRASHING_WORKER);
    try {
      // all five submitted at once: two run, three wait in the queue when the crash comes
      const results = await Promise.all(names.map((name) => pool.run({ path: join(dir, name), file: name, maxBytes: 1 << 24 })));
      const byName = Object.fromEntries(names.map((n, i) => [n, results[i]]));
      expect(byName['crash-me.txt']).toMatchObject({
        ok: false,
        status: 'failed',
        reason: expect.stringMatching(/^the extraction worker crashed: test worker crashed on crash-me\.txt/),
      });
      for (const n of names.filter((x) => x !== 'crash-me.txt')) expect(byName[n].ok, n).toBe(true);
      // (whether the crashed worker is replaced depends on whether the other one has emptied the queue by
      // then, which the machine's load decides: the next test pins the replacement down)
    } finally {
      await pool.close();
    }
  });

  it('a crashed worker is replaced while tasks wait: with one worker, the tasks queued behind the crash run on a new thread', async () => {
    const dir = folder('pool-of-one', [...variedReports(3), { name: 'crash-me.txt', text: variedReports(4)[3].text }]);
    const names = ['crash-me.txt', 'report-00.txt', 'report-01.txt', 'report-02.txt'];
    const pool = new ExtractPool(1, CRASHING_WORKER);
    try {
      const results = await Promise.all(names.map((name) => pool.run({ path: join(dir, name), file: name, maxBytes: 1 << 24 })));
      expect(results[0]).toMatchObject({ ok: false, status: 'failed' });
      expect(results.slice(1).map((r) => r.ok)).toEqual([true, true, true]);
      // one worker crashed, one replaced it and ran the three that waited
      expect(pool.threads).toHaveLength(2);
      expect(new Set(results.slice(1).map((r) => r.thread))).toEqual(new Set([pool.threads[1]]));
      expect(results[0].thread).toBe(pool.threads[0]);
    } finally {
      await pool.close();
    }
  });

  it('a worker crash during ingest: the file is listed under failed, the others are created', async () => {
    const reports = variedReports(6);
    const dir = folder(
      'ingest-worker',
      reports.map((r, i) => (i === 2 ? { ...r, name: 'crash-report.txt' } : r)),
    );
    const store = await EmbeddedStore.open({ cypherDir });
    try {
      const summary = await ingestPaths(store, [dir], { workers: 2, workerUrl: CRASHING_WORKER });
      expect(summary, JSON.stringify(summary.failed)).toMatchObject({ files: 6, created: 5, refused: [] });
      expect(summary.failed.map((o) => [o.file.split('/').pop(), o.status])).toEqual([['crash-report.txt', 'failed']]);
      expect(summary.failed[0].reason).toMatch(/^the extraction worker crashed: /);
      expect((await store.counts()).byLabel.Report).toBe(5);
      expect(await store.run('report_version', { id: extractReport(reports[2].text).reportId })).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
