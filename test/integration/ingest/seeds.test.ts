// The five sample reports end to end: extraction against the gold standard,
// ingestion into the embedded store (twice, idempotently), and the analyst's
// question through the real yoga server.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION, extractReport } from '../../../src/extract/index.js';
import { ingestPaths } from '../../../src/ingest/pipeline.js';
import { loadGold } from '../../../src/eval/score.js';
import { useSeededApi } from '../../support/seeded-api.js';

const SEED_DIR = fileURLToPath(new URL('../../../seed/', import.meta.url));
const GOLD = loadGold(fileURLToPath(new URL('../../gold/seeds.gold.json', import.meta.url)));

describe('the seed folder', () => {
  // the samples and their gold standard are kept in the repository; when ../shared is beside it, they must be its copies
  const shared = fileURLToPath(new URL('../../../../shared/', import.meta.url));
  const beside = existsSync(join(shared, 'seeds'));
  it.runIf(beside)(
    `holds the five reports of ../shared/seeds under their own names${beside ? '' : ' (skipped: ../shared is not beside the repository)'}`,
    () => {
      const names = readdirSync(SEED_DIR)
        .filter((f) => f.endsWith('.txt'))
        .sort();
      expect(names).toEqual(readdirSync(join(shared, 'seeds')).sort());
      for (const name of names) expect(readFileSync(join(SEED_DIR, name), 'utf8')).toBe(readFileSync(join(shared, 'seeds', name), 'utf8'));
    },
  );
  it.runIf(beside)(`keeps the gold standard of ../shared/gold as it is${beside ? '' : ' (skipped: ../shared is not beside the repository)'}`, () => {
    for (const name of ['seeds.gold.json', 'GUIDELINES.md'])
      expect(readFileSync(fileURLToPath(new URL(`../../gold/${name}`, import.meta.url)), 'utf8')).toBe(readFileSync(join(shared, 'gold', name), 'utf8'));
  });
});

describe.each(GOLD.map((g) => [g.file, g] as const))('extraction of %s', (file, gold) => {
  const graph = extractReport(readFileSync(join(SEED_DIR, file), 'utf8'), { file });

  it('finds the jurisdiction, its level, province, prefecture and code, and the year', () => {
    expect(graph.jurisdiction).toMatchObject({
      name: gold.jurisdiction.name,
      fullName: gold.jurisdiction.fullName,
      province: gold.jurisdiction.province,
      prefecture: gold.jurisdiction.prefecture,
      level: gold.jurisdiction.level,
      adminCode: gold.jurisdiction.adminCode,
    });
    expect(graph.year).toBe(gold.year);
  });

  it('tells government from department reports', () => {
    expect(graph.issuer?.type).toBe(gold.issuer.type);
  });

  it('points every mention at the characters it names', () => {
    for (const r of graph.regulations) for (const m of r.mentions) expect(r.surface).toContain(graph.text.slice(m.start, m.end));
    for (const i of graph.initiatives) for (const m of i.mentions) expect(i.surface).toContain(graph.text.slice(m.start, m.end));
    for (const p of graph.problems) for (const m of p.mentions) expect(graph.text.slice(m.start, m.end)).toBe(p.text);
    for (const fact of [...graph.regulations, ...graph.initiatives, ...graph.problems]) {
      for (const m of fact.mentions) expect(m.sentence).toContain(graph.text.slice(m.start, m.end).split('\n')[0]);
    }
  });

  it('finds every regulation title of the gold standard', () => {
    expect(graph.regulations.map((r) => r.title).sort()).toEqual(gold.regulations.map((r) => r.canonical).sort());
  });
});

describe('the seeds in the store and through GraphQL', () => {
  const seeded = useSeededApi();

  beforeAll(() => {
    expect(seeded.summary).toMatchObject({ files: 5, created: 5, refused: [], failed: [] });
  });

  it('ingesting the seeds again changes no node or relationship count', async () => {
    const before = await seeded.store.counts();
    const again = await ingestPaths(seeded.store, [SEED_DIR]);
    expect(again).toMatchObject({ files: 5, created: 0, unchanged: 5 });
    expect(await seeded.store.counts()).toEqual(before);
    expect(before.byLabel.Report).toBe(5);
  });

  it.each(['三项制度', '行政执法三项制度', '“三项制度”'])('"which counties cite %s" returns exactly 昌江区', async (name) => {
    const data = await seeded.ask<{ jurisdictions: { edges: unknown } }>(
      `query($name: String!) { jurisdictions(filter: {level: COUNTY, mentionsInitiative: $name}) {
          edges { node { name fullName province { name } } } } }`,
      { name },
    );
    expect(data.jurisdictions.edges).toEqual([{ node: { name: '昌江区', fullName: '江西省景德镇市昌江区', province: { name: '江西省' } } }]);
  });

  // The recipes of docs/api.md, answered over the seeds: their outputs as printed there.
  const ask = <T>(query: string) => seeded.ask<T>(query);

  it('recipe: similar jurisdictions and the side-by-side comparison', async () => {
    const { jurisdiction } = await ask<{ jurisdiction: { similar: unknown } }>(
      '{ jurisdiction(name: "罗江区") { similar(first: 2) { totalCount nodes { jurisdiction { name } shared score } } } }',
    );
    expect(jurisdiction.similar).toEqual({
      totalCount: 4,
      nodes: [
        { jurisdiction: { name: '清远市' }, shared: 12, score: 12 / 85 },
        { jurisdiction: { name: '昌江区' }, shared: 6, score: 6 / 109 },
      ],
    });
    type Comparison = { similarity: number; sharedInitiatives: { totalCount: number }; sharedRegulations: { nodes: unknown }; sharedProblemThemes: string[] };
    const { compareJurisdictions: c } = await ask<{ compareJurisdictions: Comparison }>(
      '{ compareJurisdictions(a: "罗江区", b: "清远市") { similarity sharedInitiatives { totalCount } sharedRegulations { nodes { title } } sharedProblemThemes } }',
    );
    expect(c.similarity).toBe(12 / 85);
    expect(c.sharedInitiatives.totalCount).toBe(11);
    expect(c.sharedRegulations.nodes).toEqual([{ title: '法治政府建设实施纲要（2021—2025年）' }]);
    expect(c.sharedProblemThemes).toEqual(['执法能力不足', '法治宣传不足']);
  });

  it('recipe: co-citation with lift and PMI', async () => {
    const { regulation } = await ask<{ regulation: { coCited: { nodes: unknown } } }>(
      '{ regulation(title: "民法典") { coCited(first: 1) { nodes { regulation { title } count lift pmi } } } }',
    );
    expect(regulation.coCited.nodes).toEqual([{ regulation: { title: '中国共产党章程' }, count: 1, lift: 2.5, pmi: Math.log2(2.5) }]);
  });

  it('recipe: the subgraph around 三项制度, one level deep', async () => {
    const { graph } = await ask<{ graph: unknown }>(
      '{ graph(search: "三项制度", depth: 1, maxNodes: 5) { truncated nodes { type label degree } edges { type weight } } }',
    );
    expect(graph).toEqual({
      truncated: false,
      nodes: [
        { type: 'Initiative', label: '行政执法三项制度', degree: 2 },
        { type: 'Report', label: '清远市人民政府 2024', degree: 1 },
        { type: 'Report', label: '昌江区人民政府 2021', degree: 1 },
      ],
      // (in the nodes' order: 清远's report's, then 昌江's)
      edges: [
        { type: 'MENTIONS', weight: 1 },
        { type: 'MENTIONS', weight: 5 },
      ],
    });
  });

  it('the answer agrees with the extractor: the county reports that mention the initiative', () => {
    const counties = GOLD.map((g) => extractReport(readFileSync(join(SEED_DIR, g.file), 'utf8')))
      .filter((g) => g.jurisdiction?.level === 'county' && g.initiatives.some((i) => i.name === '行政执法三项制度'))
      .map((g) => g.jurisdiction!.name);
    expect(counties).toEqual(['昌江区']);
    expect(EXTRACTOR_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
