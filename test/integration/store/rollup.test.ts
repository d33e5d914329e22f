// The jurisdiction rollup (REPORTS_MENTION, REPORTS_CITE, featureCount) is
// kept incrementally by every write and delete, and the analytics read it
// instead of the reports. Both must agree with the definitions from the
// reports themselves (cypher/reference/): on the sample reports, and on a
// random corpus of writes, replacements that move a report to another place
// or year, and deletes. The incremental rollup must also equal one rebuilt
// from scratch, and a store that holds reports without a rollup (written
// before it existed, or loaded in bulk) gets one when it opens. The lean
// statements the API picks when a filter tests nothing they leave out
// (jurisdictions_list_by_initiative_rollup, jurisdictions_list_by_place,
// reports_list_by_properties) are held to the general ones here too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import grafeo from '@grafeo-db/js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JurisdictionFact, ReportGraph } from '../../../src/extract/types.js';
import { seededRandom as random } from '../../../src/eval/split.js';
import { ingestPaths } from '../../../src/ingest/pipeline.js';
import type { ParamsOf } from '../../../src/store/catalogue.js';
import { DATABASE_FILE, EmbeddedStore } from '../../../src/store/embedded.js';
import { loadStatements } from '../../../src/store/statements.js';
import { syntheticReport } from '../../support/graphs.js';
import { SEED_DIR } from '../../support/served.js';

const SECOND_YEAR = new URL('../../fixtures/second-year/', import.meta.url).pathname;

/** Every rollup relationship and featureCount, in a stable order. */
async function rollupState(store: EmbeddedStore): Promise<string[]> {
  const rows: string[] = [];
  for (let after = ''; ; ) {
    const page = await store.run('export_nodes', { label: 'Jurisdiction', after, limit: 1000, properties: true });
    if (!page.length) break;
    // no featureCount (a jurisdiction no report was ever about) is an empty feature set
    for (const row of page) rows.push(`${row.key} featureCount=${(row.properties as Record<string, unknown>)?.featureCount ?? 0}`);
    const edges = await store.run('export_edges', { nodes: page.map((row) => ({ label: 'Jurisdiction', key: row.key })) });
    for (const edge of edges) {
      if (edge.type !== 'REPORTS_MENTION' && edge.type !== 'REPORTS_CITE') continue;
      rows.push(`${edge.key} ${edge.type} ${edge.targetKey} ${JSON.stringify(edge.properties)}`);
    }
    after = String(page[page.length - 1].key);
  }
  return rows.sort();
}

async function jurisdictionKeys(store: EmbeddedStore): Promise<string[]> {
  const page = await store.run('export_nodes', { label: 'Jurisdiction', after: '', limit: 100_000, properties: false });
  return page.map((row) => String(row.key));
}

async function keysOf(store: EmbeddedStore, label: 'Initiative' | 'Regulation'): Promise<string[]> {
  const page = await store.run('export_nodes', { label, after: '', limit: 100_000, properties: false });
  return page.map((row) => String(row.key));
}

const initiativeNames = (store: EmbeddedStore) => keysOf(store, 'Initiative');

const LIST_DEFAULTS = loadStatements('embedded').get('jurisdictions_list_by_initiative')?.params as ParamsOf<'jurisdictions_list_by_initiative'>;
/** reports_list's example parameters: no filter. */
const REPORTS_DEFAULTS = loadStatements('embedded').get('reports_list')?.params as ParamsOf<'reports_list'>;

/** The filters "which jurisdictions mention X" is asked with: none, a year range, an issuer type, both, a level. */
function listFilters(initiatives: string[]): ParamsOf<'jurisdictions_list_by_initiative'>[] {
  const base = { ...LIST_DEFAULTS, initiatives, level: null, skip: 0, limit: 1000 };
  return [
    base,
    { ...base, yearFrom: 2021 },
    { ...base, yearFrom: 2018, yearTo: 2020 },
    { ...base, yearTo: 2017 },
    { ...base, issuerType: 'government' },
    { ...base, issuerType: 'department', yearFrom: 2020 },
    { ...base, level: 'county', orderBy: 'reports', descending: true },
  ];
}

/** Place conditions alone: what jurisdictions_list_by_place answers. */
const PLACE_FILTERS = [
  { level: null },
  { level: 'county' },
  { level: 'prefecture', orderBy: 'reports', descending: true },
  { level: null, province: '四川省', orderBy: 'name' },
  { level: 'county', prefecture: '德阳市' },
  { level: null, text: '江' },
];

/** Asserts that each analytic read from the rollup gives the rows of its definition from the reports. */
async function expectSameAsReference(store: EmbeddedStore): Promise<number> {
  const keys = await jurisdictionKeys(store);
  const names = await initiativeNames(store);
  let compared = 0;
  const similar = { keys, limit: 10_000 };
  expect(await store.run('jurisdictions_similar', similar)).toEqual(await store.run('reference/jurisdictions_similar', similar));
  compared += keys.length;
  const diffusion = { names };
  expect(await store.run('initiative_diffusion', diffusion)).toEqual(await store.run('reference/initiative_diffusion', diffusion));
  compared += names.length;
  const citations = { titles: await keysOf(store, 'Regulation') };
  expect(await store.run('regulation_diffusion', citations)).toEqual(await store.run('reference/regulation_diffusion', citations));
  compared += citations.titles.length;
  for (const name of names) {
    for (const params of listFilters([name])) {
      const reference = await store.run('reference/jurisdictions_list_by_initiative', params);
      expect(await store.run('jurisdictions_list_by_initiative', params), `${name} ${JSON.stringify(params)}`).toEqual(reference);
      // the lean statement the API picks when no condition tests the reports
      if (params.issuerType === null)
        expect(await store.run('jurisdictions_list_by_initiative_rollup', params), `${name} ${JSON.stringify(params)}`).toEqual(reference);
      compared++;
    }
  }
  // and the place-only list, as the general list answers it
  for (const place of PLACE_FILTERS) {
    const params = { ...LIST_DEFAULTS, initiatives: null, limit: 1000, ...place };
    expect(await store.run('jurisdictions_list_by_place', params), JSON.stringify(place)).toEqual(await store.run('jurisdictions_list', params));
    compared++;
  }
  // and the reports listed by their own properties, as the general list answers it
  const someKeys = (await jurisdictionKeys(store)).slice(0, 3);
  for (const filter of [{}, { yearFrom: 2021 }, { yearTo: 2022, oldestFirst: true }, { issuerType: 'government' }, { jurisdictionKeys: someKeys, skip: 1 }]) {
    const params = { ...REPORTS_DEFAULTS, limit: 1000, ...filter };
    expect(await store.run('reports_list_by_properties', params), JSON.stringify(filter)).toEqual(await store.run('reports_list', params));
    compared++;
  }
  return compared;
}

/** Rebuilds every jurisdiction's rollup from its reports and returns the state it leaves. */
async function rebuiltState(store: EmbeddedStore): Promise<string[]> {
  // read before the transaction: the store's reads wait while a write transaction runs
  const keys = await jurisdictionKeys(store);
  await store.writeTransaction(async (tx) => {
    await tx.run('rollup_rebuild', { keys });
    return { commit: true, value: null };
  });
  return rollupState(store);
}

describe('on the sample reports and their second year', () => {
  let store: EmbeddedStore;
  beforeAll(async () => {
    store = await EmbeddedStore.open({ readCache: false });
    await ingestPaths(store, [SEED_DIR, SECOND_YEAR], { workers: 0 });
  });
  afterAll(() => store?.close());

  it('similarity, diffusion and the jurisdictions of an initiative equal their definitions from the reports', async () => {
    const similar = await store.run('jurisdictions_similar', { keys: ['510604'], limit: 10 });
    expect(similar.length).toBeGreaterThan(0);
    expect(await expectSameAsReference(store)).toBeGreaterThan(50);
  });

  it('the rollup kept at ingest is the rollup rebuilt from the reports', async () => {
    const kept = await rollupState(store);
    expect(kept.some((row) => row.includes('REPORTS_MENTION'))).toBe(true);
    expect(kept.some((row) => row.includes('REPORTS_CITE'))).toBe(true);
    expect(await rebuiltState(store)).toEqual(kept);
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
  ];
  const INITIATIVES = ['行政执法三项制度', '放管服改革', '一件事一次办', '证明事项告知承诺制', '双随机一公开', '府院联动', '法治督察', '首违不罚'];
  const REGULATIONS = ['行政复议法', '行政处罚法', '法治政府建设实施纲要（2021—2025年）', '优化营商环境条例', '重大行政决策程序暂行条例'];

  function randomReport(next: () => number, id: number): ReportGraph {
    const pick = <T>(items: T[]) => items.filter(() => next() < 0.45);
    const yearRoll = next();
    return syntheticReport(id, {
      jurisdiction: next() < 0.08 ? null : PLACES[Math.floor(next() * PLACES.length)],
      year: yearRoll < 0.1 ? null : 2016 + Math.floor(yearRoll * 10),
      issuer: { type: next() < 0.6 ? 'government' : 'department', name: next() < 0.5 ? '人民政府' : '司法局' },
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

  let store: EmbeddedStore;
  beforeAll(async () => {
    store = await EmbeddedStore.open({ readCache: false });
  });
  afterAll(() => store?.close());

  it('after every tenth step the rollup equals its rebuild and the analytics equal their definitions', async () => {
    const next = random(20261206);
    const stored = new Set<number>();
    for (let step = 1; step <= 120; step++) {
      const id = 1 + Math.floor(next() * 40);
      if (stored.has(id) && next() < 0.25) {
        expect(await store.deleteReport(`synthetic-${id}`)).toBe(true);
        stored.delete(id);
      } else {
        // a new report, or a stored one written again with another place, year and contents (replaced)
        const graph = randomReport(next, id);
        await store.upsertReport(graph, { extractorVersion: `v${step}` });
        stored.add(id);
      }
      if (step % 10 === 0) {
        const kept = await rollupState(store);
        expect(await expectSameAsReference(store)).toBeGreaterThan(0);
        expect(await rebuiltState(store), `after step ${step}`).toEqual(kept);
      }
    }
    expect(stored.size).toBeGreaterThan(10);
  });
});

describe('a store holding reports without a rollup', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'govgraph-rollup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gets the rollup it lacks when it opens for writing', async () => {
    const first = await EmbeddedStore.open({ dir: join(dir, 'data') });
    await ingestPaths(first, [SEED_DIR], { workers: 0 });
    const complete = await rollupState(first);
    await first.close();

    // what a store written before the rollup existed looks like: the same reports, no rollup
    const db = grafeo.GrafeoDB.open(join(dir, 'data', DATABASE_FILE));
    await db.executeCypher('MATCH ()-[x:REPORTS_MENTION|REPORTS_CITE]->() DELETE x');
    await db.executeCypher('MATCH (j:Jurisdiction) REMOVE j.featureCount');
    expect((await db.executeCypher('MATCH ()-[x:REPORTS_MENTION]->() RETURN count(x) AS n')).toArray()[0].n).toBe(0);
    db.close();

    const reopened = await EmbeddedStore.open({ dir: join(dir, 'data') });
    try {
      expect(await rollupState(reopened)).toEqual(complete);
      expect(await reopened.run('rollup_missing', { limit: 10 })).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
