// Sentence spans of the normalized text: a sentence ends at 。！？ or at a
// line end. Mentions carry the sentence they sit in.
import { IGNORABLE_UNITS } from './stripped.js';
import { codeBits, codesOf, hasBit, numeralKind } from './scan.js';

export interface Span {
  start: number;
  end: number;
}

// The sentence breaks; and, collected in the same pass, the title brackets 《 》 (for TitleCursor and
// findTitles), the starts of runs of digits or of Chinese numerals (for metricMatches) and the characters
// the lexicon's names ignore (for the initiatives' copy of the text without them).
const SCANNED = codeBits(
  (c) =>
    c === 0x0a ||
    c === 0x3002 ||
    c === 0xff01 ||
    c === 0xff1f ||
    c === 0x21 ||
    c === 0x3f ||
    c === 0x300a ||
    c === 0x300b ||
    numeralKind(c) !== 0 ||
    hasBit(IGNORABLE_UNITS, c),
);

export class Sentences {
  // The spans as two arrays of offsets (not an object per sentence: a report has a hundred or more).
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Offsets of every 《 and every 》 in the text, in order: found by the same pass. */
  readonly opens: number[] = [];
  readonly closes: number[] = [];
  /** Offsets where a run of digits, or of Chinese numerals (CN_DIGITS), starts, in order: found by the same pass. */
  readonly numeralRuns: number[] = [];
  /** Offsets of the characters the lexicon's names ignore (IGNORABLE: quotes, spaces, line breaks), in order: found by the same pass. */
  readonly ignorable: number[] = [];

  /** codes: the text's code units (codesOf), when the caller has them. */
  constructor(
    readonly text: string,
    codes?: Uint16Array,
  ) {
    let start = 0;
    let lastNumeral = -2;
    let lastKind = 0;
    const units = codes ?? codesOf(text);
    for (let i = 0; i < units.length; i++) {
      // \n 。 ！ ？ ! ?, as code units: one bit-table test per character, the comparisons only at a hit
      const c = units[i];
      if (!hasBit(SCANNED, c)) continue;
      if (hasBit(IGNORABLE_UNITS, c)) this.ignorable.push(i);
      const kind = numeralKind(c);
      if (kind) {
        if (lastNumeral !== i - 1 || lastKind !== kind) this.numeralRuns.push(i);
        lastNumeral = i;
        lastKind = kind;
      } else if (c === 0x300a) this.opens.push(i);
      else if (c === 0x300b) this.closes.push(i);
      else if (c === 0x0a || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f) {
        const end = c === 0x0a ? i : i + 1;
        if (end > start) {
          this.starts.push(start);
          this.ends.push(end);
        }
        start = i + 1;
      }
    }
    if (start < text.length) {
      this.starts.push(start);
      this.ends.push(text.length);
    }
  }

  /** The sentence spans, in order. */
  get spans(): Span[] {
    return this.starts.map((start, k) => ({ start, end: this.ends[k] }));
  }

  /** Index of the sentence containing offset (binary search), or -1 between sentences. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < this.starts[mid]) hi = mid - 1;
      else if (offset >= this.ends[mid]) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** The sentence containing offset (binary search). */
  at(offset: number): Span {
    const k = this.indexAt(offset);
    return k >= 0 ? { start: this.starts[k], end: this.ends[k] } : { start: offset, end: offset };
  }

  /** The sentences covering [start, end), for facts longer than one sentence (a problem item). */
  textSpanning(start: number, end: number): string {
    const first = this.at(start);
    const last = this.at(Math.max(start, end - 1));
    const to = Math.max(first.end, last.end);
    if (to - first.start > MAX_SENTENCE) return this.window(first.start, to, start, end);
    return this.text.slice(first.start, to).trim();
  }

  // Each fact's mention carries its sentence: a sentence with several facts is sliced and trimmed once.
  private readonly texts: (string | undefined)[] = [];

  /** The sentence of a mention at [offset, end) (end: the mention's end, when known). */
  textAt(offset: number, end = offset): string {
    const k = this.indexAt(offset);
    if (k < 0) return '';
    if (this.ends[k] - this.starts[k] > MAX_SENTENCE) return this.window(this.starts[k], this.ends[k], offset, Math.max(end, offset));
    let sentence = this.texts[k];
    if (sentence === undefined) this.texts[k] = sentence = this.text.slice(this.starts[k], this.ends[k]).trim();
    return sentence;
  }

  /**
   * The clause around [start, end) inside the sentence [from, to): back to the clause mark
   * before it and on to the one after it, at most CONTEXT characters either side. A
   * "sentence" longer than MAX_SENTENCE is a page without sentence marks (a list glued
   * with commas, a scraped table): carried whole by each of its mentions it would be
   * repeated hundreds of times (a 400,000-character line with 500 facts is 200 million
   * characters of JSON, past what a JavaScript string can hold), and it says no more
   * about one mention than its clause does. Still a slice of the text.
   */
  private window(from: number, to: number, start: number, end: number): string {
    const text = this.text;
    let left = Math.max(from, start - CONTEXT);
    for (let i = start - 1; i >= left; i--) {
      if (hasBit(CLAUSE_MARKS, text.charCodeAt(i))) {
        left = i + 1;
        break;
      }
    }
    let right = Math.min(to, end + CONTEXT);
    for (let i = end; i < right; i++) {
      if (hasBit(CLAUSE_MARKS, text.charCodeAt(i))) {
        right = i + 1;
        break;
      }
    }
    return text.slice(left, Math.max(right, end)).trim();
  }
}

/** Longest sentence a mention carries whole (real reports' longest are ~300 characters). */
export const MAX_SENTENCE = 1_000;
/** Characters of context either side of a mention in an over-long sentence, at most. */
const CONTEXT = 200;
/** ， , ； ; ： : — where a clause ends inside a sentence. */
const CLAUSE_MARKS = codeBits((c) => '，,；;：:'.includes(String.fromCharCode(c)));
