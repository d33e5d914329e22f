// Cold answers of a few queries on a store of your own, read cache off: the
// median and fastest of 15 runs of each, through the schema (no HTTP). For
// before/after comparisons run it from a checkout of each commit on the same
// store, alternating:
//
//   GOVGRAPH_DATA=/tmp/store5k npx govgraph ingest /tmp/corpus5k
//   npx tsx bench/cold-queries.ts /tmp/store5k [CODE]
//
// CODE is the jurisdiction the page, similarity and subgraph queries ask
// about (default: the first county of the store's list).
import { execute, parse } from 'graphql';
import { createContext } from '../src/api/context.js';
import { schema } from '../src/api/schema/index.js';
import { EmbeddedStore } from '../src/store/embedded.js';
import { median } from './stats.js';

/** The queries, about the jurisdiction `code`. */
const queriesAbout = (code: string): Record<string, string> => ({
  'regulation(title:) 纲要': '{ regulation(title: "法治政府建设实施纲要(2021-2025年)") { title } }',
  'initiative(name:) 三项制度': '{ initiative(name: "三项制度") { name } }',
  'co-citation top 10':
    '{ regulation(title: "法治政府建设实施纲要(2021-2025年)") { title coCited(first: 10) { totalCount nodes { regulation { title } count lift } } } }',
  'counties citing 三项制度': '{ jurisdictions(filter: {level: COUNTY, mentionsInitiative: "三项制度"}) { totalCount nodes { name } } }',
  'jurisdiction page': `{ jurisdiction(name: "${code}") { name fullName province { name } prefecture { name }
    reports(first: 10) { totalCount edges { node { title year issuerName problems(first: 10) { edges { node { text theme } } } } } }
    initiatives(first: 10) { totalCount edges { reportCount mentionCount node { name category } } }
    regulations(first: 10) { totalCount edges { reportCount node { title kind } } } } }`,
  'similar jurisdictions top 10': `{ jurisdiction(name: "${code}") { similar(first: 10) { totalCount nodes { jurisdiction { name } shared score } } } }`,
  'subgraph depth 2, 200 nodes': `{ graph(search: "${code}", depth: 2, maxNodes: 200) { truncated nodes { id type } edges { source target type } } }`,
  'reports, newest 20': '{ reports(first: 20) { totalCount edges { node { title year } } } }',
});
const RUNS = 15;

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx bench/cold-queries.ts DATA_DIR');
  process.exit(2);
}
const store = await EmbeddedStore.open({ dir, readCache: false });
try {
  const code =
    process.argv[3] ??
    (
      await store.run('jurisdictions_list_by_place', {
        level: 'county',
        province: null,
        prefecture: null,
        text: null,
        orderBy: 'fullName',
        descending: false,
        skip: 0,
        limit: 1,
      })
    )[0]?.jurisdictions[0]?.key;
  if (!code) throw new Error(`${dir} holds no county`);
  for (const [name, query] of Object.entries(queriesAbout(String(code)))) {
    const document = parse(query);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const result = await execute({ schema, document, contextValue: createContext(store) });
      if (result.errors?.length) throw new Error(`${name}: ${result.errors[0].message}`);
      times.push(performance.now() - started);
    }
    console.log(`${name.padEnd(28)} median ${median(times).toFixed(1)} ms, fastest ${Math.min(...times).toFixed(1)} ms`);
  }
} finally {
  await store.close();
}
