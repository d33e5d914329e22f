// Initiatives: occurrences of the lexicon's names and aliases, longest form
// first, never two on the same characters. Matching runs on a copy of the text
// without quotation marks (so “放管服”改革 is found as 放管服改革) and maps
// every match back to the characters of the real text.
import { confidenceOf, FORM_ENTRIES, FORM_LENGTHS, FORM_TRIE, PATTERNS, type LexiconEntry } from './lexicon.js';
import { codesOf, lastSpanFrom, quoteBalance, sortByStart } from './scan.js';
import { findTitles, type TitleSpan } from './regulations.js';
import type { Sentences } from './sentences.js';
import type { InitiativeFact } from './types.js';

interface Stripped {
  text: string;
  /** Its code units, for the trie walk. */
  codes: Uint16Array;
  /**
   * For each removed character, in order: its offset in the real text minus the
   * number removed before it, i.e. how many kept characters precede it. A
   * report has a few dozen (quotes, line breaks) against thousands of kept
   * characters, so this is kept instead of the real offset of every kept one.
   */
  keptBefore: number[];
}

/** Offset in the real text of the stripped text's character k: k plus the removed characters before it. */
function realOffset(stripped: Stripped, k: number): number {
  // the removed characters before it are those with at most k kept characters before them (keptBefore never decreases)
  const keys = stripped.keptBefore;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] <= k) lo = mid + 1;
    else hi = mid;
  }
  return k + lo;
}

// Scratch arrays reused from text to text (extraction is synchronous, and neither outlives the call): a
// typed array of a report's length is allocated outside the heap and zeroed, at every call. A text longer
// than SCRATCH_MAX gets arrays of its own, so that one huge input does not stay held.
const SCRATCH_MAX = 1 << 20;
let keptScratch = new Uint16Array(1 << 14);
let takenScratch = new Uint8Array(1 << 14);

/** Room for `length` kept code units (contents undefined). */
function keptRoom(length: number): Uint16Array {
  if (length > SCRATCH_MAX) return new Uint16Array(length);
  if (keptScratch.length < length) keptScratch = new Uint16Array(length);
  return keptScratch;
}

/** `length` zeroed flags. */
function takenFlags(length: number): Uint8Array {
  if (length > SCRATCH_MAX) return new Uint8Array(length);
  if (takenScratch.length < length) takenScratch = new Uint8Array(length);
  return takenScratch.fill(0, 0, length);
}

/** The text without the characters at `ignorable` (increasing offsets: the IGNORABLE ones, Sentences collects them). */
function strip(text: string, codes: Uint16Array, ignorable: readonly number[]): Stripped {
  const keptBefore: number[] = [];
  if (!ignorable.length) return { text, codes, keptBefore };
  // the code units copied whole, then each run between two removed characters moved down over them
  // (native copies, no test per character)
  const kept = keptRoom(codes.length);
  kept.set(codes);
  let k = 0;
  let from = 0;
  for (const at of ignorable) {
    kept.copyWithin(k, from, at);
    k += at - from;
    keptBefore.push(k);
    from = at + 1;
  }
  kept.copyWithin(k, from, codes.length);
  k += codes.length - from;
  // the kept code units made a string in one native call (UTF-16 as it is, lone surrogates included),
  // not a slice per kept run and a join
  return { text: Buffer.from(kept.buffer, kept.byteOffset, k * 2).toString('utf16le'), codes: kept.subarray(0, k), keptBefore };
}

/** The genres of laws and rules: a document of these governs what its title names, rather than carrying it out. */
const RULE_GENRE = /(规定|条例|办法|细则|规则|决定|(?<![办方做])法|法典)(?:[（(][^（）()]*[）)])?$/;

/** Whether [start, end) lies inside a 《》 title of a law or rule (the spans are disjoint and in order: a binary search). */
function insideRuleTitle(text: string, titles: TitleSpan[], start: number, end: number): boolean {
  const title = lastSpanFrom(titles, start);
  return title !== null && end <= title.end && RULE_GENRE.test(text.slice(title.start, title.end));
}

// (rank, offset) packed in one number for sorting: offsets stay below 2^32.
const RANK_UNIT = 2 ** 32;

/** codes: the text's code units (codesOf), and titles: its 《》 titles (findTitles), when the caller has them already. */
export function extractInitiatives(
  text: string,
  sentences: Sentences,
  sectionPath: (offset: number) => string[],
  codes: Uint16Array = codesOf(text),
  titles: TitleSpan[] = findTitles(text, sentences.opens),
): InitiativeFact[] {
  const stripped = strip(text, codes, sentences.ignorable);
  const taken = takenFlags(stripped.text.length);
  const found = new Map<string, InitiativeFact>();
  const record = (entry: LexiconEntry, at: number, last: number) => {
    for (let i = at; i <= last; i++) if (taken[i]) return;
    let start = realOffset(stripped, at);
    let end = realOffset(stripped, last) + 1;
    // take in a quotation mark the span opens or closes inside (“放管服”改革)
    const balance = quoteBalance(text, start, end);
    if (balance < 0 && text.charCodeAt(start - 1) === 0x201c) start--;
    if (balance > 0 && text.charCodeAt(end) === 0x201d) end++;
    // 《以案释法》栏目: a name that is a whole document title is the document's (a regulation), not an initiative
    if (text.charCodeAt(start - 1) === 0x300a && text.charCodeAt(end) === 0x300b) return; // (code units: no one-character strings)
    // 《法治政府建设与责任落实督察工作规定》: a rule about a system is cited, not the system carried out (an
    // 实施方案 of a campaign carries it out, and keeps it: gold GUIDELINES §5)
    if (insideRuleTitle(text, titles, start, end)) return;
    // a quote that still splits the match (守护南粤”执法) means the name is not there
    if (quoteBalance(text, start, end) !== 0) return;
    const surface = text.slice(start, end);
    for (let i = at; i <= last; i++) taken[i] = 1; // (a name is a few characters: a loop, not a fill call)
    let fact = found.get(entry.name);
    if (!fact) found.set(entry.name, (fact = { name: entry.name, surface: [], category: entry.category, count: 0, mentions: [], discovered: false, confidence: confidenceOf(entry) }));
    fact.count++;
    if (!fact.surface.includes(surface)) fact.surface.push(surface);
    fact.mentions.push({ start, end, sentence: sentences.textAt(start, end), section: sectionPath(start) });
  };
  // Spelled-out forms first: they are longer than any alias they contain.
  for (const { re, entry } of PATTERNS)
    for (const m of stripped.text.matchAll(re)) if (m[0].length) record(entry, m.index ?? 0, (m.index ?? 0) + m[0].length - 1);
  // Then every occurrence of every form, in the order of one indexOf scan per
  // form, longest form first (FORMS), and left to right within a form; found in
  // one trie pass over the text and sorted into that order.
  const forms = FORM_TRIE.matchesIn(stripped.codes);
  // (rank and offset packed, sorted as a Float64Array: numeric order without a comparator call per comparison)
  const hits = new Float64Array(forms.at.length);
  for (let k = 0; k < hits.length; k++) hits[k] = forms.value[k] * RANK_UNIT + forms.at[k];
  hits.sort();
  for (const packed of hits) {
    // (both halves as integers: record's loops over the offsets then run on integers, not doubles)
    const rank = Math.floor(packed / RANK_UNIT) | 0;
    const start = (packed - rank * RANK_UNIT) | 0;
    record(FORM_ENTRIES[rank], start, start + FORM_LENGTHS[rank] - 1);
  }
  for (const fact of found.values()) sortByStart(fact.mentions);
  return [...found.values()].sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}
