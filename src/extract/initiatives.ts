// Initiatives: occurrences of the lexicon's names and aliases, longest form
// first, never two on the same characters. Matching runs on a copy of the text
// without quotation marks (so “放管服”改革 is found as 放管服改革) and maps
// every match back to the characters of the real text.
import { confidenceOf, FORMS, IGNORABLE, PATTERNS, type LexiconEntry } from './lexicon.js';
import { Trie } from './trie.js';
import type { Sentences } from './sentences.js';
import type { InitiativeFact } from './types.js';

interface Stripped {
  text: string;
  /** Offset in the real text of each character of the stripped text. */
  map: number[];
}

// IGNORABLE as a table of UTF-16 code units, built once: strip tests each character without a RegExp call.
const IGNORABLE_UNIT = new Uint8Array(0x10000);
{
  const single = new RegExp(IGNORABLE.source);
  for (let c = 0; c < 0x10000; c++) if (single.test(String.fromCharCode(c))) IGNORABLE_UNIT[c] = 1;
}

function strip(text: string): Stripped {
  const map: number[] = [];
  // kept runs are sliced whole (one slice per quotation mark or space, not one concatenation per character)
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (IGNORABLE_UNIT[text.charCodeAt(i)]) {
      if (i > runStart) parts.push(text.slice(runStart, i));
      runStart = i + 1;
      continue;
    }
    map.push(i);
  }
  if (text.length > runStart) parts.push(text.slice(runStart));
  return { text: parts.join(''), map };
}

// The lexicon's forms in one trie; the value is the form's rank in FORMS (longest first).
const FORM_TRIE = new Trie<number>();
FORMS.forEach(({ key }, rank) => FORM_TRIE.add(key, rank));
// (rank, offset) packed in one number for sorting: offsets stay below 2^32.
const RANK_UNIT = 2 ** 32;

/** Extends a span to take in a quotation mark it opens or closes inside (“放管服”改革). */
function balanceQuotes(text: string, start: number, end: number): [number, number] {
  const surface = text.slice(start, end);
  const opens = (surface.match(/“/g) ?? []).length;
  const closes = (surface.match(/”/g) ?? []).length;
  if (closes > opens && text[start - 1] === '“') start--;
  if (opens > closes && text[end] === '”') end++;
  return [start, end];
}

export function extractInitiatives(text: string, sentences: Sentences, sectionPath: (offset: number) => string[]): InitiativeFact[] {
  const stripped = strip(text);
  const taken = new Uint8Array(stripped.text.length);
  const found = new Map<string, InitiativeFact>();
  const record = (entry: LexiconEntry, at: number, last: number) => {
    if (taken.subarray(at, last + 1).some((x) => x)) return;
    const [start, end] = balanceQuotes(text, stripped.map[at], stripped.map[last] + 1);
    const surface = text.slice(start, end);
    // 《以案释法》栏目: a name that is a whole document title is the document's (a regulation), not an initiative
    if (text[start - 1] === '《' && text[end] === '》') return;
    // a quote that still splits the match (守护南粤”执法) means the name is not there
    if ((surface.match(/“/g) ?? []).length !== (surface.match(/”/g) ?? []).length) return;
    taken.fill(1, at, last + 1);
    const fact = found.get(entry.name) ?? { name: entry.name, surface: [], category: entry.category, count: 0, mentions: [], discovered: false, confidence: confidenceOf(entry) };
    fact.count++;
    if (!fact.surface.includes(surface)) fact.surface.push(surface);
    fact.mentions.push({ start, end, sentence: sentences.textAt(start), section: sectionPath(start) });
    found.set(entry.name, fact);
  };
  // Spelled-out forms first: they are longer than any alias they contain.
  for (const { re, entry } of PATTERNS)
    for (const m of stripped.text.matchAll(re)) if (m[0].length) record(entry, m.index ?? 0, (m.index ?? 0) + m[0].length - 1);
  // Then every occurrence of every form, in the order of one indexOf scan per
  // form, longest form first (FORMS), and left to right within a form; found in
  // one trie pass over the text and sorted into that order.
  const hits: number[] = [];
  FORM_TRIE.forEachMatch(stripped.text, (at, _length, rank) => hits.push(rank * RANK_UNIT + at));
  hits.sort((a, b) => a - b);
  for (const packed of hits) {
    const rank = Math.floor(packed / RANK_UNIT);
    const start = packed - rank * RANK_UNIT;
    const { key, entry } = FORMS[rank];
    record(entry, start, start + key.length - 1);
  }
  for (const fact of found.values()) fact.mentions.sort((a, b) => a.start - b.start);
  return [...found.values()].sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}
