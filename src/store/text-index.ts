// The embedded store's index of the texts `search` looks in: problem
// statements, report titles, regulation titles, initiative names and their
// aliases. Grafeo answers `CONTAINS` by reading every node of the label
// (200,000 problems at 50,000 reports); this index narrows a search to the
// nodes whose texts hold every pair of adjacent characters (bigram) of the
// text looked for, and the search statement's own `CONTAINS` then decides
// among them (cypher/search_*_among.cypher), so the answer is the scan's.
//
// The candidates are a superset of the nodes that match, whatever the index
// holds too much: it learns every text a committed write stores (the write
// statements' own parameters, noted as they run) and never forgets one, so a
// deleted node stays a candidate that matches nothing. It is built from the
// graph on the first search after the store opens, and lives in memory
// (about 4 bytes per node and bigram it holds).
import type { Row } from './rows.js';
import type { StatementName } from './catalogue.js';

/** What search looks in: the label whose nodes it ranks, each known by its key. */
export type SearchedKind = 'Problem' | 'Report' | 'Regulation' | 'Initiative';

/** The write statements that store searched texts, and where in their parameters the keys and texts are. */
const WRITTEN_TEXTS: Record<string, { kind: SearchedKind; texts(params: Record<string, unknown>): Array<[key: string, texts: string[]]> }> = {
  report_identifies_problems: {
    kind: 'Problem',
    texts: (p) => (p.ids as string[]).map((id, k) => [id, [(p.texts as string[])[k]]]),
  },
  report_cites_regulations: {
    kind: 'Regulation',
    texts: (p) => (p.titles as string[]).map((title, k) => [title, [title, ...((p.surfaces as string[][])[k] ?? [])]]),
  },
  report_mentions_initiatives: {
    kind: 'Initiative',
    texts: (p) => (p.names as string[]).map((name, k) => [name, [name, ...((p.aliases as string[][])[k] ?? [])]]),
  },
  report_create: {
    kind: 'Report',
    texts: (p) =>
      (p.reports as ReadonlyArray<{ props: { id: string; title?: string | null } }>).flatMap(({ props }) =>
        props.title ? [[props.id, [props.title]] as [string, string[]]] : [],
      ),
  },
};

/** The statements that read every searched text of a kind, to build the index: rows of `key` and `texts`. */
export const TEXT_SOURCES: Record<SearchedKind, StatementName> = {
  Problem: 'text_index_problems',
  Report: 'text_index_reports',
  Regulation: 'text_index_regulations',
  Initiative: 'text_index_initiatives',
};

/**
 * A growable list of document numbers, ascending, each once. A regulation or
 * initiative is written again with every report that names it, so its texts
 * come back thousands of times: a number already in the list is not added
 * again (else a common bigram's list would grow with every report, and a
 * search for it with the list).
 */
class Postings {
  docs = new Int32Array(4);
  length = 0;

  add(doc: number): void {
    const last = this.length ? this.docs[this.length - 1] : -1;
    if (doc === last) return;
    if (doc > last) {
      this.insertAt(this.length, doc);
      return;
    }
    // an earlier document, written again: binary search for it, or for where it goes
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.docs[middle];
      if (at === doc) return;
      if (at < doc) low = middle + 1;
      else high = middle - 1;
    }
    this.insertAt(low, doc);
  }

  private insertAt(position: number, doc: number): void {
    if (this.length === this.docs.length) {
      const grown = new Int32Array(this.docs.length * 2);
      grown.set(this.docs);
      this.docs = grown;
    }
    this.docs.copyWithin(position + 1, position, this.length);
    this.docs[position] = doc;
    this.length++;
  }
}

/** Bigrams are keyed by their two UTF-16 code units. */
const bigramAt = (text: string, i: number) => text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);

/** The rarest bigrams a search intersects: enough to narrow it, few enough to stay cheap. */
const BIGRAMS_INTERSECTED = 4;

/** The bigrams of one kind's texts. */
class KindIndex {
  private readonly keys: string[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly postings = new Map<number, Postings>();

  add(key: string, texts: readonly string[]): void {
    let doc = this.numbers.get(key);
    if (doc === undefined) {
      doc = this.keys.length;
      this.keys.push(key);
      this.numbers.set(key, doc);
    }
    for (const text of texts) {
      if (typeof text !== 'string') continue;
      for (let i = 0; i + 1 < text.length; i++) {
        const gram = bigramAt(text, i);
        let list = this.postings.get(gram);
        if (!list) {
          list = new Postings();
          this.postings.set(gram, list);
        }
        list.add(doc);
      }
    }
  }

  /** Documents known to the index. */
  get size(): number {
    return this.keys.length;
  }

  /** (document, bigram) entries held: what the index's memory grows with. */
  get entries(): number {
    let sum = 0;
    for (const list of this.postings.values()) sum += list.length;
    return sum;
  }

  /** Keys of the documents holding every bigram of the text's rarest few; null for a text of one character. */
  candidates(text: string): string[] | null {
    if (text.length < 2) return null;
    const lists: Postings[] = [];
    for (let i = 0; i + 1 < text.length; i++) {
      const list = this.postings.get(bigramAt(text, i));
      if (!list) return [];
      lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    // the rarest list's documents, kept while each next list holds them
    let kept = new Set<number>();
    const first = lists[0];
    for (let k = 0; k < first.length; k++) kept.add(first.docs[k]);
    for (const list of lists.slice(1, BIGRAMS_INTERSECTED)) {
      const next = new Set<number>();
      for (let k = 0; k < list.length; k++) if (kept.has(list.docs[k])) next.add(list.docs[k]);
      kept = next;
      if (!kept.size) break;
    }
    return [...kept].map((doc) => this.keys[doc]);
  }
}

export class TextIndex {
  private readonly kinds = new Map<SearchedKind, KindIndex>();

  private of(kind: SearchedKind): KindIndex {
    let index = this.kinds.get(kind);
    if (!index) {
      index = new KindIndex();
      this.kinds.set(kind, index);
    }
    return index;
  }

  /** (document, bigram) entries held for a kind. */
  entries(kind: SearchedKind): number {
    return this.of(kind).entries;
  }

  /** Adds the rows of a TEXT_SOURCES statement. */
  addRows(kind: SearchedKind, rows: Row[]): void {
    const index = this.of(kind);
    for (const row of rows) index.add(String(row.key), (row.texts as string[] | null) ?? []);
  }

  /** Adds the texts a committed write stored, from its statements' parameters (statements that store none are passed over). */
  addWritten(statements: ReadonlyArray<{ name: string; params: Record<string, unknown> }>): void {
    for (const { name, params } of statements) {
      const written = WRITTEN_TEXTS[name];
      if (!written) continue;
      const index = this.of(written.kind);
      for (const [key, texts] of written.texts(params)) index.add(key, texts);
    }
  }

  /**
   * Keys of the nodes of a kind whose texts may contain one of the texts (a
   * superset of those that do); null when the index cannot narrow the search
   * usefully: a text of one character, or candidates so many that reading
   * them one by one costs what reading them all does.
   */
  candidates(kind: SearchedKind, texts: readonly string[]): string[] | null {
    const index = this.of(kind);
    const found = new Set<string>();
    for (const text of new Set(texts)) {
      const keys = index.candidates(text);
      if (keys === null) return null;
      for (const key of keys) found.add(key);
    }
    if (found.size > Math.max(1000, index.size / 4)) return null;
    return [...found];
  }
}
