// Initiatives: occurrences of the lexicon's names and aliases, longest form
// first, never two on the same characters. Matching runs on a copy of the text
// without quotation marks (so “放管服”改革 is found as 放管服改革) and maps
// every match back to the characters of the real text.
import type { WordCensus } from './census.js';
import {
  confidenceOf,
  FIRST_FORM_WORD,
  FORM_ENTRIES,
  FORM_LENGTHS,
  FORM_NAME_INDEX,
  FORM_NOT_BEFORE,
  FORM_RANK_OF_WORD,
  FORM_TRIE,
  INITIATIVES,
  PATTERNS,
  type LexiconEntry,
} from './lexicon.js';
import { allMatches, codesOf, isCJK, lastSpanFrom, quoteBalance, sortByStart, sortedNumbers } from './scan.js';
import { findTitles, type TitleSpan } from './regulations.js';
import { realOffset, strip, type Stripped } from './stripped.js';
import type { Sentences } from './sentences.js';
import type { InitiativeFact } from './types.js';

// Scratch flags reused from text to text (extraction is synchronous, and they do not outlive the call): a
// typed array of a report's length is allocated outside the heap and zeroed, at every call. A text longer
// than SCRATCH_MAX gets flags of its own, so that one huge input does not stay held.
const SCRATCH_MAX = 1 << 20;
let takenScratch = new Uint8Array(1 << 14);

/** `length` zeroed flags. */
function takenFlags(length: number): Uint8Array {
  if (length > SCRATCH_MAX) return new Uint8Array(length);
  if (takenScratch.length < length) takenScratch = new Uint8Array(length);
  return takenScratch.fill(0, 0, length);
}

/** The genres of laws and rules: a document of these governs what its title names, rather than carrying it out. */
const RULE_GENRE = /(规定|条例|办法|细则|规则|决定|(?<![办方做])法|法典)(?:[（(][^（）()]*[）)])?$/;

/** Whether [start, end) lies inside a 《》 title of a law or rule (the spans are disjoint and in order: a binary search). */
function insideRuleTitle(text: string, titles: TitleSpan[], start: number, end: number): boolean {
  const title = lastSpanFrom(titles, start);
  if (title === null || end > title.end || !RULE_GENRE.test(text.slice(title.start, title.end))) return false;
  // 严格落实《…第一责任人职责规定》: the report carries the system out, and names it by its own rule (the
  // system's name and the rule's genre word, nothing between); 落实《法治政府建设与责任落实督察工作规定》 and
  // 贯彻《重大行政决策程序暂行条例》 carry out a rule about a work or a procedure, which is cited, not named
  return !(OWN_RULE.test(text.slice(end, title.end)) && CARRIED_OUT.some((verb) => text.startsWith(verb, title.start - 1 - verb.length)));
}
const CARRIED_OUT = ['落实', '执行', '贯彻'];
/**
 * What follows a system's name in the title of its own rule: the rule's genre word alone (…职责规定,
 * …职责的规定, …职责实施办法(试行), …出庭应诉暂行办法, …职责规定实施细则); a regulation (条例) or a
 * rule about a work (工作规定) is not the system's own.
 */
const OWN_RULE = /^的?(?:规定)?(?:实施|暂行)?(?:规定|办法|细则)(?:[（(][^（）()]*[）)])?$/;

/** Whether [start, end) opens a quote (“ right before it) that goes on for 1–3 more Chinese characters before its ”. */
function beginsLongerQuote(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start - 1) !== 0x201c) return false;
  for (let i = end; i < end + 4; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201d) return i > end;
    if (!isCJK(c)) return false;
  }
  return false;
}

/** Whether one of the words starts at `at` (a loop: no closure per occurrence, as some() with an arrow made). */
function startsWithAny(text: string, at: number, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}

// (rank, offset) packed in one number for sorting: offsets stay below 2^32.
const RANK_UNIT = 2 ** 32;

/** What extractInitiatives reads that the caller may have already. */
export interface InitiativeInputs {
  /** The text's code units (codesOf). */
  codes?: Uint16Array;
  /** Its 《》 titles (findTitles). */
  titles?: TitleSpan[];
  /** The text without its IGNORABLE characters (strip), and the census that walked it (its walk holds the forms). */
  stripped?: Stripped;
  census?: WordCensus;
}

/** Every occurrence of every form in the stripped text as (rank in FORMS, offset), packed for sorting: from the census's walk of it when there is one. */
function formHits(stripped: Stripped, census: WordCensus | undefined): number[] {
  const walk = census?.walked === stripped ? census.walk : null;
  if (!walk) {
    const forms = FORM_TRIE.matchesIn(stripped.codes);
    const hits: number[] = new Array(forms.at.length);
    for (let k = 0; k < hits.length; k++) hits[k] = forms.value[k] * RANK_UNIT + forms.at[k];
    return hits;
  }
  const packed: number[] = [];
  for (let k = 0; k < walk.at.length; k++) {
    const k0 = walk.value[k] - FIRST_FORM_WORD;
    if (k0 < 0 || k0 >= FORM_RANK_OF_WORD.length) continue;
    const rank = FORM_RANK_OF_WORD[k0];
    if (rank >= 0) packed.push(rank * RANK_UNIT + walk.at[k]);
  }
  return packed;
}

export function extractInitiatives(
  text: string,
  sentences: Sentences,
  sectionPath: (offset: number) => string[],
  { codes = codesOf(text), titles = findTitles(text, sentences.opens), stripped = strip(text, codes, sentences.ignorable), census }: InitiativeInputs = {},
): InitiativeFact[] {
  const taken = takenFlags(stripped.text.length);
  // the facts in the order found, and each by its name's index (nameIndex: the first entry of that name)
  const facts: InitiativeFact[] = [];
  const factOf: (InitiativeFact | undefined)[] = new Array(INITIATIVES.length).fill(undefined);
  const record = (entry: LexiconEntry, nameIndex: number, at: number, last: number) => {
    for (let i = at; i <= last; i++) if (taken[i]) return;
    let start = realOffset(stripped, at);
    let end = realOffset(stripped, last) + 1;
    // take in a quotation mark the span opens or closes inside (“放管服”改革)
    let balance = quoteBalance(text, start, end);
    const opens = balance < 0 && text.charCodeAt(start - 1) === 0x201c;
    const closes = balance > 0 && text.charCodeAt(end) === 0x201d;
    // (the balance of the widened span: one more “ taken in, one more ” taken in)
    if (opens) {
      start--;
      balance++;
    }
    if (closes) {
      end++;
      balance--;
    }
    // 《以案释法》栏目: a name that is a whole document title is the document's (a regulation), not an initiative
    if (text.charCodeAt(start - 1) === 0x300a && text.charCodeAt(end) === 0x300b) return; // (code units: no one-character strings)
    // 《法治政府建设与责任落实督察工作规定》: a rule about a system is cited, not the system carried out (an
    // 实施方案 of a campaign carries it out, and keeps it: gold GUIDELINES §5)
    if (insideRuleTitle(text, titles, start, end)) return;
    // a quote that still splits the match (守护南粤”执法) means the name is not there
    if (balance !== 0) return;
    // a quoted name is one name: a form that only begins it (放管服 in “放管服效”改革) names something else
    if (beginsLongerQuote(text, start, end)) return;
    const surface = text.slice(start, end);
    for (let i = at; i <= last; i++) taken[i] = 1; // (a name is a few characters: a loop, not a fill call)
    let fact = factOf[nameIndex];
    if (!fact) {
      fact = { name: entry.name, surface: [], category: entry.category, count: 0, mentions: [], discovered: false, confidence: confidenceOf(entry) };
      factOf[nameIndex] = fact;
      facts.push(fact);
    }
    fact.count++;
    if (!fact.surface.includes(surface)) fact.surface.push(surface);
    fact.mentions.push({ start, end, sentence: sentences.textAt(start, end), section: sectionPath(start) });
  };
  // Spelled-out forms first: they are longer than any alias they contain.
  for (const { re, entry, nameIndex } of PATTERNS)
    for (const m of allMatches(re, stripped.text)) if (m[0].length) record(entry, nameIndex, m.index, m.index + m[0].length - 1);
  // Then every occurrence of every form, in the order of one indexOf scan per
  // form, longest form first (FORMS), and left to right within a form; found in
  // one trie pass over the text and sorted into that order.
  // (rank and offset packed, sorted as a Float64Array: numeric order without a comparator call per comparison)
  // (sorted in scratch memory: record, run for each, sorts nothing)
  for (const packed of sortedNumbers(formHits(stripped, census))) {
    // (both halves as integers: record's loops over the offsets then run on integers, not doubles)
    const rank = Math.floor(packed / RANK_UNIT) | 0;
    const start = (packed - rank * RANK_UNIT) | 0;
    const after = start + FORM_LENGTHS[rank];
    const notBefore = FORM_NOT_BEFORE[rank];
    if (notBefore !== null && startsWithAny(stripped.text, after, notBefore)) continue;
    record(FORM_ENTRIES[rank], FORM_NAME_INDEX[rank], start, after - 1);
  }
  for (const fact of facts) sortByStart(fact.mentions);
  return facts.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}
