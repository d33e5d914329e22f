// Small scanning helpers shared by the extractors, written as loops over code
// units instead of a slice and a RegExp call per candidate: each runs for every
// candidate fact of every report, tens to hundreds of times per report.

/** A code unit of the CJK Unified Ideographs block (汉字), where Chinese words are made. */
export const isCJK = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/** (Number of “) − (number of ”) in text[start, end): > 0 inside a quote, and what comparing two match counts said. */
export function quoteBalance(text: string, start: number, end: number): number {
  let balance = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) balance++;
    else if (c === 0x201d) balance--;
  }
  return balance;
}

/**
 * Whether a 《 is open at an offset, looking back at most `window`
 * characters: text.slice(max(0, at - window), at) has its last 《 after its
 * last 》 (a number or a quoted name inside a document title). Callers ask
 * with offsets in increasing order, so the cursor moves forward once over the
 * offsets of the brackets (Sentences collects them while it scans the text),
 * instead of slicing and searching back a window per candidate.
 */
export class TitleCursor {
  private o = 0;
  private c = 0;
  constructor(
    private readonly opens: readonly number[],
    private readonly closes: readonly number[],
  ) {}

  /** A cursor over text's brackets, found by indexOf (when no Sentences of the text is at hand). */
  static of(text: string): TitleCursor {
    const opens: number[] = [];
    const closes: number[] = [];
    for (let i = text.indexOf('《'); i >= 0; i = text.indexOf('《', i + 1)) opens.push(i);
    for (let i = text.indexOf('》'); i >= 0; i = text.indexOf('》', i + 1)) closes.push(i);
    return new TitleCursor(opens, closes);
  }

  openAt(at: number, window: number): boolean {
    if (at <= 0) return false;
    const { opens, closes } = this;
    // (an offset before an earlier one, which callers never ask for: start over)
    if ((this.o > 0 && opens[this.o - 1] >= at) || (this.c > 0 && closes[this.c - 1] >= at)) this.o = this.c = 0;
    while (this.o < opens.length && opens[this.o] < at) this.o++;
    while (this.c < closes.length && closes[this.c] < at) this.c++;
    const lastOpen = this.o > 0 ? opens[this.o - 1] : -1;
    const lastClose = this.c > 0 ? closes[this.c - 1] : -1;
    return lastOpen >= 0 && lastOpen >= at - window && lastOpen > lastClose;
  }
}

// Sets of characters as bits of one table indexed by UTF-16 code unit, for the
// per-character tests of the scans: `str[i]` makes a new one-character string
// for every CJK character (only Latin-1 ones are cached), and a set of them
// is then searched; a table read needs neither.
const SETS = new Uint16Array(0x10000);
let nextBit = 1;

/** Registers a set of characters (at module load); the returned bit is tested with inSet. */
export function charSet(chars: string): number {
  if (!chars) return 0; // the empty set: inSet is false for every character
  if (nextBit > 0x8000) throw new Error('charSet: at most 16 sets');
  const bit = nextBit;
  nextBit <<= 1;
  for (let i = 0; i < chars.length; i++) SETS[chars.charCodeAt(i)] |= bit;
  return bit;
}

/** Whether code unit c is in the set (false for NaN: charCodeAt past either end of a text). */
export const inSet = (c: number, set: number): boolean => (SETS[c] & set) !== 0;

/**
 * The text's UTF-16 code units as a typed array (one native copy). The
 * per-character scans (the trie walks, the sentence and number scans) read it
 * instead of calling charCodeAt at every position (a loop over a typed array
 * ran in about half the time); the copy is made once per report and shared.
 */
export function codesOf(text: string): Uint16Array {
  const bytes = Buffer.from(text, 'utf16le'); // code units as they are, lone surrogates included
  if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

/**
 * codesOf into memory reused from call to call, for a caller that is done
 * with the code units before it asks again (extraction is synchronous): the
 * per-report copy then allocates no buffer (Buffer.from took several µs a
 * call, and left a backing store for the collector). Each caller keeps its
 * own; a text longer than SCRATCH_UNITS gets a copy of its own, so that one
 * huge input does not stay held.
 */
export class ScratchCodes {
  private static readonly SCRATCH_UNITS = 1 << 20;
  private buffer = Buffer.allocUnsafeSlow(0);

  of(text: string): Uint16Array {
    if (text.length > ScratchCodes.SCRATCH_UNITS) return codesOf(text);
    // (allocUnsafeSlow: a buffer of its own, at offset 0, never a slice of the shared pool)
    if (this.buffer.length < 2 * text.length) this.buffer = Buffer.allocUnsafeSlow(Math.max(2 * text.length, 1 << 15));
    this.buffer.write(text, 0, 2 * text.length, 'utf16le'); // code units as they are, as Buffer.from writes them
    return new Uint16Array(this.buffer.buffer, this.buffer.byteOffset, text.length);
  }
}

/**
 * [...text.matchAll(re)] for a global RegExp, by exec on re itself (left at
 * lastIndex 0, as exec leaves a global RegExp after its last match). matchAll
 * first copies the RegExp (a constructor call through Symbol.species) and then
 * steps a generic iterator: for the few RegExps run once or a few times per
 * report, that cost more than the search itself. Same matches: an empty match
 * moves on by one code unit, or by one code point with the u or v flag, as
 * matchAll does.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('allMatches: a global RegExp');
  const matches: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    matches.push(m);
    if (m[0].length === 0) re.lastIndex = nextIndex(text, re.lastIndex, re.unicode || (re as { unicodeSets?: boolean }).unicodeSets === true);
  }
  return matches;
}

/**
 * The matches a global RegExp finds, when a cheap test can tell where one may
 * start: `sticky` is that RegExp with the y flag instead of g, tried only at
 * the positions `candidateFrom(at)` gives (the first one at or after `at`,
 * or -1), left to right, each search resuming after the last match; none may
 * be empty. The same matches, without running the RegExp at every position.
 */
export function matchesAtCandidates(text: string, sticky: RegExp, candidateFrom: (at: number) => number): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  for (let p = candidateFrom(0); p >= 0; p = candidateFrom(p + 1)) {
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (!m) continue;
    matches.push(m);
    p += m[0].length - 1; // the search resumes after the match
  }
  return matches;
}

/** The index after an empty match at i: the next code unit, or the next code point in unicode mode (AdvanceStringIndex). */
function nextIndex(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

/** What remembered keeps for an undefined result. */
const UNDEFINED: unique symbol = Symbol('undefined');

/**
 * A pure function of a string, remembered: names and titles recur from report
 * to report (the same quoted brands, the same national laws). Bounded: the
 * cache is emptied when it reaches `size` entries.
 */
export function remembered<T>(fn: (key: string) => T, size = 20_000): (key: string) => T {
  // (an undefined result is kept as UNDEFINED: one lookup answers, where get and then has took two, and
  // most names asked of the lexicon are not in it)
  const cache = new Map<string, T | typeof UNDEFINED>();
  return (key: string): T => {
    const kept = cache.get(key);
    if (kept !== undefined) return (kept === UNDEFINED ? undefined : kept) as T;
    if (cache.size >= size) cache.clear();
    const value = fn(key);
    cache.set(key, value === undefined ? UNDEFINED : value);
    return value;
  };
}

const INDEX_UNIT = 2 ** 21;

// Scratch memory for the numeric sorts below, reused from call to call (they are synchronous, and each
// caller is done with the sorted numbers before the next call). A typed array of more than a few elements
// has its memory allocated outside the heap and counted as external memory, which makes the collector run
// sooner: three per orderByKey call, a few calls per report, took ~2% of extraction on the devset. An array
// longer than SORT_SCRATCH_MAX is not kept, so that one huge input does not stay held.
const SORT_SCRATCH_MAX = 1 << 20;
let sortScratch = new Float64Array(1 << 12);

/**
 * The numbers sorted in increasing order, as a view of scratch memory valid
 * until the next call (numeric order, as a Float64Array sorts, without a
 * comparator call per comparison).
 */
export function sortedNumbers(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  let room: Float64Array;
  if (n > SORT_SCRATCH_MAX) room = new Float64Array(n);
  else {
    if (sortScratch.length < n) sortScratch = new Float64Array(Math.max(n, 2 * sortScratch.length));
    room = sortScratch.subarray(0, n);
  }
  for (let i = 0; i < n; i++) room[i] = values[i];
  return room.sort();
}

/**
 * The indices of `keys` (non-negative) sorted by key, equal keys in index
 * order: key and index packed in one number (exact below 2^53 for keys under
 * 2^32 and fewer than 2^21 indices) and sorted numerically (sortedNumbers),
 * not as objects with a comparator.
 */
export function orderByKey(keys: ArrayLike<number>): number[] {
  const n = keys.length;
  if (n >= INDEX_UNIT) return Array.from(keys, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  const packed: number[] = new Array(n);
  for (let i = 0; i < n; i++) packed[i] = keys[i] * INDEX_UNIT + i;
  const sorted = sortedNumbers(packed);
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) order[i] = sorted[i] % INDEX_UNIT;
  return order;
}

/**
 * Sorts mentions by start in place, as mentions.sort((a, b) => a.start - b.start)
 * does (a stable sort), skipping the call, and the copy it makes, when they are
 * in order already (most facts have one mention, or mentions found in order).
 */
export function sortByStart<M extends { start: number }>(mentions: M[]): M[] {
  for (let i = 1; i < mentions.length; i++) if (mentions[i - 1].start > mentions[i].start) return mentions.sort((a, b) => a.start - b.start);
  return mentions;
}

/**
 * A set of code units as a bit table (8 KiB, bit c & 31 of word c >>> 5), for
 * the tests run at every character of a text: a byte table of all 65,536 code
 * units (64 KiB) falls out of the first-level cache between the stages that
 * each read their own, a bit table does not.
 */
export function codeBits(has: (c: number) => boolean): Int32Array {
  const bits = new Int32Array(0x10000 >>> 5);
  for (let c = 0; c < 0x10000; c++) if (has(c)) bits[c >>> 5] |= 1 << (c & 31);
  return bits;
}

/** Whether code unit c (0–65535: read from a text, never past its end) is in the bit table. */
export const hasBit = (bits: Int32Array, c: number): boolean => (bits[c >>> 5] & (1 << (c & 31))) !== 0;

/** \s of a RegExp (ECMAScript WhiteSpace and LineTerminator), by code unit. */
export function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The Chinese numerals a count may be written in (两期, 十余次, 二十余场). */
export const CN_DIGITS = '零一二两三四五六七八九十百千';
const CN_NUMERAL = codeBits((c) => CN_DIGITS.includes(String.fromCharCode(c)));
/** 1: a digit, 2: a Chinese numeral (CN_DIGITS), 0: neither. */
export const numeralKind = (c: number) => (c >= 0x30 && c <= 0x39 ? 1 : hasBit(CN_NUMERAL, c) ? 2 : 0);

/**
 * Of spans that are disjoint and in text order, the one that can hold an
 * offset: the last starting at or before it (a binary search), or null when
 * none starts there. The caller checks its end.
 */
export function lastSpanFrom<S extends { start: number; end: number }>(spans: readonly S[], offset: number): S | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 ? spans[hi] : null;
}
