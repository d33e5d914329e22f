// The text without the characters the lexicon's names ignore (IGNORABLE:
// quotes, spaces, line breaks), so that “放管服”改革 reads 放管服改革: the
// initiatives' forms are matched in it, and the census's words with them in
// the same trie walk (a word holds none of those characters). Offsets in it
// map back to the real text by realOffset.

import { codeBits, hasBit } from './scan.js';

/** Characters that never distinguish two names. */
export const IGNORABLE = /[“”"‘’'「」『』\s]/g;
// IGNORABLE as a bit table of UTF-16 code units, built once: a scan tests each character without a RegExp call.
const IGNORABLE_ONE = new RegExp(IGNORABLE.source);
export const IGNORABLE_UNITS = codeBits((c) => IGNORABLE_ONE.test(String.fromCharCode(c)));

/** Whether a word holds an IGNORABLE character (then it cannot occur in a stripped text). */
export function holdsIgnorable(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (hasBit(IGNORABLE_UNITS, word.charCodeAt(i))) return true;
  return false;
}

/** The text without its IGNORABLE characters. */
export interface Stripped {
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

// A scratch array reused from text to text (extraction is synchronous, and the stripped code units are
// read only while the report is extracted): a typed array of a report's length is allocated outside the
// heap and zeroed, at every call. A text longer than SCRATCH_MAX gets an array of its own, so that one huge
// input does not stay held.
const SCRATCH_MAX = 1 << 20;
let keptScratch = new Uint16Array(1 << 14);

/** Room for `length` kept code units (contents undefined). */
function keptRoom(length: number): Uint16Array {
  if (length > SCRATCH_MAX) return new Uint16Array(length);
  if (keptScratch.length < length) keptScratch = new Uint16Array(length);
  return keptScratch;
}

/**
 * The text without the characters at `ignorable` (increasing offsets: the
 * IGNORABLE ones, Sentences collects them). Its code units are valid until
 * the next call (scratch memory).
 */
export function strip(text: string, codes: Uint16Array, ignorable: readonly number[]): Stripped {
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

/** Offset in the real text of the stripped text's character k: k plus the removed characters before it. */
export function realOffset(stripped: Stripped, k: number): number {
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
