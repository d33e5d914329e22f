// Several reports written in one transaction (upsertReports: each statement
// once for the batch, write-plan.ts planReportsWrite) must leave the graph
// that writing them one at a time leaves: the same nodes with the same
// properties (the first report to name a shared node creates it), the same
// relationships, the same rollup (a batch holding several reports of one
// jurisdiction counts each), and the indexes that follow the commits (text,
// co-occurrence) must follow a batch as they follow single writes. A batch
// holding a stored report, or a report that cannot be stored, gives each
// report its own outcome, and nothing of a failed report is stored.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/extract/index.js';
import type { JurisdictionFact, ReportGraph } from '../../../src/extract/types.js';
import { seededRandom as random } from '../../../src/eval/split.js';
import { NODE_LABELS } from '../../../src/model.js';
import { storeTarget } from '../../../src/ingest/pipeline.js';
import type { ExtractedReport } from '../../../src/ingest/task.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { CYPHER_DIR } from '../../../src/store/statements.js';
import { StoreError } from '../../../src/store/errors.js';
import { seedTexts } from '../../support/degrees.js';
import { syntheticReport } from '../../support/graphs.js';

/** Every node (label, key, properties but the time of writing) and every relationship with its properties, sorted. */
async function graphState(store: EmbeddedStore): Promise<string[]> {
  const rows: string[] = [];
  for (const label of NODE_LABELS) {
    const nodes = await store.run('export_nodes', { label, after: '', limit: 100_000, properties: true });
    for (const node of nodes) {
      const { ingestedAt: _when, ...props } = (node.properties ?? {}) as Record<string, unknown>;
      rows.push(`${label} ${node.key} ${JSON.stringify(props, Object.keys(props).sort())}`);
    }
    if (!nodes.length) continue;
    for (const edge of await store.run('export_edges', { nodes: nodes.map((n) => ({ label, key: String(n.key) })) })) {
      const props = edge.properties as Record<string, unknown>;
      rows.push(`${edge.label} ${edge.key} -${edge.type}-> ${edge.targetLabel} ${edge.targetKey} ${JSON.stringify(props, Object.keys(props).sort())}`);
    }
  }
  return rows.sort();
}

const PLACES: JurisdictionFact[] = [
  { name: '罗江区', fullName: '四川省德阳市罗江区', province: '四川省', prefecture: '德阳市', level: 'county', adminCode: '510604' },
  { name: '德阳市', fullName: '四川省德阳市', province: '四川省', prefecture: null, level: 'prefecture', adminCode: '510600' },
  { name: '台前县', fullName: '河南省濮阳市台前县', province: '河南省', prefecture: '濮阳市', level: 'county', adminCode: '410927' },
];
const INITIATIVES = ['行政执法三项制度', '放管服改革', '一件事一次办', '证明事项告知承诺制', '府院联动'];
const REGULATIONS = ['行政复议法', '行政处罚法', '优化营商环境条例', '德阳市罗江区重大经济事项决策规定实施细则'];

/** A random report: a few places (so a batch often holds one place twice), some without a place, shared and new names. */
function randomReport(next: () => number, id: number): ReportGraph {
  const pick = <T>(items: T[]) => items.filter(() => next() < 0.5);
  const base = syntheticReport(id);
  return syntheticReport(id, {
    year: next() < 0.1 ? null : 2018 + Math.floor(next() * 5),
    jurisdiction: next() < 0.1 ? null : PLACES[Math.floor(next() * PLACES.length)],
    issuer: next() < 0.2 ? null : next() < 0.5 ? { type: 'government', name: '人民政府' } : { type: 'department', name: '司法局' },
    initiatives: [
      // (the category differs from report to report: the first report to name an initiative sets it)
      ...pick(INITIATIVES).map((name) => ({ name, surface: [name, `${name}(简称${id % 3})`], category: `类别${id % 3}`, count: 1, mentions: [] })),
      // a name first seen in this report, and one a later report of the batch may name again
      { name: `新制度${id}`, surface: [`新制度${id}`], category: 'other', count: 1, mentions: [], discovered: true },
      { name: `轮换制度${id % 4}`, surface: [`轮换制度${id % 4}`], category: 'other', count: 1, mentions: [] },
    ],
    regulations: [
      ...pick(REGULATIONS).map((title) => ({
        title,
        surface: [title, `《${title}》第${id}版`],
        kind: 'law' as const,
        scope: 'national' as const,
        action: 'implemented' as const,
        count: 1,
        mentions: [],
      })),
      // a local document issued by the report's own place (its ISSUED_BY), when it has one
      ...base.regulations.slice(0, next() < 0.5 ? 1 : 0),
    ],
    // a mention whose sentence is not a slice of the text keeps its sentence as a string
    problems:
      next() < 0.3
        ? [{ text: `问题${id}`, theme: 'other', mentions: [{ start: 0, end: 2, sentence: `不在原文中的句子${id}`, section: ['三、存在的问题'] }] }]
        : base.problems,
  });
}

function corpus(): ReportGraph[] {
  const next = random(19);
  const seeds = seedTexts().map((text) => extractReport(text));
  const synthetic = Array.from({ length: 40 }, (_, i) => randomReport(next, i + 1));
  // the seeds among the synthetic reports, so batches mix them
  return [...synthetic.slice(0, 20), ...seeds, ...synthetic.slice(20)];
}

describe('reports written several in one transaction', () => {
  const reports = corpus();
  let one: EmbeddedStore;
  let batched: EmbeddedStore;
  const outcomes: unknown[] = [];
  let singles = 0;

  beforeAll(async () => {
    one = await EmbeddedStore.open({ readCache: false });
    batched = await EmbeddedStore.open({ readCache: false });
    for (const graph of reports) await one.upsertReport(graph, { extractorVersion: 't', file: `${graph.reportId}.txt` });
    // the indexes exist before the batches, so they follow them (not built after them)
    await batched.indexedRows('regulations_cocited', { titles: [], limit: 10 });
    await batched.textCandidates('Initiative', ['制度']);
    // batches of 1 to 7, in list order
    for (let at = 0, size = 1; at < reports.length; at += size, size = (size % 7) + 1) {
      const batch = reports.slice(at, at + size);
      if (batch.length === 1) singles++;
      outcomes.push(
        ...(await batched.upsertReports(
          batch,
          batch.map((g) => ({ extractorVersion: 't', file: `${g.reportId}.txt` })),
        )),
      );
    }
  });
  afterAll(async () => {
    await one?.close();
    await batched?.close();
  });

  it('creates every report of every batch, in batches (not one at a time after a failed batch)', () => {
    expect(outcomes).toEqual(reports.map(() => 'created'));
    // (a batch of one is written as upsertReport writes it)
    expect(batched.batchUse.oneByOne).toBe(singles);
    expect(batched.batchUse.batchedReports).toBe(reports.length - singles);
  });

  it('leaves the graph writing them one at a time leaves: nodes, properties, relationships, the rollup', async () => {
    const expected = await graphState(one);
    expect(expected.filter((row) => row.includes('-REPORTS_MENTION->')).length).toBeGreaterThan(20);
    expect(await graphState(batched)).toEqual(expected);
  });

  it('the co-occurrence index and the text index follow the batches', async () => {
    const asked = [
      { name: 'initiatives_comentioned', params: { names: INITIATIVES, limit: 50 } },
      { name: 'regulations_cocited', params: { titles: REGULATIONS, limit: 50 } },
      { name: 'jurisdictions_similar', params: { keys: PLACES.map((p) => p.adminCode!), limit: 50 } },
    ] as const;
    for (const { name, params } of asked) {
      const plain = await batched.run(name, params as never);
      expect(plain.length, name).toBeGreaterThan(0);
      expect(await batched.indexedRows(name, params as never), name).toEqual(plain);
    }
    expect(batched.cooccurrenceUse.builds).toBe(1);
    for (const name of ['新制度7', '轮换制度3', '行政执法三项制度']) expect(await batched.textCandidates('Initiative', [name])).toContain(name);
  });
});

describe('a batch with reports that are not new, or cannot be stored', () => {
  it('a stored report in the batch: each report gets its own outcome (unchanged, replaced, created), as one at a time', async () => {
    const [a, b, c] = [syntheticReport(1), syntheticReport(2), syntheticReport(3)];
    const stores = [await EmbeddedStore.open(), await EmbeddedStore.open()];
    try {
      for (const store of stores) {
        await store.upsertReport(a, { extractorVersion: 'v1' });
        await store.upsertReport(b, { extractorVersion: 'v1' });
      }
      // b written again under another title (a report whose title the caller set), and moved
      const retitled = { ...b, title: '另一个标题', jurisdiction: PLACES[2] };
      const [batched, single] = stores;
      const metas = [{ extractorVersion: 'v1' }, { extractorVersion: 'v1', file: 'b.txt' }, { extractorVersion: 'v1' }];
      expect(await batched.upsertReports([a, retitled, c], metas)).toEqual(['unchanged', 'replaced', 'created']);
      expect([await single.upsertReport(a, metas[0]), await single.upsertReport(retitled, metas[1]), await single.upsertReport(c, metas[2])]).toEqual([
        'unchanged',
        'replaced',
        'created',
      ]);
      expect(await graphState(batched)).toEqual(await graphState(single));
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('stored reports unchanged beside new ones: the new ones are still written together', async () => {
    const store = await EmbeddedStore.open();
    try {
      await store.upsertReport(syntheticReport(1), { extractorVersion: 'v1' });
      const batch = [syntheticReport(1), syntheticReport(2), syntheticReport(3)];
      expect(
        await store.upsertReports(
          batch,
          batch.map(() => ({ extractorVersion: 'v1' })),
        ),
      ).toEqual(['unchanged', 'created', 'created']);
      expect(store.batchUse).toEqual({ batches: 1, batchedReports: 3, oneByOne: 0 });
      expect((await store.counts()).byLabel.Report).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('one report that cannot be stored keeps only itself out; nothing of it is written', async () => {
    const store = await EmbeddedStore.open();
    try {
      const good = [syntheticReport(1), syntheticReport(3)];
      const bad = syntheticReport(2, { regulations: [{ ...syntheticReport(2).regulations[0], title: '' }] });
      const outcomes = await store.upsertReports([good[0], bad, good[1]], [{}, {}, {}]);
      expect(outcomes[0]).toBe('created');
      expect(outcomes[1]).toBeInstanceOf(StoreError);
      expect((outcomes[1] as Error).message).toMatch(/cannot store report synthetic-2: regulation 0 has no title/);
      expect(outcomes[2]).toBe('created');
      expect(await store.run('report_version', { id: 'synthetic-2' })).toEqual([]);
      expect((await store.counts()).byLabel.Report).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('a statement failing for one report inside the batch: the batch is rolled back, then each report written alone', async () => {
    const [first, victim, last] = [syntheticReport(1), syntheticReport(2), syntheticReport(3)];
    // the plan's last row statement (the metrics) fails for the victim only, after the report nodes,
    // citations, mentions, problems and plans of the whole batch were written in the transaction
    const broken = mkdtempSync(join(tmpdir(), 'govgraph-cypher-broken-'));
    cpSync(CYPHER_DIR, broken, { recursive: true });
    writeFileSync(
      join(broken, 'report_reports_metrics.cypher'),
      `// fails (division by zero) for one report only\nUNWIND $reportIds AS id\nMATCH (r:Report {id: id})\nRETURN 1 / (CASE WHEN r.id = '${victim.reportId}' THEN 0 ELSE 1 END) AS reported\n`,
    );
    const [store, clean] = [await EmbeddedStore.open({ cypherDir: broken }), await EmbeddedStore.open({ cypherDir: broken })];
    try {
      const outcomes = await store.upsertReports([first, victim, last], [{}, {}, {}]);
      expect(outcomes[0]).toBe('created');
      expect(outcomes[1]).toBeInstanceOf(StoreError);
      expect((outcomes[1] as Error).message).toMatch(/^could not store report synthetic-2: .*/);
      expect(outcomes[2]).toBe('created');
      expect(store.batchUse).toEqual({ batches: 0, batchedReports: 0, oneByOne: 3 });
      // nothing of the victim, nothing twice of the others: the graph of the two written alone
      for (const graph of [first, last]) await clean.upsertReport(graph);
      expect(await graphState(store)).toEqual(await graphState(clean));
    } finally {
      await store.close();
      await clean.close();
      rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe('the store target of an ingest, several reports at once', () => {
  const extracted = (graph: ReportGraph) => ({ graph }) as unknown as ExtractedReport;
  const twin = (i: number, file: string) => ({ report: extracted(syntheticReport(i, { year: 2020 })), file });

  it('flags the twin of a created report listed before it in the batch, and not the one after it', async () => {
    const store = await EmbeddedStore.open();
    try {
      const results = await storeTarget(store).writeMany!([twin(1, 'a.txt'), twin(2, 'b.txt')]);
      expect(store.batchUse.batches).toBe(1);
      expect(results).toEqual([{ status: 'created' }, { status: 'created', sameIssuerAndYear: ['a.txt'] }]);
    } finally {
      await store.close();
    }
  });

  it('flags the twin of a created report stored before the batch, even when the batch lists it later', async () => {
    const store = await EmbeddedStore.open();
    try {
      await storeTarget(store).write(twin(2, 'b.txt').report, 'b.txt');
      const results = await storeTarget(store).writeMany!([twin(1, 'a.txt'), twin(2, 'b.txt')]);
      expect(results[0]).toEqual({ status: 'created', sameIssuerAndYear: ['b.txt'] });
      expect(results[1]).toMatchObject({ status: 'unchanged' });
    } finally {
      await store.close();
    }
  });
});
