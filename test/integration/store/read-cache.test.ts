// The read cache keeps, through a write, the results that depend only on
// reports, jurisdictions, initiatives and regulations the write did not touch
// (`@cache-by`). Whatever it
// keeps must be what the graph answers: two stores receive the same random
// writes and deletes, one caching and one not, and after every write each
// read gives the same rows in both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JurisdictionFact } from '../../../src/extract/types.js';
import { seededRandom as random } from '../../../src/eval/split.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { jurisdictionChain } from '../../../src/store/jurisdiction-chain.js';
import { syntheticReport } from '../../support/graphs.js';
import { storedReports } from '../../support/stored-reports.js';

const PLACES: JurisdictionFact[] = [
  { name: '罗江区', fullName: '四川省德阳市罗江区', province: '四川省', prefecture: '德阳市', level: 'county', adminCode: '510604' },
  { name: '旌阳区', fullName: '四川省德阳市旌阳区', province: '四川省', prefecture: '德阳市', level: 'county', adminCode: '510603' },
  { name: '绵竹市', fullName: '四川省德阳市绵竹市', province: '四川省', prefecture: '德阳市', level: 'county', adminCode: '510683' },
  { name: '德阳市', fullName: '四川省德阳市', province: '四川省', prefecture: '德阳市', level: 'prefecture', adminCode: '510600' },
];
const REPORTS = 8;
/**
 * Report i of a place; each mentions and cites a part of the two initiatives and two regulations (another
 * part in version v2, so a replacement stops mentioning some), so a write leaves others' entries standing.
 */
function report(i: number, version = 'v1') {
  const base = syntheticReport(i, { jurisdiction: PLACES[i % PLACES.length] });
  const pick = (k: number, n: number) => (i + (version === 'v2' ? 1 : 0)) % (n + 1) === n || k === (i + (version === 'v2' ? 1 : 0)) % (n + 1);
  return { ...base, initiatives: base.initiatives.filter((_, k) => pick(k, 2)), regulations: base.regulations.filter((_, k) => pick(k, 2)) };
}
const ids = Array.from({ length: REPORTS }, (_, i) => report(i + 1).reportId);
const initiatives = syntheticReport(1).initiatives.map((x) => x.name);
const titles = syntheticReport(1).regulations.map((r) => r.title);
const keys = [...new Set(PLACES.flatMap((place) => jurisdictionChain(place).nodes.map((node) => node.key)))];

/** Every read the check compares: each keyed statement for single keys and for all of them, and general ones. */
async function answers(store: EmbeddedStore): Promise<string[]> {
  const out: string[] = [];
  for (const id of [...ids.map((x) => [x]), ids]) {
    out.push(JSON.stringify(await store.run('reports_by_ids', { ids: id })));
    out.push(JSON.stringify(await store.run('report_texts_by_ids', { ids: id })));
    out.push(JSON.stringify(await store.run('report_problems', { ids: id })));
    out.push(JSON.stringify(await store.run('report_metrics', { ids: id })));
    out.push(JSON.stringify(await store.run('report_jurisdictions', { ids: id })));
  }
  for (const key of [...keys.map((x) => [x]), keys]) out.push(JSON.stringify(await store.run('jurisdictions_by_keys', { keys: key })));
  for (const names of [...initiatives.map((x) => [x]), initiatives]) {
    out.push(JSON.stringify(await store.run('initiatives_by_names', { names })));
    out.push(JSON.stringify(await store.run('initiative_reports', { names })));
    out.push(JSON.stringify(await store.run('initiative_diffusion', { names })));
  }
  for (const t of [...titles.map((x) => [x]), titles]) {
    out.push(JSON.stringify(await store.run('regulations_by_titles', { titles: t })));
    out.push(JSON.stringify(await store.run('regulation_reports', { titles: t })));
    out.push(JSON.stringify(await store.run('regulation_diffusion', { titles: t })));
  }
  out.push(JSON.stringify(await store.run('stats_labels')));
  out.push(JSON.stringify(await storedReports(store, 100)));
  return out.map((answer) => answer.replace(/"ingestedAt":"[^"]*"/g, '"ingestedAt":"…"'));
}

let cached: EmbeddedStore;
let plain: EmbeddedStore;
beforeAll(async () => {
  cached = await EmbeddedStore.open({ readCache: true });
  plain = await EmbeddedStore.open({ readCache: false });
});
afterAll(async () => {
  await cached?.close();
  await plain?.close();
});

describe('the read cache through writes', () => {
  it('answers as the uncached store does after every write and delete, while keeping what the writes did not touch', async () => {
    const next = random(18);
    let keptThroughWrites = 0;
    for (let step = 0; step < 40; step++) {
      const i = 1 + Math.floor(next() * REPORTS);
      const op = next();
      const version = next() < 0.5 ? 'v1' : 'v2'; // a new version replaces the stored report
      for (const store of [cached, plain]) {
        if (op < 0.65) await store.upsertReport(report(i, version), { extractorVersion: version });
        else await store.deleteReport(report(i).reportId);
      }
      const hitsBefore = cached.cache!.hits;
      expect(await answers(cached), `after step ${step}`).toEqual(await answers(plain));
      keptThroughWrites += cached.cache!.hits - hitsBefore;
      // asked again with no write between: all from the cache, and still the same
      expect(await answers(cached)).toEqual(await answers(plain));
    }
    // entries of untouched reports and places were answered from the cache right after a write
    expect(keptThroughWrites).toBeGreaterThan(0);
  });
});

describe('reads that miss together', () => {
  it('share one engine read per statement and parameters until a write, and a failed shared read leaves the others to read for themselves', async () => {
    const store = await EmbeddedStore.open({ readCache: true });
    try {
      for (let i = 1; i <= 4; i++) await store.upsertReport(report(i), { extractorVersion: 'v1' });
      // biome-ignore lint/suspicious/noExplicitAny: the engine under the store, to count what reaches it
      const db = (store as any).db as { executeCypher: (q: string, p?: unknown) => Promise<unknown> };
      const original = db.executeCypher.bind(db);
      const text = (name: string) => (store as unknown as { statement(n: string): { text: string } }).statement(name).text;
      let runs = 0;
      let failNext = false;
      db.executeCypher = async (q, p) => {
        if (q === text('initiative_diffusion')) {
          runs++;
          if (failNext) {
            failNext = false;
            throw new Error('the shared read failed');
          }
        }
        return original(q, p);
      };
      const ask = () => store.run('initiative_diffusion', { names: initiatives });
      const answers = await Promise.all(Array.from({ length: 10 }, ask));
      expect(runs).toBe(1);
      for (const rows of answers) expect(rows).toEqual(answers[0]);
      // after a write, one new read for all again
      await store.upsertReport(report(5), { extractorVersion: 'v1' });
      const after = await Promise.all(Array.from({ length: 10 }, ask));
      expect(runs).toBe(2);
      expect(after[0]).not.toEqual(answers[0]);
      // the first read fails: its own caller sees the error, the others read again for themselves
      await store.upsertReport(report(6), { extractorVersion: 'v1' });
      failNext = true;
      const settled = await Promise.allSettled(Array.from({ length: 5 }, ask));
      expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      expect(runs).toBe(3 + 4);
    } finally {
      await store.close();
    }
  });
});
