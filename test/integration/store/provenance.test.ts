// Provenance is stored as offsets into the report's text and indexes into its
// heading paths (src/store/provenance.ts), not as strings. What the API
// returns must still be exactly what the extractor found, for reports
// written now, for a relationship whose sentence is not a slice of the text,
// and data directories written before the offsets existed (sentences,
// sections and surfaces as string lists) are refused with what to re-extract.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import grafeo from '@grafeo-db/js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLHandler } from '../../../src/api/server.js';
import type { Mention, ReportGraph } from '../../../src/extract/types.js';
import { extractFile } from '../../../src/ingest/report.js';
import { DATABASE_FILE, EmbeddedStore } from '../../../src/store/embedded.js';
import { jurisdictionChain } from '../../../src/store/jurisdiction-chain.js';
import { planReportWrite } from '../../../src/store/write-plan.js';
import type { ParamsOf } from '../../../src/store/catalogue.js';
import { syntheticReport } from '../../support/graphs.js';
import { queryData as ask, type Yoga } from '../../support/ask.js';
import { countingStore, type CountingStore } from '../../support/counting.js';
import { StoreError } from '../../../src/store/errors.js';
import { refuseOldProvenance, SectionTable, sentenceOffset } from '../../../src/store/provenance.js';

const seedDir = fileURLToPath(new URL('../../../seed/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'govgraph-provenance-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const M = 'mentions { sentence section start end surface }';
// metrics in pages of 100 (a report can state more than one page holds), the next page after the first's end cursor
const METRICS = `metrics(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { indicator surface ${M} } }`;
const REPORT = `query($id: String!, $after: String) { report(id: $id) {
  initiatives(first: 100) { edges { node { name } ${M} } }
  regulations(first: 100) { edges { node { title } ${M} } }
  ${METRICS}
  problems(first: 100) { edges { node { text ${M} } } } } }`;
const MORE_METRICS = `query($id: String!, $after: String) { report(id: $id) { ${METRICS} } }`;

/** A mention as the API shows it (the selection M). */
interface ShownMention {
  sentence: string;
  section: string | null;
  start: number;
  end: number;
  surface: string | null;
}
type MetricsPage = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  nodes: { indicator: string; surface: string; mentions: ShownMention[] }[];
};
/** The answer to REPORT. */
interface ReportAnswer {
  initiatives: { edges: { node: { name: string }; mentions: ShownMention[] }[] };
  regulations: { edges: { node: { title: string }; mentions: ShownMention[] }[] };
  metrics: MetricsPage;
  problems: { edges: { node: { text: string; mentions: ShownMention[] } }[] };
}

/** The REPORT answer, with every page of its metrics. */
async function askReport(yoga: Yoga, id: string) {
  const { report } = await ask<{ report: ReportAnswer }>(yoga, REPORT, { id });
  let page = report.metrics;
  while (page.pageInfo.hasNextPage) {
    page = (await ask<{ report: { metrics: MetricsPage } }>(yoga, MORE_METRICS, { id, after: page.pageInfo.endCursor })).report.metrics;
    report.metrics.nodes.push(...page.nodes);
  }
  return report;
}
const FOLLOW_THROUGH = `{ jurisdiction(name: "510604") { followThrough { nodes { plan plannedYear doneYear
  planMentions { sentence section start end surface } evidence { sentence section start end surface } } } } }`;

/** A mention as the API has always shown it: the extractor's values, the heading path joined (null when none), the words as written for CITES and MENTIONS only. */
const shown = (text: string, mentions: Mention[] | undefined, withSurface: boolean) =>
  (mentions ?? []).map((m) => ({
    sentence: m.sentence,
    section: (m.section ?? []).join(' > ') || null,
    start: m.start,
    end: m.end,
    surface: withSurface ? text.slice(m.start, m.end) : null,
  }));

/** The same item text twice in one report is one Problem (the write plan keeps the first). */
function firstByText<T extends { text: string }>(items: T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.text)) seen.set(item.text, item);
  return [...seen.values()];
}

/** What the REPORT query must answer for a graph, in an order-free form. */
function expectedAnswer(g: ReportGraph) {
  const sort = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    initiatives: sort(g.initiatives.map((i) => ({ name: i.name, mentions: shown(g.text, i.mentions, true) }))),
    regulations: sort(g.regulations.map((r) => ({ title: r.title, mentions: shown(g.text, r.mentions, true) }))),
    metrics: sort(g.metrics.map((m) => ({ indicator: m.indicator, surface: m.surface, mentions: shown(g.text, m.mentions, false) }))),
    problems: sort(firstByText(g.problems).map((p) => ({ text: p.text, mentions: shown(g.text, p.mentions, false) }))),
  };
}

function answerOf(report: ReportAnswer) {
  const sort = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    initiatives: sort(report.initiatives.edges.map((e) => ({ name: e.node.name, mentions: e.mentions }))),
    regulations: sort(report.regulations.edges.map((e) => ({ title: e.node.title, mentions: e.mentions }))),
    metrics: sort(report.metrics.nodes.map((m) => ({ indicator: m.indicator, surface: m.surface, mentions: m.mentions }))),
    problems: sort(report.problems.edges.map((e) => ({ text: e.node.text, mentions: e.node.mentions }))),
  };
}

describe('provenance stored as offsets into the report text', () => {
  let store: EmbeddedStore;
  let counted: CountingStore;
  let yoga: Yoga;
  const graphs: ReportGraph[] = [];

  beforeAll(async () => {
    store = await EmbeddedStore.open();
    counted = countingStore(store);
    yoga = createGraphQLHandler({ store: counted });
    for (const file of readdirSync(seedDir).sort()) {
      const { graph } = await extractFile(join(seedDir, file), { file });
      graphs.push(graph);
      await store.upsertReport(graph, { extractorVersion: 'test' });
    }
  });
  afterAll(() => store.close());

  it('gives back every mention of every seed exactly as the extractor found it: sentence, section, offsets, surface', async () => {
    expect(graphs).toHaveLength(5);
    let mentions = 0;
    for (const g of graphs) {
      const report = await askReport(yoga, g.reportId);
      const expected = expectedAnswer(g);
      expect(answerOf(report)).toEqual(expected);
      mentions += JSON.stringify(expected).split('\\"sentence\\"').length - 1;
    }
    expect(mentions).toBeGreaterThan(300);
  });

  it('stores offsets and section indexes in one string on each relationship, each heading path once on the report, and no sentence text', async () => {
    const g = graphs[0];
    const [report] = await store.run('report_texts_by_ids', { ids: [g.reportId] });
    const sections = report.sections as string[];
    expect(new Set(sections).size).toBe(sections.length);
    expect(sections.every((s) => s.length > 0)).toBe(true);
    const links = [
      ...(await store.run('report_initiatives', { ids: [g.reportId] })),
      ...(await store.run('report_regulations', { ids: [g.reportId] })),
      ...(await store.run('report_metrics', { ids: [g.reportId] })),
      ...(await store.run('report_problems', { ids: [g.reportId] })),
    ].map((row) => row.link as Record<string, unknown>);
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) {
      for (const gone of ['sentences', 'sections', 'surfaces', 'starts', 'ends', 'sentenceStarts', 'sentenceEnds', 'sectionIndexes'])
        expect(link[gone]).toBeUndefined();
      // one group of five integers a mention: start, end, sentence start, sentence end, section index
      const groups = String(link.provenance).split(';');
      for (const group of groups) {
        const [start, end, sentenceStart, sentenceEnd, section] = group.split(',').map(Number);
        expect(group).toMatch(/^\d+,\d+,\d+,\d+,-?\d+$/);
        expect(sentenceStart <= start && start <= end && end <= sentenceEnd && sentenceEnd <= g.text.length).toBe(true);
        expect(section === -1 || (section >= 0 && section < sections.length)).toBe(true);
      }
    }
  });

  it('reads the texts behind any number of mentions in one store call per request (batched by a DataLoader)', async () => {
    const callsFor = async (first: number) => {
      const before = counted.calls;
      type Mentions = { initiative: { mentions: { edges: { node: { report: { reportId: string } } }[] } } };
      const data = await ask<Mentions>(
        yoga,
        `{ initiative(name: "三项制度") { mentions(first: ${first}) { edges { node { sentence section surface report { reportId } } } } } }`,
      );
      return { calls: counted.calls - before, reports: new Set(data.initiative.mentions.edges.map((e) => e.node.report.reportId)).size };
    };
    const one = await callsFor(1);
    const many = await callsFor(100);
    expect(many.reports).toBeGreaterThan(1);
    expect(many.calls).toBe(one.calls);
  });

  it('follow-through: a plan’s mentions (PLANS) and the next year’s evidence (MENTIONS) resolve too', async () => {
    const local = await EmbeddedStore.open();
    try {
      const [planned, done] = [syntheticReport(1), syntheticReport(2)];
      for (const g of [planned, done]) await local.upsertReport(g, { extractorVersion: 't' });
      const data = await ask<{ jurisdiction: { followThrough: { nodes: unknown } } }>(createGraphQLHandler({ store: local }), FOLLOW_THROUGH);
      expect(data.jurisdiction.followThrough.nodes).toEqual([
        {
          plan: '深化三项制度',
          plannedYear: planned.year,
          doneYear: done.year,
          planMentions: shown(planned.text, planned.plans[0].mentions, false),
          evidence: shown(done.text, done.initiatives[0].mentions, true),
        },
      ]);
    } finally {
      await local.close();
    }
  });

  it('keeps the sentences of a relationship one of whose sentences is not a slice of the text, and returns them as they were', async () => {
    const g = syntheticReport(7);
    const initiative = g.initiatives[0];
    const edited: Mention = { ...initiative.mentions[0], sentence: `(摘要)${initiative.mentions[0].sentence}` };
    expect(g.text.includes(edited.sentence)).toBe(false);
    const graph: ReportGraph = { ...g, initiatives: [{ ...initiative, mentions: [edited] }, ...g.initiatives.slice(1)] };
    const local = await EmbeddedStore.open();
    try {
      await local.upsertReport(graph, { extractorVersion: 't' });
      const links = new Map(
        (await local.run('report_initiatives', { ids: [g.reportId] })).map((r) => [(r.initiative as { name: string }).name, r.link as Record<string, unknown>]),
      );
      expect(links.get(initiative.name)).toMatchObject({ sentences: [edited.sentence] });
      // (its sentence offsets left empty in the provenance string: start, end, -, -, section)
      expect(links.get(initiative.name)?.provenance).toMatch(/^\d+,\d+,,,-?\d+$/);
      expect(links.get(g.initiatives[1].name)?.sentences).toBeUndefined();
      const report = await askReport(createGraphQLHandler({ store: local }), g.reportId);
      expect(answerOf(report)).toEqual(expectedAnswer(graph));
    } finally {
      await local.close();
    }
  });

  it('writes a report whose mentions sit in no section, and one without provenance, without a sections list', async () => {
    const g = syntheticReport(8);
    const bare = (ms: Mention[] | undefined) => (ms ?? []).map((m) => ({ ...m, section: undefined }));
    const graph: ReportGraph = {
      ...g,
      initiatives: g.initiatives.map((i) => ({ ...i, mentions: bare(i.mentions) })),
      regulations: g.regulations.map((r) => ({ ...r, mentions: bare(r.mentions) })),
      problems: g.problems.map((p) => ({ ...p, mentions: bare(p.mentions) })),
      plans: g.plans.map((p) => ({ ...p, mentions: undefined })),
      metrics: g.metrics.map((m) => ({ ...m, mentions: bare(m.mentions) })),
    };
    const create = planReportWrite(graph, { extractorVersion: 't' })[0];
    expect(create.name).toBe('report_create');
    expect((create.params as ParamsOf<'report_create'>).reports[0].props.sections).toBeNull();
    const local = await EmbeddedStore.open();
    try {
      await local.upsertReport(graph, { extractorVersion: 't' });
      const report = await askReport(createGraphQLHandler({ store: local }), g.reportId);
      expect(answerOf(report)).toEqual(expectedAnswer(graph));
      expect(JSON.stringify(report)).toContain('"section":null');
    } finally {
      await local.close();
    }
  });
});

/**
 * A data directory as an earlier release wrote it. `strings` (extractor 0.3.0
 * and earlier): provenance as string lists (`sentences`, `sections` joined
 * with " > ", `surfaces` on CITES and MENTIONS), no Report.sections.
 * `lists`: the offsets of today's provenance string as parallel lists
 * (`starts`, `ends`, `sentenceStarts`, `sentenceEnds`, `sectionIndexes`),
 * with Report.sections. Built with Grafeo's batch API rather than Cypher, so
 * that it does not depend on the statements of cypher/.
 */
async function writeOldFormatDirectory(dir: string, reports: ReportGraph[], form: 'strings' | 'lists' = 'strings'): Promise<void> {
  const db = grafeo.GrafeoDB.create(join(dir, DATABASE_FILE));
  try {
    const ids = new Map<string, number>();
    const node = async (label: string, key: string, props: Record<string, unknown>) => {
      const id = `${label}\n${key}`;
      if (!ids.has(id)) ids.set(id, (await db.batchCreateNodesWithProps(label, [props]))[0]);
      return ids.get(id)!;
    };
    let sections = new SectionTable();
    const oldLists = (text: string, mentions: Mention[] | undefined, withSurface: boolean): Record<string, unknown> => {
      const list = mentions ?? [];
      if (form === 'lists') {
        const at = list.map((m) => sentenceOffset(text, m.sentence, m.start));
        return {
          starts: list.map((m) => m.start),
          ends: list.map((m) => m.end),
          sentenceStarts: at,
          sentenceEnds: list.map((m, i) => at[i] + m.sentence.length),
          sectionIndexes: list.map((m) => sections.indexOf(m.section)),
        };
      }
      return {
        starts: list.map((m) => m.start),
        ends: list.map((m) => m.end),
        sentences: list.map((m) => m.sentence),
        sections: list.map((m) => (m.section ?? []).join(' > ')),
        ...(withSurface ? { surfaces: list.map((m) => text.slice(m.start, m.end)) } : {}),
      };
    };
    const edges: { src: number; dst: number; type: string; properties?: Record<string, unknown> }[] = [];
    for (const g of reports) {
      const chain = jurisdictionChain(g.jurisdiction!);
      // (the report's heading paths, each once, which the section indexes point into)
      sections = new SectionTable();
      for (const x of [...g.initiatives, ...g.regulations, ...g.problems, ...g.plans, ...g.metrics])
        for (const m of x.mentions ?? []) sections.indexOf(m.section);
      const r = await node('Report', g.reportId, {
        ...(form === 'lists' && sections.paths.length ? { sections: sections.paths } : {}),
        id: g.reportId,
        title: g.title,
        year: g.year,
        text: g.text,
        jurisdictionKey: chain.key,
        extractorVersion: 'old',
        file: g.source?.file ?? null,
      });
      edges.push({ src: r, dst: await node('Jurisdiction', chain.key, { ...chain.nodes[0].props }), type: 'ABOUT' });
      for (const i of g.initiatives) {
        const dst = await node('Initiative', i.name, { name: i.name, category: i.category, discovered: false, aliases: i.surface.filter((s) => s !== i.name) });
        edges.push({ src: r, dst, type: 'MENTIONS', properties: { count: i.count, ...oldLists(g.text, i.mentions, true) } });
      }
      for (const x of g.regulations) {
        const dst = await node('Regulation', x.title, { title: x.title, kind: x.kind, scope: x.scope, aliases: x.surface });
        edges.push({ src: r, dst, type: 'CITES', properties: { action: x.action, count: x.count, ...oldLists(g.text, x.mentions, true) } });
      }
      for (const p of g.problems) {
        const dst = await node('Problem', `${g.reportId}/${p.text}`, { id: `${g.reportId}/${p.text}`, text: p.text });
        edges.push({ src: r, dst, type: 'IDENTIFIES', properties: oldLists(g.text, p.mentions, false) });
      }
      for (const p of g.plans) {
        const dst = await node('Plan', `${g.reportId}/${p.text}`, { id: `${g.reportId}/${p.text}`, text: p.text });
        edges.push({ src: r, dst, type: 'PLANS', properties: oldLists(g.text, p.mentions, false) });
        for (const name of p.initiatives) edges.push({ src: dst, dst: ids.get(`Initiative\n${name}`)!, type: 'CONCERNS' });
      }
      for (const m of g.metrics) {
        const dst = await node('Indicator', m.indicator, { name: m.indicator });
        edges.push({ src: r, dst, type: 'REPORTS', properties: { value: m.value, unit: m.unit, surface: m.surface, ...oldLists(g.text, m.mentions, false) } });
      }
    }
    await db.batchCreateEdges(edges);
  } finally {
    db.close();
  }
}

describe('data written before provenance offsets', () => {
  it('is refused with the files to re-extract, and re-extracting them (a newer extractor version) clears it', async () => {
    const reports = [syntheticReport(1), syntheticReport(2)].map((g, i) => ({ ...g, source: { file: `reports/old-${i}.txt` } }));
    const dir = join(scratch, 'old-data');
    await writeOldFormatDirectory(dir, reports);
    const old = await EmbeddedStore.open({ dir });
    try {
      const link = (await old.run('report_initiatives', { ids: [reports[0].reportId] }))[0].link as Record<string, unknown>;
      expect(link).toMatchObject({ sentences: expect.any(Array), sections: expect.any(Array), surfaces: expect.any(Array) });
      const refusal = refuseOldProvenance(old, 'embedded store in old-data');
      await expect(refusal).rejects.toBeInstanceOf(StoreError);
      await expect(refusal).rejects.toThrow(
        /^the embedded store in old-data holds 2 report\(s\) stored by extractor 0\.3\.0 or earlier.*\(reports\/old-0\.txt, reports\/old-1\.txt\); re-extract them with "govgraph ingest PATH\.\.\."/,
      );
      // what `govgraph ingest` does with a report stored by another extractor version: replace it
      for (const g of reports) expect(await old.upsertReport(g, { extractorVersion: 'new' })).toBe('replaced');
      await expect(refuseOldProvenance(old, 'embedded store in old-data')).resolves.toBeUndefined();
      const { report } = await ask<{ report: ReportAnswer }>(createGraphQLHandler({ store: old }), REPORT, { id: reports[0].reportId });
      expect(answerOf(report)).toEqual(expectedAnswer(reports[0]));
    } finally {
      await old.close();
    }
  });

  it('provenance written as offset lists (before the provenance string) is read as it was written, follow-through included', async () => {
    const reports = [syntheticReport(1), syntheticReport(2)];
    const dir = join(scratch, 'list-data');
    await writeOldFormatDirectory(dir, reports, 'lists');
    const stored = await EmbeddedStore.open({ dir });
    try {
      const link = (await stored.run('report_initiatives', { ids: [reports[0].reportId] }))[0].link as Record<string, unknown>;
      expect(link).toMatchObject({ starts: expect.any(Array), sentenceStarts: expect.any(Array), sectionIndexes: expect.any(Array) });
      expect(link.provenance).toBeUndefined();
      await expect(refuseOldProvenance(stored, 'embedded store in list-data')).resolves.toBeUndefined();
      const yoga = createGraphQLHandler({ store: stored });
      for (const g of reports) expect(answerOf(await askReport(yoga, g.reportId))).toEqual(expectedAnswer(g));
      const data = await ask<{ jurisdiction: { followThrough: { nodes: unknown[] } } }>(yoga, FOLLOW_THROUGH);
      expect(data.jurisdiction.followThrough.nodes).toEqual([
        {
          plan: '深化三项制度',
          plannedYear: reports[0].year,
          doneYear: reports[1].year,
          planMentions: shown(reports[0].text, reports[0].plans[0].mentions, false),
          evidence: shown(reports[1].text, reports[1].initiatives[0].mentions, true),
        },
      ]);
    } finally {
      await stored.close();
    }
  });

  it('a store written now passes the check', async () => {
    const local = await EmbeddedStore.open();
    try {
      await local.upsertReport(syntheticReport(3), { extractorVersion: 't' });
      await expect(refuseOldProvenance(local, 'embedded store in memory')).resolves.toBeUndefined();
    } finally {
      await local.close();
    }
  });
});
