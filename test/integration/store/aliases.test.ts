// A regulation's or initiative's aliases are every surface form its reports
// gave it since the node was made: a node takes its first report's forms, and
// each later write adds those it lacks (regulations_add_aliases,
// initiatives_add_aliases). The embedded store skips the forms it knows to be
// stored (src/store/known-aliases.ts); what it knows must never outlive the
// node (a node deleted with its last report and made again starts afresh) or
// come from a write that was rolled back. A random run of writes, batches,
// replacements, deletes and rolled-back transactions is held to a model of
// what the aliases must be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportGraph } from '../../../src/extract/types.js';
import { seededRandom } from '../../../src/eval/split.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import type { Transaction } from '../../../src/store/write.js';
import { planReportWrite, type PlannedStatement } from '../../../src/store/write-plan.js';
import { syntheticReport } from '../../support/graphs.js';

/** Each name with the forms reports write it as (the name itself among them). */
const INITIATIVES: Record<string, string[]> = {
  行政执法三项制度: ['行政执法三项制度', '三项制度', '行政执法“三项制度”'],
  放管服改革: ['放管服改革', '“放管服”改革', '放管服'],
  一件事一次办: ['一件事一次办', '“一件事一次办”改革'],
};
const REGULATIONS: Record<string, string[]> = {
  '法治政府建设实施纲要（2021—2025年）': ['法治政府建设实施纲要（2021—2025年）', '法治政府建设实施纲要(2021-2025年)', '纲要'],
  行政复议法: ['行政复议法', '中华人民共和国行政复议法'],
};

type Forms = Map<string, Set<string>>;

/** Runs a write plan's steps in a transaction, as the store's writes do (a step's follow-up made from its rows). */
async function runSteps(tx: Transaction, steps: PlannedStatement[]): Promise<void> {
  for (const planned of steps) {
    for (let step: PlannedStatement | null = planned; step; ) {
      const rows = await tx.run(step.name, step.params);
      step = step.next?.(rows) ?? null;
    }
  }
}

function randomReport(next: () => number, id: number): ReportGraph {
  const pick = (forms: string[]) => forms.filter(() => next() < 0.5);
  const initiatives = Object.entries(INITIATIVES).flatMap(([name, forms]) => {
    const surface = pick(forms);
    return next() < 0.6 && surface.length ? [{ name, surface, category: 'other', count: 1, mentions: [] }] : [];
  });
  const regulations = Object.entries(REGULATIONS).flatMap(([title, forms]) => {
    const surface = pick(forms);
    return next() < 0.6 && surface.length
      ? [{ title, surface, kind: 'law' as const, scope: 'national' as const, action: 'implemented' as const, count: 1, mentions: [] }]
      : [];
  });
  return syntheticReport(id, { initiatives, regulations, problems: [], plans: [], metrics: [] });
}

/** The aliases the model says each node has: an initiative's forms other than its name, a regulation's all. */
function expected(stored: Map<number, ReportGraph>, made: { initiatives: Forms; regulations: Forms }) {
  const initiatives: Record<string, string[]> = {};
  const regulations: Record<string, string[]> = {};
  const live = [...stored.values()];
  for (const [name, forms] of made.initiatives)
    if (live.some((g) => g.initiatives.some((i) => i.name === name))) initiatives[name] = [...forms].filter((f) => f !== name).sort();
  for (const [title, forms] of made.regulations) if (live.some((g) => g.regulations.some((r) => r.title === title))) regulations[title] = [...forms].sort();
  return { initiatives, regulations };
}

async function storedAliases(store: EmbeddedStore) {
  const read = async (label: 'Initiative' | 'Regulation') => {
    const rows = await store.run('export_nodes', { label, after: '', limit: 1000, properties: true });
    const out: Record<string, string[]> = {};
    for (const row of rows) {
      const aliases = ((row.properties as { aliases?: string[] }).aliases ?? []) as string[];
      // each form once
      expect(new Set(aliases).size, String(row.key)).toBe(aliases.length);
      out[String(row.key)] = [...aliases].sort();
    }
    return out;
  };
  return { initiatives: await read('Initiative'), regulations: await read('Regulation') };
}

describe('aliases across writes, deletes and rollbacks', () => {
  let store: EmbeddedStore;
  beforeAll(async () => {
    store = await EmbeddedStore.open({ readCache: false });
  });
  afterAll(() => store?.close());

  it('are the forms of the reports written since the node was made, never those of a rolled-back write', async () => {
    const next = seededRandom(20261208);
    const stored = new Map<number, ReportGraph>();
    // the forms each live node has gathered since it was made (a node gone is forgotten)
    const made = { initiatives: new Map() as Forms, regulations: new Map() as Forms };
    const learn = (graph: ReportGraph) => {
      for (const i of graph.initiatives) for (const f of i.surface) made.initiatives.set(i.name, (made.initiatives.get(i.name) ?? new Set()).add(f));
      for (const r of graph.regulations) for (const f of r.surface) made.regulations.set(r.title, (made.regulations.get(r.title) ?? new Set()).add(f));
    };
    const forgetGone = () => {
      const live = [...stored.values()];
      for (const name of made.initiatives.keys()) if (!live.some((g) => g.initiatives.some((i) => i.name === name))) made.initiatives.delete(name);
      for (const title of made.regulations.keys()) if (!live.some((g) => g.regulations.some((r) => r.title === title))) made.regulations.delete(title);
    };
    let nextId = 1;
    const counts = { written: 0, batched: 0, deleted: 0, rolledBack: 0, recreated: 0 };
    for (let step = 1; step <= 80; step++) {
      const roll = next();
      if (roll < 0.2 && stored.size) {
        // delete a stored report (its nodes go when it was their last)
        const id = [...stored.keys()][Math.floor(next() * stored.size)];
        expect(await store.deleteReport(`synthetic-${id}`)).toBe(true);
        stored.delete(id);
        forgetGone();
        counts.deleted++;
      } else if (roll < 0.35) {
        // a write that is rolled back: it must teach nothing
        const graph = randomReport(next, nextId++);
        await store.writeTransaction(async (tx) => {
          await runSteps(tx, planReportWrite(graph, { extractorVersion: 'v1' }));
          return { commit: false, value: null };
        });
        counts.rolledBack++;
      } else if (roll < 0.55) {
        // several new reports in one transaction
        const graphs = [0, 1, 2].map(() => randomReport(next, nextId++));
        const outcomes = await store.upsertReports!(
          graphs,
          graphs.map(() => ({ extractorVersion: 'v1' })),
        );
        expect(outcomes).toEqual(['created', 'created', 'created']);
        for (const g of graphs) {
          stored.set(Number(g.reportId.split('-')[1]), g);
          learn(g);
        }
        counts.batched++;
      } else {
        const wasGone = made.initiatives.size + made.regulations.size === 0;
        const graph = randomReport(next, nextId++);
        expect(await store.upsertReport(graph, { extractorVersion: 'v1' })).toBe('created');
        stored.set(Number(graph.reportId.split('-')[1]), graph);
        learn(graph);
        if (wasGone && graph.initiatives.length + graph.regulations.length) counts.recreated++;
        counts.written++;
      }
      expect(await storedAliases(store), `after step ${step}`).toEqual(expected(stored, made));
    }
    // the run went through every kind of step, and made nodes again after they had gone
    expect(Math.min(counts.written, counts.batched, counts.deleted, counts.rolledBack)).toBeGreaterThan(3);
    expect(counts.recreated + counts.deleted).toBeGreaterThan(5);
  });

  it('a node made again after its last report went starts with the forms of the report that makes it', async () => {
    const fresh = await EmbeddedStore.open({ readCache: false });
    try {
      const cite = (id: number, surface: string[]) =>
        syntheticReport(id, {
          initiatives: [{ name: '放管服改革', surface, category: 'other', count: 1, mentions: [] }],
          regulations: [],
          problems: [],
          plans: [],
          metrics: [],
        });
      await fresh.upsertReport(cite(1, ['放管服改革', '放管服']), { extractorVersion: 'v1' });
      await fresh.upsertReport(cite(2, ['“放管服”改革']), { extractorVersion: 'v1' });
      expect((await storedAliases(fresh)).initiatives).toEqual({ 放管服改革: ['放管服', '“放管服”改革'].sort() });
      // both reports go, and with them the node
      await fresh.deleteReport('synthetic-1');
      await fresh.deleteReport('synthetic-2');
      expect((await storedAliases(fresh)).initiatives).toEqual({});
      // made again by a report with one form; then a report with a form the old node had must add it
      await fresh.upsertReport(cite(3, ['“放管服”改革']), { extractorVersion: 'v1' });
      await fresh.upsertReport(cite(4, ['放管服']), { extractorVersion: 'v1' });
      expect((await storedAliases(fresh)).initiatives).toEqual({ 放管服改革: ['放管服', '“放管服”改革'].sort() });
    } finally {
      await fresh.close();
    }
  });

  it('a form only a rolled-back write gave is added by the next write that gives it', async () => {
    const fresh = await EmbeddedStore.open({ readCache: false });
    try {
      const cite = (id: number, surface: string[]) =>
        syntheticReport(id, {
          initiatives: [],
          regulations: [{ title: '行政复议法', surface, kind: 'law', scope: 'national', action: 'implemented', count: 1, mentions: [] }],
          problems: [],
          plans: [],
          metrics: [],
        });
      await fresh.upsertReport(cite(1, ['行政复议法']), { extractorVersion: 'v1' });
      await fresh.writeTransaction(async (tx) => {
        await runSteps(tx, planReportWrite(cite(2, ['中华人民共和国行政复议法']), { extractorVersion: 'v1' }));
        return { commit: false, value: null };
      });
      expect((await storedAliases(fresh)).regulations).toEqual({ 行政复议法: ['行政复议法'] });
      await fresh.upsertReport(cite(3, ['中华人民共和国行政复议法']), { extractorVersion: 'v1' });
      expect((await storedAliases(fresh)).regulations).toEqual({ 行政复议法: ['中华人民共和国行政复议法', '行政复议法'].sort() });
    } finally {
      await fresh.close();
    }
  });
});
