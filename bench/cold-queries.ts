// Cold answers of the bench's query table (bench/queries.ts) and a few lookups
// on a store of your own, read cache off: the median and fastest of 15 runs of
// each, through the schema (no HTTP). For before/after comparisons run it from
// a checkout of each commit on the same store, alternating:
//
//   GOVGRAPH_DATA=/tmp/store5k npx govgraph ingest /tmp/corpus5k
//   npx tsx bench/cold-queries.ts /tmp/store5k [CODE]
//
// CODE is the jurisdiction the page, similarity, subgraph and search queries
// ask about (default: the first county of the store's list).
import { EmbeddedStore } from '../src/store/embedded.js';
import { benchQueries, lookupQueries, timeAnswer } from './queries.js';
import { median } from './stats.js';

const RUNS = 15;

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx bench/cold-queries.ts DATA_DIR [CODE]');
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
  const table = benchQueries({ code: String(code), search: String(code) }).filter((q) => q.key !== 'typename');
  for (const q of [...lookupQueries, ...table]) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { ms, error } = await timeAnswer(store, q);
      if (error) throw new Error(`${q.name}: ${error}`);
      times.push(ms);
    }
    console.log(`${q.name.padEnd(28)} median ${median(times).toFixed(1)} ms, fastest ${Math.min(...times).toFixed(1)} ms`);
  }
} finally {
  await store.close();
}
