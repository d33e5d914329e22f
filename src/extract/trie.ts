// A character trie over a fixed set of keys, built once at module load: one
// left-to-right walk finds the keys starting at a position, instead of one
// slice and one Map lookup per candidate length (divisionNamesIn used to try
// every length from 24 down to 2 at every character) or one indexOf scan of
// the whole text per key (the lexicon's ~400 forms).
//
// Keys are walked by UTF-16 code unit, the way String#slice and indexOf see
// them, so a match here is exactly a slice that equals a key.
//
// Layout, for speed on Chinese text: the root's children sit in a flat table
// indexed by code unit (most positions start no key and are rejected with one
// array read); below the root a node has few children (at most 5 for the
// GB/T 2260 names), kept in two parallel arrays searched linearly.

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

export class Trie<T> {
  /** The root's children by code unit. */
  private readonly first: (Node<T> | undefined)[] = new Array(0x10000).fill(undefined);

  /** Adds key (non-empty); the first value given for a key is kept. */
  add(key: string, value: T): void {
    if (!key) throw new Error('Trie: empty key');
    let n: Node<T> | undefined = this.first[key.charCodeAt(0)];
    if (!n) this.first[key.charCodeAt(0)] = n = node<T>();
    for (let i = 1; i < key.length; i++) {
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
  }

  /**
   * Length of the longest key of at least minLength characters that starts at
   * `at` and ends at or before `end`, or 0.
   */
  longestAt(text: string, at: number, minLength = 1, end = text.length): number {
    if (at >= end) return 0;
    let n = this.first[text.charCodeAt(at)];
    if (!n) return 0;
    let best = n.terminal && 1 >= minLength ? 1 : 0;
    for (let i = at + 1; i < end; i++) {
      n = child(n, text.charCodeAt(i));
      if (!n) break;
      if (n.terminal && i + 1 - at >= minLength) best = i + 1 - at;
    }
    return best;
  }

  /** Calls visit(length, value) for every key starting at `at`, shortest first. */
  eachAt(text: string, at: number, visit: (length: number, value: T) => void): void {
    if (at >= text.length) return;
    let n = this.first[text.charCodeAt(at)];
    if (!n) return;
    if (n.terminal) visit(1, n.value as T);
    for (let i = at + 1; i < text.length; i++) {
      n = child(n, text.charCodeAt(i));
      if (!n) return;
      if (n.terminal) visit(i + 1 - at, n.value as T);
    }
  }

  /**
   * Every occurrence of every key in text, overlapping ones included: visit(at,
   * length, value) in order of at, then length. One pass, the per-position loop
   * kept inside (a call per occurrence, not per character).
   */
  forEachMatch(text: string, visit: (at: number, length: number, value: T) => void): void {
    const first = this.first;
    for (let at = 0; at < text.length; at++) {
      let n = first[text.charCodeAt(at)];
      if (!n) continue;
      if (n.terminal) visit(at, 1, n.value as T);
      for (let i = at + 1; i < text.length; i++) {
        n = child(n, text.charCodeAt(i));
        if (!n) break;
        if (n.terminal) visit(at, i + 1 - at, n.value as T);
      }
    }
  }

  /**
   * Left to right, the longest key of at least minLength characters at each
   * position, skipping past each match: visit(at, length) per match.
   */
  forEachLongest(text: string, minLength: number, visit: (at: number, length: number) => void): void {
    const first = this.first;
    for (let at = 0; at < text.length; at++) {
      let n = first[text.charCodeAt(at)];
      if (!n) continue;
      let best = n.terminal && 1 >= minLength ? 1 : 0;
      for (let i = at + 1; i < text.length; i++) {
        n = child(n, text.charCodeAt(i));
        if (!n) break;
        if (n.terminal && i + 1 - at >= minLength) best = i + 1 - at;
      }
      if (best) {
        visit(at, best);
        at += best - 1;
      }
    }
  }
}

/**
 * Counts of several fixed words in one pass: counts[k] equals the number of
 * non-overlapping occurrences of words[k] found by repeated indexOf (each
 * search resuming after the previous occurrence), for every k at once.
 */
export class WordCounter {
  private readonly trie = new Trie<number[]>();
  constructor(readonly words: readonly string[]) {
    const byWord = new Map<string, number[]>();
    words.forEach((w, k) => {
      if (!w) throw new Error('WordCounter: empty word');
      byWord.set(w, [...(byWord.get(w) ?? []), k]);
    });
    for (const [w, ks] of byWord) this.trie.add(w, ks);
  }

  count(text: string): number[] {
    const counts = new Array<number>(this.words.length).fill(0);
    // where the next occurrence of each word may start (indexOf resumes after the previous one)
    const resume = new Array<number>(this.words.length).fill(0);
    this.trie.forEachMatch(text, (at, length, ks) => {
      for (const k of ks) {
        if (at < resume[k]) continue;
        counts[k]++;
        resume[k] = at + length;
      }
    });
    return counts;
  }
}
