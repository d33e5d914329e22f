// The embedded store's index of which reports cite which regulations, mention
// which initiatives and are about which jurisdiction: co-citation, co-mention
// and jurisdiction similarity counted in JS over integer postings, instead of
// Grafeo walking a hub's reports row by row (a hub regulation is cited by
// most reports: 3 s at 50,000 reports for the statement, milliseconds here).
//
// It also lists the jurisdictions whose reports mention given initiatives
// (jurisdictions_list_by_initiative_rollup: "which counties cite 三项制度"),
// from its rollup and a copy of each jurisdiction's place and names, set when
// report_create creates the node (see indexed-list.ts).
//
// The answers are the statements' (regulations_cocited,
// initiatives_comentioned, jurisdictions_similar): the same counts, the same
// floats (same formula, same operand order), the same order with the same
// tie-breaks (strings in code point order, as Grafeo compares them), the same
// totals and the same `limit`. Only the keys of the other nodes come from
// here; their properties are read by one keyed statement on the same snapshot
// (see EmbeddedStore.indexedRows). test/integration/store/cooccurrence-index.test.ts
// holds the two to the same rows.
//
// The index is exact, not a superset: it follows every committed write that
// changes what it holds (report_create, report_delete, report_cites_regulations,
// report_mentions_initiatives, from their own parameters), and forgets itself
// on a committed write it does not know (the store then builds it again).
// Co-citation and co-mention count over the postings of the node asked about
// (its reports' other links), except for hubs: a node linked from
// `limits.hubReports` reports or more keeps, per other node, how many live
// reports link to both (updated by each report's write and delete, a few
// hundred increments), so that the most cited regulation (~90 % of reports)
// is ranked from its row of pair counts, not by walking every report that
// cites it. Similarity counts over an in-memory rollup of which
// jurisdictions have each regulation and initiative (as the store's own
// rollup, REPORTS_CITE / REPORTS_MENTION). The cost of an answer is the
// degree walked (below a hub's threshold of reports) or one pass over the
// hub's row. A deleted or replaced report's number is retired (its postings
// entries skipped, then compacted away), and a replaced report gets a new
// number.
//
// A request reads one snapshot, which may have begun a few commits ago. The
// index keeps a journal of the reports each recent commit created and
// deleted (a deleted report's links are kept while it is in the journal), so
// it can count for that snapshot's state: the reports created since are
// taken out of the counts and those deleted since put back, for the count
// only (answerAt). That is exact because a report's links are all written in
// the commit that creates it; a snapshot older than the journal or than the
// index's build gets the statement's answer.
import { compareCodePoints } from './code-point-order.js';
import type { ReportCreateRow, Row } from './rows.js';

/** The statements whose rows this index can give, and their key parameter. */
export const INDEXED_STATEMENTS = {
  regulations_cocited: 'titles',
  initiatives_comentioned: 'names',
  jurisdictions_similar: 'keys',
  jurisdictions_list_by_initiative_rollup: 'initiatives',
  jurisdictions_list_by_initiative_rollup_among: 'candidates',
  reports_list_by_properties: 'jurisdictionKeys',
} as const;
export type IndexedStatement = keyof typeof INDEXED_STATEMENTS;
/** The lists among them: by initiative, and the reports by their own properties (the others are rankings). */
export type ListStatement = 'jurisdictions_list_by_initiative_rollup' | 'jurisdictions_list_by_initiative_rollup_among' | 'reports_list_by_properties';
export type RankingStatement = Exclude<IndexedStatement, ListStatement>;

/** A node a jurisdiction's reports link to, with how many of them do and the sum of those links' counts (see CooccurrenceIndex.tallies). */
export interface Tally {
  key: string;
  other: string;
  reports: number;
  mentions: number;
}

export function isListStatement(name: IndexedStatement): name is ListStatement {
  return (
    name === 'jurisdictions_list_by_initiative_rollup' || name === 'jurisdictions_list_by_initiative_rollup_among' || name === 'reports_list_by_properties'
  );
}

export function isIndexedStatement(name: string): name is IndexedStatement {
  return Object.hasOwn(INDEXED_STATEMENTS, name);
}

/** The write statements that leave what the index holds as it is (any other committed write makes it forget itself). */
const WRITES_PASSED_OVER = new Set([
  'report_identifies_problems',
  'report_plans',
  'report_reports_metrics',
  'report_delete_owned',
  'regulations_add_aliases',
  'initiatives_add_aliases',
  'orphans_delete_initiatives',
  'orphans_delete_regulations',
  'orphans_delete_indicators',
  'orphans_delete_themes',
  'orphans_delete_organizations',
  'rollup_add_citations',
  'rollup_add_mentions',
  'rollup_count_citations',
  'rollup_count_mentions',
  'rollup_rebuild',
  'rollup_remove_report',
]);

/**
 * A list of small integers: a plain array (V8 keeps it packed, 4–8 bytes an entry). Most of a
 * corpus's regulations are local documents cited once, so a list's fixed cost is what counts: a
 * typed array and its wrapper took ~400 bytes a regulation (15 MiB of 39 at 5,000 reports).
 */
type IntList = number[];

/** Keeps the entries the test keeps, in order. */
function retain(list: IntList, keep: (value: number) => boolean): void {
  let kept = 0;
  for (let k = 0; k < list.length; k++) if (keep(list[k])) list[kept++] = list[k];
  list.length = kept;
}

/** Strings numbered 0, 1, 2 … in the order first seen. */
class Numbering {
  readonly keys: string[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(key: string): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.keys.length;
      this.keys.push(key);
      this.numbers.set(key, n);
    }
    return n;
  }

  find(key: string): number | undefined {
    return this.numbers.get(key);
  }

  get size(): number {
    return this.keys.length;
  }
}

/** Reports linked to nodes of one label (regulations by CITES, initiatives by MENTIONS). */
class Links {
  readonly nodes = new Numbering();
  /** Per node, the reports linked to it (each once; retired reports are skipped until compacted). */
  readonly reports: IntList[] = [];
  /** Per node, its relationships from live reports (the statements' COUNT subqueries). */
  degree = new Int32Array(16);
  /** Per report, its nodes, one entry per relationship (null: retired or none). */
  readonly ofReport: Array<number[] | null> = [];
  /** Per report, each relationship's `count` property, in ofReport's order (null: none). */
  readonly countsOf: Array<Array<number | null> | null> = [];
  /**
   * Per hub, per other node: the live reports linking to both (`row`, indexed by the other's number;
   * it may be shorter than the numbering, the rest being 0), and how many others that is (`others`,
   * the ranking's total). A dense row costs 4 bytes a node of the label and is kept only for hubs,
   * of which there are at most (links ÷ hubReports).
   */
  readonly pairs = new Map<number, { row: Int32Array<ArrayBuffer>; others: number }>();

  node(key: string): number {
    const n = this.nodes.numberOf(key);
    if (n === this.reports.length) this.reports.push([]);
    if (n >= this.degree.length) {
      const grown = new Int32Array(this.degree.length * 2);
      grown.set(this.degree);
      this.degree = grown;
    }
    return n;
  }

  /**
   * Links a report to nodes, one relationship per key (as the write statement creates them); returns
   * the nodes it was not linked to before. A live report's pairs go into its hubs' rows; a node that
   * reaches `hubReports` reports becomes a hub, its row counted from its postings.
   */
  add(report: number, keys: readonly string[], live: (report: number) => boolean, hubReports: number, counts: ReadonlyArray<unknown> = []): number[] {
    const fresh: number[] = [];
    let own = this.ofReport[report];
    if (!own) {
      own = [];
      this.ofReport[report] = own;
    }
    let ownCounts = this.countsOf[report];
    if (!ownCounts) {
      ownCounts = [];
      this.countsOf[report] = ownCounts;
    }
    for (let k = 0; k < keys.length; k++) ownCounts.push(typeof counts[k] === 'number' ? (counts[k] as number) : null);
    const paired = live(report) && this.pairs.size > 0;
    // (its pairs as they were are taken out, and put back with the new nodes among them)
    if (paired) this.pair([...new Set(own)], -1);
    for (const key of keys) {
      const n = this.node(key);
      if (!own.includes(n)) {
        this.reports[n].push(report);
        fresh.push(n);
      }
      own.push(n);
      this.degree[n]++;
    }
    if (paired) this.pair([...new Set(own)], 1);
    for (const n of fresh) if (!this.pairs.has(n) && this.reports[n].length >= hubReports) this.promote(n, live);
    return fresh;
  }

  /** Takes a report's relationships out of the degrees and pair counts (sign -1) or puts them back (+1); returns the nodes it links to (each once). */
  count(report: number, sign: 1 | -1): number[] {
    const own = this.ofReport[report];
    if (!own) return [];
    for (const n of own) this.degree[n] += sign;
    const nodes = [...new Set(own)];
    if (this.pairs.size > 0) this.pair(nodes, sign);
    return nodes;
  }

  /** One report's nodes (each once) counted into (sign 1) or out of (-1) the rows of the hubs among them. */
  private pair(nodes: readonly number[], sign: 1 | -1): void {
    for (const hub of nodes) {
      const pairs = this.pairs.get(hub);
      if (!pairs) continue;
      const row = this.rowOf(pairs);
      for (const other of nodes) {
        if (other === hub) continue;
        const was = row[other];
        row[other] = was + sign;
        if (was === 0) pairs.others++;
        else if (was + sign === 0) pairs.others--;
      }
    }
  }

  /** A hub's row, grown to the numbering. */
  private rowOf(pairs: { row: Int32Array<ArrayBuffer> }): Int32Array<ArrayBuffer> {
    if (pairs.row.length < this.nodes.size) {
      const grown = new Int32Array(Math.max(this.nodes.size, Math.ceil(pairs.row.length * 1.25)));
      grown.set(pairs.row);
      pairs.row = grown;
    }
    return pairs.row;
  }

  /** Makes a node a hub: its row counted once from the live reports of its postings. */
  private promote(hub: number, live: (report: number) => boolean): void {
    const row = new Int32Array(this.nodes.size);
    for (const report of this.reports[hub]) {
      if (!live(report)) continue;
      for (const other of new Set(this.ofReport[report] ?? [])) if (other !== hub) row[other]++;
    }
    let others = 0;
    for (let other = 0; other < row.length; other++) if (row[other] > 0) others++;
    this.pairs.set(hub, { row, others });
  }

  /** Forgets a deleted report's links (its postings entries stay until compacted); returns how many entries that retires. */
  forget(report: number): number {
    const own = this.ofReport[report];
    this.ofReport[report] = null;
    this.countsOf[report] = null;
    return own ? new Set(own).size : 0;
  }
}

/**
 * Per node (regulation or initiative), the jurisdictions whose reports link
 * to it and how many of their reports do: the store's rollup (REPORTS_CITE,
 * REPORTS_MENTION) kept in memory, so that similarity walks a feature's
 * jurisdictions (a few thousand at most, however many reports) rather than
 * its reports. Kept exact at every write: one entry per (node, jurisdiction)
 * with reports, none without.
 */
class Rollup {
  /** Per node, its jurisdictions (in no order), each followed by its reports linking to the node. */
  readonly jurisdictions: IntList[] = [];
  /**
   * Per node in more than `limits.positionedJurisdictions` jurisdictions, where each one's entry is in its list: a hub
   * is in a few thousand jurisdictions, and answerAt takes the reports written since a request's
   * snapshot out of the rollup (and puts them back before the next commit), ~30 hubs a report, so a
   * scan of the list per report and hub was most of a read's time during ingestion.
   */
  private readonly positions: Array<Map<number, number> | undefined> = [];

  /** One more report of the jurisdiction links to the node; true when it is the first. */
  add(node: number, jurisdiction: number): boolean {
    while (this.jurisdictions.length <= node) this.jurisdictions.push([]);
    const places = this.jurisdictions[node];
    const k = this.find(node, jurisdiction);
    if (k >= 0) {
      places[k + 1]++;
      return false;
    }
    places.push(jurisdiction, 1);
    const positions = this.positions[node];
    if (positions) positions.set(jurisdiction, places.length - 2);
    else if (places.length > 2 * CooccurrenceIndex.limits.positionedJurisdictions) {
      const built = new Map<number, number>();
      for (let j = 0; j < places.length; j += 2) built.set(places[j], j);
      this.positions[node] = built;
    }
    return true;
  }

  /** One report fewer; true when it was the last (the entry is removed). */
  remove(node: number, jurisdiction: number): boolean {
    const places = this.jurisdictions[node];
    const k = this.find(node, jurisdiction);
    if (k < 0) return false;
    if (--places[k + 1] > 0) return false;
    // (the last entry takes its place)
    const last = places.length - 2;
    places[k] = places[last];
    places[k + 1] = places[last + 1];
    places.length = last;
    const positions = this.positions[node];
    if (positions) {
      positions.delete(jurisdiction);
      if (k !== last) positions.set(places[k], k);
    }
    return true;
  }

  /** Where the jurisdiction's entry is in the node's list, or -1. */
  private find(node: number, jurisdiction: number): number {
    const positions = this.positions[node];
    if (positions) return positions.get(jurisdiction) ?? -1;
    const places = this.jurisdictions[node] ?? [];
    for (let k = 0; k < places.length; k += 2) if (places[k] === jurisdiction) return k;
    return -1;
  }
}

/** A jurisdiction's properties the lists filter and order by (its node's, set when report_create creates it and never changed). */
export interface Place {
  level: string | null;
  province: string | null;
  prefecture: string | null;
  name: string | null;
  fullName: string | null;
}

/** What a list by initiative asks (jurisdictions_of_initiatives_rollup's parameters; null: no condition). */
export interface ListAsk {
  yearFrom: number | null;
  yearTo: number | null;
  level: string | null;
  province: string | null;
  prefecture: string | null;
  text: string | null;
  orderBy: string;
  descending: boolean;
  skip: number;
  limit: number;
}

/** What a list of reports by their own properties asks (reports_list_by_properties' parameters; null: no condition). */
export interface ReportListAsk {
  yearFrom: number | null;
  yearTo: number | null;
  issuerType: string | null;
  jurisdictionKeys: readonly string[] | null;
  oldestFirst: boolean;
  skip: number;
  limit: number;
}

/** A report's own properties the report list filters by (its node's, set by report_create). */
interface ReportFacts {
  id: string;
  issuerType: string | null;
  jurisdictionKey: string | null;
}

/** A property as the index keeps it: a string, or null for anything else (absent, null). */
const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

/** The place conditions of jurisdiction_place on one jurisdiction (a null property fails a condition, as null does in a WHERE). */
function fits(place: Place, ask: ListAsk): boolean {
  return (
    (ask.level === null || place.level === ask.level) &&
    (ask.province === null || place.province === ask.province) &&
    (ask.prefecture === null || place.prefecture === ask.prefecture || (place.level === 'prefecture' && place.name === ask.prefecture)) &&
    (ask.text === null || place.fullName?.includes(ask.text) === true)
  );
}

/** A row of graph_neighbours without the reached node's properties (see CooccurrenceIndex.neighbours). */
export interface NeighbourRow {
  fromLabel: string;
  fromKey: string;
  type: string;
  outgoing: boolean;
  label: string;
  key: string;
  weight: number;
}
/** The relationship types whose every relationship the index holds, and the labels of the nodes they join. */
const FOLLOWED = new Set(['ABOUT', 'MENTIONS', 'CITES', 'PART_OF']);
const JOINED = new Set(['Report', 'Jurisdiction', 'Initiative', 'Regulation']);

/** A ranking's entry: the other node's key, its count (together or shared) and its score (lift or jaccard). */
export interface Ranked {
  key: string;
  other: string;
  count: number;
  score: number;
  total: number;
}

/** Scratch arrays a query counts in, cleared after it by the list of what it touched. */
class Counter {
  counts = new Int32Array(16);
  /** The last "round" (report, or feature) that counted a node: one count per node per round. */
  lastRound = new Int32Array(16);
  readonly touched: number[] = [];

  fit(size: number): void {
    if (size <= this.counts.length) return;
    const length = Math.max(size, this.counts.length * 2);
    this.counts = new Int32Array(length);
    this.lastRound = new Int32Array(length);
  }

  /** Counts node n once in round `round` (rounds are numbered from 1). */
  count(n: number, round: number): void {
    if (this.lastRound[n] === round) return;
    this.lastRound[n] = round;
    if (this.counts[n]++ === 0) this.touched.push(n);
  }

  /** Counts node n once more. */
  add(n: number): void {
    if (this.counts[n]++ === 0) this.touched.push(n);
  }

  clear(): void {
    for (const n of this.touched) {
      this.counts[n] = 0;
      this.lastRound[n] = 0;
    }
    this.touched.length = 0;
  }
}

/**
 * The first `limit` of what it is offered by `before`, sorted: a bounded heap, so that the long
 * tail of a hub (thousands of local documents cited once alongside it) is never sorted whole.
 */
class FirstOf<T> {
  /** A max-heap of the best `limit` so far: its root is the worst of them. */
  private readonly heap: T[] = [];

  constructor(
    private readonly limit: number,
    private readonly before: (a: T, b: T) => number,
  ) {}

  /** The worst of the first `limit` so far, once there are that many (a candidate not before it is not kept). */
  get worst(): T | undefined {
    return this.heap.length >= this.limit ? this.heap[0] : undefined;
  }

  offer(c: T): void {
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(c);
      for (let i = heap.length - 1; i > 0 && this.worse(i, (i - 1) >> 1); i = (i - 1) >> 1) this.swap(i, (i - 1) >> 1);
    } else if (this.limit > 0 && this.before(c, heap[0]) < 0) {
      heap[0] = c;
      this.down(0);
    }
  }

  sorted(): T[] {
    return this.heap.sort(this.before);
  }

  private worse(i: number, j: number): boolean {
    return this.before(this.heap[i], this.heap[j]) > 0;
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i];
    this.heap[i] = this.heap[j];
    this.heap[j] = t;
  }

  private down(i: number): void {
    const length = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < length && this.worse(l, top)) top = l;
      if (r < length && this.worse(r, top)) top = r;
      if (top === i) return;
      this.swap(i, top);
      i = top;
    }
  }
}

/** The first `limit` of the candidates by `before`, sorted. */
function firstOf<T>(candidates: T[], limit: number, before: (a: T, b: T) => number): T[] {
  if (candidates.length <= limit * 4) return candidates.sort(before).slice(0, limit);
  const first = new FirstOf(limit, before);
  for (const c of candidates) first.offer(c);
  return first.sorted();
}

/**
 * The first of a hub's row of pair counts (its first `end` entries) by `first`'s order, which puts
 * higher counts first: below the worst kept's count a node cannot be kept, so most of the row (local
 * documents cited once alongside the hub) is passed over on one comparison.
 */
function firstOfRow(row: Int32Array, end: number, first: FirstOf<number>): number[] {
  let floor = 1;
  for (let other = 0; other < end; other++) {
    if (row[other] < floor) continue;
    first.offer(other);
    const worst = first.worst;
    if (worst !== undefined) floor = Math.max(1, row[worst]);
  }
  return first.sorted();
}

/** Distinct keys in code point order (the statements' ORDER BY on the key column), or null when the batch repeats one. */
function orderedKeys(keys: readonly string[]): string[] | null {
  if (new Set(keys).size !== keys.length) return null;
  return [...keys].sort(compareCodePoints);
}

export class CooccurrenceIndex {
  private readonly reportNumbers = new Map<string, number>();
  /** Per report number: 1 while it is the number of a stored report. */
  private live = new Uint8Array(16);
  private reportCount = 0;
  private readonly regulations = new Links();
  private readonly initiatives = new Links();
  private readonly jurisdictions = new Numbering();
  /** Per report number, its jurisdiction's number (-1: none). */
  private jurisdictionOf = new Int32Array(16);
  /** Per jurisdiction, its reports (retired ones skipped until compacted). */
  private readonly reportsOf: IntList[] = [];
  /** Per jurisdiction, the size of its set of regulations and initiatives (the rollup's featureCount). */
  private featureCounts = new Int32Array(16);
  /** Per jurisdiction, its place and names (undefined: not known, and no list is answered that holds it). */
  private readonly places: Array<Place | undefined> = [];
  /** Per report number, its year (null: none), and its id and the properties the report list filters by. */
  private readonly yearOf: Array<number | null> = [];
  private readonly factsOf: ReportFacts[] = [];
  /** Per jurisdiction, the jurisdictions it is PART_OF, and those PART_OF it. */
  private readonly parentsOf: number[][] = [];
  private readonly childrenOf: number[][] = [];
  /** The commit that created each PART_OF relationship after the build ("child:parent"; absent: there at the build). */
  private readonly partOfCommit = new Map<string, number>();
  /** The older state the counts are in (null: the latest), and the reports taken out and put back for it (see answerAt). */
  private parked: { state: number; taken: number[]; restored: number[] } | null = null;
  /** The jurisdictions' ranks in code point order of full name, and which ranks two share (null: to count again, a place was added). */
  private ranking: { rank: Int32Array; shared: Uint8Array } | null = null;
  private readonly regulationRollup = new Rollup();
  private readonly initiativeRollup = new Rollup();
  private nextReport = 0;
  /** Postings entries of retired reports, and of all reports: past half, they are compacted away. */
  private retiredEntries = 0;
  private entries = 0;
  private readonly counter = new Counter();
  private readonly featureCounter = new Counter();
  /** The commit the index describes (the store's count of commits), and the oldest state it can still answer for. */
  private current = 0;
  private horizon = 0;
  /** The reports each recent commit created and deleted, oldest first: what answerAt undoes for an older state. */
  private readonly journal: Array<{ commit: number; born: number[]; died: number[] }> = [];
  /**
   * Commits kept in the journal (a request's snapshot older than that many commits gets the statement's
   * answer), the deleted reports' postings entries past which they are compacted away (once they
   * are half of all), and the reports linked to a node from which it keeps pair counts (a walk of
   * fewer costs ~0.1 ms: ~20 links a report), and the jurisdictions of a node past which the rollup
   * finds one by a map rather than a scan of its list. Tests lower them, to reach the journal's end,
   * the compaction, the hubs and the maps with a few reports.
   */
  static readonly limits = { journalCommits: 256, compactAfter: 1000, hubReports: 1000, positionedJurisdictions: 32 };

  /** Rankings counted from a hub's row of pairs (for tests and measurement). */
  answersFromPairs = 0;

  private readonly isLive = (report: number) => this.live[report] === 1;

  /**
   * Builds it from the rows of cooccurrence_index_reports and cooccurrence_index_jurisdictions (every
   * jurisdiction's place: without them, no list is answered), read from the state after commit `commit`.
   */
  static fromRows(rows: Row[], commit = 0, places: Row[] = []): CooccurrenceIndex {
    const index = new CooccurrenceIndex();
    index.current = commit;
    index.horizon = commit;
    for (const row of places) index.placeCreated(String(row.key), row as unknown as Place);
    for (const row of places) for (const parent of (row.parents as string[] | null) ?? []) index.partOf(String(row.key), parent);
    for (const row of rows) {
      const [jurisdiction] = (row.jurisdictions as string[] | null) ?? [];
      const report = index.createReport(String(row.id), jurisdiction ?? null, row);
      // (each relationship as [key, count])
      const regulations = (row.regulations as Array<[string, unknown]> | null) ?? [];
      const initiatives = (row.initiatives as Array<[string, unknown]> | null) ?? [];
      index.link(
        report,
        regulations.map(([title]) => title),
        initiatives.map(([name]) => name),
        regulations.map(([, count]) => count),
        initiatives.map(([, count]) => count),
      );
    }
    index.entry = null;
    return index;
  }

  /** The journal entry of the commit being followed (null: building, nothing to undo). */
  private entry: { commit: number; born: number[]; died: number[] } | null = null;

  /**
   * Follows a commit's write statements, in the order they ran (commit: the
   * store's count of commits with it); false when one of them changes the
   * graph in a way the index does not know (then it no longer describes the
   * graph, and the store drops it).
   */
  follow(statements: ReadonlyArray<{ name: string; params: Record<string, unknown> }>, commit = this.current + 1): boolean {
    // (what follows changes the latest state)
    this.moveTo(this.current);
    this.current = commit;
    this.entry = { commit, born: [], died: [] };
    this.journal.push(this.entry);
    while (this.journal.length > CooccurrenceIndex.limits.journalCommits) this.trimJournal();
    for (const { name, params } of statements) {
      switch (name) {
        case 'report_create':
          for (const report of params.reports as ReadonlyArray<ReportCreateRow>) {
            for (const { key, props } of report.jurisdictions) this.placeCreated(key, props);
            for (const { child, parent } of report.links) this.partOf(child, parent);
            this.createReport(String(report.props.id), report.jurisdictionKey ?? null, report.props);
          }
          break;
        case 'report_delete':
          this.deleteReport(String(params.id));
          break;
        case 'report_cites_regulations':
          this.linkRows(params, params.titles as string[], 'regulations');
          break;
        case 'report_mentions_initiatives':
          this.linkRows(params, params.names as string[], 'initiatives');
          break;
        default:
          if (!WRITES_PASSED_OVER.has(name)) return false;
      }
    }
    this.entry = null;
    return true;
  }

  /** Links each report of a row statement's batch (reportIds, starts) to its rows' nodes. */
  private linkRows(params: Record<string, unknown>, keys: readonly string[], kind: 'regulations' | 'initiatives'): void {
    const ids = params.reportIds as readonly string[];
    const starts = params.starts as readonly number[];
    const counts = (params.counts as ReadonlyArray<unknown> | undefined) ?? [];
    ids.forEach((id, n) => {
      const report = this.reportNumbers.get(String(id));
      if (report === undefined) return;
      const own = keys.slice(starts[n], starts[n + 1]);
      const ownCounts = counts.slice(starts[n], starts[n + 1]);
      if (kind === 'regulations') this.link(report, own, [], ownCounts, []);
      else this.link(report, [], own, [], ownCounts);
    });
  }

  /** Drops the oldest journal entry: the reports it deleted are forgotten, and states before it can no longer be answered for. */
  private trimJournal(): void {
    const oldest = this.journal.shift();
    if (!oldest) return;
    this.horizon = Math.max(this.horizon, oldest.commit);
    for (const report of oldest.died) this.retiredEntries += this.regulations.forget(report) + this.initiatives.forget(report);
    if (this.retiredEntries > CooccurrenceIndex.limits.compactAfter && this.retiredEntries * 2 > this.entries) this.compact();
  }

  /**
   * Runs `count` on the graph as it was after commit `state` (a request's
   * snapshot began then), or returns null when that is older than the
   * journal: the reports created since are taken out and those deleted since
   * put back, for the counts (synchronously: nothing else runs meanwhile).
   * The index stays in that state until a count for another state or the
   * next commit asks for another (moveTo): while reports are written, most
   * requests count for the same state, one or two commits back, and taking a
   * batch's reports out and putting them back for each of them was most of
   * their cost.
   */
  answerAt<T>(state: number, count: () => T): T | null {
    if (state < this.horizon || state > this.current) return null;
    this.moveTo(state);
    return count();
  }

  /** Puts the counts in the state after commit `state` (see answerAt): from the latest, or from the state they were left in. */
  private moveTo(state: number): void {
    const parked = this.parked;
    if (parked?.state === state) return;
    if (parked) {
      this.parked = null;
      for (const report of parked.restored) this.setLive(report, false);
      for (const report of parked.taken) this.setLive(report, true);
    }
    if (state === this.current) return;
    const born = new Set<number>();
    const died = new Set<number>();
    for (let k = this.journal.length - 1; k >= 0 && this.journal[k].commit > state; k--) {
      for (const report of this.journal[k].born) born.add(report);
      for (const report of this.journal[k].died) died.add(report);
    }
    // (a report created and deleted since was not there then, and is not now)
    const taken = [...born].filter((report) => !died.has(report));
    const restored = [...died].filter((report) => !born.has(report));
    for (const report of taken) this.setLive(report, false);
    for (const report of restored) this.setLive(report, true);
    this.parked = { state, taken, restored };
  }

  /** A jurisdiction's node as report_create makes it: its properties are those of the first write that names it (MERGE … ON CREATE SET). */
  private placeCreated(key: string, props: Place): void {
    const j = this.jurisdiction(key);
    if (this.places[j]) return;
    this.places[j] = {
      level: textOrNull(props.level),
      province: textOrNull(props.province),
      prefecture: textOrNull(props.prefecture),
      name: textOrNull(props.name),
      fullName: textOrNull(props.fullName),
    };
    this.ranking = null;
  }

  /** Numbers a report about a jurisdiction (jurisdictionKey: its ABOUT relationship's), with its node's properties (props: year, issuerType, jurisdictionKey). */
  /** A PART_OF relationship as report_create merges it (once per pair). */
  private partOf(childKey: string, parentKey: string): void {
    const child = this.jurisdiction(childKey);
    const parent = this.jurisdiction(parentKey);
    if (this.parentsOf[child].includes(parent)) return;
    this.parentsOf[child].push(parent);
    this.childrenOf[parent].push(child);
    // (an older snapshot's expansion does not see it: jurisdictions are never deleted, so that is all the journal needs)
    if (this.entry) this.partOfCommit.set(`${child}:${parent}`, this.entry.commit);
  }

  private createReport(id: string, jurisdictionKey: string | null, props: Record<string, unknown>): number {
    // (a report is written after its stored copy is deleted; were it not, the new one replaces it here)
    this.deleteReport(id);
    const report = this.nextReport++;
    this.reportNumbers.set(id, report);
    this.live = grownUint8(this.live, report + 1);
    this.jurisdictionOf = grownInt32(this.jurisdictionOf, report + 1, -1);
    this.yearOf[report] = typeof props.year === 'number' ? props.year : null;
    this.factsOf[report] = { id, issuerType: textOrNull(props.issuerType), jurisdictionKey: textOrNull(props.jurisdictionKey) };
    this.live[report] = 1;
    this.reportCount++;
    this.entry?.born.push(report);
    const jurisdiction = jurisdictionKey === null ? -1 : this.jurisdiction(jurisdictionKey);
    this.jurisdictionOf[report] = jurisdiction;
    if (jurisdiction >= 0) {
      this.reportsOf[jurisdiction].push(report);
      this.entries++;
    }
    return report;
  }

  private jurisdiction(key: string): number {
    const j = this.jurisdictions.numberOf(key);
    if (j === this.reportsOf.length) {
      this.reportsOf.push([]);
      this.parentsOf.push([]);
      this.childrenOf.push([]);
    }
    this.featureCounts = grownInt32(this.featureCounts, j + 1, 0);
    return j;
  }

  /** Links a report to its regulations and initiatives, one relationship per key, with each relationship's `count` (in the keys' order). */
  private link(
    report: number,
    titles: readonly string[],
    names: readonly string[],
    titleCounts: ReadonlyArray<unknown> = [],
    nameCounts: ReadonlyArray<unknown> = [],
  ): void {
    // (links come in the commit that creates the report; were they added later, the journal could not take them out alone)
    if (this.entry && !this.entry.born.includes(report)) this.horizon = this.current;
    const jurisdiction = this.jurisdictionOf[report];
    for (const [links, rollup, keys, counts] of [
      [this.regulations, this.regulationRollup, titles, titleCounts],
      [this.initiatives, this.initiativeRollup, names, nameCounts],
    ] as const) {
      const fresh = links.add(report, keys, this.isLive, CooccurrenceIndex.limits.hubReports, counts);
      this.entries += fresh.length;
      if (jurisdiction >= 0) for (const node of fresh) if (rollup.add(node, jurisdiction)) this.featureCounts[jurisdiction]++;
    }
  }

  private deleteReport(id: string): void {
    const report = this.reportNumbers.get(id);
    if (report === undefined) return;
    this.reportNumbers.delete(id);
    this.setLive(report, false);
    if (this.jurisdictionOf[report] >= 0) this.retiredEntries++;
    // (its links are kept while the journal may put it back for an older snapshot; see trimJournal)
    if (this.entry) this.entry.died.push(report);
    else this.retiredEntries += this.regulations.forget(report) + this.initiatives.forget(report);
  }

  /** Takes a report out of the counts (deleted, or not yet there in the state counted) or puts it back. */
  private setLive(report: number, live: boolean): void {
    this.live[report] = live ? 1 : 0;
    this.reportCount += live ? 1 : -1;
    const jurisdiction = this.jurisdictionOf[report];
    for (const [links, rollup] of [
      [this.regulations, this.regulationRollup],
      [this.initiatives, this.initiativeRollup],
    ] as const) {
      const nodes = links.count(report, live ? 1 : -1);
      if (jurisdiction < 0) continue;
      for (const node of nodes) {
        if (live && rollup.add(node, jurisdiction)) this.featureCounts[jurisdiction]++;
        else if (!live && rollup.remove(node, jurisdiction)) this.featureCounts[jurisdiction]--;
      }
    }
  }

  /** Drops the postings entries of deleted reports the journal no longer needs. */
  private compact(): void {
    const live = (report: number) => this.live[report] === 1 || this.regulations.ofReport[report] != null || this.initiatives.ofReport[report] != null;
    for (const list of this.regulations.reports) retain(list, live);
    for (const list of this.initiatives.reports) retain(list, live);
    for (const list of this.reportsOf) retain(list, live);
    this.entries -= this.retiredEntries;
    this.retiredEntries = 0;
  }

  /**
   * Co-citation (regulations) or co-mention (initiatives) of each key, as
   * regulations_cocited / initiatives_comentioned rank them: for each key, the
   * first `limit` other nodes by shared reports (desc), lift (desc), key (code
   * point order), with how many there are; keys in code point order. Null when
   * the batch repeats a key (the statement would merge their rankings).
   */
  cooccurring(label: 'Regulation' | 'Initiative', keys: readonly string[], limit: number): Ranked[] | null {
    const ordered = orderedKeys(keys);
    if (!ordered) return null;
    const links = label === 'Regulation' ? this.regulations : this.initiatives;
    const out: Ranked[] = [];
    const counter = this.counter;
    counter.fit(links.nodes.size);
    const reportCount = this.reportCount;
    for (const key of ordered) {
      const node = links.nodes.find(key);
      if (node === undefined) continue;
      const citedA = links.degree[node];
      // the other nodes with the reports they share with this one: a hub's row, or counted from its postings
      const pairs = links.pairs.get(node);
      const row = pairs?.row;
      const together = row ?? counter.counts;
      const lift = (other: number) => (together[other] * reportCount) / (citedA * links.degree[other]);
      const keyOf = links.nodes.keys;
      const before = (a: number, b: number) => together[b] - together[a] || lift(b) - lift(a) || compareCodePoints(keyOf[a], keyOf[b]);
      let top: number[];
      let total: number;
      if (row) {
        // a hub: its row, scanned once (most of it local documents cited once alongside it, never kept)
        this.answersFromPairs++;
        total = pairs.others;
        top = firstOfRow(row, Math.min(row.length, links.nodes.size), new FirstOf(limit, before));
      } else {
        const postings = links.reports[node];
        for (let k = 0; k < postings.length; k++) {
          const report = postings[k];
          if (this.live[report] !== 1) continue;
          // (rounds are report numbers + 1: a report that links to a node twice counts once, as count(DISTINCT r))
          for (const other of links.ofReport[report] ?? []) if (other !== node) counter.count(other, report + 1);
        }
        total = counter.touched.length;
        top = firstOf(counter.touched, limit, before);
      }
      for (const other of top) out.push({ key, other: keyOf[other], count: together[other], score: lift(other), total });
      if (!row) counter.clear();
    }
    return out;
  }

  /**
   * Jurisdictions like each key, as jurisdictions_similar ranks them: the
   * Jaccard similarity of their sets of regulations and initiatives, ranked
   * by jaccard (desc) and shared (desc). The statement's last tie-break is the
   * other jurisdiction's fullName, a property this index does not keep: each
   * key's ranking is cut after `limit` and every jurisdiction tied with the
   * last one kept, for the caller to order by fullName and cut to `limit`.
   */
  similar(keys: readonly string[], limit: number): Ranked[] | null {
    const ordered = orderedKeys(keys);
    if (!ordered) return null;
    const out: Ranked[] = [];
    for (const key of ordered) {
      const mine = this.jurisdictions.find(key);
      if (mine === undefined) continue;
      const features = this.featuresOf(mine);
      const mineCount = this.featureCounts[mine];
      const counter = this.counter;
      counter.fit(this.jurisdictions.size);
      // each of my features once: every other jurisdiction it is in shares it (the rollup holds each once)
      for (const [rollup, nodes] of [
        [this.regulationRollup, features.regulations],
        [this.initiativeRollup, features.initiatives],
      ] as const) {
        for (const node of nodes) {
          const places = rollup.jurisdictions[node];
          for (let k = 0; k < places.length; k += 2) {
            const other = places[k];
            if (other !== mine) counter.add(other);
          }
        }
      }
      const found = counter.touched.map((other) => {
        const shared = counter.counts[other];
        return { other, shared, jaccard: shared / (mineCount + this.featureCounts[other] - shared) };
      });
      counter.clear();
      const total = found.length;
      const byScore = (a: (typeof found)[number], b: (typeof found)[number]) => b.jaccard - a.jaccard || b.shared - a.shared;
      const sorted = found.sort(byScore);
      let end = Math.min(limit, sorted.length);
      // (those tied with the last kept may come before it once ordered by fullName)
      if (end > 0) while (end < sorted.length && byScore(sorted[end], sorted[end - 1]) === 0) end++;
      for (const t of sorted.slice(0, end)) out.push({ key, other: this.jurisdictions.keys[t.other], count: t.shared, score: t.jaccard, total });
    }
    return out;
  }

  /**
   * The page and total of jurisdictions_list_by_initiative_rollup for the initiatives named `names`
   * (the statement's `i`, matched by the caller): the jurisdictions whose rollup links them to one of
   * them (in the year range: one of their live reports mentioning it is of a year in range, as the
   * rollup's years are those reports' years), fitting the place conditions, in the statement's order
   * (orderBy's key, then full name, strings in code point order), the page from `skip`. Its cost is
   * the rollup entries of the initiatives walked (their postings, with a year range) and the matched
   * jurisdictions ordered, not the corpus. Null when the answer would not be exact: a jurisdiction
   * whose place is not known, a key of the order that is null, or two matched jurisdictions with one
   * full name (the statement leaves their order to the engine).
   */
  jurisdictionsMentioning(names: readonly string[], ask: ListAsk): { keys: string[]; total: number } | null {
    const counter = this.counter;
    counter.fit(this.jurisdictions.size);
    const anyYear = ask.yearFrom === null && ask.yearTo === null;
    for (const name of names) {
      const node = this.initiatives.nodes.find(name);
      if (node === undefined) continue;
      if (anyYear) {
        const places = this.initiativeRollup.jurisdictions[node] ?? [];
        for (let k = 0; k < places.length; k += 2) counter.count(places[k], 1);
        continue;
      }
      for (const report of this.initiatives.reports[node]) {
        if (this.live[report] !== 1 || this.jurisdictionOf[report] < 0) continue;
        const year = this.yearOf[report];
        if (year === null || (ask.yearFrom !== null && year < ask.yearFrom) || (ask.yearTo !== null && year > ask.yearTo)) continue;
        counter.count(this.jurisdictionOf[report], 1);
      }
    }
    const { rank, shared } = this.ranks();
    const matched: number[] = [];
    let exact = true;
    const sharedSeen = new Set<number>();
    for (const j of counter.touched) {
      const place = this.places[j];
      if (!place) exact = false;
      else if (fits(place, ask)) {
        if (place.fullName === null || (ask.orderBy === 'name' && place.name === null)) exact = false;
        else if (shared[rank[j]]) {
          if (sharedSeen.has(rank[j])) exact = false;
          sharedSeen.add(rank[j]);
        }
        matched.push(j);
      }
      if (!exact) break;
    }
    counter.clear();
    if (!exact) return null;
    // (the order's key: the jurisdiction's live reports, its name, or its full name's rank)
    const sign = ask.descending ? -1 : 1;
    let byKey: (a: number, b: number) => number;
    if (ask.orderBy === 'reports') {
      const reports = new Map(matched.map((j) => [j, this.liveReportsOf(j)]));
      byKey = (a, b) => reports.get(a)! - reports.get(b)!;
    } else if (ask.orderBy === 'name') byKey = (a, b) => compareCodePoints(this.places[a]!.name!, this.places[b]!.name!);
    else byKey = (a, b) => rank[a] - rank[b];
    const page = firstOf(matched, ask.skip + ask.limit, (a, b) => sign * byKey(a, b) || rank[a] - rank[b]).slice(ask.skip);
    return { keys: page.map((j) => this.jurisdictions.keys[j]), total: matched.length };
  }

  /**
   * The page and total of reports_list_by_properties: the live reports whose year is in the range
   * (a report without one is in none), of the issuer type and among the jurisdiction keys (their
   * jurisdictionKey property), newest or oldest first, then by id in code point order. A report
   * without a year sorts above every year, as Grafeo orders a property a node lacks: first when
   * newest first, last when oldest first. A pass over the reports with a heap of the page: no sort
   * of every report.
   */
  reportsListed(ask: ReportListAsk): { ids: string[]; total: number } {
    const keys = ask.jurisdictionKeys === null ? null : new Set(ask.jurisdictionKeys);
    const years = this.yearOf;
    const facts = this.factsOf;
    const sign = ask.oldestFirst ? 1 : -1;
    const before = (a: number, b: number) => {
      const x = years[a];
      const y = years[b];
      if (x !== y) {
        if (x === null) return sign;
        if (y === null) return -sign;
        return sign * (x - y);
      }
      return compareCodePoints(facts[a].id, facts[b].id);
    };
    const first = new FirstOf<number>(ask.skip + ask.limit, before);
    let total = 0;
    for (let report = 0; report < this.nextReport; report++) {
      if (this.live[report] !== 1) continue;
      const year = years[report];
      if ((ask.yearFrom !== null || ask.yearTo !== null) && year === null) continue;
      if (year !== null && ((ask.yearFrom !== null && year < ask.yearFrom) || (ask.yearTo !== null && year > ask.yearTo))) continue;
      const own = facts[report];
      if (ask.issuerType !== null && own.issuerType !== ask.issuerType) continue;
      if (keys !== null && (own.jurisdictionKey === null || !keys.has(own.jurisdictionKey))) continue;
      total++;
      first.offer(report);
    }
    return {
      ids: first
        .sorted()
        .slice(ask.skip)
        .map((report) => facts[report].id),
      total,
    };
  }

  /**
   * The rows graph_neighbours gives for `nodes` without the nodes' properties: each relationship
   * of a followed type between a node and one of a reached label, as the node's (fromLabel, fromKey),
   * the relationship's type, whether it leaves the node, the other node's label and key and the
   * relationship's weight (its count, else 1). The index knows the relationships of the subgraph's
   * default types (ABOUT, MENTIONS, CITES, PART_OF) and the nodes they join (reports,
   * jurisdictions, initiatives, regulations); null when it is asked about others, about a node it does
   * not know, or when the rows would reach `limit` (the statement then cuts them in its own order).
   */
  neighbours(nodes: ReadonlyArray<{ label: string; key: string }>, types: readonly string[], labels: readonly string[], limit: number): NeighbourRow[] | null {
    if (types.some((t) => !FOLLOWED.has(t)) || nodes.some((n) => !JOINED.has(n.label))) return null;
    const follows = (type: string, label: string) => types.includes(type) && labels.includes(label);
    const rows: NeighbourRow[] = [];
    const reportKey = (report: number) => this.factsOf[report].id;
    const push = (from: { label: string; key: string }, type: string, outgoing: boolean, label: string, key: string, weight: number | null) =>
      rows.push({ fromLabel: from.label, fromKey: from.key, type, outgoing, label, key, weight: weight ?? 1 });
    for (const node of nodes) {
      if (node.label === 'Report') {
        const report = this.reportNumbers.get(node.key);
        if (report === undefined || this.live[report] !== 1) return null;
        const j = this.jurisdictionOf[report];
        if (j >= 0 && follows('ABOUT', 'Jurisdiction')) push(node, 'ABOUT', true, 'Jurisdiction', this.jurisdictions.keys[j], null);
        for (const [links, type, label] of [
          [this.initiatives, 'MENTIONS', 'Initiative'],
          [this.regulations, 'CITES', 'Regulation'],
        ] as const) {
          if (!follows(type, label)) continue;
          const own = links.ofReport[report] ?? [];
          // (a node linked twice: the statement's rows would give the edge the weight it meets first)
          if (new Set(own).size !== own.length) return null;
          const counts = links.countsOf[report] ?? [];
          for (let k = 0; k < own.length; k++) push(node, type, true, label, links.nodes.keys[own[k]], counts[k]);
        }
      } else if (node.label === 'Jurisdiction') {
        const j = this.jurisdictions.find(node.key);
        if (j === undefined) return null;
        if (follows('ABOUT', 'Report'))
          for (const report of this.reportsOf[j]) if (this.live[report] === 1) push(node, 'ABOUT', false, 'Report', reportKey(report), null);
        if (follows('PART_OF', 'Jurisdiction')) {
          // (a relationship created after the state counted for is not there yet)
          const state = this.parked?.state ?? Number.POSITIVE_INFINITY;
          const there = (child: number, parent: number) => (this.partOfCommit.get(`${child}:${parent}`) ?? 0) <= state;
          for (const parent of this.parentsOf[j]) if (there(j, parent)) push(node, 'PART_OF', true, 'Jurisdiction', this.jurisdictions.keys[parent], null);
          for (const child of this.childrenOf[j]) if (there(child, j)) push(node, 'PART_OF', false, 'Jurisdiction', this.jurisdictions.keys[child], null);
        }
      } else {
        const [links, type] = node.label === 'Initiative' ? ([this.initiatives, 'MENTIONS'] as const) : ([this.regulations, 'CITES'] as const);
        const n = links.nodes.find(node.key);
        if (n !== undefined && follows(type, 'Report')) {
          for (const report of links.reports[n]) {
            if (this.live[report] !== 1) continue;
            const own = links.ofReport[report] ?? [];
            const at = own.indexOf(n);
            if (own.indexOf(n, at + 1) >= 0) return null;
            push(node, type, false, 'Report', reportKey(report), links.countsOf[report]?.[at] ?? null);
            if (rows.length >= limit) return null;
          }
        }
      }
      if (rows.length >= limit) return null;
    }
    return rows;
  }

  /**
   * The rows of jurisdiction_initiatives (label Initiative) or jurisdiction_regulations (Regulation)
   * for the keys, without the nodes' properties: per jurisdiction, each node its live reports link
   * to, with how many of them do (count DISTINCT r) and the sum of those relationships' counts
   * (nulls left out, as sum leaves them), by key, then mentions (desc), then the node's key, all
   * strings in code point order. Null when the batch repeats a key (the statement would count its
   * relationships once per repeat).
   */
  tallies(label: 'Initiative' | 'Regulation', keys: readonly string[]): Tally[] | null {
    const ordered = orderedKeys(keys);
    if (!ordered) return null;
    const links = label === 'Regulation' ? this.regulations : this.initiatives;
    const out: Tally[] = [];
    const counter = this.featureCounter;
    counter.fit(links.nodes.size);
    const mentions = new Map<number, number>();
    for (const key of ordered) {
      const j = this.jurisdictions.find(key);
      if (j === undefined) continue;
      for (const report of this.reportsOf[j]) {
        if (this.live[report] !== 1) continue;
        const own = links.ofReport[report] ?? [];
        const counts = links.countsOf[report] ?? [];
        for (let k = 0; k < own.length; k++) {
          // (rounds are report numbers + 1: a report that links to a node twice is one report)
          counter.count(own[k], report + 1);
          mentions.set(own[k], (mentions.get(own[k]) ?? 0) + (counts[k] ?? 0));
        }
      }
      const keyOf = links.nodes.keys;
      const nodes = [...counter.touched].sort((a, b) => mentions.get(b)! - mentions.get(a)! || compareCodePoints(keyOf[a], keyOf[b]));
      for (const n of nodes) out.push({ key, other: keyOf[n], reports: counter.counts[n], mentions: mentions.get(n)! });
      counter.clear();
      mentions.clear();
    }
    return out;
  }

  /** How many live reports are about a jurisdiction (the order's COUNT { (j)<-[:ABOUT]-(:Report) }). */
  private liveReportsOf(jurisdiction: number): number {
    let count = 0;
    for (const report of this.reportsOf[jurisdiction]) if (this.live[report] === 1) count++;
    return count;
  }

  /** The jurisdictions' ranks in code point order of full name (-1: none), counted again after a place is added. */
  private ranks(): { rank: Int32Array; shared: Uint8Array } {
    if (this.ranking && this.ranking.rank.length === this.jurisdictions.size) return this.ranking;
    const size = this.jurisdictions.size;
    const fullName = (j: number) => this.places[j]?.fullName ?? null;
    const named: number[] = [];
    for (let j = 0; j < size; j++) if (fullName(j) !== null) named.push(j);
    named.sort((a, b) => compareCodePoints(fullName(a)!, fullName(b)!));
    const rank = new Int32Array(size).fill(-1);
    const shared = new Uint8Array(size + 1);
    let r = -1;
    for (let k = 0; k < named.length; k++) {
      if (k === 0 || fullName(named[k]) !== fullName(named[k - 1])) r++;
      else shared[r] = 1;
      rank[named[k]] = r;
    }
    this.ranking = { rank, shared };
    return this.ranking;
  }

  /** A jurisdiction's distinct regulations and initiatives, from its live reports. */
  private featuresOf(jurisdiction: number): { regulations: number[]; initiatives: number[] } {
    const reports = this.reportsOf[jurisdiction];
    const result = { regulations: [] as number[], initiatives: [] as number[] };
    for (const [links, into] of [
      [this.regulations, result.regulations],
      [this.initiatives, result.initiatives],
    ] as const) {
      const seen = this.featureCounter;
      seen.fit(links.nodes.size);
      for (let k = 0; k < reports.length; k++) {
        const report = reports[k];
        if (this.live[report] !== 1) continue;
        for (const node of links.ofReport[report] ?? []) seen.count(node, 1);
      }
      into.push(...seen.touched);
      seen.clear();
    }
    return result;
  }
}

function grownInt32(array: Int32Array<ArrayBuffer>, size: number, fill: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const grown = new Int32Array(Math.max(size, array.length * 2)).fill(fill);
  grown.set(array);
  return grown;
}

function grownUint8(array: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const grown = new Uint8Array(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}
