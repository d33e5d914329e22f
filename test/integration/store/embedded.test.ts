// The embedded store's guarantees: idempotent upserts, all-or-nothing writes,
// persistence across reopen, one process per data directory, and recovery
// after the writing process is killed.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storedReports } from '../../support/stored-reports.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { StoreLockedError } from '../../../src/store/errors.js';
import { CYPHER_DIR, loadStatements, schemaStatementNames } from '../../../src/store/statements.js';
import { LOCK_FILE } from '../../../src/store/lock.js';
import { SYNTHETIC_REPORT_SHAPE, syntheticReport } from '../../support/graphs.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('embedded store: writing reports', () => {
  it('writes every node and relationship of a report, and nothing more', async () => {
    const store = await EmbeddedStore.open();
    expect(await store.upsertReport(syntheticReport(1), { extractorVersion: 'v1' })).toBe('created');
    const counts = await store.counts();
    expect(counts.nodes).toBe(SYNTHETIC_REPORT_SHAPE.nodes);
    expect(counts.relationships).toBe(SYNTHETIC_REPORT_SHAPE.relationships);
    expect(counts.byLabel).toMatchObject({ Report: 1, Jurisdiction: 3, Initiative: 2, Regulation: 2, Problem: 1, Plan: 1, Indicator: 1 });
    // and its jurisdiction's rollup, counted apart: one per initiative and regulation it names
    expect(counts.rollup).toEqual({ REPORTS_MENTION: 2, REPORTS_CITE: 2 });
    await store.close();
  });

  it('is idempotent by report id: the same report again changes no counts', async () => {
    const store = await EmbeddedStore.open();
    await store.upsertReport(syntheticReport(1), { extractorVersion: 'v1' });
    const before = await store.counts();
    expect(await store.upsertReport(syntheticReport(1), { extractorVersion: 'v1' })).toBe('unchanged');
    expect(await store.counts()).toEqual(before);
    await store.close();
  });

  it('replaces a report written by another extractor version, without duplicates', async () => {
    const store = await EmbeddedStore.open();
    await store.upsertReport(syntheticReport(1), { extractorVersion: 'v1' });
    const before = await store.counts();
    expect(await store.upsertReport(syntheticReport(1), { extractorVersion: 'v2' })).toBe('replaced');
    expect(await store.counts()).toEqual(before);
    expect(await store.run('report_version', { id: 'synthetic-1' })).toEqual([{ version: 'v2' }]);
    await store.close();
  });

  it('shares initiatives, regulations and jurisdictions between reports', async () => {
    const store = await EmbeddedStore.open();
    await store.upsertReport(syntheticReport(1), { extractorVersion: 'v1' });
    await store.upsertReport(syntheticReport(2), { extractorVersion: 'v1' });
    const counts = await store.counts();
    // The second report adds only what it owns: itself, its problem and its plan.
    expect(counts.nodes).toBe(SYNTHETIC_REPORT_SHAPE.nodes + 3);
    expect(counts.byLabel.Initiative).toBe(2);
    const [initiative] = await store.run('initiatives_lookup', { names: ['三项制度'] });
    expect((initiative.initiative as { name: string }).name).toBe('行政执法三项制度');
    await store.close();
  });

  it('deletes a report with what only it held, keeping what others still use', async () => {
    const store = await EmbeddedStore.open();
    await store.upsertReport(syntheticReport(1), { extractorVersion: 'v1' });
    const alone = await store.counts();
    await store.upsertReport(syntheticReport(2), { extractorVersion: 'v1' });
    expect(await store.deleteReport('synthetic-2')).toBe(true);
    expect(await store.counts()).toEqual(alone);
    expect(await store.deleteReport('synthetic-2')).toBe(false);
    await store.close();
  });

  it('deletes and replaces reports whose initiatives, regulations, indicators, themes and issuer no other report holds', async () => {
    const store = await EmbeddedStore.open();
    await store.upsertReport(syntheticReport(1), { extractorVersion: 'v1' });
    const alone = await store.counts();
    // report 2 holds up nodes of its own of every kind: renamed, so report 1 shares none of them
    const base = syntheticReport(2);
    const own = (graph = base, tag = '甲') => ({
      ...graph,
      issuer: { type: 'department' as const, name: `罗江区${tag}局` },
      initiatives: graph.initiatives.map((x) => ({ ...x, name: `${x.name}${tag}` })),
      regulations: graph.regulations.map((x) => ({ ...x, title: `${x.title}${tag}` })),
      problems: graph.problems.map((x) => ({ ...x, theme: `${x.theme}${tag}` })),
      plans: graph.plans.map((x) => ({ ...x, initiatives: x.initiatives.map((name) => `${name}${tag}`) })),
      metrics: graph.metrics.map((x) => ({ ...x, indicator: `${x.indicator}${tag}` })),
    });
    await store.upsertReport(own(), { extractorVersion: 'v1' });
    const both = await store.counts();
    expect(both.nodes).toBeGreaterThan(alone.nodes + 3);
    // a replacement that holds as many other nodes leaves none of the first version's behind
    await store.upsertReport(own(base, '乙'), { extractorVersion: 'v2' });
    expect(await store.counts()).toEqual(both);
    expect(await store.run('initiatives_lookup', { names: ['行政执法三项制度甲'] })).toEqual([]);
    expect(await store.deleteReport('synthetic-2')).toBe(true);
    expect(await store.counts()).toEqual(alone);
    await store.close();
  });

  it('refuses a malformed graph before writing anything', async () => {
    const store = await EmbeddedStore.open();
    const broken = syntheticReport(2);
    broken.regulations[0] = { ...broken.regulations[0], title: '' };
    await expect(store.upsertReport(broken, { extractorVersion: 'v1' })).rejects.toThrow(/regulation 0 has no title/);
    expect((await store.counts()).nodes).toBe(0);
    await store.close();
  });

  it('leaves the store as it was when a statement fails inside the transaction', async () => {
    // A copy of cypher/ whose metrics statement (the last of the write plan)
    // fails at run time, after the report and most of its relations are written.
    const cypherDir = tempDir();
    cpSync(CYPHER_DIR, cypherDir, { recursive: true });
    writeFileSync(join(cypherDir, 'report_reports_metrics.cypher'), 'MATCH (r:Report {id: $id}) RETURN 1 / 0 AS boom\n');
    const store = await EmbeddedStore.open({ cypherDir });
    const healthy = syntheticReport(1, { metrics: [] });
    await store.upsertReport(healthy, { extractorVersion: 'v1' });
    const before = await store.counts();
    await expect(store.upsertReport(syntheticReport(2), { extractorVersion: 'v1' })).rejects.toThrow(/could not store report synthetic-2/);
    expect(await store.counts()).toEqual(before);
    expect(await store.run('report_version', { id: 'synthetic-2' })).toEqual([]);
    // and the store still takes writes afterwards
    expect(await store.upsertReport(syntheticReport(3, { metrics: [] }), { extractorVersion: 'v1' })).toBe('created');
    await store.close();
  });
});

describe('embedded store: the data directory', () => {
  it('keeps its data across close and reopen, with the schema re-created', async () => {
    const dir = tempDir();
    const first = await EmbeddedStore.open({ dir });
    await first.upsertReport(syntheticReport(1), { extractorVersion: 'v1' });
    const before = await first.counts();
    await first.close();
    const second = await EmbeddedStore.open({ dir });
    expect(await second.counts()).toEqual(before);
    expect(await second.upsertReport(syntheticReport(1), { extractorVersion: 'v1' })).toBe('unchanged');
    // Grafeo keeps indexes and constraints in memory: every one of cypher/schema/ is there again after the reopen
    const engine = (second as unknown as { db: { executeCypher(q: string): Promise<{ toArray(): Array<{ name: string }> }> } }).db;
    const shown = async (q: string) =>
      (await engine.executeCypher(q))
        .toArray()
        .map((row) => row.name)
        .sort();
    // the embedded store's schema statements (its variants and the shared files; not Neo4j's own TEXT indexes)
    const declared = (kind: string) =>
      schemaStatementNames(loadStatements('embedded'))
        .map((name) => name.replace(/^schema\//, ''))
        .filter((name) => name.startsWith(`${kind}_`))
        .map((name) => name.replace(/^(constraint|index)_/, ''));
    expect(await shown('SHOW INDEXES')).toEqual(declared('index').sort());
    expect(await shown('SHOW CONSTRAINTS')).toEqual(declared('constraint').sort());
    await expect(engine.executeCypher("CREATE (:Report {id: 'synthetic-1'})")).rejects.toThrow(/UNIQUE constraint/);
    await second.close();
  });

  it('refuses a second opener of the same directory with a clear error', async () => {
    const dir = tempDir();
    const store = await EmbeddedStore.open({ dir });
    await expect(EmbeddedStore.open({ dir })).rejects.toThrow(StoreLockedError);
    await store.close();
    // released on close
    await (await EmbeddedStore.open({ dir })).close();
  });

  it('names the live process that holds the directory', async () => {
    const dir = tempDir();
    const script = `const { EmbeddedStore } = await import(${JSON.stringify(join(import.meta.dirname, '..', '..', '..', 'src', 'store', 'embedded.ts'))});
await EmbeddedStore.open({ dir: process.argv[1] });
console.log('held');
setInterval(() => {}, 1000);`;
    const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      await expect(EmbeddedStore.open({ dir })).rejects.toThrow(new RegExp(`in use by another govgraph process \\(pid ${holder.pid}\\)`));
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeFileSync(join(dir, LOCK_FILE), `${dead.pid}\n`);
    const store = await EmbeddedStore.open({ dir });
    await store.close();
  });

  it('reopens after the writing process was killed with SIGKILL and finds every committed report, complete', async () => {
    const dir = tempDir();
    const writer = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'support', 'writer.ts'), dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: string[] = [];
    let stderr = '';
    writer.stderr.on('data', (chunk) => (stderr += chunk));
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      writer.stdout.on('data', (chunk) => {
        buffer += chunk;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('committed ')) committed.push(line.slice('committed '.length));
        // kill it in the middle of its work, after a good number of commits
        if (committed.length >= 25 && writer.exitCode === null) writer.kill('SIGKILL');
      });
      writer.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited ${code}: ${stderr}`))));
    });
    expect(committed.length).toBeGreaterThanOrEqual(25);

    const store = await EmbeddedStore.open({ dir });
    const { total } = await storedReports(store, 0);
    // every acknowledged commit is there; at most the one in flight may also be
    expect(total).toBeGreaterThanOrEqual(committed.length);
    expect(total).toBeLessThanOrEqual(committed.length + 1);
    const found = await store.run('reports_by_ids', { ids: committed });
    expect(found.map((row) => row.id).sort()).toEqual([...committed].sort());
    // no partial report: each has all its relationships
    const ids = Array.from({ length: total }, (_, i) => `synthetic-${i}`);
    const mentions = await store.run('report_initiatives', { ids });
    const citations = await store.run('report_regulations', { ids });
    const places = await store.run('report_jurisdictions', { ids });
    expect(mentions).toHaveLength(2 * total);
    expect(citations).toHaveLength(2 * total);
    expect(places).toHaveLength(total);
    await store.close();
  }, 60_000);
});
