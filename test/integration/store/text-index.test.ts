// The embedded store's text index narrows `search` to the nodes whose texts
// may hold the text looked for (src/store/text-index.ts); the search
// statements' `_among` forms then decide among them. Whatever the index holds
// (built from the graph on the first search, then fed by writes; never told of
// a delete), every search must answer exactly what reading every node answers:
// the same hits, ranks and totals.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/api/context.js';
import { schema } from '../../../src/api/schema/index.js';
import { textFor } from '../../../src/eval/readings.js';
import { readSavedPage } from '../../../src/ingest/saved-page.js';
import { seededRandom } from '../../../src/eval/split.js';
import { extractReport } from '../../../src/extract/index.js';
import type { ReportGraph } from '../../../src/extract/types.js';
import { EmbeddedStore } from '../../../src/store/embedded.js';
import { TextIndex } from '../../../src/store/text-index.js';
import type { GraphStore } from '../../../src/store/types.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const graphs: ReportGraph[] = ['seed', 'test/fresh/corpus'].flatMap((dir) =>
  readdirSync(`${root}${dir}`)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    // (a fresh report as it arrives: its page's title line, then its body)
    .map((name) => extractReport(textFor(readSavedPage(readFileSync(`${root}${dir}/${name}`, 'utf8')), 'title'))),
);

/** The store without its index: every search reads every node. */
const scanning = (store: GraphStore): GraphStore => ({
  kind: store.kind,
  run: (name, ...params) => store.run(name, ...params),
  upsertReport: (graph, meta) => store.upsertReport(graph, meta),
  deleteReport: (id) => store.deleteReport(id),
  counts: () => store.counts(),
  close: () => store.close(),
});

const SEARCH = parse('query($t: String!) { search(text: $t, first: 30) { totalCount edges { node { match label type } } } }');

async function search(store: GraphStore, text: string) {
  const result = await execute({ schema, document: SEARCH, contextValue: createContext(store), variableValues: { t: text } });
  expect(result.errors, text).toBeUndefined();
  return result.data;
}

/** Texts to look for: pieces of 1–6 characters of the stored problems, titles, regulations and initiatives, ids, and words found nowhere. */
function textsToSearch(count: number): string[] {
  const next = seededRandom(7);
  const sources = graphs
    .flatMap((g) => [
      g.title ?? '',
      ...g.problems.map((p) => p.text),
      ...g.regulations.map((r) => r.title),
      ...g.initiatives.flatMap((i) => [i.name, ...i.surface]),
    ])
    .filter((t) => t.length > 1);
  // (三项制度: a lexicon alias, which finds its canonical initiative by name)
  const texts = ['量子纠缠', graphs[3].reportId, graphs[3].reportId.slice(0, 6), '法治', '执法', '的', '三项制度', '放管服'];
  // initiatives' surface forms that are not part of their name (常务会议学法 of 政府常务会议会前学法): found by an alias only
  texts.push(...new Set(graphs.flatMap((g) => g.initiatives.flatMap((i) => i.surface.filter((form) => !i.name.includes(form))))));
  while (texts.length < count) {
    const source = sources[Math.floor(next() * sources.length)];
    const length = 1 + Math.floor(next() * 6);
    const at = Math.floor(next() * Math.max(1, source.length - length));
    texts.push(source.slice(at, at + length));
  }
  return texts;
}

describe('the text index: search answers what reading every node answers', () => {
  let store: EmbeddedStore;
  const used: string[] = [];
  let observed: GraphStore;

  beforeAll(async () => {
    store = await EmbeddedStore.open({ readCache: false });
    // which statements search ran, the text index's candidates passed on
    observed = {
      ...scanning(store),
      run: (name, ...params) => {
        used.push(name);
        return store.run(name, ...params);
      },
      textCandidates: (kind, texts) => store.textCandidates(kind, texts),
    };
    const half = Math.floor(graphs.length / 2);
    for (const graph of graphs.slice(0, half)) await store.upsertReport(graph);
    // the first search builds the index from the graph; the writes after it feed it
    await search(observed, '执法');
    for (const graph of graphs.slice(half)) await store.upsertReport(graph);
    // deletes the index is never told of, and a replacement (another extractor version)
    for (const graph of graphs.slice(half - 3, half + 3)) await store.deleteReport(graph.reportId);
    await store.upsertReport(graphs[1], { extractorVersion: 'another' });
  }, 120_000);
  afterAll(() => store?.close());

  it('finds the same hits, ranks and totals for 150 texts, with the index narrowing most of them', async () => {
    used.length = 0;
    for (const text of textsToSearch(150)) expect(await search(observed, text), text).toEqual(await search(scanning(store), text));
    // the index did the narrowing: the _among forms ran, and the full scans only for what it cannot narrow
    const among = used.filter((name) => name.endsWith('_among')).length;
    const scans = used.filter((name) => ['search_problems', 'search_reports', 'search_regulations', 'search_initiatives'].includes(name)).length;
    expect(used).toContain('search_initiatives_among');
    expect(among).toBeGreaterThan(3 * scans);
  });

  it('lists the jurisdictions that mention an initiative, by name or alias, as reading every initiative does', async () => {
    const LIST = parse(`query($f: JurisdictionFilter, $o: JurisdictionOrder) {
      jurisdictions(filter: $f, orderBy: $o, first: 40) { totalCount edges { node { fullName level } } } }`);
    const list = async (store: GraphStore, filter: Record<string, unknown>, orderBy?: Record<string, unknown>) => {
      const result = await execute({ schema, document: LIST, contextValue: createContext(store), variableValues: { f: filter, o: orderBy } });
      expect(result.errors, JSON.stringify(filter)).toBeUndefined();
      return result.data;
    };
    // every initiative's name and forms (a lexicon alias finds its canonical node), and texts no initiative is
    const terms = [...new Set(graphs.flatMap((g) => g.initiatives.flatMap((i) => [i.name, ...i.surface])))].slice(0, 60);
    terms.push('三项制度', '放管服', '量子纠缠', '法');
    used.length = 0;
    let answered = 0;
    for (const [k, term] of terms.entries()) {
      // the rollup's form (no filter on the reports) and the general one (an issuer type), by turns
      const filter = k % 3 === 2 ? { mentionsInitiative: term, issuerType: 'GOVERNMENT' } : { mentionsInitiative: term, ...(k % 3 ? { yearFrom: 2021 } : {}) };
      const orderBy = k % 2 ? { field: 'REPORTS', descending: true } : undefined;
      const narrowed = await list(observed, filter, orderBy);
      expect(narrowed, term).toEqual(await list(scanning(store), filter, orderBy));
      if ((narrowed as { jurisdictions: { totalCount: number } }).jurisdictions.totalCount > 0) answered++;
    }
    // the lists were not all empty, and the index narrowed them: both _among forms ran
    expect(answered).toBeGreaterThan(terms.length / 2);
    expect(used).toContain('jurisdictions_list_by_initiative_rollup_among');
    expect(used).toContain('jurisdictions_list_by_initiative_among');
  });

  it('narrows a search to a superset of the matches, and not a text of one character', () => {
    const index = new TextIndex();
    const next = seededRandom(3);
    const alphabet = '法治政府建设执法监督';
    const docs = Array.from({ length: 300 }, (_, k) => ({
      key: `d${k}`,
      text: Array.from({ length: 2 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
    }));
    index.addRows(
      'Problem',
      docs.map((d) => ({ key: d.key, texts: [d.text] })),
    );
    for (let k = 0; k < 200; k++) {
      const text = docs[k].text.slice(0, 2 + (k % 5));
      const matching = docs.filter((d) => d.text.includes(text)).map((d) => d.key);
      const candidates = index.candidates('Problem', [text]);
      // a text so common that most documents are candidates is not narrowed (null): reading them all costs the same
      if (candidates) expect(new Set(candidates)).toEqual(new Set([...candidates, ...matching]));
    }
    expect(index.candidates('Problem', ['法'])).toBeNull();
    expect(index.candidates('Problem', ['量子'])).toEqual([]);
  });

  it('holds each (node, bigram) once, however often a node is written again', () => {
    const index = new TextIndex();
    const write = (name: string, aliases: string[]) =>
      index.addWritten([{ name: 'report_mentions_initiatives', params: { names: [name], aliases: [aliases] } }]);
    // a hub written with every report, between nodes numbered after it, and a new alias late
    for (let k = 0; k < 500; k++) {
      write('行政执法三项制度', ['三项制度']);
      write(`第${k}号制度`, []);
      if (k === 400) write('行政执法三项制度', ['执法公示制度']);
    }
    const once = new TextIndex();
    once.addRows('Initiative', [{ key: '行政执法三项制度', texts: ['行政执法三项制度', '三项制度', '执法公示制度'] }]);
    once.addRows(
      'Initiative',
      Array.from({ length: 500 }, (_, k) => ({ key: `第${k}号制度`, texts: [`第${k}号制度`] })),
    );
    expect(index.entries('Initiative')).toBe(once.entries('Initiative'));
    expect(new Set(index.candidates('Initiative', ['公示']))).toEqual(new Set(['行政执法三项制度']));
    for (const text of ['第7号', '制度', '三项', '号制'])
      expect(new Set(index.candidates('Initiative', [text])), text).toEqual(new Set(once.candidates('Initiative', [text])));
  });

  it('is not used by a snapshot that began before it was built', async () => {
    const fresh = await EmbeddedStore.open({ readCache: false });
    try {
      await fresh.upsertReport(graphs[0]);
      const early = fresh.snapshot();
      const text = graphs[0].problems[0]?.text.slice(0, 4) ?? graphs[0].title!.slice(0, 4);
      expect(await early.textCandidates!('Problem', [text])).toBeNull();
      const later = fresh.snapshot();
      expect(await later.textCandidates!('Problem', [text])).not.toBeNull();
      early.release();
      later.release();
    } finally {
      await fresh.close();
    }
  });
});
