// The embedded store's co-occurrence index (src/store/cooccurrence-index.ts)
// counts co-citation, co-mention and jurisdiction similarity in JS; what it
// answers must be the statements' rows exactly (regulations_cocited,
// initiatives_comentioned, jurisdictions_similar): the same nodes, counts,
// float lifts and jaccards, order and ties, totals and `limit`. Asked for
// every regulation, initiative and jurisdiction: on the sample reports (the
// index built halfway and fed the rest), and on a random corpus of writes,
// replacements that move a report to another place, and deletes, with
// titles that Grafeo and JS order differently. A snapshot older than the
// last commit is not answered from the index.
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/api/context.js';
import { schema } from '../../../src/api/schema/index.js';
import type { JurisdictionFact, ReportGraph } from '../../../src/extract/types.js';
import { seededRandom as random } from '../../../src/eval/split.js';
import { ingestPaths } from '../../../src/ingest/pipeline.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { CooccurrenceIndex, type IndexedStatement } from '../../../src/store/cooccurrence-index.js';
import type { GraphStore, StoreSnapshot } from '../../../src/store/types.js';
import { compareCodePoints } from '../../../src/store/code-point-order.js';
import { syntheticReport } from '../../support/graphs.js';
import { expandSubgraph, type ExpansionRequest } from '../../../src/api/subgraph.js';
import { DEFAULT_GRAPH_LABELS, DEFAULT_GRAPH_TYPES } from '../../../src/model.js';
import { SEED_DIR } from '../../support/served.js';

const SECOND_YEAR = new URL('../../fixtures/second-year/', import.meta.url).pathname;

/** What is read: the store as it is, or a snapshot. */
type Reader = Pick<StoreSnapshot, 'run' | 'indexedRows' | 'indexedNeighbours' | 'indexedTallies'>;

async function keysOf(store: Reader, label: 'Initiative' | 'Regulation' | 'Jurisdiction' | 'Report'): Promise<string[]> {
  const page = await store.run('export_nodes', { label, after: '', limit: 100_000, properties: false });
  return page.map((row) => String(row.key));
}

const ASKED: Array<{ name: IndexedStatement; param: string; label: 'Initiative' | 'Regulation' | 'Jurisdiction' }> = [
  { name: 'regulations_cocited', param: 'titles', label: 'Regulation' },
  { name: 'initiatives_comentioned', param: 'names', label: 'Initiative' },
  { name: 'jurisdictions_similar', param: 'keys', label: 'Jurisdiction' },
];

/** The pages (skip, limit) and year ranges the lists are asked for. */
const PAGES = [
  [0, 20],
  [0, 20],
  [1, 2],
  [0, 0],
  [3, 100],
  [0, 1],
] as const;
const YEAR_RANGES = [
  [null, null],
  [null, null],
  [2019, null],
  [null, 2018],
  [2018, 2020],
  [2030, null],
] as const;

/** The list's questions: place conditions, orders, pages and year ranges drawn at random. */
function listAsks(next: () => number, count: number): Array<Record<string, unknown>> {
  const one = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const asks: Array<Record<string, unknown>> = [];
  for (let k = 0; k < count; k++) {
    const [skip, limit] = one(PAGES);
    const [yearFrom, yearTo] = one(YEAR_RANGES);
    asks.push({
      initiativeCategory: one([null, null, null, 'other', 'law_enforcement']),
      yearFrom,
      yearTo,
      level: one([null, 'county', 'county', 'prefecture', 'province']),
      province: one([null, null, '四川省', '广东省']),
      prefecture: one([null, null, '德阳市', '清远市', '上海市']),
      text: one([null, null, null, '德阳', '𠮷', '市']),
      orderBy: one(['fullName', 'name', 'reports']),
      descending: next() < 0.3,
      skip,
      limit,
    });
  }
  return asks;
}

/**
 * Asks the index and the statement for the jurisdictions mentioning each initiative (by name, by a
 * surface the node keeps as an alias, several at once, none), with random filters, orders and pages,
 * in both forms (all initiatives, and among candidates); returns how many lists were compared.
 */
async function expectSameLists(store: Reader, where: string, seed: number): Promise<number> {
  const next = random(seed);
  const names = await keysOf(store, 'Initiative');
  const asked = [...names.map((name) => [name]), names.slice(0, 3), ['(no such initiative)']];
  let compared = 0;
  for (const initiatives of asked) {
    for (const ask of listAsks(next, 6)) {
      for (const [name, extra] of [
        ['jurisdictions_list_by_initiative_rollup', {}],
        ['jurisdictions_list_by_initiative_rollup_among', { candidates: [...initiatives, '(not a candidate)'] }],
      ] as const) {
        const params = { ...ask, initiatives, ...extra } as never;
        const plain = await store.run(name, params);
        const indexed = await store.indexedRows!(name, params);
        expect(indexed, `${where}: ${name} ${JSON.stringify(params)}`).toEqual(plain);
        compared++;
      }
    }
  }
  return compared;
}

/** Asks the index and the statement for the reports by their own properties: random year ranges, issuer types, places, orders and pages; returns how many lists were compared. */
async function expectSameReportLists(store: Reader, where: string, seed: number): Promise<number> {
  const next = random(seed);
  const one = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const places = await keysOf(store, 'Jurisdiction');
  let compared = 0;
  for (let k = 0; k < 12; k++) {
    const [yearFrom, yearTo] = one(YEAR_RANGES);
    const [skip, limit] = one(PAGES);
    const params = {
      yearFrom,
      yearTo,
      issuerType: one([null, null, 'government', 'department']),
      jurisdictionKeys: one([null, null, places.slice(0, 2), places.slice(-3), []]),
      oldestFirst: next() < 0.4,
      skip,
      limit,
    };
    const plain = await store.run('reports_list_by_properties', params);
    const indexed = await store.indexedRows!('reports_list_by_properties', params);
    expect(indexed, `${where}: reports ${JSON.stringify(params)}`).toEqual(plain);
    compared++;
  }
  return compared;
}

/**
 * Expands subgraphs with the index's levels and with the statements' only, from nodes of every
 * kind, one or several, to depths 1–3, cut at 3, 20 or 200 nodes, along the default types and a
 * few narrower ones; returns how many expansions were compared.
 */
async function expectSameSubgraphs(store: Reader, where: string, seed: number): Promise<number> {
  const next = random(seed);
  const one = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const byLabel = await Promise.all(
    (['Report', 'Jurisdiction', 'Initiative', 'Regulation'] as const).map(async (label) => ({ label, keys: await keysOf(store, label) })),
  );
  const nodes = byLabel.flatMap(({ label, keys }) => keys.map((key) => ({ label, key })));
  const statementsOnly = { run: store.run.bind(store) } as Pick<Reader, 'run'>;
  let compared = 0;
  for (let k = 0; k < 24; k++) {
    const [labels, types] = one([
      [DEFAULT_GRAPH_LABELS, DEFAULT_GRAPH_TYPES],
      [DEFAULT_GRAPH_LABELS, DEFAULT_GRAPH_TYPES],
      [['Initiative', 'Report'], ['MENTIONS']],
      [['Jurisdiction'], ['PART_OF', 'ABOUT']],
      [
        ['Report', 'Regulation'],
        ['CITES', 'ABOUT'],
      ],
    ] as const);
    const request: ExpansionRequest = {
      starts: nodes.length ? [one(nodes), ...(next() < 0.3 ? [one(nodes)] : [])] : [],
      depth: 1 + Math.floor(next() * 3),
      maxNodes: one([3, 20, 200]),
      labels,
      types,
      place: { province: null, level: null, yearFrom: null, yearTo: null },
    };
    const indexed = await expandSubgraph(store, request);
    const plain = await expandSubgraph(statementsOnly, request);
    expect(indexed, `${where}: subgraph ${JSON.stringify(request)}`).toEqual(plain);
    compared++;
  }
  return compared;
}

/** Asks the index and the statement for every jurisdiction's initiatives and regulations with their counts (the page), together and one by one; returns the rows compared. */
async function expectSameTallies(store: Reader, where: string): Promise<number> {
  const keys = await keysOf(store, 'Jurisdiction');
  let compared = 0;
  for (const [name, label, other] of [
    ['jurisdiction_initiatives', 'Initiative', (row: Record<string, unknown>) => (row.initiative as { name: string }).name],
    ['jurisdiction_regulations', 'Regulation', (row: Record<string, unknown>) => (row.regulation as { title: string }).title],
  ] as const) {
    for (const batch of [keys, ...keys.map((key) => [key]), [...keys].reverse().slice(0, 3), ['(no such place)']]) {
      const plain = (await store.run(name, { keys: batch })).map((row) => ({ key: row.key, other: other(row), reports: row.reports, mentions: row.mentions }));
      const indexed = await store.indexedTallies!(label, batch);
      expect(indexed, `${where}: ${name} ${JSON.stringify(batch)}`).toEqual(plain);
      compared += plain.length;
    }
  }
  return compared;
}

/** Asks the index and the statement for every node of each ranking, whole and cut short, together and one by one; returns the rows compared. */
async function expectSameRows(store: Reader, where: string): Promise<number> {
  let compared = 0;
  for (const { name, param, label } of ASKED) {
    const keys = await keysOf(store, label);
    const batches = [keys, ...keys.map((key) => [key]), [...keys].reverse().slice(0, 3), ['(no such node)']];
    for (const limit of [10_000, 3, 1, 0]) {
      for (const batch of batches) {
        const params = { limit, [param]: batch } as never;
        const plain = await store.run(name, params);
        const indexed = await store.indexedRows!(name, params);
        expect(indexed, `${where}: ${name} ${JSON.stringify(batch)} limit ${limit}`).toEqual(plain);
        compared += plain.length;
      }
    }
  }
  return compared;
}

describe('on the sample reports and their second year', () => {
  let store: EmbeddedStore;
  beforeAll(async () => {
    store = await EmbeddedStore.open({ readCache: false });
    await ingestPaths(store, [SEED_DIR], { workers: 0 });
  });
  afterAll(() => store?.close());

  it('answers what the statements answer, built from the graph and then fed by writes', async () => {
    // the first question builds the index from the graph
    expect(await expectSameRows(store, 'seeds')).toBeGreaterThan(100);
    expect(await expectSameLists(store, 'seeds', 1)).toBeGreaterThan(100);
    expect(await expectSameReportLists(store, 'seeds', 1)).toBe(12);
    expect(await expectSameTallies(store, 'seeds')).toBeGreaterThan(100);
    const levels = store.cooccurrenceUse.neighbours;
    expect(await expectSameSubgraphs(store, 'seeds', 1)).toBe(24);
    // (the index expanded levels: the comparison is not of the statements with themselves)
    expect(store.cooccurrenceUse.neighbours - levels).toBeGreaterThan(10);
    await ingestPaths(store, [SECOND_YEAR], { workers: 0 });
    expect(await expectSameRows(store, 'seeds and second year')).toBeGreaterThan(100);
    expect(await expectSameLists(store, 'seeds and second year', 2)).toBeGreaterThan(100);
    expect(await expectSameReportLists(store, 'seeds and second year', 2)).toBe(12);
    expect(await expectSameTallies(store, 'seeds and second year')).toBeGreaterThan(100);
    expect(await expectSameSubgraphs(store, 'seeds and second year', 2)).toBe(24);
    expect(store.cooccurrenceUse.answered).toBeGreaterThan(0);
    // (built once and fed every write since, not built again for each question)
    expect(store.cooccurrenceUse.builds).toBe(1);
  });

  it('the API answers co-citation, co-mention, similarity and the lists through the index as the statements answer them', async () => {
    // the store without its index: the API runs the statements
    const plain: GraphStore = {
      kind: store.kind,
      run: (name, ...params) => store.run(name, ...params),
      upsertReport: (graph, meta) => store.upsertReport(graph, meta),
      deleteReport: (id) => store.deleteReport(id),
      counts: () => store.counts(),
      close: () => store.close(),
    };
    const query = parse(`query($t: String!, $n: String!, $k: String!) {
      regulation(title: $t) { coCited(first: 5) { totalCount nodes { regulation { title kind } count lift pmi } } }
      initiative(name: $n) { coMentioned(first: 5) { totalCount nodes { initiative { name } count lift } } }
      jurisdiction(name: $k) { similar(first: 5) { totalCount nodes { jurisdiction { code fullName } shared score } } }
      jurisdictions(filter: {mentionsInitiative: $n}, first: 3) { totalCount edges { node { code fullName } } }
      reports(first: 3) { totalCount edges { node { id title year } } }
      page: jurisdiction(name: $k) { initiatives(first: 3) { totalCount edges { reportCount mentionCount node { name } } } regulations(first: 3) { totalCount edges { reportCount node { title } } } }
    }`);
    const [titles, names, keys] = await Promise.all([keysOf(store, 'Regulation'), keysOf(store, 'Initiative'), keysOf(store, 'Jurisdiction')]);
    const answered = store.cooccurrenceUse.answered;
    const tallied = store.cooccurrenceUse.tallied;
    for (let k = 0; k < 10; k++) {
      const variableValues = { t: titles[k % titles.length], n: names[k % names.length], k: keys[k % keys.length] };
      const [indexed, statements] = await Promise.all(
        [store, plain].map((s) => execute({ schema, document: query, contextValue: createContext(s), variableValues })),
      );
      expect(indexed.errors).toBeUndefined();
      expect(indexed).toEqual(statements);
    }
    expect(store.cooccurrenceUse.answered - answered).toBe(50);
    // (the page's initiatives and regulations: 2 a question, 10 questions)
    expect(store.cooccurrenceUse.tallied - tallied).toBe(20);
  });

  it('a snapshot begun before the last commits is answered for its own state', async () => {
    const older = store.snapshot();
    const params = { titles: ['行政复议法'], limit: 10 };
    try {
      const before = await older.indexedRows!('regulations_cocited', params);
      expect(before).toEqual(await older.run('regulations_cocited', params));
      await store.upsertReport(syntheticReport(9001));
      await store.upsertReport(syntheticReport(9002));
      expect(await store.deleteReport('synthetic-9001')).toBe(true);
      const answered = store.cooccurrenceUse.answeredOlder;
      expect(await older.indexedRows!('regulations_cocited', params)).toEqual(before);
      expect(store.cooccurrenceUse.answeredOlder).toBe(answered + 1);
      const newer = store.snapshot();
      try {
        const rows = await newer.indexedRows!('regulations_cocited', params);
        expect(rows).toEqual(await newer.run('regulations_cocited', params));
        expect(rows).not.toEqual(before);
      } finally {
        newer.release();
      }
    } finally {
      older.release();
    }
  });
});

describe('the list by initiative', () => {
  const place = (fullName: string, level = 'county') => ({ level, province: '四川省', prefecture: '德阳市', name: fullName.slice(-3), fullName });
  const ask = {
    yearFrom: null,
    yearTo: null,
    level: null,
    province: null,
    prefecture: null,
    text: null,
    orderBy: 'fullName',
    descending: false,
    skip: 0,
    limit: 10,
  };
  const report = (id: string, jurisdiction: string, year: number | null) => ({
    id,
    year,
    jurisdictions: [jurisdiction],
    regulations: [],
    initiatives: [['三项制度', 1]],
  });

  it('orders by full name in code point order, and by name or reports either way, the full name breaking ties', () => {
    const index = CooccurrenceIndex.fromRows([report('a', 'k1', 2020), report('b', 'k2', 2021), report('c', 'k2', 2022), report('d', 'k3', null)], 0, [
      { key: 'k1', ...place('四川省德阳市（试）区') },
      { key: 'k2', ...place('四川省德阳市𠮷区') },
      { key: 'k3', ...place('四川省德阳市旌阳区', 'prefecture') },
    ]);
    // (旌 U+65CC, （ U+FF08, 𠮷 U+20BB7: JS's `<` would put 𠮷 before （)
    expect(index.jurisdictionsMentioning(['三项制度'], ask)).toEqual({ keys: ['k3', 'k1', 'k2'], total: 3 });
    expect(index.jurisdictionsMentioning(['三项制度'], { ...ask, orderBy: 'reports', descending: true })?.keys).toEqual(['k2', 'k3', 'k1']);
    expect(index.jurisdictionsMentioning(['三项制度'], { ...ask, level: 'county', skip: 1 })).toEqual({ keys: ['k2'], total: 2 });
    // (a report without a year is in no range)
    expect(index.jurisdictionsMentioning(['三项制度'], { ...ask, yearFrom: 2021 })).toEqual({ keys: ['k2'], total: 1 });
    expect(index.jurisdictionsMentioning(['(none)'], ask)).toEqual({ keys: [], total: 0 });
  });

  it("declines when the order would be the engine's choice or a place is not known", () => {
    const twins = CooccurrenceIndex.fromRows([report('a', 'k1', 2020), report('b', 'k2', 2020)], 0, [
      { key: 'k1', ...place('四川省德阳市旌阳区') },
      { key: 'k2', ...place('四川省德阳市旌阳区') },
    ]);
    expect(twins.jurisdictionsMentioning(['三项制度'], ask)).toBeNull();
    // one of the two filtered out: the order is the index's to give again
    expect(twins.jurisdictionsMentioning(['三项制度'], { ...ask, yearFrom: 2030 })).toEqual({ keys: [], total: 0 });
    const unknown = CooccurrenceIndex.fromRows([report('a', 'k1', 2020)], 0, []);
    expect(unknown.jurisdictionsMentioning(['三项制度'], ask)).toBeNull();
  });
});

describe('on a random corpus of writes, moves and deletes', () => {
  const PLACES: JurisdictionFact[] = [
    { name: '罗江区', fullName: '四川省德阳市罗江区', province: '四川省', prefecture: '德阳市', level: 'county', adminCode: '510604' },
    { name: '旌阳区', fullName: '四川省德阳市旌阳区', province: '四川省', prefecture: '德阳市', level: 'county', adminCode: '510603' },
    { name: '德阳市', fullName: '四川省德阳市', province: '四川省', prefecture: '德阳市', level: 'prefecture', adminCode: '510600' },
    { name: '清远市', fullName: '广东省清远市', province: '广东省', prefecture: '清远市', level: 'prefecture', adminCode: '441800' },
    { name: '英德市', fullName: '广东省清远市英德市', province: '广东省', prefecture: '清远市', level: 'county', adminCode: '441881' },
    { name: '广东省', fullName: '广东省', province: '广东省', prefecture: null, level: 'province', adminCode: '440000' },
    // (a province-level city is named like the prefecture its districts give: the prefecture filter takes the district only)
    { name: '上海市', fullName: '上海市', province: '上海市', prefecture: null, level: 'province', adminCode: '310000' },
    { name: '浦东新区', fullName: '上海市浦东新区', province: '上海市', prefecture: '上海市', level: 'county', adminCode: '310115' },
    { name: '𠮷县', fullName: '𠮷省𠮷县', province: '𠮷省', prefecture: null, level: 'county', adminCode: '990101' },
    { name: '（试）县', fullName: '（试）省（试）县', province: '（试）省', prefecture: null, level: 'county', adminCode: '990102' },
  ];
  const INITIATIVES = ['行政执法三项制度', '放管服改革', '一件事一次办', '证明事项告知承诺制', '双随机一公开', '府院联动', '𠮷制度', '（试点）制度'];
  // (𠮷 is U+20BB7, （ U+FF08: JS's `<` puts the first before, Grafeo's code point order after)
  const REGULATIONS = ['行政复议法', '行政处罚法', '法治政府建设实施纲要（2021—2025年）', '优化营商环境条例', '𠮷野条例', '（试行）办法'];

  function randomReport(next: () => number, id: number): ReportGraph {
    const pick = <T>(items: T[]) => items.filter(() => next() < 0.45);
    return syntheticReport(id, {
      year: next() < 0.1 ? null : 2016 + Math.floor(next() * 6),
      issuer: next() < 0.3 ? { type: 'department', name: '司法局' } : { type: 'government', name: '人民政府' },
      jurisdiction: next() < 0.08 ? null : PLACES[Math.floor(next() * PLACES.length)],
      initiatives: pick(INITIATIVES).map((name) => ({ name, surface: [name], category: 'other', count: 1, mentions: [] })),
      regulations: pick(REGULATIONS).map((title) => ({
        title,
        surface: [title],
        kind: 'law',
        scope: 'national',
        action: 'implemented',
        count: 1,
        mentions: [],
      })),
      problems: [],
      plans: [],
      metrics: [],
    });
  }

  it('holds titles that UTF-16 and code point order put in opposite orders', () => {
    expect('𠮷野条例' < '（试行）办法').toBe(true);
    expect(compareCodePoints('𠮷野条例', '（试行）办法')).toBeGreaterThan(0);
  });

  /** Writes, replaces (moving reports) and deletes at random, comparing every tenth step, for the store and for snapshots begun up to seven steps before. */
  async function randomRun(store: EmbeddedStore, seed: number) {
    const next = random(seed);
    const stored = new Set<number>();
    let moved = 0;
    let deleted = 0;
    // snapshots begun at earlier steps, asked later: the index counts for their state, not the latest
    const snapshots: Array<{ step: number; snapshot: StoreSnapshot }> = [];
    // (built before the first of them: the index cannot count for a state older than its build)
    expect(await store.indexedRows('regulations_cocited', { titles: [], limit: 10 })).toEqual([]);
    let first: StoreSnapshot | null = null;
    for (let step = 1; step <= 150; step++) {
      if (step % 5 === 3) snapshots.push({ step, snapshot: store.snapshot() });
      // (and one kept to the end, begun after the fifth step)
      if (step === 6) first = store.snapshot();
      const id = 1 + Math.floor(next() * 40);
      if (stored.has(id) && next() < 0.25) {
        expect(await store.deleteReport(`synthetic-${id}`)).toBe(true);
        stored.delete(id);
        deleted++;
      } else {
        // a new report, or a stored one written again with another place and contents (replaced)
        if (stored.has(id)) moved++;
        await store.upsertReport(randomReport(next, id), { extractorVersion: `v${step}` });
        stored.add(id);
      }
      if (step % 10 === 0) {
        expect(await expectSameRows(store, `step ${step}`)).toBeGreaterThan(0);
        expect(await expectSameLists(store, `step ${step}`, seed + step)).toBeGreaterThan(0);
        expect(await expectSameReportLists(store, `step ${step}`, seed + step)).toBe(12);
        await expectSameTallies(store, `step ${step}`);
        expect(await expectSameSubgraphs(store, `step ${step}`, seed + step)).toBe(24);
        for (const { step: began, snapshot } of snapshots.splice(0)) {
          await expectSameRows(snapshot, `step ${step}, snapshot of step ${began}`);
          await expectSameLists(snapshot, `step ${step}, snapshot of step ${began}`, seed + began);
          await expectSameReportLists(snapshot, `step ${step}, snapshot of step ${began}`, seed + began);
          await expectSameTallies(snapshot, `step ${step}, snapshot of step ${began}`);
          await expectSameSubgraphs(snapshot, `step ${step}, snapshot of step ${began}`, seed + began);
          snapshot.release();
        }
      }
    }
    expect(stored.size).toBeGreaterThan(10);
    expect(moved).toBeGreaterThan(10);
    expect(deleted).toBeGreaterThan(10);
    expect(store.cooccurrenceUse.builds).toBe(1);
    return first!;
  }

  it('after every tenth step the index answers what the statements answer, for the latest state and for older snapshots', async () => {
    const store = await EmbeddedStore.open({ readCache: false });
    try {
      const first = await randomRun(store, 20261207);
      // (the journal holds the last 256 commits: the snapshot of step 6 is still within it)
      expect(await expectSameRows(first, 'the first snapshot')).toBeGreaterThan(0);
      first.release();
      expect(store.cooccurrenceUse.answeredOlder).toBeGreaterThan(100);
      expect(store.cooccurrenceUse.declined).toBe(0);
    } finally {
      await store.close();
    }
  });

  /** randomRun with the index's limits lowered, restored after; `check` then asks the store and the run's first snapshot. */
  async function randomRunWith(
    limits: Partial<typeof CooccurrenceIndex.limits>,
    seed: number,
    check: (store: EmbeddedStore, first: StoreSnapshot) => Promise<void>,
  ) {
    const saved = { ...CooccurrenceIndex.limits };
    Object.assign(CooccurrenceIndex.limits, limits);
    const store = await EmbeddedStore.open({ readCache: false });
    try {
      const first = await randomRun(store, seed);
      await check(store, first);
      first.release();
    } finally {
      Object.assign(CooccurrenceIndex.limits, saved);
      await store.close();
    }
  }

  it('the same with a journal of 12 commits and compaction past 10 entries: a snapshot older than the journal gets the statement', async () => {
    await randomRunWith({ journalCommits: 12, compactAfter: 10 }, 20261208, async (store, first) => {
      expect(await first.indexedRows!('regulations_cocited', { titles: ['行政复议法'], limit: 10 })).toBeNull();
      expect(store.cooccurrenceUse.answeredOlder).toBeGreaterThan(100);
      expect(store.cooccurrenceUse.declined).toBe(1);
    });
  });

  it('the same with hubs from 4 reports: rankings counted from pair rows kept through writes, moves, deletes and older snapshots', async () => {
    // (low enough that nodes become hubs after a few writes, then are written, moved and deleted as hubs)
    await randomRunWith({ hubReports: 4, journalCommits: 12, compactAfter: 10 }, 20261209, async (store) => {
      expect(store.cooccurrenceUse.fromHubPairs).toBeGreaterThan(1000);
      expect(store.cooccurrenceUse.answeredOlder).toBeGreaterThan(100);
    });
  });

  it("the same with the rollup finding jurisdictions by map from 2 on: entries added, counted, moved into removed ones' places and removed", async () => {
    await randomRunWith({ positionedJurisdictions: 1, journalCommits: 12, compactAfter: 10 }, 20261210, async (store) => {
      expect(store.cooccurrenceUse.answeredOlder).toBeGreaterThan(100);
      expect(store.cooccurrenceUse.answered).toBeGreaterThan(100);
    });
  });
});
