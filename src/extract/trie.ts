// A character trie over a fixed set of keys, built once at module load: one
// left-to-right walk finds the keys starting at a position, instead of one
// slice and one Map lookup per candidate length (division names run from 2
// to 24 characters) or one indexOf scan of the whole text per key (the
// lexicon's ~400 forms).
//
// Keys are walked by UTF-16 code unit, the way String#slice and indexOf see
// them, so a match here is exactly a slice that equals a key.
//
// Layout, for speed on Chinese text (the walk ran at ~10 ns a character
// with object nodes, one of the largest costs of extraction): keys are added
// to object nodes, then compiled on first use into flat typed arrays —
// - a bit table of the code units that start a key, a bit table over a hash
//   of each key's first two code units, then a hash table of the nodes two
//   levels down by those two code units: most positions of a text are
//   rejected by one or two reads of small tables, and the others start their
//   walk at depth 2;
// - the root's children in a table indexed by code unit;
// - below the root, each node as one record of one shared array: its number
//   of children, then its children as a sorted run of (code unit, child)
//   pairs (most nodes have 1–5 children: searched linearly; wider ones by
//   bisection), the records laid out depth first.

import { codesOf } from './scan.js';

interface Node<T> {
  codes: number[];
  kids: Node<T>[];
  terminal: boolean;
  /** Set when a key ends here. */
  value: T | undefined;
}

const node = <T>(): Node<T> => ({ codes: [], kids: [], terminal: false, value: undefined });

function child<T>(n: Node<T>, code: number): Node<T> | undefined {
  const codes = n.codes;
  for (let k = 0; k < codes.length; k++) if (codes[k] === code) return n.kids[k];
  return undefined;
}

/** Hash of the first two code units of a key (or at a text position): pairBits and the pair table are indexed by its high bits. */
const pairHash = (c0: number, c1: number) => Math.imul(c0, 0x9e3779b1) ^ Math.imul(c1, 0x85ebca6b);

/** The compiled trie: flat arrays, walked by the free functions below (monomorphic, no `this` loads in the loops). */
interface Table<T> {
  /** Ref + 1 of the root's child for each code unit (0: none); see `nodes` for refs. */
  first: Int32Array;
  /**
   * Bit c set for the code units c that start a key (bit c & 31 of word
   * c >>> 5): the first test of every position. A bit table (8 KiB) stays in the
   * first-level cache while the other stages' tables come and go; a byte table
   * (64 KiB) did not: the census's walk took 64 µs a report inside the
   * pipeline against 30 µs on its own, 47 µs with the bit tables.
   */
  starts: Int32Array;
  /**
   * Bit pairHash(c0, c1) >>> 15 set when some key of 2+ units starts with
   * c0 c1 (a 16 KiB bit table): most positions that pass `starts` stop here,
   * before the exact pair table (larger, rarely in cache) is read.
   */
  pairBits: Int32Array;
  /**
   * The nodes at depth 2 by their first two code units, in an open-addressing
   * hash table (slot = pairHash >>> pairShift, linear probing): slot h is
   * pairs[2h] (c0 << 16 | c1) and pairs[2h + 1] (the node's ref + 1; 0 for an
   * empty slot), side by side, so that a lookup reads one cache line, not one
   * in each of three arrays. A position is rejected, or its walk started two
   * levels down, by one lookup with an exact key check.
   */
  pairs: Int32Array;
  pairShift: number;
  /** Some key is one code unit long (the pair filter cannot reject its positions). */
  singles: boolean;
  /**
   * Keys start with so many different code units (the census's thousands of
   * place names) that the `starts` test lets most CJK text through: the pair
   * bits are then tested first, without it.
   */
  pairsOnly: boolean;
  /**
   * Every node as one record: nodes[o] is its number of children, nodes[o + 1]
   * its value (see `inline`), then its children as (code unit, ref) pairs sorted
   * by code. A ref is the child's offset o × 2, + 1 when a key ends there.
   * Records are laid out depth first, so a walk down a name mostly reads the
   * next few cache lines; with a node's count, edges and flags in separate
   * arrays, numbered breadth first, each step of the census's walk (tens of
   * thousands of names, never all in cache) read three far-apart places.
   */
  nodes: Int32Array;
  /**
   * Whether every key's value is a 32-bit integer (the census's word ids, the
   * forms' ranks), kept in its node's record itself: the values of a scan's
   * occurrences are then copied out in one slice, not looked up one by one in
   * `values` (a random read each, in the census's 24,000). Else a record holds
   * the node's index in `values`.
   */
  inline: boolean;
  values: (T | undefined)[];
}

/** The value of the key ending at node n. */
const valueAt = <T>(t: Table<T>, n: number): T => (t.inline ? t.nodes[n + 1] : t.values[t.nodes[n + 1]]) as T;

/** Whether v is stored unchanged in an Int32Array (not -0, which comes back as 0). */
const isInt32 = (v: unknown): boolean => typeof v === 'number' && (v | 0) === v && !Object.is(v, -0);

/** Ref of node n's child for code unit c, or -1 (also for NaN). */
function kidRef(nodes: Int32Array, n: number, c: number): number {
  let lo = n + 2;
  const end = lo + 2 * nodes[n];
  if (end - lo > 16) {
    // (bisection over the pairs: indices k of the pairs, 2k from lo)
    let a = 0;
    let b = (end - lo) >> 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (nodes[lo + 2 * mid] < c) a = mid + 1;
      else b = mid;
    }
    const at = lo + 2 * a;
    return at < end && nodes[at] === c ? nodes[at + 1] : -1;
  }
  for (; lo < end; lo += 2) if (nodes[lo] === c) return nodes[lo + 1];
  return -1;
}

/**
 * Ref of the root's child for text[at] when a key may start at `at`, else
 * -1. Never reads past the end of the text (charCodeAt there returns NaN, and
 * deoptimizes the caller's loop).
 */
function startAt(t: Table<unknown>, text: string, at: number): number {
  const c0 = text.charCodeAt(at);
  if (!(c0 >= 0) || (t.starts[c0 >>> 5] & (1 << (c0 & 31))) === 0) return -1;
  if (!t.singles) {
    if (at + 1 >= text.length || pairRefOf(t, c0, text.charCodeAt(at + 1)) < 0) return -1;
  }
  return t.first[c0] - 1;
}

/** Ref of the node for the two code units c0 c1 (a prefix of some key), or -1. */
function pairRefOf(t: Table<unknown>, c0: number, c1: number): number {
  const hash = pairHash(c0, c1);
  const bit = hash >>> 15;
  if ((t.pairBits[bit >>> 5] & (1 << (bit & 31))) === 0) return -1;
  const pairs = t.pairs;
  const mask = pairs.length - 2;
  const key = (c0 << 16) | c1;
  for (let h = (hash >>> t.pairShift) << 1, ref = pairs[h + 1]; ref !== 0; h = (h + 2) & mask, ref = pairs[h + 1]) {
    if (pairs[h] === key) return ref - 1;
  }
  return -1;
}

export class Trie<T> {
  private readonly root = node<T>();
  private table: Table<T> | null = null;

  /** Adds key (non-empty); the first value given for a key is kept. */
  add(key: string, value: T): void {
    if (!key) throw new Error('Trie: empty key');
    let n = this.root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next: Node<T> | undefined = child(n, c);
      if (!next) {
        next = node<T>();
        n.codes.push(c);
        n.kids.push(next);
      }
      n = next;
    }
    if (!n.terminal) {
      n.terminal = true;
      n.value = value;
    }
    this.table = null;
  }

  /** The flat arrays: node records laid out depth first (see Table.nodes). */
  private compiled(): Table<T> {
    if (this.table) return this.table;
    // offsets of the records, depth first (an explicit stack: names nest 20+ deep)
    const order: Node<T>[] = [];
    const offsets = new Map<Node<T>, number>();
    let size = 0;
    const stack = [...this.root.kids].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      offsets.set(n, size);
      order.push(n);
      size += 2 + 2 * n.codes.length;
      for (let k = n.kids.length - 1; k >= 0; k--) stack.push(n.kids[k]);
    }
    const refOf = (n: Node<T>) => 2 * offsets.get(n)! + (n.terminal ? 1 : 0);
    const pairCount = this.root.kids.reduce((sum, n) => sum + n.codes.length, 0);
    let bits = 6;
    while (1 << bits < 4 * pairCount) bits++; // at most a quarter of the slots taken
    const t: Table<T> = {
      first: new Int32Array(0x10000),
      starts: new Int32Array(0x10000 >>> 5),
      pairBits: new Int32Array(1 << 12),
      pairs: new Int32Array(2 << bits),
      pairShift: 32 - bits,
      singles: false,
      pairsOnly: false,
      nodes: new Int32Array(size),
      inline: order.every((n) => !n.terminal || isInt32(n.value)),
      values: new Array<T | undefined>(order.length).fill(undefined),
    };
    this.root.codes.forEach((c0, k) => {
      const n = this.root.kids[k];
      t.first[c0] = refOf(n) + 1;
      t.starts[c0 >>> 5] |= 1 << (c0 & 31);
      if (n.terminal) t.singles = true;
      n.codes.forEach((c1, j) => {
        const hash = pairHash(c0, c1);
        const bit = hash >>> 15;
        t.pairBits[bit >>> 5] |= 1 << (bit & 31);
        let h = (hash >>> t.pairShift) << 1;
        while (t.pairs[h + 1] !== 0) h = (h + 2) & (t.pairs.length - 2);
        t.pairs[h] = (c0 << 16) | c1;
        t.pairs[h + 1] = refOf(n.kids[j]) + 1;
      });
    });
    t.pairsOnly = !t.singles && this.root.codes.length > 500;
    order.forEach((n, index) => {
      const o = offsets.get(n)!;
      t.nodes[o] = n.codes.length;
      t.nodes[o + 1] = t.inline ? (n.terminal ? (n.value as number) : 0) : index;
      t.values[index] = n.value;
      const sorted = n.codes.map((c, k) => [c, n.kids[k]] as const).sort((a, b) => a[0] - b[0]);
      sorted.forEach(([c, kid], k) => {
        t.nodes[o + 2 + 2 * k] = c;
        t.nodes[o + 3 + 2 * k] = refOf(kid);
      });
    });
    this.table = t;
    return t;
  }

  /**
   * Length of the longest key of at least minLength characters that starts at
   * `at` and ends at or before `end`, or 0.
   */
  longestAt(text: string, at: number, minLength = 1, end = text.length): number {
    const t = this.compiled();
    if (at >= end || !(at >= 0 && at < text.length)) return 0;
    const start = startAt(t, text, at);
    if (start < 0) return 0;
    let n = start >> 1;
    let best = start & 1 && 1 >= minLength ? 1 : 0;
    const stop = Math.min(end, text.length);
    const nodes = t.nodes;
    for (let i = at + 1; i < stop; i++) {
      const ref = kidRef(nodes, n, text.charCodeAt(i));
      if (ref < 0) break;
      n = ref >> 1;
      if (ref & 1 && i + 1 - at >= minLength) best = i + 1 - at;
    }
    return best;
  }

  /** Calls visit(length, value) for every key starting at `at`, shortest first. */
  eachAt(text: string, at: number, visit: (length: number, value: T) => void): void {
    const t = this.compiled();
    if (!(at >= 0 && at < text.length)) return;
    const start = startAt(t, text, at);
    if (start < 0) return;
    let n = start >> 1;
    const nodes = t.nodes;
    if (start & 1) visit(1, valueAt(t, n));
    for (let i = at + 1; i < text.length; i++) {
      const ref = kidRef(nodes, n, text.charCodeAt(i));
      if (ref < 0) return;
      n = ref >> 1;
      if (ref & 1) visit(i + 1 - at, valueAt(t, n));
    }
  }

  /**
   * Every occurrence of every key in text, overlapping ones included: visit(at,
   * length, value) in order of at, then length. One pass, the per-position loop
   * kept inside (a call per occurrence, not per character).
   */
  forEachMatch(text: string | Uint16Array, visit: (at: number, length: number, value: T) => void): void {
    const found = this.matchesIn(text);
    for (let k = 0; k < found.at.length; k++) visit(found.at[k], found.length[k], found.value[k]);
  }

  /**
   * The occurrences forEachMatch visits, as parallel arrays. The scan itself
   * calls nothing back: one scanning function serves every trie, and a
   * callback that differs from trie to trie made its optimized code be thrown
   * away and rebuilt again and again while extraction warmed up.
   */
  matchesIn(text: string | Uint16Array): Matches<T> {
    const t = this.compiled();
    const count = matchesIn(t, typeof text === 'string' ? codesOf(text) : text);
    // (copied out of the scratch arrays in one slice each; values kept apart looked up by their index here)
    const value = t.inline ? (scratch.value.slice(0, count) as T[]) : scratch.value.slice(0, count).map((index) => t.values[index] as T);
    const found: Matches<T> = { at: scratch.at.slice(0, count), length: scratch.length.slice(0, count), value };
    if (scratch.at.length > SCRATCH_MAX) scratch = newScratch();
    return found;
  }

  /** The positions where some key starts, in increasing order. */
  startsIn(text: string | Uint16Array): number[] {
    const { at } = this.matchesIn(text);
    const starts: number[] = [];
    for (const p of at) if (starts[starts.length - 1] !== p) starts.push(p);
    return starts;
  }

  /**
   * Left to right, the longest key of at least minLength characters at each
   * position, skipping past each match: visit(at, length) per match.
   */
  forEachLongest(text: string | Uint16Array, minLength: number, visit: (at: number, length: number) => void): void {
    forEachLongestIn(this.compiled(), typeof text === 'string' ? codesOf(text) : text, minLength, visit);
  }
}

// The two scans below read the text's code units from a typed array
// (codesOf), and start each walk two levels down from the pair table: they are
// the per-character loops of extraction. (With a one-unit key, the walk
// starts at the root's child, as startAt does.)

/** Occurrences of keys: at[k], length[k], value[k]. */
export interface Matches<T> {
  at: number[];
  length: number[];
  value: T[];
}

// The occurrences the scan finds are written to scratch arrays reused from call to call (extraction is
// synchronous, and Trie.matchesIn copies them out before it returns): a census finds some 300 occurrences
// in a report, and pushing them onto three new arrays, grown again and again, took longer than the walk
// that found them (bench: 10.1 against 6.1 ns a character of the census walk alone). `value` holds each
// occurrence's record slot nodes[n + 1]: its value, or its index in Table.values (an integer either way,
// so the arrays stay integer arrays).
// A scan that found more than SCRATCH_MAX occurrences (a huge hostile input) leaves them to the collector.
const SCRATCH_MAX = 1 << 16;
const newScratch = () => ({ at: [] as number[], length: [] as number[], value: [] as number[] });
let scratch = newScratch();

/** Writes every occurrence to `scratch` (at, length, value index) and returns how many there are. */
function matchesIn<T>(t: Table<T>, codes: Uint16Array): number {
  // This loop runs at every character of every text (the census, the forms). pairRefOf and kidRef
  // are called, not written out: V8 inlines them (a hand-inlined copy measured the same, ×1.00 on
  // 400 reports with bench/profile-extract.ts --compare). The pair's two code units roll along (one
  // read per position) and its bit is tested here, before the call: most positions stop at that test.
  const { first, starts, singles, pairsOnly, nodes, pairBits } = t;
  const { at: ats, length: lengths, value: vals } = scratch;
  // (a write at index `count` appends when the scratch arrays are shorter: they grow to the longest scan)
  let count = 0;
  const length = codes.length;
  let c1 = length ? codes[0] : 0;
  for (let at = 0; at < length; at++) {
    const c0 = c1;
    c1 = at + 1 < length ? codes[at + 1] : -1;
    if (!pairsOnly && (starts[c0 >>> 5] & (1 << (c0 & 31))) === 0) continue;
    let n = -1;
    let i: number;
    if (singles) {
      const ref = first[c0] - 1;
      n = ref >> 1;
      if (ref & 1) {
        ats[count] = at;
        lengths[count] = 1;
        vals[count++] = nodes[n + 1];
      }
      i = at + 1;
    } else {
      if (c1 < 0) break;
      const bit = pairHash(c0, c1) >>> 15;
      if ((pairBits[bit >>> 5] & (1 << (bit & 31))) === 0) continue;
      const ref = pairRefOf(t, c0, c1);
      if (ref < 0) continue;
      n = ref >> 1;
      if (ref & 1) {
        ats[count] = at;
        lengths[count] = 2;
        vals[count++] = nodes[n + 1];
      }
      i = at + 2;
    }
    for (; i < length; i++) {
      const ref = kidRef(nodes, n, codes[i]);
      if (ref < 0) break;
      n = ref >> 1;
      if (ref & 1) {
        ats[count] = at;
        lengths[count] = i + 1 - at;
        vals[count++] = nodes[n + 1];
      }
    }
  }
  return count;
}

function forEachLongestIn<T>(t: Table<T>, codes: Uint16Array, minLength: number, visit: (at: number, length: number) => void): void {
  const { first, starts, singles, nodes } = t;
  const length = codes.length;
  for (let at = 0; at < length; at++) {
    const c0 = codes[at];
    if ((starts[c0 >>> 5] & (1 << (c0 & 31))) === 0) continue;
    let n: number;
    let i: number;
    let best = 0;
    if (singles) {
      const ref = first[c0] - 1;
      n = ref >> 1;
      if (ref & 1 && 1 >= minLength) best = 1;
      i = at + 1;
    } else {
      if (at + 1 === length) break;
      const ref = pairRefOf(t, c0, codes[at + 1]);
      if (ref < 0) continue;
      n = ref >> 1;
      if (ref & 1 && 2 >= minLength) best = 2;
      i = at + 2;
    }
    for (; i < length; i++) {
      const ref = kidRef(nodes, n, codes[i]);
      if (ref < 0) break;
      n = ref >> 1;
      if (ref & 1 && i + 1 - at >= minLength) best = i + 1 - at;
    }
    if (best) {
      visit(at, best);
      at += best - 1;
    }
  }
}
