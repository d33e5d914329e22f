// One report from two files: a .txt and the web page it was published on
// read to different texts (the page adds its title line), so they get two ids
// and are both stored. Ingest says so: the second is listed as a possible
// duplicate of the first (same jurisdiction, issuer and year), in the summary
// and in the CLI's lines; unrelated reports and re-runs are not.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOutcome, formatSummary } from '../../../src/cli/commands/ingest.js';
import { ingestPaths } from '../../../src/ingest/pipeline.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { runWith, type StatementName } from '../../../src/store/types.js';
import { governmentPage } from '../../fixtures/ingest-fixtures.js';

const seed = (name: string) => readFileSync(fileURLToPath(new URL(`../../../seed/${name}`, import.meta.url)), 'utf8');

describe('the same report from two files', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'govgraph-twins-'));
  const inbox = join(scratch, 'inbox');
  let store: EmbeddedStore;
  beforeAll(async () => {
    mkdirSync(join(inbox, 'web'), { recursive: true });
    writeFileSync(join(inbox, 'a-changjiang.txt'), seed('003_a60db31662cb9267.txt'));
    writeFileSync(join(inbox, 'b-luojiang.txt'), seed('000_57fba77e8415ad5a.txt'));
    writeFileSync(
      join(inbox, 'web', 'changjiang.html'),
      governmentPage(seed('003_a60db31662cb9267.txt'), {
        title: '昌江区2021年法治政府建设年度报告',
        published: '2022-01-20',
        url: 'http://www.ccjq.gov.cn/art/1.html',
        host: '景德镇市昌江区人民政府',
        charset: 'utf-8',
      }),
    );
    store = await EmbeddedStore.open();
  });
  afterAll(async () => {
    await store.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stores both, and lists the later one as a possible duplicate of the other', async () => {
    const summary = await ingestPaths(store, [inbox], { workers: 0 });
    expect(summary.created).toBe(3);
    expect((await store.counts()).byLabel.Report).toBe(3);
    expect(summary.possibleDuplicates).toHaveLength(1);
    const [twin] = summary.possibleDuplicates;
    // the directory walk lists web/changjiang.html after a-changjiang.txt
    expect(twin.file).toMatch(/web\/changjiang\.html$/);
    expect(twin.sameIssuerAndYear).toHaveLength(1);
    expect(twin.sameIssuerAndYear![0]).toMatch(/a-changjiang\.txt$/);
    const text = formatSummary(summary);
    expect(text).toMatch(/1 possible duplicate\(s\): created, but another stored report has the same jurisdiction, issuer and year/);
    expect(text).toMatch(/web\/changjiang\.html ~ .*a-changjiang\.txt/);
    expect(formatOutcome(twin)).toMatch(
      /^created +\S*web\/changjiang\.html \(possible duplicate: same jurisdiction, issuer and year as \S*a-changjiang\.txt\)$/,
    );
  });

  it('a twin lookup that fails leaves the report created (it is stored), just unflagged', async () => {
    const other = await EmbeddedStore.open();
    try {
      // the store answers every statement but the twin lookup
      const flaky = new Proxy(other, {
        get: (target, key) =>
          key === 'run'
            ? (name: StatementName, params?: Record<string, unknown>) =>
                name === 'report_same_issuer_year' ? Promise.reject(new Error('lookup down')) : runWith(target, name, params ?? {})
            : Reflect.get(target, key, target),
      });
      const summary = await ingestPaths(flaky, [inbox], { workers: 0 });
      expect([summary.created, summary.failed, summary.possibleDuplicates]).toEqual([3, [], []]);
      expect((await other.counts()).byLabel.Report).toBe(3);
    } finally {
      await other.close();
    }
  });

  it('a re-run changes nothing and flags nothing', async () => {
    const summary = await ingestPaths(store, [inbox], { workers: 0 });
    expect([summary.created, summary.unchanged, summary.possibleDuplicates]).toEqual([0, 3, []]);
    expect(formatSummary(summary)).not.toMatch(/possible duplicate/);
  });
});
