// Similarity where a jurisdiction's features reach thousands of others: the
// rollup of 3,000 jurisdictions that all mention 20 hub initiatives and cite
// 10 hub regulations, each also mentioning 30 of 200 others (a window sliding
// with the place's number). As one two-hop pattern the statement made Grafeo
// (0.6) panic at this size (a selection over its chunk's capacity) for every
// place; each must get its ranking, equal to Jaccard computed here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../../src/store/embedded.js';

const PLACES = 3000;
const HUB_INITIATIVES = 20;
const HUB_REGULATIONS = 10;
const POOL = 200;
const WINDOW = 30;

/** The features of place k: every hub, and the window of the pool its number selects. */
function featuresOf(k: number): Set<string> {
  const features = new Set<string>();
  for (let h = 0; h < HUB_INITIATIVES; h++) features.add(`i${h}`);
  for (let g = 0; g < HUB_REGULATIONS; g++) features.add(`g${g}`);
  for (let m = 0; m < WINDOW; m++) features.add(`i${HUB_INITIATIVES + ((((m - k) % POOL) + POOL) % POOL)}`);
  return features;
}

/** The ranking of place k by its definition: Jaccard, then shared features, then full name. */
function expectedRanking(k: number, limit: number) {
  const mine = featuresOf(k);
  const others = [];
  for (let o = 0; o < PLACES; o++) {
    if (o === k) continue;
    const theirs = featuresOf(o);
    const shared = [...mine].filter((f) => theirs.has(f)).length;
    others.push({ key: `j${o}`, fullName: `p${o}`, shared, jaccard: shared / (mine.size + theirs.size - shared) });
  }
  others.sort((a, b) => b.jaccard - a.jaccard || b.shared - a.shared || (a.fullName < b.fullName ? -1 : 1));
  return { total: others.length, top: others.slice(0, limit).map(({ key, shared, jaccard }) => ({ key, shared, jaccard })) };
}

let store: EmbeddedStore;

beforeAll(async () => {
  store = await EmbeddedStore.open({ readCache: false });
  // the rollup as writes leave it, made directly: the test is about the graph's shape, not its reports
  const db = (store as unknown as { db: { executeCypher(q: string, p?: unknown): Promise<unknown> } }).db;
  await db.executeCypher(`UNWIND range(0, $n - 1) AS i CREATE (:Initiative {name: 'i' + toString(i)})`, { n: HUB_INITIATIVES + POOL });
  await db.executeCypher(`UNWIND range(0, $n - 1) AS g CREATE (:Regulation {title: 'g' + toString(g)})`, { n: HUB_REGULATIONS });
  await db.executeCypher(
    `UNWIND range(0, $places - 1) AS k
     CREATE (:Jurisdiction {key: 'j' + toString(k), name: 'p' + toString(k), fullName: 'p' + toString(k), level: 'county', featureCount: $size})`,
    { places: PLACES, size: HUB_INITIATIVES + HUB_REGULATIONS + WINDOW },
  );
  await db.executeCypher(
    `MATCH (j:Jurisdiction), (i:Initiative)
     WITH j, i, toInteger(substring(i.name, 1)) - $hubs AS pooled, toInteger(substring(j.key, 1)) AS k
     WHERE pooled < 0 OR (pooled + k) % $pool < $window
     CREATE (j)-[:REPORTS_MENTION {reports: 1, years: [2024]}]->(i)`,
    { hubs: HUB_INITIATIVES, pool: POOL, window: WINDOW },
  );
  await db.executeCypher(`MATCH (j:Jurisdiction), (g:Regulation) CREATE (j)-[:REPORTS_CITE {reports: 1, years: [2024]}]->(g)`);
}, 120_000);

afterAll(async () => {
  await store?.close();
});

describe('similar jurisdictions over hub features', () => {
  it('ranks each place as Jaccard over its features says, where every place shares a feature with every other', async () => {
    for (const k of [0, 1, 1234, PLACES - 1]) {
      const rows = await store.run('jurisdictions_similar', { keys: [`j${k}`], limit: 5 });
      const expected = expectedRanking(k, 5);
      expect(rows[0]?.total, `j${k}`).toBe(expected.total);
      expect(
        rows.map((row) => ({ key: row.jurisdiction.key, shared: row.shared, jaccard: row.jaccard })),
        `j${k}`,
      ).toEqual(expected.top);
    }
  });
});
